//! The streaming reader of the current layout gives exactly what the calamine reader gives: same rows, same
//! version, same warnings, same errors (file, sheet, row, column and message).
#![cfg(feature = "import")]

mod common;

use common::*;
use coutcontrat_referentiel::import::{import_bytes_via, MatrixRows, Via};
use coutcontrat_referentiel::ImportOptions;

fn same_both_ways(name: &str, bytes: &[u8], streamed: bool, modes: &[MatrixRows]) {
    for &matrix in modes {
        let options = ImportOptions {
            matrix,
            ..ImportOptions::default()
        };
        let slow = import_bytes_via(name, bytes, &options, Via::Calamine);
        let fast = import_bytes_via(
            name,
            bytes,
            &options,
            if streamed { Via::Stream } else { Via::Auto },
        );
        if let Err(e) = &fast {
            assert!(!e.message.contains("en flux"), "{name}: not streamed");
        }
        match (slow, fast) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a.version, b.version, "{name}");
                assert_eq!(a.layout, b.layout);
                assert_eq!(a.mapping_read, b.mapping_read);
                assert_eq!(a.mapping_complete, b.mapping_complete);
                assert_eq!(a.warnings, b.warnings);
            }
            (Err(a), Err(b)) => assert_eq!(a, b, "{name}"),
            (a, b) => panic!("{name}: {:?} / {:?}", a.err(), b.err()),
        }
    }
    if !streamed {
        let e = import_bytes_via(name, bytes, &ImportOptions::default(), Via::Stream).unwrap_err();
        assert!(e.message.contains("en flux"), "{name}: {e}");
    }
}

#[test]
fn the_five_real_workbooks() {
    for (file, streamed) in [
        ("Referentiel-des-NPEC-15.07.2024_vMAJ-18.07.2024.xlsx", true),
        ("Referentiel-des-NPEC_vMAJ-09.04.2024.xlsx", true),
        (
            "VF_11.02.2021_Referentiel-NPEC-20192020_avec_idcc.xlsx",
            false,
        ),
        ("referentiel_des_npec-2-1.xlsx", false),
        ("vf_referentiel_avec_idcc_oct_2019.xlsx", false),
    ] {
        let bytes = std::fs::read(fixtures().join(file)).unwrap();
        same_both_ways(file, &bytes, streamed, &[MatrixRows::All]);
    }
}

fn row(rncp: &str, cpne: Cell, amount: Cell, date: Cell) -> Vec<Cell> {
    vec![
        t(rncp),
        t("Libellé"),
        t("Certificateur"),
        t("BTS"),
        cpne,
        t("CPNE x"),
        amount,
        t("A"),
        date,
    ]
}

#[test]
fn errors_and_odd_cells_are_the_same() {
    let ok = || row("RNCP1", n(2.0), n(9497.0), n(45488.0));
    let cases: Vec<(&str, Vec<Vec<Cell>>)> = vec![
        (
            "ok",
            vec![
                ok(),
                row("RNCP1/ 37239/", n(4.0), t("9 497 €"), t("15/07/2024")),
            ],
        ),
        (
            "blank rows",
            vec![vec![], ok(), vec![e(), e(), t("  ")], ok()],
        ),
        (
            "amount",
            vec![ok(), row("RNCP2", n(2.0), t("neuf"), n(45488.0))],
        ),
        (
            "cpne",
            vec![ok(), row("RNCP2", t("deux"), n(1.0), n(45488.0))],
        ),
        ("date", vec![row("RNCP2", n(2.0), n(1.0), t("31/02/2024"))]),
        ("old date", vec![row("RNCP2", n(2.0), n(1.0), n(3.0))]),
        ("no code", vec![row("", n(2.0), n(1.0), n(45488.0))]),
        ("not rncp", vec![row("BTS", n(2.0), t("NC"), e())]),
        (
            "fraction",
            vec![row("RNCP3", n(2.0), n(6079.3333), n(45488.5))],
        ),
    ];
    for (name, data) in cases {
        let bytes = current_workbook("v_SYNTHETIC_01.09.2025", data, vec![(2, 478)]);
        same_both_ways(
            name,
            &bytes,
            true,
            &[MatrixRows::FillGaps, MatrixRows::All, MatrixRows::Skip],
        );
    }
    // A renamed header is reported the same way.
    let mut header = current_header();
    header[6] = t("Montant");
    let bytes = xlsx(&[
        ("Me lire", me_lire("Titre", "v_01.09.2025")),
        (
            "Onglet 3 - référentiel NPEC",
            vec![
                vec![],
                vec![],
                vec![],
                header,
                row("RNCP1", n(2.0), n(1.0), n(45488.0)),
            ],
        ),
    ]);
    let a =
        import_bytes_via("x.xlsx", &bytes, &ImportOptions::default(), Via::Calamine).unwrap_err();
    let b = import_bytes_via("x.xlsx", &bytes, &ImportOptions::default(), Via::Stream).unwrap_err();
    assert_eq!(a, b);
}
