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

/// Labels that carry terminal escape sequences, as a hostile or damaged workbook can: a colour, a screen
/// clear, a bidi override.
const HOSTILE_LABEL: &str = "BTS \u{1b}[2J\u{1b}[31mrouge\u{9b}0m";
const HOSTILE_CPNE: &str = "Branche \u{202e}esrevne\u{7}";

/// A data directory with one version whose certification and CPNE labels are hostile.
fn hostile_data() -> tempfile::TempDir {
    use coutcontrat::referentiel::{CpneIdcc, NpecRow, TableVersion};
    use jiff::civil::date;
    let dir = tempfile::tempdir().unwrap();
    let mut row = NpecRow::simple("RNCP41000", HOSTILE_LABEL, 901, "8000", date(2026, 9, 1));
    row.cpne_label = HOSTILE_CPNE.to_owned();
    row.diploma_type = "BTS\u{1b}]0;titre\u{7}".to_owned();
    let version = TableVersion {
        mapping: Some(vec![CpneIdcc {
            cpne: 901,
            idcc: 3252,
        }]),
        ..crate::common::test_version("test-2026", vec![row])
    };
    coutcontrat_referentiel::write_version(
        &dir.path().join("referentiel").join("test-2026"),
        &version,
    )
    .unwrap();
    dir
}

/// No character that a terminal obeys rather than shows, line breaks apart.
fn assert_printable(what: &str, text: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| c != '\n' && coutcontrat::text::is_unprintable(c))
        .collect();
    assert!(bad.is_empty(), "{what} prints {bad:?} raw:\n{text}");
}

/// Issue 17: `lookup`, `search`, `branches` (and `quote`) printed a workbook's labels raw, escape sequences
/// and all: the terminal cleared its screen or reversed the text. The text output shows them as escapes
/// (`\u{1b}`); the JSON output keeps the labels exact.
#[test]
fn labels_with_escape_sequences_are_shown_not_obeyed() {
    let data = hostile_data();
    let d = data.path().to_str().unwrap();
    let lookup = [
        "--data",
        d,
        "lookup",
        "--rncp",
        "RNCP41000",
        "--idcc",
        "3252",
        "--signed-on",
        "2026-09-14",
    ];
    let search = ["--data", d, "search", "RNCP41000"];
    let branches = ["--data", d, "branches", "esrevne"];
    let quote = [
        "--data",
        d,
        "quote",
        "--signed-on",
        "2026-09-14",
        "--start",
        "2026-09-01",
        "--end",
        "2027-08-31",
        "--rncp",
        "RNCP41000",
        "--idcc",
        "3252",
        "--price",
        "9000",
        "--level",
        "5",
    ];
    for args in [&lookup[..], &search, &branches, &quote] {
        let out = run(args, "");
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        assert_printable(args[2], &out.stdout);
        assert!(
            out.stdout.contains("\\u{1b}") || out.stdout.contains("\\u{202e}"),
            "{args:?}:\n{}",
            out.stdout
        );
    }
    let out = run(&[&lookup[..], &["--json"]].concat(), "");
    assert_eq!(out.json()["npec"]["row"]["label"], HOSTILE_LABEL);
    assert_eq!(out.json()["npec"]["cpne_label"], HOSTILE_CPNE);
    let out = run(&[&search[..], &["--json"]].concat(), "");
    assert_eq!(out.json()[0]["label"], HOSTILE_LABEL);
    let out = run(&[&branches[..], &["--json"]].concat(), "");
    assert_eq!(out.json()[0]["cpne"][0]["label"], HOSTILE_CPNE);
}

/// Issue 17: `import` printed the workbook's texts raw in its summary (its version tag, its warnings). They
/// are shown as escapes; the JSON summary keeps them exact.
#[test]
fn an_import_summary_shows_a_workbooks_escape_sequences() {
    use crate::errors::xlsx::{bts_row, current_workbook, e, t};
    let dir = tempfile::tempdir().unwrap();
    let mut row = bts_row(8000.0, e());
    row[1] = t(HOSTILE_LABEL);
    let tag = "v_04.09.2025\u{9b}2J\u{202e}";
    let workbook = dir.path().join("ref.xlsx");
    std::fs::write(&workbook, current_workbook(tag, vec![row], vec![])).unwrap();
    let out_dir = dir.path().join("data");
    let args = [
        "import",
        workbook.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ];
    let out = run(&args, "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_printable("import", &out.stdout);
    assert!(
        out.stdout.contains("v_04.09.2025\\u{9b}2J\\u{202e}"),
        "{}",
        out.stdout
    );
    // Again, as JSON: the same file, already imported, and its tag exact.
    let out = run(&[&args[..], &["--json"]].concat(), "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.json()["tag"], tag);
    // The version's texts, read back by `lookup`, are shown the same way.
    let d = out_dir.to_str().unwrap();
    let out = run(
        &[
            "--data",
            d,
            "lookup",
            "--rncp",
            "RNCP41000",
            "--cpne",
            "204",
            "--signed-on",
            "2025-09-14",
        ],
        "",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_printable("lookup", &out.stdout);
}

/// Issue 17: `search` found nothing for decomposed accents (NFD, as macOS and some copies give them) where
/// `branches` did: both fold them alike now.
#[test]
fn search_and_branches_read_decomposed_accents() {
    let out = run(
        &["search", "se\u{301}curite\u{301}", "management", "--json"],
        "",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.json()[0]["rncp"], "RNCP41000", "{}", out.stdout);
    let out = run(
        &[
            "branches",
            "pre\u{301}vention",
            "se\u{301}curite\u{301}",
            "--json",
        ],
        "",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.json()
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["idcc"] == 1351),
        "{}",
        out.stdout
    );
}
