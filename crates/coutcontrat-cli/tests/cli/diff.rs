//! `coutcontrat diff`: two editions compared pair by pair, on the shipped extracts of 2025-09 and 2026-09
//! (published amounts: BTS MOS × CPNE 204, 8 828 € then 8 765 €; RNCP35393 renewed as RNCP41000).

use serde_json::{json, Value};

use crate::common::*;

#[test]
fn the_2026_edition_against_the_2025_one() {
    let r = run(
        &["diff", "--from", "2025-09", "--to", "2026-09", "--json"],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let d = r.json();
    assert_eq!(d["to"], "2026-09");
    assert!(d["from"].as_str().unwrap().starts_with("2025-09"));
    let lines = d["lines"].as_array().unwrap();
    let find = |change: &str, rncp: &str, cpne: &str| -> &Value {
        lines
            .iter()
            .find(|l| l["change"] == change && l["rncp"] == rncp && l["cpne"] == cpne)
            .unwrap_or_else(|| panic!("{change} {rncp} × {cpne} missing: {lines:#?}"))
    };
    let mos = find("changed", "RNCP41000", "204");
    assert_eq!(
        (&mos["before"], &mos["after"]),
        (&json!("8828"), &json!("8765"))
    );
    assert_eq!(
        (&mos["delta"], &mos["percent"]),
        (&json!("-63"), &json!("-0.71"))
    );
    let old = find("removed", "RNCP35393", "204");
    assert_eq!(old["renewed_as"], "RNCP41000");
    // Both are extracts, and the table says so.
    assert_eq!(d["partial"].as_array().unwrap().len(), 2);
    let t = run(&["diff", "--from", "2025-09", "--to", "2026-09"], "");
    assert!(t.stdout.contains("un extrait"), "{}", t.stdout);
    assert!(
        t.stdout.contains("retiré RNCP35393 × CPNE 204"),
        "{}",
        t.stdout
    );
    assert!(
        t.stdout.contains("code renouvelé en RNCP41000"),
        "{}",
        t.stdout
    );
}

#[test]
fn a_cfa_sees_its_own_courses_only() {
    let dir = tempfile::tempdir().unwrap();
    let catalogue = dir.path().join("formations.json");
    std::fs::write(&catalogue, r#"[{"rncp": "RNCP38362", "price": 6500}]"#).unwrap();
    let r = run(
        &[
            "diff",
            "--from",
            "2025-09",
            "--to",
            "2026-09",
            "--catalogue",
            catalogue.to_str().unwrap(),
            "--csv",
        ],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut reader = csv::Reader::from_reader(r.stdout.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|row| &row[1] == "RNCP38362"), "{rows:?}");
    let by_code = run(
        &[
            "diff", "--from", "2025-09", "--to", "2026-09", "--rncp", "41000", "--json",
        ],
        "",
    );
    let lines = by_code.json()["lines"].as_array().unwrap().clone();
    assert!(
        !lines.is_empty() && lines.iter().all(|l| l["rncp"] == "RNCP41000"),
        "{lines:#?}"
    );
}

#[test]
fn an_unknown_edition_lists_those_of_the_data() {
    let r = run(&["diff", "--from", "2020", "--to", "2026-09"], "");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("--from « 2020 » : aucune édition de ce nom"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("2026-09"), "{}", r.stderr);
}
