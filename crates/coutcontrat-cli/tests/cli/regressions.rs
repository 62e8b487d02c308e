//! Regression tests of what the fuzzers found in the contract path (`scripts/fuzz.sh`), named after what they
//! guard. (The importer's are in `crates/coutcontrat-referentiel/tests/fuzz_regressions.rs`.)

use crate::common::run;

/// Found by `contract_fields`: a price of 79 228 162 514 264 337 593 543 950 335 € (the largest decimal)
/// overflowed the proration (price × days / days of the year) and the program panicked (exit 101). Every amount
/// of the contract must be refused as `out_of_range` before any arithmetic.
#[test]
fn an_amount_too_large_to_compute_is_out_of_range_not_a_panic() {
    let huge = "79228162514264337593543950335";
    for field in [
        "price",
        "npec",
        "rqth_majoration",
        "monthly_salary",
        "tutor_aid",
        "annexes.first_equipment",
    ] {
        let mut contract = serde_json::json!({
            "signed_on": "2025-08-15", "start": "2025-09-01", "end": "2027-02-28",
            "npec": "7000", "price": "9000", "level": 6,
        });
        match field.split_once('.') {
            Some((outer, inner)) => contract[outer] = serde_json::json!({ inner: huge }),
            None => contract[field] = huge.into(),
        }
        let json = contract.to_string();
        let input = coutcontrat::ContractInput::from_json(&json).unwrap();
        let err = input
            .parse()
            .and_then(|c| coutcontrat::Quoter::new(coutcontrat_referentiel::embedded()).quote(&c))
            .unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            ("out_of_range", Some(field)),
            "{err}"
        );
        let out = run(&["quote", "--json"], &json);
        assert_eq!(out.code, 2, "{field}: {}", out.stderr);
        assert_eq!(out.json()["error"]["code"], "out_of_range", "{field}");
        assert_eq!(out.json()["error"]["field"], field);
    }
}

/// Issue 17, bug 6: `quote --signed-on x 2>/dev/full` exited 101 (`eprintln!` panicked when standard error
/// could not be written). The refusal must keep its exit status, 2, and its JSON on standard output.
#[test]
fn a_standard_error_that_cannot_be_written_keeps_the_exit_status() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full exists on Linux");
    let out = std::process::Command::new(crate::common::BIN)
        .args(["quote", "--json"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["error"]["code"].is_string(), "{json}");
}
