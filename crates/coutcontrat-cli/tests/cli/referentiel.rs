//! `lookup`, `search`, `branches` on the embedded data; `import` on the real trimmed workbooks.

use crate::common::{run, workspace};

#[test]
fn lookup_gives_the_npec_its_row_version_and_status() {
    let out = run(
        &[
            "lookup",
            "--rncp",
            "RNCP41000",
            "--idcc",
            "1351",
            "--signed-on",
            "2026-09-14",
            "--json",
        ],
        "",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let j = out.json();
    let n = &j["npec"];
    assert_eq!(n["annual"], "8765.00", "{j:#}");
    assert_eq!(n["source"], "table");
    assert_eq!(n["provisional"], false);
    assert!(n["table_version"].is_string(), "{j:#}");
    assert!(n["cpne"].is_u64(), "{j:#}");
    assert!(n["row"]["applicable_from"].is_string(), "{j:#}");
    assert_eq!(j["absent"], serde_json::Value::Null);

    let text = run(
        &[
            "lookup",
            "--rncp",
            "rncp 41000",
            "--idcc",
            "1351",
            "--signed-on",
            "14/09/2026",
        ],
        "",
    );
    assert_eq!(text.code, 0, "{}", text.stderr);
    assert!(
        text.stdout.contains("NPEC annuel : 8\u{a0}765,00\u{a0}€"),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout.contains(n["table_version"].as_str().unwrap()),
        "{}",
        text.stdout
    );
}

/// D20: `lookup` places a code against the edition in force as a quote does.
#[test]
fn lookup_refuses_a_superseded_code_and_flags_an_earlier_row() {
    let args = |rncp: &'static str, on: &'static str| {
        [
            "lookup",
            "--rncp",
            rncp,
            "--idcc",
            "1351",
            "--signed-on",
            on,
            "--json",
        ]
    };
    let out = run(&args("RNCP35393", "2026-09-14"), "");
    assert_eq!(out.code, 2, "{}", out.stdout);
    let e = &out.json()["error"];
    assert_eq!(e["code"], "certification_superseded", "{e}");
    assert!(
        e["candidates"][0]
            .as_str()
            .unwrap()
            .starts_with("RNCP41000"),
        "{e}"
    );
    // In the 2025-09 edition, which lists it, the old code has its row.
    let out = run(&args("RNCP35393", "2025-10-01"), "");
    assert_eq!(out.json()["npec"]["annual"], "8828.00", "{}", out.stdout);
    // Absent from the partial 2026-09 extract, listed by 2024-07, no successor: provisional.
    let out = run(&args("RNCP1002", "2026-10-01"), "");
    let n = &out.json()["npec"];
    assert_eq!(
        (n["table_version"].as_str(), n["provisional"].as_bool()),
        (Some("v_18.07.2024"), Some(true)),
        "{n}"
    );
}

#[test]
fn lookup_of_an_unknown_certification_says_amorcage() {
    let out = run(
        &[
            "lookup",
            "--rncp",
            "RNCP99999998",
            "--idcc",
            "1979",
            "--signed-on",
            "2025-09-01",
            "--level",
            "6",
            "--json",
        ],
        "",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let j = out.json();
    assert_eq!(j["npec"]["source"], "amorcage");
    assert_eq!(j["npec"]["provisional"], true);
    assert_eq!(j["npec"]["annual"], "6000.00");
    assert_eq!(j["absent"]["reason"], "not_in_table");

    let text = run(
        &[
            "lookup",
            "--rncp",
            "RNCP99999998",
            "--cpne",
            "65",
            "--signed-on",
            "2025-09-01",
        ],
        "",
    );
    assert_eq!(text.code, 0, "{}", text.stderr);
    assert!(
        text.stdout.contains("--level"),
        "asks for the level: {}",
        text.stdout
    );
}

#[test]
fn lookup_errors_are_input_errors() {
    let out = run(
        &[
            "lookup",
            "--rncp",
            "BTS",
            "--idcc",
            "1351",
            "--signed-on",
            "2026-09-14",
            "--json",
        ],
        "",
    );
    assert_eq!(out.code, 2);
    assert_eq!(out.json()["error"]["field"], "rncp");
    let out = run(
        &[
            "lookup",
            "--rncp",
            "RNCP41000",
            "--idcc",
            "1351",
            "--signed-on",
            "2026-02-30",
        ],
        "",
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("signed_on"), "{}", out.stderr);
    // Neither --idcc nor --cpne: clap's usage error.
    assert_eq!(
        run(
            &["lookup", "--rncp", "RNCP41000", "--signed-on", "2026-09-14"],
            ""
        )
        .code,
        2
    );
}

#[test]
fn search_finds_certifications_by_words_and_code() {
    let out = run(&["search", "RNCP41000", "--json"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let hits = out.json();
    assert_eq!(hits[0]["rncp"], "RNCP41000", "{hits:#}");
    let label = hits[0]["label"].as_str().unwrap().to_owned();
    let word = label
        .split_whitespace()
        .max_by_key(|w| w.len())
        .unwrap()
        .to_lowercase();

    let out = run(&["search", &word, "--limit", "3", "--json"], "");
    let hits = out.json();
    assert!(hits.as_array().unwrap().len() <= 3);
    assert!(!hits.as_array().unwrap().is_empty(), "{word}");

    let text = run(&["search", "RNCP41000"], "");
    assert!(text.stdout.starts_with("RNCP41000"), "{}", text.stdout);
    let none = run(&["search", "zzzzqqq"], "");
    assert_eq!(none.code, 0);
    assert!(none.stdout.contains("Aucune"));
}

#[test]
fn branches_lists_idcc_cpne_and_opco() {
    let out = run(
        &["branches", "1351", "--signed-on", "2026-09-14", "--json"],
        "",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let hits = out.json();
    assert_eq!(hits[0]["idcc"], 1351, "{hits:#}");
    assert!(!hits[0]["cpne"].as_array().unwrap().is_empty(), "{hits:#}");

    let all = run(&["branches", "--limit", "5", "--json"], "");
    assert_eq!(all.code, 0, "{}", all.stderr);
    assert_eq!(all.json().as_array().unwrap().len(), 5);

    let text = run(&["branches", "1351", "--signed-on", "2026-09-14"], "");
    assert!(text.stdout.contains("IDCC 1351"), "{}", text.stdout);
}

#[test]
fn import_the_real_trimmed_workbooks_into_a_temporary_directory() {
    let fixtures = workspace().join("tests/fixtures/xlsx");
    let workbook = |name: &str| fixtures.join(name).to_str().unwrap().to_owned();
    let april = workbook("Referentiel-des-NPEC_vMAJ-09.04.2024.xlsx");
    let july = workbook("Referentiel-des-NPEC-15.07.2024_vMAJ-18.07.2024.xlsx");
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data_arg = data.to_str().unwrap();

    // The first version: nothing to compare with.
    let out = run(&["import", &april, "--out", data_arg, "--json"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let first = out.json();
    assert_eq!(first["tag"], "v09.04.2024", "{first:#}");
    assert!(first["rows"].as_u64().unwrap() > 0);
    assert!(first["certifications"].as_u64().unwrap() > 0);
    assert!(first["cpne"].as_u64().unwrap() > 0);
    assert!(first["absent_amounts"].is_u64());
    assert_eq!(first["diff"]["previous"], serde_json::Value::Null);
    // Every pair is new: counted, not listed.
    assert!(first["diff"]["pairs"].as_u64().unwrap() > 0, "{first:#}");
    assert_eq!(first["diff"]["added"], serde_json::json!([]), "{first:#}");
    assert!(data.join("referentiel").is_dir());

    // The next one, into the --data directory, printed for a reader: compared with the first.
    let out = run(&["--data", data_arg, "import", &july], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    for expected in [
        "v_18.07.2024",
        "lignes",
        "certifications",
        "CPNE",
        "montants absents",
        "par rapport à v09.04.2024",
    ] {
        assert!(
            out.stdout.contains(expected),
            "« {expected} » in:\n{}",
            out.stdout
        );
    }

    // The imported directory serves the other commands.
    let out = run(
        &[
            "--data",
            data_arg,
            "lookup",
            "--rncp",
            "RNCP1002",
            "--cpne",
            "65",
            "--signed-on",
            "2024-09-01",
            "--json",
        ],
        "",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let j = out.json();
    assert_eq!(j["npec"]["source"], "table");
    assert_eq!(j["npec"]["table_version"], "v_18.07.2024", "{j:#}");
    assert_eq!(j["npec"]["annual"], "9497.00", "{j:#}");

    // Every other trimmed workbook imports too.
    let all = dir.path().join("all");
    let mut count = 2;
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let path = entry.unwrap().path();
        let name = path.to_str().unwrap();
        if path.extension().is_none_or(|e| e != "xlsx" && e != "zip")
            || name == april
            || name == july
        {
            continue;
        }
        let out = run(
            &[
                "import",
                path.to_str().unwrap(),
                "--out",
                all.to_str().unwrap(),
                "--json",
            ],
            "",
        );
        assert_eq!(out.code, 0, "{}: {}", path.display(), out.stderr);
        assert!(
            out.json()["rows"].as_u64().unwrap() > 0,
            "{}",
            path.display()
        );
        count += 1;
    }
    assert!(count >= 5, "{count} workbooks");
}

#[test]
fn import_refuses_what_is_not_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let bogus = dir.path().join("notes.xlsx");
    std::fs::write(&bogus, "pas un classeur").unwrap();
    let out_dir = dir.path().join("data");
    let out = run(
        &[
            "import",
            bogus.to_str().unwrap(),
            "--out",
            out_dir.to_str().unwrap(),
            "--json",
        ],
        "",
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.json()["error"]["code"].is_string());
    assert!(!out_dir.join("referentiel").exists(), "nothing written");
    let missing = run(
        &[
            "import",
            "/nonexistent/ref.xlsx",
            "--out",
            out_dir.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("/nonexistent/ref.xlsx"),
        "{}",
        missing.stderr
    );
}

/// A data directory where IDCC 3252 maps to three CPNE, as in the 2026 edition (D12).
fn ambiguous_data() -> tempfile::TempDir {
    use coutcontrat::referentiel::{CpneIdcc, NpecRow, TableVersion};
    use jiff::civil::date;
    let dir = tempfile::tempdir().unwrap();
    let row = |cpne: u32, label: &str, amount: &str| NpecRow {
        cpne_label: label.to_owned(),
        ..NpecRow::simple(
            "RNCP41000",
            "BTS Management opérationnel de la sécurité",
            cpne,
            amount,
            date(2026, 9, 1),
        )
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
            CpneIdcc {
                cpne: 903,
                idcc: 3252,
            },
        ]),
        ..crate::common::test_version(
            "test-2026",
            vec![
                row(901, "Branche A", "8000"),
                row(902, "Branche B", "8500"),
                row(903, "Branche C", "9000"),
            ],
        )
    };
    coutcontrat_referentiel::write_version(
        &dir.path().join("referentiel").join("test-2026"),
        &version,
    )
    .unwrap();
    dir
}

#[test]
fn an_idcc_with_several_cpne_is_an_error_listing_the_candidates() {
    let data = ambiguous_data();
    let data_arg = data.path().to_str().unwrap();
    let contract = r#"{"signed_on":"2026-09-14","start":"2026-09-01","end":"2027-08-31","rncp":"RNCP41000","idcc":3252,"price":9000,"level":5}"#;
    let out = run(&["--data", data_arg, "quote", "--json"], contract);
    assert_eq!(out.code, 2, "{}", out.stderr);
    let e = &out.json()["error"];
    assert_eq!(e["code"], "ambiguous_branch");
    assert_eq!(e["field"], "cpne");
    let candidates: Vec<&str> = e["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(candidates.len(), 3, "{candidates:?}");
    assert!(
        candidates[0].starts_with("901") && candidates[0].contains("Branche A"),
        "{candidates:?}"
    );
    assert!(out.stderr.contains("Branche B"), "{}", out.stderr);

    // Naming the CPNE settles it, in a quote and in a lookup.
    let chosen = contract.replace(r#""idcc":3252"#, r#""idcc":3252,"cpne":902"#);
    let out = run(&["--data", data_arg, "quote", "--json"], &chosen);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.json()["npec"]["annual"], "8500.00");
    assert_eq!(out.json()["warnings"][0]["code"], "synthetic_table");
    let out = run(
        &[
            "--data",
            data_arg,
            "lookup",
            "--rncp",
            "RNCP41000",
            "--idcc",
            "3252",
            "--signed-on",
            "2026-09-14",
            "--json",
        ],
        "",
    );
    assert_eq!(out.code, 2);
    assert_eq!(
        out.json()["error"]["candidates"].as_array().unwrap().len(),
        3
    );

    // In a batch, the row gets the error and the run goes on.
    let input = "signed_on,start,end,rncp,idcc,cpne,price,level\n\
         2026-09-14,2026-09-01,2027-08-31,RNCP41000,3252,,9000,5\n\
         2026-09-14,2026-09-01,2027-08-31,RNCP41000,3252,903,9000,5\n";
    let out = run(&["--data", data_arg, "batch", "-"], input);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let mut reader = csv::Reader::from_reader(out.stdout.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(
        rows[0][rows[0].len() - 1].starts_with("ambiguous_branch (cpne) : "),
        "{:?}",
        &rows[0]
    );
    assert_eq!(&rows[1][8], "9000.00");
    assert_eq!(&rows[1][8 + 2], "test-2026");
}

#[test]
fn a_data_directory_that_is_not_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        &[
            "--data",
            dir.path().to_str().unwrap(),
            "search",
            "x",
            "--json",
        ],
        "",
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(out.json()["error"]["code"], "data");
    assert!(out.stderr.contains("referentiel"), "{}", out.stderr);
}

/// Issue 18: `coutcontrat import` of France compétences' RNCP export (`export-fiches-csv-*.zip`) replaces the
/// data directory's certification index with the registry it holds, and says what it wrote. Its members are
/// written here in the export's format, with made-up titles for test codes.
#[test]
fn importing_the_rncp_export_writes_the_certification_index() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("export-fiches-csv-2026-02-02.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("export_fiches_CSV_Standard_2026_02_02.csv", opts)
        .unwrap();
    zip.write_all(
        "\"Id_Fiche\";\"Numero_Fiche\";\"Intitule\";\"Abrege_Libelle\";\"Nomenclature_Europe_Niveau\";\"Actif\"\n\
         \"1\";\"RNCP90001\";\"BTS - Essai\";\"BTS\";\"NIV5\";\"INACTIVE\"\n\
         \"2\";\"RNCP90002\";\"Essai renouvelé\";\"BTS\";\"NIV5\";\"ACTIVE\"\n"
            .as_bytes(),
    )
    .unwrap();
    zip.start_file(
        "export_fiches_CSV_Ancienne_Nouvelle_Certification_2026_02_02.csv",
        opts,
    )
    .unwrap();
    zip.write_all(
        b"\"Numero_Fiche\";\"Ancienne_Certification\";\"Nouvelle_Certification\"\n\"RNCP90001\";;\"RNCP90002\"\n",
    )
    .unwrap();
    zip.finish().unwrap();
    let data = dir.path().join("data");
    let out = run(
        &[
            "import",
            zip_path.to_str().unwrap(),
            "--out",
            data.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("2 codes RNCP, 2 avec leur intitulé, 1 actifs, 1 renouvelés"),
        "{}",
        out.stdout
    );
    let index = std::fs::read_to_string(data.join("certifications/index.csv")).unwrap();
    assert_eq!(
        index,
        "rncp,title,level,abbreviation,active,successor,source\n\
         RNCP90001,Essai,5,BTS,0,RNCP90002,fc-export-2026-02-02\n\
         RNCP90002,Essai renouvelé,5,BTS,1,,fc-export-2026-02-02\n"
    );
    assert!(
        !data.join("referentiel").exists(),
        "no référentiel version written"
    );

    // A damaged member is refused with its file and line, and the index written before stays.
    let bad = dir.path().join("export-fiches-csv-2026-02-03.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&bad).unwrap());
    zip.start_file("export_fiches_CSV_Standard_2026_02_03.csv", opts)
        .unwrap();
    zip.write_all(
        "\"Id_Fiche\";\"Numero_Fiche\";\"Intitule\";\"Abrege_Libelle\";\"Nomenclature_Europe_Niveau\";\"Actif\"\n\
         \"1\";\"RNCP90001\";\"Essai\";\"BTS\";\"NIV9\";\"ACTIVE\"\n"
            .as_bytes(),
    )
    .unwrap();
    zip.start_file(
        "export_fiches_CSV_Ancienne_Nouvelle_Certification_2026_02_03.csv",
        opts,
    )
    .unwrap();
    zip.write_all(b"\"Numero_Fiche\";\"Ancienne_Certification\";\"Nouvelle_Certification\"\n")
        .unwrap();
    zip.finish().unwrap();
    let out = run(
        &[
            "import",
            bad.to_str().unwrap(),
            "--out",
            data.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(out.code, 2, "{}", out.stdout);
    for expected in [
        "export_fiches_CSV_Standard_2026_02_03.csv",
        "NIV9",
        "ligne 2",
    ] {
        assert!(
            out.stderr.contains(expected),
            "« {expected} » in {}",
            out.stderr
        );
    }
    assert_eq!(
        std::fs::read_to_string(data.join("certifications/index.csv")).unwrap(),
        index
    );
}
