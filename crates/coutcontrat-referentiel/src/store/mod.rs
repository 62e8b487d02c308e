//! Rows held compactly during an import: every text interned once, a row is a few integers. A full-size
//! référentiel (700 000 rows) takes about 35 MB this way instead of about 500 MB of [`NpecRow`]s, and is
//! written to `npec.csv` in the canonical order and bytes of [`crate::format::render_npec_csv`].

use coutcontrat::referentiel::{split_rncp_cell, NpecRow, RowOrigin};
use jiff::civil::Date;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

#[cfg(test)]
use crate::format::parse_amount;
use crate::format::parse_cell_amount;

/// "No string" / "no code".
pub(crate) const NONE: u32 = u32::MAX;

/// Interned texts.
#[derive(Debug, Default, Clone)]
pub(crate) struct Strings {
    list: Vec<Box<str>>,
    map: FxHashMap<Box<str>, u32>,
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
    amounts: FxHashMap<u32, Amount>,
    /// By certification cell id: its RNCP codes.
    codes: FxHashMap<u32, Vec<String>>,
    /// The byte count and [`Checksum`] of the `npec.csv` written from these rows, for the read-back check (kept
    /// from the first write: the output is deterministic, a second one gives the same).
    written: std::sync::OnceLock<(u64, u64)>,
}

impl RowStore {
    /// The amount of an amount cell's text (interned), or the message of [`parse_cell_amount`].
    pub fn amount(&mut self, raw: u32) -> Result<Option<Decimal>, String> {
        if let Some(a) = self.amounts.get(&raw) {
            return Ok(a.value);
        }
        let value = parse_cell_amount(self.strings.get(raw))?;
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
}

mod changes;
mod npec_csv;
mod pairs;

pub(crate) use pairs::PairSet;

#[cfg(test)]
mod tests {
    use super::*;
    use coutcontrat::referentiel::TableVersion;

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
            coverage: Default::default(),
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
