//! What changed since the previous version, computed on the compact rows.

use coutcontrat::referentiel::TableVersion;
use jiff::civil::Date;
use rust_decimal::Decimal;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{RowStore, Strings, NONE};
use crate::diff::{PairChange, VersionDiff};

impl RowStore {
    /// What changed since `before`, as [`crate::diff_versions`] computes it (same pairs, same order).
    pub fn diff(&self, before: Option<&TableVersion>, applies_from: Date) -> VersionDiff {
        type Rank = (Date, bool, bool, Option<Decimal>);
        let rank = |i: u32| -> Rank {
            let r = &self.rows[i as usize];
            let amount = self.amount_known(r.amount_raw);
            (
                r.date.unwrap_or(applies_from),
                self.codes_known(r.rncp_cell).len() == 1,
                amount.is_some(),
                amount,
            )
        };
        // Certification keys: an RNCP code, or `CFD <code>`; branch keys: the CPNE code, or its label.
        let mut keys = Strings::default();
        let mut key_ids: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        let mut branches: FxHashMap<u64, u32> = FxHashMap::default();
        // Each row's certification keys and branch key, then every (certification, branch) pair sorted in the
        // order of their texts: a run of equal pairs keeps its best row (the first among equals).
        let mut row_keys: Vec<(u32, u32)> = Vec::with_capacity(self.rows.len());
        let mut cells: Vec<Vec<u32>> = Vec::new();
        let mut last: Option<((u32, u32), u32)> = None;
        for r in &self.rows {
            let branch_of = if r.cpne == NONE {
                (1u64 << 32) | u64::from(r.cpne_label)
            } else {
                u64::from(r.cpne)
            };
            let branch = *branches.entry(branch_of).or_insert_with(|| {
                if r.cpne == NONE {
                    keys.intern(self.strings.get(r.cpne_label))
                } else {
                    keys.intern(itoa::Buffer::new().format(r.cpne))
                }
            });
            let cell = (r.rncp_cell, r.diploma_code);
            let k = match last {
                Some((c, k)) if c == cell => k,
                _ => {
                    let k = *key_ids.entry(cell).or_insert_with(|| {
                        let codes = self.codes_known(r.rncp_cell);
                        cells.push(if codes.is_empty() {
                            let cfd = if r.diploma_code != NONE {
                                self.strings.get(r.diploma_code)
                            } else {
                                self.strings.get(r.rncp_cell)
                            };
                            vec![keys.intern(&format!("CFD {cfd}"))]
                        } else {
                            codes.iter().map(|c| keys.intern(c)).collect()
                        });
                        cells.len() as u32 - 1
                    });
                    last = Some((cell, k));
                    k
                }
            };
            row_keys.push((k, branch));
        }
        let mut order: Vec<u32> = (0..keys.len() as u32).collect();
        order.sort_by(|a, b| keys.get(*a).cmp(keys.get(*b)));
        let mut key_rank = vec![0u32; order.len()];
        for (i, id) in order.into_iter().enumerate() {
            key_rank[id as usize] = i as u32;
        }
        let mut pairs: Vec<(u64, u32)> = Vec::with_capacity(self.rows.len());
        for (i, (k, branch)) in row_keys.iter().enumerate() {
            for &code in &cells[*k as usize] {
                let sort = (u64::from(key_rank[code as usize]) << 32)
                    | u64::from(key_rank[*branch as usize]);
                pairs.push((sort, i as u32));
            }
        }
        drop(row_keys);
        pairs.sort_unstable();
        // No earlier version: every pair is new, and only their count is kept (see `VersionDiff`).
        let Some(before) = before else {
            let mut distinct = pairs.len().min(1);
            for w in pairs.windows(2) {
                distinct += usize::from(w[0].0 != w[1].0);
            }
            return VersionDiff {
                pairs: distinct,
                ..VersionDiff::default()
            };
        };
        // The text of each rank, to name the pairs.
        let mut by_rank = vec![0u32; key_rank.len()];
        for (id, r) in key_rank.iter().enumerate() {
            by_rank[*r as usize] = id as u32;
        }
        let mut new: Vec<(u64, u64, u32)> = Vec::new();
        let mut i = 0;
        while i < pairs.len() {
            let sort = pairs[i].0;
            let mut best = pairs[i].1;
            let mut j = i + 1;
            while j < pairs.len() && pairs[j].0 == sort {
                if rank(pairs[j].1) > rank(best) {
                    best = pairs[j].1;
                }
                j += 1;
            }
            let (c, b) = (
                by_rank[(sort >> 32) as usize],
                by_rank[(sort & 0xffff_ffff) as usize],
            );
            new.push((sort, (u64::from(c) << 32) | u64::from(b), best));
            i = j;
        }
        drop(pairs);

        let old = crate::diff::effective(before);
        let mut diff = VersionDiff {
            previous: Some(before.tag.clone()),
            pairs: new.len(),
            ..VersionDiff::default()
        };
        let mut seen_old = 0usize;
        for &(_, key, row) in &new {
            let amount = self.amount_known(self.rows[row as usize].amount_raw);
            let (c, b) = ((key >> 32) as u32, (key & 0xffff_ffff) as u32);
            let pair = (keys.get(c).to_owned(), keys.get(b).to_owned());
            match old.get(&pair) {
                None => diff.added.push(PairChange {
                    rncp: pair.0,
                    cpne: pair.1,
                    before: None,
                    after: amount,
                }),
                Some(prev) => {
                    seen_old += 1;
                    if *prev != amount {
                        diff.changed.push(PairChange {
                            rncp: pair.0,
                            cpne: pair.1,
                            before: *prev,
                            after: amount,
                        });
                    }
                }
            }
        }
        if seen_old < old.len() {
            let present: FxHashSet<u64> = new.iter().map(|n| n.1).collect();
            for ((code, branch), amount) in &old {
                let known = match (keys.find(code), keys.find(branch)) {
                    (Some(c), Some(b)) => present.contains(&((u64::from(c) << 32) | u64::from(b))),
                    _ => false,
                };
                if !known {
                    diff.removed.push(PairChange {
                        rncp: code.clone(),
                        cpne: branch.clone(),
                        before: *amount,
                        after: None,
                    });
                }
            }
        }
        diff
    }
}
