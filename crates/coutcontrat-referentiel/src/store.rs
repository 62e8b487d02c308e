//! Rows held compactly during an import: every text interned once, a row is a few integers. A full-size
//! référentiel (700 000 rows) takes about 35 MB this way instead of about 500 MB of [`NpecRow`]s, and is
//! written to `npec.csv` in the canonical order and bytes of [`crate::format::render_npec_csv`].

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{self, Write};

use coutcontrat::referentiel::{split_rncp_cell, NpecRow, RowOrigin, TableVersion};
use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::diff::{PairChange, VersionDiff};
use crate::format::{is_matrix_sheet, parse_amount, NPEC_HEADER};
use crate::integrity::Sum64;

/// "No string" / "no code".
pub(crate) const NONE: u32 = u32::MAX;

/// The size of the blocks of `npec.csv` handed from the renderer to the writer.
const NPEC_BLOCK: usize = 256 << 10;

/// A small, fast hasher for integer and short-string keys (FxHash).
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        // A final mix: keys such as the bits of whole floats end in zeros, which the table's low bits would
        // otherwise all share.
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut v = [0u8; 8];
            v[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(v));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

impl Fx {
    #[inline]
    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub(crate) type FxBuild = BuildHasherDefault<Fx>;
pub(crate) type FxMap<K, V> = HashMap<K, V, FxBuild>;

/// Interned texts.
#[derive(Debug, Default, Clone)]
pub(crate) struct Strings {
    list: Vec<Box<str>>,
    map: FxMap<Box<str>, u32>,
}

impl Strings {
    pub fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.map.get(s) {
            return id;
        }
        let id = self.list.len() as u32;
        self.list.push(s.into());
        self.map.insert(s.into(), id);
        id
    }

    pub fn get(&self, id: u32) -> &str {
        if id == NONE {
            ""
        } else {
            &self.list[id as usize]
        }
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn find(&self, s: &str) -> Option<u32> {
        self.map.get(s).copied()
    }
}

/// A row: every text an id of [`Strings`] ([`NONE`] for an absent code diplôme), `cpne` [`NONE`] when absent,
/// `line` 0 when unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CRow {
    pub rncp_cell: u32,
    pub diploma_code: u32,
    pub label: u32,
    pub certifier: u32,
    pub diploma_type: u32,
    pub cpne: u32,
    pub cpne_label: u32,
    pub amount_raw: u32,
    pub status: u32,
    pub sheet: u32,
    pub line: u32,
    pub date: Option<Date>,
}

/// An amount text, read once.
#[derive(Debug, Clone)]
struct Amount {
    value: Option<Decimal>,
    /// The `amount` column of `npec.csv`.
    rendered: String,
}

/// Rows and their texts.
#[derive(Debug, Default, Clone)]
pub(crate) struct RowStore {
    pub strings: Strings,
    pub rows: Vec<CRow>,
    /// By amount text id.
    amounts: FxMap<u32, Amount>,
    /// By certification cell id: its RNCP codes.
    codes: FxMap<u32, Vec<String>>,
    /// The byte count and [`Sum64`] of the `npec.csv` written from these rows, for the read-back check (kept
    /// from the first write: the output is deterministic, a second one gives the same).
    written: std::sync::OnceLock<(u64, u64)>,
}

impl RowStore {
    /// The amount of an amount text (interned), or the message of [`parse_amount`].
    pub fn amount(&mut self, raw: u32) -> Result<Option<Decimal>, String> {
        if let Some(a) = self.amounts.get(&raw) {
            return Ok(a.value);
        }
        let value = parse_amount(self.strings.get(raw))?;
        self.amounts.insert(
            raw,
            Amount {
                value,
                rendered: value.map(|a| a.normalize().to_string()).unwrap_or_default(),
            },
        );
        Ok(value)
    }

    pub fn amount_of(&self, raw: u32) -> Option<Decimal> {
        self.amount_known(raw)
    }

    fn amount_known(&self, raw: u32) -> Option<Decimal> {
        self.amounts.get(&raw).and_then(|a| a.value)
    }

    /// The RNCP codes of a certification cell (interned).
    pub fn codes(&mut self, cell: u32) -> &[String] {
        if !self.codes.contains_key(&cell) {
            let codes = split_rncp_cell(self.strings.get(cell));
            self.codes.insert(cell, codes);
        }
        &self.codes[&cell]
    }

    pub fn codes_of(&self, cell: u32) -> &[String] {
        self.codes_known(cell)
    }

    fn codes_known(&self, cell: u32) -> &[String] {
        self.codes.get(&cell).map_or(&[], Vec::as_slice)
    }

    /// Adds a row read by the calamine path.
    pub fn push_row(&mut self, r: &NpecRow) {
        let row = self.crow_of(r);
        self.rows.push(row);
    }

    /// A row read by the calamine path, its texts interned (not added).
    pub fn crow_of(&mut self, r: &NpecRow) -> CRow {
        let s = &mut self.strings;
        let row = CRow {
            rncp_cell: s.intern(&r.rncp_cell),
            diploma_code: r.diploma_code.as_deref().map_or(NONE, |d| s.intern(d)),
            label: s.intern(&r.label),
            certifier: s.intern(&r.certifier),
            diploma_type: s.intern(&r.diploma_type),
            cpne: r.cpne.unwrap_or(NONE),
            cpne_label: s.intern(&r.cpne_label),
            amount_raw: s.intern(&r.amount_raw),
            status: s.intern(&r.status),
            sheet: s.intern(&r.origin.sheet),
            line: r.origin.line.map_or(0, |l| l + 1),
            date: r.applicable_from,
        };
        self.amounts
            .entry(row.amount_raw)
            .or_insert_with(|| Amount {
                value: r.amount,
                rendered: r
                    .amount
                    .map(|a| a.normalize().to_string())
                    .unwrap_or_default(),
            });
        self.codes
            .entry(row.rncp_cell)
            .or_insert_with(|| r.rncp.clone());
        row
    }

    /// Adds a row whose amount and codes were registered with [`RowStore::amount`] and [`RowStore::codes`].
    pub fn push(&mut self, row: CRow) {
        self.rows.push(row);
    }

    /// Takes in the texts (and what is known of them) of another store: the new id of each of its ids.
    pub fn absorb(&mut self, other: &RowStore) -> Vec<u32> {
        let remap: Vec<u32> = (0..other.strings.len() as u32)
            .map(|id| self.strings.intern(other.strings.get(id)))
            .collect();
        for (id, a) in &other.amounts {
            self.amounts
                .entry(remap[*id as usize])
                .or_insert_with(|| a.clone());
        }
        for (id, c) in &other.codes {
            self.codes
                .entry(remap[*id as usize])
                .or_insert_with(|| c.clone());
        }
        remap
    }

    /// A row of another store, with the ids [`RowStore::absorb`] gave.
    pub fn remapped(r: &CRow, remap: &[u32]) -> CRow {
        let m = |id: u32| if id == NONE { NONE } else { remap[id as usize] };
        CRow {
            rncp_cell: m(r.rncp_cell),
            diploma_code: m(r.diploma_code),
            label: m(r.label),
            certifier: m(r.certifier),
            diploma_type: m(r.diploma_type),
            cpne_label: m(r.cpne_label),
            amount_raw: m(r.amount_raw),
            status: m(r.status),
            sheet: m(r.sheet),
            ..*r
        }
    }

    /// A row as the core holds it.
    pub fn npec_row(&self, r: &CRow) -> NpecRow {
        let s = &self.strings;
        NpecRow {
            rncp: self.codes_known(r.rncp_cell).to_vec(),
            rncp_cell: s.get(r.rncp_cell).to_owned(),
            diploma_code: (r.diploma_code != NONE).then(|| s.get(r.diploma_code).to_owned()),
            label: s.get(r.label).to_owned(),
            certifier: s.get(r.certifier).to_owned(),
            diploma_type: s.get(r.diploma_type).to_owned(),
            cpne: (r.cpne != NONE).then_some(r.cpne),
            cpne_label: s.get(r.cpne_label).to_owned(),
            amount: self.amount_known(r.amount_raw),
            amount_raw: s.get(r.amount_raw).to_owned(),
            status: s.get(r.status).to_owned(),
            applicable_from: r.date,
            origin: RowOrigin {
                sheet: s.get(r.sheet).to_owned(),
                line: r.line.checked_sub(1),
            },
        }
    }

    /// Every row as the core holds it, in the order read.
    pub fn npec_rows(&self) -> Vec<NpecRow> {
        self.rows.iter().map(|r| self.npec_row(r)).collect()
    }

    /// The rank of each string id in the order of the texts.
    fn ranks(&self) -> Vec<u32> {
        let mut ids: Vec<u32> = (0..self.strings.len() as u32).collect();
        ids.sort_by(|a, b| self.strings.get(*a).cmp(self.strings.get(*b)));
        let mut rank = vec![0u32; ids.len()];
        for (i, id) in ids.into_iter().enumerate() {
            rank[id as usize] = i as u32;
        }
        rank
    }

    /// Row indices in the canonical order of [`crate::format::sort_rows`] (a stable sort: ties keep their order).
    ///
    /// A counting sort by certification cell first (a few thousand cells), then each cell's rows by the rest of
    /// the key: they come mostly in order already, which the stable sort of a small run checks in one pass.
    pub fn canonical_order(&self) -> Vec<u32> {
        let rank = self.ranks();
        let matrix: Vec<bool> = (0..self.strings.len() as u32)
            .map(|id| is_matrix_sheet(self.strings.get(id)))
            .collect();
        let some = |id: u32| if id == NONE { 0 } else { rank[id as usize] + 1 };
        let rest = |i: &u32| {
            let r = &self.rows[*i as usize];
            (
                some(r.diploma_code),
                // `NONE` + 1 wraps to 0: an absent CPNE sorts first, as `None` does.
                r.cpne.wrapping_add(1),
                matrix[r.sheet as usize],
                rank[r.sheet as usize],
                r.line,
            )
        };
        // Ranks are distinct (the texts are): one bucket per certification cell, rows in the order read.
        let mut start = vec![0usize; rank.len() + 1];
        for r in &self.rows {
            start[rank[r.rncp_cell as usize] as usize + 1] += 1;
        }
        for b in 1..start.len() {
            start[b] += start[b - 1];
        }
        let mut next = start.clone();
        let mut order = vec![0u32; self.rows.len()];
        for (i, r) in self.rows.iter().enumerate() {
            let b = &mut next[rank[r.rncp_cell as usize] as usize];
            order[*b] = i as u32;
            *b += 1;
        }
        for w in start.windows(2) {
            if w[1] - w[0] > 1 {
                // Stable: ties keep the order read.
                order[w[0]..w[1]].sort_by_key(rest);
            }
        }
        order
    }

    /// Writes `npec.csv` (canonical order), byte for byte as [`crate::format::render_npec_csv`] would, and
    /// keeps its [`Sum64`] ([`RowStore::written_sum`]).
    pub fn write_npec_csv(&self, out: &mut impl Write) -> io::Result<()> {
        let mut sum = Sum64::default();
        // Rows are rendered into blocks on a helper thread and written here: the copy into the page cache
        // overlaps the sorting and rendering.
        std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<u8>>(4);
            let (give_back, recycled) = std::sync::mpsc::channel::<Vec<u8>>();
            scope.spawn(move || self.render_npec_blocks(&tx, &recycled));
            for block in rx {
                out.write_all(&block)?;
                sum.update(&block);
                let _ = give_back.send(block);
            }
            Ok::<(), io::Error>(())
        })?;
        let _ = self.written.set(sum.finish());
        Ok(())
    }

    /// The byte count and [`Sum64`] of the `npec.csv` written by [`RowStore::write_npec_csv`], if any.
    pub fn written_sum(&self) -> Option<(u64, u64)> {
        self.written.get().copied()
    }

    /// The lines of `npec.csv` in blocks of about [`NPEC_BLOCK`] bytes; stops when the receiver is gone.
    fn render_npec_blocks(
        &self,
        tx: &std::sync::mpsc::SyncSender<Vec<u8>>,
        recycled: &std::sync::mpsc::Receiver<Vec<u8>>,
    ) {
        let mut header = Vec::new();
        for (i, h) in NPEC_HEADER.iter().enumerate() {
            if i > 0 {
                header.push(b',');
            }
            header.extend_from_slice(&csv_field(h));
        }
        header.push(b'\n');
        if tx.send(header).is_err() {
            return;
        }
        let t0 = std::time::Instant::now();
        let order = self.canonical_order();
        crate::import::trace("npec.csv sorted", t0);
        let escaped: Vec<Vec<u8>> = (0..self.strings.len() as u32)
            .map(|id| csv_field(self.strings.get(id)))
            .collect();
        let mut rendered: Vec<&[u8]> = vec![b""; self.strings.len()];
        for (id, a) in &self.amounts {
            rendered[*id as usize] = a.rendered.as_bytes();
        }
        let mut num = itoa_buf();
        let mut line: Vec<u8> = Vec::with_capacity(NPEC_BLOCK + 4096);
        let s = |id: u32| -> &[u8] {
            if id == NONE {
                b""
            } else {
                &escaped[id as usize]
            }
        };
        // The rows of a certification share their first five fields, and mostly their date and sheet: each
        // rendered once per run.
        let mut head_of = None;
        let mut head: Vec<u8> = Vec::new();
        let mut tail_of = None;
        let mut tail: Vec<u8> = Vec::new();
        for i in order {
            let r = &self.rows[i as usize];
            let h = (
                r.rncp_cell,
                r.label,
                r.certifier,
                r.diploma_type,
                r.diploma_code,
            );
            if head_of != Some(h) {
                head_of = Some(h);
                head.clear();
                for id in [h.0, h.1, h.2, h.3, h.4] {
                    head.extend_from_slice(s(id));
                    head.push(b',');
                }
            }
            line.extend_from_slice(&head);
            if r.cpne != NONE {
                line.extend_from_slice(itoa(&mut num, r.cpne));
            }
            line.push(b',');
            line.extend_from_slice(s(r.cpne_label));
            line.push(b',');
            if let Some(a) = rendered.get(r.amount_raw as usize) {
                line.extend_from_slice(a);
            }
            line.push(b',');
            line.extend_from_slice(s(r.amount_raw));
            line.push(b',');
            line.extend_from_slice(s(r.status));
            line.push(b',');
            if tail_of != Some((r.date, r.sheet)) {
                tail_of = Some((r.date, r.sheet));
                tail.clear();
                if let Some(d) = r.date {
                    tail.extend_from_slice(d.to_string().as_bytes());
                }
                tail.push(b',');
                tail.extend_from_slice(s(r.sheet));
                tail.push(b',');
            }
            line.extend_from_slice(&tail);
            if r.line > 0 {
                line.extend_from_slice(itoa(&mut num, r.line - 1));
            }
            line.push(b'\n');
            if line.len() >= NPEC_BLOCK {
                let mut next = recycled.try_recv().unwrap_or_default();
                next.clear();
                next.reserve(NPEC_BLOCK + 4096);
                if tx.send(std::mem::replace(&mut line, next)).is_err() {
                    return;
                }
            }
        }
        if !line.is_empty() {
            let _ = tx.send(line);
        }
        crate::import::trace("npec.csv rendered", t0);
    }

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
        let mut key_ids: FxMap<(u32, u32), u32> = FxMap::default();
        let mut branches: FxMap<u64, u32> = FxMap::default();
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
                    let mut b = itoa_buf();
                    keys.intern(std::str::from_utf8(itoa(&mut b, r.cpne)).unwrap_or_default())
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
            let present: std::collections::HashSet<u64, FxBuild> =
                new.iter().map(|n| n.1).collect();
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

/// The (certification cell, code diplôme, CPNE) pairs of some rows — by CPNE label, folded, for rows without a
/// CPNE code — to tell which matrix cells the long sheet lacks. A bitset of CPNE codes per certification cell:
/// one hash lookup per row, and no key per pair.
#[derive(Default)]
pub(crate) struct PairSet {
    cells: FxMap<(u32, u32), Vec<u64>>,
    by_label: std::collections::HashSet<(u32, u32, u32), FxBuild>,
    /// Pairs whose CPNE code is too large for a bitset.
    big: std::collections::HashSet<(u32, u32, u32), FxBuild>,
    folded: FxMap<u32, u32>,
}

/// CPNE codes from this one on are kept in a hash set rather than a bitset.
const BITSET_LIMIT: u32 = 1 << 16;

impl PairSet {
    /// The pairs of `store.rows[range]`.
    pub fn of_rows(store: &mut RowStore, range: std::ops::Range<usize>) -> PairSet {
        let mut set = PairSet::default();
        let mut last: Option<((u32, u32), usize)> = None;
        let mut bits: Vec<Vec<u64>> = Vec::new();
        let mut index: FxMap<(u32, u32), usize> = FxMap::default();
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

/// A CSV field as the `csv` crate writes it (quoted when it holds a comma, a quote, CR or LF).
fn csv_field(s: &str) -> Vec<u8> {
    if !s.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
        return s.as_bytes().to_vec();
    }
    let mut out = Vec::with_capacity(s.len() + 2);
    out.push(b'"');
    for b in s.bytes() {
        if b == b'"' {
            out.push(b'"');
        }
        out.push(b);
    }
    out.push(b'"');
    out
}

fn itoa_buf() -> [u8; 10] {
    [0u8; 10]
}

fn itoa(buf: &mut [u8; 10], mut n: u32) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &buf[i..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{render_npec_csv, sort_rows};
    use jiff::civil::date;

    #[test]
    fn diff_matches_diff_versions() {
        let d = date(2024, 7, 15);
        let version = |rows: Vec<NpecRow>| TableVersion {
            tag: "t".into(),
            published: d,
            applies_from: d,
            applies_until: None,
            source_file: String::new(),
            source_sha256: None,
            legal_basis: String::new(),
            synthetic: true,
            note: String::new(),
            rows,
            mapping: None,
        };
        let mut multi = NpecRow::simple("RNCP1", "a", 2, "7750", d);
        multi.rncp_cell = "RNCP1/RNCP2".into();
        multi.rncp = vec!["RNCP1".into(), "RNCP2".into()];
        let mut cfd = NpecRow::simple("x", "b", 7, "100", d);
        cfd.rncp = Vec::new();
        cfd.rncp_cell = String::new();
        cfd.diploma_code = Some("5002".into());
        let mut no_cpne = NpecRow::simple("RNCP3", "c", 1, "5", d);
        no_cpne.cpne = None;
        no_cpne.cpne_label = "Branche".into();
        let mut undated = NpecRow::simple("RNCP2", "a", 100, "9000", d);
        undated.applicable_from = None;
        let new_rows = vec![
            multi,
            NpecRow::simple("RNCP2", "a", 2, "8502", d),
            NpecRow::simple("RNCP2", "a", 2, "8600", date(2024, 1, 1)),
            cfd,
            no_cpne,
            undated,
            NpecRow::simple("RNCP4", "d", 65, "NC", d),
        ];
        let old_rows = vec![
            NpecRow::simple("RNCP2", "a", 2, "8502", d),
            NpecRow::simple("RNCP9", "z", 2, "1", d),
            NpecRow::simple("RNCP1", "a", 2, "7000", d),
        ];
        let mut store = RowStore::default();
        for r in &new_rows {
            store.push_row(r);
        }
        let old = version(old_rows);
        assert_eq!(
            store.diff(Some(&old), d),
            crate::diff_versions(Some(&old), &version(new_rows.clone()))
        );
        // A first version: its pairs counted, none listed.
        let first = store.diff(None, d);
        assert_eq!(first, crate::diff_versions(None, &version(new_rows)));
        assert_eq!(first.pairs, store.diff(Some(&old), d).pairs);
        assert_eq!(first.pairs, 6);
        assert!(first.added.is_empty() && !first.is_empty());
    }

    #[test]
    fn canonical_csv_matches_the_renderer() {
        let d = date(2024, 7, 15);
        let mut rows = vec![
            NpecRow::simple("RNCP2", "b, \"quoted\"", 65, "9 497 €", d),
            NpecRow::simple("RNCP10", "a\nb", 100, "NC", d),
            NpecRow::simple("RNCP10", "a", 7, "7750", d),
            NpecRow::simple("RNCP10", "a", 7, "6079.3333", d),
        ];
        rows[1].origin.sheet = "Onglet 2 - global".into();
        rows[1].origin.line = Some(8);
        rows[1].applicable_from = None;
        rows[2].origin.sheet = "Onglet 3 - référentiel NPEC".into();
        rows[2].origin.line = Some(12);
        rows[3].diploma_code = Some("500".into());
        // Certifications out of order, interleaved, each with rows of several dates: the rendering by runs.
        for (i, cell) in ["RNCP7", "RNCP10", "RNCP7", "RNCP3"].iter().enumerate() {
            let mut r = NpecRow::simple(cell, "x", 3 - i as u32 % 2, "100", d);
            r.applicable_from = Some(date(2023 + i as i16, 1, 1));
            rows.push(r);
        }
        rows[0].amount = parse_amount("9 497 €").unwrap();
        rows[1].amount = None;
        rows[3].amount = parse_amount("6079.3333").unwrap();
        let mut store = RowStore::default();
        for r in &rows {
            store.push_row(r);
        }
        let mut out = Vec::new();
        store.write_npec_csv(&mut out).unwrap();
        let mut sorted = rows.clone();
        sort_rows(&mut sorted);
        assert_eq!(String::from_utf8(out).unwrap(), render_npec_csv(&sorted));
        assert_eq!(store.npec_rows(), rows);
    }
}
