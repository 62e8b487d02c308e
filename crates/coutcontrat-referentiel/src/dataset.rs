//! A whole data directory in memory: the table versions and the branch lists.

use std::collections::HashMap;

use coutcontrat::referentiel::{IdccInfo, Renewal, TableVersion};
use coutcontrat::Referentiel;

/// A line of `branches/cpne.csv`: a CPNE as one version lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CpneEntry {
    /// The CPNE code.
    pub cpne: u32,
    /// Its label in that version.
    pub label: String,
    /// The version tag of the list.
    pub version: String,
}

/// Everything a data directory holds: the table versions and the branch lists.
#[derive(Debug, Clone, Default)]
pub struct DataSet {
    /// The table versions, in directory order (publication date first in the name).
    pub versions: Vec<TableVersion>,
    /// What is known of each IDCC (`branches/idcc.csv`).
    pub idcc: Vec<IdccInfo>,
    /// The CPNE lists of each version (`branches/cpne.csv`).
    pub cpne: Vec<CpneEntry>,
    /// The renewed RNCP codes (`renewals/rncp.csv`, D20).
    pub renewals: Vec<Renewal>,
    /// What reading the data noticed without refusing it (a manifest without `coverage`…).
    pub warnings: Vec<String>,
}

impl DataSet {
    /// The référentiel these data make.
    pub fn to_referentiel(&self) -> Referentiel {
        let mut r = Referentiel::default();
        self.add_to(&mut r);
        r
    }

    /// Adds these data to a référentiel (for instance user-imported versions on top of the embedded ones).
    pub fn add_to(&self, r: &mut Referentiel) {
        for v in &self.versions {
            r.add_version(v.clone());
        }
        // Table rows name their CPNE; the lists fill the gaps, the newest list first.
        let published: HashMap<&str, jiff::civil::Date> = r
            .versions()
            .iter()
            .map(|v| (v.tag.as_str(), v.published))
            .collect();
        let mut lists: Vec<&CpneEntry> = self.cpne.iter().collect();
        lists.sort_by_key(|e| std::cmp::Reverse(published.get(e.version.as_str()).copied()));
        for e in lists {
            r.add_cpne_label(e.cpne, &e.label);
        }
        for i in &self.idcc {
            r.add_idcc(i.clone());
        }
        for renewal in &self.renewals {
            r.add_renewal(renewal.clone());
        }
    }
}
