//! The catalogue of errors, `docs/errors.md`: every code provoked through the public interface — the libraries
//! (`coutcontrat`, `coutcontrat-referentiel`) and the spawned binary — asserting its code, and its field where it
//! has one. One test per entry, named `catalogue_<code>`; the last test checks that the catalogue and these tests
//! list the same codes.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use coutcontrat::{rules::RuleBook, ContractInput, Quoter, Referentiel};
use coutcontrat_referentiel::import::import_bytes;
use coutcontrat_referentiel::integrity::{verify_dir, VerifyOptions};
use coutcontrat_referentiel::{ErrorKind as DataKind, ImportOptions};
use serde_json::Value;

use crate::common::{run, workspace};

#[path = "../../../coutcontrat-referentiel/tests/common/mod.rs"]
pub(crate) mod xlsx;

use xlsx::{current_workbook, e, n, t, Cell};

// --- contracts: the core library and `quote --json` ---------------------------------------------------------

/// The library's refusal of a JSON contract (read, parsed, quoted on `referentiel`).
fn library_error(json: &str, referentiel: &Referentiel) -> coutcontrat::Error {
    let input = match ContractInput::from_json(json) {
        Ok(input) => input,
        Err(e) => return e,
    };
    let contract = match input.parse() {
        Ok(c) => c,
        Err(e) => return e,
    };
    Quoter::new(referentiel)
        .quote(&contract)
        .expect_err("the contract is refused")
}

/// The error object of `quote --json` for this contract (with `--data` when given), and the exit status.
fn cli_error(json: &str, data: Option<&Path>, status: i32) -> Value {
    let mut args = Vec::new();
    if let Some(d) = data {
        args.extend(["--data", d.to_str().unwrap()]);
    }
    args.extend(["quote", "--json"]);
    let out = run(&args, json);
    assert_eq!(
        out.code, status,
        "stdout: {}\nstderr: {}",
        out.stdout, out.stderr
    );
    out.json()["error"].clone()
}

/// A contract refused with `code` and `field` by the library and by `quote --json` (same message, exit 2).
fn contract_refused(json: &str, code: &str, field: Option<&str>) {
    let err = library_error(json, coutcontrat_referentiel::embedded());
    assert_eq!((err.code(), err.field()), (code, field), "{err}");
    let e = cli_error(json, None, 2);
    assert_eq!(e["code"], code, "{e}");
    assert_eq!(e["field"].as_str(), field, "{e}");
    assert_eq!(e["message"], err.message(), "{e}");
}

const DATES: &str = r#""signed_on": "2025-08-15", "start": "2025-09-01", "end": "2027-02-28""#;

#[test]
fn catalogue_missing() {
    contract_refused(
        r#"{"start": "2025-09-01", "end": "2027-02-28", "npec": 7000, "price": 9000, "level": 6}"#,
        "missing",
        Some("signed_on"),
    );
    // Neither a table row (no RNCP) nor a manual NPEC.
    contract_refused(
        &format!(r#"{{{DATES}, "price": 9000, "level": 6}}"#),
        "missing",
        Some("rncp"),
    );
}

#[test]
fn catalogue_invalid() {
    contract_refused(
        r#"{"signed_on": "2025-02-30", "start": "2025-09-01", "end": "2027-02-28", "npec": 7000, "price": 9000}"#,
        "invalid",
        Some("signed_on"),
    );
    contract_refused(
        &format!(r#"{{{DATES}, "npec": 7000, "price": "neuf mille"}}"#),
        "invalid",
        Some("price"),
    );
    // Not JSON at all: no field.
    contract_refused(r#"{"signed_on": "2025-08-15","#, "invalid", None);
}

#[test]
fn catalogue_out_of_range() {
    contract_refused(
        &format!(r#"{{{DATES}, "npec": 7000, "price": 9000, "level": 9}}"#),
        "out_of_range",
        Some("level"),
    );
    contract_refused(
        &format!(
            r#"{{{DATES}, "npec": 7000, "price": 9000, "level": 6, "distance_share": "120 %"}}"#
        ),
        "out_of_range",
        Some("distance_share"),
    );
}

#[test]
fn catalogue_inconsistent() {
    contract_refused(
        r#"{"signed_on": "2025-08-15", "start": "2025-09-01", "end": "2025-06-30", "npec": 7000, "price": 9000, "level": 6}"#,
        "inconsistent",
        Some("end"),
    );
}

#[test]
fn catalogue_unsupported_regime() {
    contract_refused(
        r#"{"signed_on": "2020-06-15", "start": "2020-09-01", "end": "2022-08-31", "npec": 7000, "price": 9000, "level": 5}"#,
        "unsupported_regime",
        Some("signed_on"),
    );
}

#[test]
fn catalogue_unknown_branch() {
    contract_refused(
        &format!(r#"{{{DATES}, "rncp": "RNCP41000", "idcc": 9998, "price": 9000, "level": 5}}"#),
        "unknown_branch",
        Some("idcc"),
    );
    // A CPNE code the référentiel does not know, for a certification it knows.
    contract_refused(
        &format!(r#"{{{DATES}, "rncp": "RNCP41000", "cpne": 2040, "price": 9000, "level": 5}}"#),
        "unknown_branch",
        Some("cpne"),
    );
}

/// A data directory where IDCC 3252 maps to three CPNE.
fn ambiguous_data(dir: &Path) -> PathBuf {
    use coutcontrat::referentiel::{CpneIdcc, NpecRow, TableVersion};
    use jiff::civil::date;
    let row = |cpne: u32, amount: &str| NpecRow {
        cpne_label: format!("Branche {cpne}"),
        ..NpecRow::simple("RNCP41000", "BTS MOS", cpne, amount, date(2026, 9, 1))
    };
    let version = TableVersion {
        mapping: Some(vec![
            CpneIdcc {
                cpne: 901,
                idcc: 3252,
            },
            CpneIdcc {
                cpne: 902,
                idcc: 3252,
            },
        ]),
        ..crate::common::test_version("test-2026", vec![row(901, "8000"), row(902, "8500")])
    };
    let data = dir.join("data");
    coutcontrat_referentiel::write_version(
        &coutcontrat_referentiel::version_dir(&data, &version),
        &version,
    )
    .unwrap();
    data
}

#[test]
fn catalogue_ambiguous_branch() {
    let dir = tempfile::tempdir().unwrap();
    let data = ambiguous_data(dir.path());
    let json = r#"{"signed_on": "2026-09-14", "start": "2026-09-01", "end": "2028-08-31", "rncp": "RNCP41000", "idcc": 3252, "price": 9000, "level": 5}"#;
    let referentiel = coutcontrat_referentiel::load_dir(&data).unwrap();
    let err = library_error(json, &referentiel);
    assert_eq!(
        (err.code(), err.field()),
        ("ambiguous_branch", Some("cpne")),
        "{err}"
    );
    assert_eq!(err.candidates().len(), 2, "{err:?}");
    let e = cli_error(json, Some(&data), 2);
    assert_eq!(e["code"], "ambiguous_branch", "{e}");
    assert_eq!(e["field"], "cpne", "{e}");
    assert_eq!(e["candidates"].as_array().unwrap().len(), 2, "{e}");
}

#[test]
fn catalogue_unknown_field() {
    contract_refused(
        &format!(r#"{{{DATES}, "npec": 7000, "pirce": 9000}}"#),
        "unknown_field",
        Some("pirce"),
    );
}

#[test]
fn catalogue_public_employer() {
    contract_refused(
        r#"{"signed_on": "2026-09-14", "start": "2026-09-14", "end": "2028-09-13", "price": 9000, "level": 4,
            "employer_type": "territorial"}"#,
        "public_employer",
        Some("employer_type"),
    );
}

#[test]
fn catalogue_certification_superseded() {
    // RNCP35393 is renewed as RNCP41000 (data/renewals/rncp.csv), which the 2026-09 edition lists.
    let json = r#"{"signed_on": "2026-09-14", "start": "2026-09-14", "end": "2028-09-13", "price": 9000, "level": 5,
        "rncp": "RNCP35393", "idcc": 1351}"#;
    contract_refused(json, "certification_superseded", Some("rncp"));
    let err = library_error(json, coutcontrat_referentiel::embedded());
    assert_eq!(err.candidates(), ["RNCP41000 – 8\u{a0}765,00\u{a0}€"]);
    assert!(err.message().contains("2026-09"), "{err}");
}

#[test]
fn catalogue_certification_not_in_edition() {
    // RNCP1002 was listed by the 2024-07 edition; the test data's 2026-09 edition is complete and lacks it.
    let data = workspace().join("tests/fixtures/referentiel/d20-complete");
    let json = r#"{"signed_on": "2026-10-01", "start": "2026-10-01", "end": "2027-09-30", "price": 9000, "level": 5,
        "rncp": "RNCP1002", "cpne": 204}"#;
    let r = coutcontrat_referentiel::load_dir(&data).unwrap();
    let err = library_error(json, &r);
    assert_eq!(
        (err.code(), err.field()),
        ("certification_not_in_edition", Some("rncp"))
    );
    assert!(err.message().contains("2024-07 (test)"), "{err}");
    let e = cli_error(json, Some(&data), 2);
    assert_eq!(e["code"], "certification_not_in_edition");
    assert_eq!(e["message"], err.message());
}

#[test]
fn catalogue_data() {
    // The library: a parameter file that does not read.
    let err = RuleBook::from_toml("supported_from = [").unwrap_err();
    assert_eq!((err.code(), err.field()), ("data", None), "{err}");
    assert!(!err.is_input());
    // The binary: --data names a directory without référentiel (exit 1: not the user's contract).
    let dir = tempfile::tempdir().unwrap();
    let json = format!(r#"{{{DATES}, "npec": 7000, "price": 9000, "level": 6}}"#);
    let e = cli_error(&json, Some(dir.path()), 1);
    assert_eq!(e["code"], "data", "{e}");
}

// --- data: the référentiel crate, `import`, `--data`, `verify` ------------------------------------------------

/// A workbook refused with `code` by the library (`import_bytes`) and by `import --json` (exit 2, nothing
/// written); the library's error is returned for more checks.
fn workbook_refused(bytes: &[u8], code: &str) -> coutcontrat_referentiel::Error {
    let err = import_bytes("test.xlsx", bytes, &ImportOptions::default()).unwrap_err();
    assert_eq!(err.kind.code(), code, "{err}");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("test.xlsx");
    fs::write(&file, bytes).unwrap();
    let data = dir.path().join("data");
    let out = run(
        &[
            "import",
            file.to_str().unwrap(),
            "--out",
            data.to_str().unwrap(),
            "--json",
        ],
        "",
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(out.json()["error"]["code"], code, "{}", out.stdout);
    assert!(!data.join("referentiel").exists(), "nothing written");
    err
}

fn current_row(amount: Cell, date: Cell) -> Vec<Cell> {
    vec![
        t("RNCP41000"),
        t("BTS Management opérationnel de la sécurité"),
        t("MINISTERE"),
        t("BTS"),
        n(204.0),
        t("CPNE 204"),
        amount,
        t("A"),
        date,
    ]
}

#[test]
fn catalogue_io() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("absent.xlsx");
    let err = coutcontrat_referentiel::import_into(&dir.path().join("data"), &missing).unwrap_err();
    assert_eq!(err.kind, DataKind::Io, "{err}");
    assert_eq!(err.kind.code(), "io");
    let out = run(&["import", missing.to_str().unwrap(), "--json"], "");
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(out.json()["error"]["code"], "io", "{}", out.stdout);
    // A batch file that cannot be opened: the command's own io failure (exit 1).
    let out = run(&["batch", missing.to_str().unwrap()], "");
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("absent.xlsx"), "{}", out.stderr);
}

#[test]
fn catalogue_unreadable() {
    workbook_refused(b"pas un classeur", "unreadable");
}

#[test]
fn catalogue_unknown_workbook() {
    workbook_refused(
        &xlsx::xlsx(&[("Feuil1", vec![vec![t("Nom"), t("Prénom")]])]),
        "unknown_workbook",
    );
}

#[test]
fn catalogue_missing_sheet() {
    workbook_refused(
        &xlsx::xlsx(&[
            ("Me lire", xlsx::me_lire("Clé de lecture", "v_04.09.2025")),
            ("Onglet 1 - Synthèse", vec![vec![t("x")]]),
        ]),
        "missing_sheet",
    );
}

#[test]
fn catalogue_renamed_header() {
    let mut header = xlsx::current_header();
    header[6] = t("Montant");
    let bytes = xlsx::xlsx(&[
        ("Me lire", xlsx::me_lire("Clé de lecture", "v_04.09.2025")),
        (
            "Onglet 3 - référentiel NPEC",
            vec![vec![], vec![], vec![], header],
        ),
    ]);
    let err = workbook_refused(&bytes, "renamed_header");
    assert!(err.message.contains("NPEC final"), "{err}");
}

#[test]
fn catalogue_invalid_amount() {
    let bytes = current_workbook("v_04.09.2025", vec![current_row(t("abc"), e())], vec![]);
    let err = workbook_refused(&bytes, "invalid_amount");
    assert_eq!(
        (err.row, err.column.as_deref()),
        (Some(5), Some("G")),
        "{err}"
    );
}

#[test]
fn catalogue_invalid_date() {
    let bytes = current_workbook(
        "v_04.09.2025",
        vec![current_row(n(8828.0), t("31/02/2024"))],
        vec![],
    );
    let err = workbook_refused(&bytes, "invalid_date");
    assert_eq!(
        (err.row, err.column.as_deref()),
        (Some(5), Some("I")),
        "{err}"
    );
}

#[test]
fn catalogue_invalid_value() {
    let mut onglet4 = vec![
        vec![e(), t("Code(s) IDCC rattaché(s) aux CPNE")],
        vec![],
        vec![t("Code CPNE"), t("CPNE"), t("IDCC")],
    ];
    onglet4.push(vec![t("abc"), t("CPNE ?"), n(478.0)]);
    let mut onglet3 = vec![vec![], vec![], vec![], xlsx::current_header()];
    onglet3.push(current_row(n(8828.0), e()));
    let bytes = xlsx::xlsx(&[
        ("Me lire", xlsx::me_lire("Clé de lecture", "v_04.09.2025")),
        ("Onglet 3 - référentiel NPEC", onglet3),
        ("Onglet 4 - CPNE-IDCC", onglet4),
    ]);
    let err = workbook_refused(&bytes, "invalid_value");
    assert_eq!(
        (err.row, err.column.as_deref()),
        (Some(4), Some("A")),
        "{err}"
    );
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

/// A copy of the repository's data directory.
fn copy_of_data(dir: &Path) -> PathBuf {
    let data = dir.join("data");
    copy_dir(&workspace().join("data"), &data);
    data
}

const OLD: &str = "referentiel/2024-07-18_v-18.07.2024";

/// `verify --json` on `data` (with more arguments): exit 1 and the codes of the problems.
fn verify_problems(data: &Path, more: &[&str]) -> Vec<String> {
    let mut args = vec!["--data", data.to_str().unwrap(), "verify", "--json"];
    args.extend(more);
    let out = run(&args, "");
    assert_eq!(out.code, 1, "{}", out.stdout);
    let j = out.json();
    assert_eq!(j["ok"], false);
    j["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn catalogue_format() {
    let dir = tempfile::tempdir().unwrap();
    let data = copy_of_data(dir.path());
    fs::write(data.join(OLD).join("manifest.toml"), "tag = [").unwrap();
    let err = coutcontrat_referentiel::load_dir(&data).unwrap_err();
    assert_eq!(err.kind.code(), "format", "{err}");
    assert!(err.file.ends_with("manifest.toml"), "{err}");
    // A command on that directory (exit 1), and verify.
    let out = run(
        &[
            "--data",
            data.to_str().unwrap(),
            "search",
            "sécurité",
            "--json",
        ],
        "",
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(out.json()["error"]["code"], "format", "{}", out.stdout);
    assert_eq!(verify_problems(&data, &[]), ["format"]);
}

#[test]
fn catalogue_version_exists() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let write = |name: &str, amount: f64| {
        let path = dir.path().join(name);
        let bytes = current_workbook("v_04.09.2025", vec![current_row(n(amount), e())], vec![]);
        fs::write(&path, bytes).unwrap();
        path
    };
    let first = write("ref.xlsx", 8828.0);
    let changed = write("ref-changed.xlsx", 9000.0);
    coutcontrat_referentiel::import_into(&data, &first).unwrap();
    let err = coutcontrat_referentiel::import_into(&data, &changed).unwrap_err();
    assert_eq!(err.kind.code(), "version_exists", "{err}");
    let out = run(
        &[
            "import",
            changed.to_str().unwrap(),
            "--out",
            data.to_str().unwrap(),
            "--json",
        ],
        "",
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(
        out.json()["error"]["code"],
        "version_exists",
        "{}",
        out.stdout
    );
    // The same file again: "already imported", exit 0; the changed one with --replace: replaced.
    let out = run(
        &[
            "import",
            first.to_str().unwrap(),
            "--out",
            data.to_str().unwrap(),
            "--json",
        ],
        "",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.json()["already_imported"], true, "{}", out.stdout);
    let out = run(
        &[
            "import",
            changed.to_str().unwrap(),
            "--out",
            data.to_str().unwrap(),
            "--replace",
        ],
        "",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("écrite"), "{}", out.stdout);
}

#[test]
fn catalogue_checksum_mismatch() {
    let dir = tempfile::tempdir().unwrap();
    let sources = dir.path().join("sources");
    fs::create_dir(&sources).unwrap();
    fs::write(
        sources.join("Referentiel-des-NPEC-15.07.2024_vMAJ-18.07.2024.xlsx"),
        b"another file under the same name",
    )
    .unwrap();
    let options = VerifyOptions {
        sources: vec![sources.clone()],
        embedded: Some(false),
    };
    let report = verify_dir(&workspace().join("data"), &options);
    let codes: Vec<_> = report.problems.iter().map(|p| p.kind.code()).collect();
    assert_eq!(codes, ["checksum_mismatch"], "{report}");
    let data = workspace().join("data");
    assert_eq!(
        verify_problems(&data, &["--sources", sources.to_str().unwrap()]),
        ["checksum_mismatch"]
    );
}

#[test]
fn catalogue_duplicate_version() {
    let dir = tempfile::tempdir().unwrap();
    let data = copy_of_data(dir.path());
    copy_dir(&data.join(OLD), &data.join("referentiel/2099-01-01_copie"));
    let report = verify_dir(&data, &VerifyOptions::default());
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.kind == DataKind::DuplicateVersion),
        "{report}"
    );
    assert!(verify_problems(&data, &[]).contains(&"duplicate_version".to_owned()));
}

#[test]
fn catalogue_embedded_mismatch() {
    let dir = tempfile::tempdir().unwrap();
    let data = copy_of_data(dir.path());
    let idcc = data.join("branches/idcc.csv");
    let text = fs::read_to_string(&idcc).unwrap() + "9999,Convention de test,\n";
    fs::write(&idcc, text).unwrap();
    let options = VerifyOptions {
        sources: Vec::new(),
        embedded: Some(true),
    };
    let report = verify_dir(&data, &options);
    let codes: Vec<_> = report.problems.iter().map(|p| p.kind.code()).collect();
    assert_eq!(codes, ["embedded_mismatch"], "{report}");
    assert_eq!(
        verify_problems(&data, &["--embedded"]),
        ["embedded_mismatch"]
    );
}

// --- the command line's own ----------------------------------------------------------------------------------

#[test]
fn catalogue_usage() {
    // No contract at all.
    let out = run(&["quote", "--json"], "");
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(out.json()["error"]["code"], "usage", "{}", out.stdout);
    // A batch file whose header has an unknown column.
    let out = run(&["batch", "-"], "signed_on,start,end,pirce\n");
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("pirce"), "{}", out.stderr);
}

// --- the catalogue and the tests agree -----------------------------------------------------------------------

/// The codes of docs/errors.md: its `### `code`` headings.
fn documented_codes() -> BTreeSet<String> {
    let path = workspace().join("docs/errors.md");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter_map(|l| l.strip_prefix("### `"))
        .map(|l| l.split('`').next().unwrap().to_owned())
        .collect()
}

/// The codes these tests provoke: the `catalogue_<code>` test functions of this file.
fn tested_codes() -> BTreeSet<String> {
    include_str!("errors.rs")
        .lines()
        .filter_map(|l| l.trim().strip_prefix("fn catalogue_"))
        .filter_map(|l| l.split_once("()").map(|(code, _)| code.to_owned()))
        .collect()
}

#[test]
fn every_code_of_the_catalogue_has_a_test_and_every_test_an_entry() {
    let documented = documented_codes();
    let tested = tested_codes();
    assert_eq!(
        documented,
        tested,
        "documented without a test: {:?}; tested without an entry: {:?}",
        documented.difference(&tested).collect::<Vec<_>>(),
        tested.difference(&documented).collect::<Vec<_>>()
    );
    // And every code the libraries define is documented.
    use coutcontrat::error::ErrorKind as K;
    let core = [
        K::Missing,
        K::Invalid,
        K::OutOfRange,
        K::Inconsistent,
        K::UnsupportedRegime,
        K::UnknownBranch,
        K::AmbiguousBranch,
        K::UnknownField,
        K::Data,
    ]
    .map(K::code);
    let data = [
        DataKind::Io,
        DataKind::Unreadable,
        DataKind::UnknownWorkbook,
        DataKind::MissingSheet,
        DataKind::RenamedHeader,
        DataKind::InvalidAmount,
        DataKind::InvalidDate,
        DataKind::InvalidValue,
        DataKind::Format,
        DataKind::VersionExists,
        DataKind::ChecksumMismatch,
        DataKind::DuplicateVersion,
        DataKind::EmbeddedMismatch,
    ]
    .map(DataKind::code);
    for code in core.iter().chain(&data).chain(&["usage"]) {
        assert!(
            documented.contains(*code),
            "{code} is not in docs/errors.md"
        );
    }
}
