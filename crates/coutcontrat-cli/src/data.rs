//! The référentiel the commands use (the embedded one, or a directory given with `--data`), and `import`.

use std::borrow::Cow;
use std::path::Path;

use coutcontrat::Referentiel;
use coutcontrat_referentiel::ImportSummary;
use serde::Serialize;

use crate::failure::Failure;

fn data_failure(e: coutcontrat_referentiel::Error) -> Failure {
    Failure::Other {
        code: e.kind.code(),
        message: e.to_string(),
    }
}

/// The référentiel: the data directory given with `--data` (its `referentiel/` and `branches/`), or the
/// data embedded in the binary.
pub fn load(dir: Option<&Path>) -> Result<Cow<'static, Referentiel>, Failure> {
    match dir {
        None => Ok(Cow::Borrowed(coutcontrat_referentiel::embedded())),
        Some(dir) => {
            if !dir.join("referentiel").is_dir() {
                return Err(Failure::Other {
                    code: "data",
                    message: format!(
                        "{} : pas de dossier « referentiel » ici ; --data désigne un dossier de données créé par \
                         `coutcontrat import` (il contient referentiel/<version>/)",
                        dir.display()
                    ),
                });
            }
            let set = coutcontrat_referentiel::read_dir(dir).map_err(data_failure)?;
            // Read, not refused: a manifest without `coverage` reads as partial (D20).
            for warning in &set.warnings {
                eprintln!("avertissement : {warning}");
            }
            Ok(Cow::Owned(set.to_referentiel()))
        }
    }
}

/// What `import` prints: the summary for a reader, and as JSON.
pub struct Imported {
    /// The summary as JSON (fields in a stable order).
    pub json: String,
    /// The summary for a reader.
    pub text: String,
}

/// A (certification, branch) pair that changed, in the import summary.
#[derive(Serialize)]
struct PairOut<'a> {
    rncp: &'a str,
    cpne: &'a str,
    before: Option<String>,
    after: Option<String>,
}

/// What changed against the previous version.
#[derive(Serialize)]
struct DiffOut<'a> {
    previous: Option<&'a str>,
    /// The version's distinct pairs; with no previous version they are all new and `added` does not list them.
    pairs: usize,
    added: Vec<PairOut<'a>>,
    removed: Vec<PairOut<'a>>,
    changed: Vec<PairOut<'a>>,
}

/// The import summary of the JSON interface.
#[derive(Serialize)]
struct SummaryOut<'a> {
    tag: &'a str,
    directory: String,
    layout: &'static str,
    rows: usize,
    certifications: usize,
    cpne: usize,
    absent_amounts: usize,
    mapping_pairs: Option<usize>,
    replaced: bool,
    already_imported: bool,
    diff: DiffOut<'a>,
    warnings: &'a [String],
}

fn summary_json(s: &ImportSummary) -> String {
    fn pairs(list: &[coutcontrat_referentiel::PairChange]) -> Vec<PairOut<'_>> {
        list.iter()
            .map(|c| PairOut {
                rncp: &c.rncp,
                cpne: &c.cpne,
                before: c.before.map(|d| d.to_string()),
                after: c.after.map(|d| d.to_string()),
            })
            .collect()
    }
    let out = SummaryOut {
        tag: &s.tag,
        directory: s.directory.display().to_string(),
        layout: s.layout.describe(),
        rows: s.rows,
        certifications: s.certifications,
        cpne: s.cpne,
        absent_amounts: s.absent_amounts,
        mapping_pairs: s.mapping_pairs,
        replaced: s.replaced,
        already_imported: s.already_imported,
        diff: DiffOut {
            previous: s.diff.previous.as_deref(),
            pairs: s.diff.pairs,
            added: pairs(&s.diff.added),
            removed: pairs(&s.diff.removed),
            changed: pairs(&s.diff.changed),
        },
        warnings: &s.warnings,
    };
    serde_json::to_string_pretty(&out).expect("the summary serialises")
}

/// Adds the workbook's version to the data directory `out` (written to `out/referentiel/VERSION/`); a version
/// of the same tag from another file is refused unless `replace`.
pub fn import(out: &Path, workbook: &Path, replace: bool) -> Result<Imported, Failure> {
    if let Some(imported) = import_rncp_export(out, workbook)? {
        return Ok(imported);
    }
    let options = coutcontrat_referentiel::ImportOptions {
        replace,
        ..Default::default()
    };
    let summary =
        coutcontrat_referentiel::import_into_with(out, workbook, &options).map_err(|e| {
            let code = e.kind.code();
            let message = e.to_string();
            // A workbook that is missing or is not a référentiel is the user's input (exit 2); writing the data
            // directory is not (exit 1).
            if e.kind != coutcontrat_referentiel::ErrorKind::Io || !workbook.is_file() {
                Failure::Invalid { code, message }
            } else {
                Failure::Other { code, message }
            }
        })?;
    Ok(Imported {
        json: summary_json(&summary),
        text: summary.to_string(),
    })
}

/// France compétences' RNCP export (`export-fiches-csv-*.zip`): the certification index of `out` replaced
/// by the complete registry. `None` for any other file (a référentiel, read by [`import`]).
fn import_rncp_export(out: &Path, file: &Path) -> Result<Option<Imported>, Failure> {
    use coutcontrat_referentiel::certifications::{
        export_source, is_rncp_export, read_rncp_export, write_index,
    };
    let is_zip = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
    // Only the archive's directory is read to tell; a référentiel's archive is then read once, by `import`.
    let export = is_zip && std::fs::File::open(file).is_ok_and(is_rncp_export);
    let Some(bytes) = export.then(|| std::fs::read(file).ok()).flatten() else {
        return Ok(None);
    };
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.display().to_string());
    let invalid = |e: coutcontrat_referentiel::Error| Failure::Invalid {
        code: e.kind.code(),
        message: e.to_string(),
    };
    let entries = read_rncp_export(&name, &bytes, &export_source(&name)).map_err(invalid)?;
    let path = write_index(out, &entries).map_err(|e| Failure::Other {
        code: e.kind.code(),
        message: e.to_string(),
    })?;
    let count =
        |f: &dyn Fn(&coutcontrat_referentiel::certifications::CertificationEntry) -> bool| {
            entries.iter().filter(|e| f(e)).count()
        };
    let (titled, active, renewed) = (
        count(&|e| !e.title.is_empty()),
        count(&|e| e.active == Some(true)),
        count(&|e| e.successor.is_some()),
    );
    let json = serde_json::to_string_pretty(&serde_json::json!({
        "kind": "certifications",
        "file": path.display().to_string(),
        "certifications": entries.len(),
        "with_title": titled,
        "active": active,
        "with_successor": renewed,
    }))
    .expect("the summary serialises");
    let text = format!(
        "index des certifications écrit dans {} : {} codes RNCP, {titled} avec leur intitulé, {active} actifs, \
         {renewed} renouvelés (export complet du RNCP {name})\n",
        path.display(),
        entries.len()
    );
    Ok(Some(Imported { json, text }))
}
