//! Any bytes given to `coutcontrat import`: the importer refuses them with an error, never panics; what it
//! accepts survives the canonical format.
#![no_main]

use coutcontrat_fuzz::check_import;
use coutcontrat_referentiel::import::import_bytes;
use coutcontrat_referentiel::ImportOptions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(imported) = import_bytes("fuzz.xlsx", data, &ImportOptions::default()) {
        check_import(&imported);
    }
});
