//! The pairs the long sheet gives, to tell which matrix cells it lacks.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{CRow, RowStore, NONE};

/// The (certification cell, code diplôme, CPNE) pairs of some rows — by CPNE label, folded, for rows without a
/// CPNE code — to tell which matrix cells the long sheet lacks. A bitset of CPNE codes per certification cell:
/// one hash lookup per row, and no key per pair.
#[derive(Default)]
pub(crate) struct PairSet {
    cells: FxHashMap<(u32, u32), Vec<u64>>,
    by_label: FxHashSet<(u32, u32, u32)>,
    /// Pairs whose CPNE code is too large for a bitset.
    big: FxHashSet<(u32, u32, u32)>,
    folded: FxHashMap<u32, u32>,
}

/// CPNE codes from this one on are kept in a hash set rather than a bitset.
const BITSET_LIMIT: u32 = 1 << 16;

impl PairSet {
    /// The pairs of `store.rows[range]`.
    pub fn of_rows(store: &mut RowStore, range: std::ops::Range<usize>) -> PairSet {
        let mut set = PairSet::default();
        let mut last: Option<((u32, u32), usize)> = None;
        let mut bits: Vec<Vec<u64>> = Vec::new();
        let mut index: FxHashMap<(u32, u32), usize> = FxHashMap::default();
        for i in range {
            let r = store.rows[i];
            if r.cpne == NONE {
                let label = set.folded_label(store, r.cpne_label);
                set.by_label.insert((r.rncp_cell, r.diploma_code, label));
                continue;
            }
            if r.cpne >= BITSET_LIMIT {
                set.big.insert((r.rncp_cell, r.diploma_code, r.cpne));
                continue;
            }
            let cell = (r.rncp_cell, r.diploma_code);
            // Rows come grouped by certification: the previous row's cell is the likely one.
            let k = match last {
                Some((c, k)) if c == cell => k,
                _ => *index.entry(cell).or_insert_with(|| {
                    bits.push(Vec::new());
                    bits.len() - 1
                }),
            };
            last = Some((cell, k));
            let (word, bit) = ((r.cpne / 64) as usize, r.cpne % 64);
            let b = &mut bits[k];
            if b.len() <= word {
                b.resize(word + 1, 0);
            }
            b[word] |= 1 << bit;
        }
        set.cells = index
            .into_iter()
            .map(|(cell, k)| (cell, std::mem::take(&mut bits[k])))
            .collect();
        set
    }

    fn folded_label(&mut self, store: &mut RowStore, label: u32) -> u32 {
        *self.folded.entry(label).or_insert_with(|| {
            let f = coutcontrat::referentiel::fold(store.strings.get(label));
            store.strings.intern(&f)
        })
    }

    /// Whether a row's pair is in the set.
    pub fn contains(&mut self, store: &mut RowStore, r: &CRow) -> bool {
        if r.cpne == NONE {
            let label = self.folded_label(store, r.cpne_label);
            return self
                .by_label
                .contains(&(r.rncp_cell, r.diploma_code, label));
        }
        if r.cpne >= BITSET_LIMIT {
            return self.big.contains(&(r.rncp_cell, r.diploma_code, r.cpne));
        }
        let (word, bit) = ((r.cpne / 64) as usize, r.cpne % 64);
        self.cells
            .get(&(r.rncp_cell, r.diploma_code))
            .and_then(|b| b.get(word))
            .is_some_and(|w| w & (1 << bit) != 0)
    }
}
