//! The RNCP export of France compétences read into the certification index: members in the export's own
//! format (`;`, every field quoted, apostrophes doubled, titles over several lines, RS codes beside RNCP
//! ones), written here with made-up titles for test codes (the real « Standard » member is not in the
//! repository).
#![cfg(feature = "import")]

use std::io::Write;

use coutcontrat_referentiel::certifications::{
    export_source, is_rncp_export, read_rncp_export, render_index_csv, INDEX_HEADER,
};
use coutcontrat_referentiel::ErrorKind;

const STANDARD_HEADER: &str = "\"Id_Fiche\";\"Numero_Fiche\";\"Intitule\";\"Abrege_Libelle\";\"Abrege_Intitule\";\
\"Nomenclature_Europe_Niveau\";\"Nomenclature_Europe_Intitule\";\"Accessible_Nouvelle_Caledonie\";\
\"Accessible_Polynesie_Francaise\";\"Date_dernier_jo\";\"Date_Decision\";\"Date_Fin_Enregistrement\";\
\"Date_Effet\";\"Type_Enregistrement\";\"Validation_Partielle\";\"Actif\"";

fn standard_row(code: &str, title: &str, abbreviation: &str, level: &str, active: &str) -> String {
    format!(
        "\"1\";\"{code}\";\"{title}\";\"{abbreviation}\";\"\";\"{level}\";\"\";\"Non\";\"Non\";\"\";\"\";\
         \"31/08/2029\";\"\";\"Enregistrement de droit\";\"Non\";\"{active}\""
    )
}

fn export(standard: &str, renewals: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("export_fiches_CSV_Standard_2026_02_01.csv", opts)
        .unwrap();
    zip.write_all(standard.as_bytes()).unwrap();
    zip.start_file(
        "export_fiches_CSV_Ancienne_Nouvelle_Certification_2026_02_01.csv",
        opts,
    )
    .unwrap();
    zip.write_all(renewals.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

const RENEWALS: &str = "\"Numero_Fiche\";\"Ancienne_Certification\";\"Nouvelle_Certification\"\n\
\"RNCP90001\";;\"RNCP90002\"\n\"RNCP90001\";;\"RNCP90010\"\n\"RNCP90002\";\"RNCP90001\";\n\"RS900\";;\"RS901\"\n";

fn standard() -> String {
    [
        STANDARD_HEADER.to_owned(),
        standard_row(
            "RNCP90001",
            "BTS - Essai d''atelier",
            "BTS",
            "NIV5",
            "INACTIVE",
        ),
        standard_row(
            "RNCP90002",
            "Titre de test\nsur deux lignes",
            "TP",
            "NIV4",
            "ACTIVE",
        ),
        standard_row("RS900", "Habilitation de test", "", "", "ACTIVE"),
    ]
    .join("\n")
        + "\n"
}

#[test]
fn the_export_gives_titles_levels_states_and_successors() {
    let bytes = export(&standard(), RENEWALS);
    assert!(is_rncp_export(std::io::Cursor::new(&bytes)));
    let name = "export-fiches-csv-2026-02-02.zip";
    let source = export_source(name);
    assert_eq!(source, "fc-export-2026-02-02");
    let entries = read_rncp_export(name, &bytes, &source).unwrap();
    let codes: Vec<&str> = entries.iter().map(|e| e.rncp.as_str()).collect();
    // RS codes are not RNCP certifications; a code known only from a link is listed.
    assert_eq!(codes, ["RNCP90001", "RNCP90002", "RNCP90010"]);
    let first = &entries[0];
    assert_eq!(first.title, "Essai d'atelier");
    assert_eq!(
        (first.level, first.abbreviation.as_str(), first.active),
        (Some(5), "BTS", Some(false))
    );
    // Two successors: the highest-numbered.
    assert_eq!(first.successor.as_deref(), Some("RNCP90010"));
    assert_eq!(entries[1].title, "Titre de test sur deux lignes");
    assert_eq!((entries[1].level, entries[1].active), (Some(4), Some(true)));
    assert_eq!(entries[2].title, "");
    let csv = render_index_csv(&entries);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some(INDEX_HEADER));
    assert_eq!(
        lines.next(),
        Some("RNCP90001,Essai d'atelier,5,BTS,0,RNCP90010,fc-export-2026-02-02")
    );
}

#[test]
fn a_bad_export_is_refused_saying_where() {
    let bad_level = standard().replace("\"NIV4\"", "\"NIVEAU 4\"");
    let err = read_rncp_export("x.zip", &export(&bad_level, RENEWALS), "s").unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidValue);
    assert_eq!(err.row, Some(3));
    assert_eq!(err.column.as_deref(), Some("Nomenclature_Europe_Niveau"));
    assert!(
        err.file
            .ends_with("export_fiches_CSV_Standard_2026_02_01.csv"),
        "{err}"
    );
    assert!(err.message.contains("NIVEAU 4"), "{err}");

    let renamed = standard().replace("\"Actif\"", "\"Etat\"");
    let err = read_rncp_export("x.zip", &export(&renamed, RENEWALS), "s").unwrap_err();
    assert_eq!(err.kind, ErrorKind::RenamedHeader);
    assert!(err.message.contains("« Actif »"), "{err}");

    // Not the export: a zip without its members.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("notes.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    let other = zip.finish().unwrap().into_inner();
    assert!(!is_rncp_export(std::io::Cursor::new(&other)));
    let err = read_rncp_export("autre.zip", &other, "s").unwrap_err();
    assert_eq!(err.kind, ErrorKind::UnknownWorkbook);
    assert!(err.message.contains("export-fiches-csv"), "{err}");
}

/// The shipped index (`scripts/certification-index.py`) has the header and the bytes this module writes, one
/// line per code, sorted by number.
#[test]
fn the_shipped_index_has_the_format_the_import_writes() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/certifications/index.csv"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader
            .headers()
            .unwrap()
            .iter()
            .collect::<Vec<_>>()
            .join(","),
        INDEX_HEADER
    );
    let mut last = 0u64;
    let mut rows = 0;
    let mut entries = Vec::new();
    for record in reader.records() {
        let r = record.unwrap();
        entries.push(
            coutcontrat_referentiel::certifications::CertificationEntry {
                rncp: r[0].to_owned(),
                title: r[1].to_owned(),
                level: r[2].parse().ok(),
                abbreviation: r[3].to_owned(),
                active: match &r[4] {
                    "1" => Some(true),
                    "0" => Some(false),
                    _ => None,
                },
                successor: Some(r[5].to_owned()).filter(|s| !s.is_empty()),
                source: r[6].to_owned(),
            },
        );
        let n: u64 = r[0].strip_prefix("RNCP").unwrap().parse().unwrap();
        assert!(n > last, "{} after RNCP{last}", &r[0]);
        last = n;
        assert!(
            r[2].is_empty() || matches!(r[2].parse::<u8>(), Ok(3..=8)),
            "{:?}",
            r
        );
        assert!(matches!(&r[4], "" | "0" | "1"), "{:?}", r);
        rows += 1;
    }
    assert!(rows > 20_000, "{rows} rows");
    // The script that made it and the import write the same bytes for the same lines.
    assert!(
        render_index_csv(&entries) == text,
        "the shipped index is not written as the import writes it"
    );
}

/// What the page searches by name: the certifications with a title a contract can still meet.
#[test]
fn the_page_gets_the_titled_certifications_a_contract_can_meet() {
    use coutcontrat_referentiel::certifications::{page_lines, parse_index_csv};
    let entries = parse_index_csv(
        "rncp,title,level,abbreviation,active,successor,source\n\
         RNCP1,Ancien titre,4,TP,0,,s\n\
         RNCP2,Titre renouvelé,5,BTS,0,RNCP3,s\n\
         RNCP3,,,,,,s\n\
         RNCP4,\"Titre, actif\",6,,1,,s\n\
         RNCP5,Titre d'état inconnu,,,,,s\n",
        "index.csv",
    )
    .unwrap();
    assert_eq!(
        page_lines(&entries),
        "2\t5\tBTS\t3\tTitre renouvelé\n4\t6\t\t\tTitre, actif\n5\t\t\t\tTitre d'état inconnu\n"
    );
    let err = parse_index_csv(
        "rncp,title,level,abbreviation,active,successor,source\nRNCP1,T,9,,,,s\n",
        "index.csv",
    )
    .unwrap_err();
    assert_eq!((err.row, err.column.as_deref()), (Some(2), Some("level")));
    assert!(parse_index_csv("code,title\n", "index.csv").is_err());
}
