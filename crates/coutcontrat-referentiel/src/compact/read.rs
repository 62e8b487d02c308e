//! Reading the compact form: the varints, a version's head, a certification's rows.

use std::collections::HashMap;

use coutcontrat::referentiel::{
    split_rncp_cell, Coverage, CpneIdcc, NpecRow, RowOrigin, TableVersion,
};
use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::error::{Error, ErrorKind, Result};

use super::epoch;

pub(super) struct In<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) pos: usize,
}

pub(super) fn bad(what: &str) -> Error {
    Error::new(
        ErrorKind::Format,
        "référentiel compact",
        format!("données compactes illisibles ({what}) : régénérez-les"),
    )
}

impl In<'_> {
    pub(super) fn uint(&mut self) -> Result<u128> {
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
    pub(super) fn u(&mut self) -> Result<usize> {
        usize::try_from(self.uint()?).map_err(|_| bad("entier trop grand"))
    }
    pub(super) fn u32(&mut self) -> Result<u32> {
        u32::try_from(self.uint()?).map_err(|_| bad("code trop grand"))
    }
    pub(super) fn opt(&mut self) -> Result<Option<usize>> {
        Ok(self.u()?.checked_sub(1))
    }
    /// A length bounded by what is left (each element takes a byte at least).
    pub(super) fn len(&mut self) -> Result<usize> {
        let n = self.u()?;
        if n > self.bytes.len() - self.pos.min(self.bytes.len()) + 1 {
            return Err(bad("longueur incohérente"));
        }
        Ok(n)
    }
}

pub(super) fn date_of(n: usize) -> Result<Date> {
    let n = i32::try_from(n).map_err(|_| bad("date"))?;
    // `try_days`: `days` panics out of range, which would link jiff's error formatting into the page.
    let span = jiff::Span::new().try_days(n).map_err(|_| bad("date"))?;
    epoch().checked_add(span).map_err(|_| bad("date"))
}

pub(super) fn read_amount(inp: &mut In<'_>) -> Result<Option<Decimal>> {
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
pub(super) struct VersionHead {
    pub(super) version: TableVersion,
    statuses: Vec<usize>,
    dates: Vec<Option<Date>>,
    /// CPNE code, first label, last label (string ids).
    pub(super) universe: Vec<(Option<u32>, usize, usize)>,
    /// The sheets rows were read from (string ids).
    sheets: Vec<usize>,
}

/// A certification group of a version: where its bytes start, and its header.
#[derive(Debug, Clone)]
pub(super) struct GroupHead {
    pub(super) version: usize,
    pub(super) offset: usize,
    pub(super) cell: usize,
    pub(super) label: usize,
    pub(super) diploma_type: usize,
}

pub(super) fn read_version_head(
    inp: &mut In<'_>,
    s: &dyn Fn(usize) -> Result<String>,
) -> Result<VersionHead> {
    let tag = s(inp.u()?)?;
    let published = date_of(inp.u()?)?;
    let applies_from = date_of(inp.u()?)?;
    let applies_until = inp.opt()?.map(date_of).transpose()?;
    let source_file = s(inp.u()?)?;
    let source_sha256 = inp.opt()?.map(s).transpose()?;
    let legal_basis = s(inp.u()?)?;
    let synthetic = inp.u()? != 0;
    let coverage = if inp.u()? != 0 {
        Coverage::Complete
    } else {
        Coverage::Partial
    };
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
            coverage,
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

pub(super) type Row = (Option<Decimal>, usize, Option<Date>);

/// Reads a group's rows (and only skips them when `rows` is `None`).
pub(super) fn read_group(
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
pub(super) fn label_rows(
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
