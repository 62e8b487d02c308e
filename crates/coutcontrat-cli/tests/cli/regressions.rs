//! Regression tests of what the fuzzers found in the contract path (`scripts/fuzz.sh`), named after what they
//! guard. (The importer's are in `crates/coutcontrat-referentiel/tests/fuzz_regressions.rs`.)

use crate::common::{run, run_bytes};

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

const CONTRACT: &str = r#"{"signed_on":"2025-08-15","start":"2025-09-01","end":"2027-02-28","npec":7000,"price":9000,"level":6}"#;

/// Issue 17: a contract saved by Windows Notepad starts with a UTF-8 byte-order mark, and `quote --json`
/// refused it with « expected value at line 1 column 1 ». It is the same contract: the same quote.
#[test]
fn a_contract_with_a_byte_order_mark_is_quoted_like_without() {
    let plain = run(&["quote", "--json"], CONTRACT);
    assert_eq!(plain.code, 0, "{}", plain.stderr);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(CONTRACT.as_bytes());
    let out = run_bytes(&["quote", "--json"], &bom);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.json(), plain.json());
}

/// Issue 17: bytes that are not UTF-8 exited 1 with code `io` (« stream did not contain valid UTF-8 »), as
/// if the disk had failed; it is the user's input: exit 2, `invalid`, saying which byte and where.
#[test]
fn a_contract_that_is_not_utf8_is_invalid_input_naming_the_byte() {
    let latin1 = CONTRACT.replace("2025-08-15", "2025-08-15\u{e9}");
    let bytes: Vec<u8> = latin1.chars().map(|c| c as u32 as u8).collect();
    let out = run_bytes(&["quote", "--json"], &bytes);
    assert_eq!(out.code, 2, "{}", out.stderr);
    let e = &out.json()["error"];
    assert_eq!(e["code"], "invalid", "{e}");
    let message = e["message"].as_str().unwrap();
    assert!(
        message.contains("UTF-8") && message.contains("0xE9") && message.contains("position 25"),
        "{message}"
    );
}

/// Issue 17: standard input had no size limit (`cat big | coutcontrat quote` read it all into memory). Past
/// 1 MiB the contract is refused, `invalid`, the message naming the limit. (That no more than the limit is
/// read is counted by `input::tests::an_endless_standard_input_is_read_up_to_the_limit_then_refused`.)
#[test]
fn a_standard_input_over_the_limit_is_refused_naming_it() {
    let limit = coutcontrat_cli::input::MAX_CONTRACT_JSON_BYTES as usize;
    let mut padded = CONTRACT.as_bytes().to_vec();
    padded.resize(limit, b' ');
    let out = run_bytes(&["quote", "--json"], &padded);
    assert_eq!(out.code, 0, "at the limit: {}", out.stderr);
    padded.push(b' ');
    let out = run_bytes(&["quote", "--json"], &padded);
    assert_eq!(out.code, 2, "{}", out.stderr);
    let e = &out.json()["error"];
    assert_eq!(e["code"], "invalid", "{e}");
    assert!(
        e["message"].as_str().unwrap().contains("1048576 octets"),
        "{e}"
    );
    assert!(out.stderr.contains("1 Mio"), "{}", out.stderr);
}

/// Issue 17: `quote --json` accepted a birth date in 1800 (with what the net cost needs) or refused it for
/// a missing headcount (without), and `cycle_year` 0 when no net cost was asked: both are `out_of_range`
/// naming their field, exit 2, in a quote and in a batch row.
#[test]
fn a_birth_date_in_1800_or_cycle_year_0_is_out_of_range_naming_the_field() {
    for (extra, field) in [
        (
            r#","birth_date":"1800-01-01","company_headcount":10}"#,
            "birth_date",
        ),
        (r#","birth_date":"1800-01-01"}"#, "birth_date"),
        (r#","cycle_year":0}"#, "cycle_year"),
    ] {
        let json = CONTRACT.replace('}', extra);
        let out = run(&["quote", "--json"], &json);
        assert_eq!(out.code, 2, "{json}: {}", out.stdout);
        let e = &out.json()["error"];
        assert_eq!(
            (e["code"].as_str(), e["field"].as_str()),
            (Some("out_of_range"), Some(field)),
            "{e}"
        );
    }
    let batch = "signed_on,start,end,npec,price,level,cycle_year\n2025-08-15,2025-09-01,2027-02-28,7000,9000,6,0\n";
    let out = run(&["batch", "-"], batch);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stdout.contains("out_of_range (cycle_year)"),
        "{}",
        out.stdout
    );
}

/// Issue 17: an unknown CPNE code gave the amorçage value without a word (« sans ligne pour la CPNE 2040 »),
/// where an unknown IDCC is an error. It is `unknown_branch` on `cpne`, exit 2, listing the known codes one
/// typo away with their labels, in `quote` and in `lookup`.
#[test]
fn an_unknown_cpne_is_an_error_listing_close_codes() {
    let json = r#"{"signed_on":"2026-09-14","start":"2026-09-01","end":"2028-08-31","rncp":"RNCP41000","cpne":2040,"price":9000,"level":5}"#;
    let out = run(&["quote", "--json"], json);
    assert_eq!(out.code, 2, "{}", out.stdout);
    let e = &out.json()["error"];
    assert_eq!(
        (e["code"].as_str(), e["field"].as_str()),
        (Some("unknown_branch"), Some("cpne")),
        "{e}"
    );
    let candidates: Vec<&str> = e["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert!(
        candidates.iter().any(|c| c.starts_with("204 – ")),
        "{candidates:?}"
    );
    assert!(
        out.stderr.contains("CPNE 2040 inconnue") && out.stderr.contains("204 – "),
        "{}",
        out.stderr
    );
    let out = run(
        &[
            "lookup",
            "--rncp",
            "RNCP41000",
            "--cpne",
            "2040",
            "--signed-on",
            "2026-09-14",
            "--json",
        ],
        "",
    );
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert_eq!(out.json()["error"]["field"], "cpne");
}
