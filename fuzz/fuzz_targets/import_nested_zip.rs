//! A workbook inside zip archives (nested up to three deep, beside other entries, padded into a bomb, damaged):
//! the importer refuses or reads it within its size limits, never panics; a plain archive reads as the
//! workbook it holds, and what is accepted survives the canonical format.
#![no_main]

use coutcontrat_fuzz::archive::FArchive;
use coutcontrat_fuzz::check_import;
use coutcontrat_referentiel::import::{import_bytes_limited, ReadLimits, Via};
use coutcontrat_referentiel::ImportOptions;
use libfuzzer_sys::fuzz_target;

/// Limits small enough for the padded archives to cross them (up to 4 MB of zeros).
const LIMITS: ReadLimits = ReadLimits {
    workbook: 2 << 20,
    part: 1 << 20,
    sheet: 2 << 20,
    package: 4 << 20,
    row: 256 << 10,
};

fuzz_target!(|archive: FArchive| {
    let options = ImportOptions::default();
    let bytes = archive.to_zip();
    let nested = import_bytes_limited("fuzz.zip", &bytes, &options, Via::Auto, LIMITS);
    if let Ok(imported) = &nested {
        check_import(imported);
    }
    if archive.is_plain() {
        let book = archive.book.to_xlsx();
        let direct = import_bytes_limited("fuzz.zip", &book, &options, Via::Auto, LIMITS);
        match (&direct, &nested) {
            (Ok(a), Ok(b)) => assert_eq!(a.version.rows, b.version.rows),
            (Err(a), Err(b)) => assert_eq!(a.kind, b.kind, "{a} / {b}"),
            (a, b) => panic!(
                "the workbook: {:?}, zipped: {:?}",
                a.as_ref().err(),
                b.as_ref().err()
            ),
        }
    }
});
