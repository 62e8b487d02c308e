//! Bug 4 of issue 17: a référentiel row whose NPEC is 1e28 (a data directory edited by hand) made every quote
//! on it panic, and a batch holding such a row aborted before writing any. Each row now gets its answer.

use std::fs;

use coutcontrat::referentiel::{CpneIdcc, NpecRow, TableVersion};
use coutcontrat_referentiel::{version_dir, write_version};
use jiff::civil::date;

use crate::common::run_in;

#[test]
fn a_batch_against_an_absurd_npec_writes_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let huge = "10000000000000000000000000000";
    let d = date(2025, 9, 1);
    let version = TableVersion {
        tag: "v_01.09.2025".into(),
        published: d,
        applies_from: d,
        applies_until: None,
        source_file: "ref.xlsx".into(),
        source_sha256: None,
        legal_basis: String::new(),
        synthetic: false,
        coverage: Default::default(),
        note: String::new(),
        rows: vec![
            NpecRow::simple("RNCP41000", "BTS MOS", 204, huge, d),
            NpecRow::simple("RNCP41001", "BTS NDRC", 204, "8000", d),
        ],
        mapping: Some(vec![CpneIdcc {
            cpne: 204,
            idcc: 1351,
        }]),
    };
    let data = dir.path().join("data");
    write_version(&version_dir(&data, &version), &version).unwrap();
    let rows = [
        "2025-09-15,2025-09-01,2027-08-31,9000,RNCP41001,1351,5",
        "2025-09-15,2025-09-01,2027-08-31,9000,RNCP41000,1351,5",
        "2025-09-15,2025-09-01,2027-08-31,9000,RNCP41001,1351,5",
    ];
    let input = format!(
        "signed_on,start,end,price,rncp,idcc,level\n{}\n",
        rows.join("\n")
    );
    fs::write(dir.path().join("in.csv"), input).unwrap();
    let out = run_in(
        Some(dir.path()),
        &["--data", "data", "batch", "in.csv", "-o", "out.csv"],
        "",
    );
    assert_eq!(out.code, 1, "one row in error: exit 1; {}", out.stderr);
    let mut reader = csv::Reader::from_path(dir.path().join("out.csv")).unwrap();
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let written: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(written.len(), 3, "every row is written");
    for i in [0, 2] {
        assert_eq!(&written[i][col("error")], "", "row {i}");
        assert_eq!(&written[i][col("npec_annual")], "8000.00", "row {i}");
    }
    let error = &written[1][col("error")];
    assert!(error.starts_with("data"), "{error}");
    assert!(
        error.contains(huge) && error.contains("RNCP41000 × CPNE 204"),
        "{error}"
    );
}
