//! `coutcontrat verify`: the data directory checked end to end, a summary, exit 0 or 1.

use std::fs;

use crate::common::{run, workspace};

#[test]
fn verify_checks_the_shipped_data_end_to_end() {
    let fixtures = workspace().join("tests/fixtures/xlsx");
    let out = run(
        &["verify", "--sources", fixtures.to_str().unwrap(), "--json"],
        "",
    );
    assert_eq!(out.code, 0, "{}", out.stdout);
    let j = out.json();
    assert_eq!(j["ok"], true, "{j:#}");
    // Run in the repository: the embedded data are compared with data/, and equal.
    assert_eq!(j["embedded"], true, "{j:#}");
    let versions = j["versions"].as_array().unwrap();
    let dirs = fs::read_dir(workspace().join("data/referentiel"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().is_dir())
        .count();
    assert_eq!(versions.len(), dirs);
    assert!(
        versions.iter().all(|v| v["rows"].as_u64() > Some(0)),
        "{j:#}"
    );
    let checked = versions
        .iter()
        .filter(|v| v["source_checked"] == true)
        .count();
    assert_eq!(checked, 5, "the five trimmed workbooks: {j:#}");
    assert!(j["problems"].as_array().unwrap().is_empty());

    let text = run(&["verify"], "");
    assert_eq!(text.code, 0, "{}", text.stdout);
    assert!(text.stdout.contains("aucun problème"), "{}", text.stdout);
    assert!(
        text.stdout
            .contains("données intégrées au programme : identiques"),
        "{}",
        text.stdout
    );
}

#[test]
fn verify_lists_every_problem_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = run(
        &[
            "import",
            workspace()
                .join("tests/fixtures/xlsx/Referentiel-des-NPEC_vMAJ-09.04.2024.xlsx")
                .to_str()
                .unwrap(),
            "--out",
            data.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let version = fs::read_dir(data.join("referentiel"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    // A truncated table, and a copy of the version under another name.
    let npec = version.join("npec.csv");
    let text = fs::read_to_string(&npec).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    fs::write(&npec, lines[..lines.len() - 3].join("\n") + "\n").unwrap();
    let copy = data.join("referentiel/2099-01-01_copie");
    fs::create_dir(&copy).unwrap();
    for f in ["manifest.toml", "npec.csv"] {
        fs::copy(version.join(f), copy.join(f)).unwrap();
    }
    let out = run(&["--data", data.to_str().unwrap(), "verify"], "");
    assert_eq!(out.code, 1, "{}", out.stdout);
    for expected in [
        "[format]",
        "le manifeste en annonce",
        "[duplicate_version]",
        "doit s'appeler",
        "problème(s)",
    ] {
        assert!(out.stdout.contains(expected), "{expected}: {}", out.stdout);
    }
    // Not the repository's data/: no comparison with the embedded data, and it says so.
    assert!(out.stdout.contains("non comparées"), "{}", out.stdout);
}

#[test]
fn verify_of_a_directory_that_is_not_one_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        &["--data", dir.path().to_str().unwrap(), "verify", "--json"],
        "",
    );
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert_eq!(out.json()["problems"][0]["code"], "io");
}

/// Issue 17: an `import --replace` killed between its two renames left the version missing, and `verify`
/// passed. The state between the renames is made by hand (named after a process that is gone).
#[test]
fn verify_reports_an_import_killed_between_its_renames_and_import_recovers_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let workbook =
        workspace().join("tests/fixtures/xlsx/Referentiel-des-NPEC_vMAJ-09.04.2024.xlsx");
    let import = || {
        run(
            &[
                "import",
                workbook.to_str().unwrap(),
                "--out",
                data.to_str().unwrap(),
            ],
            "",
        )
    };
    assert_eq!(import().code, 0);
    let version = fs::read_dir(data.join("referentiel"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let slug = version.file_name().unwrap().to_string_lossy().into_owned();
    let old = version.with_file_name(format!(".{slug}.old-999999999"));
    let new = version.with_file_name(format!(".{slug}.tmp-999999999"));
    fs::create_dir(&new).unwrap();
    for f in fs::read_dir(&version).unwrap() {
        let f = f.unwrap();
        fs::copy(f.path(), new.join(f.file_name())).unwrap();
    }
    fs::rename(&version, &old).unwrap();

    let out = run(&["--data", data.to_str().unwrap(), "verify"], "");
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("[format]"), "{}", out.stdout);
    assert!(out.stdout.contains("version absente"), "{}", out.stdout);

    let again = import();
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(version.is_dir() && !old.exists() && !new.exists());
    let out = run(&["--data", data.to_str().unwrap(), "verify"], "");
    assert_eq!(out.code, 0, "{}", out.stdout);
}
