//! Workbooks in every official layout with cells the fuzzer chooses (codes, amounts, dates, renamed headers,
//! extra sheets): the importer refuses or reads them, never panics; what it accepts survives the canonical
//! format.
#![no_main]

use coutcontrat_fuzz::{check_import, FWorkbook};
use coutcontrat_referentiel::import::import_bytes;
use coutcontrat_referentiel::ImportOptions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|book: FWorkbook| {
    let bytes = book.to_xlsx();
    if let Ok(imported) = import_bytes("fuzz.xlsx", &bytes, &ImportOptions::default()) {
        check_import(&imported);
    }
});
