//! The library behind the `coutcontrat` binary: each command's work, callable without a process.
//!
//! The binary (`src/main.rs`) only reads the options and prints; the fuzz targets (`fuzz/`) and the tests drive
//! these functions directly, for instance [`batch::run_io`] on bytes in memory.

pub mod batch;
pub mod cashflow;
pub mod data;
pub mod diff;
pub mod editions;
pub mod failure;
pub mod input;
pub mod lookup;
pub mod matrix;
pub mod render;
pub mod schema;
#[cfg(feature = "serve")]
pub mod serve;
pub mod verify;
