//! The renewed RNCP codes (D20, D6332-78 V): an old code and the code that replaced it.

use serde::Serialize;

use super::Referentiel;

/// One line of the list of renewed codes: `old` was replaced by `new`, as `source` says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Renewal {
    /// The old code, normalised (`RNCP35393`).
    pub old: String,
    /// The code that replaced it (`RNCP41000`).
    pub new: String,
    /// Where the link comes from (`fc-export-2026-02-01`: France compétences' RNCP export of that day).
    pub source: String,
}

impl Referentiel {
    /// Records a renewal (a line of `data/renewals/rncp.csv`); a line given twice is kept once.
    ///
    /// ```
    /// # use coutcontrat::referentiel::*;
    /// let mut r = Referentiel::default();
    /// r.add_renewal(Renewal { old: "RNCP35393".into(), new: "RNCP41000".into(), source: "fc".into() });
    /// assert_eq!(r.renewals_of("RNCP35393")[0].new, "RNCP41000");
    /// assert!(r.renewals_of("RNCP41000").is_empty());
    /// ```
    pub fn add_renewal(&mut self, renewal: Renewal) {
        let list = self.renewals.entry(renewal.old.clone()).or_default();
        if !list.iter().any(|r| r.new == renewal.new) {
            list.push(renewal);
        }
    }

    /// The codes that replaced `rncp`, as the list of renewals gives them.
    pub fn renewals_of(&self, rncp: &str) -> &[Renewal] {
        self.renewals.get(rncp).map_or(&[], Vec::as_slice)
    }

    /// Every renewal recorded, in no particular order.
    pub fn renewals(&self) -> impl Iterator<Item = &Renewal> {
        self.renewals.values().flatten()
    }
}
