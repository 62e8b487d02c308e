//! The one error type of the crate: where the problem is (file, sheet, row, column) and what to fix.

use std::fmt;

/// What went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file or directory could not be read or written.
    Io,
    /// The file is not a workbook (nor a zip holding one), or it is damaged.
    Unreadable,
    /// The workbook is readable but is not a NPEC référentiel this crate knows.
    UnknownWorkbook,
    /// A sheet the layout needs is missing.
    MissingSheet,
    /// A header cell does not say what the layout expects (a renamed or moved column).
    RenamedHeader,
    /// An amount that is not a number (nor `NC`/`NR`).
    InvalidAmount,
    /// A date that does not exist or is not a date.
    InvalidDate,
    /// Another malformed value (a CPNE code that is not a number, a bad line count…).
    InvalidValue,
    /// A data file of the canonical text format is malformed (bad header, bad TOML, missing file…).
    Format,
    /// The version tag is already in the data directory with another content: refused unless replaced
    /// explicitly.
    VersionExists,
    /// A source file whose SHA-256 is not the one its manifest records.
    ChecksumMismatch,
    /// Two version directories of a data directory have the same tag.
    DuplicateVersion,
    /// The data embedded in the program differ from the data directory they were built from.
    EmbeddedMismatch,
}

impl ErrorKind {
    /// A stable code, for the command line and JSON output.
    ///
    /// ```
    /// assert_eq!(coutcontrat_referentiel::ErrorKind::RenamedHeader.code(), "renamed_header");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::Unreadable => "unreadable",
            ErrorKind::UnknownWorkbook => "unknown_workbook",
            ErrorKind::MissingSheet => "missing_sheet",
            ErrorKind::RenamedHeader => "renamed_header",
            ErrorKind::InvalidAmount => "invalid_amount",
            ErrorKind::InvalidDate => "invalid_date",
            ErrorKind::InvalidValue => "invalid_value",
            ErrorKind::Format => "format",
            ErrorKind::VersionExists => "version_exists",
            ErrorKind::ChecksumMismatch => "checksum_mismatch",
            ErrorKind::DuplicateVersion => "duplicate_version",
            ErrorKind::EmbeddedMismatch => "embedded_mismatch",
        }
    }
}

/// An error with its place and a message that says what to fix.
///
/// For a workbook, `row` is the line as Excel shows it and `column` its letter (`G`); for a text file, `row`
/// is the line and `column` the column's name and number (`amount (8)`).
///
/// ```
/// use coutcontrat_referentiel::{Error, ErrorKind};
/// let e = Error::new(ErrorKind::InvalidAmount, "ref.xlsx", "« abc » n'est pas un montant")
///     .sheet("Onglet 3 - référentiel NPEC").at(7, "G");
/// assert_eq!(e.to_string(), "ref.xlsx, onglet « Onglet 3 - référentiel NPEC », cellule G7 : « abc » n'est pas un montant");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What went wrong.
    pub kind: ErrorKind,
    /// The file concerned.
    pub file: String,
    /// The sheet, for a workbook.
    pub sheet: Option<String>,
    /// The row (workbook, 1-based as Excel shows it) or line (text file, 1-based).
    pub row: Option<u32>,
    /// The column: a letter in a workbook, a name and number in a text file.
    pub column: Option<String>,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl Error {
    /// A new error about `file`.
    pub fn new(kind: ErrorKind, file: impl Into<String>, message: impl Into<String>) -> Error {
        Error {
            kind,
            file: file.into(),
            sheet: None,
            row: None,
            column: None,
            message: message.into(),
        }
    }

    /// The same error, in a sheet.
    pub fn sheet(mut self, sheet: impl Into<String>) -> Error {
        self.sheet = Some(sheet.into());
        self
    }

    /// The same error, at a row (or line) and column.
    pub fn at(mut self, row: u32, column: impl Into<String>) -> Error {
        self.row = Some(row);
        self.column = Some(column.into());
        self
    }

    /// The same error, at a row (or line).
    pub fn line(mut self, row: u32) -> Error {
        self.row = Some(row);
        self
    }

    #[cfg(feature = "text")]
    pub(crate) fn io(file: impl Into<String>, err: &std::io::Error, doing: &str) -> Error {
        Error::new(ErrorKind::Io, file, format!("{doing} : {err}"))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(sheet) = &self.sheet {
            write!(f, ", onglet « {} »", coutcontrat::text::quoted(sheet))?;
            match (&self.column, self.row) {
                (Some(col), Some(row)) => write!(f, ", cellule {col}{row}")?,
                (None, Some(row)) => write!(f, ", ligne {row}")?,
                (Some(col), None) => write!(f, ", colonne {col}")?,
                (None, None) => {}
            }
        } else {
            if let Some(row) = self.row {
                write!(f, ", ligne {row}")?;
            }
            if let Some(col) = &self.column {
                write!(f, ", colonne {col}")?;
            }
        }
        write!(f, " : {}", self.message)
    }
}

impl std::error::Error for Error {}

impl From<Error> for coutcontrat::Error {
    /// A référentiel problem is a data problem for the core (`ErrorKind::Data`); the place is kept in the message.
    fn from(e: Error) -> coutcontrat::Error {
        coutcontrat::Error::new(coutcontrat::error::ErrorKind::Data, None, e.to_string())
    }
}

/// Shorthand for results of this crate.
pub type Result<T> = std::result::Result<T, Error>;
