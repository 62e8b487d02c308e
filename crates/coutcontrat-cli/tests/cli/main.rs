//! End-to-end tests of the `coutcontrat` binary, spawned as a process.
//!
//! One test binary (modules below) so that the workspace links it once.

#[allow(dead_code)]
mod common;

mod absurd_npec;
mod batch;
mod cashflow;
mod diff;
mod errors;
mod help;
mod matrix;
mod quote;
mod referentiel;
mod regressions;
#[cfg(feature = "serve")]
mod serve;
mod verify;
