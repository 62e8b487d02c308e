//! A compact binary form of a référentiel for the web page: most CPNE share one amount per certification, so
//! each certification is stored as its default (amount, status, date) plus the exceptions by CPNE, every text
//! once, the CPNE ↔ IDCC mappings once.
//!
//! A full-size table (3,400 certifications × 205 CPNE, 700,000 rows, 168 MB of `npec.csv`) takes a few hundred
//! KB this way. [`from_compact`] needs no file system, so it runs in WebAssembly; it gives back a
//! [`Referentiel`] whose lookups are those of the full form: same row chosen, same amount, date, status,
//! version, tie, sheet and line (the rows only lose the exact text of the amount cell, rebuilt from the
//! amount, and the CPNE labels between a version's first and last row).
//!
//! Layout (all integers LEB128 varints): magic `CCRC`, format version, the string table, the CPNE lists, the
//! IDCC list, then each version: its manifest fields, its mapping, its tables of statuses and dates, its CPNE
//! (code, first and last label), its sheets, and its certifications (cell, code diplôme, label, type,
//! certifier, default triple, exceptions by CPNE position, extra rows, rows with other texts, and behind its
//! length the origin of each row: sheet, line as a difference).
//!
//! ```
//! use coutcontrat_referentiel::compact::{from_compact, to_compact};
//! use coutcontrat::referentiel::TableLookup;
//! use jiff::civil::date;
//! let set = coutcontrat_referentiel::embedded_dataset().unwrap();
//! let bytes = to_compact(&set);
//! let r = from_compact(&bytes).unwrap();
//! let TableLookup::Found(row) = r.lookup("RNCP41000", 204, date(2026, 9, 14)) else { panic!() };
//! assert_eq!(row.amount.to_string(), "8765");
//! ```

use std::collections::HashMap;

use coutcontrat::referentiel::{
    split_rncp_cell, CpneIdcc, IdccInfo, NpecRow, RowOrigin, TableVersion,
};
use coutcontrat::Referentiel;
use jiff::civil::{date, Date};
use rust_decimal::Decimal;

use crate::dataset::CpneEntry;
use crate::dataset::DataSet;
use crate::error::{Error, ErrorKind, Result};

const MAGIC: &[u8; 4] = b"CCRC";
// 2: each row's origin (sheet and line), so that a quote's explanation names the row as the text form does.
const FORMAT: u64 = 2;

fn epoch() -> Date {
    date(1900, 1, 1)
}

// --- writing -------------------------------------------------------------------------------------------------

#[derive(Default)]
struct Out {
    bytes: Vec<u8>,
}

impl Out {
    fn uint(&mut self, mut v: u128) {
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
    fn u(&mut self, v: usize) {
        self.uint(v as u128);
    }
    fn opt(&mut self, v: Option<usize>) {
        self.u(v.map_or(0, |v| v + 1));
    }
}

/// Strings, each stored once, numbered in order of first use.
#[derive(Default)]
struct StringTable {
    index: HashMap<String, usize>,
    list: Vec<String>,
}

impl StringTable {
    fn id(&mut self, s: &str) -> usize {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        self.list.push(s.to_owned());
        self.index.insert(s.to_owned(), self.list.len() - 1);
        self.list.len() - 1
    }
}

fn days(d: Date) -> usize {
    d.since(epoch()).map_or(0, |s| s.get_days().max(0) as usize)
}

fn write_amount(out: &mut Out, a: Option<Decimal>) {
    match a {
        None => out.u(0),
        Some(a) => {
            let m = a.mantissa().unsigned_abs();
            out.uint(((m << 5) | u128::from(a.scale())) + 1);
        }
    }
}

/// (amount, status index, date index): what a row contributes to a lookup, besides its certification and CPNE.
type Triple = (Option<Decimal>, usize, usize);

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

fn write_version(out: &mut Out, strings: &mut StringTable, v: &TableVersion) {
    out.u(strings.id(&v.tag));
    out.u(days(v.published));
    out.u(days(v.applies_from));
    out.opt(v.applies_until.map(days));
    out.u(strings.id(&v.source_file));
    out.opt(v.source_sha256.as_deref().map(|s| strings.id(s)));
    out.u(strings.id(&v.legal_basis));
    out.u(usize::from(v.synthetic));
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

// --- reading -------------------------------------------------------------------------------------------------

struct In<'a> {
    bytes: &'a [u8],
    pos: usize,
}

fn bad(what: &str) -> Error {
    Error::new(
        ErrorKind::Format,
        "référentiel compact",
        format!("données compactes illisibles ({what}) : régénérez-les"),
    )
}

impl In<'_> {
    fn uint(&mut self) -> Result<u128> {
        let mut v: u128 = 0;
        let mut shift = 0;
        loop {
            let b = *self
                .bytes
                .get(self.pos)
                .ok_or_else(|| bad("fin inattendue"))?;
            self.pos += 1;
            if shift >= 128 {
                return Err(bad("entier trop long"));
            }
            v |= u128::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
            shift += 7;
        }
    }
    fn u(&mut self) -> Result<usize> {
        usize::try_from(self.uint()?).map_err(|_| bad("entier trop grand"))
    }
    fn u32(&mut self) -> Result<u32> {
        u32::try_from(self.uint()?).map_err(|_| bad("code trop grand"))
    }
    fn opt(&mut self) -> Result<Option<usize>> {
        Ok(self.u()?.checked_sub(1))
    }
    /// A length bounded by what is left (each element takes a byte at least).
    fn len(&mut self) -> Result<usize> {
        let n = self.u()?;
        if n > self.bytes.len() - self.pos.min(self.bytes.len()) + 1 {
            return Err(bad("longueur incohérente"));
        }
        Ok(n)
    }
}

fn date_of(n: usize) -> Result<Date> {
    let n = i32::try_from(n).map_err(|_| bad("date"))?;
    // `try_days`: `days` panics out of range, which would link jiff's error formatting into the page.
    let span = jiff::Span::new().try_days(n).map_err(|_| bad("date"))?;
    epoch().checked_add(span).map_err(|_| bad("date"))
}

fn read_amount(inp: &mut In<'_>) -> Result<Option<Decimal>> {
    let v = inp.uint()?;
    if v == 0 {
        return Ok(None);
    }
    let v = v - 1;
    let scale = (v & 0x1f) as u32;
    let m = i128::try_from(v >> 5).map_err(|_| bad("montant"))?;
    Decimal::try_from_i128_with_scale(m, scale)
        .map(Some)
        .map_err(|_| bad("montant"))
}

/// A version's fields and tables, its rows not yet decoded.
struct VersionHead {
    version: TableVersion,
    statuses: Vec<usize>,
    dates: Vec<Option<Date>>,
    /// CPNE code, first label, last label (string ids).
    universe: Vec<(Option<u32>, usize, usize)>,
    /// The sheets rows were read from (string ids).
    sheets: Vec<usize>,
}

/// A certification group of a version: where its bytes start, and its header.
#[derive(Debug, Clone)]
struct GroupHead {
    version: usize,
    offset: usize,
    cell: usize,
    label: usize,
    diploma_type: usize,
}

fn read_version_head(inp: &mut In<'_>, s: &dyn Fn(usize) -> Result<String>) -> Result<VersionHead> {
    let tag = s(inp.u()?)?;
    let published = date_of(inp.u()?)?;
    let applies_from = date_of(inp.u()?)?;
    let applies_until = inp.opt()?.map(date_of).transpose()?;
    let source_file = s(inp.u()?)?;
    let source_sha256 = inp.opt()?.map(s).transpose()?;
    let legal_basis = s(inp.u()?)?;
    let synthetic = inp.u()? != 0;
    let note = s(inp.u()?)?;
    let mapping = match inp.u()? {
        0 => None,
        n => {
            let mut m = Vec::with_capacity(n - 1);
            for _ in 0..n - 1 {
                m.push(CpneIdcc {
                    cpne: inp.u32()?,
                    idcc: inp.u32()?,
                });
            }
            Some(m)
        }
    };
    let statuses: Vec<usize> = (0..inp.len()?).map(|_| inp.u()).collect::<Result<_>>()?;
    let dates: Vec<Option<Date>> = (0..inp.len()?)
        .map(|_| inp.opt()?.map(date_of).transpose())
        .collect::<Result<_>>()?;
    let mut universe = Vec::new();
    let mut code = 0usize;
    for _ in 0..inp.len()? {
        code += inp.u()?;
        let cpne = code
            .checked_sub(1)
            .map(|c| u32::try_from(c).map_err(|_| bad("code CPNE")))
            .transpose()?;
        let first = inp.u()?;
        let last = inp.opt()?.unwrap_or(first);
        universe.push((cpne, first, last));
    }
    let sheets: Vec<usize> = (0..inp.len()?).map(|_| inp.u()).collect::<Result<_>>()?;
    Ok(VersionHead {
        version: TableVersion {
            tag,
            published,
            applies_from,
            applies_until,
            source_file,
            source_sha256,
            legal_basis,
            synthetic,
            note,
            rows: Vec::new(),
            mapping,
        },
        statuses,
        dates,
        universe,
        sheets,
    })
}

type Row = (Option<Decimal>, usize, Option<Date>);

/// Reads a group's rows (and only skips them when `rows` is `None`).
fn read_group(
    inp: &mut In<'_>,
    head: &VersionHead,
    s: &dyn Fn(usize) -> Result<String>,
    rows: Option<&mut Vec<NpecRow>>,
) -> Result<GroupHead> {
    let offset = inp.pos;
    let cell = inp.u()?;
    let diploma_code = inp.opt()?;
    let label = inp.u()?;
    let diploma_type = inp.u()?;
    let certifier = inp.u()?;
    let n = head.universe.len();
    let triple = |inp: &mut In<'_>| -> Result<Row> {
        let amount = read_amount(inp)?;
        let status = *head.statuses.get(inp.u()?).ok_or_else(|| bad("statut"))?;
        let date = *head.dates.get(inp.u()?).ok_or_else(|| bad("date"))?;
        Ok((amount, status, date))
    };
    let default = triple(inp)?;
    let decode = rows.is_some();
    let mut at: Vec<Option<Row>> = if decode {
        vec![Some(default); n]
    } else {
        Vec::new()
    };
    let mut pos = 0;
    for _ in 0..inp.len()? {
        pos += inp.u()?;
        if pos >= n {
            return Err(bad("position de CPNE"));
        }
        let t = match inp.u()? {
            0 => None,
            _ => Some(triple(inp)?),
        };
        if decode {
            at[pos] = t;
        }
    }
    let mut extras: Vec<Vec<Row>> = if decode {
        vec![Vec::new(); n]
    } else {
        Vec::new()
    };
    let mut pos = 0;
    for _ in 0..inp.len()? {
        pos += inp.u()?;
        if pos >= n {
            return Err(bad("position de CPNE"));
        }
        let t = triple(inp)?;
        if decode {
            extras[pos].push(t);
        }
    }
    let mut differ = Vec::new();
    for _ in 0..inp.len()? {
        differ.push((inp.u()?, inp.u()?, inp.u()?, inp.u()?));
    }
    let origins_len = inp.len()?;
    let origins = inp
        .bytes
        .get(inp.pos..inp.pos + origins_len)
        .ok_or_else(|| bad("origines"))?;
    inp.pos += origins_len;
    if let Some(rows) = rows {
        let cell_text = s(cell)?;
        let codes = split_rncp_cell(&cell_text);
        let diploma_code = diploma_code.map(s).transpose()?;
        let (label_text, type_text, certifier_text) = (s(label)?, s(diploma_type)?, s(certifier)?);
        let start = rows.len();
        for (i, first) in at.into_iter().enumerate() {
            for (amount, status, date) in first.into_iter().chain(extras[i].drain(..)) {
                rows.push(NpecRow {
                    rncp: codes.clone(),
                    rncp_cell: cell_text.clone(),
                    diploma_code: diploma_code.clone(),
                    label: label_text.clone(),
                    certifier: certifier_text.clone(),
                    diploma_type: type_text.clone(),
                    cpne: head.universe[i].0,
                    // Set by the caller, which knows the first and last row of each CPNE.
                    cpne_label: String::new(),
                    amount,
                    amount_raw: amount.map_or_else(|| "NC".to_owned(), |a| a.to_string()),
                    status: s(status)?,
                    applicable_from: date,
                    origin: RowOrigin {
                        sheet: String::new(),
                        line: None,
                    },
                });
            }
        }
        let mut o = In {
            bytes: origins,
            pos: 0,
        };
        let mut previous = vec![0i64; head.sheets.len()];
        let sheet_names: Vec<String> = head.sheets.iter().map(|&i| s(i)).collect::<Result<_>>()?;
        for row in &mut rows[start..] {
            let k = o.u()?;
            let sheet = sheet_names.get(k).ok_or_else(|| bad("onglet"))?;
            let line = match o.uint()? {
                0 => None,
                z => {
                    let z = u64::try_from(z - 1).map_err(|_| bad("ligne"))?;
                    let d = (z >> 1) as i64 ^ -((z & 1) as i64);
                    previous[k] = previous[k].checked_add(d).ok_or_else(|| bad("ligne"))?;
                    Some(u32::try_from(previous[k]).map_err(|_| bad("ligne"))?)
                }
            };
            row.origin = RowOrigin {
                sheet: sheet.clone(),
                line,
            };
        }
        if o.pos != origins.len() {
            return Err(bad("origines"));
        }
        for (i, l, t, c) in differ {
            let row = rows.get_mut(start + i).ok_or_else(|| bad("ligne"))?;
            row.label = s(l)?;
            row.diploma_type = s(t)?;
            row.certifier = s(c)?;
        }
    }
    Ok(GroupHead {
        version: 0,
        offset,
        cell,
        label,
        diploma_type,
    })
}

/// Gives each row its CPNE label as the core would keep it: the first row of a CPNE in the version its first
/// label, the others (and so the last) its last label.
fn label_rows(
    head: &VersionHead,
    rows: &mut [NpecRow],
    s: &dyn Fn(usize) -> Result<String>,
) -> Result<()> {
    let position: HashMap<Option<u32>, usize> = head
        .universe
        .iter()
        .enumerate()
        .map(|(i, u)| (u.0, i))
        .collect();
    let mut seen = vec![false; head.universe.len()];
    let labels: Vec<(String, String)> = head
        .universe
        .iter()
        .map(|u| Ok((s(u.1)?, s(u.2)?)))
        .collect::<Result<_>>()?;
    for r in rows.iter_mut() {
        let i = position[&r.cpne];
        r.cpne_label = if seen[i] {
            labels[i].1.clone()
        } else {
            labels[i].0.clone()
        };
        seen[i] = true;
    }
    let mut last: Vec<Option<usize>> = vec![None; head.universe.len()];
    for (k, r) in rows.iter().enumerate() {
        last[position[&r.cpne]] = Some(k);
    }
    for (i, k) in last.iter().enumerate() {
        if let Some(k) = k {
            rows[*k].cpne_label = labels[i].1.clone();
        }
    }
    Ok(())
}

/// A compact référentiel held as is: certifications known at once, rows decoded per certification on demand.
///
/// Decoding every row of a full-size table into a [`Referentiel`] takes seconds (700,000 rows); a page needs
/// only the certifications for its search, then the rows of the certification chosen:
/// [`CompactTable::referentiel_for`] gives a référentiel with every version, mapping and branch list but only
/// the rows of that certification, whose lookups are those of the whole table.
pub struct CompactTable {
    bytes: Vec<u8>,
    strings: Vec<(usize, usize)>,
    cpne: Vec<CpneEntry>,
    idcc: Vec<IdccInfo>,
    versions: Vec<VersionHead>,
    groups: Vec<GroupHead>,
    by_code: HashMap<String, Vec<usize>>,
    /// Each CPNE's label as the whole table's référentiel ends with it (string id): a part keeps them.
    labels: HashMap<u32, usize>,
}

impl CompactTable {
    /// Reads the tables and the certification headers (the rows stay encoded).
    pub fn new(bytes: Vec<u8>) -> Result<CompactTable> {
        if bytes.len() < 5 || &bytes[..4] != MAGIC {
            return Err(bad("signature absente"));
        }
        let mut inp = In {
            bytes: &bytes,
            pos: 4,
        };
        if inp.uint()? != u128::from(FORMAT) {
            return Err(bad("version de format inconnue"));
        }
        let n = inp.len()?;
        let mut strings = Vec::with_capacity(n);
        for _ in 0..n {
            let len = inp.len()?;
            let end = inp.pos + len;
            bytes
                .get(inp.pos..end)
                .and_then(|b| std::str::from_utf8(b).ok())
                .ok_or_else(|| bad("texte"))?;
            strings.push((inp.pos, end));
            inp.pos = end;
        }
        let text = |i: usize| -> Result<String> {
            let (a, b) = *strings.get(i).ok_or_else(|| bad("texte inconnu"))?;
            Ok(String::from_utf8_lossy(&bytes[a..b]).into_owned())
        };
        let mut cpne = Vec::new();
        for _ in 0..inp.len()? {
            cpne.push(CpneEntry {
                cpne: inp.u32()?,
                label: text(inp.u()?)?,
                version: text(inp.u()?)?,
            });
        }
        let mut idcc = Vec::new();
        for _ in 0..inp.len()? {
            idcc.push(IdccInfo {
                idcc: inp.u32()?,
                label: text(inp.u()?)?,
                opco: inp.opt()?.map(text).transpose()?,
            });
        }
        let mut versions = Vec::new();
        let mut groups = Vec::new();
        for vi in 0..inp.len()? {
            let head = read_version_head(&mut inp, &text)?;
            for _ in 0..inp.len()? {
                let mut g = read_group(&mut inp, &head, &text, None)?;
                g.version = vi;
                groups.push(g);
            }
            versions.push(head);
        }
        if inp.pos != bytes.len() {
            return Err(bad("octets en trop"));
        }
        // `Referentiel::add_version` over every row: the newest version so far overwrites, an older one
        // only fills a gap; within a version that is its last label, or its first one. An empty first
        // label means no row of the version named the CPNE.
        let mut labels: HashMap<u32, usize> = HashMap::new();
        for (vi, head) in versions.iter().enumerate() {
            let published = head.version.published;
            let newest = versions[..vi]
                .iter()
                .all(|v| v.version.published <= published);
            for &(cpne, first, last) in &head.universe {
                let Some(cpne) = cpne else { continue };
                if text(first)?.is_empty() {
                    continue;
                }
                if newest {
                    labels.insert(cpne, last);
                } else {
                    labels.entry(cpne).or_insert(first);
                }
            }
        }
        let mut by_code: HashMap<String, Vec<usize>> = HashMap::new();
        for (gi, g) in groups.iter().enumerate() {
            for code in split_rncp_cell(&text(g.cell)?) {
                by_code.entry(code).or_default().push(gi);
            }
        }
        Ok(CompactTable {
            bytes,
            strings,
            cpne,
            idcc,
            versions,
            groups,
            by_code,
            labels,
        })
    }

    fn text(&self, i: usize) -> Result<String> {
        let (a, b) = *self.strings.get(i).ok_or_else(|| bad("texte inconnu"))?;
        Ok(String::from_utf8_lossy(&self.bytes[a..b]).into_owned())
    }

    /// True when some version has rows for this RNCP code.
    pub fn knows_certification(&self, code: &str) -> bool {
        self.by_code.contains_key(code)
    }

    /// The number of certification groups (cells) of every version.
    pub fn groups(&self) -> usize {
        self.groups.len()
    }

    /// Every certification known, as [`Referentiel::certifications`] lists them (labelled by the newest
    /// version that names them), for a search index.
    pub fn certifications(&self) -> Vec<coutcontrat::referentiel::Certification> {
        let mut out: Vec<coutcontrat::referentiel::Certification> = self
            .by_code
            .iter()
            .filter_map(|(code, groups)| {
                // The last group of the newest version, as the core's `max_by_key` picks the last row.
                let g = groups
                    .iter()
                    .map(|&g| &self.groups[g])
                    .max_by_key(|g| self.versions[g.version].version.published)?;
                let label = self.text(g.label).ok()?;
                let diploma_type = self.text(g.diploma_type).ok()?;
                Some(coutcontrat::referentiel::Certification {
                    rncp: code.clone(),
                    level_hint: coutcontrat::referentiel::level_of_diploma_type(&diploma_type),
                    label,
                    diploma_type,
                    published: self.versions[g.version].version.published,
                })
            })
            .collect();
        out.sort_by(|a, b| a.rncp.cmp(&b.rncp));
        out
    }

    /// A référentiel with every version, mapping and list, the CPNE labels of the whole table, and the rows
    /// of the groups naming these codes (none: the rowless base of a page).
    pub fn referentiel_for(&self, codes: &[&str]) -> Result<Referentiel> {
        let mut wanted: Vec<usize> = codes
            .iter()
            .filter_map(|c| self.by_code.get(*c))
            .flatten()
            .copied()
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut set = self.decode(Some(&wanted))?;
        // The CPNE labels of the whole table, not of these rows alone: on the rows (which give them to the
        // référentiel), then for the CPNE they do not name, before the lists fill the gaps (`add_to`).
        let label = |c: Option<u32>| -> Result<String> {
            c.and_then(|c| self.labels.get(&c))
                .map_or(Ok(String::new()), |&l| self.text(l))
        };
        for v in &mut set.versions {
            for row in &mut v.rows {
                row.cpne_label = label(row.cpne)?;
            }
        }
        let mut r = Referentiel::default();
        for v in set.versions {
            r.add_version(v);
        }
        for (&c, &l) in &self.labels {
            r.add_cpne_label(c, &self.text(l)?);
        }
        DataSet {
            versions: Vec::new(),
            cpne: set.cpne,
            idcc: set.idcc,
        }
        .add_to(&mut r);
        Ok(r)
    }

    /// Every row: the whole data set.
    pub fn dataset(&self) -> Result<DataSet> {
        self.decode(None)
    }

    fn decode(&self, only: Option<&[usize]>) -> Result<DataSet> {
        let text = |i: usize| self.text(i);
        let mut set = DataSet {
            cpne: self.cpne.clone(),
            idcc: self.idcc.clone(),
            versions: Vec::with_capacity(self.versions.len()),
        };
        let mut rows_of: Vec<Vec<NpecRow>> = vec![Vec::new(); self.versions.len()];
        let all: Vec<usize>;
        let groups = match only {
            Some(g) => g,
            None => {
                all = (0..self.groups.len()).collect();
                &all
            }
        };
        for &gi in groups {
            let g = &self.groups[gi];
            let mut inp = In {
                bytes: &self.bytes,
                pos: g.offset,
            };
            read_group(
                &mut inp,
                &self.versions[g.version],
                &text,
                Some(&mut rows_of[g.version]),
            )?;
        }
        for (head, mut rows) in self.versions.iter().zip(rows_of) {
            label_rows(head, &mut rows, &text)?;
            let mut v = head.version.clone();
            v.rows = rows;
            set.versions.push(v);
        }
        Ok(set)
    }
}

/// Decodes [`to_compact`]'s bytes into a data set.
pub fn dataset_from_compact(bytes: &[u8]) -> Result<DataSet> {
    CompactTable::new(bytes.to_vec())?.dataset()
}

/// Decodes [`to_compact`]'s bytes into a référentiel (no file system: it runs in WebAssembly).
pub fn from_compact(bytes: &[u8]) -> Result<Referentiel> {
    Ok(dataset_from_compact(bytes)?.to_referentiel())
}
