//! D20: where a certification stands against the référentiel edition in force for a date of conclusion.

use jiff::civil::Date;

use super::{Coverage, Referentiel, TableVersion};

/// A code that replaced an absent one, and how it is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Successor {
    /// The successor's code, listed in the edition in force unless no code of the chain is.
    pub rncp: String,
    /// How it is known.
    pub how: SuccessorSource,
}

/// How a successor is known (D20 (c)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SuccessorSource {
    /// An earlier edition grouped both codes in one row (« RNCP35393 / RNCP41000 »); its tag.
    Grouped(String),
    /// The list of renewed codes; the source of its line.
    Renewed(String),
}

/// Where a code stands against the edition in force (D20).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// Listed in the edition in force, or no edition applies at that date: D12 as it is (case a).
    Listed,
    /// In no edition at all (case b).
    Unknown,
    /// Absent from the edition in force and listed only by later ones: no row applies (amorçage).
    NotYet,
    /// Absent from the edition in force, listed by an earlier one (`last_listed`, its tag), with successors
    /// (case c).
    Superseded {
        /// The successors, those the edition in force lists first.
        successors: Vec<Successor>,
        /// The latest earlier edition that listed the code.
        last_listed: String,
    },
    /// Absent from the edition in force, listed by an earlier one, no successor known (cases d, e).
    Dropped {
        /// The latest earlier edition that listed the code.
        last_listed: String,
    },
}

/// How deep a chain of renewals is followed (RNCP1188 → RNCP26650 → RNCP37553 → RNCP38430 is three).
const CHAIN: usize = 8;

impl Referentiel {
    /// The edition in force for a date of conclusion, with its coverage: its re-issues (versions with the
    /// same `applies_from`) are the same edition, complete when one of them is.
    pub fn edition_in_force(&self, signed_on: Date) -> Option<(&TableVersion, Coverage)> {
        let edition = self.edition_for(signed_on)?;
        let complete = self
            .versions
            .iter()
            .any(|v| v.applies_from == edition.applies_from && v.coverage == Coverage::Complete);
        Some((
            edition,
            if complete {
                Coverage::Complete
            } else {
                Coverage::Partial
            },
        ))
    }

    /// True when some version of the edition applying from `from` lists the code.
    fn listed_from(&self, rncp: &str, from: Date) -> bool {
        self.versions_of.get(rncp).is_some_and(|listed| {
            listed
                .iter()
                .any(|&v| self.versions[v as usize].applies_from == from)
        })
    }

    /// Where a code stands against the edition in force for a date of conclusion (D20).
    ///
    /// ```
    /// # use coutcontrat::referentiel::*;
    /// # use jiff::civil::date;
    /// let mut r = Referentiel::default();
    /// for (tag, from, code) in [("2025-09", date(2025, 9, 1), "RNCP35393"), ("2026-09", date(2026, 9, 1), "RNCP41000")] {
    ///     r.add_version(TableVersion { tag: tag.into(), published: from, applies_from: from, applies_until: None,
    ///         source_file: String::new(), source_sha256: None, legal_basis: String::new(), synthetic: false,
    ///         coverage: Coverage::Partial, note: String::new(), mapping: None,
    ///         rows: vec![NpecRow::simple(code, "BTS MOS", 204, "8800", from)] });
    /// }
    /// assert_eq!(r.standing("RNCP35393", date(2026, 9, 14)), Standing::Dropped { last_listed: "2025-09".into() });
    /// r.add_renewal(Renewal { old: "RNCP35393".into(), new: "RNCP41000".into(), source: "fc".into() });
    /// assert!(matches!(r.standing("RNCP35393", date(2026, 9, 14)), Standing::Superseded { .. }));
    /// assert_eq!(r.standing("RNCP35393", date(2025, 10, 1)), Standing::Listed);
    /// assert_eq!(r.standing("RNCP41000", date(2025, 10, 1)), Standing::NotYet);
    /// assert_eq!(r.standing("RNCP1", date(2025, 10, 1)), Standing::Unknown);
    /// ```
    pub fn standing(&self, rncp: &str, signed_on: Date) -> Standing {
        let Some(hits) = self.index.get(rncp) else {
            return Standing::Unknown;
        };
        let Some(edition) = self.edition_for(signed_on) else {
            return Standing::Listed;
        };
        let from = edition.applies_from;
        if self.listed_from(rncp, from) {
            return Standing::Listed;
        }
        let earlier = hits
            .iter()
            .map(|h| (&self.versions[h.version as usize], h))
            .filter(|(v, _)| v.applies_from < from);
        let Some((last, _)) = earlier
            .clone()
            .max_by_key(|(v, _)| (v.applies_from, v.published))
        else {
            return Standing::NotYet;
        };
        let last_listed = last.tag.clone();
        let mut successors: Vec<Successor> = Vec::new();
        let add = |rncp: &str, how: SuccessorSource, list: &mut Vec<Successor>| {
            if !list.iter().any(|s| s.rncp == rncp) {
                list.push(Successor {
                    rncp: rncp.to_owned(),
                    how,
                });
            }
        };
        for (v, h) in earlier {
            for other in &v.rows[h.row as usize].rncp {
                if other != rncp && self.listed_from(other, from) {
                    add(
                        other,
                        SuccessorSource::Grouped(v.tag.clone()),
                        &mut successors,
                    );
                }
            }
        }
        // The renewals, followed down the chain to the codes the edition in force lists; when none does,
        // the direct successors.
        let mut seen: Vec<&str> = vec![rncp];
        let mut frontier: Vec<(&str, &str)> = self
            .renewals_of(rncp)
            .iter()
            .map(|r| (r.new.as_str(), r.source.as_str()))
            .collect();
        let mut in_force = Vec::new();
        for _ in 0..CHAIN {
            let mut next = Vec::new();
            for (code, source) in frontier {
                if seen.contains(&code) {
                    continue;
                }
                seen.push(code);
                if self.listed_from(code, from) {
                    in_force.push((code, source));
                } else {
                    next.extend(
                        self.renewals_of(code)
                            .iter()
                            .map(|r| (r.new.as_str(), source)),
                    );
                }
            }
            frontier = next;
        }
        if in_force.is_empty() {
            in_force = self
                .renewals_of(rncp)
                .iter()
                .map(|r| (r.new.as_str(), r.source.as_str()))
                .collect();
        }
        for (code, source) in in_force {
            add(
                code,
                SuccessorSource::Renewed(source.to_owned()),
                &mut successors,
            );
        }
        if successors.is_empty() {
            Standing::Dropped { last_listed }
        } else {
            Standing::Superseded {
                successors,
                last_listed,
            }
        }
    }
}
