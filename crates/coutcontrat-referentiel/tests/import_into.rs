//! `import_into`: a version added to a data directory, written aside then renamed, with the diff against the
//! version before it.
#![cfg(feature = "import")]

mod common;

use coutcontrat_referentiel::{
    embedded_dataset, import_into, load_dir, version_dir, write_version,
};
use jiff::civil::date;

#[test]
fn import_into_a_data_directory() {
    let data = common::temp_dir("import-into");
    // The directory holds the v09.04.2024 version (from the shipped data).
    let set = embedded_dataset().unwrap();
    let previous = set
        .versions
        .iter()
        .find(|v| v.tag == "v09.04.2024")
        .unwrap();
    write_version(&version_dir(&data, previous), previous).unwrap();

    let workbook = common::fixtures().join("Referentiel-des-NPEC-15.07.2024_vMAJ-18.07.2024.xlsx");
    let summary = import_into(&data, &workbook).unwrap();
    assert_eq!(summary.tag, "v_18.07.2024");
    assert_eq!(
        summary.directory,
        data.join("referentiel/2024-07-18_v-18.07.2024")
    );
    // Default: the matrix fills the pairs the long sheet lacks (CPNE 2 is in Onglet 3).
    assert_eq!(
        (
            summary.rows,
            summary.certifications,
            summary.cpne,
            summary.absent_amounts
        ),
        (205, 1, 205, 0)
    );
    assert_eq!(summary.mapping_pairs, None);
    assert!(!summary.replaced);
    assert_eq!(summary.diff.previous.as_deref(), Some("v09.04.2024"));
    // RNCP1002: 205 CPNE now, 213 before; RNCP1006, RNCP37239, RNCP31946, RNCP36989 gone.
    let changed: Vec<_> = summary
        .diff
        .changed
        .iter()
        .map(|c| {
            (
                c.rncp.as_str(),
                c.cpne.as_str(),
                c.before.map(|a| a.to_string()),
                c.after.map(|a| a.to_string()),
            )
        })
        .collect();
    assert!(
        changed.contains(&("RNCP1002", "4", None, Some("9497".into()))),
        "{changed:?}"
    );
    assert!(summary.diff.added.is_empty(), "{:?}", summary.diff.added);
    assert_eq!(
        summary
            .diff
            .removed
            .iter()
            .filter(|c| c.rncp == "RNCP1002")
            .count(),
        213 - 205
    );
    assert!(summary.diff.removed.iter().any(|c| c.rncp == "RNCP37239"));
    let text = summary.to_string();
    assert!(text.contains("par rapport à v09.04.2024"), "{text}");

    // The directory now reads as two versions; nothing temporary is left.
    let r = load_dir(&data).unwrap();
    assert_eq!(r.versions().len(), 2);
    let names: Vec<String> = std::fs::read_dir(data.join("referentiel"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
    assert_eq!(r.versions()[1].applies_from, date(2024, 7, 15));
    // D20: an imported workbook is a whole edition, its SHA-256 recorded beside `coverage = "complete"`.
    let manifest = std::fs::read_to_string(summary.directory.join("manifest.toml")).unwrap();
    assert!(manifest.contains("coverage = \"complete\""), "{manifest}");
    assert!(manifest.contains("source_sha256 = "), "{manifest}");
    assert_eq!(
        r.versions()[1].coverage,
        coutcontrat::referentiel::Coverage::Complete
    );
    assert_eq!(
        r.versions()[0].coverage,
        coutcontrat::referentiel::Coverage::Partial
    );

    // Importing the same file again changes nothing (same tag, same SHA-256): see tests/integrity.rs.
    let again = import_into(&data, &workbook).unwrap();
    assert!(again.already_imported && !again.replaced);
    assert!(again.diff.is_empty());
    std::fs::remove_dir_all(&data).unwrap();
}

#[test]
fn a_failed_import_leaves_the_directory_alone() {
    let data = common::temp_dir("import-fail");
    let bad = data.join("bad.xlsx");
    std::fs::write(&bad, b"not a workbook").unwrap();
    assert!(import_into(&data, &bad).is_err());
    assert!(!data.join("referentiel").exists());
    std::fs::remove_dir_all(&data).unwrap();
}
