//! What changed between two versions: (RNCP, CPNE) pairs added, removed, or whose amount changed.

use std::collections::BTreeMap;

use coutcontrat::referentiel::{NpecRow, TableVersion};
use jiff::civil::Date;
use rust_decimal::Decimal;

/// One (certification, branch) pair that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairChange {
    /// The RNCP code (`CFD 1022001` for a 2019 row keyed by code diplôme).
    pub rncp: String,
    /// The CPNE code (its label for a 2019-09 row, which has none).
    pub cpne: String,
    /// The amount before (`None`: absent, `NC`/`NR`, or no such pair).
    pub before: Option<Decimal>,
    /// The amount after.
    pub after: Option<Decimal>,
}

/// The differences between a version and the one before it.
///
/// With no version before it, every pair is new: they are counted in `pairs`, not listed in `added` (that
/// list would be the whole table, 700,000 pairs for a full référentiel).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VersionDiff {
    /// The tag of the version compared with, if any.
    pub previous: Option<String>,
    /// The distinct (certification, branch) pairs of the new version.
    pub pairs: usize,
    /// Pairs only in the new version (empty when there is no previous version: see `pairs`).
    pub added: Vec<PairChange>,
    /// Pairs only in the previous version.
    pub removed: Vec<PairChange>,
    /// Pairs in both whose amount differs.
    pub changed: Vec<PairChange>,
}

impl VersionDiff {
    /// True when nothing changed (a first version with pairs is a change).
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && (self.previous.is_some() || self.pairs == 0)
    }
}

type Rank = (Date, bool, bool, Option<Decimal>);

/// The amount a version gives each (RNCP, CPNE) pair at its latest date, ranked as D12 ranks rows within a
/// version: latest date, a row naming the code alone, a row with an amount, the higher amount.
pub(crate) fn effective(version: &TableVersion) -> BTreeMap<(String, String), Option<Decimal>> {
    let mut best: BTreeMap<(String, String), Rank> = BTreeMap::new();
    for row in &version.rows {
        let rank: Rank = (
            row.applicable_from.unwrap_or(version.applies_from),
            row.rncp.len() == 1,
            row.amount.is_some(),
            row.amount,
        );
        for key in keys(row) {
            match best.get(&key) {
                Some(known) if *known >= rank => {}
                _ => {
                    best.insert(key, rank);
                }
            }
        }
    }
    best.into_iter().map(|(k, r)| (k, r.3)).collect()
}

fn keys(row: &NpecRow) -> Vec<(String, String)> {
    let cpne = row
        .cpne
        .map(|c| c.to_string())
        .unwrap_or_else(|| row.cpne_label.clone());
    if row.rncp.is_empty() {
        let cfd = row
            .diploma_code
            .clone()
            .unwrap_or_else(|| row.rncp_cell.clone());
        return vec![(format!("CFD {cfd}"), cpne)];
    }
    row.rncp
        .iter()
        .map(|code| (code.clone(), cpne.clone()))
        .collect()
}

/// Compares two versions pair by pair.
///
/// ```
/// # use coutcontrat::referentiel::*; use jiff::civil::date;
/// let v = |amount: &str| TableVersion { tag: amount.into(), published: date(2025, 9, 4),
///     applies_from: date(2025, 9, 1), applies_until: None, source_file: String::new(), source_sha256: None,
///     legal_basis: String::new(), synthetic: false, coverage: Default::default(), note: String::new(), mapping: None,
///     rows: vec![NpecRow::simple("RNCP41000", "BTS MOS", 204, amount, date(2025, 9, 1))] };
/// let d = coutcontrat_referentiel::diff_versions(Some(&v("8828")), &v("8765"));
/// assert_eq!(d.changed[0].after.unwrap().to_string(), "8765");
/// ```
pub fn diff_versions(before: Option<&TableVersion>, after: &TableVersion) -> VersionDiff {
    let old = before.map(effective).unwrap_or_default();
    let new = effective(after);
    let mut diff = VersionDiff {
        previous: before.map(|v| v.tag.clone()),
        pairs: new.len(),
        ..VersionDiff::default()
    };
    if before.is_none() {
        return diff;
    }
    let change = |(rncp, cpne): &(String, String), before, after| PairChange {
        rncp: rncp.clone(),
        cpne: cpne.clone(),
        before,
        after,
    };
    for (key, amount) in &new {
        match old.get(key) {
            None => diff.added.push(change(key, None, *amount)),
            Some(prev) if prev != amount => diff.changed.push(change(key, *prev, *amount)),
            Some(_) => {}
        }
    }
    for (key, amount) in &old {
        if !new.contains_key(key) {
            diff.removed.push(change(key, *amount, None));
        }
    }
    diff
}
