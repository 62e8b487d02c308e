//! Regenerates the default data of `data/` from the shared reference extracts.
//!
//! Usage (from the workspace root): `cargo run -p coutcontrat-referentiel --bin convert-reference --
//! [REFERENCE_DIR] [DATA_DIR]`, by default `tests/fixtures/reference-data` and `data`.

use std::path::PathBuf;
use std::process::ExitCode;

use coutcontrat_referentiel::reference::{build_default_data, write_data};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let reference = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "tests/fixtures/reference-data".into()),
    );
    let data = PathBuf::from(args.next().unwrap_or_else(|| "data".into()));
    let set = match build_default_data(&reference) {
        Ok(set) => set,
        Err(e) => {
            eprintln!("convert-reference: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = write_data(&set, &data) {
        eprintln!("convert-reference: {e}");
        return ExitCode::FAILURE;
    }
    for v in &set.versions {
        println!(
            "{:<28} {} rows{}",
            v.tag,
            v.rows.len(),
            v.mapping
                .as_ref()
                .map(|m| format!(", {} CPNE–IDCC pairs", m.len()))
                .unwrap_or_default()
        );
    }
    println!(
        "{} IDCC, {} CPNE list entries -> {}",
        set.idcc.len(),
        set.cpne.len(),
        data.display()
    );
    ExitCode::SUCCESS
}
