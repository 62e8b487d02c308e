//! `coutcontrat cashflow`: every payment of the file is a line of its contract's quote, the monthly sums
//! are the sums of the schedules, bad rows are named and the others computed.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::common::*;

const CONTRACTS: &str = "signed_on,start,end,rncp,idcc,price,level
2026-09-14,2026-09-14,2028-09-13,RNCP41000,1351,9000,5
2025-08-15,2025-09-01,2027-02-28,RNCP41000,1351,9000,6
bad,2026-09-01,2028-08-31,RNCP41000,1351,9000,5
2026-09-14,2026-10-01,2027-09-30,RNCP41000,1516,8000,5
";

fn d(v: &serde_json::Value) -> Decimal {
    v.as_str().unwrap().parse().unwrap()
}

#[test]
fn the_payments_are_the_schedules_of_the_contracts() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("contrats.csv");
    std::fs::write(&input, CONTRACTS).unwrap();
    let output = dir.path().join("versements.csv");
    let r = run_in(
        None,
        &[
            "cashflow",
            input.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
        ],
        "",
    );
    // One bad row: exit 1, named with its line; the others computed.
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout.contains("ligne 4 refusée : « bad »"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.starts_with("3 contrats chiffrés, 1 refusés"),
        "{}",
        r.stdout
    );

    // What each contract's quote says, by month: its schedule, and its participation with its first payment.
    let mut want: BTreeMap<(u64, String, String), Decimal> = BTreeMap::new();
    let mut months: BTreeMap<String, Decimal> = BTreeMap::new();
    for (i, row) in CONTRACTS.lines().enumerate().skip(1) {
        let line = i as u64 + 1;
        let cells: Vec<&str> = row.split(',').collect();
        if cells[0] == "bad" {
            continue;
        }
        let q = run_in(
            None,
            &[
                "quote",
                "--json",
                "--signed-on",
                cells[0],
                "--start",
                cells[1],
                "--end",
                cells[2],
                "--rncp",
                cells[3],
                "--idcc",
                cells[4],
                "--price",
                cells[5],
                "--level",
                cells[6],
            ],
            "",
        );
        assert_eq!(q.code, 0, "{}", q.stderr);
        let q = q.json();
        let schedule = q["schedule"].as_array().unwrap();
        for p in schedule {
            let due = p["due"].as_str().unwrap().to_owned();
            *want
                .entry((line, due.clone(), p["kind"].as_str().unwrap().to_owned()))
                .or_default() += d(&p["amount"]);
            *months.entry(due[..7].to_owned()).or_default() += d(&p["amount"]);
        }
        let participation = d(&q["participation"]);
        if !participation.is_zero() {
            let due = schedule[0]["due"].as_str().unwrap().to_owned();
            want.insert((line, due, "participation".into()), participation);
        }
    }
    let csv = std::fs::read_to_string(&output).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["due", "opco", "rncp", "line", "kind", "amount"]
    );
    let mut got: BTreeMap<(u64, String, String), Decimal> = BTreeMap::new();
    let mut got_months: BTreeMap<String, Decimal> = BTreeMap::new();
    for record in reader.records() {
        let r = record.unwrap();
        assert_eq!(&r[1], "AKTO", "IDCC 1351 and 1516 are AKTO's: {r:?}");
        let amount: Decimal = r[5].parse().unwrap();
        *got.entry((r[3].parse().unwrap(), r[0].to_owned(), r[4].to_owned()))
            .or_default() += amount;
        if &r[4] != "participation" {
            *got_months.entry(r[0][..7].to_owned()).or_default() += amount;
        }
    }
    assert_eq!(got, want);
    assert_eq!(got_months, months);
    // The summary's months are those sums.
    for (month, sum) in &months {
        let shown = coutcontrat::money::euros(*sum).replace(['\u{a0}', '\u{202f}'], " ");
        let line = r
            .stdout
            .lines()
            .find(|l| l.trim_start().starts_with(month.as_str()))
            .unwrap_or_else(|| panic!("{month} missing: {}", r.stdout));
        assert!(
            line.replace(['\u{a0}', '\u{202f}'], " ").contains(&shown),
            "{line} vs {shown}"
        );
    }
}
