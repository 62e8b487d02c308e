//! The size limits of a workbook and of its parts, and the refusals that name the part and the cause.
#![cfg(feature = "import")]

mod common;

use std::io::{Read, Write};

use common::{bts_row, current_header, current_workbook, me_lire, n, t, xlsx, zip_of, Cell};
use coutcontrat_referentiel::import::{
    import_bytes, import_bytes_limited, inflated_on_this_thread, ReadLimits, Via,
};
use coutcontrat_referentiel::{ErrorKind, ImportOptions};

const KB: u64 = 1 << 10;

/// Small limits, so that a few hundred KB of generated XML exceed them.
const SMALL: ReadLimits = ReadLimits {
    workbook: 256 * KB,
    part: 256 * KB,
    sheet: 512 * KB,
    package: 1024 * KB,
    row: 64 * 1024,
};

/// The workbook with each entry passed through `edit(name, content)` (`None`: unchanged), plus `extra` entries.
fn rewritten(
    bytes: &[u8],
    edit: impl Fn(&str, &[u8]) -> Option<Vec<u8>>,
    extra: &[(&str, Vec<u8>)],
) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().to_owned();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).unwrap();
        let content = edit(&name, &content).unwrap_or(content);
        out.start_file(name, opts).unwrap();
        out.write_all(&content).unwrap();
    }
    for (name, content) in extra {
        out.start_file(*name, opts).unwrap();
        out.write_all(content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// Imports with the small limits; the error, and the bytes inflated on this thread meanwhile.
fn refused_small(bytes: &[u8], via: Via) -> (coutcontrat_referentiel::Error, u64) {
    refused_with(bytes, via, SMALL)
}

fn refused_with(
    bytes: &[u8],
    via: Via,
    limits: ReadLimits,
) -> (coutcontrat_referentiel::Error, u64) {
    let before = inflated_on_this_thread();
    let Err(err) = import_bytes_limited("test.zip", bytes, &ImportOptions::default(), via, limits)
    else {
        panic!("accepted");
    };
    (err, inflated_on_this_thread() - before)
}

fn good() -> Vec<u8> {
    current_workbook(
        "v_04.09.2025",
        vec![bts_row(8828.0, n(45901.0))],
        vec![(204, 1351)],
    )
}

#[test]
fn the_small_limits_still_read_a_small_workbook() {
    for via in [Via::Auto, Via::Calamine] {
        let imported =
            import_bytes_limited("t.xlsx", &good(), &ImportOptions::default(), via, SMALL).unwrap();
        assert_eq!(imported.version.rows.len(), 1);
    }
    let zipped = zip_of("Referentiel.xlsx", &good());
    import_bytes_limited(
        "t.zip",
        &zipped,
        &ImportOptions::default(),
        Via::Auto,
        SMALL,
    )
    .unwrap();
}

/// Bug 1 of issue 17: a 4 MB `.zip` holding a 4 GB `.xlsx` was inflated whole (4.1 GB of memory). The inner
/// workbook is now inflated up to the workbook limit, and refused past it.
#[test]
fn a_zip_holding_a_huge_workbook_is_refused_after_the_limit() {
    // 2 MB of zeros after a real workbook: 2 KB zipped.
    let mut inner = good();
    inner.resize(inner.len() + (2 << 20), 0);
    let zipped = zip_of("Referentiel-des-NPEC.xlsx", &inner);
    assert!(zipped.len() < 64 * 1024);
    let (err, inflated) = refused_small(&zipped, Via::Auto);
    assert_eq!(err.kind, ErrorKind::Unreadable, "{err}");
    assert!(
        err.message.contains("« Referentiel-des-NPEC.xlsx »"),
        "{err}"
    );
    assert!(
        inflated <= SMALL.workbook + 64 * KB,
        "{inflated} bytes inflated"
    );
    // A workbook file over the limit is refused before it is opened.
    let (err, inflated) = refused_small(&inner, Via::Auto);
    assert!(err.message.contains("le fichier fait plus de"), "{err}");
    assert_eq!(inflated, 0);
}

/// Shared strings of `n` bytes (one string, then padding between elements).
fn big_shared_strings(n: usize) -> Vec<u8> {
    let mut xml = br#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>x</t></si>"#.to_vec();
    xml.resize(n, b' ');
    xml.extend_from_slice(b"</sst>");
    xml
}

/// Bug 2 of issue 17: when the streaming reader refused a part over its limit, calamine loaded it anyway (a 3.8
/// MB workbook whose shared strings inflated to gigabytes took 6.15 GB). Now the refusal stands, naming the part.
#[test]
fn a_part_over_the_limit_is_refused_not_left_to_calamine() {
    let book = rewritten(
        &good(),
        |_, _| None,
        &[("xl/sharedStrings.xml", big_shared_strings(300 << 10))],
    );
    for via in [Via::Auto, Via::Calamine] {
        let (err, inflated) = refused_small(&book, via);
        assert_eq!(err.kind, ErrorKind::Unreadable, "{err}");
        assert!(
            err.message.contains("xl/sharedStrings.xml"),
            "{via:?}: {err}"
        );
        assert!(
            inflated <= SMALL.part + 64 * KB,
            "{via:?}: {inflated} bytes inflated"
        );
    }
    // The relations of the workbook, the same.
    let book = rewritten(
        &good(),
        |name, content| {
            (name == "xl/_rels/workbook.xml.rels").then(|| {
                let mut c = content.to_vec();
                c.splice(
                    c.len() - b"</Relationships>".len()..c.len() - b"</Relationships>".len(),
                    vec![b' '; 300 << 10],
                );
                c
            })
        },
        &[],
    );
    let (err, _) = refused_small(&book, Via::Auto);
    assert!(err.message.contains("xl/_rels/workbook.xml.rels"), "{err}");
}

/// A 2019 workbook (read by calamine only): a sheet over the part limit is refused before calamine loads it (a
/// 3 GB sheet took 3.08 GB), and so are parts over the package limit in all.
#[test]
fn calamine_is_never_handed_a_part_over_the_limit() {
    let header = [
        "Code la formation",
        "Libellé de la formation",
        "Code CPNE",
        "Libellé CPNE",
        "Code IDCC",
        "Valeur finale",
        "Statut",
    ];
    let mut long = vec![vec![], header.iter().map(|h| t(h)).collect::<Vec<_>>()];
    long.push(vec![
        t("26X32502"),
        t("x"),
        n(1.0),
        t("CPNE 1"),
        t("478"),
        n(7000.0),
        t("A"),
    ]);
    let book = xlsx(&[
        (
            "Me lire",
            me_lire("Clé de lecture du référentiel 2019", "v 20191018"),
        ),
        ("Onglet 3 - par formation-CPNE", long),
    ]);
    let pad = |name: &str, content: &[u8], n: usize| {
        (name == "xl/worksheets/sheet2.xml").then(|| {
            let text = String::from_utf8(content.to_vec()).unwrap();
            text.replace("</sheetData>", &format!("</sheetData>{}", " ".repeat(n)))
                .into_bytes()
        })
    };
    let big = rewritten(&book, |name, c| pad(name, c, 300 << 10), &[]);
    let (err, inflated) = refused_small(&big, Via::Auto);
    assert_eq!(err.kind, ErrorKind::Unreadable, "{err}");
    assert!(err.message.contains("xl/worksheets/sheet2.xml"), "{err}");
    assert!(
        inflated <= SMALL.part + 64 * KB,
        "{inflated} bytes inflated"
    );
    // Six parts of 200 KB: each under the part limit, more than 1 MB in all.
    let extra: Vec<(String, Vec<u8>)> = (0..6)
        .map(|i| (format!("xl/media/image{i}.bin"), vec![0u8; 200 << 10]))
        .collect();
    let extra: Vec<(&str, Vec<u8>)> = extra.iter().map(|(n, c)| (n.as_str(), c.clone())).collect();
    let many = rewritten(&book, |_, _| None, &extra);
    let (err, inflated) = refused_small(&many, Via::Auto);
    assert!(
        err.message.contains("en tout") || err.message.contains("total"),
        "{err}"
    );
    assert!(
        inflated <= SMALL.package + 64 * KB,
        "{inflated} bytes inflated"
    );
}

/// The long sheet of the current layout over the sheet limit: refused, naming the sheet.
#[test]
fn a_sheet_over_the_limit_is_refused() {
    let rows: Vec<Vec<Cell>> = (0..4000).map(|_| bts_row(8828.0, n(45901.0))).collect();
    let book = current_workbook("v_04.09.2025", rows, vec![(204, 1351)]);
    let (err, _) = refused_small(&book, Via::Auto);
    assert_eq!(err.kind, ErrorKind::Unreadable, "{err}");
    assert!(err.message.contains("xl/worksheets/sheet2.xml"), "{err}");
}

/// A row over the row limit: refused, naming the sheet; in the first rows (read first, for the header) and
/// further on (past the 4 MB chunks the long sheet is cut into).
#[test]
fn a_row_over_the_limit_is_refused() {
    let limits = ReadLimits {
        sheet: 64 << 20,
        ..SMALL
    };
    let mut long = bts_row(8828.0, n(45901.0));
    long[1] = t(&"a".repeat(100 << 10));
    let book = current_workbook(
        "v_04.09.2025",
        vec![bts_row(8828.0, n(45901.0)), long.clone()],
        vec![(204, 1351)],
    );
    let (err, _) = refused_with(&book, Via::Auto, limits);
    assert_eq!(err.kind, ErrorKind::Unreadable, "{err}");
    assert!(
        err.message.contains("« Onglet 3 - référentiel NPEC »") && err.message.contains("ligne 6"),
        "{err}"
    );
    long[1] = t(&"a".repeat(5 << 20));
    let mut rows = vec![bts_row(8828.0, n(45901.0)); 10];
    rows.push(long);
    let book = current_workbook("v_04.09.2025", rows, vec![(204, 1351)]);
    let (err, _) = refused_with(&book, Via::Auto, limits);
    assert!(
        err.message.contains("« Onglet 3 - référentiel NPEC »") && err.message.contains("ligne 15"),
        "{err}"
    );
}

/// Issue 17: an entity declared in `sharedStrings.xml` was refused as « Cannot detect file format »; the
/// message now names the part and the cause.
#[test]
fn an_entity_in_the_shared_strings_is_named_with_its_part() {
    let sst = br#"<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE sst [<!ENTITY rncp "RNCP41000">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&rncp;</t></si></sst>"#;
    let book = rewritten(
        &good(),
        |_, _| None,
        &[("xl/sharedStrings.xml", sst.to_vec())],
    );
    let err = import_bytes("test.xlsx", &book, &ImportOptions::default()).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Unreadable, "{err}");
    assert!(!err.message.contains("Cannot detect"), "{err}");
    assert!(err.message.contains("xl/sharedStrings.xml"), "{err}");
    assert!(err.message.contains("rncp"), "{err}");
    // In the workbook's sheet list, the same.
    let book = rewritten(
        &good(),
        |name, content| {
            (name == "xl/workbook.xml").then(|| {
                String::from_utf8(content.to_vec())
                    .unwrap()
                    .replace("name=\"Me lire\"", "name=\"Me &lire;\"")
                    .into_bytes()
            })
        },
        &[],
    );
    let err = import_bytes("test.xlsx", &book, &ImportOptions::default()).unwrap_err();
    assert!(!err.message.contains("Cannot detect"), "{err}");
    assert!(err.message.contains("xl/workbook.xml"), "{err}");
    let _ = current_header;
}
