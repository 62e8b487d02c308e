//! The importer of the official France compétences workbook (`.xlsx`, `.xlsb`, or a `.zip` holding one),
//! for every layout of REFERENTIEL.md § 3, detected by sheet names and header texts.
//!
//! Two readers give the same parts: the streaming one for the current layout (`stream`), calamine for every
//! layout (`calamine_path`); `parts` assembles them into a version, `into_data_dir` writes it.

use std::path::Path;

use coutcontrat::referentiel::{CpneIdcc, TableVersion};
use jiff::civil::Date;

use crate::error::{Error, ErrorKind, Result};
use crate::integrity::sha256_hex;
use crate::trace::trace;
use crate::xlsx::limits::Limits;

use calamine_path::read_parts;

mod archive;
mod calamine_path;
mod cells;
mod into_data_dir;
mod layouts;
mod long;
mod mapping;
mod matrix;
mod parts;
mod progress;
mod readme;
mod sheet;
mod stream;

use archive::workbook_bytes;
use parts::{assemble, CompactImport};

pub use crate::xlsx::count_sheet_cells;
#[doc(hidden)]
pub use crate::xlsx::limits::{inflated_on_this_thread, Limits as ReadLimits};
pub use crate::xlsx::limits::{
    MAX_PACKAGE_BYTES, MAX_PART_BYTES, MAX_ROW_BYTES, MAX_SHEET_BYTES, MAX_WORKBOOK_BYTES,
};
#[doc(hidden)]
pub use archive::is_inner_workbook;
pub use into_data_dir::{import_into, import_into_with, ImportSummary};
pub use layouts::Layout;
pub use progress::{reporting, Progress};
pub use readme::date_in_tag;

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

/// Reads an official workbook from its bytes; `file_name` names it in messages and the manifest.
pub fn import_bytes(file_name: &str, bytes: &[u8], options: &ImportOptions) -> Result<Imported> {
    read_compact(file_name, bytes, options).map(CompactImport::into_imported)
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
    /// The streaming reader on one thread only (how a browser reads), with the same error.
    StreamInLine,
}

/// [`import_bytes`] with a chosen reader, to compare them (tests and benchmarks).
#[doc(hidden)]
pub fn import_bytes_via(
    file: &str,
    bytes: &[u8],
    options: &ImportOptions,
    via: Via,
) -> Result<Imported> {
    import_bytes_limited(file, bytes, options, via, Limits::DEFAULT)
}

/// [`import_bytes_via`] with other size limits than the `MAX_*` constants (smaller in tests).
#[doc(hidden)]
pub fn import_bytes_limited(
    file: &str,
    bytes: &[u8],
    options: &ImportOptions,
    via: Via,
    limits: Limits,
) -> Result<Imported> {
    let (parts, sha256) = read_workbook(file, bytes, via, limits)?;
    assemble(file, parts, sha256, options).map(CompactImport::into_imported)
}

/// The parts of a workbook and the SHA-256 of `bytes`, by the reader `via` chooses.
fn read_workbook(
    file: &str,
    bytes: &[u8],
    via: Via,
    limits: Limits,
) -> Result<(parts::Parts, String)> {
    let inner = workbook_bytes(file, bytes, limits)?;
    let streamed = match via {
        Via::Calamine => None,
        // A browser's WebAssembly has one thread.
        Via::Auto => stream::read(file, &inner, bytes, limits, cfg!(target_arch = "wasm32"))?,
        Via::Stream => stream::read(file, &inner, bytes, limits, false)?,
        Via::StreamInLine => stream::read(file, &inner, bytes, limits, true)?,
    };
    match (streamed, via) {
        (Some(found), _) => Ok(found),
        (None, Via::Stream | Via::StreamInLine) => Err(Error::new(
            ErrorKind::UnknownWorkbook,
            file,
            "le lecteur en flux ne lit pas ce classeur",
        )),
        (None, _) => Ok((read_parts(file, &inner, limits)?, sha256_hex(bytes))),
    }
}

/// Reads a workbook: the streaming reader for the current layout, calamine for the others (and for anything
/// the streaming reader does not expect, so that a damaged file gets calamine's diagnosis).
pub(crate) fn read_compact(
    file: &str,
    bytes: &[u8],
    options: &ImportOptions,
) -> Result<CompactImport> {
    let started = crate::trace::Started::now();
    let (parts, sha256) = read_workbook(file, bytes, Via::Auto, Limits::DEFAULT)?;
    trace("read", started);
    let assembled = assemble(file, parts, sha256, options);
    trace("assemble", started);
    assembled
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
    let bytes = archive::read_workbook_file(path, MAX_WORKBOOK_BYTES)?;
    Ok((shown, bytes))
}

#[cfg(test)]
mod tests {
    use super::cells::*;
    use super::readme::*;
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
