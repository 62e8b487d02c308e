//! Data integrity: a version is never silently replaced, a written version reads back as its manifest
//! announces, and `verify_dir` finds what is wrong in a data directory (every problem, not only the first).
#![cfg(feature = "import")]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{one_row_workbook, TAG};
use coutcontrat_referentiel::integrity::{
    check_written, existing_version, sha256_file, verify_dir, Existing, VerifyOptions,
};
use coutcontrat_referentiel::{
    import_into, import_into_with, load_dir, version_dir, version_dirs, write_version, ErrorKind,
    ImportOptions,
};
use jiff::civil::date;

fn replace() -> ImportOptions {
    ImportOptions {
        replace: true,
        ..ImportOptions::default()
    }
}

fn npec_csv(data: &Path) -> String {
    let dirs = version_dirs(data).unwrap();
    assert_eq!(dirs.len(), 1, "{dirs:?}");
    fs::read_to_string(dirs[0].join("npec.csv")).unwrap()
}

#[test]
fn importing_the_same_file_again_changes_nothing() {
    let data = common::temp_dir("integrity-same");
    let wb = one_row_workbook(&data, "ref.xlsx", 8828.0);
    let first = import_into(&data, &wb).unwrap();
    assert!(!first.already_imported && !first.replaced);
    let dir = first.directory.clone();
    let before: Vec<_> = ["manifest.toml", "npec.csv"]
        .iter()
        .map(|f| fs::read(dir.join(f)).unwrap())
        .collect();

    let again = import_into(&data, &wb).unwrap();
    assert!(again.already_imported, "{again}");
    assert!(!again.replaced);
    assert!(again.diff.is_empty());
    assert_eq!(again.directory, dir);
    assert!(again.to_string().contains("déjà importée"), "{again}");
    let after: Vec<_> = ["manifest.toml", "npec.csv"]
        .iter()
        .map(|f| fs::read(dir.join(f)).unwrap())
        .collect();
    assert_eq!(before, after);
    fs::remove_dir_all(&data).unwrap();
}

#[test]
fn a_changed_file_under_an_existing_tag_is_refused_unless_replaced() {
    let data = common::temp_dir("integrity-changed");
    let original = one_row_workbook(&data, "ref.xlsx", 8828.0);
    import_into(&data, &original).unwrap();
    let changed = one_row_workbook(&data, "ref-changed.xlsx", 9000.0);

    let err = import_into(&data, &changed).unwrap_err();
    assert_eq!(err.kind, ErrorKind::VersionExists);
    assert_eq!(err.kind.code(), "version_exists");
    assert!(err.message.contains(TAG), "{err}");
    assert!(err.message.contains("--replace"), "{err}");
    // Nothing was touched.
    assert!(npec_csv(&data).contains(",8828,"), "{}", npec_csv(&data));

    let summary = import_into_with(&data, &changed, &replace()).unwrap();
    assert!(summary.replaced && !summary.already_imported);
    assert_eq!(summary.diff.changed.len(), 1, "{:?}", summary.diff);
    assert!(npec_csv(&data).contains(",9000,"), "{}", npec_csv(&data));
    let dir = &version_dirs(&data).unwrap()[0];
    let manifest = fs::read_to_string(dir.join("manifest.toml")).unwrap();
    assert!(
        manifest.contains(&sha256_file(&changed).unwrap()),
        "{manifest}"
    );
    fs::remove_dir_all(&data).unwrap();
}

#[test]
fn a_version_without_a_recorded_checksum_is_not_overwritten() {
    let data = common::temp_dir("integrity-nosum");
    let wb = one_row_workbook(&data, "ref.xlsx", 8828.0);
    let mut imported =
        coutcontrat_referentiel::import_workbook(&wb, &ImportOptions::default()).unwrap();
    imported.version.source_sha256 = None;
    write_version(&version_dir(&data, &imported.version), &imported.version).unwrap();
    assert!(matches!(
        existing_version(&data, &imported.version).unwrap(),
        Existing::Different { recorded: None, .. }
    ));
    let err = import_into(&data, &wb).unwrap_err();
    assert_eq!(err.kind, ErrorKind::VersionExists);
    assert!(err.message.contains("pas d'empreinte"), "{err}");
    fs::remove_dir_all(&data).unwrap();
}

#[test]
fn replacing_a_version_filed_under_another_directory_leaves_one_directory() {
    let data = common::temp_dir("integrity-moved");
    let wb = one_row_workbook(&data, "ref.xlsx", 8828.0);
    let elsewhere = ImportOptions {
        published: Some(date(2025, 9, 5)),
        ..ImportOptions::default()
    };
    import_into_with(&data, &wb, &elsewhere).unwrap();
    let changed = one_row_workbook(&data, "ref-changed.xlsx", 9000.0);
    // Another directory name, the same tag: still the same version.
    assert_eq!(
        import_into(&data, &changed).unwrap_err().kind,
        ErrorKind::VersionExists
    );
    let summary = import_into_with(&data, &changed, &replace()).unwrap();
    assert!(summary.replaced);
    let dirs = version_dirs(&data).unwrap();
    assert_eq!(dirs, vec![summary.directory.clone()]);
    assert_eq!(load_dir(&data).unwrap().versions().len(), 1);
    fs::remove_dir_all(&data).unwrap();
}

#[test]
fn a_written_version_is_read_back_against_its_manifest() {
    let data = common::temp_dir("integrity-written");
    let wb = one_row_workbook(&data, "ref.xlsx", 8828.0);
    let summary = import_into(&data, &wb).unwrap();
    let dir = summary.directory;
    let version = coutcontrat_referentiel::load_version_dir(&dir).unwrap();
    check_written(&dir, &version, 1).unwrap();
    // Another count than the one written, another checksum, a truncated file: each refused.
    assert_eq!(
        check_written(&dir, &version, 2).unwrap_err().kind,
        ErrorKind::Format
    );
    let mut other = version.clone();
    other.source_sha256 = Some("0".repeat(64));
    assert_eq!(
        check_written(&dir, &other, 1).unwrap_err().kind,
        ErrorKind::Format
    );
    let npec = dir.join("npec.csv");
    let text = fs::read_to_string(&npec).unwrap();
    fs::write(&npec, text.lines().next().unwrap()).unwrap();
    let err = check_written(&dir, &version, 1).unwrap_err();
    assert!(err.message.contains("0 lignes relues"), "{err}");
    fs::remove_dir_all(&data).unwrap();
}

// --- verify --------------------------------------------------------------------------------------------------

fn repo_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A copy of the shipped data directory.
fn copy_of_data(name: &str) -> PathBuf {
    let dir = common::temp_dir(name).join("data");
    copy_dir(&repo_data(), &dir);
    dir
}

fn codes(report: &coutcontrat_referentiel::integrity::VerifyReport) -> Vec<&'static str> {
    report.problems.iter().map(|p| p.kind.code()).collect()
}

const OLD: &str = "referentiel/2024-07-18_v-18.07.2024";

/// Verifies the shipped data against `sources`, expecting `expected` source files checked.
fn verify_shipped_data(sources: Vec<PathBuf>, expected: usize) {
    let report = verify_dir(
        &repo_data(),
        &VerifyOptions {
            sources,
            embedded: None,
        },
    );
    assert!(report.is_ok(), "{report}");
    assert_eq!(report.embedded, Some(true), "{report}");
    assert_eq!(
        report.versions.len(),
        version_dirs(&repo_data()).unwrap().len()
    );
    let checked = report
        .versions
        .iter()
        .filter(|v| v.source_checked == Some(true))
        .count();
    assert_eq!(checked, expected, "{report}");
    assert_eq!(report.branches.len(), 2);
    assert!(report.to_string().contains("aucun problème"), "{report}");
}

#[test]
fn the_shipped_data_verify_against_their_sources_and_the_embedded_copy() {
    // The five trimmed workbooks (one under an accented name).
    verify_shipped_data(vec![common::fixtures()], 5);
}

/// With the reference extracts (`COUTCONTRAT_REFERENCE_DATA`, else the repository's copy in
/// `tests/fixtures/reference-data`), the CSV of the two versions converted from them are checked too.
#[test]
fn the_shipped_data_verify_against_the_reference_extracts() {
    let shared = std::env::var_os("COUTCONTRAT_REFERENCE_DATA").map_or_else(
        || repo_data().join("../tests/fixtures/reference-data"),
        PathBuf::from,
    );
    assert!(
        shared.is_dir(),
        "{} is absent: set COUTCONTRAT_REFERENCE_DATA to the folder of the reference extracts",
        shared.display()
    );
    verify_shipped_data(vec![common::fixtures(), shared], 7);
}

#[test]
fn verify_finds_a_truncated_table_and_a_wrong_pair_count() {
    let data = copy_of_data("verify-counts");
    let npec = data.join(OLD).join("npec.csv");
    let text = fs::read_to_string(&npec).unwrap();
    let cut: Vec<&str> = text.lines().collect();
    fs::write(&npec, cut[..cut.len() - 1].join("\n") + "\n").unwrap();
    let pairs = data.join("referentiel/2019-10-24_v-20191018/cpne_idcc.csv");
    let text = fs::read_to_string(&pairs).unwrap();
    fs::write(
        &pairs,
        text.lines().take(10).collect::<Vec<_>>().join("\n") + "\n",
    )
    .unwrap();

    let report = verify_dir(&data, &VerifyOptions::default());
    assert_eq!(codes(&report), ["format", "format"], "{report}");
    let text = report.to_string();
    assert!(
        text.contains("205 lignes de données, le manifeste en annonce 206"),
        "{text}"
    );
    assert!(text.contains("9 paires, le manifeste en annonce"), "{text}");
    // Not the repository's data/: the embedded copy is not compared.
    assert_eq!(report.embedded, None);
    fs::remove_dir_all(data.parent().unwrap()).unwrap();
}

#[test]
fn verify_finds_a_duplicate_tag_and_a_misnamed_directory() {
    let data = copy_of_data("verify-duplicate");
    copy_dir(&data.join(OLD), &data.join("referentiel/2099-01-01_copie"));
    let report = verify_dir(&data, &VerifyOptions::default());
    let found = codes(&report);
    assert!(found.contains(&"duplicate_version"), "{report}");
    assert!(found.contains(&"format"), "{report}");
    assert!(
        report
            .to_string()
            .contains("doit s'appeler « 2024-07-18_v-18.07.2024 »"),
        "{report}"
    );
    fs::remove_dir_all(data.parent().unwrap()).unwrap();
}

#[test]
fn verify_finds_a_source_that_is_not_the_one_imported() {
    let data = repo_data();
    let sources = common::temp_dir("verify-sources");
    fs::write(
        sources.join("Referentiel-des-NPEC-15.07.2024_vMAJ-18.07.2024.xlsx"),
        b"another file under the same name",
    )
    .unwrap();
    let report = verify_dir(
        &data,
        &VerifyOptions {
            sources: vec![sources.clone()],
            embedded: Some(false),
        },
    );
    assert_eq!(codes(&report), ["checksum_mismatch"], "{report}");
    let v = report
        .versions
        .iter()
        .find(|v| v.tag.as_deref() == Some("v_18.07.2024"))
        .unwrap();
    assert_eq!(v.source_checked, Some(false));
    // The other sources were not found: noted, not failed.
    assert!(
        report.notes.iter().any(|n| n.contains("introuvable")),
        "{report}"
    );
    fs::remove_dir_all(&sources).unwrap();
}

#[test]
fn verify_finds_data_that_differ_from_the_embedded_copy() {
    let data = copy_of_data("verify-embedded");
    let idcc = data.join("branches/idcc.csv");
    let mut text = fs::read_to_string(&idcc).unwrap();
    text.push_str("9999,Convention de test,\n");
    fs::write(&idcc, text).unwrap();
    fs::remove_dir_all(data.join("referentiel/2019-09-16_v-20190916")).unwrap();
    let options = VerifyOptions {
        sources: Vec::new(),
        embedded: Some(true),
    };
    let report = verify_dir(&data, &options);
    // branches/idcc.csv differs; the 2019-09 version's three files are embedded but gone.
    assert_eq!(codes(&report), ["embedded_mismatch"; 3], "{report}");
    assert_eq!(report.embedded, Some(false));
    assert!(report.to_string().contains("cargo build"), "{report}");
    fs::remove_dir_all(data.parent().unwrap()).unwrap();
}

#[test]
fn verify_reports_every_unreadable_file_not_only_the_first() {
    let data = copy_of_data("verify-unreadable");
    fs::write(data.join(OLD).join("manifest.toml"), "tag = [").unwrap();
    fs::write(
        data.join("referentiel/2024-04-03_v09.04.2024/npec.csv"),
        "not,the,header\n",
    )
    .unwrap();
    fs::write(
        data.join("branches/cpne.csv"),
        "cpne,label,version\nabc,x,v\n",
    )
    .unwrap();
    let report = verify_dir(&data, &VerifyOptions::default());
    assert_eq!(codes(&report), ["format"; 3], "{report}");
    assert_eq!(
        report.versions.len(),
        version_dirs(&data).unwrap().len(),
        "every version is still listed"
    );
    fs::remove_dir_all(data.parent().unwrap()).unwrap();
}

#[test]
fn verify_of_a_directory_without_referentiel_is_an_io_problem() {
    let dir = common::temp_dir("verify-empty");
    let report = verify_dir(&dir, &VerifyOptions::default());
    assert_eq!(codes(&report), ["io"], "{report}");
    fs::remove_dir_all(&dir).unwrap();
}

/// D20: `verify` accepts `coverage = "complete"` and `"partial"`, notes a manifest without it (read as
/// partial), and refuses another word with its line.
#[test]
fn verify_accepts_both_coverages_and_refuses_another() {
    let data = copy_of_data("verify-coverage");
    let manifest = data.join(OLD).join("manifest.toml");
    let text = fs::read_to_string(&manifest).unwrap();
    assert!(text.contains("coverage = \"partial\""), "{text}");
    let options = VerifyOptions::default();
    fs::write(&manifest, text.replace("\"partial\"", "\"complete\"")).unwrap();
    let report = verify_dir(&data, &options);
    assert!(report.is_ok(), "{report}");
    fs::write(&manifest, text.replace("coverage = \"partial\"\n", "")).unwrap();
    let report = verify_dir(&data, &options);
    assert!(report.is_ok(), "{report}");
    assert!(
        report.notes.iter().any(|n| n.contains("coverage")),
        "{report}"
    );
    fs::write(&manifest, text.replace("\"partial\"", "\"entière\"")).unwrap();
    let report = verify_dir(&data, &options);
    assert_eq!(codes(&report), ["format"], "{report}");
    assert!(report.to_string().contains("« entière »"), "{report}");
    fs::remove_dir_all(data.parent().unwrap()).unwrap();
}

/// D20: `verify` reads the renewed codes too: a bad line is a `format` problem, named by line.
#[test]
fn verify_reads_the_renewals() {
    let data = copy_of_data("verify-renewals");
    let file = data.join("renewals/rncp.csv");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, text.replacen("RNCP35393,", "BTS,", 1)).unwrap();
    let report = verify_dir(&data, &VerifyOptions::default());
    assert_eq!(codes(&report), ["format"], "{report}");
    assert!(report.to_string().contains("rncp.csv, ligne"), "{report}");
    fs::remove_dir_all(data.parent().unwrap()).unwrap();
}
