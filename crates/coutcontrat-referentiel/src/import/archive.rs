//! Opening: the workbook itself, or the one workbook a zip archive holds.

use std::borrow::Cow;
use std::io::{Cursor, Read};

use crate::error::{Error, ErrorKind, Result};

/// The workbook bytes: the file itself, or the one workbook a zip holds.
pub(super) fn workbook_bytes<'a>(file: &str, bytes: &'a [u8]) -> Result<Cow<'a, [u8]>> {
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
    let inner: Vec<&String> = names
        .iter()
        .filter(|n| {
            let lower = n.to_ascii_lowercase();
            (lower.ends_with(".xlsx") || lower.ends_with(".xlsb") || lower.ends_with(".xlsm"))
                && !lower.starts_with("__macosx/")
                && !lower
                    .rsplit('/')
                    .next()
                    .unwrap_or_default()
                    .starts_with("~$")
        })
        .collect();
    match inner.as_slice() {
        [one] => {
            let mut entry = zip.by_name(one).map_err(|e| {
                Error::new(ErrorKind::Unreadable, file, format!("« {one} » illisible dans l'archive : {e}"))
            })?;
            let mut out = Vec::new();
            entry.read_to_end(&mut out).map_err(|e| {
                Error::new(ErrorKind::Unreadable, file, format!("« {one} » illisible dans l'archive : {e}"))
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
