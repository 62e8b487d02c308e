//! # coutcontrat-referentiel
//!
//! The NPEC référentiel of France compétences on disk and in the binary:
//! - a canonical, diff-friendly text format for `data/` ([`mod@format`]), read with [`load_dir`] and written with
//!   [`write_version`] (aside, then renamed: never half-written);
//! - the importer of the official workbook, every layout since 2019 ([`import`], feature `import`, on by
//!   default), and [`import_into`] which adds a version to a data directory and says what changed;
//! - the default data shipped in `data/`, embedded and parsed once: [`embedded`].
//!
//! Without the `import` feature the crate builds for `wasm32-unknown-unknown` and only reads text; without
//! `text` either (the web page), it only reads the compact form ([`compact`]), with neither csv nor toml.
//!
//! ```
//! use coutcontrat::referentiel::TableLookup;
//! use jiff::civil::date;
//! let r = coutcontrat_referentiel::embedded();
//! let cpne = r.resolve_cpne(Some(1351), None, date(2026, 9, 14)).unwrap();
//! let TableLookup::Found(row) = r.lookup("RNCP41000", cpne, date(2026, 9, 14)) else { panic!() };
//! assert_eq!(row.amount.to_string(), "8765");
//! ```
#![deny(missing_docs)]

// The arrows between modules: each uses only modules further right or below (no cycle; checked by
// `modcycles.py`), and all of them the core crate `coutcontrat`.
//
//   reference → import → integrity → embedded → data_dir → store → format → dataset
//   synth → embedded        import → xlsx        integrity, store → checksum
//   compact → dataset       import, data_dir, store → trace        store → diff        * → error
//   import, integrity, data_dir → leftovers (what an interrupted write leaves, found and recovered)
//
// `import` reads workbooks (the current layout streamed through `xlsx`, every layout through calamine) and
// writes through `data_dir`; `store` holds an import's rows compactly; `format` is the text of `data/`,
// `dataset` its content in memory, `compact` the page's binary form of it.

#[cfg(feature = "text")]
pub mod certifications;
#[cfg(feature = "import")]
mod checksum;
pub mod compact;
#[cfg(feature = "text")]
mod data_dir;
mod dataset;
mod diff;
#[cfg(feature = "text")]
mod embedded;
mod error;
#[cfg(feature = "text")]
pub mod format;
#[cfg(feature = "import")]
pub mod import;
#[cfg(feature = "import")]
pub mod integrity;
#[cfg(feature = "text")]
mod leftovers;
#[cfg(feature = "import")]
pub mod reference;
#[cfg(feature = "import")]
mod store;
#[cfg(feature = "import")]
pub mod synth;
#[cfg(feature = "import")]
mod trace;
#[cfg(feature = "import")]
mod xlsx;

#[cfg(feature = "text")]
pub use data_dir::{
    load_dir, load_version_dir, read_dir, version_dir, version_dirs, write_branches, write_version,
};
pub use dataset::{CpneEntry, DataSet};
pub use diff::{diff_versions, PairChange, VersionDiff};
#[cfg(feature = "text")]
pub use embedded::{embedded, embedded_dataset};
pub use error::{Error, ErrorKind, Result};
#[cfg(feature = "text")]
pub use format::{parse_amount, parse_manifest, parse_npec_csv, version_slug, Manifest};
#[cfg(feature = "import")]
pub use import::{
    import_into, import_into_with, import_workbook, ImportOptions, ImportSummary, Imported, Layout,
};
