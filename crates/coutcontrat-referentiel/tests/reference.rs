//! The shipped data are what the converter makes of the shared reference extracts
//! (`COUTCONTRAT_REFERENCE_DATA`, else `../shared/reference-data` beside the checkout). Ignored by default, as
//! the extracts are not in the repository; `scripts/test.sh` runs it with `--ignored`, and then it fails when
//! they are absent.
#![cfg(feature = "import")]

use std::path::PathBuf;

use coutcontrat_referentiel::embedded_dataset;
use coutcontrat_referentiel::reference::build_default_data;

/// The shared reference extracts.
fn reference_data() -> PathBuf {
    std::env::var_os("COUTCONTRAT_REFERENCE_DATA").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference-data"),
        PathBuf::from,
    )
}

#[test]
#[ignore = "needs the shared reference extracts: cargo test -p coutcontrat-referentiel --test reference -- --ignored"]
fn shipped_data_are_reproducible() {
    let reference = reference_data();
    assert!(
        reference.join("npec_extract_rows.csv").exists(),
        "{} is absent: set COUTCONTRAT_REFERENCE_DATA to the folder of the shared reference extracts",
        reference.display()
    );
    let built = build_default_data(&reference).unwrap();
    let shipped = embedded_dataset().unwrap();
    assert_eq!(built.versions, shipped.versions);
    assert_eq!(built.idcc, shipped.idcc);
    assert_eq!(built.cpne, shipped.cpne);
}
