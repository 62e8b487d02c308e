//! A data directory checked end to end.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use coutcontrat::referentiel::fold;
use coutcontrat::text::quoted;

use crate::data_dir::version_dirs;
use crate::error::{Error, ErrorKind};
use crate::format::{
    parse_cpne_csv, parse_cpne_idcc_csv, parse_idcc_csv, parse_manifest, parse_npec_csv_checked,
    parse_renewals_csv, version_slug, Manifest,
};
use crate::leftovers::{self, Leftover};

use super::sha256_file;

/// What [`verify_dir`] checks beyond the directory itself.
#[derive(Debug, Clone, Default)]
pub struct VerifyOptions {
    /// Directories where the source files named by the manifests may be found: each one found is checked
    /// against the manifest's `source_sha256`.
    pub sources: Vec<PathBuf>,
    /// Compare the directory with the data embedded in this program: `Some(true)` always, `Some(false)` never,
    /// `None` when the directory is the repository's `data/` (a `crates/coutcontrat-referentiel` beside it).
    pub embedded: Option<bool>,
}

/// One version directory as checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionCheck {
    /// The directory name.
    pub slug: String,
    /// The tag, when the manifest reads.
    pub tag: Option<String>,
    /// Rows of `npec.csv`, when it reads.
    pub rows: Option<usize>,
    /// Pairs of `cpne_idcc.csv`, when present and it reads.
    pub mapping_pairs: Option<usize>,
    /// The source file's checksum: `Some(true)` checked and equal, `Some(false)` different, `None` not checked.
    pub source_checked: Option<bool>,
}

/// The result of [`verify_dir`]: what was checked, and every problem found (not only the first).
#[derive(Debug, Clone)]
pub struct VerifyReport {
    /// The directory verified.
    pub data_dir: PathBuf,
    /// The version directories, in order.
    pub versions: Vec<VersionCheck>,
    /// The branch files read, with their line counts.
    pub branches: Vec<(String, usize)>,
    /// `Some(equal)` when compared with the embedded data.
    pub embedded: Option<bool>,
    /// What is wrong; empty when all is well.
    pub problems: Vec<Error>,
    /// What was not checked, and why.
    pub notes: Vec<String>,
}

impl VerifyReport {
    /// True when no problem was found.
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

impl fmt::Display for VerifyReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "vérification de {}", self.data_dir.display())?;
        for v in &self.versions {
            let rows = v.rows.map_or("?".to_owned(), |n| n.to_string());
            write!(
                f,
                "  {} : {} lignes",
                v.tag.as_deref().unwrap_or(&v.slug),
                rows
            )?;
            if let Some(n) = v.mapping_pairs {
                write!(f, ", {n} paires CPNE–IDCC")?;
            }
            match v.source_checked {
                Some(true) => write!(f, ", source vérifiée (SHA-256)")?,
                Some(false) => write!(f, ", SOURCE DIFFÉRENTE")?,
                None => {}
            }
            writeln!(f)?;
        }
        for (file, n) in &self.branches {
            writeln!(f, "  {file} : {n} lignes")?;
        }
        match self.embedded {
            Some(true) => writeln!(f, "  données intégrées au programme : identiques")?,
            Some(false) => writeln!(f, "  données intégrées au programme : DIFFÉRENTES")?,
            None => {}
        }
        for n in &self.notes {
            writeln!(f, "  note : {n}")?;
        }
        if self.problems.is_empty() {
            writeln!(
                f,
                "aucun problème : {} version{} vérifiée{}",
                self.versions.len(),
                if self.versions.len() > 1 { "s" } else { "" },
                if self.versions.len() > 1 { "s" } else { "" }
            )
        } else {
            writeln!(f, "{} problème(s) :", self.problems.len())?;
            for p in &self.problems {
                writeln!(f, "  [{}] {p}", p.kind.code())?;
            }
            Ok(())
        }
    }
}

fn read(path: &Path, problems: &mut Vec<Error>) -> Option<String> {
    match fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(e) => {
            problems.push(Error::io(
                path.display().to_string(),
                &e,
                "lecture impossible",
            ));
            None
        }
    }
}

/// A file in one of the source directories, by its exact name or by its name without accents or case
/// (`Référentiel` and `Referentiel`).
fn find_source(dirs: &[PathBuf], name: &str) -> Option<PathBuf> {
    if name.is_empty() || name.contains(['/', '\\']) {
        return None;
    }
    for dir in dirs {
        let exact = dir.join(name);
        if exact.is_file() {
            return Some(exact);
        }
        let wanted = fold(name);
        if let Ok(entries) = fs::read_dir(dir) {
            for e in entries.flatten() {
                if fold(&e.file_name().to_string_lossy()) == wanted && e.path().is_file() {
                    return Some(e.path());
                }
            }
        }
    }
    None
}

fn check_version(
    dir: &Path,
    options: &VerifyOptions,
    problems: &mut Vec<Error>,
    notes: &mut Vec<String>,
) -> (VersionCheck, Option<Manifest>) {
    let slug = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut check = VersionCheck {
        slug: slug.clone(),
        tag: None,
        rows: None,
        mapping_pairs: None,
        source_checked: None,
    };
    let shown = |file: &str| dir.join(file).display().to_string();
    let manifest = read(&dir.join("manifest.toml"), problems).and_then(|text| {
        parse_manifest(&text, &shown("manifest.toml"))
            .map_err(|e| problems.push(e))
            .ok()
    });
    let rows = read(&dir.join("npec.csv"), problems).and_then(|text| {
        // A row no quote can use still reads: reported here, line named.
        let mut beyond = Vec::new();
        let rows = parse_npec_csv_checked(&text, &shown("npec.csv"), |e| beyond.push(e));
        problems.append(&mut beyond);
        rows.map_err(|e| problems.push(e)).ok()
    });
    let map_path = dir.join("cpne_idcc.csv");
    let mapping = if map_path.exists() {
        read(&map_path, problems).and_then(|text| {
            parse_cpne_idcc_csv(&text, &shown("cpne_idcc.csv"))
                .map_err(|e| problems.push(e))
                .ok()
        })
    } else {
        None
    };
    check.rows = rows.as_ref().map(Vec::len);
    check.mapping_pairs = mapping.as_ref().map(Vec::len);
    let Some(m) = manifest else {
        return (check, None);
    };
    check.tag = Some(m.tag.clone());
    if m.coverage.is_none() {
        notes.push(crate::format::no_coverage(&shown("manifest.toml")));
    }
    if let Some(rows) = &rows {
        if rows.len() != m.rows {
            problems.push(Error::new(
                ErrorKind::Format,
                shown("npec.csv"),
                format!(
                    "{} lignes de données, le manifeste en annonce {} : fichier tronqué ou manifeste à corriger",
                    rows.len(),
                    m.rows
                ),
            ));
        }
    }
    match (map_path.exists(), m.mapping_pairs, &mapping) {
        (true, Some(n), Some(pairs)) if pairs.len() != n => problems.push(Error::new(
            ErrorKind::Format,
            shown("cpne_idcc.csv"),
            format!("{} paires, le manifeste en annonce {n}", pairs.len()),
        )),
        (true, None, _) | (false, Some(_), _) => problems.push(Error::new(
            ErrorKind::Format,
            shown("manifest.toml"),
            "`mapping_pairs` et la présence de cpne_idcc.csv ne concordent pas : ajoutez ou retirez l'un des deux",
        )),
        _ => {}
    }
    let expected = version_slug(&m.tag, m.published);
    if slug != expected {
        problems.push(Error::new(
            ErrorKind::Format,
            dir.display().to_string(),
            format!(
                "le dossier de la version « {} » publiée le {} doit s'appeler « {} » : renommez-le",
                quoted(&m.tag),
                m.published,
                quoted(&expected)
            ),
        ));
    }
    match (&m.source_sha256, options.sources.is_empty()) {
        (_, true) => {}
        (None, false) => notes.push(format!(
            "{slug} : le manifeste n'enregistre pas d'empreinte de sa source ({})",
            quoted(&m.source_file)
        )),
        (Some(recorded), false) => match find_source(&options.sources, &m.source_file) {
            None => notes.push(format!(
                "{slug} : source « {} » introuvable dans les dossiers de sources, empreinte non vérifiée",
                quoted(&m.source_file)
            )),
            Some(path) => match sha256_file(&path) {
                Err(e) => problems.push(e),
                Ok(actual) if &actual == recorded => check.source_checked = Some(true),
                Ok(actual) => {
                    check.source_checked = Some(false);
                    problems.push(Error::new(
                        ErrorKind::ChecksumMismatch,
                        path.display().to_string(),
                        format!(
                            "SHA-256 {actual}, le manifeste de {slug} enregistre {recorded} : ce n'est pas le fichier \
                             importé (fichier modifié, ou une autre édition sous le même nom)"
                        ),
                    ));
                }
            },
        },
    }
    (check, Some(m))
}

/// True when `data_dir` holds the data the program embeds were built from: the crate's own `data/`, or the
/// repository's `data/`, whose `referentiel/` and `branches/` link to it.
fn is_repository_data(data_dir: &Path) -> bool {
    let built_from = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/referentiel");
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    same(&data_dir.join("referentiel"), &built_from)
        || data_dir
            .join("../crates/coutcontrat-referentiel/build.rs")
            .is_file()
}

/// Compares the files of `data_dir` with the data embedded in the program, byte for byte.
fn compare_embedded(data_dir: &Path, problems: &mut Vec<Error>) -> bool {
    let before = problems.len();
    let mut embedded: BTreeMap<String, &str> = BTreeMap::new();
    for v in crate::embedded::VERSIONS {
        embedded.insert(format!("referentiel/{}/manifest.toml", v.slug), v.manifest);
        embedded.insert(format!("referentiel/{}/npec.csv", v.slug), v.npec);
        if let Some(text) = v.cpne_idcc {
            embedded.insert(format!("referentiel/{}/cpne_idcc.csv", v.slug), text);
        }
    }
    for (name, text) in [
        ("branches/idcc.csv", crate::embedded::IDCC_CSV),
        ("branches/cpne.csv", crate::embedded::CPNE_CSV),
        ("renewals/rncp.csv", crate::embedded::RENEWALS_CSV),
    ] {
        if !text.is_empty() {
            embedded.insert(name.to_owned(), text);
        }
    }
    let mut on_disk: BTreeSet<String> = BTreeSet::new();
    if let Ok(dirs) = version_dirs(data_dir) {
        for dir in dirs {
            let slug = dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            for file in ["manifest.toml", "npec.csv", "cpne_idcc.csv"] {
                if dir.join(file).is_file() {
                    on_disk.insert(format!("referentiel/{slug}/{file}"));
                }
            }
        }
    }
    for file in [
        "branches/idcc.csv",
        "branches/cpne.csv",
        "renewals/rncp.csv",
    ] {
        if data_dir.join(file).is_file() {
            on_disk.insert(file.to_owned());
        }
    }
    let mismatch = |file: String, message: &str| {
        Error::new(
            ErrorKind::EmbeddedMismatch,
            file,
            format!("{message} : reconstruisez le programme (cargo build) pour qu'il intègre les données du dossier"),
        )
    };
    for (name, text) in &embedded {
        let path = data_dir.join(name);
        match fs::read_to_string(&path) {
            Ok(disk) if disk == *text => {}
            Ok(_) => problems.push(mismatch(
                path.display().to_string(),
                "le fichier diffère de la copie intégrée au programme",
            )),
            Err(_) => problems.push(mismatch(
                path.display().to_string(),
                "le programme intègre ce fichier, absent du dossier",
            )),
        }
    }
    for name in on_disk.iter().filter(|n| !embedded.contains_key(*n)) {
        problems.push(mismatch(
            data_dir.join(name).display().to_string(),
            "fichier du dossier absent des données intégrées au programme",
        ));
    }
    problems.len() == before
}

/// The problem a directory left by an interrupted write makes (issue 17: `verify` passed without a word).
fn leftover_problem(leftover: &Leftover) -> Error {
    let name = |p: &Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let recovered = "le prochain `coutcontrat import` (ou la prochaine lecture du dossier) le fait";
    let (path, message) = match leftover {
        Leftover::Vanished { dir, old, new: Some(new) } => (
            dir,
            format!(
                "version absente : son remplacement (import --replace) a été interrompu entre ses deux \
                 renommages ; la nouvelle version, complète, est dans {} et l'ancienne dans {} : renommez {} en \
                 {} et supprimez {} ({recovered})",
                name(new),
                name(old),
                name(new),
                name(dir),
                name(old)
            ),
        ),
        Leftover::Vanished { dir, old, new: None } => (
            dir,
            format!(
                "version absente : son remplacement (import --replace) a été interrompu ; l'ancienne version est \
                 dans {} : renommez-le en {} ({recovered})",
                name(old),
                name(dir)
            ),
        ),
        Leftover::StaleOld { old, .. } => (
            old,
            format!(
                "ancienne copie d'une version remplacée, laissée par un import interrompu (la nouvelle est en \
                 place) : supprimez ce dossier ({recovered})"
            ),
        ),
        Leftover::StaleTmp { tmp, .. } => (
            tmp,
            format!(
                "version à moitié écrite, laissée par un import interrompu : supprimez ce dossier ({recovered})"
            ),
        ),
    };
    Error::new(ErrorKind::Format, path.display().to_string(), message)
}

/// Checks a data directory end to end: every manifest and CSV parses, the counts the manifests announce match
/// the files, the directory names match the tags, no tag appears twice, no hidden directory is left by an
/// interrupted import, the branch files parse and the CPNE list names known versions; with
/// [`VerifyOptions::sources`], each source file found has the recorded SHA-256; and for the repository's own
/// `data/`, the data embedded in the program are the same bytes.
///
/// ```
/// use coutcontrat_referentiel::integrity::{verify_dir, VerifyOptions};
/// let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
/// let report = verify_dir(&data, &VerifyOptions::default());
/// assert!(report.is_ok(), "{report}");
/// assert_eq!(report.embedded, Some(true));
/// ```
pub fn verify_dir(data_dir: &Path, options: &VerifyOptions) -> VerifyReport {
    let mut report = VerifyReport {
        data_dir: data_dir.to_path_buf(),
        versions: Vec::new(),
        branches: Vec::new(),
        embedded: None,
        problems: Vec::new(),
        notes: Vec::new(),
    };
    let problems = &mut report.problems;
    if !data_dir.join("referentiel").is_dir() {
        problems.push(Error::new(
            ErrorKind::Io,
            data_dir.display().to_string(),
            "pas de dossier « referentiel » ici : indiquez le dossier de données (celui qui contient referentiel/)",
        ));
        return report;
    }
    let dirs = match version_dirs(data_dir) {
        Ok(dirs) => dirs,
        Err(e) => {
            problems.push(e);
            return report;
        }
    };
    for leftover in leftovers::find(&data_dir.join("referentiel")) {
        problems.push(leftover_problem(&leftover));
    }
    if dirs.is_empty() {
        report
            .notes
            .push("aucune version dans referentiel/".to_owned());
    }
    let mut tags: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut every_manifest_read = true;
    for dir in &dirs {
        let (check, manifest) = check_version(dir, options, problems, &mut report.notes);
        match manifest {
            Some(m) => tags.entry(m.tag).or_default().push(check.slug.clone()),
            None => every_manifest_read = false,
        }
        report.versions.push(check);
    }
    for (tag, slugs) in &tags {
        if slugs.len() > 1 {
            problems.push(Error::new(
                ErrorKind::DuplicateVersion,
                data_dir.join("referentiel").display().to_string(),
                format!(
                    "la version « {} » figure dans {} dossiers ({}) : gardez-en un seul",
                    quoted(tag),
                    slugs.len(),
                    slugs.join(", ")
                ),
            ));
        }
    }
    let branches = data_dir.join("branches");
    let idcc = branches.join("idcc.csv");
    if idcc.is_file() {
        if let Some(text) = read(&idcc, problems) {
            match parse_idcc_csv(&text, &idcc.display().to_string()) {
                Ok(list) => report
                    .branches
                    .push(("branches/idcc.csv".into(), list.len())),
                Err(e) => problems.push(e),
            }
        }
    } else {
        report
            .notes
            .push("branches/idcc.csv absent : les conventions n'ont pas de nom".to_owned());
    }
    let cpne = branches.join("cpne.csv");
    if cpne.is_file() {
        if let Some(text) = read(&cpne, problems) {
            match parse_cpne_csv(&text, &cpne.display().to_string()) {
                Ok(list) => {
                    report
                        .branches
                        .push(("branches/cpne.csv".into(), list.len()));
                    let unknown: BTreeSet<&str> = list
                        .iter()
                        .map(|e| e.version.as_str())
                        .filter(|v| !tags.contains_key(*v))
                        .collect();
                    // (A manifest that does not read is already a problem: its tag is not known.)
                    if !unknown.is_empty() && every_manifest_read {
                        problems.push(Error::new(
                            ErrorKind::Format,
                            cpne.display().to_string(),
                            format!(
                                "la colonne version nomme des versions absentes de referentiel/ : {}",
                                unknown.into_iter().collect::<Vec<_>>().join(", ")
                            ),
                        ));
                    }
                }
                Err(e) => problems.push(e),
            }
        }
    }
    // D20: the renewed RNCP codes, when the directory has them.
    let renewals = data_dir.join("renewals").join("rncp.csv");
    if renewals.is_file() {
        if let Some(text) = read(&renewals, problems) {
            if let Err(e) = parse_renewals_csv(&text, &renewals.display().to_string()) {
                problems.push(e);
            }
        }
    }
    let compare = options
        .embedded
        .unwrap_or_else(|| is_repository_data(data_dir));
    if compare {
        report.embedded = Some(compare_embedded(data_dir, &mut report.problems));
    } else {
        report.notes.push(
            "données intégrées au programme non comparées (ce n'est pas le dossier data/ du dépôt)"
                .to_owned(),
        );
    }
    report
}
