//! The embedded default data, checked as a user would: quotes through the core's `Quoter`, lookups, search, and
//! the shipped files themselves (parsed, canonical, round-tripping).

use coutcontrat::referentiel::{AbsentReason, TableLookup};
use coutcontrat::{error::ErrorKind, quote::NpecSource, ContractInput, Quote, Quoter};
use coutcontrat_referentiel::{embedded, embedded_dataset, load_dir, write_version};
use jiff::civil::date;

/// A two-year contract for a certification, the branch given by IDCC (`"idcc": 1351`) or CPNE (`"cpne": 2`).
fn quote(signed_on: &str, rncp: &str, branch: &str, level: u8) -> coutcontrat::Result<Quote> {
    let start = signed_on
        .parse::<jiff::civil::Date>()
        .unwrap()
        .checked_add(jiff::Span::new().days(1))
        .unwrap();
    let end = start
        .checked_add(jiff::Span::new().years(2))
        .unwrap()
        .yesterday()
        .unwrap();
    let json = format!(
        r#"{{"signed_on": "{signed_on}", "start": "{start}", "end": "{end}", "rncp": "{rncp}", {branch},
            "level": {level}, "price": "9000"}}"#
    );
    let contract = ContractInput::from_json(&json).unwrap().parse().unwrap();
    Quoter::new(embedded()).quote(&contract)
}

fn base(signed_on: &str, rncp: &str, branch: &str) -> String {
    let q = quote(signed_on, rncp, branch, 5).unwrap();
    assert_eq!(
        q.npec.source,
        NpecSource::Table,
        "{rncp} {branch} {signed_on}"
    );
    q.npec.base.to_decimal().normalize().to_string()
}

#[test]
fn bts_mos_across_the_2026_edition() {
    // Concluded the last day of the 2025 edition, then under the 2026 one.
    let q = quote("2026-08-31", "RNCP41000", r#""idcc": 1351"#, 5).unwrap();
    assert_eq!(q.npec.base.to_decimal().normalize().to_string(), "8828");
    assert_eq!(
        q.npec.table_version.as_deref(),
        Some("2025-09 (vMAJ 28.05.2026)")
    );
    assert_eq!(q.npec.cpne, Some(204));
    let q = quote("2026-09-14", "RNCP41000", r#""idcc": 1351"#, 5).unwrap();
    assert_eq!(q.npec.base.to_decimal().normalize().to_string(), "8765");
    assert_eq!(q.npec.table_version.as_deref(), Some("2026-09"));
    // The former code of the same BTS, in the 2025 edition.
    assert_eq!(base("2025-10-01", "RNCP35393", r#""idcc": 1351"#), "8828");
}

#[test]
fn other_branches_of_the_2026_edition() {
    assert_eq!(base("2026-09-14", "RNCP41000", r#""idcc": 1516"#), "7045");
    // IDCC 1486 and 2216 reach their CPNE through the 2019-10 mapping (147 and 46).
    assert_eq!(base("2026-09-14", "RNCP41000", r#""idcc": 1486"#), "6800");
    assert_eq!(base("2026-09-14", "RNCP41000", r#""idcc": 2216"#), "8828");
    assert_eq!(base("2026-09-14", "RNCP38362", r#""idcc": 1486"#), "6000");
    // Before the 2026 edition there is no row for these branches.
    let q = quote("2026-08-31", "RNCP41000", r#""idcc": 1516"#, 5).unwrap();
    assert_eq!(q.npec.source, NpecSource::Amorcage);
}

#[test]
fn rncp1002_in_2024_08_is_the_long_sheet_row() {
    let q = quote("2024-08-20", "RNCP1002", r#""cpne": 2"#, 4).unwrap();
    assert_eq!(q.npec.base.to_decimal().normalize().to_string(), "9497");
    assert_eq!(q.npec.table_version.as_deref(), Some("v_18.07.2024"));
    assert_eq!(q.npec.status.as_deref(), Some("A"));
    let row = q.npec.row.unwrap();
    assert_eq!(
        (row.sheet.as_ref(), row.line),
        ("Onglet 3 - référentiel NPEC", Some(5))
    );
    assert_eq!(row.applicable_from, date(2024, 7, 15));
    // A branch of the matrix only: the version's date, no status.
    let q = quote("2024-08-20", "RNCP1002", r#""cpne": 22"#, 4).unwrap();
    assert_eq!(
        (
            q.npec.base.to_decimal().normalize().to_string().as_str(),
            q.npec.status.as_deref()
        ),
        ("9936", None)
    );
}

#[test]
fn single_code_row_beats_multi_code_row() {
    let q = quote("2024-01-10", "RNCP36989", r#""cpne": 2"#, 6).unwrap();
    assert_eq!(q.npec.base.to_decimal().normalize().to_string(), "8502");
    assert_eq!(q.npec.table_version.as_deref(), Some("v09.04.2024"));
    assert!(
        q.warnings.iter().all(|w| w.code != "table_tie"),
        "no tie: the single-code row wins outright"
    );
    // RNCP31946 only appears in the multi-code row.
    assert_eq!(base("2024-01-10", "RNCP31946", r#""cpne": 2"#), "7750");
}

#[test]
fn nc_row_means_amorcage() {
    // The NC row of Onglet 3 (2023-10-15) is later than the matrix's 9497 (version date 2023-09-08).
    let r = embedded();
    match r.lookup("RNCP1002", 4, date(2024, 1, 10)) {
        TableLookup::Absent(AbsentReason::NotDefined { version, raw, .. }) => {
            assert_eq!((version.as_str(), raw.as_str()), ("v09.04.2024", "NC"));
        }
        other => panic!("{other:?}"),
    }
    let q = quote("2024-01-10", "RNCP1002", r#""cpne": 4"#, 4).unwrap();
    assert_eq!(q.npec.source, NpecSource::Amorcage);
    assert!(q.npec.provisional);
    // Before 2023-10-15 the matrix's 9497 applies.
    assert_eq!(base("2023-09-20", "RNCP1002", r#""cpne": 4"#), "9497");
    // From 2024-07-15, v_18.07.2024's matrix gives 9497 again.
    assert_eq!(base("2024-08-20", "RNCP1002", r#""cpne": 4"#), "9497");
}

#[test]
fn unknown_certification_and_unknown_branch() {
    let q = quote("2025-10-01", "RNCP99999999", r#""idcc": 1351"#, 5).unwrap();
    assert_eq!(q.npec.source, NpecSource::Amorcage);
    let err = quote("2026-09-14", "RNCP41000", r#""idcc": 4321"#, 5).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnknownBranch);
    assert_eq!(err.field(), Some("idcc"));
    assert!(err.message().contains("4321"), "{err}");
}

#[test]
fn mapping_and_branches() {
    let r = embedded();
    let (mapping, tag) = r.mapping_for(date(2026, 9, 14)).unwrap();
    assert_eq!((mapping.len(), tag), (424, "v 20191018"));
    assert_eq!(r.cpne_of_idcc(3043, date(2024, 8, 1)), [134]);
    let info = r.idcc(1351).unwrap();
    assert_eq!(info.opco.as_deref(), Some("AKTO"));
    assert!(
        info.label.contains("prévention et de sécurité"),
        "{}",
        info.label
    );
    assert_eq!(
        r.cpne_label(204),
        Some("CPNEFP de la Prévention Sécurité"),
        "the newest list's label"
    );
    let hits = r.search_branches("propreté", date(2025, 1, 1), 5);
    assert!(hits.iter().any(|h| h.idcc == Some(3043)), "{hits:?}");
}

#[test]
fn search_certifications() {
    let r = embedded();
    // By words: the BTS under its current code and its former one (RNCP35393), same label.
    for q in ["securite", "Management opérationnel", "SÉCURITÉ management"] {
        let hits = r.search_certifications(q, 5);
        assert_eq!(
            hits[0].label, "BTS Management opérationnel de la sécurité",
            "{q}: {hits:?}"
        );
        assert_eq!(hits[0].level_hint, Some(5));
        assert!(hits.iter().any(|c| c.rncp == "RNCP41000"), "{q}: {hits:?}");
    }
    for q in ["41000", "RNCP41000", "rncp 41000"] {
        let hits = r.search_certifications(q, 5);
        assert_eq!(hits[0].rncp, "RNCP41000", "{q}: {hits:?}");
        assert_eq!(hits[0].label, "BTS Management opérationnel de la sécurité");
    }
    assert!(r
        .search_certifications("caoutchoucs", 5)
        .iter()
        .any(|c| c.rncp == "RNCP1002"));
}

#[test]
fn shipped_files_are_canonical_and_round_trip() {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let set = embedded_dataset().unwrap();
    assert_eq!(set.versions.len(), 7);
    assert!(set.versions.iter().all(|v| !v.synthetic));
    assert_eq!(set.idcc.len(), 334);
    assert_eq!(set.cpne.len(), 647);
    // Writing each version back gives the same bytes: the files are in canonical form and order.
    let tmp = std::env::temp_dir().join(format!("ccref-roundtrip-{}", std::process::id()));
    for v in &set.versions {
        let dir = coutcontrat_referentiel::version_dir(&data, v);
        let out = tmp.join(dir.file_name().unwrap());
        write_version(&out, v).unwrap();
        for file in ["manifest.toml", "npec.csv", "cpne_idcc.csv"] {
            let a = std::fs::read_to_string(dir.join(file)).ok();
            let b = std::fs::read_to_string(out.join(file)).ok();
            assert_eq!(a, b, "{} {file}", v.tag);
        }
    }
    std::fs::remove_dir_all(&tmp).unwrap();
    // Reading the directory gives the same référentiel as the embedded one.
    let loaded = load_dir(&data).unwrap();
    assert_eq!(loaded.versions(), embedded().versions());
    let missing = load_dir(&data.join("nowhere")).unwrap_err();
    assert_eq!(missing.kind, coutcontrat_referentiel::ErrorKind::Io);
}

/// D20: every shipped edition says it is a partial extract, and the renewed codes come with their source.
#[test]
fn shipped_editions_are_partial_and_renewals_have_sources() {
    use coutcontrat::referentiel::{Coverage, Standing};
    let set = embedded_dataset().unwrap();
    assert!(set.warnings.is_empty(), "{:?}", set.warnings);
    assert!(set.versions.iter().all(|v| v.coverage == Coverage::Partial));
    let renewal = set
        .renewals
        .iter()
        .find(|r| r.old == "RNCP35393")
        .expect("RNCP35393 is renewed");
    assert_eq!(
        (renewal.new.as_str(), renewal.source.as_str()),
        ("RNCP41000", "fc-export-2026-02-01")
    );
    assert!(set.renewals.iter().all(|r| !r.source.is_empty()));
    // RS codes (répertoire spécifique) are not RNCP codes: none made it into the list.
    assert!(set.renewals.len() > 9000);
    let Standing::Superseded { successors, .. } =
        embedded().standing("RNCP35393", date(2026, 9, 14))
    else {
        panic!("RNCP35393 is superseded in the 2026-09 edition")
    };
    assert_eq!(successors[0].rncp, "RNCP41000");
    assert_eq!(
        embedded().standing("RNCP35393", date(2025, 10, 1)),
        Standing::Listed
    );
}

/// D20 bad input: an edition directory without `coverage` reads as partial, with a data warning.
#[test]
fn a_manifest_without_coverage_reads_as_partial_with_a_warning() {
    use coutcontrat::referentiel::Coverage;
    let dir = std::env::temp_dir().join(format!("ccref-coverage-{}", std::process::id()));
    let set = embedded_dataset().unwrap();
    let v = set.versions.iter().find(|v| v.tag == "2026-09").unwrap();
    let vdir = dir.join("referentiel").join("2026-08-31_2026-09");
    write_version(&vdir, v).unwrap();
    let manifest = vdir.join("manifest.toml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    assert!(text.contains("coverage = \"partial\""), "{text}");
    std::fs::write(&manifest, text.replace("coverage = \"partial\"\n", "")).unwrap();
    let read = coutcontrat_referentiel::read_dir(&dir).unwrap();
    assert_eq!(read.versions[0].coverage, Coverage::Partial);
    assert_eq!(read.warnings.len(), 1, "{:?}", read.warnings);
    assert!(
        read.warnings[0].contains("coverage"),
        "{}",
        read.warnings[0]
    );
    // Another word is refused, line named.
    std::fs::write(
        &manifest,
        text.replace("coverage = \"partial\"", "coverage = \"full\""),
    )
    .unwrap();
    let err = load_dir(&dir).unwrap_err();
    assert!(err.to_string().contains("« full »"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
