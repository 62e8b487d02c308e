//! The certification index, `data/certifications/index.csv`: for each RNCP code its title, level,
//! abbreviation (BTS, CAP, TP…), whether the fiche is active, and the code that replaced it. As shipped it is
//! partial and dated (`scripts/certification-index.py`, `data/certifications/SOURCE.md`); `coutcontrat import`
//! of France compétences' daily RNCP export (`export-fiches-csv-*.zip` on data.gouv.fr) replaces it with the
//! complete registry: its « Standard » member, one row per fiche, and its « Ancienne_Nouvelle_Certification »
//! member, the renewal links.

#[cfg(feature = "import")]
use std::collections::{BTreeMap, BTreeSet};
#[cfg(feature = "import")]
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Result};
#[cfg(feature = "import")]
use crate::xlsx::limits::MAX_PART_BYTES;

/// The header of `certifications/index.csv`.
pub const INDEX_HEADER: &str = "rncp,title,level,abbreviation,active,successor,source";

/// Where the index lives in a data directory.
pub const INDEX_PATH: &str = "certifications/index.csv";

/// A line of the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificationEntry {
    /// The RNCP code (`RNCP38362`).
    pub rncp: String,
    /// The official title, without the abbreviation; empty when no source gives it.
    pub title: String,
    /// The European level, 3 to 8.
    pub level: Option<u8>,
    /// The abbreviation (`BTS`), empty when none.
    pub abbreviation: String,
    /// Whether the fiche is active, when known.
    pub active: Option<bool>,
    /// The code that replaced it (the highest-numbered when several did).
    pub successor: Option<String>,
    /// Where the title comes from.
    pub source: String,
}

/// The members of the export, by the start of their names.
#[cfg(feature = "import")]
const STANDARD: &str = "export_fiches_CSV_Standard";
#[cfg(feature = "import")]
const RENEWALS: &str = "export_fiches_CSV_Ancienne_Nouvelle_Certification";

#[cfg(feature = "import")]
/// True when `archive` (a file, or bytes in a `Cursor`) is a zip holding the RNCP export's « Standard »
/// member. Only the zip's directory is read, so that any other archive is not read twice.
pub fn is_rncp_export(archive: impl Read + std::io::Seek) -> bool {
    zip::ZipArchive::new(archive)
        .is_ok_and(|z| z.file_names().any(|n| base(n).starts_with(STANDARD)))
}

#[cfg(feature = "import")]
fn base(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

#[cfg(feature = "import")]
/// A member's text, at most [`MAX_PART_BYTES`] once inflated.
fn member(
    file: &str,
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    prefix: &str,
) -> Result<(String, String)> {
    let name = zip
        .file_names()
        .find(|n| base(n).starts_with(prefix) && n.ends_with(".csv"))
        .map(str::to_owned)
        .ok_or_else(|| {
            Error::new(
                ErrorKind::UnknownWorkbook,
                file,
                format!(
                    "l'archive n'a pas de fichier {prefix}_….csv : attendu l'export complet du RNCP \
                     (export-fiches-csv-….zip de data.gouv.fr)"
                ),
            )
        })?;
    let shown = format!("{file} › {name}");
    let entry = zip
        .by_name(&name)
        .map_err(|e| Error::new(ErrorKind::Unreadable, &shown, format!("illisible : {e}")))?;
    let mut bytes = Vec::new();
    entry
        .take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::new(ErrorKind::Unreadable, &shown, format!("illisible : {e}")))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(Error::new(
            ErrorKind::Unreadable,
            &shown,
            format!(
                "plus de {MAX_PART_BYTES} octets une fois décompressé : l'archive est endommagée"
            ),
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::new(
            ErrorKind::Unreadable,
            &shown,
            format!(
                "pas en UTF-8 (octet {}) : attendu l'export de France compétences tel quel",
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    Ok((shown, text))
}

#[cfg(feature = "import")]
/// The rows of a member, each with its line.
type Lines = Vec<(u32, csv::StringRecord)>;

#[cfg(feature = "import")]
/// The rows of a `;`-separated member, with the index of each column named in `wanted`.
fn rows_of(shown: &str, text: &str, wanted: &[&str]) -> Result<(Vec<usize>, Lines)> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| Error::new(ErrorKind::Format, shown, format!("en-tête illisible : {e}")))?
        .clone();
    let mut at = Vec::with_capacity(wanted.len());
    for w in wanted {
        let i = header.iter().position(|h| h.trim() == *w).ok_or_else(|| {
            Error::new(
                ErrorKind::RenamedHeader,
                shown,
                format!(
                    "pas de colonne « {w} » dans l'en-tête ({}) : le format de l'export a changé",
                    header.iter().collect::<Vec<_>>().join(";")
                ),
            )
            .line(1)
        })?;
        at.push(i);
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as u32);
            Error::new(ErrorKind::Format, shown, format!("ligne illisible : {e}")).line(line)
        })?;
        let line = record.position().map_or(0, |p| p.line() as u32);
        rows.push((line, record));
    }
    Ok((at, rows))
}

#[cfg(feature = "import")]
/// A code of the RNCP (`RNCP38362`), or none (an RS code, an empty cell).
fn rncp_code(cell: &str) -> Option<String> {
    let c = cell.trim();
    let digits = c.strip_prefix("RNCP")?;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then(|| c.to_owned())
}

#[cfg(feature = "import")]
fn number(code: &str) -> u64 {
    code[4..].parse().unwrap_or(0)
}

#[cfg(feature = "import")]
/// A title as one line: its newlines and runs of spaces made one space, the export's doubled apostrophes one.
fn one_line(text: &str) -> String {
    text.replace("''", "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(feature = "import")]
/// Reads the RNCP export: every RNCP fiche of « Standard », its successor from the renewal links. `source`
/// names it in the index (`fc-export-2026-02-01`).
pub fn read_rncp_export(file: &str, bytes: &[u8], source: &str) -> Result<Vec<CertificationEntry>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        Error::new(
            ErrorKind::Unreadable,
            file,
            format!("archive illisible : {e}"),
        )
    })?;
    let (shown, text) = member(file, &mut zip, RENEWALS)?;
    let (at, rows) = rows_of(
        &shown,
        &text,
        &[
            "Numero_Fiche",
            "Ancienne_Certification",
            "Nouvelle_Certification",
        ],
    )?;
    let mut successors: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (_, r) in &rows {
        let cell = |i: usize| r.get(at[i]).unwrap_or_default();
        let Some(fiche) = rncp_code(cell(0)) else {
            continue;
        };
        if let Some(old) = rncp_code(cell(1)).filter(|o| *o != fiche) {
            successors.entry(old).or_default().insert(fiche.clone());
        }
        if let Some(new) = rncp_code(cell(2)).filter(|n| *n != fiche) {
            successors.entry(fiche).or_default().insert(new);
        }
    }
    let successor_of = |code: &str| {
        successors
            .get(code)
            .and_then(|s| s.iter().max_by_key(|c| number(c)).cloned())
    };

    let (shown, text) = member(file, &mut zip, STANDARD)?;
    let columns = [
        "Numero_Fiche",
        "Intitule",
        "Abrege_Libelle",
        "Nomenclature_Europe_Niveau",
        "Actif",
    ];
    let (at, rows) = rows_of(&shown, &text, &columns)?;
    // Keyed by number then code: « RNCP0123 » and « RNCP123 » stay two lines.
    let mut entries: BTreeMap<(u64, String), CertificationEntry> = BTreeMap::new();
    for (line, r) in &rows {
        let cell = |i: usize| r.get(at[i]).unwrap_or_default().trim();
        let Some(rncp) = rncp_code(cell(0)) else {
            continue;
        };
        let level = match cell(3) {
            "" => None,
            niv => match niv.strip_prefix("NIV").and_then(|d| d.parse::<u8>().ok()) {
                Some(l) if (1..=8).contains(&l) => Some(l),
                _ => {
                    return Err(Error::new(
                        ErrorKind::InvalidValue,
                        &shown,
                        format!("niveau « {niv} » de {rncp} : attendu NIV1 à NIV8 ou vide"),
                    )
                    .at(*line, "Nomenclature_Europe_Niveau"))
                }
            },
        };
        let active = match cell(4) {
            "ACTIVE" => Some(true),
            "INACTIVE" => Some(false),
            "" => None,
            other => {
                return Err(Error::new(
                    ErrorKind::InvalidValue,
                    &shown,
                    format!("état « {other} » de {rncp} : attendu ACTIVE, INACTIVE ou vide"),
                )
                .at(*line, "Actif"))
            }
        };
        let abbreviation = one_line(cell(2));
        let mut title = one_line(cell(1));
        // « BTS - Management commercial opérationnel » when the title repeats its abbreviation.
        if let Some(rest) = title
            .strip_prefix(&format!("{abbreviation} - "))
            .filter(|_| !abbreviation.is_empty())
        {
            title = rest.to_owned();
        }
        entries.insert(
            (number(&rncp), rncp.clone()),
            CertificationEntry {
                successor: successor_of(&rncp),
                rncp,
                title,
                level,
                abbreviation,
                active,
                source: source.to_owned(),
            },
        );
    }
    if entries.is_empty() {
        return Err(Error::new(
            ErrorKind::UnknownWorkbook,
            &shown,
            "aucune fiche RNCP : l'export est vide ou n'est pas celui du RNCP",
        ));
    }
    // Codes known only as the old or new side of a link: listed, so that a superseded code names its successor.
    for (old, news) in &successors {
        for code in std::iter::once(old).chain(news) {
            entries
                .entry((number(code), code.clone()))
                .or_insert_with(|| CertificationEntry {
                    rncp: code.clone(),
                    title: String::new(),
                    level: None,
                    abbreviation: String::new(),
                    active: None,
                    successor: successor_of(code),
                    source: source.to_owned(),
                });
        }
    }
    Ok(entries.into_values().collect())
}

#[cfg(feature = "import")]
/// The date an export's name spells (`export-fiches-csv-2026-02-02.zip` → `fc-export-2026-02-02`), for the
/// index's `source` column.
pub fn export_source(file_name: &str) -> String {
    let digits: String = file_name
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    let date = digits.trim_matches('-');
    match date.len() {
        10 => format!("fc-export-{date}"),
        _ => "fc-export".to_owned(),
    }
}

/// The index as `certifications/index.csv` writes it (sorted by code number).
pub fn render_index_csv(entries: &[CertificationEntry]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let _ = w.write_record(INDEX_HEADER.split(','));
    for e in entries {
        let level = e.level.map(|l| l.to_string()).unwrap_or_default();
        let active = match e.active {
            Some(true) => "1",
            Some(false) => "0",
            None => "",
        };
        let _ = w.write_record([
            e.rncp.as_str(),
            &e.title,
            &level,
            &e.abbreviation,
            active,
            e.successor.as_deref().unwrap_or_default(),
            &e.source,
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Writes the index into a data directory (replacing the one there); returns its path.
pub fn write_index(data_dir: &Path, entries: &[CertificationEntry]) -> Result<PathBuf> {
    let path = data_dir.join(INDEX_PATH);
    let shown = path.display().to_string();
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::io(&shown, &e, "création du dossier impossible"))?;
    }
    // Written beside, then renamed: an interrupted import leaves the old index whole.
    let partial = path.with_extension("csv.partial");
    std::fs::write(&partial, render_index_csv(entries))
        .map_err(|e| Error::io(partial.display().to_string(), &e, "écriture impossible"))?;
    std::fs::rename(&partial, &path)
        .map_err(|e| Error::io(&shown, &e, "remplacement impossible"))?;
    Ok(path)
}

/// Reads `certifications/index.csv` (`file` names it in errors).
pub fn parse_index_csv(text: &str, file: &str) -> Result<Vec<CertificationEntry>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| Error::new(ErrorKind::Format, file, format!("en-tête illisible : {e}")))?
        .iter()
        .collect::<Vec<_>>()
        .join(",");
    if header != INDEX_HEADER {
        return Err(Error::new(
            ErrorKind::Format,
            file,
            format!("en-tête « {header} » : attendu « {INDEX_HEADER} »"),
        )
        .line(1));
    }
    let mut out = Vec::new();
    for record in reader.records() {
        let r = record
            .map_err(|e| Error::new(ErrorKind::Format, file, format!("ligne illisible : {e}")))?;
        let line = r.position().map_or(0, |p| p.line() as u32);
        let bad = |column: &str, what: &str| {
            Error::new(
                ErrorKind::InvalidValue,
                file,
                format!("{what} « {} »", r.get(0).unwrap_or_default()),
            )
            .at(line, column)
        };
        let level = match &r[2] {
            "" => None,
            l => Some(
                l.parse::<u8>()
                    .ok()
                    .filter(|l| (1..=8).contains(l))
                    .ok_or_else(|| bad("level", "niveau invalide pour"))?,
            ),
        };
        let active = match &r[4] {
            "" => None,
            "1" => Some(true),
            "0" => Some(false),
            _ => return Err(bad("active", "état invalide (1, 0 ou vide) pour")),
        };
        out.push(CertificationEntry {
            rncp: r[0].to_owned(),
            title: r[1].to_owned(),
            level,
            abbreviation: r[3].to_owned(),
            active,
            successor: Some(r[5].to_owned()).filter(|s| !s.is_empty()),
            source: r[6].to_owned(),
        });
    }
    Ok(out)
}

/// What the page searches by name: one line per certification with a title that a contract can still
/// meet (not known to be inactive, or renewed: its successor is named), as `digits TAB level TAB
/// abbreviation TAB successor's digits TAB title`; no quoting (a title holds no tab nor newline).
pub fn page_lines(entries: &[CertificationEntry]) -> String {
    let digits = |c: &str| c.strip_prefix("RNCP").unwrap_or(c).to_owned();
    let mut out = String::new();
    for e in entries {
        if e.title.is_empty() || (e.active == Some(false) && e.successor.is_none()) {
            continue;
        }
        let clean = |t: &str| t.replace(['\t', '\n', '\r'], " ");
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\n",
            digits(&e.rncp),
            e.level.map(|l| l.to_string()).unwrap_or_default(),
            clean(&e.abbreviation),
            e.successor.as_deref().map(digits).unwrap_or_default(),
            clean(&e.title)
        ));
    }
    out
}
