//! `coutcontrat verify`: a data directory checked end to end (the work is
//! [`coutcontrat_referentiel::integrity::verify_dir`]; this prints it).

use std::path::{Path, PathBuf};

use coutcontrat_referentiel::integrity::{verify_dir, VerifyOptions, VerifyReport};
use serde::Serialize;

/// A version directory, in the JSON report.
#[derive(Serialize)]
struct VersionOut<'a> {
    directory: &'a str,
    tag: Option<&'a str>,
    rows: Option<usize>,
    mapping_pairs: Option<usize>,
    /// `true`: the source file was found and has the recorded SHA-256; `false`: it differs; `null`: not checked.
    source_checked: Option<bool>,
}

/// A problem, in the JSON report: the stable code of the data crate, the file, the message.
#[derive(Serialize)]
struct ProblemOut<'a> {
    code: &'static str,
    file: &'a str,
    message: String,
}

#[derive(Serialize)]
struct ReportOut<'a> {
    data_dir: String,
    ok: bool,
    versions: Vec<VersionOut<'a>>,
    branches: Vec<(&'a str, usize)>,
    embedded: Option<bool>,
    problems: Vec<ProblemOut<'a>>,
    notes: &'a [String],
}

/// What `verify` prints.
pub struct Verified {
    /// True when no problem was found (exit 0; else 1).
    pub ok: bool,
    /// The report for a reader.
    pub text: String,
    /// The report as JSON.
    pub json: String,
}

/// Verifies `data_dir`, with the source files looked up in `sources`; `embedded` as
/// [`VerifyOptions::embedded`] (`None`: compared when `data_dir` is the repository's `data/`).
pub fn verify(data_dir: &Path, sources: &[PathBuf], embedded: Option<bool>) -> Verified {
    let report = verify_dir(
        data_dir,
        &VerifyOptions {
            sources: sources.to_vec(),
            embedded,
        },
    );
    Verified {
        ok: report.is_ok(),
        text: report.to_string(),
        json: to_json(&report),
    }
}

fn to_json(r: &VerifyReport) -> String {
    let out = ReportOut {
        data_dir: r.data_dir.display().to_string(),
        ok: r.is_ok(),
        versions: r
            .versions
            .iter()
            .map(|v| VersionOut {
                directory: &v.slug,
                tag: v.tag.as_deref(),
                rows: v.rows,
                mapping_pairs: v.mapping_pairs,
                source_checked: v.source_checked,
            })
            .collect(),
        branches: r.branches.iter().map(|(f, n)| (f.as_str(), *n)).collect(),
        embedded: r.embedded,
        problems: r
            .problems
            .iter()
            .map(|p| ProblemOut {
                code: p.kind.code(),
                file: &p.file,
                message: p.to_string(),
            })
            .collect(),
        notes: &r.notes,
    };
    serde_json::to_string_pretty(&out).expect("the report serialises")
}
