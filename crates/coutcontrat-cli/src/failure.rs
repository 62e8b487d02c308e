//! How a command fails: the exit status, the message on standard error, the error object of `--json`.

use std::fmt;

use serde_json::json;

/// Exit status of a command that went through.
pub const EXIT_OK: u8 = 0;
/// Exit status when some rows of a batch were refused, or the data or a file could not be read.
pub const EXIT_FAILED: u8 = 1;
/// Exit status for invalid input (a contract the library refuses, a bad option or column).
pub const EXIT_INVALID: u8 = 2;

/// Why a command stopped.
#[derive(Debug)]
pub enum Failure {
    /// An error of the library: invalid input (exit 2), or unreadable data (exit 1).
    Lib(coutcontrat::Error),
    /// The command line or the input file is wrong in a way the library does not see (exit 2).
    Usage(String),
    /// An input file the user gave is refused (a workbook that is not a référentiel…) (exit 2).
    Invalid {
        /// A stable code (`unknown_workbook`, `renamed_header`…).
        code: &'static str,
        /// What is wrong and how to fix it.
        message: String,
    },
    /// A file, the disk or the data failed (exit 1).
    Other {
        /// A stable code (`io`, `data`).
        code: &'static str,
        /// What happened.
        message: String,
    },
}

impl Failure {
    /// An I/O failure about `what`.
    pub fn io(what: impl fmt::Display, err: impl fmt::Display) -> Failure {
        Failure::Other {
            code: "io",
            message: format!("{what} : {err}"),
        }
    }

    /// The exit status.
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Lib(e) if e.is_input() => EXIT_INVALID,
            Failure::Usage(_) | Failure::Invalid { .. } => EXIT_INVALID,
            Failure::Lib(_) | Failure::Other { .. } => EXIT_FAILED,
        }
    }

    /// The error object of the JSON interface: `{"error": {"code", "field", "message", "candidates"}}`.
    pub fn to_json(&self) -> serde_json::Value {
        let (code, field, message, candidates): (&str, Option<&str>, &str, &[String]) = match self {
            Failure::Lib(e) => (e.code(), e.field(), e.message(), e.candidates()),
            Failure::Usage(m) => ("usage", None, m, &[]),
            Failure::Invalid { code, message } | Failure::Other { code, message } => {
                (code, None, message, &[])
            }
        };
        json!({ "error": { "code": code, "field": field, "message": message, "candidates": candidates } })
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Lib(e) => {
                write!(f, "{e}")?;
                if !e.candidates().is_empty() && !e.message().contains(&e.candidates()[0]) {
                    write!(f, " ({})", e.candidates().join(" ; "))?;
                }
                Ok(())
            }
            Failure::Usage(m) => f.write_str(m),
            Failure::Invalid { message, .. } | Failure::Other { message, .. } => {
                f.write_str(message)
            }
        }
    }
}

impl From<coutcontrat::Error> for Failure {
    fn from(e: coutcontrat::Error) -> Failure {
        Failure::Lib(e)
    }
}
