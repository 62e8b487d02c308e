//! Importing into a data directory: the version written, checked against what was meant, and compared with
//! the one before; the summary of it all.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rustc_hash::FxHashMap;

use super::{read_compact, read_file, ImportOptions, Layout};
use crate::data_dir::{load_version_dir, version_dir, version_dirs, write_version_store};
use crate::diff::VersionDiff;
use crate::error::{Error, Result};
use crate::format::parse_manifest;
use crate::integrity::{check_written_sum, existing_version, replacement_refused, Existing};
use crate::store::{self, RowStore};
use crate::trace::trace;

/// What an import wrote, and what changed since the version before.
#[derive(Debug, Clone)]
pub struct ImportSummary {
    /// The version tag.
    pub tag: String,
    /// The directory written.
    pub directory: PathBuf,
    /// The layout detected.
    pub layout: Layout,
    /// Rows written.
    pub rows: usize,
    /// Distinct certifications (RNCP codes, or codes diplôme in 2019 files).
    pub certifications: usize,
    /// Distinct CPNE codes.
    pub cpne: usize,
    /// Rows whose amount is absent (`NC`, `NR`).
    pub absent_amounts: usize,
    /// Pairs of the mapping attached to the version, if it was complete.
    pub mapping_pairs: Option<usize>,
    /// True when a directory of the same version was replaced.
    pub replaced: bool,
    /// True when the same file was already imported (same tag and SHA-256): nothing was written.
    pub already_imported: bool,
    /// Pair-by-pair differences with the version it replaced, or else the latest earlier one of the directory
    /// (with neither, the version's pairs are counted, not listed).
    pub diff: VersionDiff,
    /// Warnings of the import.
    pub warnings: Vec<String>,
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.already_imported {
            return writeln!(
                f,
                "version {} déjà importée dans {} (même fichier, même empreinte SHA-256) : rien n'a changé",
                self.tag,
                self.directory.display()
            );
        }
        writeln!(
            f,
            "version {} ({}) écrite dans {}",
            self.tag,
            self.layout,
            self.directory.display()
        )?;
        writeln!(
            f,
            "  {} lignes, {} certifications, {} CPNE, {} montants absents (NC/NR)",
            self.rows, self.certifications, self.cpne, self.absent_amounts
        )?;
        match self.mapping_pairs {
            Some(n) => writeln!(f, "  correspondance CPNE–IDCC : {n} paires")?,
            None => writeln!(
                f,
                "  correspondance CPNE–IDCC : non retenue (la dernière complète s'applique)"
            )?,
        }
        let show = |a: Option<rust_decimal::Decimal>| a.map_or("—".to_owned(), |a| a.to_string());
        match &self.diff.previous {
            Some(prev) => writeln!(
                f,
                "  par rapport à {prev} : {} couples ajoutés, {} retirés, {} montants changés",
                self.diff.added.len(),
                self.diff.removed.len(),
                self.diff.changed.len()
            )?,
            None => writeln!(
                f,
                "  aucune version précédente dans ce dossier : {} couples certification × CPNE, tous nouveaux",
                self.diff.pairs
            )?,
        }
        for c in self.diff.changed.iter().take(10) {
            writeln!(
                f,
                "    {} × CPNE {} : {} → {}",
                c.rncp,
                c.cpne,
                show(c.before),
                show(c.after)
            )?;
        }
        for w in &self.warnings {
            writeln!(f, "  attention : {w}")?;
        }
        Ok(())
    }
}

/// Imports an official workbook into a data directory (`data/`): the version is written to
/// `referentiel/<slug>/` (aside, then renamed), and compared with the version it replaces or the latest one
/// published before it.
///
/// ```no_run
/// let summary = coutcontrat_referentiel::import_into("data".as_ref(), "Referentiel-des-NPEC.xlsx".as_ref()).unwrap();
/// print!("{summary}");
/// ```
pub fn import_into(data_dir: &Path, workbook: &Path) -> Result<ImportSummary> {
    import_into_with(data_dir, workbook, &ImportOptions::default())
}

/// [`import_into`] with options.
pub fn import_into_with(
    data_dir: &Path,
    workbook: &Path,
    options: &ImportOptions,
) -> Result<ImportSummary> {
    let (shown, bytes) = read_file(workbook)?;
    let imported = read_compact(&shown, &bytes, options)?;
    drop(bytes);
    let version = &imported.version;
    let store = &imported.store;
    // A version that vanished in a replacement killed between its renames comes back first (issue 17).
    crate::leftovers::recover(&data_dir.join("referentiel"))?;
    let dir = version_dir(data_dir, version);
    // A tag is one edition: the same file again changes nothing, another file is refused without `replace`.
    let existing = existing_version(data_dir, version)?;
    let already_imported = matches!(existing, Existing::Same { .. }) && !options.replace;
    let mut stale = None;
    if let Existing::Different { dir: old, recorded } = &existing {
        if !options.replace {
            return Err(replacement_refused(old, version, recorded.as_deref()));
        }
        stale = Some(old.clone()).filter(|old| *old != dir);
    }
    let replaced = dir.exists() && !already_imported;
    let previous = if dir.exists() {
        Some(load_version_dir(&dir)?)
    } else {
        let mut latest: Option<(Date, PathBuf)> = None;
        for d in version_dirs(data_dir)? {
            let path = d.join("manifest.toml");
            let text = std::fs::read_to_string(&path)
                .map_err(|e| Error::io(path.display().to_string(), &e, "lecture impossible"))?;
            let m = parse_manifest(&text, &path.display().to_string())?;
            if m.published <= version.published
                && latest.as_ref().is_none_or(|(p, _)| m.published > *p)
            {
                latest = Some((m.published, d));
            }
        }
        latest.map(|(_, d)| load_version_dir(&d)).transpose()?
    };
    // The writing on this thread (with a helper rendering the rows), the diff and the counts on another.
    let started = crate::trace::Started::now();
    let (side, written) = std::thread::scope(|scope| {
        let side = scope.spawn(|| {
            let d = store.diff(previous.as_ref(), version.applies_from);
            trace("diff", started);
            let counts = counts(store);
            trace("counts", started);
            (d, counts)
        });
        let written = if already_imported {
            Ok(())
        } else {
            write_version_store(&dir, version, store).and_then(|()| {
                trace("written", started);
                let checked =
                    check_written_sum(&dir, version, store.rows.len(), store.written_sum());
                trace("checked", started);
                checked
            })
        };
        trace("write", started);
        (side.join(), written)
    });
    written?;
    let stale_removed = stale.is_some();
    if let Some(old) = stale {
        std::fs::remove_dir_all(&old).map_err(|e| {
            Error::io(
                old.display().to_string(),
                &e,
                "suppression de l'ancienne version impossible",
            )
        })?;
    }
    let (diff, (certifications, cpne, absent_amounts)) =
        side.unwrap_or_else(|p| std::panic::resume_unwind(p));
    Ok(ImportSummary {
        tag: version.tag.clone(),
        directory: dir,
        layout: imported.layout,
        rows: store.rows.len(),
        certifications,
        cpne,
        absent_amounts,
        mapping_pairs: version.mapping.as_ref().map(Vec::len),
        replaced: replaced || stale_removed,
        already_imported,
        diff,
        warnings: imported.warnings.clone(),
    })
}

/// Distinct certifications (RNCP codes, or `CFD <code>`), distinct CPNE codes, and rows without an amount.
fn counts(store: &RowStore) -> (usize, usize, usize) {
    let mut cells: FxHashMap<(u32, u32), ()> = FxHashMap::default();
    let mut last = None;
    for r in &store.rows {
        // Rows come grouped by certification.
        if last != Some((r.rncp_cell, r.diploma_code)) {
            last = Some((r.rncp_cell, r.diploma_code));
            cells.insert((r.rncp_cell, r.diploma_code), ());
        }
    }
    let mut certifications: HashSet<Cow<'_, str>> = HashSet::new();
    for (cell, code) in cells.keys() {
        let codes = store.codes_of(*cell);
        if codes.is_empty() {
            certifications.insert(Cow::Owned(format!("CFD {}", store.strings.get(*code))));
        } else {
            certifications.extend(codes.iter().map(|c| Cow::Borrowed(c.as_str())));
        }
    }
    let cpne: BTreeSet<u32> = store
        .rows
        .iter()
        .filter(|r| r.cpne != store::NONE)
        .map(|r| r.cpne)
        .collect();
    let absent_amounts = store
        .rows
        .iter()
        .filter(|r| store.amount_of(r.amount_raw).is_none())
        .count();
    (certifications.len(), cpne.len(), absent_amounts)
}
