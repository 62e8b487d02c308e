//! What the importer and `verify` make of the content of cells (issue 17): an amount no quote accepts,
//! duplicate sheet names, cell references beyond a sheet, rows missing a CPNE, an amount or a date, codes that
//! are not RNCP codes, and messages that repeat a huge cell.
#![cfg(feature = "import")]

mod common;

use std::fs;

use common::{bts_row, current_workbook, e, TAG};
use coutcontrat_referentiel::import::{import_bytes, import_bytes_via, Via};
use coutcontrat_referentiel::integrity::{verify_dir, VerifyOptions};
use coutcontrat_referentiel::{import_into, load_dir, version_dirs, ErrorKind, ImportOptions};

/// The error of both readers (streaming and calamine), checked equal.
fn refused(bytes: &[u8]) -> coutcontrat_referentiel::Error {
    let options = ImportOptions::default();
    let stream = import_bytes_via("test.xlsx", bytes, &options, Via::Auto).unwrap_err();
    let calamine = import_bytes_via("test.xlsx", bytes, &options, Via::Calamine).unwrap_err();
    assert_eq!(stream, calamine);
    stream
}

/// Bug 4 of issue 17: an amount cell of 1e28 was imported, then every quote on its row panicked.
#[test]
fn an_amount_beyond_what_a_quote_accepts_is_refused_naming_the_cell() {
    let bytes = current_workbook(TAG, vec![bts_row(9497.0, e()), bts_row(1e28, e())], vec![]);
    let err = refused(&bytes);
    assert_eq!(err.kind, ErrorKind::InvalidAmount, "{err}");
    assert_eq!(
        (
            err.file.as_str(),
            err.sheet.as_deref(),
            err.row,
            err.column.as_deref()
        ),
        (
            "test.xlsx",
            Some("Onglet 3 - référentiel NPEC"),
            Some(6),
            Some("G")
        )
    );
    assert!(
        err.message.contains("10000000000000000000000000000"),
        "{err}"
    );
    assert!(err.message.contains("1 000 000 000 €"), "{err}");
    // The bound itself is an amount a quote accepts.
    let at_limit = current_workbook(TAG, vec![bts_row(1e9, e())], vec![]);
    assert!(import_bytes("test.xlsx", &at_limit, &ImportOptions::default()).is_ok());
}

/// Bug 4 of issue 17, in a data directory edited by hand: the row still reads (a quote on it is an error
/// naming it), and `verify` reports it with its file and line.
#[test]
fn verify_reports_an_amount_beyond_what_a_quote_accepts_with_its_line() {
    let data = common::temp_dir("cells-verify-amount");
    let wb = common::one_row_workbook(&data, "ref.xlsx", 8828.0);
    import_into(&data, &wb).unwrap();
    let npec = version_dirs(&data).unwrap()[0].join("npec.csv");
    let text = fs::read_to_string(&npec).unwrap();
    assert_eq!(text.matches(",8828,8828,").count(), 1, "{text}");
    let huge = "10000000000000000000000000000";
    fs::write(
        &npec,
        text.replace(",8828,8828,", &format!(",{huge},{huge},")),
    )
    .unwrap();

    let report = verify_dir(&data, &VerifyOptions::default());
    assert_eq!(report.problems.len(), 1, "{report}");
    let p = &report.problems[0];
    assert_eq!(p.kind, ErrorKind::Format);
    assert!(p.file.ends_with("npec.csv"), "{p}");
    assert_eq!((p.row, p.column.as_deref()), (Some(2), Some("amount (8)")));
    assert!(
        p.message.contains(huge) && p.message.contains("1 000 000 000 €"),
        "{p}"
    );
    assert!(load_dir(&data).is_ok());
    fs::remove_dir_all(&data).unwrap();
}
