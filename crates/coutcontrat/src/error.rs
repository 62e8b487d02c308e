//! The one error type of the library.

use std::fmt;

/// What went wrong, one kind per problem a caller can fix.
///
/// The [`code`](ErrorKind::code) is stable: the command line and the JSON interface print it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A required field is missing.
    Missing,
    /// A field does not parse (a date that does not exist, a word where a number is expected…).
    Invalid,
    /// A value is outside what the rules allow (negative amount, level 9, share above 1…).
    OutOfRange,
    /// Dates that contradict each other (end before start, rupture after the end…).
    Inconsistent,
    /// The contract was concluded before any regime the library implements (D1).
    UnsupportedRegime,
    /// The employer's IDCC is not in the référentiel, or maps to no CPNE.
    UnknownBranch,
    /// The IDCC maps to several CPNE: the caller must name one (D12).
    AmbiguousBranch,
    /// A field the input does not know (a typo, most likely).
    UnknownField,
    /// The rule parameters or a référentiel file could not be read.
    Data,
    /// A public employer: no OPCO finances the contract (D24, L6227-1); the message says who pays.
    PublicEmployer,
    /// The RNCP code is absent from the référentiel edition in force and a successor is known: the code
    /// on the Cerfa is to be corrected (D20 (c)); the successors are the candidates.
    CertificationSuperseded,
    /// The RNCP code is absent from a complete edition in force, listed by an earlier one, with no
    /// successor known (D20 (d)); or from a partial one under `strict_partial`.
    CertificationNotInEdition,
}

impl ErrorKind {
    /// The stable code printed by the command line and the JSON interface.
    ///
    /// ```
    /// assert_eq!(coutcontrat::error::ErrorKind::AmbiguousBranch.code(), "ambiguous_branch");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::Missing => "missing",
            ErrorKind::Invalid => "invalid",
            ErrorKind::OutOfRange => "out_of_range",
            ErrorKind::Inconsistent => "inconsistent",
            ErrorKind::UnsupportedRegime => "unsupported_regime",
            ErrorKind::UnknownBranch => "unknown_branch",
            ErrorKind::AmbiguousBranch => "ambiguous_branch",
            ErrorKind::UnknownField => "unknown_field",
            ErrorKind::Data => "data",
            ErrorKind::PublicEmployer => "public_employer",
            ErrorKind::CertificationSuperseded => "certification_superseded",
            ErrorKind::CertificationNotInEdition => "certification_not_in_edition",
        }
    }
}

/// An error with the field it concerns and a message that says how to fix it.
///
/// ```
/// use coutcontrat::{ContractInput, error::ErrorKind};
/// let input = ContractInput { signed_on: Some("2025-02-30".into()), ..Default::default() };
/// let err = input.parse().unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Invalid);
/// assert_eq!(err.field(), Some("signed_on"));
/// assert!(err.message().contains("2025-02-30"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    field: Option<String>,
    message: String,
    candidates: Vec<String>,
}

impl Error {
    /// A new error about `field` (or about no field in particular).
    pub fn new(kind: ErrorKind, field: Option<&str>, message: impl Into<String>) -> Error {
        Error {
            kind,
            field: field.map(str::to_owned),
            message: message.into(),
            candidates: Vec::new(),
        }
    }

    pub(crate) fn with_candidates(mut self, candidates: Vec<String>) -> Error {
        self.candidates = candidates;
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The stable code of the kind (`"invalid"`, `"ambiguous_branch"`…).
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// The input field concerned, named as in the JSON interface (`"signed_on"`, `"annexes.meals"`).
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// A sentence that says what is wrong and how to fix it.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// For [`ErrorKind::AmbiguousBranch`], the CPNE to choose from, as `"code – label"`; for
    /// [`ErrorKind::CertificationSuperseded`], the successor codes, as `"code – amount"`.
    pub fn candidates(&self) -> &[String] {
        &self.candidates
    }

    /// True when the input itself is wrong (as opposed to the data the library was given).
    pub fn is_input(&self) -> bool {
        self.kind != ErrorKind::Data
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{field}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}

/// Shorthand for results of this crate.
pub type Result<T> = std::result::Result<T, Error>;
