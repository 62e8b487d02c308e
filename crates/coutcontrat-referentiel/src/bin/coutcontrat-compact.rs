//! Writes the compact form (`coutcontrat_referentiel::compact`) of the default data, or of a data directory:
//! the file the web page fetches at start (`Trunk.toml` runs this after each build).
//!
//! ```text
//! coutcontrat-compact OUT.ccrc [DATA_DIR]
//! ```

use std::process::ExitCode;

use coutcontrat_referentiel::compact::to_compact;
use coutcontrat_referentiel::{embedded_dataset, read_dir};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (out, dir) = match args.as_slice() {
        [out] => (out, None),
        [out, dir] => (out, Some(dir)),
        _ => {
            eprintln!("usage: coutcontrat-compact OUT.ccrc [DATA_DIR]  (without DATA_DIR: the embedded data)");
            return ExitCode::from(2);
        }
    };
    let set = match dir {
        None => embedded_dataset(),
        Some(dir) => read_dir(dir.as_ref()),
    };
    let set = match set {
        Ok(set) => set,
        Err(e) => {
            eprintln!("coutcontrat-compact: {e}");
            return ExitCode::from(1);
        }
    };
    let bytes = to_compact(&set);
    if let Err(e) = std::fs::write(out, &bytes) {
        eprintln!("coutcontrat-compact: {out}: {e}");
        return ExitCode::from(1);
    }
    eprintln!(
        "coutcontrat-compact: {out}: {} bytes, {} versions",
        bytes.len(),
        set.versions.len()
    );
    ExitCode::SUCCESS
}
