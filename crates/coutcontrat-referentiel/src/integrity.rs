//! Data integrity: a data directory checked end to end ([`verify_dir`]), and the rule that a published version
//! is never silently replaced ([`existing_version`]).
//!
//! A version tag names one edition of the référentiel: France compétences never changes an edition without a
//! new tag. So a workbook whose tag is already in the data directory is either the same file (same SHA-256:
//! nothing to do) or a different file under an old tag, which is refused unless the caller explicitly asks to
//! replace the version.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use coutcontrat::referentiel::fold;
use coutcontrat::referentiel::TableVersion;
use sha2::{Digest, Sha256};

use crate::dataset::version_dirs;
use crate::error::{Error, ErrorKind, Result};
use crate::format::{
    parse_cpne_csv, parse_cpne_idcc_csv, parse_idcc_csv, parse_manifest, parse_npec_csv,
    version_slug, Manifest,
};

/// The SHA-256 of bytes, in lowercase hexadecimal (as `manifest.toml` records it).
///
/// ```
/// assert_eq!(
///     coutcontrat_referentiel::integrity::sha256_hex(b"abc"),
///     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// );
/// ```
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The SHA-256 of a file.
pub fn sha256_file(path: &Path) -> Result<String> {
    let bytes = fs::read(path)
        .map_err(|e| Error::io(path.display().to_string(), &e, "lecture impossible"))?;
    Ok(sha256_hex(&bytes))
}

/// What a data directory already holds under the tag of a version about to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Existing {
    /// Nothing: the version is new.
    New,
    /// The same version from the same source file (same SHA-256): importing it again changes nothing.
    Same {
        /// Its directory.
        dir: PathBuf,
    },
    /// A version of the same tag (or directory) from another file, or whose checksum is unknown.
    Different {
        /// Its directory.
        dir: PathBuf,
        /// The SHA-256 its manifest records.
        recorded: Option<String>,
    },
}

/// Looks in `data_dir` for a version with the tag of `version`, or in the directory `version` would be written
/// to, and says whether it comes from the same source file.
///
/// A manifest that does not read counts as a different version (it is not silently overwritten either).
pub fn existing_version(data_dir: &Path, version: &TableVersion) -> Result<Existing> {
    let slug = version_slug(&version.tag, version.published);
    for dir in version_dirs(data_dir)? {
        let same_dir = dir.file_name().is_some_and(|n| n == slug.as_str());
        let manifest = fs::read_to_string(dir.join("manifest.toml"))
            .ok()
            .and_then(|text| parse_manifest(&text, "manifest.toml").ok());
        let same_tag = manifest.as_ref().is_some_and(|m| m.tag == version.tag);
        if !same_dir && !same_tag {
            continue;
        }
        let recorded = manifest.and_then(|m| m.source_sha256);
        return Ok(match (&recorded, &version.source_sha256) {
            (Some(a), Some(b)) if a == b => Existing::Same { dir },
            _ => Existing::Different { dir, recorded },
        });
    }
    Ok(Existing::New)
}

/// The error that refuses to overwrite a version with another content.
pub fn replacement_refused(dir: &Path, version: &TableVersion, recorded: Option<&str>) -> Error {
    let short = |s: &str| s.chars().take(12).collect::<String>();
    let checksums = match (recorded, version.source_sha256.as_deref()) {
        (Some(old), Some(new)) => format!(
            "l'empreinte SHA-256 enregistrée est {}…, celle de ce fichier {}…",
            short(old),
            short(new)
        ),
        (None, _) => "la version enregistrée n'a pas d'empreinte SHA-256 à comparer".to_owned(),
        (Some(old), None) => format!("l'empreinte SHA-256 enregistrée est {}…", short(old)),
    };
    Error::new(
        ErrorKind::VersionExists,
        dir.display().to_string(),
        format!(
            "la version « {} » existe déjà avec un autre contenu ({checksums}) : une version publiée ne change pas \
             sans nouvelle étiquette. Vérifiez que c'est le bon fichier ; pour remplacer la version quand même, \
             relancez l'import avec --replace",
            version.tag
        ),
    )
}

// --- verify --------------------------------------------------------------------------------------------------

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
        parse_npec_csv(&text, &shown("npec.csv"))
            .map_err(|e| problems.push(e))
            .ok()
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
                "le dossier de la version « {} » publiée le {} doit s'appeler « {expected} » : renommez-le",
                m.tag, m.published
            ),
        ));
    }
    match (&m.source_sha256, options.sources.is_empty()) {
        (_, true) => {}
        (None, false) => notes.push(format!(
            "{slug} : le manifeste n'enregistre pas d'empreinte de sa source ({})",
            m.source_file
        )),
        (Some(recorded), false) => match find_source(&options.sources, &m.source_file) {
            None => notes.push(format!(
                "{slug} : source « {} » introuvable dans les dossiers de sources, empreinte non vérifiée",
                m.source_file
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

/// True when `data_dir` is the `data/` of this repository (the data the program embeds were built from).
fn is_repository_data(data_dir: &Path) -> bool {
    data_dir
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
    for file in ["branches/idcc.csv", "branches/cpne.csv"] {
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

/// Checks a data directory end to end: every manifest and CSV parses, the counts the manifests announce match
/// the files, the directory names match the tags, no tag appears twice, the branch files parse and the CPNE list
/// names known versions; with [`VerifyOptions::sources`], each source file found has the recorded SHA-256; and
/// for the repository's own `data/`, the data embedded in the program are the same bytes.
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
                    "la version « {tag} » figure dans {} dossiers ({}) : gardez-en un seul",
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

/// A fast checksum of a byte stream (not cryptographic: it catches a torn, truncated or altered write), the
/// same whatever the pieces the bytes come in. Four independent lanes of xor–multiply over 8-byte words: tens of
/// milliseconds for a full-size `npec.csv` (168 MB), where SHA-256 takes about 0.25 s.
#[derive(Debug, Clone)]
pub(crate) struct Sum64 {
    lanes: [u64; 4],
    tail: [u8; 32],
    tail_len: usize,
    len: u64,
}

const SUM_K: u64 = 0x9E37_79B9_7F4A_7C15;

impl Default for Sum64 {
    fn default() -> Sum64 {
        Sum64 {
            lanes: [
                0x243F_6A88_85A3_08D3,
                0x1319_8A2E_0370_7344,
                0xA409_3822_299F_31D0,
                0x082E_FA98_EC4E_6C89,
            ],
            tail: [0; 32],
            tail_len: 0,
            len: 0,
        }
    }
}

impl Sum64 {
    #[inline]
    fn block(lanes: &mut [u64; 4], b: &[u8]) {
        for (i, lane) in lanes.iter_mut().enumerate() {
            let mut w = [0u8; 8];
            w.copy_from_slice(&b[i * 8..i * 8 + 8]);
            // For a fixed lane, a bijection of the word: any one changed word changes the sum.
            *lane = (*lane ^ u64::from_le_bytes(w))
                .wrapping_mul(SUM_K)
                .rotate_left(29);
        }
    }

    /// Adds bytes.
    pub fn update(&mut self, mut data: &[u8]) {
        self.len += data.len() as u64;
        if self.tail_len > 0 {
            let take = (32 - self.tail_len).min(data.len());
            self.tail[self.tail_len..self.tail_len + take].copy_from_slice(&data[..take]);
            self.tail_len += take;
            data = &data[take..];
            if self.tail_len < 32 {
                return;
            }
            let tail = self.tail;
            Sum64::block(&mut self.lanes, &tail);
            self.tail_len = 0;
        }
        let mut blocks = data.chunks_exact(32);
        for b in &mut blocks {
            Sum64::block(&mut self.lanes, b);
        }
        let rest = blocks.remainder();
        self.tail[..rest.len()].copy_from_slice(rest);
        self.tail_len = rest.len();
    }

    /// The byte count and the sum.
    pub fn finish(&self) -> (u64, u64) {
        let mut lanes = self.lanes;
        let mut last = [0u8; 32];
        last[..self.tail_len].copy_from_slice(&self.tail[..self.tail_len]);
        Sum64::block(&mut lanes, &last);
        let mut h = self.len;
        for l in lanes {
            h = (h ^ l).wrapping_mul(SUM_K).rotate_left(31);
        }
        (self.len, h)
    }
}

/// A CSV file read back: its data records (the header not counted), byte count and [`Sum64`].
#[derive(Debug)]
struct ReadBack {
    records: usize,
    bytes: u64,
    sum: u64,
}

/// Reads a CSV file back in blocks: records are counted by a quote-aware scan of the line ends (a line end
/// inside a quoted field does not end a record), as the `csv` crate would count them, without parsing fields.
fn read_back(path: &Path, shown: &str) -> Result<ReadBack> {
    use std::io::Read;
    let mut file =
        fs::File::open(path).map_err(|e| Error::io(shown, &e, "relecture impossible"))?;
    let mut buf = vec![0u8; 1 << 20];
    let mut sum = Sum64::default();
    let (mut lines, mut quoted, mut open_line) = (0usize, false, false);
    loop {
        let n = match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Error::io(shown, &e, "relecture impossible")),
        };
        let block = &buf[..n];
        sum.update(block);
        let mut at = 0;
        for i in memchr::memchr2_iter(b'"', b'\n', block) {
            if block[i] == b'"' {
                quoted = !quoted;
            } else if !quoted {
                // An empty line is no record (the `csv` crate skips it).
                if open_line || i > at {
                    lines += 1;
                }
                open_line = false;
                at = i + 1;
            }
        }
        // What follows the last record end starts the next record.
        open_line |= at < n;
    }
    if quoted {
        return Err(Error::new(
            ErrorKind::Format,
            shown,
            "CSV illisible : guillemet non refermé en fin de fichier",
        ));
    }
    let records = lines + usize::from(open_line);
    let (bytes, sum) = sum.finish();
    Ok(ReadBack {
        records: records.saturating_sub(1),
        bytes,
        sum,
    })
}

/// Reads back a version directory just written and checks it against what was meant: the manifest reads and
/// records the tag and source checksum of `version`, and the files hold the rows and pairs it announces.
pub fn check_written(dir: &Path, version: &TableVersion, rows: usize) -> Result<()> {
    check_written_sum(dir, version, rows, None)
}

/// [`check_written`], and `npec.csv` has the byte count and [`Sum64`] of what was written, when given.
pub(crate) fn check_written_sum(
    dir: &Path,
    version: &TableVersion,
    rows: usize,
    npec: Option<(u64, u64)>,
) -> Result<()> {
    let shown = |file: &str| dir.join(file).display().to_string();
    let text = fs::read_to_string(dir.join("manifest.toml"))
        .map_err(|e| Error::io(shown("manifest.toml"), &e, "relecture impossible"))?;
    let m = parse_manifest(&text, &shown("manifest.toml"))?;
    let wrong = |file: &str, what: String| {
        Error::new(
            ErrorKind::Format,
            shown(file),
            format!("écriture incomplète ou altérée : {what} ; relancez l'import"),
        )
    };
    if m.tag != version.tag || m.source_sha256 != version.source_sha256 || m.rows != rows {
        return Err(wrong(
            "manifest.toml",
            format!(
                "le manifeste relu annonce « {} », {} lignes, empreinte {:?} ; attendu « {} », {rows} lignes, {:?}",
                m.tag, m.rows, m.source_sha256, version.tag, version.source_sha256
            ),
        ));
    }
    let count = |file: &str| -> Result<usize> {
        let mut reader = csv::ReaderBuilder::new()
            .from_path(dir.join(file))
            .map_err(|e| {
                Error::new(
                    ErrorKind::Io,
                    shown(file),
                    format!("relecture impossible : {e}"),
                )
            })?;
        let mut record = csv::ByteRecord::new();
        let mut n = 0;
        while reader.read_byte_record(&mut record).map_err(|e| {
            Error::new(
                ErrorKind::Format,
                shown(file),
                format!("CSV illisible : {e}"),
            )
        })? {
            n += 1;
        }
        Ok(n)
    };
    let npec_path = dir.join("npec.csv");
    let back = read_back(&npec_path, &shown("npec.csv"))?;
    if back.records != rows {
        return Err(wrong(
            "npec.csv",
            format!("{} lignes relues, {rows} écrites", back.records),
        ));
    }
    if let Some((bytes, sum)) = npec {
        if back.bytes != bytes {
            return Err(wrong(
                "npec.csv",
                format!("{} octets relus, {bytes} écrits", back.bytes),
            ));
        }
        if back.sum != sum {
            return Err(wrong(
                "npec.csv",
                "le contenu relu diffère de ce qui a été écrit (somme de contrôle)".into(),
            ));
        }
    }
    if let Some(pairs) = m.mapping_pairs {
        let written = count("cpne_idcc.csv")?;
        if written != pairs {
            return Err(wrong(
                "cpne_idcc.csv",
                format!("{written} paires relues, {pairs} annoncées"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sum_of(pieces: &[&[u8]]) -> (u64, u64) {
        let mut s = Sum64::default();
        for p in pieces {
            s.update(p);
        }
        s.finish()
    }

    #[test]
    fn the_sum_does_not_depend_on_the_pieces_and_sees_one_changed_byte() {
        let text: Vec<u8> = (0..1000u32).flat_map(|i| i.to_le_bytes()).collect();
        let whole = sum_of(&[&text]);
        for cut in [0, 1, 7, 31, 32, 33, 500, 999, 1000] {
            let (a, b) = text.split_at(cut);
            assert_eq!(sum_of(&[a, b]), whole, "cut at {cut}");
            let (b, c) = b.split_at(b.len() / 3);
            assert_eq!(sum_of(&[a, b, c]), whole, "cut at {cut} and after");
        }
        for at in [0, 5, 31, 32, 3999] {
            let mut changed = text.clone();
            changed[at] ^= 0x20;
            assert_ne!(sum_of(&[&changed]), whole, "byte {at}");
        }
        assert_ne!(sum_of(&[&text[..3999]]), whole);
        assert_ne!(sum_of(&[&[0]]), sum_of(&[&[0, 0]]));
    }

    #[test]
    fn records_are_counted_as_the_csv_crate_counts_them() {
        let dir = std::env::temp_dir().join(format!("ccref-readback-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("x.csv");
        let csv_count = |text: &str| {
            let mut r = csv::ReaderBuilder::new().from_reader(text.as_bytes());
            let mut n = 0;
            for record in r.byte_records() {
                record.unwrap();
                n += 1;
            }
            n
        };
        for text in [
            "a,b\n",
            "a,b",
            "a,b\n1,2\n",
            "a,b\n1,2",
            "a,b\n\"x\ny\",2\n3,\"a,\"\"b\"\"\n\"\n",
            "a,b\n\n1,2\n\n",
            "",
        ] {
            fs::write(&path, text).unwrap();
            let back = read_back(&path, "x.csv").unwrap();
            assert_eq!(back.records, csv_count(text), "{text:?}");
            assert_eq!(
                (back.bytes, back.sum),
                sum_of(&[text.as_bytes()]),
                "{text:?}"
            );
        }
        fs::write(&path, "a,b\n\"open,2\n").unwrap();
        assert_eq!(
            read_back(&path, "x.csv").unwrap_err().kind,
            ErrorKind::Format
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_altered_npec_csv_of_the_same_size_is_refused() {
        use coutcontrat::referentiel::NpecRow;
        use jiff::civil::date;
        let d = date(2025, 9, 1);
        let version = TableVersion {
            tag: "t".into(),
            published: d,
            applies_from: d,
            applies_until: None,
            source_file: "t.xlsx".into(),
            source_sha256: Some("0".repeat(64)),
            legal_basis: String::new(),
            synthetic: true,
            note: String::new(),
            rows: vec![
                NpecRow::simple("RNCP1", "a", 2, "8828", d),
                NpecRow::simple("RNCP2", "b, \"c\"", 3, "7000", d),
            ],
            mapping: None,
        };
        let dir = std::env::temp_dir()
            .join(format!("ccref-altered-{}", std::process::id()))
            .join("t");
        crate::write_version(&dir, &version).unwrap();
        let npec = dir.join("npec.csv");
        let bytes = fs::read(&npec).unwrap();
        let sum = sum_of(&[&bytes]);
        check_written_sum(&dir, &version, 2, Some(sum)).unwrap();
        let mut altered = bytes.clone();
        let at = altered.iter().rposition(|b| *b == b'8').unwrap();
        altered[at] = b'9';
        fs::write(&npec, &altered).unwrap();
        // The count alone does not see it; the sum does.
        check_written(&dir, &version, 2).unwrap();
        let err = check_written_sum(&dir, &version, 2, Some(sum)).unwrap_err();
        assert!(err.message.contains("somme de contrôle"), "{err}");
        fs::write(&npec, &bytes[..bytes.len() - 1]).unwrap();
        let err = check_written_sum(&dir, &version, 2, Some(sum)).unwrap_err();
        assert!(err.message.contains("octets relus"), "{err}");
        fs::remove_dir_all(dir.parent().unwrap()).unwrap();
    }
}
