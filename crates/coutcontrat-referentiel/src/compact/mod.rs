//! A compact binary form of a référentiel for the web page: most CPNE share one amount per certification, so
//! each certification is stored as its default (amount, status, date) plus the exceptions by CPNE, every text
//! once, the CPNE ↔ IDCC mappings once.
//!
//! A full-size table (3,400 certifications × 205 CPNE, 700,000 rows, 168 MB of `npec.csv`) takes a few hundred
//! KB this way. [`from_compact`] needs no file system, so it runs in WebAssembly; it gives back a
//! [`Referentiel`] whose lookups are those of the full form: same row chosen, same amount, date, status,
//! version, tie, sheet and line (the rows only lose the exact text of the amount cell, rebuilt from the
//! amount, and the CPNE labels between a version's first and last row).
//!
//! Layout (all integers LEB128 varints): magic `CCRC`, format version, the string table, the CPNE lists, the
//! IDCC list, then each version: its manifest fields, its mapping, its tables of statuses and dates, its CPNE
//! (code, first and last label), its sheets, and its certifications (cell, code diplôme, label, type,
//! certifier, default triple, exceptions by CPNE position, extra rows, rows with other texts, and behind its
//! length the origin of each row: sheet, line as a difference).
//!
//! ```
//! use coutcontrat_referentiel::compact::{from_compact, to_compact};
//! use coutcontrat::referentiel::TableLookup;
//! use jiff::civil::date;
//! let set = coutcontrat_referentiel::embedded_dataset().unwrap();
//! let bytes = to_compact(&set);
//! let r = from_compact(&bytes).unwrap();
//! let TableLookup::Found(row) = r.lookup("RNCP41000", 204, date(2026, 9, 14)) else { panic!() };
//! assert_eq!(row.amount.to_string(), "8765");
//! ```

use coutcontrat::Referentiel;
use jiff::civil::{date, Date};

use crate::dataset::DataSet;
use crate::error::Result;

const MAGIC: &[u8; 4] = b"CCRC";
// 2: each row's origin (sheet and line), so that a quote's explanation names the row as the text form does.
// 3: each version's coverage, and the renewed RNCP codes that matter to its certifications (D20).
const FORMAT: u64 = 3;

fn epoch() -> Date {
    date(1900, 1, 1)
}

mod layered;
mod read;
mod table;
mod write;

pub use layered::Layered;
pub use table::CompactTable;
pub use write::to_compact;

/// Decodes [`to_compact`]'s bytes into a data set.
pub fn dataset_from_compact(bytes: &[u8]) -> Result<DataSet> {
    CompactTable::new(bytes.to_vec())?.dataset()
}

/// Decodes [`to_compact`]'s bytes into a référentiel (no file system: it runs in WebAssembly).
pub fn from_compact(bytes: &[u8]) -> Result<Referentiel> {
    Ok(dataset_from_compact(bytes)?.to_referentiel())
}
