//! Data integrity: a data directory checked end to end ([`verify_dir`]), and the rule that a published version
//! is never silently replaced ([`existing_version`]).
//!
//! A version tag names one edition of the référentiel: France compétences never changes an edition without a
//! new tag. So a workbook whose tag is already in the data directory is either the same file (same SHA-256:
//! nothing to do) or a different file under an old tag, which is refused unless the caller explicitly asks to
//! replace the version.

use std::fs;
use std::path::{Path, PathBuf};

use coutcontrat::referentiel::TableVersion;
use sha2::{Digest, Sha256};

use crate::data_dir::version_dirs;
use crate::error::{Error, ErrorKind, Result};
use crate::format::{parse_manifest, version_slug};

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

mod read_back;
mod verify;

pub use read_back::check_written;
pub(crate) use read_back::check_written_sum;
pub use verify::{verify_dir, VerifyOptions, VerifyReport, VersionCheck};
