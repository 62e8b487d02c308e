//! Writes a SYNTHETIC référentiel workbook in the current official layout, for import tests and benchmarks.
//!
//! ```text
//! coutcontrat-synth [--certifications 3400] [--cpne 205] [--seed 20240718] [--no-matrix] [--out FILE]
//! ```
//!
//! The default output is `target/synthetic/Referentiel-des-NPEC-SYNTHETIQUE-<certifications>x<cpne>.xlsx`. A path
//! inside a `data` directory is refused: synthetic amounts are never shipped as data.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use coutcontrat_referentiel::synth::{write_synthetic, SynthOptions};

fn main() -> ExitCode {
    let mut opts = SynthOptions::default();
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .unwrap_or_else(|| panic!("{name} attend une valeur"))
        };
        match arg.as_str() {
            "--certifications" => opts.certifications = value(&arg).parse().expect("un nombre"),
            "--cpne" => opts.cpne = value(&arg).parse().expect("un nombre"),
            "--seed" => opts.seed = value(&arg).parse().expect("un nombre"),
            "--no-matrix" => opts.matrix = false,
            "--out" => out = Some(PathBuf::from(value(&arg))),
            "-h" | "--help" => {
                println!(
                    "coutcontrat-synth [--certifications N] [--cpne N] [--seed N] [--no-matrix] [--out FICHIER]\n\
                     Écrit un référentiel SYNTHÉTIQUE (montants inventés) au format officiel actuel."
                );
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("option inconnue : {other} (voir --help)");
                return ExitCode::from(2);
            }
        }
    }
    let out = out.unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../target/synthetic")
            .join(format!(
                "Referentiel-des-NPEC-SYNTHETIQUE-{}x{}.xlsx",
                opts.certifications, opts.cpne
            ))
    });
    if out.components().any(|c| c.as_os_str() == "data") {
        eprintln!(
            "{} : refusé — un référentiel synthétique ne s'écrit jamais dans data/ (utilisez target/synthetic/)",
            out.display()
        );
        return ExitCode::from(2);
    }
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent).expect("dossier de sortie");
    }
    let started = Instant::now();
    let file = std::fs::File::create(&out).expect("fichier de sortie");
    let summary = write_synthetic(&opts, std::io::BufWriter::new(file)).expect("écriture");
    let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    println!(
        "{} : {} lignes (onglet 3), {} certifications × {} CPNE, {} NC, {} écarts de branche, {:.1} Mo, {:.2} s — SYNTHÉTIQUE",
        out.display(),
        summary.rows,
        summary.certifications,
        summary.cpne.len(),
        summary.nc_rows,
        summary.deviations,
        size as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}
