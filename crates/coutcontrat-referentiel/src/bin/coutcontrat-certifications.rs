//! Writes the certification index as the page searches it by name (`certifications::page_lines`), from
//! `data/certifications/index.csv` (or a data directory's): `scripts/web-data.sh` runs it after each build.
//!
//! ```text
//! coutcontrat-certifications OUT.tsv [DATA_DIR]
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use coutcontrat_referentiel::certifications::{page_lines, parse_index_csv, INDEX_PATH};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (out, dir) = match args.as_slice() {
        [out] => (
            out,
            PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data")),
        ),
        [out, dir] => (out, PathBuf::from(dir)),
        _ => {
            eprintln!("usage: coutcontrat-certifications OUT.tsv [DATA_DIR]  (without DATA_DIR: the repository's data/)");
            return ExitCode::from(2);
        }
    };
    let path = dir.join(INDEX_PATH);
    let shown = path.display().to_string();
    let entries = match std::fs::read_to_string(&path)
        .map_err(|e| format!("{shown}: {e}"))
        .and_then(|text| parse_index_csv(&text, &shown).map_err(|e| e.to_string()))
    {
        Ok(entries) => entries,
        Err(e) => {
            eprintln!("coutcontrat-certifications: {e}");
            return ExitCode::from(1);
        }
    };
    let lines = page_lines(&entries);
    if let Err(e) = std::fs::write(out, &lines) {
        eprintln!("coutcontrat-certifications: {out}: {e}");
        return ExitCode::from(1);
    }
    eprintln!(
        "coutcontrat-certifications: {out}: {} of {} certifications, {} bytes",
        lines.lines().count(),
        entries.len(),
        lines.len()
    );
    ExitCode::SUCCESS
}
