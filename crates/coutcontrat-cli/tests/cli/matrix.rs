//! `coutcontrat matrix`: each branch's row is what `coutcontrat quote` gives for that branch.

use serde_json::Value;

use crate::common::*;

const CONTRACT: [&str; 10] = [
    "--rncp",
    "RNCP41000",
    "--price",
    "9000",
    "--signed-on",
    "2026-09-14",
    "--level",
    "5",
    "--months",
    "24",
];

fn matrix(extra: &[&str]) -> Run {
    let mut args = vec!["matrix"];
    args.extend(CONTRACT);
    args.extend(extra);
    run_in(None, &args, "")
}

#[test]
fn each_row_is_the_quote_of_its_branch() {
    let m = matrix(&["--json"]);
    assert_eq!(m.code, 0, "{}", m.stderr);
    let m = m.json();
    let rows = m["rows"].as_array().unwrap();
    assert!(
        rows.len() > 100,
        "every branch of the mapping: {}",
        rows.len()
    );
    for row in rows {
        let cpne = row["cpne"].as_u64().unwrap().to_string();
        // The same contract as `quote` reads it: start at the signature, 24 months.
        let q = run_in(
            None,
            &[
                "quote",
                "--json",
                "--rncp",
                "RNCP41000",
                "--price",
                "9000",
                "--signed-on",
                "2026-09-14",
                "--start",
                "2026-09-14",
                "--end",
                "2028-09-13",
                "--level",
                "5",
                "--cpne",
                &cpne,
            ],
            "",
        );
        if row["error"].is_string() {
            assert_ne!(
                q.code, 0,
                "CPNE {cpne}: the matrix has no quote, quote gives one"
            );
            assert!(
                q.stderr.contains(row["error"].as_str().unwrap())
                    || q.stdout.contains(row["error"].as_str().unwrap()),
                "CPNE {cpne}: {} vs {}",
                row["error"],
                q.stderr
            );
            continue;
        }
        assert_eq!(q.code, 0, "CPNE {cpne}: {}", q.stderr);
        let q = q.json();
        assert_eq!(row["npec_annual"], q["npec"]["annual"], "CPNE {cpne}");
        assert_eq!(row["opco_total"], q["totals"]["opco_all"], "CPNE {cpne}");
        assert_eq!(
            row["employer_total"], q["totals"]["employer"],
            "CPNE {cpne}"
        );
        assert_eq!(row["provisional"], q["npec"]["provisional"], "CPNE {cpne}");
    }
    // The published row of RULES.md's example: BTS MOS in the security branch, 8 765 € a year.
    let security = rows.iter().find(|r| r["cpne"] == 204).expect("CPNE 204");
    assert_eq!(security["npec_annual"], "8765.00");
    assert_eq!(security["employer_total"], "470.00");
    assert_eq!(security["provisional"], Value::Bool(false));
    assert!(security["idcc"]
        .as_array()
        .unwrap()
        .contains(&Value::from(1351)));
}

#[test]
fn the_csv_has_one_line_per_branch_and_the_same_figures() {
    let json = matrix(&["--json"]).json();
    let csv = matrix(&["--csv"]);
    assert_eq!(csv.code, 0, "{}", csv.stderr);
    let mut reader = csv::Reader::from_reader(csv.stdout.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "cpne",
            "cpne_label",
            "idcc",
            "npec_annual",
            "opco_total",
            "employer_total",
            "provisional",
            "table_version",
            "warnings",
            "error"
        ]
    );
    let lines: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let rows = json["rows"].as_array().unwrap();
    assert_eq!(lines.len(), rows.len());
    for (line, row) in lines.iter().zip(rows) {
        assert_eq!(line[0], row["cpne"].to_string());
        assert_eq!(line[3], *row["npec_annual"].as_str().unwrap_or(""));
        assert_eq!(line[5], *row["employer_total"].as_str().unwrap_or(""));
    }
}

#[test]
fn without_a_duration_it_says_what_to_add() {
    let r = run_in(
        None,
        &[
            "matrix",
            "--rncp",
            "RNCP41000",
            "--price",
            "9000",
            "--signed-on",
            "2026-09-14",
        ],
        "",
    );
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(r.stderr.contains("--months 24"), "{}", r.stderr);
    // The readable table names the branch and its figures.
    let t = matrix(&[]);
    assert_eq!(t.code, 0, "{}", t.stderr);
    let plain = t.stdout.replace(['\u{a0}', '\u{202f}'], " ");
    assert!(
        plain.contains("CPNE  204  CPNEFP de la Prévention Sécurité\n           NPEC 8 765,00 € par an · OPCO 17 530,00 € · employeur 470,00 €"),
        "{plain}"
    );
}
