//! The importer of the official France compétences workbook (`.xlsx`, `.xlsb`, or a `.zip` holding one),
//! for every layout of REFERENTIEL.md § 3, detected by sheet names and header texts.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use calamine::{open_workbook_auto_from_rs, Data, Range, Reader, Sheets};
use coutcontrat::referentiel::fold;
use coutcontrat::referentiel::{split_rncp_cell, CpneIdcc, NpecRow, RowOrigin, TableVersion};
use jiff::civil::Date;
use sha2::{Digest, Sha256};

use crate::dataset::{load_version_dir, version_dir, version_dirs, write_version_store};
use crate::diff::VersionDiff;
use crate::error::{Error, ErrorKind, Result};
use crate::format::{parse_amount, parse_manifest};
use crate::store::{self, CRow, RowStore};

mod stream;

/// What to do with the cells of the wide « Onglet 2 - global » matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MatrixRows {
    /// Keep every cell as a row (no date of its own: the version's date applies, D12).
    All,
    /// Keep only the cells whose (certification, CPNE) pair the long sheet lacks (default): a complete
    /// official file then gives the long sheet alone, with its statuses and dates, and no duplicates.
    #[default]
    FillGaps,
    /// Ignore the matrix.
    Skip,
}

/// Choices and corrections for an import; every field is optional.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The version tag, instead of the last line of « Me lire ».
    pub tag: Option<String>,
    /// The publication date, instead of the date the tag spells (`v_18.07.2024` → 2024-07-18).
    pub published: Option<Date>,
    /// The first date of conclusion, instead of the date of the « Me lire » title (or the publication date).
    pub applies_from: Option<Date>,
    /// The last date of conclusion, when a later edition replaced it.
    pub applies_until: Option<Date>,
    /// The legal basis, instead of the first decree « Me lire » cites.
    pub legal_basis: Option<String>,
    /// A note, instead of the generated one.
    pub note: Option<String>,
    /// The source file name to record, instead of the name of the file read.
    pub source_file: Option<String>,
    /// The wide matrix.
    pub matrix: MatrixRows,
    /// Replace a version of the same tag imported from another file (otherwise refused: a version is never
    /// silently replaced, see [`crate::integrity`]).
    pub replace: bool,
}

/// The workbook layouts (REFERENTIEL.md § 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Layout {
    /// 2019-09: code diplôme and CPNE labels only (« Onglet 3 - par formation-CPNE »).
    Sept2019,
    /// 2019-10, 2020-04, 2020-08: code diplôme, CPNE code and IDCC.
    Oct2019,
    /// 2020-10: one « Code diplôme/Code RNCP » column.
    Oct2020,
    /// 2021-02: code diplôme and RNCP (« Onglet 2 - par formation-CPNE »).
    Feb2021,
    /// 2021-03: a « Valeur historisée ("H") » column first.
    Mar2021,
    /// 2021-10 → 2022-07: « Onglet 3a - référentiel NPEC » and « Onglet 3b - NPEC historisées », by procedure year.
    Oct2021,
    /// 2022-09: RNCP key, « procédure » column.
    Sept2022,
    /// 2023-09 onwards: « Onglet 3 - référentiel NPEC » with a date per row, « Onglet 4 - CPNE-IDCC ».
    Current,
}

impl Layout {
    /// A short French description.
    pub fn describe(self) -> &'static str {
        match self {
            Layout::Sept2019 => "septembre 2019 (code diplôme, libellés de CPNE)",
            Layout::Oct2019 => "octobre 2019 – août 2020 (code diplôme, code CPNE, IDCC)",
            Layout::Oct2020 => "octobre 2020 (code diplôme/code RNCP)",
            Layout::Feb2021 => "février 2021 (code diplôme et code RNCP)",
            Layout::Mar2021 => "mars 2021 (valeurs historisées)",
            Layout::Oct2021 => "octobre 2021 – juillet 2022 (onglets 3a/3b, année de procédure)",
            Layout::Sept2022 => "septembre 2022 (clé RNCP, procédure)",
            Layout::Current => "2023 et suivantes (clé RNCP, date d'applicabilité par ligne)",
        }
    }
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// The result of reading a workbook.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The version, with its mapping attached only when judged complete.
    pub version: TableVersion,
    /// The layout detected.
    pub layout: Layout,
    /// Every CPNE → IDCC pair the workbook gives (mapping sheets, IDCC columns, the 2019 matrix header).
    pub mapping_read: Vec<CpneIdcc>,
    /// Whether that mapping covers the workbook's CPNE well enough to be attached to the version.
    pub mapping_complete: bool,
    /// Things worth telling the user (rows skipped, an incomplete mapping…).
    pub warnings: Vec<String>,
}

// --- opening -------------------------------------------------------------------------------------------------

/// The workbook bytes: the file itself, or the one workbook a zip holds.
fn workbook_bytes<'a>(file: &str, bytes: &'a [u8]) -> Result<Cow<'a, [u8]>> {
    if !bytes.starts_with(b"PK") {
        return Ok(Cow::Borrowed(bytes));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        Error::new(
            ErrorKind::Unreadable,
            file,
            format!("archive zip illisible ({e}) : téléchargez le fichier à nouveau"),
        )
    })?;
    let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
    if names
        .iter()
        .any(|n| n == "xl/workbook.xml" || n == "xl/workbook.bin")
    {
        return Ok(Cow::Borrowed(bytes));
    }
    let inner: Vec<&String> = names
        .iter()
        .filter(|n| {
            let lower = n.to_ascii_lowercase();
            (lower.ends_with(".xlsx") || lower.ends_with(".xlsb") || lower.ends_with(".xlsm"))
                && !lower.starts_with("__macosx/")
                && !lower
                    .rsplit('/')
                    .next()
                    .unwrap_or_default()
                    .starts_with("~$")
        })
        .collect();
    match inner.as_slice() {
        [one] => {
            let mut entry = zip.by_name(one).map_err(|e| {
                Error::new(ErrorKind::Unreadable, file, format!("« {one} » illisible dans l'archive : {e}"))
            })?;
            let mut out = Vec::new();
            entry.read_to_end(&mut out).map_err(|e| {
                Error::new(ErrorKind::Unreadable, file, format!("« {one} » illisible dans l'archive : {e}"))
            })?;
            Ok(Cow::Owned(out))
        }
        [] => Err(Error::new(
            ErrorKind::Unreadable,
            file,
            "l'archive zip ne contient aucun classeur .xlsx ou .xlsb : importez le fichier du référentiel lui-même",
        )),
        many => Err(Error::new(
            ErrorKind::UnknownWorkbook,
            file,
            format!(
                "l'archive contient plusieurs classeurs ({}) : décompressez-la et importez celui du référentiel",
                many.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
            ),
        )),
    }
}

type Book<'a> = Sheets<Cursor<&'a [u8]>>;

/// A sheet in memory with 1-based rows and 0-based columns, as the messages count them.
struct Grid {
    name: String,
    range: Range<Data>,
}

const EMPTY: Data = Data::Empty;

impl Grid {
    fn read(book: &mut Book<'_>, file: &str, name: &str) -> Result<Grid> {
        let unreadable = |e: String| Error::new(ErrorKind::Unreadable, file, e).sheet(name);
        // Cell by cell, so that a stray cell far from the data is refused before the grid is allocated.
        let mut cells = Vec::new();
        let range = match book {
            Sheets::Xlsx(x) => {
                let mut reader = x
                    .worksheet_cells_reader(name)
                    .map_err(|e| unreadable(format!("onglet illisible : {e}")))?;
                while let Some(c) = reader
                    .next_cell()
                    .map_err(|e| unreadable(format!("onglet illisible : {e}")))?
                {
                    let d = Data::from(c.get_value().clone());
                    if d != Data::Empty {
                        cells.push(calamine::Cell::new(c.get_position(), d));
                    }
                }
                crate::xlsx::range_of(cells).map_err(unreadable)?
            }
            Sheets::Xlsb(x) => {
                let mut reader = x
                    .worksheet_cells_reader(name)
                    .map_err(|e| unreadable(format!("onglet illisible : {e}")))?;
                while let Some(c) = reader
                    .next_cell()
                    .map_err(|e| unreadable(format!("onglet illisible : {e}")))?
                {
                    let d = Data::from(c.get_value().clone());
                    if d != Data::Empty {
                        cells.push(calamine::Cell::new(c.get_position(), d));
                    }
                }
                crate::xlsx::range_of(cells).map_err(unreadable)?
            }
            _ => book
                .worksheet_range(name)
                .map_err(|e| unreadable(format!("onglet illisible : {e}")))?,
        };
        Ok(Grid {
            name: name.to_owned(),
            range,
        })
    }

    fn get(&self, row: u32, col: u32) -> &Data {
        if row == 0 {
            return &EMPTY;
        }
        self.range.get_value((row - 1, col)).unwrap_or(&EMPTY)
    }

    fn text(&self, row: u32, col: u32) -> String {
        cell_text(self.get(row, col))
    }

    /// The last row with a cell (1-based; 0 when empty).
    fn last_row(&self) -> u32 {
        self.range.end().map_or(0, |(r, _)| r + 1)
    }

    /// One past the last column with a cell.
    fn width(&self) -> u32 {
        self.range.end().map_or(0, |(_, c)| c + 1)
    }

    fn error(
        &self,
        kind: ErrorKind,
        file: &str,
        row: u32,
        col: u32,
        message: impl Into<String>,
    ) -> Error {
        Error::new(kind, file, message)
            .sheet(&self.name)
            .at(row, col_letter(col))
    }
}

/// `0` → `A`, `26` → `AA`.
fn col_letter(col: u32) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = ((n - 1) % 26) as u8;
        out.push(b'A' + r);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_owned(),
        // `{}` of an f64 is the shortest text that reads back the same: 6079.3333 stays 6079.3333.
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => format!("{}", dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.trim().to_owned(),
        Data::Error(e) => format!("#{e}"),
    }
}

/// A code cell (CPNE, IDCC) as a number.
fn cell_code(d: &Data) -> Option<u32> {
    match d {
        Data::Int(i) => u32::try_from(*i).ok(),
        Data::Float(f) if f.fract() == 0.0 && *f >= 0.0 && *f <= f64::from(u32::MAX) => {
            Some(*f as u32)
        }
        Data::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The dates a NPEC row can plausibly carry; anything else is a typo or a number read as a date.
fn plausible(d: Date) -> bool {
    (2000..=2100).contains(&d.year())
}

fn excel_serial_date(serial: f64) -> Option<Date> {
    if !serial.is_finite() || !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    // Serial 60 is Excel's phantom 1900-02-29; from 61 on, day 0 is 1899-12-30.
    if days == 60 {
        return None;
    }
    let base = if days < 60 {
        jiff::civil::date(1899, 12, 31)
    } else {
        jiff::civil::date(1899, 12, 30)
    };
    base.checked_add(jiff::Span::new().days(days)).ok()
}

fn text_date(text: &str) -> Option<Date> {
    let head = text.split([' ', 'T']).next().unwrap_or_default();
    let parts: Vec<&str> = head.split(['/', '.', '-']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let num = |s: &str| s.parse::<i32>().ok();
    let (y, m, d) = if a.len() == 4 {
        (num(a)?, num(b)?, num(c)?)
    } else {
        let y = num(c)?;
        (if c.len() == 2 { 2000 + y } else { y }, num(b)?, num(a)?)
    };
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// A date cell: an Excel date, a serial number, or text (`15/07/2024`, `2024-07-15`); on error, what to say.
fn date_value(d: &Data) -> std::result::Result<Option<Date>, String> {
    let found = match d {
        Data::Empty => return Ok(None),
        Data::String(s) if s.trim().is_empty() => return Ok(None),
        Data::DateTime(dt) => {
            let (y, m, day, ..) = dt.to_ymd_hms_milli();
            if dt.as_f64() < 1.0 {
                None
            } else {
                Date::new(y as i16, m as i8, day as i8).ok()
            }
        }
        Data::Float(f) => excel_serial_date(*f),
        Data::Int(i) => excel_serial_date(*i as f64),
        Data::DateTimeIso(s) | Data::String(s) => text_date(s.trim()),
        _ => None,
    };
    match found {
        Some(date) if plausible(date) => Ok(Some(date)),
        Some(date) => Err(format!(
            "la date d'applicabilité « {} » se lit {date}, hors de 2000–2100 : saisissez une date JJ/MM/AAAA",
            cell_text(d)
        )),
        None => Err(format!(
            "« {} » n'est pas une date qui existe : saisissez une date JJ/MM/AAAA (ou une date Excel)",
            cell_text(d)
        )),
    }
}

fn cell_date(grid: &Grid, file: &str, row: u32, col: u32) -> Result<Option<Date>> {
    date_value(grid.get(row, col))
        .map_err(|msg| grid.error(ErrorKind::InvalidDate, file, row, col, msg))
}

/// IDCC cells: `478`, `627, 749, 771`, `NA` (no IDCC).
fn parse_idcc_list(text: &str) -> std::result::Result<Vec<u32>, String> {
    let t = text.trim();
    if t.is_empty()
        || matches!(
            t.to_ascii_uppercase().as_str(),
            "NA" | "N.A." | "N/A" | "NC" | "-"
        )
    {
        return Ok(Vec::new());
    }
    t.split([',', ';', '/', '\n', ' '])
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            s.trim()
                .parse::<f64>()
                .ok()
                .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f < 100_000.0)
                .map(|f| f as u32)
                .ok_or_else(|| {
                    format!("« {s} » n'est pas un code IDCC (attendu 1 à 4 chiffres, ou NA)")
                })
        })
        .collect()
}

// --- « Me lire » ---------------------------------------------------------------------------------------------

struct Readme {
    lines: Vec<String>,
}

fn norm_sheet(name: &str) -> String {
    fold(name).chars().filter(|c| !c.is_whitespace()).collect()
}

/// A header cell reduced to its words: accents, case, footnote marks and the parenthesised notes dropped.
fn norm_header(text: &str) -> String {
    let folded = fold(text);
    let cut = folded.split(['\n', '*', '(']).next().unwrap_or_default();
    cut.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn readme_sheet(names: &[String]) -> Option<&String> {
    names
        .iter()
        .find(|n| matches!(norm_sheet(n).as_str(), "melire" | "lisez-moi" | "lisezmoi"))
}

fn read_readme(book: &mut Book<'_>, file: &str, names: &[String]) -> Result<Option<Readme>> {
    let Some(name) = readme_sheet(names) else {
        return Ok(None);
    };
    let grid = Grid::read(book, file, name)?;
    Ok(Some(readme_of(&grid)))
}

fn readme_of(grid: &Grid) -> Readme {
    let mut lines = Vec::new();
    for row in 1..=grid.last_row() {
        let cells: Vec<String> = (0..grid.width())
            .map(|c| grid.text(row, c))
            .filter(|t| !t.is_empty())
            .collect();
        if !cells.is_empty() {
            lines.push(cells.join(" "));
        }
    }
    Readme { lines }
}

const MONTHS: [&str; 12] = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];

/// Full French dates in a text: `15 juillet 2024`, `1er septembre 2026`.
fn french_dates(text: &str) -> Vec<Date> {
    let words: Vec<String> = fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    let mut out = Vec::new();
    for w in words.windows(3) {
        let day = w[0].strip_suffix("er").unwrap_or(&w[0]).parse::<i8>().ok();
        let month = MONTHS.iter().position(|m| *m == w[1]);
        let year = w[2].parse::<i16>().ok().filter(|_| w[2].len() == 4);
        if let (Some(d), Some(m), Some(y)) = (day, month, year) {
            if let Ok(date) = Date::new(y, m as i8 + 1, d) {
                out.push(date);
            }
        }
    }
    out
}

/// The date a version tag spells: `v_18.07.2024`, `v29.01.21`, `v 20191018`, `vMAJ 28.05.2026`.
///
/// ```
/// use coutcontrat_referentiel::import::date_in_tag;
/// use jiff::civil::date;
/// assert_eq!(date_in_tag("v_18.07.2024"), Some(date(2024, 7, 18)));
/// assert_eq!(date_in_tag("v29.01.21"), Some(date(2021, 1, 29)));
/// assert_eq!(date_in_tag("v 20191018"), Some(date(2019, 10, 18)));
/// assert_eq!(date_in_tag("v_nov2020"), None);
/// ```
pub fn date_in_tag(tag: &str) -> Option<Date> {
    let mut found = None;
    for token in tag.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '/' || c == '-')) {
        let token = token.trim_matches(|c: char| !c.is_ascii_digit());
        if token.len() == 8 && token.bytes().all(|b| b.is_ascii_digit()) {
            let n = |r: std::ops::Range<usize>| token[r].parse::<i32>().ok();
            if let (Some(y), Some(m), Some(d)) = (n(0..4), n(4..6), n(6..8)) {
                if let Ok(date) = Date::new(y as i16, m as i8, d as i8) {
                    found = Some(date);
                }
            }
        } else if let Some(date) = text_date(token).filter(|d| plausible(*d)) {
            found = Some(date);
        }
    }
    found
}

/// The first decree « Me lire » cites: `Décret n° 2024-695 du 5 juillet 2024`.
fn legal_basis(lines: &[String]) -> Option<String> {
    for line in lines {
        let Some(pos) = line.find("écret n") else {
            continue;
        };
        let start = line[..pos].char_indices().last().map_or(pos, |(i, _)| i);
        let mut words: Vec<&str> = Vec::new();
        let mut after_du = false;
        // Up to the year of the date that follows « du ».
        for word in line[start..].split_whitespace().take(12) {
            let core = word.trim_end_matches(|c: char| !c.is_alphanumeric());
            if after_du && core.len() == 4 && core.bytes().all(|b| b.is_ascii_digit()) {
                words.push(core);
                let basis = words.join(" ");
                let mut chars = basis.chars();
                let first = chars
                    .next()
                    .map(|c| c.to_uppercase().collect::<String>())
                    .unwrap_or_default();
                return Some(first + chars.as_str());
            }
            after_du |= word == "du";
            words.push(word);
        }
    }
    None
}

// --- long sheets ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Hist,
    DiplomaCode,
    DiplomaOrRncp,
    Rncp,
    Label,
    Certifier,
    DiplomaType,
    Cpne,
    CpneLabel,
    Idcc,
    Amount,
    Status,
    Date,
    Procedure,
}

struct Col {
    field: Field,
    /// Accepted header texts, as [`norm_header`] reduces them; the first is the one named in messages.
    names: &'static [&'static str],
    /// What the header says in the official file, for messages.
    shown: &'static str,
    required: bool,
}

const fn col(field: Field, shown: &'static str, names: &'static [&'static str]) -> Col {
    Col {
        field,
        names,
        shown,
        required: true,
    }
}

const fn optional(field: Field, shown: &'static str, names: &'static [&'static str]) -> Col {
    Col {
        field,
        names,
        shown,
        required: false,
    }
}

struct LongSpec {
    layout: Layout,
    /// Sheet names as [`norm_sheet`] reduces them; every one present is read.
    sheets: &'static [&'static str],
    header_row: u32,
    cols: &'static [Col],
}

const CODE_FORMATION: &[&str] = &["code la formation", "code formation", "code diplome"];
const CODE_CPNE: &[&str] = &["code cpne"];
const LIBELLE_CPNE: &[&str] = &["libelle cpne", "intitule cpne"];
const IDCC: &[&str] = &["code idcc", "idcc", "code(s) idcc"];
const VALEUR: &[&str] = &["valeur finale"];
const STATUT: &[&str] = &["statut"];
const CERTIF: &[&str] = &[
    "libelle de la certification",
    "libelle dde la certification",
];
const RNCP: &[&str] = &["code rncp", "rncp"];

const SPECS: &[LongSpec] = &[
    LongSpec {
        layout: Layout::Current,
        sheets: &["onglet3-referentielnpec"],
        header_row: 4,
        cols: &[
            col(Field::Rncp, "RNCP", RNCP),
            col(
                Field::Label,
                "Libellé de la formation",
                &["libelle de la formation"],
            ),
            col(Field::Certifier, "Certificateur*", &["certificateur"]),
            col(
                Field::DiplomaType,
                "Type de diplôme",
                &["type de diplome", "libelle du diplome"],
            ),
            col(Field::Cpne, "Code CPNE", CODE_CPNE),
            col(Field::CpneLabel, "CPNE", &["cpne"]),
            col(Field::Amount, "NPEC final", &["npec final"]),
            col(Field::Status, "Statut", STATUT),
            col(
                Field::Date,
                "Date d'applicabilité des NPEC**",
                &["date d'applicabilite des npec", "date d'applicabilite"],
            ),
        ],
    },
    LongSpec {
        layout: Layout::Sept2022,
        sheets: &["onglet3-referentielnpec"],
        header_row: 4,
        cols: &[
            col(Field::Rncp, "Code RNCP", RNCP),
            col(
                Field::Label,
                "Libellé de la formation",
                &["libelle de la formation"],
            ),
            col(Field::Certifier, "Certificateur", &["certificateur"]),
            col(
                Field::DiplomaType,
                "Libellé du Diplôme",
                &["libelle du diplome", "type de diplome"],
            ),
            col(Field::Cpne, "Code CPNE", CODE_CPNE),
            col(Field::CpneLabel, "CPNE", &["cpne"]),
            col(Field::Amount, "NPEC final", &["npec final"]),
            col(Field::Status, "Statut", STATUT),
            col(Field::Procedure, "procédure", &["procedure"]),
        ],
    },
    LongSpec {
        layout: Layout::Oct2021,
        sheets: &["onglet3a-referentielnpec", "onglet3b-npechistorisees"],
        header_row: 3,
        cols: &[
            optional(
                Field::Hist,
                "NPEC historisée (\"H\")",
                &["npec historisee", "valeur historisee"],
            ),
            col(Field::DiplomaCode, "Code diplôme", CODE_FORMATION),
            col(Field::Rncp, "Code RNCP", RNCP),
            col(Field::Label, "Libellé de la certification", CERTIF),
            col(Field::Cpne, "Code CPNE", CODE_CPNE),
            col(Field::CpneLabel, "Libellé CPNE", LIBELLE_CPNE),
            col(Field::Idcc, "IDCC", IDCC),
            col(Field::Amount, "Valeur finale", VALEUR),
            col(Field::Status, "Statut", STATUT),
            col(Field::Procedure, "Procédure", &["procedure"]),
        ],
    },
    LongSpec {
        layout: Layout::Mar2021,
        sheets: &["onglet3-parformation-cpne"],
        header_row: 3,
        cols: &[
            col(
                Field::Hist,
                "Valeur historisée (\"H\")",
                &["valeur historisee", "npec historisee"],
            ),
            col(Field::DiplomaCode, "Code diplôme", CODE_FORMATION),
            col(Field::Rncp, "Code RNCP", RNCP),
            col(Field::Label, "Libellé de la certification", CERTIF),
            col(Field::Cpne, "Code CPNE", CODE_CPNE),
            col(Field::CpneLabel, "Libellé CPNE", LIBELLE_CPNE),
            col(Field::Idcc, "IDCC", IDCC),
            col(Field::Amount, "Valeur finale", VALEUR),
            col(Field::Status, "Statut", STATUT),
        ],
    },
    LongSpec {
        layout: Layout::Feb2021,
        sheets: &["onglet2-parformation-cpne"],
        header_row: 2,
        cols: &[
            col(Field::DiplomaCode, "Code diplôme", CODE_FORMATION),
            col(Field::Rncp, "Code RNCP", RNCP),
            col(Field::Label, "Libellé de la certification", CERTIF),
            col(Field::Cpne, "Code CPNE", CODE_CPNE),
            col(Field::CpneLabel, "Libellé CPNE", LIBELLE_CPNE),
            col(Field::Idcc, "Code IDCC", IDCC),
            col(Field::Amount, "Valeur finale", VALEUR),
            col(Field::Status, "Statut", STATUT),
        ],
    },
    LongSpec {
        layout: Layout::Oct2020,
        sheets: &["onglet3-parformation-cpne"],
        header_row: 2,
        cols: &[
            col(
                Field::DiplomaOrRncp,
                "Code diplôme/Code RNCP",
                &["code diplome/code rncp", "code diplome / code rncp"],
            ),
            col(Field::Label, "Libellé dde la certification", CERTIF),
            col(Field::Cpne, "Code CPNE", CODE_CPNE),
            col(Field::CpneLabel, "Libellé CPNE", LIBELLE_CPNE),
            col(Field::Idcc, "Code IDCC", IDCC),
            col(Field::Amount, "Valeur finale", VALEUR),
            col(Field::Status, "Statut", STATUT),
        ],
    },
    LongSpec {
        layout: Layout::Oct2019,
        sheets: &["onglet3-parformation-cpne"],
        header_row: 2,
        cols: &[
            col(Field::DiplomaCode, "Code la formation", CODE_FORMATION),
            col(
                Field::Label,
                "Libellé de la formation",
                &["libelle de la formation", "libelle du diplome"],
            ),
            col(Field::Cpne, "Code CPNE", CODE_CPNE),
            col(Field::CpneLabel, "Libellé CPNE", LIBELLE_CPNE),
            col(Field::Idcc, "Code IDCC", IDCC),
            col(Field::Amount, "Valeur finale", VALEUR),
            col(Field::Status, "Statut", STATUT),
        ],
    },
    LongSpec {
        layout: Layout::Sept2019,
        sheets: &["onglet3-parformation-cpne"],
        header_row: 2,
        cols: &[
            col(Field::DiplomaCode, "Code la formation", CODE_FORMATION),
            col(
                Field::Label,
                "Libellé de la formation",
                &["libelle de la formation", "libelle du diplome"],
            ),
            col(Field::CpneLabel, "Libellé CPNE", LIBELLE_CPNE),
            col(Field::Amount, "Valeur finale", VALEUR),
            col(Field::Status, "Statut", STATUT),
        ],
    },
];

/// Where each field of a spec sits in a header row.
struct Match {
    row: u32,
    cols: Vec<(Field, Option<u32>)>,
    required_found: usize,
    found: usize,
}

fn match_header(grid: &Grid, spec: &LongSpec, row: u32) -> Match {
    let headers: Vec<String> = (0..grid.width().max(spec.cols.len() as u32))
        .map(|c| norm_header(&grid.text(row, c)))
        .collect();
    let mut used = HashSet::new();
    let mut cols = Vec::new();
    let (mut required_found, mut found) = (0, 0);
    for (i, c) in spec.cols.iter().enumerate() {
        let at = |j: usize| {
            headers
                .get(j)
                .is_some_and(|h| c.names.contains(&h.as_str()))
        };
        // The expected position first; else anywhere in the row (a column inserted or moved).
        let pos = if at(i) && !used.contains(&i) {
            Some(i)
        } else {
            (0..headers.len()).find(|&j| at(j) && !used.contains(&j))
        };
        if let Some(p) = pos {
            used.insert(p);
            found += 1;
            if c.required {
                required_found += 1;
            }
        }
        cols.push((c.field, pos.map(|p| p as u32)));
    }
    Match {
        row,
        cols,
        required_found,
        found,
    }
}

fn best_header(grid: &Grid, spec: &LongSpec) -> Match {
    let mut best: Option<Match> = None;
    for row in 1..=8.min(grid.last_row().max(1)) {
        let m = match_header(grid, spec, row);
        let better = match &best {
            None => true,
            Some(b) => {
                (m.required_found, m.found, m.row == spec.header_row)
                    > (b.required_found, b.found, b.row == spec.header_row)
            }
        };
        if better {
            best = Some(m);
        }
    }
    best.unwrap_or(Match {
        row: spec.header_row,
        cols: Vec::new(),
        required_found: 0,
        found: 0,
    })
}

fn required(spec: &LongSpec) -> usize {
    spec.cols.iter().filter(|c| c.required).count()
}

fn renamed_header_error(grid: &Grid, file: &str, spec: &LongSpec, m: &Match) -> Error {
    let row = if m.found == 0 { spec.header_row } else { m.row };
    let (i, missing) = spec
        .cols
        .iter()
        .enumerate()
        .find(|(i, c)| c.required && m.cols.get(*i).is_none_or(|(_, p)| p.is_none()))
        .unwrap_or((0, &spec.cols[0]));
    let found = grid.text(row, i as u32);
    let found = if found.is_empty() {
        "une cellule vide".to_owned()
    } else {
        format!("« {found} »")
    };
    grid.error(
        ErrorKind::RenamedHeader,
        file,
        row,
        i as u32,
        format!(
            "en-tête {found} où la mise en page {} attend « {} » : rétablissez l'intitulé officiel de la colonne \
             (ou importez le fichier tel que publié par France compétences)",
            spec.layout.describe(),
            missing.shown
        ),
    )
}

struct LongRows {
    rows: Vec<NpecRow>,
    pairs: Vec<CpneIdcc>,
    mapped: BTreeSet<u32>,
    skipped_hist: usize,
    no_year: usize,
    not_rncp: usize,
}

fn procedure_date(text: &str) -> Option<Date> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i16>().ok())
        .find(|y| (2019..=2100).contains(y))
        .and_then(|y| Date::new(y, 9, 1).ok())
}

/// What makes two long-sheet rows the same row but for their IDCC: certification cell, code diplôme, CPNE,
/// raw amount, status, date.
type RowIdentity = (String, String, Option<u32>, String, String, Option<Date>);

fn read_long(grid: &Grid, file: &str, m: &Match, out: &mut LongRows) -> Result<()> {
    let pos = |f: Field| m.cols.iter().find(|(g, _)| *g == f).and_then(|(_, p)| *p);
    let text = |row: u32, f: Field| pos(f).map(|c| grid.text(row, c)).unwrap_or_default();
    let has_date = pos(Field::Procedure).is_some() || pos(Field::Date).is_some();
    let with_idcc = pos(Field::Idcc).is_some();
    // One row per certification × CPNE × IDCC in 2019–2022 files: keep one per certification × CPNE.
    let mut seen: HashSet<RowIdentity> = HashSet::new();
    let used: Vec<u32> = m.cols.iter().filter_map(|(_, p)| *p).collect();
    for row in m.row + 1..=grid.last_row() {
        if used
            .iter()
            .all(|&c| matches!(grid.get(row, c), Data::Empty))
            || used.iter().all(|&c| grid.text(row, c).is_empty())
        {
            continue;
        }
        if !text(row, Field::Hist).is_empty() && !has_date {
            // A superseded value with no date of its own would tie with the current one (REFERENTIEL § 3.3).
            out.skipped_hist += 1;
            continue;
        }
        let (mut rncp_cell, mut diploma_code) =
            (text(row, Field::Rncp), text(row, Field::DiplomaCode));
        let either = text(row, Field::DiplomaOrRncp);
        if !either.is_empty() {
            if either.to_ascii_uppercase().starts_with("RNCP") {
                rncp_cell = either;
            } else {
                diploma_code = either;
            }
        }
        if rncp_cell.is_empty() && diploma_code.is_empty() {
            let c = pos(Field::Rncp)
                .or(pos(Field::DiplomaCode))
                .or(pos(Field::DiplomaOrRncp))
                .unwrap_or(0);
            return Err(grid.error(
                ErrorKind::InvalidValue,
                file,
                row,
                c,
                "ligne sans code de certification (RNCP ou code diplôme) : complétez-le ou supprimez la ligne",
            ));
        }
        let rncp = split_rncp_cell(&rncp_cell);
        if !rncp_cell.is_empty() && rncp.is_empty() {
            out.not_rncp += 1;
        }
        let cpne = match pos(Field::Cpne) {
            None => None,
            Some(c) => match grid.get(row, c) {
                Data::Empty => None,
                d => Some(cell_code(d).ok_or_else(|| {
                    grid.error(
                        ErrorKind::InvalidValue,
                        file,
                        row,
                        c,
                        format!(
                            "« {} » n'est pas un code CPNE : attendu un nombre entier",
                            cell_text(d)
                        ),
                    )
                })?),
            },
        };
        let amount_col = pos(Field::Amount).unwrap_or(0);
        let amount_raw = grid.text(row, amount_col);
        let amount = parse_amount(&amount_raw)
            .map_err(|msg| grid.error(ErrorKind::InvalidAmount, file, row, amount_col, msg))?;
        let applicable_from = match (pos(Field::Date), pos(Field::Procedure)) {
            (Some(c), _) => cell_date(grid, file, row, c)?,
            (None, Some(c)) => {
                let p = grid.text(row, c);
                let d = procedure_date(&p);
                if d.is_none() {
                    out.no_year += 1;
                }
                d
            }
            _ => None,
        };
        let status = text(row, Field::Status);
        if with_idcc {
            let c = pos(Field::Idcc).unwrap_or(0);
            let idccs = parse_idcc_list(&grid.text(row, c))
                .map_err(|msg| grid.error(ErrorKind::InvalidValue, file, row, c, msg))?;
            if let Some(cpne) = cpne {
                out.mapped.insert(cpne);
                out.pairs
                    .extend(idccs.into_iter().map(|idcc| CpneIdcc { cpne, idcc }));
            }
            let key = (
                rncp_cell.clone(),
                diploma_code.clone(),
                cpne,
                amount_raw.clone(),
                status.clone(),
                applicable_from,
            );
            if !seen.insert(key) {
                continue;
            }
        }
        out.rows.push(NpecRow {
            rncp,
            rncp_cell,
            diploma_code: (!diploma_code.is_empty()).then_some(diploma_code),
            label: text(row, Field::Label),
            certifier: text(row, Field::Certifier),
            diploma_type: text(row, Field::DiplomaType),
            cpne,
            cpne_label: text(row, Field::CpneLabel),
            amount,
            amount_raw,
            status,
            applicable_from,
            origin: RowOrigin {
                sheet: grid.name.clone(),
                line: Some(row),
            },
        });
    }
    Ok(())
}

// --- the wide matrix -----------------------------------------------------------------------------------------

struct MatrixRead {
    rows: Vec<NpecRow>,
    codes: BTreeSet<u32>,
    pairs: Vec<CpneIdcc>,
    mapped: BTreeSet<u32>,
}

#[derive(Clone, Copy, PartialEq)]
enum Fixed {
    Code,
    Label,
    Certifier,
    DiplomaType,
}

/// The header of a matrix: fixed columns, branch columns with their codes and labels, the first data row.
struct MatrixHead {
    by_rncp: bool,
    fixed: Vec<(u32, Fixed)>,
    branch_cols: Vec<u32>,
    codes_of: BTreeMap<u32, Option<u32>>,
    labels_of: BTreeMap<u32, String>,
    first_data: u32,
    codes: BTreeSet<u32>,
    pairs: Vec<CpneIdcc>,
    mapped: BTreeSet<u32>,
}

const MATRIX_KEYS: [&str; 5] = [
    "code rncp",
    "rncp",
    "code formation",
    "code la formation",
    "code diplome",
];

fn read_matrix(grid: &Grid, file: &str) -> Result<MatrixRead> {
    let head = matrix_head(grid, file)?;
    let mut out = MatrixRead {
        rows: Vec::new(),
        codes: head.codes.clone(),
        pairs: head.pairs.clone(),
        mapped: head.mapped.clone(),
    };
    let MatrixHead {
        by_rncp,
        fixed,
        branch_cols,
        codes_of,
        labels_of,
        first_data,
        ..
    } = head;
    let fixed_text = |row: u32, kind: Fixed| {
        fixed
            .iter()
            .find(|(_, k)| *k == kind)
            .map(|(c, _)| grid.text(row, *c))
            .unwrap_or_default()
    };
    for row in first_data..=grid.last_row() {
        let code = grid.text(row, 0);
        if code.is_empty() {
            continue;
        }
        let (rncp_cell, diploma_code) = if by_rncp {
            (code, None)
        } else {
            (String::new(), Some(code))
        };
        let rncp = split_rncp_cell(&rncp_cell);
        for &c in &branch_cols {
            let cell = grid.get(row, c);
            if matches!(cell, Data::Empty) {
                continue;
            }
            let amount_raw = cell_text(cell);
            if amount_raw.is_empty() {
                continue;
            }
            let amount = parse_amount(&amount_raw)
                .map_err(|msg| grid.error(ErrorKind::InvalidAmount, file, row, c, msg))?;
            out.rows.push(NpecRow {
                rncp: rncp.clone(),
                rncp_cell: rncp_cell.clone(),
                diploma_code: diploma_code.clone(),
                label: fixed_text(row, Fixed::Label),
                certifier: fixed_text(row, Fixed::Certifier),
                diploma_type: fixed_text(row, Fixed::DiplomaType),
                cpne: codes_of.get(&c).copied().flatten(),
                cpne_label: labels_of.get(&c).cloned().unwrap_or_default(),
                amount,
                amount_raw,
                status: String::new(),
                applicable_from: None,
                origin: RowOrigin {
                    sheet: grid.name.clone(),
                    line: Some(row),
                },
            });
        }
    }
    Ok(out)
}

fn matrix_head(grid: &Grid, file: &str) -> Result<MatrixHead> {
    let key_headers = MATRIX_KEYS;
    let Some(h) = (1..=10.min(grid.last_row()))
        .find(|&r| key_headers.contains(&norm_header(&grid.text(r, 0)).as_str()))
    else {
        return Err(grid.error(
            ErrorKind::RenamedHeader,
            file,
            4,
            0,
            "en-tête de la matrice introuvable : la colonne A doit s'intituler « Code RNCP » (2022 et suivantes) \
             ou « Code formation » (2019) ; rétablissez l'intitulé officiel",
        ));
    };
    let by_rncp = norm_header(&grid.text(h, 0)).contains("rncp");
    let width = grid.width();
    // CPNE columns: numeric codes in the header row (2019-10, 2022+), else labels (2019-09).
    let first_code = (1..width).find(|&c| cell_code(grid.get(h, c)).is_some());
    let mut fixed: Vec<(u32, Fixed)> = vec![(0, Fixed::Code)];
    let branch_cols: Vec<u32>;
    let mut codes_of: BTreeMap<u32, Option<u32>> = BTreeMap::new();
    let mut labels_of: BTreeMap<u32, String> = BTreeMap::new();
    let mut idcc_row = None;
    let first_data;
    match first_code {
        Some(fc) => {
            for c in 1..fc {
                let n = norm_header(&grid.text(h, c));
                let kind = if n.starts_with("certificateur") {
                    Fixed::Certifier
                } else if n.starts_with("type diplome") || n.starts_with("libelle du diplome") {
                    Fixed::DiplomaType
                } else {
                    // « Intitulé de la certification », or in 2019-10 the « Code CPNE » row title above labels.
                    Fixed::Label
                };
                fixed.push((c, kind));
            }
            branch_cols = (fc..width)
                .filter(|&c| cell_code(grid.get(h, c)).is_some())
                .collect();
            for &c in &branch_cols {
                codes_of.insert(c, cell_code(grid.get(h, c)));
            }
            // Title rows under the codes: the IDCC lists (2019-10) and the labels; data start at the first row
            // with a certification code.
            let mut r = h + 1;
            while r <= grid.last_row() && grid.text(r, 0).is_empty() {
                let is_idcc = (0..fc).any(|c| fold(&grid.text(r, c)).contains("idcc"));
                if is_idcc {
                    idcc_row = Some(r);
                } else if labels_of.is_empty() {
                    for &c in &branch_cols {
                        labels_of.insert(c, grid.text(r, c));
                    }
                }
                r += 1;
            }
            first_data = r;
        }
        None => {
            let mut c = 1;
            while c < width {
                let n = norm_header(&grid.text(h, c));
                if n.starts_with("libelle de la formation") || n.starts_with("intitule") {
                    fixed.push((c, Fixed::Label));
                } else if n.starts_with("certificateur") {
                    fixed.push((c, Fixed::Certifier));
                } else if n.starts_with("type diplome") || n.starts_with("libelle du diplome") {
                    fixed.push((c, Fixed::DiplomaType));
                } else {
                    break;
                }
                c += 1;
            }
            branch_cols = (c..width)
                .filter(|&c| !grid.text(h, c).is_empty())
                .collect();
            for &c in &branch_cols {
                codes_of.insert(c, None);
                labels_of.insert(c, grid.text(h, c));
            }
            first_data = h + 1;
        }
    }
    let mut head = MatrixHead {
        by_rncp,
        codes: codes_of.values().flatten().copied().collect(),
        fixed,
        branch_cols,
        codes_of,
        labels_of,
        first_data,
        pairs: Vec::new(),
        mapped: BTreeSet::new(),
    };
    if let Some(r) = idcc_row {
        for &c in &head.branch_cols {
            if let Some(Some(cpne)) = head.codes_of.get(&c) {
                let idccs = parse_idcc_list(&grid.text(r, c))
                    .map_err(|msg| grid.error(ErrorKind::InvalidValue, file, r, c, msg))?;
                head.mapped.insert(*cpne);
                head.pairs
                    .extend(idccs.into_iter().map(|idcc| CpneIdcc { cpne: *cpne, idcc }));
            }
        }
    }
    Ok(head)
}

// --- mapping sheets ------------------------------------------------------------------------------------------

fn read_mapping_sheet(
    grid: &Grid,
    file: &str,
    pairs: &mut Vec<CpneIdcc>,
    mapped: &mut BTreeSet<u32>,
) -> Result<()> {
    let mut header = None;
    for r in 1..=6.min(grid.last_row()) {
        let names: Vec<String> = (0..grid.width())
            .map(|c| norm_header(&grid.text(r, c)))
            .collect();
        let cpne = names.iter().position(|n| n == "code cpne");
        let idcc = names.iter().position(|n| n == "idcc" || n == "code idcc");
        if let (Some(c), Some(i)) = (cpne, idcc) {
            header = Some((r, c as u32, i as u32));
            break;
        }
    }
    let Some((h, cpne_col, idcc_col)) = header else {
        return Err(grid.error(
            ErrorKind::RenamedHeader,
            file,
            3,
            0,
            "en-têtes « Code CPNE » et « IDCC » introuvables : rétablissez les intitulés officiels de l'onglet",
        ));
    };
    for r in h + 1..=grid.last_row() {
        let d = grid.get(r, cpne_col);
        if matches!(d, Data::Empty) {
            continue;
        }
        let cpne = cell_code(d).ok_or_else(|| {
            grid.error(
                ErrorKind::InvalidValue,
                file,
                r,
                cpne_col,
                format!(
                    "« {} » n'est pas un code CPNE : attendu un nombre entier",
                    cell_text(d)
                ),
            )
        })?;
        let idccs = parse_idcc_list(&grid.text(r, idcc_col))
            .map_err(|msg| grid.error(ErrorKind::InvalidValue, file, r, idcc_col, msg))?;
        mapped.insert(cpne);
        pairs.extend(idccs.into_iter().map(|idcc| CpneIdcc { cpne, idcc }));
    }
    Ok(())
}

// --- the whole workbook --------------------------------------------------------------------------------------

/// Reads an official workbook from its bytes; `file_name` names it in messages and the manifest.
pub fn import_bytes(file_name: &str, bytes: &[u8], options: &ImportOptions) -> Result<Imported> {
    read_compact(file_name, bytes, options).map(CompactImport::into_imported)
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>()
}

/// Everything read from a workbook, before it is assembled into a version.
struct Parts {
    layout: Layout,
    main_sheet: String,
    /// The long-sheet rows (and, after assembly, the matrix rows kept).
    store: RowStore,
    skipped_hist: usize,
    no_year: usize,
    not_rncp: usize,
    pairs: Vec<CpneIdcc>,
    mapped: BTreeSet<u32>,
    /// The matrix: its header's codes and mapping, and every cell (ids of `store`).
    matrix: Option<MatrixParts>,
    /// The pairs of the mapping sheets.
    sheet_pairs: Vec<CpneIdcc>,
    sheet_mapped: BTreeSet<u32>,
    readme: Vec<String>,
}

struct MatrixParts {
    codes: BTreeSet<u32>,
    pairs: Vec<CpneIdcc>,
    mapped: BTreeSet<u32>,
    cells: Vec<CRow>,
}

/// A workbook read into compact rows: the version (without its rows) and the rows.
pub(crate) struct CompactImport {
    pub version: TableVersion,
    pub store: RowStore,
    pub layout: Layout,
    pub mapping_read: Vec<CpneIdcc>,
    pub mapping_complete: bool,
    pub warnings: Vec<String>,
}

impl CompactImport {
    fn into_imported(self) -> Imported {
        let mut version = self.version;
        version.rows = self.store.npec_rows();
        Imported {
            version,
            layout: self.layout,
            mapping_read: self.mapping_read,
            mapping_complete: self.mapping_complete,
            warnings: self.warnings,
        }
    }
}

/// Which reader [`import_bytes_via`] uses.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// The streaming reader where it applies, calamine elsewhere (what [`import_bytes`] does).
    Auto,
    /// calamine only.
    Calamine,
    /// The streaming reader only: an error (`unknown_workbook`) where it would leave the file to calamine.
    Stream,
}

/// [`import_bytes`] with a chosen reader, to compare them (tests and benchmarks).
#[doc(hidden)]
pub fn import_bytes_via(
    file: &str,
    bytes: &[u8],
    options: &ImportOptions,
    via: Via,
) -> Result<Imported> {
    let inner = workbook_bytes(file, bytes)?;
    let found = match via {
        Via::Calamine => None,
        Via::Auto | Via::Stream => stream::read(file, &inner, bytes)?,
    };
    let (parts, sha256) = match (found, via) {
        (Some(found), _) => found,
        (None, Via::Stream) => {
            return Err(Error::new(
                ErrorKind::UnknownWorkbook,
                file,
                "le lecteur en flux ne lit pas ce classeur",
            ))
        }
        (None, _) => (read_parts(file, &inner)?, sha256_hex(bytes)),
    };
    assemble(file, parts, sha256, options).map(CompactImport::into_imported)
}

/// Reads a workbook: the streaming reader for the current layout, calamine for the others (and for anything
/// the streaming reader does not expect, so that a damaged file gets calamine's diagnosis).
pub(crate) fn read_compact(
    file: &str,
    bytes: &[u8],
    options: &ImportOptions,
) -> Result<CompactImport> {
    let inner = workbook_bytes(file, bytes)?;
    let started = std::time::Instant::now();
    let (parts, sha256) = match stream::read(file, &inner, bytes)? {
        Some(found) => found,
        None => (read_parts(file, &inner)?, sha256_hex(bytes)),
    };
    trace("read", started);
    let assembled = assemble(file, parts, sha256, options);
    trace("assemble", started);
    assembled
}

/// With `COUTCONTRAT_TRACE` set, the time of each phase of an import on standard error (for benchmarks).
pub(crate) fn trace(phase: &str, since: std::time::Instant) {
    if std::env::var_os("COUTCONTRAT_TRACE").is_some() {
        eprintln!("[import] {phase}: {:.3} s", since.elapsed().as_secs_f64());
    }
}

/// Reads a workbook with calamine, every layout.
fn read_parts(file: &str, inner: &[u8]) -> Result<Parts> {
    let mut book: Book<'_> = open_workbook_auto_from_rs(Cursor::new(inner)).map_err(|e| {
        Error::new(
            ErrorKind::Unreadable,
            file,
            format!("classeur illisible ({e}) : attendu le fichier .xlsx (ou .zip) publié par France compétences"),
        )
    })?;
    let names = book.sheet_names();
    let normalized: Vec<String> = names.iter().map(|n| norm_sheet(n)).collect();
    let sheet_named = |wanted: &str| {
        normalized
            .iter()
            .position(|n| n == wanted)
            .map(|i| names[i].clone())
    };

    // The layout: the first spec (newest first) whose sheet exists and whose header matches completely.
    let mut best: Option<(&LongSpec, Match, String)> = None;
    let mut grids: BTreeMap<String, Grid> = BTreeMap::new();
    for spec in SPECS {
        let Some(name) = sheet_named(spec.sheets[0]) else {
            continue;
        };
        if !grids.contains_key(&name) {
            grids.insert(name.clone(), Grid::read(&mut book, file, &name)?);
        }
        let m = best_header(&grids[&name], spec);
        let complete = m.required_found == required(spec);
        let better = match &best {
            None => true,
            Some((b, bm, _)) => {
                let b_complete = bm.required_found == required(b);
                (complete, m.found, m.required_found) > (b_complete, bm.found, bm.required_found)
            }
        };
        if better {
            best = Some((spec, m, name));
        }
    }
    let Some((spec, m, main_sheet)) = best else {
        let listed = names
            .iter()
            .map(|n| format!("« {n} »"))
            .collect::<Vec<_>>()
            .join(", ");
        let looks_like = normalized
            .iter()
            .any(|n| n.starts_with("onglet") || n == "melire" || n == "lisez-moi");
        let (kind, message) = if looks_like {
            (
                ErrorKind::MissingSheet,
                format!(
                    "aucun onglet de NPEC : attendu « Onglet 3 - référentiel NPEC » (2022 et suivantes) ou \
                     « Onglet 3 - par formation-CPNE » / « Onglet 2 - par formation-CPNE » (2019–2021) ; onglets \
                     présents : {listed}. Importez le référentiel complet tel que publié."
                ),
            )
        } else {
            (
                ErrorKind::UnknownWorkbook,
                format!(
                    "ce classeur n'est pas un référentiel des NPEC de France compétences (onglets : {listed}) : \
                     téléchargez « Référentiel unique des NPEC » sur francecompetences.fr"
                ),
            )
        };
        return Err(Error::new(kind, file, message));
    };
    if m.required_found < required(spec) {
        return Err(renamed_header_error(&grids[&main_sheet], file, spec, &m));
    }
    let layout = spec.layout;

    let mut long = LongRows {
        rows: Vec::new(),
        pairs: Vec::new(),
        mapped: BTreeSet::new(),
        skipped_hist: 0,
        no_year: 0,
        not_rncp: 0,
    };
    read_long(&grids[&main_sheet], file, &m, &mut long)?;
    for other in &spec.sheets[1..] {
        if let Some(name) = sheet_named(other) {
            let grid = Grid::read(&mut book, file, &name)?;
            let m = best_header(&grid, spec);
            if m.required_found < required(spec) {
                return Err(renamed_header_error(&grid, file, spec, &m));
            }
            read_long(&grid, file, &m, &mut long)?;
        }
    }
    let mut store = RowStore::default();
    for r in &long.rows {
        store.push_row(r);
    }
    drop(grids);
    let matrix = match sheet_named("onglet2-global") {
        Some(name) => {
            let grid = Grid::read(&mut book, file, &name)?;
            let m = read_matrix(&grid, file)?;
            let cells = m.rows.iter().map(|r| store.crow_of(r)).collect();
            Some(MatrixParts {
                codes: m.codes,
                pairs: m.pairs,
                mapped: m.mapped,
                cells,
            })
        }
        None => None,
    };
    // Mapping sheets: « Onglet 4 - CPNE-IDCC », « Onglet 5 - IDCC-CPNE », « IDCC-CPNE »…
    let (mut sheet_pairs, mut sheet_mapped) = (Vec::new(), BTreeSet::new());
    for (i, n) in normalized.iter().enumerate() {
        if n.contains("cpne-idcc") || n.contains("idcc-cpne") {
            let grid = Grid::read(&mut book, file, &names[i])?;
            read_mapping_sheet(&grid, file, &mut sheet_pairs, &mut sheet_mapped)?;
        }
    }
    let readme = read_readme(&mut book, file, &names)?;
    Ok(Parts {
        layout,
        main_sheet,
        store,
        skipped_hist: long.skipped_hist,
        no_year: long.no_year,
        not_rncp: long.not_rncp,
        pairs: long.pairs,
        mapped: long.mapped,
        matrix,
        sheet_pairs,
        sheet_mapped,
        readme: readme.map(|r| r.lines).unwrap_or_default(),
    })
}

/// Puts the parts read together: warnings, the matrix cells kept, the mapping, « Me lire » (tag, dates, basis).
fn assemble(
    file: &str,
    parts: Parts,
    sha256: String,
    options: &ImportOptions,
) -> Result<CompactImport> {
    let Parts {
        layout,
        main_sheet,
        mut store,
        skipped_hist,
        no_year,
        not_rncp,
        mut pairs,
        mut mapped,
        matrix,
        sheet_pairs,
        sheet_mapped,
        readme,
    } = parts;
    let mut warnings = Vec::new();
    if skipped_hist > 0 {
        warnings.push(format!(
            "{skipped_hist} ligne(s) « H » (valeurs historisées, sans date) écartée(s) : elles relèvent des versions précédentes"
        ));
    }
    if no_year > 0 {
        warnings.push(format!(
            "{no_year} ligne(s) sans année de procédure lisible : la date de la version s'applique"
        ));
    }
    if not_rncp > 0 {
        warnings.push(format!(
            "{not_rncp} ligne(s) dont le code n'est pas un code RNCP : gardées, mais introuvables par code RNCP"
        ));
    }

    // The wide matrix, when there is one.
    let mut named: BTreeSet<u32> = store
        .rows
        .iter()
        .filter(|r| r.cpne != store::NONE)
        .map(|r| r.cpne)
        .collect();
    let long_count = store.rows.len();
    let mut matrix_count = 0;
    if let Some(matrix) = matrix {
        named.extend(&matrix.codes);
        mapped.extend(&matrix.mapped);
        pairs.extend(matrix.pairs);
        let mut in_long = if options.matrix == MatrixRows::FillGaps {
            store::PairSet::of_rows(&mut store, 0..long_count)
        } else {
            store::PairSet::default()
        };
        for cell in matrix.cells {
            let keep = match options.matrix {
                MatrixRows::All => true,
                MatrixRows::FillGaps => !in_long.contains(&mut store, &cell),
                MatrixRows::Skip => false,
            };
            if keep {
                matrix_count += 1;
                store.push(cell);
            }
        }
    }
    pairs.extend(sheet_pairs);
    mapped.extend(sheet_mapped);
    pairs.sort_by_key(|p| (p.cpne, p.idcc));
    pairs.dedup();
    named.extend(&mapped);
    // A trimmed or partial mapping would hide every IDCC it lacks (D12 takes the edition's mapping first), so it
    // is attached only when it covers most CPNE the workbook names — a real one covers hundreds.
    let mapping_complete = mapped.len() >= 20 && mapped.len() * 2 >= named.len();
    if !pairs.is_empty() && !mapping_complete {
        warnings.push(format!(
            "la correspondance CPNE–IDCC du classeur ne couvre que {} CPNE ({} nommées dans le classeur) : trop \
             partielle, elle n'est pas retenue (la dernière correspondance complète s'appliquera)",
            mapped.len(),
            named.len()
        ));
    }

    // « Me lire »: version tag, dates, legal basis.
    let lines = readme;
    let tag = match (&options.tag, lines.last()) {
        (Some(tag), _) => tag.clone(),
        (None, Some(last)) if last.chars().count() <= 40 => last.trim().to_owned(),
        (None, Some(last)) => {
            return Err(Error::new(
                ErrorKind::UnknownWorkbook,
                file,
                format!(
                    "la dernière ligne de « Me lire » (« {} ») n'est pas une étiquette de version : indiquez la version \
                     (option tag)",
                    last.chars().take(60).collect::<String>()
                ),
            )
            .sheet("Me lire"))
        }
        (None, None) => {
            return Err(Error::new(
                ErrorKind::MissingSheet,
                file,
                "onglet « Me lire » (ou « Lisez-moi ») absent ou vide : sa dernière ligne donne la version ; \
                 indiquez-la (option tag)",
            ))
        }
    };
    let published = match options.published.or_else(|| date_in_tag(&tag)) {
        Some(d) => d,
        None => {
            return Err(Error::new(
                ErrorKind::UnknownWorkbook,
                file,
                format!("l'étiquette « {tag} » ne dit pas la date de publication : indiquez-la (option published)"),
            ))
        }
    };
    // The title (« … applicables au 15 juillet 2024 »); later lines also date the decrees.
    let title_dates: Vec<Date> = lines.first().map(|l| french_dates(l)).unwrap_or_default();
    let applies_from = options
        .applies_from
        .or_else(|| title_dates.iter().min().copied())
        .unwrap_or(published);
    let synthetic = lines
        .iter()
        .chain(std::iter::once(&tag))
        .any(|l| fold(l).contains("synthetique") || fold(l).contains("synthetic"));

    let source_file = options
        .source_file
        .clone()
        .unwrap_or_else(|| file.to_owned());
    let note = options.note.clone().unwrap_or_else(|| {
        let mut note = format!(
            "Importé de {source_file} (mise en page {}) : {long_count} ligne(s) de l'onglet « {} »",
            layout.describe(),
            main_sheet
        );
        if matrix_count > 0 {
            note.push_str(&format!(", {matrix_count} cellule(s) de la matrice « Onglet 2 - global » (sans date propre)"));
        }
        note.push('.');
        note
    });
    let version = TableVersion {
        tag,
        published,
        applies_from,
        applies_until: options.applies_until,
        source_file,
        source_sha256: Some(sha256),
        legal_basis: options
            .legal_basis
            .clone()
            .or_else(|| legal_basis(&lines))
            .unwrap_or_default(),
        synthetic,
        note,
        rows: Vec::new(),
        mapping: mapping_complete.then(|| pairs.clone()),
    };
    Ok(CompactImport {
        version,
        store,
        layout,
        mapping_read: pairs,
        mapping_complete,
        warnings,
    })
}

/// Reads an official workbook (`.xlsx`, `.xlsb`, or a `.zip` holding one).
///
/// ```no_run
/// use coutcontrat_referentiel::import::{import_workbook, ImportOptions};
/// let imported = import_workbook("Referentiel-des-NPEC.xlsx".as_ref(), &ImportOptions::default()).unwrap();
/// println!("{} : {} lignes", imported.version.tag, imported.version.rows.len());
/// ```
pub fn import_workbook(path: &Path, options: &ImportOptions) -> Result<Imported> {
    let (shown, bytes) = read_file(path)?;
    import_bytes(&shown, &bytes, options)
}

/// The name shown in messages, and the bytes of a file.
fn read_file(path: &Path) -> Result<(String, Vec<u8>)> {
    let shown = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let bytes = std::fs::read(path)
        .map_err(|e| Error::io(path.display().to_string(), &e, "lecture impossible"))?;
    Ok((shown, bytes))
}

/// What an import wrote, and what changed since the version before.
#[derive(Debug, Clone)]
pub struct ImportSummary {
    /// The version tag.
    pub tag: String,
    /// The directory written.
    pub directory: PathBuf,
    /// The layout detected.
    pub layout: Layout,
    /// Rows written.
    pub rows: usize,
    /// Distinct certifications (RNCP codes, or codes diplôme in 2019 files).
    pub certifications: usize,
    /// Distinct CPNE codes.
    pub cpne: usize,
    /// Rows whose amount is absent (`NC`, `NR`).
    pub absent_amounts: usize,
    /// Pairs of the mapping attached to the version, if it was complete.
    pub mapping_pairs: Option<usize>,
    /// True when a directory of the same version was replaced.
    pub replaced: bool,
    /// True when the same file was already imported (same tag and SHA-256): nothing was written.
    pub already_imported: bool,
    /// Pair-by-pair differences with the version it replaced, or else the latest earlier one of the directory
    /// (with neither, the version's pairs are counted, not listed).
    pub diff: VersionDiff,
    /// Warnings of the import.
    pub warnings: Vec<String>,
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.already_imported {
            return writeln!(
                f,
                "version {} déjà importée dans {} (même fichier, même empreinte SHA-256) : rien n'a changé",
                self.tag,
                self.directory.display()
            );
        }
        writeln!(
            f,
            "version {} ({}) écrite dans {}",
            self.tag,
            self.layout,
            self.directory.display()
        )?;
        writeln!(
            f,
            "  {} lignes, {} certifications, {} CPNE, {} montants absents (NC/NR)",
            self.rows, self.certifications, self.cpne, self.absent_amounts
        )?;
        match self.mapping_pairs {
            Some(n) => writeln!(f, "  correspondance CPNE–IDCC : {n} paires")?,
            None => writeln!(
                f,
                "  correspondance CPNE–IDCC : non retenue (la dernière complète s'applique)"
            )?,
        }
        let show = |a: Option<rust_decimal::Decimal>| a.map_or("—".to_owned(), |a| a.to_string());
        match &self.diff.previous {
            Some(prev) => writeln!(
                f,
                "  par rapport à {prev} : {} couples ajoutés, {} retirés, {} montants changés",
                self.diff.added.len(),
                self.diff.removed.len(),
                self.diff.changed.len()
            )?,
            None => writeln!(
                f,
                "  aucune version précédente dans ce dossier : {} couples certification × CPNE, tous nouveaux",
                self.diff.pairs
            )?,
        }
        for c in self.diff.changed.iter().take(10) {
            writeln!(
                f,
                "    {} × CPNE {} : {} → {}",
                c.rncp,
                c.cpne,
                show(c.before),
                show(c.after)
            )?;
        }
        for w in &self.warnings {
            writeln!(f, "  attention : {w}")?;
        }
        Ok(())
    }
}

/// Imports an official workbook into a data directory (`data/`): the version is written to
/// `referentiel/<slug>/` (aside, then renamed), and compared with the version it replaces or the latest one
/// published before it.
///
/// ```no_run
/// let summary = coutcontrat_referentiel::import_into("data".as_ref(), "Referentiel-des-NPEC.xlsx".as_ref()).unwrap();
/// print!("{summary}");
/// ```
pub fn import_into(data_dir: &Path, workbook: &Path) -> Result<ImportSummary> {
    import_into_with(data_dir, workbook, &ImportOptions::default())
}

/// [`import_into`] with options.
pub fn import_into_with(
    data_dir: &Path,
    workbook: &Path,
    options: &ImportOptions,
) -> Result<ImportSummary> {
    let (shown, bytes) = read_file(workbook)?;
    let imported = read_compact(&shown, &bytes, options)?;
    drop(bytes);
    let version = &imported.version;
    let store = &imported.store;
    let dir = version_dir(data_dir, version);
    // A tag is one edition: the same file again changes nothing, another file is refused without `replace`.
    let existing = crate::integrity::existing_version(data_dir, version)?;
    let already_imported =
        matches!(existing, crate::integrity::Existing::Same { .. }) && !options.replace;
    let mut stale = None;
    if let crate::integrity::Existing::Different { dir: old, recorded } = &existing {
        if !options.replace {
            return Err(crate::integrity::replacement_refused(
                old,
                version,
                recorded.as_deref(),
            ));
        }
        stale = Some(old.clone()).filter(|old| *old != dir);
    }
    let replaced = dir.exists() && !already_imported;
    let previous = if dir.exists() {
        Some(load_version_dir(&dir)?)
    } else {
        let mut latest: Option<(Date, PathBuf)> = None;
        for d in version_dirs(data_dir)? {
            let path = d.join("manifest.toml");
            let text = std::fs::read_to_string(&path)
                .map_err(|e| Error::io(path.display().to_string(), &e, "lecture impossible"))?;
            let m = parse_manifest(&text, &path.display().to_string())?;
            if m.published <= version.published
                && latest.as_ref().is_none_or(|(p, _)| m.published > *p)
            {
                latest = Some((m.published, d));
            }
        }
        latest.map(|(_, d)| load_version_dir(&d)).transpose()?
    };
    // The writing on this thread (with a helper rendering the rows), the diff and the counts on another.
    let started = std::time::Instant::now();
    let (side, written) = std::thread::scope(|scope| {
        let side = scope.spawn(|| {
            let d = store.diff(previous.as_ref(), version.applies_from);
            trace("diff", started);
            let counts = counts(store);
            trace("counts", started);
            (d, counts)
        });
        let written = if already_imported {
            Ok(())
        } else {
            write_version_store(&dir, version, store).and_then(|()| {
                trace("written", started);
                let checked = crate::integrity::check_written_sum(
                    &dir,
                    version,
                    store.rows.len(),
                    store.written_sum(),
                );
                trace("checked", started);
                checked
            })
        };
        trace("write", started);
        (side.join(), written)
    });
    written?;
    let stale_removed = stale.is_some();
    if let Some(old) = stale {
        std::fs::remove_dir_all(&old).map_err(|e| {
            Error::io(
                old.display().to_string(),
                &e,
                "suppression de l'ancienne version impossible",
            )
        })?;
    }
    let (diff, (certifications, cpne, absent_amounts)) =
        side.unwrap_or_else(|p| std::panic::resume_unwind(p));
    Ok(ImportSummary {
        tag: version.tag.clone(),
        directory: dir,
        layout: imported.layout,
        rows: store.rows.len(),
        certifications,
        cpne,
        absent_amounts,
        mapping_pairs: version.mapping.as_ref().map(Vec::len),
        replaced: replaced || stale_removed,
        already_imported,
        diff,
        warnings: imported.warnings.clone(),
    })
}

/// Distinct certifications (RNCP codes, or `CFD <code>`), distinct CPNE codes, and rows without an amount.
fn counts(store: &RowStore) -> (usize, usize, usize) {
    let mut cells: store::FxMap<(u32, u32), ()> = store::FxMap::default();
    let mut last = None;
    for r in &store.rows {
        // Rows come grouped by certification.
        if last != Some((r.rncp_cell, r.diploma_code)) {
            last = Some((r.rncp_cell, r.diploma_code));
            cells.insert((r.rncp_cell, r.diploma_code), ());
        }
    }
    let mut certifications: HashSet<Cow<'_, str>> = HashSet::new();
    for (cell, code) in cells.keys() {
        let codes = store.codes_of(*cell);
        if codes.is_empty() {
            certifications.insert(Cow::Owned(format!("CFD {}", store.strings.get(*code))));
        } else {
            certifications.extend(codes.iter().map(|c| Cow::Borrowed(c.as_str())));
        }
    }
    let cpne: BTreeSet<u32> = store
        .rows
        .iter()
        .filter(|r| r.cpne != store::NONE)
        .map(|r| r.cpne)
        .collect();
    let absent_amounts = store
        .rows
        .iter()
        .filter(|r| store.amount_of(r.amount_raw).is_none())
        .count();
    (certifications.len(), cpne.len(), absent_amounts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn serial_dates() {
        assert_eq!(excel_serial_date(45488.0), Some(date(2024, 7, 15)));
        assert_eq!(excel_serial_date(45214.0), Some(date(2023, 10, 15)));
        assert_eq!(excel_serial_date(60.0), None);
        assert_eq!(excel_serial_date(-3.0), None);
        assert_eq!(text_date("15/07/2024"), Some(date(2024, 7, 15)));
        assert_eq!(text_date("2024-07-15 00:00:00"), Some(date(2024, 7, 15)));
        assert_eq!(text_date("31/02/2024"), None);
    }

    #[test]
    fn readme_dates_and_decree() {
        let title = "Clé de lecture du référentiel des niveaux de prise en charge applicables au 15 octobre ou 8 septembre 2023 selon les cas précisés";
        assert_eq!(french_dates(title), vec![date(2023, 9, 8)]);
        assert_eq!(
            french_dates("au 1er septembre 2026"),
            vec![date(2026, 9, 1)]
        );
        let lines = vec![
            "x".to_owned(),
            "(cf. Décret n° 2024-695 du 5 juillet 2024 relatif à la fixation des niveaux)"
                .to_owned(),
        ];
        assert_eq!(
            legal_basis(&lines).as_deref(),
            Some("Décret n° 2024-695 du 5 juillet 2024")
        );
    }

    #[test]
    fn headers_and_idcc_cells() {
        assert_eq!(
            norm_header("Date d'applicabilité des NPEC** \n(**hors contrats couverts)"),
            "date d'applicabilite des npec"
        );
        assert_eq!(
            norm_header("Certificateur* \n(*liste non exhaustive)"),
            "certificateur"
        );
        assert_eq!(
            norm_sheet("Onglet 3-par formation-CPNE"),
            norm_sheet("Onglet 3 - par formation-CPNE")
        );
        assert_eq!(
            parse_idcc_list("627, 749, 771 ").unwrap(),
            vec![627, 749, 771]
        );
        assert_eq!(parse_idcc_list("NA").unwrap(), Vec::<u32>::new());
        assert!(parse_idcc_list("abc").is_err());
        assert_eq!(col_letter(0), "A");
        assert_eq!(col_letter(27), "AB");
        assert_eq!(procedure_date("Procédure 2021"), Some(date(2021, 9, 1)));
    }
}
