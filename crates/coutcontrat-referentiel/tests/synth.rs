//! The synthetic workbook: a small one generated here, imported by the importer (both readers), gives the rows
//! the generator says it wrote; it says it is synthetic everywhere.
#![cfg(feature = "import")]

use std::collections::HashMap;

use coutcontrat_referentiel::import::{import_bytes_via, MatrixRows, Via};
use coutcontrat_referentiel::synth::{write_synthetic, SynthOptions, LABEL_PREFIX, SYNTHETIC_TAG};
use coutcontrat_referentiel::{ImportOptions, Layout};
use jiff::civil::date;

fn small() -> (Vec<u8>, coutcontrat_referentiel::synth::SynthSummary) {
    let mut out = std::io::Cursor::new(Vec::new());
    let opts = SynthOptions {
        certifications: 30,
        cpne: 20,
        ..SynthOptions::default()
    };
    let summary = write_synthetic(&opts, &mut out).unwrap();
    (out.into_inner(), summary)
}

#[test]
fn a_small_synthetic_workbook_imports_as_generated() {
    let (bytes, summary) = small();
    // 30 certifications, one more for the second code of a two-code cell, one duplicated row.
    assert_eq!(summary.certifications, 31);
    assert_eq!(summary.cpne.len(), 20);
    assert_eq!(summary.rows, 31 * 20 + 1);
    assert!(!summary.multi_code_cells.is_empty());
    assert_eq!(
        summary.duplicate_pairs.len(),
        2,
        "{:?}",
        summary.duplicate_pairs
    );

    let name = "Referentiel-des-NPEC-SYNTHETIQUE-30x20.xlsx";
    let calamine =
        import_bytes_via(name, &bytes, &ImportOptions::default(), Via::Calamine).unwrap();
    let streamed = import_bytes_via(name, &bytes, &ImportOptions::default(), Via::Stream).unwrap();
    assert_eq!(calamine.version, streamed.version);
    assert_eq!(calamine.warnings, streamed.warnings);
    let v = streamed.version;
    assert_eq!(streamed.layout, Layout::Current);
    assert!(v.synthetic);
    assert_eq!(v.tag, SYNTHETIC_TAG);
    assert_eq!(v.published, date(2024, 7, 18));
    assert_eq!(v.applies_from, date(2024, 7, 15));
    assert_eq!(v.legal_basis, "Décret n° 2024-695 du 5 juillet 2024");
    // Every matrix cell repeats a long-sheet row: none is added.
    assert_eq!(v.rows.len(), summary.rows);
    assert!(v.rows.iter().all(|r| r.label.starts_with(LABEL_PREFIX)));
    assert_eq!(
        v.rows.iter().filter(|r| r.amount.is_none()).count(),
        summary.nc_rows
    );
    assert_eq!(streamed.mapping_read.len(), summary.mapping_pairs);

    // Spot checks: the rows the generator reports.
    let by_key: HashMap<(&str, u32), Vec<&coutcontrat::referentiel::NpecRow>> =
        v.rows.iter().fold(HashMap::new(), |mut m, r| {
            m.entry((r.rncp_cell.as_str(), r.cpne.unwrap()))
                .or_default()
                .push(r);
            m
        });
    assert!(!summary.samples.is_empty());
    for (cell, cpne, amount, status, when) in &summary.samples {
        let rows = &by_key[&(cell.as_str(), *cpne)];
        assert!(rows.iter().any(|r| &r.amount_raw == amount
            && &r.status == status
            && r.applicable_from == Some(*when)));
    }
    // Two-code cells are split; the pair given twice has two amounts.
    for cell in &summary.multi_code_cells {
        let row = v.rows.iter().find(|r| &r.rncp_cell == cell).unwrap();
        assert_eq!(
            row.rncp.len(),
            cell.trim_end_matches('/').split('/').count(),
            "{cell}"
        );
    }
    for (code, cpne) in &summary.duplicate_pairs {
        let amounts: Vec<_> = v
            .rows
            .iter()
            .filter(|r| r.rncp.contains(code) && r.cpne == Some(*cpne))
            .map(|r| r.amount)
            .collect();
        assert!(amounts.len() >= 2, "{code} × {cpne}: {amounts:?}");
        assert_ne!(amounts[0], amounts[1]);
    }

    // With every matrix cell kept, each pair is there twice.
    let all = ImportOptions {
        matrix: MatrixRows::All,
        ..ImportOptions::default()
    };
    let both = import_bytes_via(name, &bytes, &all, Via::Stream).unwrap();
    assert_eq!(
        both.version.rows.len(),
        summary.rows + summary.certifications * 20
    );
}

#[test]
fn the_generator_is_deterministic() {
    assert_eq!(small().0, small().0);
}
