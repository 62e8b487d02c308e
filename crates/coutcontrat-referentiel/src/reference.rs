//! Builds the default data of `data/` from the shared reference extracts (`../shared/reference-data/`), so that
//! the shipped files are reproducible: `cargo run -p coutcontrat-referentiel --bin convert-reference`.
//!
//! The five trimmed official workbooks are read with the importer (every row of every sheet) and checked,
//! value by value, against `npec_extract_rows.csv`; the CPNE → IDCC mapping the 2019-10 workbook gives is
//! checked against `cpne_idcc_2019-10.csv`, the CPNE lists against the matrix headers.

use std::collections::BTreeMap;
use std::path::Path;

use coutcontrat::referentiel::{CpneIdcc, IdccInfo, NpecRow, RowOrigin, TableVersion};
use jiff::civil::{date, Date};
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};

use crate::data_dir::{version_dir, write_branches, write_version};
use crate::dataset::DataSet;
use crate::error::{Error, ErrorKind, Result};
use crate::format::{sort_rows, CpneEntry};
use crate::import::{import_workbook, ImportOptions, MatrixRows};

/// One trimmed official workbook and what the site says of it.
struct Fixture {
    file: &'static str,
    /// `version_referentiel` in `npec_extract_rows.csv`.
    extract_version: &'static str,
    published: Date,
    applies_from: Date,
    applies_until: Option<Date>,
    legal_basis: &'static str,
    note: &'static str,
}

const TRIMMED: &str = "Extrait réel (source S1) : le classeur officiel, réduit par les mainteneurs d'API Apprentissage à ses \
    en-têtes et quelques lignes ; source_sha256 est l'empreinte de ce classeur réduit, non du fichier publié.";

fn fixtures() -> Vec<Fixture> {
    vec![
        Fixture {
            file: "referentiel_des_npec-2-1.xlsx",
            extract_version: "2019-09 (v 20190916)",
            published: date(2019, 9, 16),
            applies_from: date(2019, 9, 16),
            applies_until: Some(date(2019, 10, 23)),
            legal_basis: "Décret n° 2019-956 du 13 septembre 2019",
            note: "Partiel : 3 diplômes (code diplôme, sans code RNCP), 3 lignes de l'onglet 3 et la matrice complète \
                   de ces 3 diplômes sur 233 branches, désignées par leur seul libellé (pas de code CPNE) : ces lignes \
                   ne servent à aucune recherche par RNCP et CPNE. Dates : celles du site (16.09.19 ; remplacé le 24.10.19).",
        },
        Fixture {
            file: "vf_referentiel_avec_idcc_oct_2019.xlsx",
            extract_version: "2019-10 (v 20191018)",
            published: date(2019, 10, 24),
            applies_from: date(2019, 10, 24),
            applies_until: None,
            legal_basis: "Décret n° 2019-956 du 13 septembre 2019",
            note: "Partiel pour les montants : 3 diplômes (code diplôme, sans code RNCP) × 229 CPNE, et 3 lignes de \
                   l'onglet 3. Complet pour la correspondance CPNE → IDCC (cpne_idcc.csv, 424 IDCC, d'après la ligne \
                   « Code(s) IDCC » de la matrice ; 43 CPNE sans IDCC) : c'est la dernière correspondance complète \
                   connue, utilisée pour toute date sans correspondance propre. Dates : celles du site (24.10.19) ; \
                   remplacé par la version d'avril 2020 (jour inconnu).",
        },
        Fixture {
            file: "VF_11.02.2021_Referentiel-NPEC-20192020_avec_idcc.xlsx",
            extract_version: "2021-02 (v29.01.21)",
            published: date(2021, 2, 15),
            applies_from: date(2021, 2, 15),
            applies_until: Some(date(2021, 3, 16)),
            legal_basis: "Décret n° 2019-956 du 13 septembre 2019 modifié (décret n° 2020-1076 du 20 août 2020) ; \
                          arrêtés des 24 août 2020 et 29 décembre 2020",
            note: "Partiel : 2 lignes (RNCP955, CPNE 1 et 2). Son onglet CPNE-IDCC, réduit à 3 lignes, n'est pas \
                   retenu comme correspondance. Fichier publié sous le nom VF_11.02.2021_Référentiel-NPEC-20192020_avec_idcc.xlsx. \
                   Dates : celles du site (15.02.21 ; version suivante le 17.03.21).",
        },
        Fixture {
            file: "Referentiel-des-NPEC_vMAJ-09.04.2024.xlsx",
            extract_version: "2023-10-15/2023-09-08 (v09.04.2024)",
            published: date(2024, 4, 3),
            applies_from: date(2023, 9, 8),
            applies_until: Some(date(2024, 7, 14)),
            legal_basis: "Décret n° 2023-945 du 13 octobre 2023",
            note: "Partiel : 4 lignes de l'onglet 3 (dont un NC et un couple RNCP36989 × CPNE 2 en double, 7750 par la \
                   ligne RNCP31946/RNCP36989 et 8502 par la ligne RNCP36989) et la matrice de RNCP1002 et \
                   RNCP1006/RNCP37239 sur 213 CPNE (sans date propre : la version s'applique à partir du 2023-09-08). \
                   RNCP1002 × CPNE 4 vaut NC dans l'onglet 3 (daté du 2023-10-15) mais 9497 dans la matrice ; les \
                   lignes de l'onglet 3 ont pu être retouchées par les mainteneurs pour leurs tests. L'onglet 4, réduit \
                   à une ligne (CPNE 2 → IDCC 478), n'est pas retenu comme correspondance.",
        },
        Fixture {
            file: "Referentiel-des-NPEC-15.07.2024_vMAJ-18.07.2024.xlsx",
            extract_version: "2024-07-15 (v_18.07.2024)",
            published: date(2024, 7, 18),
            applies_from: date(2024, 7, 15),
            applies_until: Some(date(2025, 8, 31)),
            legal_basis: "Décret n° 2024-695 du 5 juillet 2024",
            note: "Partiel : 1 ligne de l'onglet 3 (RNCP1002 × CPNE 2, statut A) et la matrice de RNCP1002 sur 205 CPNE \
                   (sans date propre : la version s'applique à partir du 2024-07-15). L'onglet 4, réduit à une ligne, \
                   n'est pas retenu comme correspondance. Remplacé par l'édition du 1er septembre 2025.",
        },
    ]
}

fn data_err(file: &str, message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Format, file, message)
}

/// A record of a reference CSV, keyed by header, with its line.
type Record = (u32, BTreeMap<String, String>);

/// A reference CSV as header-keyed records, with their line numbers, and the file's SHA-256.
fn read_reference_csv(dir: &Path, name: &str, header: &[&str]) -> Result<(Vec<Record>, String)> {
    let path = dir.join(name);
    let bytes = std::fs::read(&path)
        .map_err(|e| Error::io(path.display().to_string(), &e, "lecture impossible"))?;
    let sha = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let found: Vec<String> = reader
        .headers()
        .map_err(|e| data_err(name, e.to_string()))?
        .iter()
        .map(str::to_owned)
        .collect();
    if found != header {
        return Err(data_err(name, format!("en-tête inattendu : {}", found.join(","))).line(1));
    }
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| data_err(name, e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line() as u32);
        let map = header
            .iter()
            .zip(record.iter())
            .map(|(h, v)| ((*h).to_owned(), v.to_owned()))
            .collect();
        out.push((line, map));
    }
    Ok((out, sha))
}

/// What a row says, for comparing an imported row with an extract row.
type RowKey = (
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<Decimal>,
    String,
    String,
    String,
);

fn key_of_row(r: &NpecRow) -> RowKey {
    (
        r.origin.sheet.clone(),
        r.rncp_cell.clone(),
        r.diploma_code.clone().unwrap_or_default(),
        r.label.clone(),
        r.certifier.clone(),
        r.diploma_type.clone(),
        r.cpne.map(|c| c.to_string()).unwrap_or_default(),
        r.cpne_label.clone(),
        r.amount,
        r.amount_raw.clone(),
        r.status.clone(),
        r.applicable_from.map(|d| d.to_string()).unwrap_or_default(),
    )
}

fn key_of_extract(m: &BTreeMap<String, String>) -> RowKey {
    let f = |k: &str| m.get(k).cloned().unwrap_or_default();
    (
        f("onglet_source"),
        f("code_rncp"),
        f("code_diplome"),
        f("intitule_certification"),
        f("certificateur"),
        f("type_diplome"),
        f("code_cpne"),
        f("libelle_cpne"),
        f("npec_eur").parse::<Decimal>().ok().map(|d| d.normalize()),
        f("npec_brut"),
        f("statut"),
        f("date_applicabilite"),
    )
}

const EXTRACT_HEADER: [&str; 16] = [
    "version_referentiel",
    "date_fichier_site_fc",
    "fichier_source",
    "onglet_source",
    "code_rncp",
    "code_diplome",
    "intitule_certification",
    "certificateur",
    "type_diplome",
    "code_cpne",
    "libelle_cpne",
    "idcc_declares",
    "npec_eur",
    "npec_brut",
    "statut",
    "date_applicabilite",
];

/// Builds the default data set from the reference directory, checking every value on the way.
pub fn build_default_data(reference_dir: &Path) -> Result<DataSet> {
    let (extract, _) = read_reference_csv(reference_dir, "npec_extract_rows.csv", &EXTRACT_HEADER)?;
    let (mapping_csv, _) = read_reference_csv(
        reference_dir,
        "cpne_idcc_2019-10.csv",
        &["code_cpne", "libelle_cpne", "idcc", "idcc_brut"],
    )?;
    let mapping_2019: Vec<CpneIdcc> = mapping_csv
        .iter()
        .filter(|(_, m)| !m["idcc"].is_empty())
        .map(|(line, m)| {
            let n = |k: &str| {
                m[k].parse::<u32>().map_err(|_| {
                    data_err("cpne_idcc_2019-10.csv", "code non numérique").line(*line)
                })
            };
            Ok(CpneIdcc {
                cpne: n("code_cpne")?,
                idcc: n("idcc")?,
            })
        })
        .collect::<Result<_>>()?;

    let mut set = DataSet::default();
    let mut matrix_labels: BTreeMap<String, BTreeMap<u32, String>> = BTreeMap::new();
    for fx in fixtures() {
        let path = reference_dir.join("xlsx").join(fx.file);
        let expected: Vec<&BTreeMap<String, String>> = extract
            .iter()
            .filter(|(_, m)| m["version_referentiel"] == fx.extract_version)
            .map(|(_, m)| m)
            .collect();
        let official_name = expected
            .first()
            .map(|m| m["fichier_source"].clone())
            .unwrap_or_else(|| fx.file.to_owned());
        let options = ImportOptions {
            published: Some(fx.published),
            applies_from: Some(fx.applies_from),
            applies_until: fx.applies_until,
            legal_basis: Some(
                fx.legal_basis
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            source_file: Some(official_name),
            matrix: MatrixRows::All,
            ..ImportOptions::default()
        };
        let imported = import_workbook(&path, &options)?;
        let mut version = imported.version;
        let tag_in_extract = fx
            .extract_version
            .rsplit('(')
            .next()
            .unwrap_or_default()
            .trim_end_matches(')');
        if version.tag != tag_in_extract {
            return Err(data_err(
                fx.file,
                format!("étiquette {} au lieu de {tag_in_extract}", version.tag),
            ));
        }
        // Every value, both ways.
        let mut got: Vec<RowKey> = version.rows.iter().map(key_of_row).collect();
        let mut want: Vec<RowKey> = expected.iter().map(|m| key_of_extract(m)).collect();
        got.sort();
        want.sort();
        if got != want {
            let only_got: Vec<_> = got.iter().filter(|k| !want.contains(k)).take(3).collect();
            let only_want: Vec<_> = want.iter().filter(|k| !got.contains(k)).take(3).collect();
            return Err(data_err(
                fx.file,
                format!(
                    "{} lignes importées, {} dans npec_extract_rows.csv ; importées seulement : {only_got:?} ; \
                     extrait seulement : {only_want:?}",
                    got.len(),
                    want.len()
                ),
            ));
        }
        for row in &version.rows {
            if let (Some(cpne), true) =
                (row.cpne, crate::format::is_matrix_sheet(&row.origin.sheet))
            {
                matrix_labels
                    .entry(version.tag.clone())
                    .or_default()
                    .insert(cpne, row.cpne_label.clone());
            }
        }
        version.mapping = None;
        if version.tag == "v 20191018" {
            let mut read = imported.mapping_read.clone();
            let mut want = mapping_2019.clone();
            read.sort_by_key(|p| (p.cpne, p.idcc));
            want.sort_by_key(|p| (p.cpne, p.idcc));
            if read != want {
                return Err(data_err(
                    fx.file,
                    format!(
                        "correspondance lue : {} paires, cpne_idcc_2019-10.csv : {}",
                        read.len(),
                        want.len()
                    ),
                ));
            }
            version.mapping = Some(want);
        }
        // Trimmed workbooks: extracts, whatever the importer makes of a whole workbook (D20).
        version.coverage = coutcontrat::referentiel::Coverage::Partial;
        version.note = format!(
            "{TRIMMED} {}",
            fx.note.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        sort_rows(&mut version.rows);
        set.versions.push(version);
    }

    set.versions
        .extend(editions_2025_2026(reference_dir, &mapping_2019)?);

    // CPNE lists, checked against the matrix headers of the workbooks.
    let (cpne_rows, _) = read_reference_csv(
        reference_dir,
        "cpne_par_version.csv",
        &["version_referentiel", "code_cpne", "libelle_cpne"],
    )?;
    for (line, m) in &cpne_rows {
        let version = m["version_referentiel"]
            .rsplit('(')
            .next()
            .unwrap_or_default()
            .trim_end_matches(')')
            .to_owned();
        let cpne = m["code_cpne"]
            .parse::<u32>()
            .map_err(|_| data_err("cpne_par_version.csv", "code non numérique").line(*line))?;
        if let Some(label) = matrix_labels.get(&version).and_then(|l| l.get(&cpne)) {
            if *label != m["libelle_cpne"] {
                return Err(data_err(
                    "cpne_par_version.csv",
                    format!(
                        "CPNE {cpne} : « {} » mais « {label} » dans la matrice de {version}",
                        m["libelle_cpne"]
                    ),
                )
                .line(*line));
            }
        }
        set.cpne.push(CpneEntry {
            cpne,
            label: m["libelle_cpne"].clone(),
            version,
        });
    }
    set.idcc = idcc_list(reference_dir)?;
    Ok(set)
}

/// The 2025 and 2026 editions' values (`npec_2025_2026_bts_mos.csv`).
fn editions_2025_2026(
    reference_dir: &Path,
    mapping_2019: &[CpneIdcc],
) -> Result<Vec<TableVersion>> {
    const FILE: &str = "npec_2025_2026_bts_mos.csv";
    let header = [
        "edition",
        "applies_to_contracts_concluded_from",
        "applies_to_contracts_concluded_until",
        "code_rncp",
        "intitule_certification",
        "idcc",
        "code_cpne",
        "npec_eur",
        "confidence",
    ];
    let (records, sha) = read_reference_csv(reference_dir, FILE, &header)?;
    let source = "Valeurs des éditions 2025 et 2026 citées par les tests d'une application de gestion de CFA qui \
        embarque les classeurs officiels (GitHub integraleacademy/gestionstagiaires, tests/test_bts_npec.py, commit \
        19ebacc5119e9a4a6c225940b4d7b5ebcebf32dd), relevées dans npec_2025_2026_bts_mos.csv ; confiance moyenne \
        (source secondaire). Partiel. Statut non publié par la source. Type de diplôme « BTS » déduit du libellé.";
    let editions = [
        (
            "2025-09 (vMAJ 28.05.2026)",
            date(2026, 5, 28),
            date(2025, 9, 1),
            Some(date(2026, 8, 31)),
            "Décret n° 2025-860 du 29 août 2025 (édition de septembre 2025, mise à jour du 28 mai 2026)",
            "RNCP35393 est l'ancien code du BTS Management opérationnel de la sécurité (la source ajoute « (former code) » \
             au libellé, retiré ici).",
        ),
        (
            "2026-09",
            date(2026, 8, 31),
            date(2026, 9, 1),
            None,
            "Décret du 29 août 2026 (Référentiel unique des NPEC – 1er septembre 2026)",
            "La source ne donne pas la CPNE des lignes des IDCC 1486 et 2216 : elle est prise de la correspondance \
             CPNE–IDCC de 2019-10 (IDCC 1486 → CPNE 147, IDCC 2216 → CPNE 46). La correspondance de cette édition \
             n'est pas connue (l'IDCC 3252 y relève de trois CPNE, dont 433) : celle de 2019-10 s'applique. \
             Le libellé de RNCP38362 n'est pas donné.",
        ),
    ];
    let mut out = Vec::new();
    for (tag, published, from, until, basis, extra) in editions {
        let mut rows = Vec::new();
        for (line, m) in records.iter().filter(|(_, m)| m["edition"] == tag) {
            let bad = |msg: String| data_err(FILE, msg).line(*line);
            let from_file: Date = m["applies_to_contracts_concluded_from"]
                .parse()
                .map_err(|_| bad("date illisible".into()))?;
            let until_file: Option<Date> = match m["applies_to_contracts_concluded_until"].as_str()
            {
                "" => None,
                d => Some(d.parse().map_err(|_| bad("date illisible".into()))?),
            };
            if from_file != from || until_file != until {
                return Err(bad(format!(
                    "dates {from_file}–{until_file:?} au lieu de {from}–{until:?}"
                )));
            }
            let idcc: u32 = m["idcc"]
                .parse()
                .map_err(|_| bad("IDCC non numérique".into()))?;
            let cpne = match m["code_cpne"].as_str() {
                "" => {
                    let found: Vec<u32> = mapping_2019
                        .iter()
                        .filter(|p| p.idcc == idcc)
                        .map(|p| p.cpne)
                        .collect();
                    match found.as_slice() {
                        [one] => *one,
                        _ => {
                            return Err(bad(format!(
                                "IDCC {idcc} : {} CPNE dans la correspondance 2019-10",
                                found.len()
                            )))
                        }
                    }
                }
                c => c.parse().map_err(|_| bad("CPNE non numérique".into()))?,
            };
            let label = m["intitule_certification"]
                .trim_end_matches(" (former code)")
                .to_owned();
            let amount_raw = m["npec_eur"].clone();
            let amount = crate::format::parse_amount(&amount_raw).map_err(bad)?;
            rows.push(NpecRow {
                rncp: coutcontrat::referentiel::split_rncp_cell(&m["code_rncp"]),
                rncp_cell: m["code_rncp"].clone(),
                diploma_code: None,
                diploma_type: if label.starts_with("BTS ") {
                    "BTS".into()
                } else {
                    String::new()
                },
                label,
                certifier: String::new(),
                cpne: Some(cpne),
                cpne_label: String::new(),
                amount,
                amount_raw,
                status: String::new(),
                applicable_from: Some(from),
                origin: RowOrigin {
                    sheet: FILE.into(),
                    line: Some(*line),
                },
            });
        }
        sort_rows(&mut rows);
        out.push(TableVersion {
            tag: tag.into(),
            published,
            applies_from: from,
            applies_until: until,
            source_file: FILE.into(),
            source_sha256: Some(sha.clone()),
            legal_basis: basis.split_whitespace().collect::<Vec<_>>().join(" "),
            synthetic: false,
            coverage: coutcontrat::referentiel::Coverage::Partial,
            note: format!(
                "{source} {}",
                extra.split_whitespace().collect::<Vec<_>>().join(" ")
            ),
            rows,
            mapping: None,
        });
    }
    Ok(out)
}

/// IDCC → OPCO of the ministry table (S2), with the labels of the AKTO list for the IDCC it lacks.
fn idcc_list(reference_dir: &Path) -> Result<Vec<IdccInfo>> {
    let (rows, _) = read_reference_csv(
        reference_dir,
        "idcc_opco_2019-07-19.csv",
        &["idcc", "opco_slug", "opco", "libelle_convention"],
    )?;
    let mut by_idcc: BTreeMap<u32, IdccInfo> = BTreeMap::new();
    for (_, m) in &rows {
        // `N.A.` (métallurgie) and `na` (propriétés forestières) are not IDCC codes: skipped (data/README.md).
        let Ok(idcc) = m["idcc"].parse::<u32>() else {
            continue;
        };
        by_idcc.insert(
            idcc,
            IdccInfo {
                idcc,
                label: m["libelle_convention"].clone(),
                opco: Some(m["opco"].clone()).filter(|o| !o.is_empty()),
            },
        );
    }
    let akto_header = [
        "idcc",
        "libelle_convention",
        "code_cpne",
        "libelle_cpne_2019_10",
        "libelle_cpne_2024_07",
        "source_rattachement_akto",
        "autre_confirmation",
        "note",
    ];
    let (akto, _) = read_reference_csv(reference_dir, "akto_idcc.csv", &akto_header)?;
    for (_, m) in &akto {
        let Ok(idcc) = m["idcc"].parse::<u32>() else {
            continue;
        };
        let entry = by_idcc.entry(idcc).or_insert_with(|| IdccInfo {
            idcc,
            label: String::new(),
            opco: None,
        });
        if entry.label.is_empty() {
            entry.label = m["libelle_convention"].clone();
        }
    }
    Ok(by_idcc.into_values().collect())
}

/// Writes a data set into a data directory: each version into `referentiel/<slug>/`, and the branch lists.
pub fn write_data(set: &DataSet, data_dir: &Path) -> Result<()> {
    for v in &set.versions {
        write_version(&version_dir(data_dir, v), v)?;
    }
    write_branches(data_dir, &set.idcc, &set.cpne)
}
