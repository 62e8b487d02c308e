//! The importer on small workbooks built here: the layouts without a real fixture (2020-04, 2020-10, 2021-03,
//! 2021-10, 2022-09), the cell formats the real files use, the options, and every error.
#![cfg(feature = "import")]

mod common;

use common::{current_header, current_workbook, e, me_lire, n, t, xlsx, Cell};
use coutcontrat_referentiel::import::{import_bytes, MatrixRows};
use coutcontrat_referentiel::{ErrorKind, ImportOptions, Imported, Layout};
use jiff::civil::date;

fn import(bytes: &[u8]) -> Imported {
    import_bytes("test.xlsx", bytes, &ImportOptions::default()).unwrap()
}

fn import_err(bytes: &[u8]) -> coutcontrat_referentiel::Error {
    import_bytes("test.xlsx", bytes, &ImportOptions::default()).unwrap_err()
}

fn row(cells: &[Cell]) -> Vec<Cell> {
    cells.to_vec()
}

fn current_row(rncp: &str, cpne: f64, amount: Cell, date: Cell) -> Vec<Cell> {
    vec![
        t(rncp),
        t("BTS Management opérationnel de la sécurité"),
        t("MINISTERE"),
        t("BTS"),
        n(cpne),
        t("CPNE"),
        amount,
        t("A"),
        date,
    ]
}

#[test]
fn current_layout_cells_as_published() {
    let data = vec![
        current_row("RNCP41000", 204.0, n(8828.0), n(45901.0)),
        current_row("RNCP123/", 204.0, t("9 497 €"), t("15/07/2024")),
        current_row("37239", 204.0, t("8500,50"), t("2024-07-15")),
        current_row("RNCP1006 / RNCP37239", 204.0, t("NR"), e()),
        current_row("RNCP41000", 204.0, n(8000.0), n(45901.0)),
    ];
    let i = import(&current_workbook("v_04.09.2025", data, vec![(2, 478)]));
    let v = &i.version;
    assert_eq!(i.layout, Layout::Current);
    assert_eq!(
        (v.tag.as_str(), v.published),
        ("v_04.09.2025", date(2025, 9, 4))
    );
    assert_eq!(
        v.applies_from,
        date(2025, 9, 1),
        "« applicables au 1er septembre 2025 »"
    );
    assert_eq!(v.legal_basis, "Décret n° 2025-860 du 29 août 2025");
    let got: Vec<_> = v
        .rows
        .iter()
        .map(|r| {
            (
                r.rncp.join("+"),
                r.amount.map(|a| a.to_string()),
                r.applicable_from,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "RNCP41000".into(),
                Some("8828".into()),
                Some(date(2025, 9, 1))
            ),
            (
                "RNCP123".into(),
                Some("9497".into()),
                Some(date(2024, 7, 15))
            ),
            (
                "RNCP37239".into(),
                Some("8500.5".into()),
                Some(date(2024, 7, 15))
            ),
            ("RNCP1006+RNCP37239".into(), None, None),
            (
                "RNCP41000".into(),
                Some("8000".into()),
                Some(date(2025, 9, 1))
            ),
        ],
        "duplicate (RNCP, CPNE) pairs are both kept"
    );
    assert_eq!(v.rows[1].amount_raw, "9 497 €");
    assert!(v.mapping.is_none(), "one CPNE is no complete mapping");
}

#[test]
fn a_complete_onglet_4_is_attached_and_synthetic_files_say_so() {
    let mapping: Vec<(u32, u32)> = (1..=30)
        .map(|c| (c, 1000 + c))
        .chain([(30, 3252)])
        .collect();
    let data: Vec<_> = (1..=30)
        .map(|c| current_row("RNCP41000", c as f64, n(8000.0), n(45901.0)))
        .collect();
    let i = import(&current_workbook("v_SYNTHÉTIQUE 01.09.2025", data, mapping));
    assert!(i.mapping_complete);
    assert_eq!(i.version.mapping.as_ref().unwrap().len(), 31);
    assert!(i.version.synthetic);
}

fn matrix_sheet() -> Vec<Vec<Cell>> {
    vec![
        vec![],
        vec![t("Niveaux de prise en charge")],
        vec![],
        vec![
            t("Code RNCP"),
            t("Intitulé de la certification"),
            t("Certificateur \n(premier)"),
            t("Type diplôme"),
            n(2.0),
            n(4.0),
        ],
        vec![
            e(),
            e(),
            e(),
            e(),
            t("CNPE des sociétés financières"),
            t("CNPEFP des sociétés d’assistance"),
        ],
        vec![
            t("RNCP1002"),
            t("Mise en oeuvre"),
            t("MEN"),
            t("BP"),
            n(9497.0),
            n(9450.0),
        ],
    ]
}

#[test]
fn matrix_rows_fill_gaps_by_default() {
    let mut onglet3 = vec![vec![], vec![t("titre")], vec![], current_header()];
    onglet3.push(vec![
        t("RNCP1002"),
        t("Mise en oeuvre"),
        t("MEN"),
        t("BP"),
        n(2.0),
        t("CPNE"),
        t("NC"),
        t("A"),
        n(45214.0),
    ]);
    let book = xlsx(&[
        (
            "Me lire",
            me_lire(
                "Clé de lecture … applicables au 15 juillet 2024",
                "v_18.07.2024",
            ),
        ),
        ("Onglet 2 - global", matrix_sheet()),
        ("Onglet 3 - référentiel NPEC", onglet3),
    ]);
    let fill = import(&book).version;
    let cells: Vec<_> = fill
        .rows
        .iter()
        .map(|r| {
            (
                r.cpne.unwrap(),
                r.amount_raw.as_str(),
                r.origin.sheet.as_str(),
            )
        })
        .collect();
    assert_eq!(
        cells,
        [
            (2, "NC", "Onglet 3 - référentiel NPEC"),
            (4, "9450", "Onglet 2 - global")
        ]
    );
    assert_eq!(fill.rows[1].cpne_label, "CNPEFP des sociétés d’assistance");
    assert_eq!(
        (
            fill.rows[1].label.as_str(),
            fill.rows[1].certifier.as_str(),
            fill.rows[1].diploma_type.as_str()
        ),
        ("Mise en oeuvre", "MEN", "BP")
    );
    let all = import_bytes(
        "t.xlsx",
        &book,
        &ImportOptions {
            matrix: MatrixRows::All,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(all.version.rows.len(), 3);
    let skip = import_bytes(
        "t.xlsx",
        &book,
        &ImportOptions {
            matrix: MatrixRows::Skip,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(skip.version.rows.len(), 1);
}

#[test]
fn layout_2020_04_code_diplome_and_idcc_rows() {
    let header = row(&[
        t("Code diplôme"),
        t("Libellé du Diplôme"),
        t("Code CPNE"),
        t("Libellé CPNE"),
        t("Code IDCC"),
        t("Valeur finale"),
        t("Statut"),
    ]);
    let sheet = vec![
        vec![t("Niveaux de prise en charge")],
        header,
        // One row per certification × CPNE × IDCC: the duplicate is dropped, its IDCC kept in the mapping.
        row(&[
            n(1022001.0),
            t("AGENT"),
            n(9.0),
            t("BTP"),
            n(627.0),
            n(6079.3333),
            t("D"),
        ]),
        row(&[
            n(1022001.0),
            t("AGENT"),
            n(9.0),
            t("BTP"),
            n(749.0),
            n(6079.3333),
            t("D"),
        ]),
        row(&[
            n(1022001.0),
            t("AGENT"),
            n(1.0),
            t("Diagnostic"),
            t("NA"),
            n(6079.3333),
            t("R"),
        ]),
    ];
    let idcc_cpne = vec![
        vec![t("CPNE de rattachement à l'IDCC")],
        row(&[t("IDCC"), t("Code CPNE"), t("Intitulé CPNE")]),
        row(&[n(627.0), n(9.0), t("BTP")]),
    ];
    let i = import(&xlsx(&[
        ("Lisez-moi", me_lire("Clé de lecture", "v 20200415")),
        ("Onglet 3 - par formation-CPNE", sheet),
        ("Onglet 5 - IDCC-CPNE", idcc_cpne),
    ]));
    assert_eq!(i.layout, Layout::Oct2019);
    assert_eq!(i.version.published, date(2020, 4, 15));
    let rows: Vec<_> = i
        .version
        .rows
        .iter()
        .map(|r| {
            (
                r.diploma_code.clone().unwrap(),
                r.cpne.unwrap(),
                r.origin.line.unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [("1022001".to_owned(), 9, 3), ("1022001".to_owned(), 1, 5)]
    );
    let pairs: Vec<_> = i.mapping_read.iter().map(|p| (p.cpne, p.idcc)).collect();
    assert_eq!(pairs, [(9, 627), (9, 749)]);
}

#[test]
fn layout_2020_10_one_code_column() {
    let header = row(&[
        t("Code diplôme/Code RNCP"),
        t("Libellé dde la certification"),
        t("Code CPNE"),
        t("Libellé CPNE"),
        t("Code IDCC"),
        t("Valeur finale"),
        t("Statut"),
    ]);
    let sheet = vec![
        vec![t("titre")],
        header,
        row(&[
            t("RNCP955"),
            t("AGENT"),
            n(2.0),
            t("Sociétés financières"),
            n(478.0),
            n(6079.0),
            t("D"),
        ]),
        row(&[
            n(50022137.0),
            t("CAP"),
            n(2.0),
            t("Sociétés financières"),
            n(478.0),
            n(5000.0),
            t("CPNE"),
        ]),
    ];
    let i = import(&xlsx(&[
        ("Lisez-moi", me_lire("Clé", "v 20201015")),
        ("Onglet 3 - par formation-CPNE", sheet),
    ]));
    assert_eq!(i.layout, Layout::Oct2020);
    let v = &i.version;
    assert_eq!(
        (
            v.rows[0].rncp_cell.as_str(),
            v.rows[0].diploma_code.as_deref()
        ),
        ("RNCP955", None)
    );
    assert_eq!(
        (
            v.rows[1].rncp_cell.as_str(),
            v.rows[1].diploma_code.as_deref()
        ),
        ("", Some("50022137"))
    );
}

#[test]
fn layout_2021_03_skips_historised_rows() {
    let header = row(&[
        t("Valeur historisée (\"H\")"),
        t("Code diplôme"),
        t("Code RNCP"),
        t("Libellé de la certification"),
        t("Code CPNE"),
        t("Libellé CPNE"),
        t("IDCC"),
        t("Valeur finale"),
        t("Statut"),
    ]);
    let sheet = vec![
        vec![t("titre")],
        vec![],
        header,
        row(&[
            t("H"),
            n(1022001.0),
            t("RNCP955"),
            t("AGENT"),
            n(2.0),
            t("SF"),
            n(478.0),
            n(6079.0),
            t("D"),
        ]),
        row(&[
            e(),
            n(1022001.0),
            t("RNCP955"),
            t("AGENT"),
            n(2.0),
            t("SF"),
            n(478.0),
            n(6500.0),
            t("CPNE"),
        ]),
    ];
    let i = import(&xlsx(&[
        ("Lisez-moi", me_lire("Clé", "v17.03.2021")),
        ("Onglet 3-par formation-CPNE", sheet),
    ]));
    assert_eq!(i.layout, Layout::Mar2021);
    assert_eq!(i.version.rows.len(), 1);
    assert_eq!(i.version.rows[0].amount_raw, "6500");
    assert!(
        i.warnings.iter().any(|w| w.contains("historisées")),
        "{:?}",
        i.warnings
    );
}

#[test]
fn layout_2021_10_procedure_years_and_historised_sheet() {
    let cols = [
        "Code diplôme",
        "Code RNCP",
        "Libellé de la certification",
        "Code CPNE",
        "Libellé CPNE",
        "IDCC",
        "Valeur finale",
        "Statut",
        "Procédure",
    ];
    let mut header_3b: Vec<Cell> = vec![t("NPEC historisée (\"H\")")];
    header_3b.extend(cols.iter().map(|c| t(c)));
    let sheet_3a = vec![
        vec![t("titre")],
        vec![],
        cols.iter().map(|c| t(c)).collect(),
        row(&[
            n(1022001.0),
            t("RNCP955"),
            t("AGENT"),
            n(2.0),
            t("SF"),
            n(478.0),
            n(6300.0),
            t("CPNE"),
            n(2021.0),
        ]),
    ];
    let sheet_3b = vec![
        vec![t("titre")],
        vec![],
        header_3b,
        row(&[
            t("H"),
            n(1022001.0),
            t("RNCP955"),
            t("AGENT"),
            n(2.0),
            t("SF"),
            n(478.0),
            n(6079.0),
            t("D"),
            t("Procédure 2019"),
        ]),
    ];
    let i = import(&xlsx(&[
        ("Lisez-moi", me_lire("Clé", "V05.10.2021")),
        ("Onglet 3a - référentiel NPEC", sheet_3a),
        ("Onglet 3b - NPEC historisées", sheet_3b),
    ]));
    assert_eq!(i.layout, Layout::Oct2021);
    let got: Vec<_> = i
        .version
        .rows
        .iter()
        .map(|r| {
            (
                r.amount_raw.as_str(),
                r.applicable_from,
                r.origin.sheet.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "6300",
                Some(date(2021, 9, 1)),
                "Onglet 3a - référentiel NPEC"
            ),
            (
                "6079",
                Some(date(2019, 9, 1)),
                "Onglet 3b - NPEC historisées"
            ),
        ]
    );
}

#[test]
fn layout_2022_09_procedure_column() {
    let header = row(&[
        t("Code RNCP"),
        t("Libellé de la formation"),
        t("Certificateur"),
        t("Libellé du Diplôme"),
        t("Code CPNE"),
        t("CPNE"),
        t("NPEC final"),
        t("Statut"),
        t("procédure"),
    ]);
    let sheet = vec![
        vec![],
        vec![t(
            "Niveaux de prise en charge applicables au 1er septembre 2022",
        )],
        vec![],
        header,
        row(&[
            t("RNCP1002"),
            t("Mise en oeuvre"),
            t("MEN"),
            t("BP"),
            n(2.0),
            t("SF"),
            n(10552.0),
            t("A"),
            n(2022.0),
        ]),
    ];
    let i = import(&xlsx(&[
        (
            "Me lire",
            me_lire(
                "Clé de lecture … applicables au 1er septembre 2022",
                "v01.09.2022",
            ),
        ),
        ("Onglet 3 - référentiel NPEC", sheet),
    ]));
    assert_eq!(i.layout, Layout::Sept2022);
    assert_eq!(i.version.applies_from, date(2022, 9, 1));
    assert_eq!(i.version.rows[0].applicable_from, Some(date(2022, 9, 1)));
    assert_eq!(i.version.rows[0].diploma_type, "BP");
}

#[test]
fn options_override_what_the_workbook_says() {
    let book = current_workbook(
        "v_04.09.2025",
        vec![current_row("RNCP41000", 204.0, n(8828.0), n(45901.0))],
        vec![],
    );
    let options = ImportOptions {
        tag: Some("2025-09".into()),
        published: Some(date(2025, 9, 4)),
        applies_from: Some(date(2025, 9, 1)),
        applies_until: Some(date(2026, 8, 31)),
        legal_basis: Some("Décret n° 2025-860".into()),
        note: Some("note".into()),
        source_file: Some("Referentiel.xlsx".into()),
        matrix: MatrixRows::All,
        replace: false,
    };
    let v = import_bytes("x.xlsx", &book, &options).unwrap().version;
    assert_eq!(
        (
            v.tag.as_str(),
            v.applies_until,
            v.legal_basis.as_str(),
            v.note.as_str(),
            v.source_file.as_str()
        ),
        (
            "2025-09",
            Some(date(2026, 8, 31)),
            "Décret n° 2025-860",
            "note",
            "Referentiel.xlsx"
        )
    );
}

// --- errors ----------------------------------------------------------------------------------------------------

#[test]
fn unreadable_files() {
    let e = import_err(b"this is not a workbook");
    assert_eq!(e.kind, ErrorKind::Unreadable);
    assert_eq!(e.file, "test.xlsx");
    let e = import_err(&common::zip_of("lisez-moi.txt", b"hello"));
    assert_eq!(e.kind, ErrorKind::Unreadable);
    assert!(e.message.contains("aucun classeur"), "{e}");
    let book = current_workbook("v1", vec![], vec![]);
    let truncated = &book[..book.len() / 2];
    assert!(
        matches!(import_err(truncated).kind, ErrorKind::Unreadable),
        "{}",
        import_err(truncated)
    );
}

#[test]
fn unknown_workbook_and_missing_sheet() {
    let e = import_err(&xlsx(&[("Feuil1", vec![vec![t("Nom"), t("Prénom")]])]));
    assert_eq!(e.kind, ErrorKind::UnknownWorkbook);
    assert!(e.message.contains("« Feuil1 »"), "{e}");
    let e = import_err(&xlsx(&[
        ("Me lire", me_lire("Clé", "v1")),
        ("Onglet 2 - global", matrix_sheet()),
    ]));
    assert_eq!(e.kind, ErrorKind::MissingSheet);
    assert!(e.message.contains("Onglet 3 - référentiel NPEC"), "{e}");
}

fn with_header(col: usize, text: &str, data: Vec<Vec<Cell>>) -> Vec<u8> {
    let mut header = current_header();
    header[col] = t(text);
    let mut sheet = vec![vec![], vec![t("titre")], vec![], header];
    sheet.extend(data);
    xlsx(&[
        ("Me lire", me_lire("Clé", "v_18.07.2024")),
        ("Onglet 3 - référentiel NPEC", sheet),
    ])
}

#[test]
fn renamed_header() {
    let e = import_err(&with_header(
        6,
        "NPEC",
        vec![current_row("RNCP1002", 2.0, n(9497.0), n(45488.0))],
    ));
    assert_eq!(e.kind, ErrorKind::RenamedHeader);
    assert_eq!(e.sheet.as_deref(), Some("Onglet 3 - référentiel NPEC"));
    assert_eq!((e.row, e.column.as_deref()), (Some(4), Some("G")));
    assert!(
        e.message.contains("« NPEC »") && e.message.contains("« NPEC final »"),
        "{e}"
    );
    assert!(
        e.to_string()
            .starts_with("test.xlsx, onglet « Onglet 3 - référentiel NPEC », cellule G4 : "),
        "{e}"
    );
}

#[test]
fn a_moved_column_is_still_found() {
    // Status and date swapped: found by their header, wherever they are.
    let mut header = current_header();
    header.swap(7, 8);
    let mut sheet = vec![vec![], vec![t("titre")], vec![], header];
    sheet.push(vec![
        t("RNCP1002"),
        t("x"),
        t("y"),
        t("BP"),
        n(2.0),
        t("SF"),
        n(9497.0),
        n(45488.0),
        t("A"),
    ]);
    let v = import(&xlsx(&[
        ("Me lire", me_lire("Clé", "v_18.07.2024")),
        ("Onglet 3 - référentiel NPEC", sheet),
    ]))
    .version;
    assert_eq!(
        (v.rows[0].status.as_str(), v.rows[0].applicable_from),
        ("A", Some(date(2024, 7, 15)))
    );
}

#[test]
fn non_numeric_amount() {
    let e = import_err(&with_header(
        6,
        "NPEC final",
        vec![current_row("RNCP1002", 2.0, t("neuf mille"), n(45488.0))],
    ));
    assert_eq!(e.kind, ErrorKind::InvalidAmount);
    assert_eq!(
        (e.sheet.as_deref(), e.row, e.column.as_deref()),
        (Some("Onglet 3 - référentiel NPEC"), Some(5), Some("G"))
    );
    assert!(e.message.contains("« neuf mille »"), "{e}");
}

#[test]
fn impossible_dates() {
    for (cell, what) in [
        (t("31/02/2024"), "31/02/2024"),
        (t("bientôt"), "bientôt"),
        (n(60.0), "60"),
        (n(12.0), "12"),
    ] {
        let e = import_err(&with_header(
            6,
            "NPEC final",
            vec![current_row("RNCP1002", 2.0, n(9497.0), cell)],
        ));
        assert_eq!(e.kind, ErrorKind::InvalidDate, "{e}");
        assert_eq!((e.row, e.column.as_deref()), (Some(5), Some("I")));
        assert!(e.message.contains(what), "{e}");
    }
}

#[test]
fn non_numeric_cpne() {
    let mut r = current_row("RNCP1002", 2.0, n(9497.0), n(45488.0));
    r[4] = t("deux");
    let e = import_err(&with_header(6, "NPEC final", vec![r]));
    assert_eq!(
        (e.kind, e.row, e.column.as_deref()),
        (ErrorKind::InvalidValue, Some(5), Some("E"))
    );
}

#[test]
fn missing_version_tag() {
    let mut sheet = vec![vec![], vec![t("titre")], vec![], current_header()];
    sheet.push(current_row("RNCP1002", 2.0, n(9497.0), n(45488.0)));
    let e = import_err(&xlsx(&[("Onglet 3 - référentiel NPEC", sheet.clone())]));
    assert_eq!(e.kind, ErrorKind::MissingSheet);
    assert!(e.message.contains("Me lire"), "{e}");
    // With the tag and date given, the sheet is not needed.
    let options = ImportOptions {
        tag: Some("v_18.07.2024".into()),
        ..Default::default()
    };
    let v = import_bytes(
        "x.xlsx",
        &xlsx(&[("Onglet 3 - référentiel NPEC", sheet)]),
        &options,
    )
    .unwrap()
    .version;
    assert_eq!(v.published, date(2024, 7, 18));
}
