//! Writing the compact form.

use std::collections::HashMap;

use coutcontrat::referentiel::{Coverage, NpecRow, Renewal, RowOrigin, TableVersion};
use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::dataset::DataSet;

use super::{epoch, FORMAT, MAGIC};

#[derive(Default)]
pub(super) struct Out {
    bytes: Vec<u8>,
}

impl Out {
    pub(super) fn uint(&mut self, mut v: u128) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.bytes.push(b);
                return;
            }
            self.bytes.push(b | 0x80);
        }
    }
    pub(super) fn u(&mut self, v: usize) {
        self.uint(v as u128);
    }
    pub(super) fn opt(&mut self, v: Option<usize>) {
        self.u(v.map_or(0, |v| v + 1));
    }
}

/// Strings, each stored once, numbered in order of first use.
#[derive(Default)]
pub(super) struct StringTable {
    index: HashMap<String, usize>,
    list: Vec<String>,
}

impl StringTable {
    pub(super) fn id(&mut self, s: &str) -> usize {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        self.list.push(s.to_owned());
        self.index.insert(s.to_owned(), self.list.len() - 1);
        self.list.len() - 1
    }
}

pub(super) fn days(d: Date) -> usize {
    d.since(epoch()).map_or(0, |s| s.get_days().max(0) as usize)
}

pub(super) fn write_amount(out: &mut Out, a: Option<Decimal>) {
    match a {
        None => out.u(0),
        Some(a) => {
            let m = a.mantissa().unsigned_abs();
            out.uint(((m << 5) | u128::from(a.scale())) + 1);
        }
    }
}

/// (amount, status index, date index): what a row contributes to a lookup, besides its certification and CPNE.
pub(super) type Triple = (Option<Decimal>, usize, usize);

/// Encodes a data set.
pub fn to_compact(set: &DataSet) -> Vec<u8> {
    let mut strings = StringTable::default();
    let mut body = Out::default();

    body.u(set.cpne.len());
    for e in &set.cpne {
        body.u(e.cpne as usize);
        body.u(strings.id(&e.label));
        body.u(strings.id(&e.version));
    }
    body.u(set.idcc.len());
    for i in &set.idcc {
        body.u(i.idcc as usize);
        body.u(strings.id(&i.label));
        body.opt(i.opco.as_deref().map(|o| strings.id(o)));
    }
    body.u(set.versions.len());
    for v in &set.versions {
        write_version(&mut body, &mut strings, v);
    }
    let renewals = relevant_renewals(set);
    body.u(renewals.len());
    for r in renewals {
        body.u(strings.id(&r.old));
        body.u(strings.id(&r.new));
        body.u(strings.id(&r.source));
    }

    let mut out = Out::default();
    out.bytes.extend_from_slice(MAGIC);
    out.uint(u128::from(FORMAT));
    out.u(strings.list.len());
    for s in &strings.list {
        out.u(s.len());
        out.bytes.extend_from_slice(s.as_bytes());
    }
    out.bytes.extend_from_slice(&body.bytes);
    out.bytes
}

/// The renewals a lookup of this data can use: from a code some version lists, down its chain (D20). The
/// page carries no other (the whole list is some 9 000 lines).
fn relevant_renewals(set: &DataSet) -> Vec<&Renewal> {
    let mut by_old: HashMap<&str, Vec<&Renewal>> = HashMap::new();
    for r in &set.renewals {
        by_old.entry(r.old.as_str()).or_default().push(r);
    }
    let mut seen: std::collections::HashSet<&str> = set
        .versions
        .iter()
        .flat_map(|v| {
            v.rows
                .iter()
                .flat_map(|r| r.rncp.iter().map(String::as_str))
        })
        .collect();
    let mut frontier: Vec<&str> = seen.iter().copied().collect();
    let mut out = Vec::new();
    while let Some(code) = frontier.pop() {
        for r in by_old.get(code).into_iter().flatten() {
            out.push(*r);
            if seen.insert(r.new.as_str()) {
                frontier.push(r.new.as_str());
            }
        }
    }
    out.sort_by(|a, b| (&a.old, &a.new).cmp(&(&b.old, &b.new)));
    out
}

pub(super) fn write_version(out: &mut Out, strings: &mut StringTable, v: &TableVersion) {
    out.u(strings.id(&v.tag));
    out.u(days(v.published));
    out.u(days(v.applies_from));
    out.opt(v.applies_until.map(days));
    out.u(strings.id(&v.source_file));
    out.opt(v.source_sha256.as_deref().map(|s| strings.id(s)));
    out.u(strings.id(&v.legal_basis));
    out.u(usize::from(v.synthetic));
    out.u(usize::from(v.coverage == Coverage::Complete));
    out.u(strings.id(&v.note));
    match &v.mapping {
        None => out.u(0),
        Some(m) => {
            out.u(m.len() + 1);
            for p in m {
                out.u(p.cpne as usize);
                out.u(p.idcc as usize);
            }
        }
    }

    // Small tables: statuses, dates (a row without its own date is `None`), the CPNE of the version.
    let mut statuses: Vec<&str> = Vec::new();
    let mut dates: Vec<Option<Date>> = Vec::new();
    let mut universe: Vec<Option<u32>> = Vec::new();
    for r in &v.rows {
        if !statuses.contains(&r.status.as_str()) {
            statuses.push(&r.status);
        }
        if !dates.contains(&r.applicable_from) {
            dates.push(r.applicable_from);
        }
        universe.push(r.cpne);
    }
    universe.sort();
    universe.dedup();
    let position: HashMap<Option<u32>, usize> =
        universe.iter().enumerate().map(|(i, c)| (*c, i)).collect();
    // A CPNE's label as the core keeps it: the first row's (older versions) and the last row's (newest).
    let mut first_label: HashMap<Option<u32>, &str> = HashMap::new();
    let mut last_label: HashMap<Option<u32>, &str> = HashMap::new();
    for r in v.rows.iter().filter(|r| !r.cpne_label.is_empty()) {
        first_label.entry(r.cpne).or_insert(&r.cpne_label);
        last_label.insert(r.cpne, &r.cpne_label);
    }
    out.u(statuses.len());
    for s in &statuses {
        out.u(strings.id(s));
    }
    out.u(dates.len());
    for d in &dates {
        out.opt(d.map(days));
    }
    out.u(universe.len());
    let mut previous = 0usize;
    for c in &universe {
        let code = c.map_or(0, |c| c as usize + 1);
        out.u(code - previous);
        previous = code;
        let first = first_label.get(c).copied().unwrap_or_default();
        let last = last_label.get(c).copied().unwrap_or_default();
        out.u(strings.id(first));
        out.opt((last != first).then(|| strings.id(last)));
    }
    // The sheets rows were read from.
    let mut sheets: Vec<&str> = Vec::new();
    for r in &v.rows {
        if !sheets.contains(&r.origin.sheet.as_str()) {
            sheets.push(&r.origin.sheet);
        }
    }
    out.u(sheets.len());
    for s in &sheets {
        out.u(strings.id(s));
    }

    // Certifications: rows grouped by (cell, code diplôme) in order of first appearance.
    type Group<'r> = ((&'r str, Option<&'r str>), Vec<&'r NpecRow>);
    let mut groups: Vec<Group<'_>> = Vec::new();
    let mut group_of: HashMap<(&str, Option<&str>), usize> = HashMap::new();
    for r in &v.rows {
        let key = (r.rncp_cell.as_str(), r.diploma_code.as_deref());
        let g = *group_of.entry(key).or_insert_with(|| {
            groups.push((key, Vec::new()));
            groups.len() - 1
        });
        groups[g].1.push(r);
    }
    let triple = |r: &NpecRow| -> Triple {
        (
            r.amount,
            statuses.iter().position(|s| *s == r.status).unwrap_or(0),
            dates
                .iter()
                .position(|d| *d == r.applicable_from)
                .unwrap_or(0),
        )
    };
    let write_triple = |out: &mut Out, t: &Triple| {
        write_amount(out, t.0);
        out.u(t.1);
        out.u(t.2);
    };
    out.u(groups.len());
    for ((cell, code), rows) in &groups {
        let first = rows[0];
        out.u(strings.id(cell));
        out.opt(code.map(|c| strings.id(c)));
        out.u(strings.id(&first.label));
        out.u(strings.id(&first.diploma_type));
        out.u(strings.id(&first.certifier));
        // The rows of each CPNE position, in order, and where each was read.
        let mut at: Vec<Vec<Triple>> = vec![Vec::new(); universe.len()];
        let mut origins: Vec<Vec<&RowOrigin>> = vec![Vec::new(); universe.len()];
        // Rows whose texts differ from the first row's: (position, rank there), and the row.
        let mut texts_differ = Vec::new();
        for r in rows.iter() {
            let p = position[&r.cpne];
            if r.label != first.label
                || r.diploma_type != first.diploma_type
                || r.certifier != first.certifier
            {
                texts_differ.push((p, at[p].len(), *r));
            }
            at[p].push(triple(r));
            origins[p].push(&r.origin);
        }
        // The default: the commonest first row.
        let mut counts: HashMap<Triple, usize> = HashMap::new();
        for t in at.iter().filter_map(|v| v.first()) {
            *counts.entry(*t).or_default() += 1;
        }
        let default = counts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(t, _)| *t)
            .unwrap_or((None, 0, 0));
        write_triple(out, &default);
        // Exceptions: positions whose first row is not the default, or that have none.
        let exceptions: Vec<(usize, Option<&Triple>)> = at
            .iter()
            .enumerate()
            .filter(|(_, v)| v.first() != Some(&default))
            .map(|(i, v)| (i, v.first()))
            .collect();
        out.u(exceptions.len());
        let mut previous = 0;
        for (i, t) in &exceptions {
            out.u(i - previous);
            previous = *i;
            match t {
                None => out.u(0),
                Some(t) => {
                    out.u(1);
                    write_triple(out, t);
                }
            }
        }
        // Further rows of a position (a pair given twice).
        let extras: Vec<(usize, &Triple)> = at
            .iter()
            .enumerate()
            .flat_map(|(i, v)| v.iter().skip(1).map(move |t| (i, t)))
            .collect();
        out.u(extras.len());
        let mut previous = 0;
        for (i, t) in &extras {
            out.u(i - previous);
            previous = *i;
            write_triple(out, t);
        }
        // Rows whose texts differ from the group's first row (rare): their index as rebuilt, and texts.
        let mut offset = vec![0usize; at.len() + 1];
        for (i, v) in at.iter().enumerate() {
            offset[i + 1] = offset[i] + v.len();
        }
        out.u(texts_differ.len());
        for (p, k, r) in texts_differ {
            out.u(offset[p] + k);
            out.u(strings.id(&r.label));
            out.u(strings.id(&r.diploma_type));
            out.u(strings.id(&r.certifier));
        }
        // Origins in the order rows are rebuilt: sheet, then the line as a difference from the previous line of
        // that sheet (sheets are read in order, so mostly +1 or 0: small, and repetitive for gzip). Behind its
        // length, so that reading the headers skips it.
        let mut block = Out::default();
        let mut previous = vec![0i64; sheets.len()];
        for o in origins.iter().flatten() {
            let s = sheets.iter().position(|s| *s == o.sheet).unwrap_or(0);
            block.u(s);
            match o.line {
                None => block.u(0),
                Some(line) => {
                    let d = i64::from(line) - previous[s];
                    previous[s] = i64::from(line);
                    block.uint(u128::from(((d << 1) ^ (d >> 63)) as u64) + 1);
                }
            }
        }
        out.u(block.bytes.len());
        out.bytes.extend_from_slice(&block.bytes);
    }
}
