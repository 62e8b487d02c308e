//! The default data of `data/`, embedded at build time and parsed once.

use std::sync::OnceLock;

use coutcontrat::Referentiel;

use crate::data_dir::assemble;
use crate::dataset::DataSet;
use crate::error::Result;
use crate::format::{
    parse_cpne_csv, parse_cpne_idcc_csv, parse_idcc_csv, parse_manifest, parse_npec_csv,
    parse_renewals_csv,
};

/// The files of one version directory, as embedded.
pub(crate) struct EmbeddedVersion {
    pub slug: &'static str,
    pub manifest: &'static str,
    pub npec: &'static str,
    pub cpne_idcc: Option<&'static str>,
}

include!(concat!(env!("OUT_DIR"), "/embedded_data.rs"));

/// Parses the embedded files (the checks of [`crate::load_dir`] apply: a bad file fails the tests).
pub fn embedded_dataset() -> Result<DataSet> {
    let mut set = DataSet::default();
    for v in VERSIONS {
        let at = |file: &str| format!("data/referentiel/{}/{file}", v.slug);
        let manifest = parse_manifest(v.manifest, &at("manifest.toml"))?;
        if manifest.coverage.is_none() {
            set.warnings
                .push(crate::format::no_coverage(&at("manifest.toml")));
        }
        let rows = parse_npec_csv(v.npec, &at("npec.csv"))?;
        let mapping = v
            .cpne_idcc
            .map(|text| parse_cpne_idcc_csv(text, &at("cpne_idcc.csv")))
            .transpose()?;
        set.versions.push(assemble(
            manifest,
            rows,
            mapping,
            &format!("data/referentiel/{}", v.slug),
        )?);
    }
    if !IDCC_CSV.is_empty() {
        set.idcc = parse_idcc_csv(IDCC_CSV, "data/branches/idcc.csv")?;
    }
    if !CPNE_CSV.is_empty() {
        set.cpne = parse_cpne_csv(CPNE_CSV, "data/branches/cpne.csv")?;
    }
    if !RENEWALS_CSV.is_empty() {
        set.renewals = parse_renewals_csv(RENEWALS_CSV, "data/renewals/rncp.csv")?;
    }
    Ok(set)
}

/// The référentiel shipped with the library: every real value of the reference extracts (see
/// `data/README.md`), parsed on first use.
///
/// ```
/// use coutcontrat_referentiel::embedded;
/// let hits = embedded().search_certifications("securite", 5);
/// assert!(hits.iter().any(|c| c.rncp == "RNCP41000"));
/// ```
pub fn embedded() -> &'static Referentiel {
    static REFERENTIEL: OnceLock<Referentiel> = OnceLock::new();
    REFERENTIEL.get_or_init(|| {
        // The embedded files are checked by this crate's tests; failing here means a broken build.
        embedded_dataset()
            .unwrap_or_else(|e| panic!("embedded référentiel data is invalid: {e}"))
            .to_referentiel()
    })
}
