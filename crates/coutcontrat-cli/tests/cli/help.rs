//! `--help` everywhere, with examples.

use crate::common::run;

#[test]
fn every_command_has_help_with_examples() {
    for args in [
        vec!["--help"],
        vec!["quote", "--help"],
        vec!["batch", "--help"],
        vec!["lookup", "--help"],
        vec!["search", "--help"],
        vec!["branches", "--help"],
        vec!["import", "--help"],
    ] {
        let out = run(&args, "");
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        assert!(out.stdout.contains("Exemples"), "{args:?}:\n{}", out.stdout);
        assert!(
            out.stdout.contains("coutcontrat "),
            "{args:?}:\n{}",
            out.stdout
        );
    }
    // An option for every field of the JSON interface (`annexes.meals` → `--meals`).
    let quote = run(&["quote", "--help"], "").stdout;
    for field in coutcontrat::contract::INPUT_FIELDS {
        let name = field.rsplit('.').next().unwrap().replace('_', "-");
        assert!(
            quote.contains(&format!("--{name}")),
            "quote --help lists --{name}"
        );
    }
    assert!(quote.contains("--json") && quote.contains("--data"));
    // The batch help lists the columns.
    let batch = run(&["batch", "--help"], "").stdout;
    for field in coutcontrat::contract::INPUT_FIELDS {
        assert!(batch.contains(field), "batch --help lists {field}");
    }
}

#[test]
fn no_command_is_a_usage_error() {
    assert_eq!(run(&[], "").code, 2);
    assert_eq!(run(&["frobnicate"], "").code, 2);
}
