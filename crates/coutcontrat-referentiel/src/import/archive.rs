//! Opening: the workbook itself, or the one workbook a zip archive holds; neither larger than
//! [`MAX_WORKBOOK_BYTES`](crate::xlsx::limits::MAX_WORKBOOK_BYTES).

use std::borrow::Cow;
use std::io::{Cursor, Read};
use std::path::Path;

use crate::error::{Error, ErrorKind, Result};
use crate::xlsx::limits::{megabytes, read_capped, Limits};

/// The refusal of a workbook (or a zip's entry) larger than `cap`.
fn too_large(file: &str, what: &str, cap: u64) -> Error {
    Error::new(
        ErrorKind::Unreadable,
        file,
        format!(
            "{what} fait plus de {} : bien plus qu'un référentiel (le fichier publié fait moins de 1 Mo) ; \
             vérifiez que c'est le bon fichier, ou téléchargez-le à nouveau",
            megabytes(cap)
        ),
    )
}

/// The bytes of a workbook file, refused above `cap` bytes before they are read.
pub(super) fn read_workbook_file(path: &Path, cap: u64) -> Result<Vec<u8>> {
    let shown = path.display().to_string();
    let file =
        std::fs::File::open(path).map_err(|e| Error::io(&shown, &e, "lecture impossible"))?;
    let declared = file.metadata().map(|m| m.len()).unwrap_or(0);
    if declared > cap {
        return Err(too_large(&shown, "le fichier", cap));
    }
    // (The size is read again as the bytes come: a file can grow, or be a device.)
    let mut out = Vec::with_capacity(declared as usize);
    file.take(cap + 1)
        .read_to_end(&mut out)
        .map_err(|e| Error::io(&shown, &e, "lecture impossible"))?;
    if out.len() as u64 > cap {
        return Err(too_large(&shown, "le fichier", cap));
    }
    Ok(out)
}

/// The workbook bytes: the file itself, or the one workbook a zip holds, inflated up to `limits.workbook`
/// bytes at most (a 4 MB zip holding 4 GB used to be inflated whole).
pub(super) fn workbook_bytes<'a>(
    file: &str,
    bytes: &'a [u8],
    limits: Limits,
) -> Result<Cow<'a, [u8]>> {
    if bytes.len() as u64 > limits.workbook {
        return Err(too_large(file, "le fichier", limits.workbook));
    }
    if !bytes.starts_with(b"PK") {
        return Ok(Cow::Borrowed(bytes));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        Error::new(
            ErrorKind::Unreadable,
            file,
            format!("archive zip illisible ({e}) : téléchargez le fichier à nouveau"),
        )
    })?;
    let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
    if names
        .iter()
        .any(|n| n == "xl/workbook.xml" || n == "xl/workbook.bin")
    {
        return Ok(Cow::Borrowed(bytes));
    }
    let inner: Vec<&String> = names.iter().filter(|n| is_inner_workbook(n)).collect();
    match inner.as_slice() {
        [one] => {
            let entry = zip.by_name(one).map_err(|e| {
                Error::new(ErrorKind::Unreadable, file, format!("« {one} » illisible dans l'archive : {e}"))
            })?;
            let declared = entry.size();
            if declared > limits.workbook {
                return Err(too_large(file, &format!("le classeur « {one} » de l'archive"), limits.workbook));
            }
            let out = read_capped(entry, limits.workbook, declared).map_err(|e| match e {
                Some(e) => Error::new(ErrorKind::Unreadable, file, format!("« {one} » illisible dans l'archive : {e}")),
                None => too_large(file, &format!("le classeur « {one} » de l'archive, décompressé,"), limits.workbook),
            })?;
            Ok(Cow::Owned(out))
        }
        [] => Err(Error::new(
            ErrorKind::Unreadable,
            file,
            "l'archive zip ne contient aucun classeur .xlsx ou .xlsb : importez le fichier du référentiel lui-même",
        )),
        many => Err(Error::new(
            ErrorKind::UnknownWorkbook,
            file,
            format!(
                "l'archive contient plusieurs classeurs ({}) : décompressez-la et importez celui du référentiel",
                many.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
            ),
        )),
    }
}

/// Whether an archive entry of this name is a workbook to read: an Excel file, neither macOS's resource copy
/// nor Excel's lock file (`~$…`), which users' zips often carry beside it.
pub fn is_inner_workbook(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    (lower.ends_with(".xlsx") || lower.ends_with(".xlsb") || lower.ends_with(".xlsm"))
        && !lower.starts_with("__macosx/")
        && !lower
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .starts_with("~$")
}
