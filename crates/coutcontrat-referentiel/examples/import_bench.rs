//! Times one import of a workbook into a data directory, as `coutcontrat import` does it (read, validate,
//! normalise, write `referentiel/<version>/`). Run it under `/usr/bin/time -v` for the peak memory.
//!
//! ```text
//! cargo run --release -p coutcontrat-referentiel --example import_bench -- WORKBOOK DATA_DIR [calamine]
//! ```
//! With `calamine`, the whole workbook is read by the calamine path instead of the streaming reader (no write).

use std::path::PathBuf;
use std::time::Instant;

use coutcontrat_referentiel::import::{import_bytes_via, Via};
use coutcontrat_referentiel::{import_into, ImportOptions};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let workbook = PathBuf::from(args.first().expect("WORKBOOK"));
    let data = PathBuf::from(args.get(1).expect("DATA_DIR"));
    let started = Instant::now();
    if args.get(2).map(String::as_str) == Some("calamine") {
        let bytes = std::fs::read(&workbook).unwrap();
        let name = workbook.file_name().unwrap().to_string_lossy();
        let imported = import_bytes_via(&name, &bytes, &ImportOptions::default(), Via::Calamine)
            .unwrap_or_else(|e| panic!("{e}"));
        println!(
            "calamine read: {} rows in {:.3} s",
            imported.version.rows.len(),
            started.elapsed().as_secs_f64()
        );
        return;
    }
    let summary = import_into(&data, &workbook).unwrap_or_else(|e| panic!("{e}"));
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "import: {} rows, {} certifications, {} CPNE, {} pairs ({} added, {} changed) → {} in {elapsed:.3} s",
        summary.rows,
        summary.certifications,
        summary.cpne,
        summary.diff.pairs,
        summary.diff.added.len(),
        summary.diff.changed.len(),
        summary.directory.display()
    );
}
