//! `coutcontrat quote`: the JSON interface gives the library's figures; errors and exit codes.

use serde_json::Value;

use crate::common::{at, fixture_cases, library_quote_case, run};

/// Every case of the fixture file through `quote --json` gives exactly the JSON of the library's quote
/// (run in-process on the same input), and the refused ones the library's error, with exit status 2.
#[test]
fn every_fixture_case_through_quote_json_gives_the_librarys_figures() {
    let cases = fixture_cases();
    assert!(
        cases.len() >= 10,
        "the fixture file has {} cases",
        cases.len()
    );
    for case in &cases {
        let input = case.contract.to_string();
        let args = case.quote_args();
        let out = run(&args.iter().map(String::as_str).collect::<Vec<_>>(), &input);
        match library_quote_case(case) {
            Ok(expected) => {
                assert_eq!(
                    out.code, 0,
                    "{}: exit code; stderr: {}",
                    case.name, out.stderr
                );
                assert_eq!(
                    out.json(),
                    expected,
                    "{}: the binary's JSON differs from the library's",
                    case.name
                );
                assert!(
                    out.stderr.is_empty(),
                    "{}: stderr: {}",
                    case.name,
                    out.stderr
                );
            }
            Err(err) => {
                assert_eq!(
                    out.code, 2,
                    "{}: exit code; stdout: {}",
                    case.name, out.stdout
                );
                let e = &out.json()["error"];
                assert_eq!(e["code"], err.code(), "{}", case.name);
                assert_eq!(e["field"].as_str(), err.field(), "{}", case.name);
                assert_eq!(e["message"], err.message(), "{}", case.name);
                assert_eq!(
                    e["candidates"],
                    Value::from(err.candidates().to_vec()),
                    "{}",
                    case.name
                );
                assert!(
                    out.stderr.contains(err.message()),
                    "{}: stderr: {}",
                    case.name,
                    out.stderr
                );
            }
        }
    }
}

/// The figures the fixture file states (computed by hand from RULES.md) are the binary's, and the refused
/// cases are refused with the stated code and field.
#[test]
fn every_fixture_case_gives_the_expected_figures() {
    let mut failures = Vec::new();
    for case in fixture_cases() {
        let args = case.quote_args();
        let out = run(
            &args.iter().map(String::as_str).collect::<Vec<_>>(),
            &case.contract.to_string(),
        );
        let json = out.json();
        match &case.error {
            Some((code, field)) => {
                let e = &json["error"];
                if out.code != 2
                    || e["code"] != code.as_str()
                    || e["field"].as_str() != field.as_deref()
                {
                    failures.push(format!(
                        "{}: expected error {code} on {field:?}, got exit {} and {}",
                        case.name, out.code, out.stdout
                    ));
                }
            }
            None => {
                for (path, expected) in &case.expect {
                    let got = at(&json, path);
                    if got.as_ref() != Some(expected) {
                        failures.push(format!(
                            "{}: {path} = {got:?}, expected {expected}",
                            case.name
                        ));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

const A2: &str = r#"{"signed_on": "2025-08-15", "start": "2025-09-01", "end": "2027-02-28",
    "npec": 7000, "price": "9000", "level": 6, "rqth_majoration": "3000", "cfa_entry_on": "2025-07-01",
    "annexes": {"nights": 3, "meals": "10", "first_equipment": 250.5}}"#;

const A2_FLAGS: &[&str] = &[
    "--signed-on=2025-08-15",
    "--start=2025-09-01",
    "--end=2027-02-28",
    "--npec=7000",
    "--price=9000",
    "--level=6",
    "--rqth-majoration=3000",
    "--cfa-entry-on=2025-07-01",
    "--nights=3",
    "--meals=10",
    "--first-equipment=250.5",
];

/// The names the issue declares stable are in the output, with the documented shapes.
#[test]
fn the_json_output_has_the_stable_names() {
    let out = run(&["quote", "--json"], A2);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let q = out.json();
    for key in ["annual", "source", "table_version", "status", "provisional"] {
        assert!(q["npec"].get(key).is_some(), "npec.{key}");
    }
    assert_eq!(q["regime"], "daily");
    for key in [
        "start", "end", "days", "months", "npec", "price", "opco", "employer", "rqth",
    ] {
        assert!(q["years"][0].get(key).is_some(), "years[0].{key}");
    }
    assert_eq!(q["precontract"]["days"], 45);
    assert_eq!(q["precontract"]["amount"], "863.01");
    assert_eq!(q["participation"], "750.00");
    for key in ["npec", "price", "opco", "employer", "rqth", "annexes"] {
        let v = q["totals"][key]
            .as_str()
            .unwrap_or_else(|| panic!("totals.{key} is a string"));
        assert!(
            v.split_once('.').is_some_and(|(_, d)| d.len() == 2),
            "totals.{key} = {v}"
        );
    }
    assert_eq!(q["totals"]["annexes"], "298.50");
    for key in ["due", "kind", "amount"] {
        assert!(q["schedule"][0].get(key).is_some(), "schedule[0].{key}");
    }
    assert!(q["warnings"].is_array());
    assert!(q["sources"].as_array().is_some_and(|s| !s.is_empty()));
    // Without days in a CFA before the contract, `precontract` is null.
    let plain = run(
        &["quote", "--json"],
        r#"{"signed_on":"2025-08-15","start":"2025-09-01","end":"2026-08-31","npec":7000,"price":7000,"level":5}"#,
    );
    assert_eq!(plain.json()["precontract"], Value::Null);
}

/// The options build the same contract as the JSON input: same JSON out, and a readable quote.
#[test]
fn the_options_give_the_same_quote_as_the_json_input() {
    let from_json = run(&["quote", "--json"], A2);
    let mut args = vec!["quote", "--json"];
    args.extend_from_slice(A2_FLAGS);
    let from_flags = run(&args, "");
    assert_eq!(from_flags.code, 0, "{}", from_flags.stderr);
    assert_eq!(from_flags.json(), from_json.json());

    let mut args = vec!["quote"];
    args.extend_from_slice(A2_FLAGS);
    let text = run(&args, "");
    assert_eq!(text.code, 0, "{}", text.stderr);
    for expected in [
        "NPEC annuel : 7\u{a0}000,00\u{a0}€",
        "saisi à la main",
        "10\u{a0}471,23\u{a0}€", // total NPEC
        "Participation de l'employeur : 750,00\u{a0}€",
        "3\u{a0}741,78\u{a0}€", // employer's remaining charge
        "Échéancier",
        "Période en CFA avant le contrat : 45 jours",
        "R6332-25", // an article behind a figure
        "D8",       // the rule
    ] {
        assert!(
            text.stdout.contains(expected),
            "missing « {expected} » in:\n{}",
            text.stdout
        );
    }
}

/// D23: the days in the CFA after a rupture are their own line of the text quote, with the cap said.
#[test]
fn the_text_quote_shows_the_stay_after_a_rupture() {
    let text = run(
        &[
            "quote",
            "--signed-on=2025-08-15",
            "--start=2025-09-01",
            "--end=2027-08-31",
            "--npec=7000",
            "--price=7000",
            "--level=5",
            "--rupture-on=2026-01-15",
            "--cfa-stay-until=2026-09-30",
        ],
        "",
    );
    assert_eq!(text.code, 0, "{}", text.stderr);
    for expected in [
        "Maintien en CFA après la rupture (OPCO, hors plafond du prix, sans participation) : 181 jours du 16/01/2026 au 15/07/2026 : 3\u{a0}471,23\u{a0}€",
        "demandé jusqu'au 30/09/2026 : limité au 15/07/2026",
        "6\u{a0}098,63\u{a0}€", // the OPCO's teaching total, stay included
        "maintien en CFA après la rupture", // its instalment
    ] {
        assert!(
            text.stdout.contains(expected),
            "missing « {expected} » in:\n{}",
            text.stdout
        );
    }
}

#[test]
fn boolean_options_take_an_optional_value() {
    let base = [
        "quote",
        "--json",
        "--signed-on=2025-08-15",
        "--start=2025-09-01",
        "--end=2026-06-30",
        "--npec=7000",
        "--price=8000",
        "--level=4",
    ];
    let with = |extra: &[&str]| {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        run(&args, "").json()["years"][0]["npec"].clone()
    };
    assert_eq!(with(&["--reduced-duration"]), "6392.05");
    assert_eq!(with(&["--reduced-duration=oui"]), "6392.05");
    assert_eq!(with(&["--reduced-duration=non"]), "5810.96");
    assert_eq!(with(&[]), "5810.96");
}

/// Exit status 2 and the error on stderr for the readable output too; with `--json` also the error object.
#[test]
fn invalid_input_exits_with_2() {
    let out = run(
        &[
            "quote",
            "--signed-on",
            "2025-08-15",
            "--start",
            "2025-09-01",
            "--end",
            "2026-08-31",
            "--price",
            "-1",
            "--npec",
            "7000",
            "--level",
            "5",
        ],
        "",
    );
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert!(
        out.stderr.contains("price") && out.stderr.contains("négatif"),
        "{}",
        out.stderr
    );

    let out = run(
        &["quote", "--json"],
        r#"{"signed_on": "2025-08-15", "pirce": 9000}"#,
    );
    assert_eq!(out.code, 2);
    let e = &out.json()["error"];
    assert_eq!(e["code"], "unknown_field");
    assert_eq!(e["field"], "pirce");
    assert!(e["message"]
        .as_str()
        .unwrap()
        .contains("annexes.first_equipment"));
    assert_eq!(e["candidates"], Value::Array(vec![]));

    let out = run(&["quote", "--json"], "{not json");
    assert_eq!(out.code, 2);
    assert_eq!(out.json()["error"]["code"], "invalid");

    let out = run(&["quote", "--json"], "");
    assert_eq!(out.code, 2);
    assert_eq!(out.json()["error"]["code"], "usage");

    let out = run(
        &["quote", "--json"],
        r#"{"signed_on": "2025-08-15", "start": "2025-09-01", "end": "2026-08-31", "price": 9000}"#,
    );
    assert_eq!(out.code, 2);
    assert_eq!(out.json()["error"]["field"], "level");

    // A usage error of the command line itself is clap's, also 2.
    let out = run(&["quote", "--price-basis", "weekly"], "");
    assert_eq!(out.code, 2);
}

/// With a birth date, the library adds the employer's net cost; the readable quote shows it.
#[test]
fn the_readable_quote_shows_the_net_cost_when_the_library_gives_it() {
    let mut args = vec!["quote"];
    args.extend_from_slice(A2_FLAGS);
    args.extend_from_slice(&["--birth-date=2006-03-01", "--company-headcount=20"]);
    let out = run(&args, "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut json_args = args.clone();
    json_args.push("--json");
    let json = run(&json_args, "").json();
    match json["net_cost"]["net_total"].as_str() {
        Some(net) => {
            let amount: rust_decimal::Decimal = net.parse().unwrap();
            let shown = coutcontrat::money::euros(amount);
            assert!(out.stdout.contains("Coût net"), "{}", out.stdout);
            assert!(
                out.stdout.contains(&shown),
                "« {shown} » in:\n{}",
                out.stdout
            );
        }
        None => assert!(!out.stdout.contains("Coût net")),
    }
}

/// A client reads back what the command line wrote: the JSON of `quote --json` is a `Quote` equal to the
/// library's (with a birth date, so that the employer's side is there too).
#[test]
fn the_json_output_reads_back_into_the_same_quote() {
    let input = r#"{"signed_on": "2025-08-15", "start": "2025-09-01", "end": "2027-02-28",
        "npec": 7000, "price": "9000", "level": 6, "rqth_majoration": "3000", "cfa_entry_on": "2025-07-01",
        "birth_date": "2006-03-15", "company_headcount": 20,
        "annexes": {"nights": 3, "meals": "10", "first_equipment": 250.5}}"#;
    let out = run(&["quote", "--json"], input);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let read: coutcontrat::Quote = serde_json::from_str(&out.stdout).expect("the JSON reads back");
    let contract = coutcontrat::ContractInput::from_json(input)
        .and_then(|i| i.parse())
        .unwrap();
    let referentiel = coutcontrat_referentiel::embedded();
    let direct = coutcontrat::Quoter::new(referentiel)
        .quote(&contract)
        .unwrap();
    assert!(read.net_cost.is_some());
    assert_eq!(read, direct);
}

/// `--policy` selects section 0's other readings; an option it does not know is named, exit 2.
#[test]
fn a_policy_option_changes_the_figure_and_an_unknown_one_is_named() {
    // RULES-D17-D28.md §1 example 1f: 3 254,03 €, and 3 133,06 € with first_month_on_rupture.
    let flags = [
        "--signed-on=2026-05-04",
        "--start=2026-05-11",
        "--end=2028-05-10",
        "--rupture-on=2027-01-21",
        "--npec=7000",
        "--price=7000",
        "--level=5",
        "--birth-date=2005-01-15",
        "--company-headcount=20",
    ];
    let aid = |policy: Option<&str>| {
        let mut args = vec!["quote", "--json"];
        args.extend(policy);
        args.extend(flags);
        let out = run(&args, "");
        assert_eq!(out.code, 0, "{}", out.stderr);
        out.json()["net_cost"]["aid_total"].clone()
    };
    assert_eq!(aid(None), "3254.03");
    assert_eq!(
        aid(Some(r#"--policy={"first_month_on_rupture": true}"#)),
        "3133.06"
    );
    let mut args = vec!["quote", r#"--policy={"first_month": true}"#];
    args.extend(flags);
    let out = run(&args, "");
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("--policy") && out.stderr.contains("first_month"),
        "{}",
        out.stderr
    );
}
