//! What a write of a version directory leaves when it is killed: `.<name>.tmp-<pid>` (the new content, being
//! written, complete once the old one is moved aside) and `.<name>.old-<pid>` (the old content, moved aside).
//! Killed between its two renames, a replacement leaves both and no `<name>`: the version vanishes. Found here,
//! for `verify` to report, and recovered at the next import or reading of the directory.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The temporary sibling a write fills before renaming it to `name`.
pub(crate) fn tmp_name(name: &str, pid: u32) -> String {
    format!(".{name}.tmp-{pid}")
}

/// The sibling the old content of `name` is moved to while the new one takes its place.
pub(crate) fn old_name(name: &str, pid: u32) -> String {
    format!(".{name}.old-{pid}")
}

/// A directory left by a write that did not finish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Leftover {
    /// A replacement killed between its renames: `dir` is missing, its old content is in `old`, and its new
    /// content, complete (it is moved aside only once the new one is written and synced), in `new` if present.
    Vanished {
        dir: PathBuf,
        old: PathBuf,
        new: Option<PathBuf>,
    },
    /// The old content of `dir`, left after the replacement took place.
    StaleOld { dir: PathBuf, old: PathBuf },
    /// A new content that never replaced anything: its writing was killed (incomplete).
    StaleTmp { dir: PathBuf, tmp: PathBuf },
}

/// Whether the process that named a directory may still be writing it (then it is none of our business).
fn running(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    // Elsewhere than Linux a process cannot be asked after without libc: a leftover is only reported there.
    cfg!(target_os = "linux") && Path::new("/proc").join(pid.to_string()).exists()
}

/// `(name, pid, is_old)` of `.name.tmp-pid` / `.name.old-pid`.
fn parse(file_name: &str) -> Option<(&str, u32, bool)> {
    let rest = file_name.strip_prefix('.')?;
    let (stem, pid) = rest.rsplit_once('-')?;
    let pid: u32 = pid.parse().ok()?;
    if let Some(name) = stem.strip_suffix(".tmp") {
        return Some((name, pid, false));
    }
    stem.strip_suffix(".old").map(|name| (name, pid, true))
}

/// The leftovers in `parent` (a data directory's `referentiel/`) of writes whose process is gone.
pub(crate) fn find(parent: &Path) -> Vec<Leftover> {
    let Ok(entries) = fs::read_dir(parent) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut found = Vec::new();
    for file_name in &names {
        let Some((name, pid, is_old)) = parse(file_name) else {
            continue;
        };
        if name.is_empty() || running(pid) {
            continue;
        }
        let dir = parent.join(name);
        let tmp = parent.join(tmp_name(name, pid));
        let old = parent.join(old_name(name, pid));
        found.push(match (is_old, dir.exists()) {
            (true, false) => Leftover::Vanished {
                dir,
                old,
                new: tmp.is_dir().then_some(tmp),
            },
            (true, true) => Leftover::StaleOld { dir, old },
            // The new content of a vanished version is reported with it (above).
            (false, false) if old.is_dir() => continue,
            (false, _) => Leftover::StaleTmp { dir, tmp },
        });
    }
    found
}

/// Puts back what interrupted writes left in `parent`: a vanished version takes its new content (or else its
/// old one) back, and what is stale is removed. Returns what was done.
pub(crate) fn recover(parent: &Path) -> Result<Vec<Leftover>> {
    let found = find(parent);
    let failed = |path: &Path, e: std::io::Error, what: &str| {
        Error::io(path.display().to_string(), &e, what)
    };
    for leftover in &found {
        match leftover {
            Leftover::Vanished { dir, old, new } => {
                match new {
                    Some(new) => fs::rename(new, dir)
                        .map_err(|e| failed(dir, e, "remise en place de la version impossible"))?,
                    None => fs::rename(old, dir)
                        .map_err(|e| failed(dir, e, "remise en place de la version impossible"))?,
                }
                if old.exists() {
                    fs::remove_dir_all(old)
                        .map_err(|e| failed(old, e, "suppression impossible"))?;
                }
            }
            Leftover::StaleOld { old: path, .. } | Leftover::StaleTmp { tmp: path, .. } => {
                fs::remove_dir_all(path).map_err(|e| failed(path, e, "suppression impossible"))?;
            }
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_leftovers() {
        assert_eq!(
            parse(".2025-09-04_v-04.09.2025.tmp-42"),
            Some(("2025-09-04_v-04.09.2025", 42, false))
        );
        assert_eq!(parse(".v.old-7"), Some(("v", 7, true)));
        assert_eq!(parse(".git"), None);
        assert_eq!(parse(".v.tmp-x"), None);
        assert_eq!(parse("v.tmp-1"), None);
    }
}
