//! Issue 17: a `--replace` import killed between its two renames left the version missing and two hidden
//! directories, and `verify` passed. The state between the renames is made by hand here (the old content moved
//! aside, the new one complete beside it, named after a process that is gone); `verify` reports it, and the
//! next reading or import of the directory puts the version back.
#![cfg(feature = "import")]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::one_row_workbook;
use coutcontrat_referentiel::integrity::{verify_dir, VerifyOptions};
use coutcontrat_referentiel::{import_into, import_into_with, load_dir, ErrorKind, ImportOptions};

/// A process number no system gives (above Linux's largest `pid_max`).
const GONE: u32 = 999_999_999;

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

/// A data directory with one version imported (amount 8828), its directory, and a replacement's new content
/// (amount 9000) written aside as the import writes it.
fn imported(name: &str) -> (PathBuf, PathBuf, PathBuf) {
    let data = common::temp_dir(name);
    let first = import_into(&data, &one_row_workbook(&data, "a.xlsx", 8828.0)).unwrap();
    let dir = first.directory;
    // The replacement's content: imported elsewhere, then copied where the import writes it.
    let other = common::temp_dir(&format!("{name}-other"));
    let new = import_into(&other, &one_row_workbook(&other, "b.xlsx", 9000.0)).unwrap();
    let slug = dir.file_name().unwrap().to_string_lossy().into_owned();
    let tmp = dir.with_file_name(format!(".{slug}.tmp-{GONE}"));
    copy_dir(&new.directory, &tmp);
    fs::remove_dir_all(&other).unwrap();
    (data, dir, tmp)
}

fn old_of(dir: &Path) -> PathBuf {
    let slug = dir.file_name().unwrap().to_string_lossy().into_owned();
    dir.with_file_name(format!(".{slug}.old-{GONE}"))
}

fn amount(data: &Path) -> String {
    let r = load_dir(data).unwrap();
    assert_eq!(r.versions().len(), 1);
    r.versions()[0].rows[0].amount.unwrap().to_string()
}

fn hidden(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    names.sort();
    names
}

#[test]
fn verify_reports_a_version_vanished_between_the_renames() {
    let (data, dir, tmp) = imported("vanished-verify");
    // Between the renames: the old content moved aside, the new one not yet in place.
    fs::rename(&dir, old_of(&dir)).unwrap();
    let report = verify_dir(&data, &VerifyOptions::default());
    assert!(!report.is_ok(), "{report}");
    let problem = &report.problems[0];
    assert_eq!(problem.kind, ErrorKind::Format, "{report}");
    assert_eq!(problem.file, dir.display().to_string(), "{report}");
    assert!(problem.message.contains("version absente"), "{report}");
    assert!(problem
        .message
        .contains(&tmp.file_name().unwrap().to_string_lossy().into_owned()));
    // Reading the directory puts the new content in place and removes the rest.
    assert_eq!(amount(&data), "9000");
    assert!(hidden(&dir).is_empty(), "{:?}", hidden(&dir));
    assert!(verify_dir(&data, &VerifyOptions::default()).is_ok());
    fs::remove_dir_all(&data).unwrap();
}

#[test]
fn the_next_import_recovers_a_version_vanished_between_the_renames() {
    let (data, dir, _) = imported("vanished-import");
    fs::rename(&dir, old_of(&dir)).unwrap();
    // The same replacement again: the version is back (the new content), so nothing changes.
    let again = import_into_with(
        &data,
        &one_row_workbook(&data, "b.xlsx", 9000.0),
        &ImportOptions {
            replace: true,
            ..ImportOptions::default()
        },
    )
    .unwrap();
    assert_eq!(again.directory, dir);
    assert!(again.already_imported || again.replaced, "{again}");
    assert!(hidden(&dir).is_empty(), "{:?}", hidden(&dir));
    assert_eq!(amount(&data), "9000");
    fs::remove_dir_all(&data).unwrap();
}

#[test]
fn without_its_new_content_the_old_version_comes_back() {
    let (data, dir, tmp) = imported("vanished-old");
    fs::remove_dir_all(&tmp).unwrap();
    fs::rename(&dir, old_of(&dir)).unwrap();
    let report = verify_dir(&data, &VerifyOptions::default());
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.message.contains("renommez-le")),
        "{report}"
    );
    assert_eq!(amount(&data), "8828");
    assert!(hidden(&dir).is_empty());
    fs::remove_dir_all(&data).unwrap();
}

#[test]
fn stale_copies_are_reported_then_removed() {
    // Killed after the second rename (the old copy stays), or while writing (a half-written copy stays).
    let (data, dir, tmp) = imported("stale");
    let old = old_of(&dir);
    copy_dir(&dir, &old);
    let report = verify_dir(&data, &VerifyOptions::default());
    let files: Vec<&str> = report.problems.iter().map(|p| p.file.as_str()).collect();
    let (old_shown, tmp_shown) = (old.display().to_string(), tmp.display().to_string());
    assert_eq!(files, [old_shown.as_str(), tmp_shown.as_str()], "{report}");
    assert!(
        report.problems[0].message.contains("ancienne copie"),
        "{report}"
    );
    assert!(
        report.problems[1].message.contains("à moitié écrite"),
        "{report}"
    );
    assert_eq!(amount(&data), "8828");
    assert!(hidden(&dir).is_empty());
    fs::remove_dir_all(&data).unwrap();
}

#[test]
fn a_write_in_progress_is_left_alone() {
    // This process is running: its directories may be a write under way (a concurrent import).
    let (data, dir, tmp) = imported("in-progress");
    let slug = dir.file_name().unwrap().to_string_lossy().into_owned();
    let mine = dir.with_file_name(format!(".{slug}.tmp-{}", std::process::id()));
    fs::rename(&tmp, &mine).unwrap();
    assert!(verify_dir(&data, &VerifyOptions::default()).is_ok());
    assert_eq!(amount(&data), "8828");
    assert!(mine.is_dir());
    fs::remove_dir_all(&data).unwrap();
}
