//! The référentiel the page embeds, loaded once.
//!
//! Every figure the page shows comes from the same core and default data as the library and the command
//! line: this module is the one place that says which data that is.

use std::sync::OnceLock;

use coutcontrat::referentiel::CertificationIndex;
use coutcontrat::Referentiel;

/// The référentiel and its search index, as the state needs them.
#[derive(Debug, Clone, Copy)]
pub struct Catalog<'a> {
    /// NPEC tables, CPNE ↔ IDCC mappings, IDCC labels and OPCO.
    pub referentiel: &'a Referentiel,
    /// Certifications prepared for search-as-you-type (labels folded once).
    pub certifications: &'a CertificationIndex,
}

impl<'a> Catalog<'a> {
    /// A catalog over a référentiel and an index built from it.
    pub fn new(
        referentiel: &'a Referentiel,
        certifications: &'a CertificationIndex,
    ) -> Catalog<'a> {
        Catalog {
            referentiel,
            certifications,
        }
    }
}

impl Catalog<'static> {
    /// The default data, embedded in the page.
    pub fn embedded() -> Catalog<'static> {
        static INDEX: OnceLock<CertificationIndex> = OnceLock::new();
        let referentiel = referentiel();
        let certifications =
            INDEX.get_or_init(|| CertificationIndex::new(referentiel.certifications()));
        Catalog::new(referentiel, certifications)
    }
}

/// The référentiel embedded in the page: the default data of `coutcontrat-referentiel`, the same as the
/// library's and the command line's.
pub fn referentiel() -> &'static Referentiel {
    coutcontrat_referentiel::embedded()
}
