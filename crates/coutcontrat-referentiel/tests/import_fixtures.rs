//! The importer on the five real trimmed workbooks (tests/fixtures/xlsx/, copies of the shared reference data):
//! every row and value, compared with the long-sheet rows of `npec_extract_rows.csv` written out here and with
//! the committed data of `data/referentiel/` (which the converter checked against the whole extract).
#![cfg(feature = "import")]

mod common;

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use coutcontrat::referentiel::{NpecRow, TableVersion};
use coutcontrat_referentiel::format::sort_rows;
use coutcontrat_referentiel::import::MatrixRows;
use coutcontrat_referentiel::{embedded_dataset, import_workbook, ImportOptions, Imported, Layout};
use jiff::civil::date;

/// Each fixture is imported once per test run: a debug build takes a few seconds per 30 MB sheet.
fn imported(file: &str) -> Imported {
    static CACHE: OnceLock<Mutex<HashMap<String, Imported>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(hit) = cache.lock().unwrap().get(file) {
        return hit.clone();
    }
    let options = ImportOptions {
        matrix: MatrixRows::All,
        ..ImportOptions::default()
    };
    let result = import_workbook(&common::fixtures().join(file), &options).unwrap();
    cache
        .lock()
        .unwrap()
        .insert(file.to_owned(), result.clone());
    result
}

/// The long-sheet rows: sheet, RNCP cell, code diplôme, CPNE label, status, raw amount, line.
type Long<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str, &'a str, u32);

fn long_rows(v: &TableVersion) -> Vec<Long<'_>> {
    v.rows
        .iter()
        .filter(|r| !r.origin.sheet.contains("global"))
        .map(|r| {
            (
                r.origin.sheet.as_str(),
                r.rncp_cell.as_str(),
                r.diploma_code.as_deref().unwrap_or_default(),
                r.cpne_label.as_str(),
                r.status.as_str(),
                r.amount_raw.as_str(),
                r.origin.line.unwrap(),
            )
        })
        .collect()
}

fn matrix(v: &TableVersion) -> Vec<&NpecRow> {
    v.rows
        .iter()
        .filter(|r| r.origin.sheet == "Onglet 2 - global")
        .collect()
}

/// The imported rows equal the committed data of the same version (canonical order).
fn same_as_committed(v: &TableVersion) {
    let set = embedded_dataset().unwrap();
    let committed = set
        .versions
        .iter()
        .find(|c| c.tag == v.tag)
        .expect("version in data/");
    let mut rows = v.rows.clone();
    sort_rows(&mut rows);
    assert_eq!(rows.len(), committed.rows.len(), "{}", v.tag);
    for (a, b) in rows.iter().zip(&committed.rows) {
        assert_eq!(a, b, "{}", v.tag);
    }
    assert_eq!(v.source_sha256, committed.source_sha256);
}

#[test]
fn current_layout_2024_07() {
    let i = imported("Referentiel-des-NPEC-15.07.2024_vMAJ-18.07.2024.xlsx");
    let v = &i.version;
    assert_eq!(i.layout, Layout::Current);
    assert_eq!(v.tag, "v_18.07.2024");
    assert_eq!(v.published, date(2024, 7, 18));
    assert_eq!(
        v.applies_from,
        date(2024, 7, 15),
        "from the « Me lire » title"
    );
    assert_eq!(v.legal_basis, "Décret n° 2024-695 du 5 juillet 2024");
    assert!(!v.synthetic);
    assert_eq!(
        v.source_sha256.as_deref(),
        Some("22267e7087950b43b5e8feb2f41c2c18790ac744f251d847bcd4a0df55f12bbd")
    );
    // Onglet 3: one row, all fields.
    let long: Vec<&NpecRow> = v
        .rows
        .iter()
        .filter(|r| r.origin.sheet == "Onglet 3 - référentiel NPEC")
        .collect();
    assert_eq!(long.len(), 1);
    let r = long[0];
    assert_eq!(r.rncp, ["RNCP1002"]);
    assert_eq!(
        r.label,
        "Mise en oeuvre caoutchoucs élastomères thermoplastiques"
    );
    assert_eq!(
        r.certifier,
        "MINISTERE DE L'EDUCATION NATIONALE ET DE LA JEUNESSE"
    );
    assert_eq!(r.diploma_type, "BP");
    assert_eq!(
        (r.cpne, r.cpne_label.as_str()),
        (Some(2), "CNPE des sociétés financières")
    );
    assert_eq!(
        (r.amount.unwrap().to_string().as_str(), r.status.as_str()),
        ("9497", "A")
    );
    assert_eq!(
        r.applicable_from,
        Some(date(2024, 7, 15)),
        "Excel serial 45488"
    );
    assert_eq!(r.origin.line, Some(5));
    // Onglet 2: RNCP1002 × 205 CPNE, 9497 but for three branches; no date, no status.
    let m = matrix(v);
    assert_eq!(m.len(), 205);
    assert!(m
        .iter()
        .all(|r| r.applicable_from.is_none() && r.status.is_empty() && r.origin.line == Some(6)));
    let odd: Vec<(u32, String)> = m
        .iter()
        .filter(|r| r.amount_raw != "9497")
        .map(|r| (r.cpne.unwrap(), r.amount_raw.clone()))
        .collect();
    assert_eq!(
        odd,
        [
            (22, "9936".into()),
            (45, "9450".into()),
            (217, "9105".into())
        ]
    );
    // The one-row Onglet 4 is read, but not attached as a complete mapping.
    assert_eq!(i.mapping_read.len(), 1);
    assert!(!i.mapping_complete && v.mapping.is_none());
    same_as_committed(v);
}

#[test]
fn current_layout_2024_04_with_nc_and_duplicates() {
    let i = imported("Referentiel-des-NPEC_vMAJ-09.04.2024.xlsx");
    let v = &i.version;
    assert_eq!(i.layout, Layout::Current);
    assert_eq!(v.tag, "v09.04.2024");
    assert_eq!(
        v.published,
        date(2024, 4, 9),
        "from the tag; the site says 03.04.24"
    );
    assert_eq!(
        v.applies_from,
        date(2023, 9, 8),
        "« applicables au 15 octobre ou 8 septembre 2023 »"
    );
    assert_eq!(v.legal_basis, "Décret n° 2023-945 du 13 octobre 2023");
    let s = "Onglet 3 - référentiel NPEC";
    let got: Vec<_> = v
        .rows
        .iter()
        .filter(|r| r.origin.sheet == s)
        .map(|r| {
            (
                r.rncp_cell.as_str(),
                r.rncp.clone(),
                r.cpne,
                r.amount.map(|a| a.to_string()),
                r.amount_raw.as_str(),
                r.diploma_type.as_str(),
                r.applicable_from,
                r.origin.line,
            )
        })
        .collect();
    let d = Some(date(2023, 10, 15));
    assert_eq!(
        got,
        [
            (
                "RNCP1002",
                vec!["RNCP1002".to_owned()],
                Some(2),
                Some("9497".into()),
                "9497",
                "BP",
                d,
                Some(5)
            ),
            (
                "RNCP1002",
                vec!["RNCP1002".to_owned()],
                Some(4),
                None,
                "NC",
                "BP",
                d,
                Some(6)
            ),
            (
                "RNCP31946/RNCP36989",
                vec!["RNCP31946".to_owned(), "RNCP36989".to_owned()],
                Some(2),
                Some("7750".into()),
                "7750",
                "TITRE",
                d,
                Some(7)
            ),
            (
                "RNCP36989",
                vec!["RNCP36989".to_owned()],
                Some(2),
                Some("8502".into()),
                "8502",
                "TITRE",
                d,
                Some(8)
            ),
        ]
    );
    let m = matrix(v);
    assert_eq!(m.len(), 426, "2 certifications × 213 CPNE");
    let multi: Vec<_> = m
        .iter()
        .filter(|r| r.rncp_cell == "RNCP1006/RNCP37239")
        .collect();
    assert_eq!(multi.len(), 213);
    assert_eq!(multi[0].rncp, ["RNCP1006", "RNCP37239"]);
    assert_eq!(multi[0].amount_raw, "8500");
    // The NC of Onglet 3 and the 9497 of the matrix for the same pair are both kept.
    let cpne4: Vec<_> = v
        .rows
        .iter()
        .filter(|r| r.rncp_cell == "RNCP1002" && r.cpne == Some(4))
        .map(|r| r.amount_raw.as_str())
        .collect();
    assert_eq!(cpne4, ["NC", "9497"]);
    assert!(v.mapping.is_none());
    same_as_committed(v);
}

#[test]
fn layout_2021_02() {
    let i = imported("VF_11.02.2021_Referentiel-NPEC-20192020_avec_idcc.xlsx");
    let v = &i.version;
    assert_eq!(i.layout, Layout::Feb2021);
    assert_eq!(
        v.tag, "v29.01.21",
        "the last line of « Lisez-moi », after v_nov2020"
    );
    assert_eq!(v.published, date(2021, 1, 29));
    assert_eq!(
        long_rows(v),
        [
            (
                "Onglet 2 - par formation-CPNE",
                "RNCP955",
                "1022001",
                "CNEFP du diagnostic technique immobillier",
                "D",
                "6079",
                3
            ),
            (
                "Onglet 2 - par formation-CPNE",
                "RNCP955",
                "1022001",
                "CNPE des sociétés financières",
                "D",
                "6079",
                4
            ),
        ]
    );
    assert_eq!(v.rows[0].cpne, Some(1));
    assert_eq!(v.rows[1].cpne, Some(2));
    assert_eq!(
        v.rows[0].label,
        "AGENT DE CONTROLE NON DESTRUCTIF (MC NIVEAU IV)"
    );
    // Onglet 3 - CPNE-IDCC (2 → 478, 4 → 1801) and the IDCC column: read, too small to be attached.
    let pairs: Vec<(u32, u32)> = i.mapping_read.iter().map(|p| (p.cpne, p.idcc)).collect();
    assert_eq!(pairs, [(2, 478), (4, 1801)]);
    assert!(v.mapping.is_none());
    same_as_committed(v);
}

#[test]
fn layout_2019_10_with_complete_mapping() {
    let i = imported("vf_referentiel_avec_idcc_oct_2019.xlsx");
    let v = &i.version;
    assert_eq!(i.layout, Layout::Oct2019);
    assert_eq!(v.tag, "v 20191018");
    assert_eq!(v.published, date(2019, 10, 18));
    let long: Vec<_> = v
        .rows
        .iter()
        .filter(|r| r.origin.sheet == "Onglet 3 - par formation-CPNE")
        .map(|r| {
            (
                r.diploma_code.clone().unwrap(),
                r.cpne.unwrap(),
                r.amount.unwrap().to_string(),
                r.status.clone(),
            )
        })
        .collect();
    assert_eq!(
        long,
        [
            ("1022001".into(), 2, "6079.3333".into(), "D".into()),
            ("1022001".into(), 4, "6079.3333".into(), "D".into()),
            ("1022001".into(), 5, "6079.3333".into(), "D".into()),
        ]
    );
    let m = matrix(v);
    assert_eq!(m.len(), 687, "3 diplomas × 229 CPNE");
    let by_code: Vec<(&str, &str)> = m
        .iter()
        .filter(|r| r.cpne == Some(1))
        .map(|r| (r.diploma_code.as_deref().unwrap(), r.amount_raw.as_str()))
        .collect();
    assert_eq!(
        by_code,
        [
            ("1022001", "6079.3333"),
            ("1022103", "10207.5"),
            ("1022104", "7682")
        ]
    );
    assert_eq!(m[1].cpne_label, "CNPE des sociétés financières", "trimmed");
    // The « Code(s) IDCC » row of the matrix is the complete mapping: 424 pairs, attached.
    assert!(i.mapping_complete);
    let mapping = v.mapping.as_ref().unwrap();
    assert_eq!(mapping.len(), 424);
    let of = |idcc: u32| {
        mapping
            .iter()
            .filter(|p| p.idcc == idcc)
            .map(|p| p.cpne)
            .collect::<Vec<_>>()
    };
    assert_eq!(of(1351), [204]);
    assert_eq!(of(1486), [147]);
    assert_eq!(of(2216), [46]);
    assert_eq!(
        mapping.iter().filter(|p| p.cpne == 9).count(),
        20,
        "CPNE 9 (BTP) holds 20 IDCC"
    );
    same_as_committed(v);
}

#[test]
fn layout_2019_09_labels_only() {
    let i = imported("referentiel_des_npec-2-1.xlsx");
    let v = &i.version;
    assert_eq!(i.layout, Layout::Sept2019);
    assert_eq!(v.tag, "v 20190916");
    let long: Vec<_> = v
        .rows
        .iter()
        .filter(|r| r.origin.sheet == "Onglet 3 - par formation-CPNE")
        .map(|r| (r.cpne, r.cpne_label.as_str(), r.amount_raw.as_str()))
        .collect();
    assert_eq!(
        long,
        [
            (None, "CPNE des sociétés financières", "6079.3333"),
            (None, "CPNE DES SOCIÉTÉS D'ASSISTANCE", "6079.3333"),
            (None, "CPNEFP dans le notariat", "6079.3333"),
        ]
    );
    let m = matrix(v);
    assert_eq!(m.len(), 699, "3 diplomas × 233 branches named by label");
    assert!(m.iter().all(|r| r.cpne.is_none() && r.rncp.is_empty()));
    assert_eq!(
        m[0].cpne_label,
        "Branche du Conseil d'architecture, d'urbanisme et de l'environnement (CAUE)"
    );
    let patisserie: Vec<(&str, &str)> = m
        .iter()
        .filter(|r| r.diploma_code.as_deref() == Some("1022104") && r.amount_raw != "7682")
        .map(|r| (r.cpne_label.as_str(), r.amount_raw.as_str()))
        .collect();
    assert_eq!(
        patisserie,
        [
            ("CPNE casinos", "9000"),
            (
                "CPNE du Commerce de détail et de gros à prédominance alimentaire",
                "6514"
            ),
            ("CPNE Pâtisserie", "6514"),
            ("CPNEFP de la restauration collective", "9000"),
            ("CPNEFP de la restauration rapide", "9000"),
        ]
    );
    assert!(i.mapping_read.is_empty() && v.mapping.is_none());
    same_as_committed(v);
}

#[test]
fn a_zip_holding_the_workbook_imports_the_same() {
    let file = "VF_11.02.2021_Referentiel-NPEC-20192020_avec_idcc.xlsx";
    let bytes = std::fs::read(common::fixtures().join(file)).unwrap();
    let zipped = common::zip_of(&format!("dossier/{file}"), &bytes);
    let from_zip = coutcontrat_referentiel::import::import_bytes(
        "ref.zip",
        &zipped,
        &ImportOptions::default(),
    )
    .unwrap();
    let direct = imported(file);
    assert_eq!(from_zip.version.rows, direct.version.rows);
    assert_eq!(from_zip.version.tag, "v29.01.21");
    assert_ne!(
        from_zip.version.source_sha256, direct.version.source_sha256,
        "the checksum is the zip's"
    );
}
