//! A data directory on disk: reading it, and writing versions and branch lists (aside, then renamed).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use coutcontrat::referentiel::{IdccInfo, TableVersion};
use coutcontrat::Referentiel;

use crate::dataset::{CpneEntry, DataSet};
use crate::error::{Error, ErrorKind, Result};
use crate::format::{
    parse_cpne_csv, parse_cpne_idcc_csv, parse_idcc_csv, parse_manifest, parse_npec_csv,
    parse_renewals_csv, render_cpne_csv, render_cpne_idcc_csv, render_idcc_csv, render_manifest,
    render_npec_csv, sort_rows, version_slug, Manifest,
};
#[cfg(feature = "import")]
use crate::store::RowStore;

fn read_text(path: &Path) -> Result<String> {
    fs::read_to_string(path)
        .map_err(|e| Error::io(path.display().to_string(), &e, "lecture impossible"))
}

/// Reads one version directory (`manifest.toml`, `npec.csv`, optional `cpne_idcc.csv`).
pub fn load_version_dir(dir: &Path) -> Result<TableVersion> {
    Ok(load_version(dir)?.0)
}

/// [`load_version_dir`], and whether the manifest says its coverage (D20: else read as partial).
fn load_version(dir: &Path) -> Result<(TableVersion, bool)> {
    let manifest_path = dir.join("manifest.toml");
    let npec_path = dir.join("npec.csv");
    let map_path = dir.join("cpne_idcc.csv");
    let manifest = parse_manifest(
        &read_text(&manifest_path)?,
        &manifest_path.display().to_string(),
    )?;
    let rows = parse_npec_csv(&read_text(&npec_path)?, &npec_path.display().to_string())?;
    let mapping = if map_path.exists() {
        Some(parse_cpne_idcc_csv(
            &read_text(&map_path)?,
            &map_path.display().to_string(),
        )?)
    } else {
        None
    };
    let declared = manifest.coverage.is_some();
    Ok((
        assemble(manifest, rows, mapping, &dir.display().to_string())?,
        declared,
    ))
}

/// Checks the counts the manifest announces and builds the version.
pub(crate) fn assemble(
    manifest: Manifest,
    rows: Vec<coutcontrat::referentiel::NpecRow>,
    mapping: Option<Vec<coutcontrat::referentiel::CpneIdcc>>,
    dir: &str,
) -> Result<TableVersion> {
    if manifest.rows != rows.len() {
        return Err(Error::new(
            ErrorKind::Format,
            format!("{dir}/npec.csv"),
            format!(
                "{} lignes de données, le manifeste en annonce {} : fichier tronqué ou manifeste à corriger",
                rows.len(),
                manifest.rows
            ),
        ));
    }
    match (&mapping, manifest.mapping_pairs) {
        (Some(m), Some(n)) if m.len() != n => {
            return Err(Error::new(
                ErrorKind::Format,
                format!("{dir}/cpne_idcc.csv"),
                format!("{} paires, le manifeste en annonce {n}", m.len()),
            ))
        }
        (Some(_), None) | (None, Some(_)) => {
            return Err(Error::new(
                ErrorKind::Format,
                format!("{dir}/manifest.toml"),
                "`mapping_pairs` et la présence de cpne_idcc.csv ne concordent pas : ajoutez ou retirez l'un des deux",
            ))
        }
        _ => {}
    }
    Ok(manifest.into_version(rows, mapping))
}

/// Reads a data directory: every `referentiel/<slug>/` and, when present, `branches/idcc.csv` and
/// `branches/cpne.csv`.
pub fn read_dir(data_dir: &Path) -> Result<DataSet> {
    if !data_dir.is_dir() {
        return Err(Error::new(
            ErrorKind::Io,
            data_dir.display().to_string(),
            "dossier de données introuvable : indiquez le dossier qui contient referentiel/ (par exemple data)",
        ));
    }
    // A version that vanished in a replacement killed between its renames is put back (best effort: a
    // read-only directory is read as it is, and `verify` says what is left).
    let _ = crate::leftovers::recover(&data_dir.join("referentiel"));
    let mut set = DataSet::default();
    for dir in version_dirs(data_dir)? {
        let version = load_version_dir(&dir)?;
        let manifest = dir.join("manifest.toml");
        if !read_text(&manifest)?
            .lines()
            .any(|l| l.trim_start().starts_with("coverage"))
        {
            set.warnings
                .push(crate::format::no_coverage(&manifest.display().to_string()));
        }
        set.versions.push(version);
    }
    let idcc = data_dir.join("branches").join("idcc.csv");
    if idcc.exists() {
        set.idcc = parse_idcc_csv(&read_text(&idcc)?, &idcc.display().to_string())?;
    }
    let cpne = data_dir.join("branches").join("cpne.csv");
    if cpne.exists() {
        set.cpne = parse_cpne_csv(&read_text(&cpne)?, &cpne.display().to_string())?;
    }
    let renewals = data_dir.join("renewals").join("rncp.csv");
    if renewals.exists() {
        set.renewals = parse_renewals_csv(&read_text(&renewals)?, &renewals.display().to_string())?;
    }
    Ok(set)
}

/// The version directories of a data directory, sorted by name (hidden and temporary ones skipped).
pub fn version_dirs(data_dir: &Path) -> Result<Vec<PathBuf>> {
    let root = data_dir.join("referentiel");
    let entries = match fs::read_dir(&root) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(Error::io(
                root.display().to_string(),
                &e,
                "lecture du dossier impossible",
            ))
        }
    };
    let mut dirs = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| {
            Error::io(
                root.display().to_string(),
                &e,
                "lecture du dossier impossible",
            )
        })?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || !entry.path().is_dir() {
            continue;
        }
        dirs.push(entry.path());
    }
    dirs.sort();
    Ok(dirs)
}

/// Reads a data directory into a référentiel.
///
/// ```no_run
/// let r = coutcontrat_referentiel::load_dir(std::path::Path::new("data")).unwrap();
/// assert!(!r.versions().is_empty());
/// ```
pub fn load_dir(data_dir: &Path) -> Result<Referentiel> {
    Ok(read_dir(data_dir)?.to_referentiel())
}

/// Writes files into `dir` as a whole: into a temporary sibling first, then renamed into place, so that `dir`
/// always holds either its old complete content or the new one.
pub(crate) fn write_dir_atomically(dir: &Path, files: &[(&str, String)]) -> Result<()> {
    let writers: Vec<(&str, FileWriter<'_>)> = files
        .iter()
        .map(|(name, content)| {
            let write: FileWriter<'_> =
                Box::new(move |w: &mut dyn Write| w.write_all(content.as_bytes()));
            (*name, write)
        })
        .collect();
    write_dir_atomically_with(dir, &writers)
}

/// Writes a file's content into the writer given.
pub(crate) type FileWriter<'a> = Box<dyn Fn(&mut dyn Write) -> std::io::Result<()> + 'a>;

/// [`write_dir_atomically`] with each file written by a function (through a buffer), for large files.
pub(crate) fn write_dir_atomically_with(
    dir: &Path,
    files: &[(&str, FileWriter<'_>)],
) -> Result<()> {
    let shown = dir.display().to_string();
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = dir
        .file_name()
        .ok_or_else(|| Error::new(ErrorKind::Io, &shown, "chemin sans nom de dossier"))?
        .to_string_lossy()
        .into_owned();
    fs::create_dir_all(parent)
        .map_err(|e| Error::io(&shown, &e, "création du dossier parent impossible"))?;
    let unique = std::process::id();
    let tmp = parent.join(crate::leftovers::tmp_name(&name, unique));
    let old = parent.join(crate::leftovers::old_name(&name, unique));
    let _ = fs::remove_dir_all(&tmp);
    fs::create_dir(&tmp)
        .map_err(|e| Error::io(tmp.display().to_string(), &e, "création impossible"))?;
    let written = (|| {
        for (file, content) in files {
            let path = tmp.join(file);
            // Only the importer's phase trace reads it.
            #[cfg(feature = "import")]
            let started = crate::trace::Started::now();
            let written = fs::File::create(&path).and_then(|f| {
                let mut w = std::io::BufWriter::with_capacity(1 << 20, f);
                content(&mut w)?;
                let f = w.into_inner().map_err(|e| e.into_error())?;
                #[cfg(feature = "import")]
                crate::trace::trace(&format!("{file} written"), started);
                // Flush to disk before the rename makes the content visible.
                f.sync_all()
            });
            #[cfg(feature = "import")]
            crate::trace::trace(&format!("{file} synced"), started);
            written
                .map_err(|e| Error::io(path.display().to_string(), &e, "écriture impossible"))?;
        }
        Ok(())
    })();
    if let Err(e) = written {
        let _ = fs::remove_dir_all(&tmp);
        return Err(e);
    }
    let existed = dir.exists();
    if existed {
        let _ = fs::remove_dir_all(&old);
        fs::rename(dir, &old).map_err(|e| {
            let _ = fs::remove_dir_all(&tmp);
            Error::io(&shown, &e, "remplacement impossible")
        })?;
    }
    if let Err(e) = fs::rename(&tmp, dir) {
        if existed {
            let _ = fs::rename(&old, dir);
        }
        let _ = fs::remove_dir_all(&tmp);
        return Err(Error::io(&shown, &e, "remplacement impossible"));
    }
    if existed {
        let _ = fs::remove_dir_all(&old);
    }
    Ok(())
}

/// Writes a version into `dir` (e.g. `data/referentiel/2024-07-18_v-18.07.2024`) in the canonical format,
/// rows sorted; written aside then renamed, never half-written.
///
/// ```
/// # use coutcontrat::referentiel::*; use jiff::civil::date;
/// let v = TableVersion { tag: "demo".into(), published: date(2025, 9, 4), applies_from: date(2025, 9, 1),
///     applies_until: None, source_file: "demo.xlsx".into(), source_sha256: None, legal_basis: String::new(),
///     synthetic: true, coverage: Default::default(), note: String::new(), mapping: None,
///     rows: vec![NpecRow::simple("RNCP41000", "BTS MOS", 204, "8828", date(2025, 9, 1))] };
/// let dir = std::env::temp_dir().join(format!("ccref-doc-{}", std::process::id())).join("demo");
/// coutcontrat_referentiel::write_version(&dir, &v).unwrap();
/// assert_eq!(coutcontrat_referentiel::load_version_dir(&dir).unwrap(), v);
/// # std::fs::remove_dir_all(dir.parent().unwrap()).unwrap();
/// ```
pub fn write_version(dir: &Path, version: &TableVersion) -> Result<()> {
    let mut rows = version.rows.clone();
    sort_rows(&mut rows);
    let mut files = vec![
        ("manifest.toml", render_manifest(&Manifest::of(version))),
        ("npec.csv", render_npec_csv(&rows)),
    ];
    if let Some(mapping) = &version.mapping {
        files.push(("cpne_idcc.csv", render_cpne_idcc_csv(mapping)));
    }
    write_dir_atomically(dir, &files)
}

/// Writes a version held as compact rows (its `rows` field is ignored), as [`write_version`] would.
#[cfg(feature = "import")]
pub(crate) fn write_version_store(
    dir: &Path,
    version: &TableVersion,
    store: &RowStore,
) -> Result<()> {
    let mut manifest = Manifest::of(version);
    manifest.rows = store.rows.len();
    let manifest = render_manifest(&manifest);
    let mapping = version.mapping.as_ref().map(|m| render_cpne_idcc_csv(m));
    let mut files: Vec<(&str, FileWriter<'_>)> = vec![
        (
            "manifest.toml",
            Box::new(|w: &mut dyn Write| w.write_all(manifest.as_bytes())),
        ),
        (
            "npec.csv",
            Box::new(|mut w: &mut dyn Write| store.write_npec_csv(&mut w)),
        ),
    ];
    if let Some(mapping) = &mapping {
        files.push((
            "cpne_idcc.csv",
            Box::new(move |w: &mut dyn Write| w.write_all(mapping.as_bytes())),
        ));
    }
    write_dir_atomically_with(dir, &files)
}

/// The directory of a version inside a data directory: `data/referentiel/<slug>`.
pub fn version_dir(data_dir: &Path, version: &TableVersion) -> PathBuf {
    data_dir
        .join("referentiel")
        .join(version_slug(&version.tag, version.published))
}

/// Writes `branches/idcc.csv` and `branches/cpne.csv` (each file written aside, then renamed).
pub fn write_branches(data_dir: &Path, idcc: &[IdccInfo], cpne: &[CpneEntry]) -> Result<()> {
    let dir = data_dir.join("branches");
    fs::create_dir_all(&dir)
        .map_err(|e| Error::io(dir.display().to_string(), &e, "création impossible"))?;
    for (name, content) in [
        ("idcc.csv", render_idcc_csv(idcc)),
        ("cpne.csv", render_cpne_csv(cpne)),
    ] {
        let path = dir.join(name);
        let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
        fs::write(&tmp, content)
            .map_err(|e| Error::io(tmp.display().to_string(), &e, "écriture impossible"))?;
        fs::rename(&tmp, &path)
            .map_err(|e| Error::io(path.display().to_string(), &e, "remplacement impossible"))?;
    }
    Ok(())
}
