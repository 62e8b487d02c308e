//! The canonical text format of `data/`: pure parsing and rendering of each file, from and to `&str`.
//!
//! One directory per table version, `data/referentiel/<slug>/`:
//! - `manifest.toml`: tag, dates, source file and checksum, legal basis, `synthetic`, note, row count;
//! - `npec.csv`: one line per published row ([`NPEC_HEADER`]), sorted so that a new version reads as a diff;
//! - `cpne_idcc.csv` (`cpne,idcc`): only when the edition publishes a complete CPNE → IDCC mapping.
//!
//! Beside them, `data/branches/idcc.csv` (`idcc,label,opco`) and `data/branches/cpne.csv` (`cpne,label,version`).
//! Every function here works on text only, so the web app can parse the embedded data in wasm.

use std::cmp::Ordering;
use std::fmt::Write as _;

use coutcontrat::referentiel::fold;
use coutcontrat::referentiel::{
    normalize_rncp, split_rncp_cell, Coverage, CpneIdcc, IdccInfo, NpecRow, Renewal, RowOrigin,
    TableVersion,
};
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Deserialize;

use coutcontrat::money::{amount_limit_text, within_amount_limit};
use coutcontrat::text::{clip, printable, quoted};

use crate::error::{Error, ErrorKind, Result};

/// The header of `npec.csv`.
pub const NPEC_HEADER: [&str; 13] = [
    "rncp_cell",
    "label",
    "certifier",
    "diploma_type",
    "diploma_code",
    "cpne",
    "cpne_label",
    "amount",
    "amount_raw",
    "status",
    "applicable_from",
    "sheet",
    "line",
];

/// The header of `cpne_idcc.csv`.
pub const CPNE_IDCC_HEADER: [&str; 2] = ["cpne", "idcc"];
/// The header of `branches/idcc.csv`.
pub const IDCC_HEADER: [&str; 3] = ["idcc", "label", "opco"];
/// The header of `branches/cpne.csv`.
pub const CPNE_HEADER: [&str; 3] = ["cpne", "label", "version"];
/// The header of `renewals/rncp.csv`.
pub const RENEWALS_HEADER: [&str; 3] = ["old", "new", "source"];

/// The content of a `manifest.toml`: everything of a [`TableVersion`] but its rows and mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    /// The version tag (last line of « Me lire »).
    pub tag: String,
    /// The date France compétences published it.
    pub published: Date,
    /// The first date of conclusion it applies to.
    pub applies_from: Date,
    /// The last date of conclusion it applies to, when a later edition replaced it.
    pub applies_until: Option<Date>,
    /// The file the rows were read from.
    pub source_file: String,
    /// The SHA-256 of that file, when known.
    pub source_sha256: Option<String>,
    /// The legal basis.
    pub legal_basis: String,
    /// True for generated (not real) amounts.
    pub synthetic: bool,
    /// `complete` (the whole official workbook) or `partial` (an extract); `None` when the manifest does
    /// not say, which reads as partial (D20).
    pub coverage: Option<Coverage>,
    /// Completeness and provenance.
    pub note: String,
    /// The number of lines of `npec.csv` (checked on reading, so a truncated file is caught).
    pub rows: usize,
    /// The number of pairs of `cpne_idcc.csv`, when the version has a mapping.
    pub mapping_pairs: Option<usize>,
}

impl Manifest {
    /// The manifest of a version.
    pub fn of(version: &TableVersion) -> Manifest {
        Manifest {
            tag: version.tag.clone(),
            published: version.published,
            applies_from: version.applies_from,
            applies_until: version.applies_until,
            source_file: version.source_file.clone(),
            source_sha256: version.source_sha256.clone(),
            legal_basis: version.legal_basis.clone(),
            synthetic: version.synthetic,
            coverage: Some(version.coverage),
            note: version.note.clone(),
            rows: version.rows.len(),
            mapping_pairs: version.mapping.as_ref().map(Vec::len),
        }
    }

    /// The version with these rows and mapping.
    pub fn into_version(self, rows: Vec<NpecRow>, mapping: Option<Vec<CpneIdcc>>) -> TableVersion {
        TableVersion {
            tag: self.tag,
            published: self.published,
            applies_from: self.applies_from,
            applies_until: self.applies_until,
            source_file: self.source_file,
            source_sha256: self.source_sha256,
            legal_basis: self.legal_basis,
            synthetic: self.synthetic,
            coverage: self.coverage.unwrap_or_default(),
            note: self.note,
            rows,
            mapping,
        }
    }
}

// Defined beside `DataSet`, which needs it without this module (the page reads no text).
pub use crate::dataset::CpneEntry;

/// The directory name of a version: publication date, then the tag made file-safe.
///
/// ```
/// use coutcontrat_referentiel::version_slug;
/// use jiff::civil::date;
/// assert_eq!(version_slug("v_18.07.2024", date(2024, 7, 18)), "2024-07-18_v-18.07.2024");
/// assert_eq!(version_slug("2025-09 (vMAJ 28.05.2026)", date(2026, 5, 28)), "2026-05-28_2025-09-vmaj-28.05.2026");
/// ```
pub fn version_slug(tag: &str, published: Date) -> String {
    let mut slug = String::new();
    for c in fold(tag).chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "version" } else { slug };
    format!("{published}_{slug}")
}

/// Reads an amount as published: `9497`, `6079.3333`, `9 497 €`, `9497,50`; `NC`, `NR` or empty are absent.
///
/// ```
/// use coutcontrat_referentiel::parse_amount;
/// assert_eq!(parse_amount("9\u{a0}497,50 €").unwrap().unwrap().to_string(), "9497.5");
/// assert_eq!(parse_amount(" nc ").unwrap(), None);
/// assert!(parse_amount("neuf mille").is_err());
/// ```
pub fn parse_amount(raw: &str) -> std::result::Result<Option<Decimal>, String> {
    let compact: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '€' && *c != '\u{202f}')
        .collect();
    if compact.is_empty() || matches!(compact.to_ascii_uppercase().as_str(), "NC" | "NR") {
        return Ok(None);
    }
    let dotted = compact.replace(',', ".");
    match dotted.parse::<Decimal>() {
        Ok(value) if value.is_sign_negative() => Err(format!(
            "« {} » est négatif : un NPEC est un montant annuel positif",
            quoted(raw)
        )),
        Ok(value) => Ok(Some(value.normalize())),
        Err(_) => Err(format!(
            "« {} » n'est pas un montant : attendu un nombre d'euros (9497, 6079.3333, 9 497 €) ou NC/NR",
            quoted(raw)
        )),
    }
}

/// [`parse_amount`] of a workbook's cell, which also refuses an amount beyond what a quote accepts
/// ([`coutcontrat::money::MAX_AMOUNT_EUROS`]): bug 4 of issue 17, a cell of 1e28 imported, then every quote on
/// its row panicked.
#[cfg(feature = "import")]
pub(crate) fn parse_cell_amount(raw: &str) -> std::result::Result<Option<Decimal>, String> {
    let value = parse_amount(raw)?;
    match value {
        Some(v) if !within_amount_limit(v) => Err(beyond_limit(raw)),
        _ => Ok(value),
    }
}

/// What to say of an amount beyond [`coutcontrat::money::MAX_AMOUNT_EUROS`].
fn beyond_limit(raw: &str) -> String {
    format!(
        "« {} » dépasse {}, le plus grand montant qu'un devis accepte (un NPEC annuel est de l'ordre de 4 000 à \
         12 000 €) : corrigez le montant ou téléchargez le classeur à nouveau",
        quoted(raw),
        amount_limit_text()
    )
}

// --- manifest.toml -------------------------------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawManifest {
    tag: String,
    published: toml::value::Datetime,
    applies_from: toml::value::Datetime,
    applies_until: Option<toml::value::Datetime>,
    source_file: String,
    source_sha256: Option<String>,
    #[serde(default)]
    legal_basis: String,
    synthetic: bool,
    coverage: Option<String>,
    #[serde(default)]
    note: String,
    rows: usize,
    mapping_pairs: Option<usize>,
}

/// Line and column (1-based) of a byte offset.
fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line as u32, col as u32)
}

fn manifest_date(file: &str, text: &str, key: &str, value: toml::value::Datetime) -> Result<Date> {
    let bad = |what: &str| {
        let offset = text.find(&format!("{key} =")).unwrap_or(0);
        let (line, _) = line_col(text, offset);
        Error::new(
            ErrorKind::Format,
            file,
            format!("`{key}` {what} : écrivez une date sans guillemets, AAAA-MM-JJ"),
        )
        .at(line, "1")
    };
    if value.time.is_some() || value.offset.is_some() {
        return Err(bad("doit être une date seule"));
    }
    let d = value.date.ok_or_else(|| bad("n'est pas une date"))?;
    Date::new(d.year as i16, d.month as i8, d.day as i8).map_err(|_| bad("n'existe pas"))
}

/// Parses a `manifest.toml`; errors name the file, line and column.
///
/// ```
/// use coutcontrat_referentiel::parse_manifest;
/// let m = parse_manifest("tag = \"v1\"\npublished = 2024-07-18\napplies_from = 2024-07-15\n\
///     source_file = \"x.xlsx\"\nsynthetic = false\nrows = 0\n", "manifest.toml").unwrap();
/// assert_eq!(m.tag, "v1");
/// let err = parse_manifest("tag = \"v1\"\npublished = 2024-02-30\n", "manifest.toml").unwrap_err();
/// assert_eq!(err.row, Some(2));
/// ```
pub fn parse_manifest(text: &str, file: &str) -> Result<Manifest> {
    let raw: RawManifest = toml::from_str(text).map_err(|e| {
        let mut err = Error::new(
            ErrorKind::Format,
            file,
            // The parser's message may repeat a value of the file.
            format!(
                "manifeste illisible : {}",
                printable(&clip(e.message().trim(), 200))
            ),
        );
        if let Some(span) = e.span() {
            let (line, col) = line_col(text, span.start);
            err = err.at(line, col.to_string());
        }
        err
    })?;
    if raw.tag.trim().is_empty() {
        return Err(Error::new(
            ErrorKind::Format,
            file,
            "`tag` est vide : indiquez l'étiquette de version",
        ));
    }
    let coverage = match raw.coverage.as_deref() {
        None => None,
        Some("complete") => Some(Coverage::Complete),
        Some("partial") => Some(Coverage::Partial),
        Some(other) => {
            let offset = text.find("coverage =").unwrap_or(0);
            let (line, _) = line_col(text, offset);
            return Err(Error::new(
                ErrorKind::Format,
                file,
                format!(
                    "`coverage` vaut « {} » : écrivez \"complete\" (le classeur officiel entier, importé avec son \
                     SHA-256) ou \"partial\" (un extrait)",
                    quoted(other)
                ),
            )
            .at(line, "1"));
        }
    };
    Ok(Manifest {
        coverage,
        published: manifest_date(file, text, "published", raw.published)?,
        applies_from: manifest_date(file, text, "applies_from", raw.applies_from)?,
        applies_until: raw
            .applies_until
            .map(|d| manifest_date(file, text, "applies_until", d))
            .transpose()?,
        tag: raw.tag,
        source_file: raw.source_file,
        source_sha256: raw.source_sha256,
        legal_basis: raw.legal_basis,
        synthetic: raw.synthetic,
        note: raw.note,
        rows: raw.rows,
        mapping_pairs: raw.mapping_pairs,
    })
}

/// The data warning of a manifest that does not say its coverage (D20: read as partial).
pub(crate) fn no_coverage(file: &str) -> String {
    format!(
        "{file} : pas de `coverage` ; l'édition est lue comme un extrait (\"partial\") : ajoutez coverage = \
         \"partial\", ou \"complete\" pour le classeur officiel entier"
    )
}

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Renders a `manifest.toml` (fields in a fixed order, so that a change reads as a diff).
pub fn render_manifest(m: &Manifest) -> String {
    let mut out = String::new();
    out.push_str("# A version of the NPEC référentiel (coutcontrat-referentiel canonical format; rows in npec.csv).\n");
    let _ = writeln!(out, "tag = {}", toml_string(&m.tag));
    let _ = writeln!(out, "published = {}", m.published);
    let _ = writeln!(out, "applies_from = {}", m.applies_from);
    if let Some(until) = m.applies_until {
        let _ = writeln!(out, "applies_until = {until}");
    }
    let _ = writeln!(out, "source_file = {}", toml_string(&m.source_file));
    if let Some(sha) = &m.source_sha256 {
        let _ = writeln!(out, "source_sha256 = {}", toml_string(sha));
    }
    let _ = writeln!(out, "legal_basis = {}", toml_string(&m.legal_basis));
    let _ = writeln!(out, "synthetic = {}", m.synthetic);
    if let Some(coverage) = m.coverage {
        let _ = writeln!(out, "coverage = {}", toml_string(coverage.as_str()));
    }
    let _ = writeln!(out, "note = {}", toml_string(&m.note));
    let _ = writeln!(out, "rows = {}", m.rows);
    if let Some(pairs) = m.mapping_pairs {
        let _ = writeln!(out, "mapping_pairs = {pairs}");
    }
    out
}

// --- CSV helpers ---------------------------------------------------------------------------------------------

/// Reads a CSV text, checks its header, and hands each record with its line to `each`.
fn read_csv<F>(text: &str, file: &str, header: &[&str], mut each: F) -> Result<()>
where
    F: FnMut(&csv::StringRecord, u32) -> Result<()>,
{
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut first = true;
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as u32);
            Error::new(ErrorKind::Format, file, format!("CSV illisible : {e}")).line(line)
        })?;
        let line = record.position().map_or(0, |p| p.line() as u32);
        if first {
            first = false;
            let found: Vec<&str> = record.iter().collect();
            let found = match found.first() {
                Some(f) => {
                    let mut v = found.clone();
                    v[0] = f.trim_start_matches('\u{feff}');
                    v
                }
                None => found,
            };
            if found != header {
                let col = found
                    .iter()
                    .zip(header)
                    .position(|(a, b)| a != b)
                    .unwrap_or(found.len().min(header.len()));
                return Err(Error::new(
                    ErrorKind::Format,
                    file,
                    format!(
                        "en-tête inattendu : attendu `{}`, trouvé `{}`",
                        header.join(","),
                        quoted(&found.join(","))
                    ),
                )
                .at(
                    line,
                    format!("{} ({})", header.get(col).unwrap_or(&"?"), col + 1),
                ));
            }
            continue;
        }
        if record.len() == 1 && record.get(0) == Some("") {
            continue;
        }
        if record.len() != header.len() {
            return Err(Error::new(
                ErrorKind::Format,
                file,
                format!(
                    "{} champs au lieu de {} : vérifiez les virgules et les guillemets",
                    record.len(),
                    header.len()
                ),
            )
            .line(line));
        }
        each(&record, line)?;
    }
    if first {
        return Err(Error::new(
            ErrorKind::Format,
            file,
            format!(
                "fichier vide : la première ligne doit être `{}`",
                header.join(",")
            ),
        ));
    }
    Ok(())
}

fn field_error(file: &str, line: u32, header: &[&str], col: usize, message: String) -> Error {
    Error::new(ErrorKind::Format, file, message).at(line, format!("{} ({})", header[col], col + 1))
}

fn parse_u32_field(file: &str, line: u32, header: &[&str], col: usize, value: &str) -> Result<u32> {
    value.trim().parse::<u32>().map_err(|_| {
        field_error(
            file,
            line,
            header,
            col,
            format!("« {} » n'est pas un code numérique", quoted(value)),
        )
    })
}

fn opt(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_owned())
}

fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new())
}

fn finish(writer: csv::Writer<Vec<u8>>) -> String {
    // Writing to memory cannot fail, and every field is a Rust string (valid UTF-8).
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

// --- npec.csv ------------------------------------------------------------------------------------------------

/// Parses a `npec.csv`; errors name the file, line and column.
///
/// ```
/// use coutcontrat_referentiel::parse_npec_csv;
/// let text = "rncp_cell,label,certifier,diploma_type,diploma_code,cpne,cpne_label,amount,amount_raw,status,applicable_from,sheet,line\n\
///             RNCP31946/RNCP36989,Coordonnateur,,TITRE,,2,CNPE,7750,7750,A,2023-10-15,Onglet 3 - référentiel NPEC,7\n";
/// let rows = parse_npec_csv(text, "npec.csv").unwrap();
/// assert_eq!(rows[0].rncp, vec!["RNCP31946", "RNCP36989"]);
/// let err = parse_npec_csv(&text.replace("2023-10-15", "2023-02-30"), "npec.csv").unwrap_err();
/// assert_eq!((err.row, err.column.as_deref()), (Some(2), Some("applicable_from (11)")));
/// ```
pub fn parse_npec_csv(text: &str, file: &str) -> Result<Vec<NpecRow>> {
    parse_npec_csv_checked(text, file, |_| {})
}

/// [`parse_npec_csv`], handing `beyond` a problem for each row whose amount a quote refuses (beyond
/// [`coutcontrat::money::MAX_AMOUNT_EUROS`]): such a row still reads (a quote on it is a `data` error naming
/// it), and `verify` reports it with its line.
pub(crate) fn parse_npec_csv_checked(
    text: &str,
    file: &str,
    mut beyond: impl FnMut(Error),
) -> Result<Vec<NpecRow>> {
    let h = &NPEC_HEADER;
    let mut rows = Vec::new();
    read_csv(text, file, h, |r, line| {
        let cpne = match &r[5] {
            "" => None,
            v => Some(parse_u32_field(file, line, h, 5, v)?),
        };
        let amount = r[7]
            .parse::<Decimal>()
            .ok()
            .filter(|_| !r[7].is_empty())
            .map(|d| d.normalize());
        if !r[7].is_empty() && amount.is_none() {
            return Err(field_error(
                file,
                line,
                h,
                7,
                format!("« {} » n'est pas un nombre", quoted(&r[7])),
            ));
        }
        if amount.is_some_and(|a| !within_amount_limit(a)) {
            beyond(field_error(file, line, h, 7, beyond_limit(&r[7])));
        }
        // A hand edit of one of the two amount columns but not the other is a mistake worth stopping on.
        let from_raw = parse_amount(&r[8]).map_err(|m| field_error(file, line, h, 8, m))?;
        if from_raw != amount {
            return Err(field_error(
                file,
                line,
                h,
                7,
                format!(
                    "`amount` ({}) ne correspond pas à `amount_raw` ({}) : corrigez les deux ensemble",
                    quoted(&r[7]),
                    quoted(&r[8])
                ),
            ));
        }
        let applicable_from = match &r[10] {
            "" => None,
            v => Some(v.parse::<Date>().map_err(|_| {
                field_error(
                    file,
                    line,
                    h,
                    10,
                    format!("« {} » n'est pas une date AAAA-MM-JJ qui existe", quoted(v)),
                )
            })?),
        };
        let origin_line = match &r[12] {
            "" => None,
            v => Some(parse_u32_field(file, line, h, 12, v)?),
        };
        rows.push(NpecRow {
            rncp: split_rncp_cell(&r[0]),
            rncp_cell: r[0].to_owned(),
            diploma_code: opt(&r[4]),
            label: r[1].to_owned(),
            certifier: r[2].to_owned(),
            diploma_type: r[3].to_owned(),
            cpne,
            cpne_label: r[6].to_owned(),
            amount,
            amount_raw: r[8].to_owned(),
            status: r[9].to_owned(),
            applicable_from,
            origin: RowOrigin {
                sheet: r[11].to_owned(),
                line: origin_line,
            },
        });
        Ok(())
    })?;
    Ok(rows)
}

/// True for a row of a wide « global » matrix (as opposed to the long sheet).
pub(crate) fn is_matrix_sheet(sheet: &str) -> bool {
    fold(sheet).contains("global")
}

/// The canonical order of rows: certification cell, code diplôme, CPNE, long sheet before wide matrix, then
/// sheet and line. The sort is stable, so rows that tie (the branches of a 2019 matrix, which have no CPNE
/// code) keep their published order. Long-sheet rows come first because, at an equal rank, the core's lookup
/// takes the first row, and the long sheet carries the status and date.
pub fn sort_rows(rows: &mut [NpecRow]) {
    rows.sort_by(compare_rows);
}

fn compare_rows(a: &NpecRow, b: &NpecRow) -> Ordering {
    a.rncp_cell
        .cmp(&b.rncp_cell)
        .then_with(|| a.diploma_code.cmp(&b.diploma_code))
        .then_with(|| a.cpne.cmp(&b.cpne))
        .then_with(|| is_matrix_sheet(&a.origin.sheet).cmp(&is_matrix_sheet(&b.origin.sheet)))
        .then_with(|| a.origin.sheet.cmp(&b.origin.sheet))
        .then_with(|| a.origin.line.cmp(&b.origin.line))
}

/// Renders rows as `npec.csv`, in the order given (call [`sort_rows`] first for the canonical order).
pub fn render_npec_csv(rows: &[NpecRow]) -> String {
    let mut w = csv_writer();
    let _ = w.write_record(NPEC_HEADER);
    for r in rows {
        let cpne = r.cpne.map(|c| c.to_string()).unwrap_or_default();
        let amount = r
            .amount
            .map(|a| a.normalize().to_string())
            .unwrap_or_default();
        let date = r.applicable_from.map(|d| d.to_string()).unwrap_or_default();
        let line = r.origin.line.map(|l| l.to_string()).unwrap_or_default();
        let _ = w.write_record([
            r.rncp_cell.as_str(),
            &r.label,
            &r.certifier,
            &r.diploma_type,
            r.diploma_code.as_deref().unwrap_or_default(),
            &cpne,
            &r.cpne_label,
            &amount,
            &r.amount_raw,
            &r.status,
            &date,
            &r.origin.sheet,
            &line,
        ]);
    }
    finish(w)
}

// --- cpne_idcc.csv -------------------------------------------------------------------------------------------

/// Parses a `cpne_idcc.csv` (`cpne,idcc`).
pub fn parse_cpne_idcc_csv(text: &str, file: &str) -> Result<Vec<CpneIdcc>> {
    let h = &CPNE_IDCC_HEADER;
    let mut pairs = Vec::new();
    read_csv(text, file, h, |r, line| {
        pairs.push(CpneIdcc {
            cpne: parse_u32_field(file, line, h, 0, &r[0])?,
            idcc: parse_u32_field(file, line, h, 1, &r[1])?,
        });
        Ok(())
    })?;
    Ok(pairs)
}

/// Renders a mapping as `cpne_idcc.csv`, sorted by CPNE then IDCC.
pub fn render_cpne_idcc_csv(pairs: &[CpneIdcc]) -> String {
    let mut sorted: Vec<&CpneIdcc> = pairs.iter().collect();
    sorted.sort_by_key(|p| (p.cpne, p.idcc));
    sorted.dedup();
    let mut w = csv_writer();
    let _ = w.write_record(CPNE_IDCC_HEADER);
    for p in sorted {
        let _ = w.write_record([p.cpne.to_string(), p.idcc.to_string()]);
    }
    finish(w)
}

// --- branches ------------------------------------------------------------------------------------------------

/// Parses `branches/idcc.csv` (`idcc,label,opco`; an empty OPCO is unknown).
pub fn parse_idcc_csv(text: &str, file: &str) -> Result<Vec<IdccInfo>> {
    let h = &IDCC_HEADER;
    let mut out = Vec::new();
    read_csv(text, file, h, |r, line| {
        out.push(IdccInfo {
            idcc: parse_u32_field(file, line, h, 0, &r[0])?,
            label: r[1].to_owned(),
            opco: opt(&r[2]),
        });
        Ok(())
    })?;
    Ok(out)
}

/// Renders `branches/idcc.csv`, sorted by IDCC.
pub fn render_idcc_csv(list: &[IdccInfo]) -> String {
    let mut sorted: Vec<&IdccInfo> = list.iter().collect();
    sorted.sort_by_key(|i| i.idcc);
    let mut w = csv_writer();
    let _ = w.write_record(IDCC_HEADER);
    for i in sorted {
        let _ = w.write_record([
            i.idcc.to_string().as_str(),
            &i.label,
            i.opco.as_deref().unwrap_or_default(),
        ]);
    }
    finish(w)
}

/// Parses `branches/cpne.csv` (`cpne,label,version`).
pub fn parse_cpne_csv(text: &str, file: &str) -> Result<Vec<CpneEntry>> {
    let h = &CPNE_HEADER;
    let mut out = Vec::new();
    read_csv(text, file, h, |r, line| {
        out.push(CpneEntry {
            cpne: parse_u32_field(file, line, h, 0, &r[0])?,
            label: r[1].to_owned(),
            version: r[2].to_owned(),
        });
        Ok(())
    })?;
    Ok(out)
}

/// Parses `renewals/rncp.csv` (`old,new,source`: `old` was replaced by `new`, as `source` says; D20).
///
/// ```
/// use coutcontrat_referentiel::format::parse_renewals_csv;
/// let list = parse_renewals_csv("old,new,source\nRNCP35393,RNCP41000,fc-export-2026-02-01\n", "r").unwrap();
/// assert_eq!((list[0].old.as_str(), list[0].new.as_str()), ("RNCP35393", "RNCP41000"));
/// assert!(parse_renewals_csv("old,new,source\nRNCP1,BTS,x\n", "r").is_err());
/// ```
pub fn parse_renewals_csv(text: &str, file: &str) -> Result<Vec<Renewal>> {
    let h = &RENEWALS_HEADER;
    let mut out = Vec::new();
    read_csv(text, file, h, |r, line| {
        let code = |col: usize| {
            normalize_rncp(&r[col]).ok_or_else(|| {
                field_error(
                    file,
                    line,
                    h,
                    col,
                    format!(
                        "« {} » n'est pas un code RNCP (RNCP suivi de chiffres)",
                        quoted(&r[col])
                    ),
                )
            })
        };
        if r[2].trim().is_empty() {
            return Err(field_error(
                file,
                line,
                h,
                2,
                "source vide : chaque ligne dit d'où vient le lien (fiche RNCP ou classeur publié)"
                    .into(),
            ));
        }
        out.push(Renewal {
            old: code(0)?,
            new: code(1)?,
            source: r[2].to_owned(),
        });
        Ok(())
    })?;
    Ok(out)
}

/// Renders `branches/cpne.csv` in the order given.
pub fn render_cpne_csv(list: &[CpneEntry]) -> String {
    let mut w = csv_writer();
    let _ = w.write_record(CPNE_HEADER);
    for e in list {
        let _ = w.write_record([e.cpne.to_string().as_str(), &e.label, &e.version]);
    }
    finish(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn version() -> TableVersion {
        let mut row = NpecRow::simple(
            "RNCP1002",
            "Mise en oeuvre, « caoutchoucs »\nélastomères",
            2,
            "9497",
            date(2024, 7, 15),
        );
        row.status = "A".into();
        row.origin = RowOrigin {
            sheet: "Onglet 3 - référentiel NPEC".into(),
            line: Some(5),
        };
        let mut nc = NpecRow::simple("RNCP1002", "x", 4, "NC", date(2023, 10, 15));
        nc.amount = None;
        TableVersion {
            tag: "v_18.07.2024".into(),
            published: date(2024, 7, 18),
            applies_from: date(2024, 7, 15),
            applies_until: None,
            source_file: "R\"é\".xlsx".into(),
            source_sha256: Some("ab".into()),
            legal_basis: "Décret n° 2024-695 du 5 juillet 2024".into(),
            synthetic: false,
            coverage: Default::default(),
            note: "ligne 1\nligne \"2\"\\".into(),
            rows: vec![row, nc],
            mapping: Some(vec![CpneIdcc { cpne: 2, idcc: 478 }]),
        }
    }

    #[test]
    fn manifest_and_rows_round_trip() {
        let v = version();
        let m = Manifest::of(&v);
        let text = render_manifest(&m);
        assert_eq!(parse_manifest(&text, "m").unwrap(), m);
        // D20: `coverage` is written, read back, absent reads as `None` (partial), another word is refused.
        assert!(text.contains("coverage = \"partial\"\n"), "{text}");
        let complete = text.replace("\"partial\"", "\"complete\"");
        assert_eq!(
            parse_manifest(&complete, "m").unwrap().coverage,
            Some(Coverage::Complete)
        );
        let absent = text.replace("coverage = \"partial\"\n", "");
        assert_eq!(parse_manifest(&absent, "m").unwrap().coverage, None);
        let e = parse_manifest(&text.replace("\"partial\"", "\"entier\""), "m").unwrap_err();
        assert_eq!(e.row, Some(9), "{e}");
        assert!(e.to_string().contains("« entier »"), "{e}");
        let csv = render_npec_csv(&v.rows);
        assert_eq!(parse_npec_csv(&csv, "n").unwrap(), v.rows);
        let map = render_cpne_idcc_csv(v.mapping.as_deref().unwrap());
        assert_eq!(parse_cpne_idcc_csv(&map, "c").unwrap(), v.mapping.unwrap());
    }

    #[test]
    fn errors_name_line_and_column() {
        let csv = render_npec_csv(&version().rows);
        let bad = csv.replace(",2,", ",deux,");
        let e = parse_npec_csv(&bad, "npec.csv").unwrap_err();
        assert_eq!(e.row, Some(2));
        assert_eq!(e.column.as_deref(), Some("cpne (6)"));
        assert!(
            e.to_string()
                .starts_with("npec.csv, ligne 2, colonne cpne (6) : « deux »"),
            "{e}"
        );

        let bad = csv.replace("9497,9497", "9497,9479");
        let e = parse_npec_csv(&bad, "npec.csv").unwrap_err();
        assert_eq!(e.column.as_deref(), Some("amount (8)"));

        let bad = csv.replacen("rncp_cell,label", "rncp,label", 1);
        let e = parse_npec_csv(&bad, "npec.csv").unwrap_err();
        assert_eq!(
            (e.row, e.column.as_deref()),
            (Some(1), Some("rncp_cell (1)"))
        );

        let e = parse_manifest(
            "tag = \"v\"\npublished = 2024-07-18\nfoo = 1\n",
            "manifest.toml",
        )
        .unwrap_err();
        assert_eq!(e.row, Some(3), "{e}");
        let e = parse_manifest("tag = \"v\"\npublished = \"2024-07-18\"\n", "manifest.toml")
            .unwrap_err();
        assert_eq!(e.row, Some(2), "{e}");
    }

    #[test]
    fn amounts_as_published() {
        assert_eq!(
            parse_amount("6079.3333").unwrap().unwrap().to_string(),
            "6079.3333"
        );
        assert_eq!(
            parse_amount("9 497 €").unwrap().unwrap().to_string(),
            "9497"
        );
        assert_eq!(
            parse_amount("10207,50").unwrap().unwrap().to_string(),
            "10207.5"
        );
        assert_eq!(parse_amount("NR").unwrap(), None);
        assert!(parse_amount("-5").is_err());
    }

    #[test]
    fn rows_sort_long_sheet_first() {
        let mut a = NpecRow::simple("RNCP1002", "x", 2, "9497", date(2024, 7, 15));
        a.origin.sheet = "Onglet 2 - global".into();
        let mut b = a.clone();
        b.origin.sheet = "Onglet 3 - référentiel NPEC".into();
        let mut rows = vec![a, b];
        sort_rows(&mut rows);
        assert_eq!(rows[0].origin.sheet, "Onglet 3 - référentiel NPEC");
    }
}
