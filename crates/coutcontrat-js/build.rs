//! The package's default data: the compact form of the embedded référentiel (the data of `data/`), written
//! by the same function as `coutcontrat-compact`, so the package carries the figures of the CLI.

use std::path::PathBuf;

fn main() {
    let set = coutcontrat_referentiel::embedded_dataset().expect("the embedded data are valid");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(
        out.join("referentiel.ccrc"),
        coutcontrat_referentiel::compact::to_compact(&set),
    )
    .expect("OUT_DIR is writable");
}
