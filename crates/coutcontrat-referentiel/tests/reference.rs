//! The shipped data are what the converter makes of the shared reference extracts, when they are at hand
//! (`../shared/reference-data` beside the checkout); the test says so and passes when they are not.
#![cfg(feature = "import")]

use std::path::PathBuf;

use coutcontrat_referentiel::embedded_dataset;
use coutcontrat_referentiel::reference::build_default_data;

#[test]
fn shipped_data_are_reproducible() {
    let reference =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference-data");
    if !reference.join("npec_extract_rows.csv").exists() {
        eprintln!("skipped: {} is absent", reference.display());
        return;
    }
    let built = build_default_data(&reference).unwrap();
    let shipped = embedded_dataset().unwrap();
    assert_eq!(built.versions, shipped.versions);
    assert_eq!(built.idcc, shipped.idcc);
    assert_eq!(built.cpne, shipped.cpne);
}
