//! What the importer and `verify` make of the content of cells (issue 17): an amount no quote accepts,
//! duplicate sheet names, cell references beyond a sheet, rows missing a CPNE, an amount or a date, codes that
//! are not RNCP codes, and messages that repeat a huge cell.
#![cfg(feature = "import")]

mod common;

use std::fs;

use common::{bts_row, current_workbook, e, me_lire, n, t, xlsx, TAG};
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

/// The workbook with one part's XML rewritten.
fn with_part(bytes: &[u8], part: &str, edit: impl Fn(&str) -> String) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut found = false;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().to_owned();
        let mut content = Vec::new();
        f.read_to_end(&mut content).unwrap();
        if name == part {
            found = true;
            content = edit(std::str::from_utf8(&content).unwrap()).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    assert!(found, "{part}");
    out.finish().unwrap().into_inner()
}

/// Issue 17: two sheets of one name were accepted, the first read without a word.
#[test]
fn duplicate_sheet_names_are_refused_naming_the_sheet() {
    let onglet3 = |amount: f64| {
        let mut rows = vec![vec![], vec![], vec![], common::current_header()];
        rows.push(bts_row(amount, e()));
        rows
    };
    let title = "Clé de lecture du référentiel des niveaux de prise en charge applicables au 1er septembre 2025";
    for second in [
        "Onglet 3 - référentiel NPEC",
        "onglet 3 -  Référentiel NPEC",
    ] {
        let bytes = xlsx(&[
            ("Me lire", me_lire(title, TAG)),
            ("Onglet 3 - référentiel NPEC", onglet3(9497.0)),
            (second, onglet3(1.0)),
        ]);
        let err = refused(&bytes);
        assert_eq!(err.kind, ErrorKind::Unreadable, "{err}");
        assert_eq!(err.sheet.as_deref(), Some(second), "{err}");
        assert!(err.message.contains(&format!("« {second} »")), "{err}");
    }
    // « Me lire » twice: which one gives the version?
    let bytes = xlsx(&[
        ("Me lire", me_lire(title, TAG)),
        ("Onglet 3 - référentiel NPEC", onglet3(9497.0)),
        ("Me lire", me_lire(title, "v_01.01.2099")),
    ]);
    assert_eq!(refused(&bytes).sheet.as_deref(), Some("Me lire"));
}

/// Issue 17: a row or cell number beyond an Excel sheet wrapped silently (a row numbered 2³² + 4 became row 4,
/// above the data, and was dropped); it is refused, named as written.
#[test]
fn row_and_cell_numbers_beyond_the_sheet_are_refused_as_written() {
    let good = current_workbook(
        TAG,
        vec![bts_row(9497.0, e()), bts_row(8000.0, e())],
        vec![],
    );
    let sheet = "xl/worksheets/sheet2.xml";
    for (from, to, named) in [
        (r#"<row r="6">"#, r#"<row r="4294967300">"#, "4294967300"),
        (
            r#"<row r="6">"#,
            r#"<row r="99999999999999999999999">"#,
            "99999999999999999999999",
        ),
        (r#"<row r="6">"#, r#"<row r="0">"#, "« 0 »"),
        (r#"<c r="G6""#, r#"<c r="XFE1048577""#, "XFE1048577"),
        (r#"<c r="G6""#, r#"<c r="G4294967302""#, "G4294967302"),
        (
            r#"<c r="G6""#,
            r#"<c r="ZZZZZZZZZZZZZZ6""#,
            "ZZZZZZZZZZZZZZ6",
        ),
    ] {
        let bytes = with_part(&good, sheet, |xml| {
            assert!(xml.contains(from), "{from}");
            xml.replace(from, to)
        });
        let err = refused(&bytes);
        assert_eq!(err.kind, ErrorKind::Unreadable, "{err}");
        assert!(
            err.message.contains("Onglet 3 - référentiel NPEC") && err.message.contains(named),
            "{named}: {err}"
        );
    }
    // A reference of a megabyte is named clipped.
    let long = "A".repeat(1 << 20);
    let bytes = with_part(&good, sheet, |xml| {
        xml.replace(r#"<c r="G6""#, &format!(r#"<c r="{long}6""#))
    });
    let err = refused(&bytes);
    assert!(
        err.to_string().len() < 1000,
        "{} bytes",
        err.to_string().len()
    );
    // The last cell of a sheet is still a cell.
    let bytes = with_part(&good, sheet, |xml| {
        xml.replace(r#"<row r="6">"#, r#"<row r="1048576">"#)
            .replace(r#"r="A6""#, r#"r="A1048576""#)
    });
    assert!(import_bytes("test.xlsx", &bytes, &ImportOptions::default()).is_ok());
}

/// Both readers' import of a workbook, checked equal.
fn imported(bytes: &[u8]) -> coutcontrat_referentiel::Imported {
    let options = ImportOptions::default();
    let stream = import_bytes_via("test.xlsx", bytes, &options, Via::Auto).unwrap();
    let calamine = import_bytes_via("test.xlsx", bytes, &options, Via::Calamine).unwrap();
    assert_eq!(stream.version, calamine.version);
    assert_eq!(stream.warnings, calamine.warnings);
    stream
}

/// A dated BTS row (« Onglet 3 » of the current layout).
fn dated(amount: f64) -> Vec<common::Cell> {
    bts_row(amount, n(45901.0))
}

/// Issue 17: a row without a CPNE code was kept, and could apply to no branch (a quote fell back to the
/// amorçage value): refused like a row without a certification code, the cell named.
#[test]
fn a_row_without_a_cpne_code_is_refused_naming_the_cell() {
    let mut row = dated(9497.0);
    row[4] = e();
    let err = refused(&current_workbook(TAG, vec![dated(8000.0), row], vec![]));
    assert_eq!(
        (err.kind, err.row, err.column.as_deref()),
        (ErrorKind::InvalidValue, Some(6), Some("E")),
        "{err}"
    );
    assert!(err.message.contains("sans code CPNE"), "{err}");
}

/// Issue 17: a row without an amount, or without a date, was read without a word. It stays (an empty amount
/// reads as NC, a missing date takes the version's, as the core's rules say) and the report names the first.
#[test]
fn rows_without_an_amount_or_a_date_are_kept_with_a_warning_naming_the_first() {
    let mut no_amount = dated(0.0);
    no_amount[6] = e();
    let mut no_date = dated(7000.0);
    no_date[8] = e();
    let got = imported(&current_workbook(
        TAG,
        vec![dated(8000.0), no_amount.clone(), no_date, no_amount],
        vec![],
    ));
    assert_eq!(got.version.rows.len(), 4);
    let warned = |part: &str| got.warnings.iter().any(|w| w.contains(part));
    assert!(
        warned("2 ligne(s) sans montant (la première : onglet « Onglet 3 - référentiel NPEC », cellule G6)"),
        "{:?}",
        got.warnings
    );
    assert!(
        warned("1 ligne(s) sans date d'applicabilité (la première : onglet « Onglet 3 - référentiel NPEC », cellule I7)"),
        "{:?}",
        got.warnings
    );
    // Blank rows (trailing, or cells left empty) are normal in the published files: no warning.
    let mut rows = vec![dated(8000.0), vec![], vec![t(""), t(" ")]];
    rows.push(vec![]);
    let got = imported(&current_workbook(TAG, rows, vec![]));
    assert_eq!(got.version.rows.len(), 1);
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
}

/// Issue 17: a script, control characters or another alphabet in the certification column were kept as a code
/// without a word. No layout writes a code with them: refused, cell named and value quoted. A plain code that is
/// not a RNCP code stays, with a warning naming the first.
#[test]
fn certification_cells_that_are_no_code_are_refused_and_other_codes_warned() {
    for cell in [
        "<script>alert(1)</script>",
        "RNCP1002/<img src=x>",
        "RNCP３４８２６",
        "RNCP1002\u{1b}[2J",
    ] {
        let mut row = dated(9497.0);
        row[0] = t(cell);
        let err = refused(&current_workbook(TAG, vec![dated(8000.0), row], vec![]));
        assert_eq!(
            (err.kind, err.row, err.column.as_deref()),
            (ErrorKind::InvalidValue, Some(6), Some("A")),
            "{cell}: {err}"
        );
        assert!(
            err.message.contains(&coutcontrat::text::quoted(cell)),
            "{err}"
        );
        assert!(!err.message.contains('\u{1b}'), "{err}");
    }
    let mut row = dated(9497.0);
    row[0] = t("ABC-12");
    let got = imported(&current_workbook(TAG, vec![dated(8000.0), row], vec![]));
    assert!(
        got.warnings.iter().any(|w| w.contains(
            "1 ligne(s) dont le code n'est pas un code RNCP (la première : onglet « Onglet 3 - référentiel NPEC », cellule A6)"
        )),
        "{:?}",
        got.warnings
    );
}

/// Issue 17: a message repeated the whole offending value (100 MB in, 100 MB out). A cell of a megabyte, in a
/// workbook or in a data directory, is named clipped, its control characters escaped.
#[test]
fn a_huge_cell_is_repeated_clipped() {
    let huge = format!("\u{1b}[31m{}", "9".repeat(1 << 20));
    let mut row = dated(0.0);
    row[6] = t(&format!("{huge} €x"));
    let err = refused(&current_workbook(TAG, vec![row], vec![]));
    assert_eq!(
        (err.kind, err.column.as_deref()),
        (ErrorKind::InvalidAmount, Some("G"))
    );
    let shown = err.to_string();
    assert!(shown.len() < 1000, "{} bytes", shown.len());
    assert!(
        shown.contains("\\u{1b}[31m999") && !shown.contains('\u{1b}'),
        "{shown}"
    );

    let data = common::temp_dir("cells-huge");
    let wb = common::one_row_workbook(&data, "ref.xlsx", 8828.0);
    import_into(&data, &wb).unwrap();
    let npec = version_dirs(&data).unwrap()[0].join("npec.csv");
    let text = fs::read_to_string(&npec).unwrap();
    fs::write(
        &npec,
        text.replace(",8828,8828,", &format!(",{huge},8828,")),
    )
    .unwrap();
    let report = verify_dir(&data, &VerifyOptions::default());
    assert_eq!(report.problems.len(), 1, "{report}");
    let shown = report.to_string();
    assert!(shown.len() < 2000, "{} bytes", shown.len());
    assert!(!shown.contains('\u{1b}'), "{shown}");
    fs::remove_dir_all(&data).unwrap();
}
