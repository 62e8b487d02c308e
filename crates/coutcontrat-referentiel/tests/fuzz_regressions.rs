//! Regression tests of what the fuzzers found (`scripts/fuzz.sh`), each named after what it guards.
#![cfg(feature = "import")]

mod common;

use std::io::{Read, Write};

use common::{bts_row, current_header, current_workbook, me_lire, n, t, xlsx};
use coutcontrat_referentiel::import::import_bytes;
use coutcontrat_referentiel::{ErrorKind, ImportOptions};

/// The workbook with one more cell, far away (`XFD1048576`), in the sheet `sheet_file` (`xl/worksheets/sheetN.xml`).
fn with_far_cell(bytes: &[u8], sheet_file: &str) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().to_owned();
        let mut text = String::new();
        entry.read_to_string(&mut text).unwrap();
        if name == sheet_file {
            text = text.replace(
                "</sheetData>",
                r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>"#,
            );
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(text.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn refused(bytes: &[u8]) -> coutcontrat_referentiel::Error {
    let err = import_bytes("test.xlsx", bytes, &ImportOptions::default()).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Unreadable, "{err}");
    assert!(err.message.contains("1048576"), "{err}");
    err
}

/// Imported without the far cell's row, or refused because of it.
fn read_or_refused(bytes: &[u8], sheet: &str) {
    match import_bytes("test.xlsx", bytes, &ImportOptions::default()) {
        Ok(imported) => assert!(!imported.version.rows.is_empty()),
        Err(_) => assert_eq!(refused(bytes).sheet.as_deref(), Some(sheet)),
    }
}

/// Found by `import_cells`: one cell at XFD1048576 made the grid 17 billion cells, and the import aborted out of
/// memory. Now refused with a message, whichever reader reads the sheet.
#[test]
fn a_stray_cell_far_from_the_data_is_refused_not_allocated() {
    // The current layout is streamed: its long sheet and the matrix rows are never held as a grid, so the far
    // cell is read (one more row, without a code, skipped) or refused, never allocated as 17 billion cells.
    let book = current_workbook("v_04.09.2025", vec![bts_row(8828.0, n(45901.0))], vec![]);
    read_or_refused(
        &with_far_cell(&book, "xl/worksheets/sheet2.xml"),
        "Onglet 3 - référentiel NPEC",
    );
    let mut long = vec![vec![], vec![], vec![], current_header()];
    long.push(bts_row(8828.0, n(45901.0)));
    let matrix = vec![
        vec![t("Code RNCP"), t("Intitulé de la certification"), n(204.0)],
        vec![],
        vec![t("RNCP41000"), t("BTS MOS"), n(8828.0)],
    ];
    let book = xlsx(&[
        ("Me lire", me_lire("Clé de lecture", "v_04.09.2025")),
        ("Onglet 3 - référentiel NPEC", long),
        ("Onglet 2 - global", matrix),
    ]);
    read_or_refused(
        &with_far_cell(&book, "xl/worksheets/sheet3.xml"),
        "Onglet 2 - global",
    );

    // An older layout (read through calamine).
    let feb2021 = vec![
        vec![],
        vec![
            t("Code diplôme"),
            t("Code RNCP"),
            t("Libellé de la certification"),
            t("Code CPNE"),
            t("Libellé CPNE"),
            t("Code IDCC"),
            t("Valeur finale"),
            t("Statut"),
        ],
        vec![
            t("26X32502"),
            t("RNCP955"),
            t("x"),
            n(1.0),
            t("CPNE 1"),
            n(478.0),
            n(7000.0),
            t("A"),
        ],
    ];
    let book = xlsx(&[
        ("Me lire", me_lire("Clé de lecture", "v29.01.21")),
        ("Onglet 2 - par formation-CPNE", feb2021.clone()),
    ]);
    // Without the far cell, it imports.
    assert!(import_bytes("test.xlsx", &book, &ImportOptions::default()).is_ok());
    let err = refused(&with_far_cell(&book, "xl/worksheets/sheet2.xml"));
    assert_eq!(
        err.sheet.as_deref(),
        Some("Onglet 2 - par formation-CPNE"),
        "{err}"
    );
}
