//! The streaming import of the current layout (2023+): « Onglet 3 - référentiel NPEC » is inflated on one thread
//! and pull-parsed on others, each row converted as it arrives into compact rows (`chunks`); the other sheets
//! (matrix, mapping, « Me lire ») are read meanwhile on another, or all on one thread in a browser. Same rows, warnings and messages as the calamine path
//! (which [`read`] leaves to the caller, by returning `None`, for every other layout and for anything unexpected).

use std::collections::BTreeSet;
use std::io::BufRead;

use calamine::Data;
use coutcontrat::referentiel::CpneIdcc;
use coutcontrat::text::quoted;
use jiff::civil::Date;
use rustc_hash::FxHashMap;

use super::cells::{
    cell_code, cell_text, check_sheet_names, col_letter, date_value, is_code_text, norm_header,
    norm_sheet, not_a_code, NO_CPNE,
};
use super::layouts::{Field, Layout, LongSpec, SPECS};
use super::long::{best_header, renamed_header_error, required, Match, RowNotes};
use super::mapping::read_mapping_sheet;
use super::matrix::{matrix_head, Fixed, MATRIX_KEYS};
use super::parts::{MatrixParts, Parts};
use super::readme::{readme_of, readme_sheet};
use super::sheet::Grid;
use crate::error::{Error, ErrorKind, Result};
use crate::integrity::sha256_hex;
use crate::store::{CRow, RowStore, NONE};
use crate::trace::{trace, Started};
use crate::xlsx::limits::Limits;
use crate::xlsx::{range_of, read_range, to_data, Package, RawCell, SheetRows, Value, XError};

mod chunks;

/// The size of the chunks of « Onglet 3 » handed to the parsers (small in unit tests: many chunks).
const CHUNK: usize = if cfg!(test) { 16 << 10 } else { 4 << 20 };

/// The normalised name of the current layout's long sheet.
const CURRENT_SHEET: &str = "onglet3-referentielnpec";

/// Why the streaming path stops: a problem of the data (reported), a part too large (reported: calamine would
/// load it whole), or a reason to let calamine read the file.
enum Stop {
    Error(Error),
    TooLarge(String),
    Fallback,
}

impl From<Error> for Stop {
    fn from(e: Error) -> Stop {
        Stop::Error(e)
    }
}

impl From<String> for Stop {
    fn from(_: String) -> Stop {
        Stop::Fallback
    }
}

impl From<XError> for Stop {
    fn from(e: XError) -> Stop {
        match e {
            XError::Unexpected(_) => Stop::Fallback,
            // Both refused as they are, the sheet named.
            XError::TooLarge(why) | XError::BeyondSheet(why) => Stop::TooLarge(why),
        }
    }
}

type SResult<T> = std::result::Result<T, Stop>;

/// A refusal of a sheet's content (a row too large, which names only the row), with the sheet named.
fn in_sheet(sheet: &str, stop: Stop) -> Stop {
    match stop {
        Stop::TooLarge(why) => Stop::TooLarge(format!("onglet « {} » : {why}", quoted(sheet))),
        other => other,
    }
}

/// Reads a current-layout workbook, with the SHA-256 of `outer` (the file as given); `None` when the calamine
/// path must read it.
pub(super) fn read(
    file: &str,
    inner: &[u8],
    outer: &[u8],
    limits: Limits,
    in_line: bool,
) -> Result<Option<(Parts, String)>> {
    match read_stream(file, inner, outer, limits, in_line) {
        Ok(found) => Ok(Some(found)),
        Err(Stop::Error(e)) => Err(e),
        Err(Stop::TooLarge(why)) => Err(Error::new(ErrorKind::Unreadable, file, why)),
        Err(Stop::Fallback) => Ok(None),
    }
}

/// The texts of streamed cells, interned in a store: shared strings once, numbers by value.
struct Texts<'a> {
    sst: &'a [String],
    /// Shared-string index → id of its trimmed text.
    sst_ids: Vec<u32>,
    numbers: FxHashMap<u64, u32>,
    empty: u32,
}

impl<'a> Texts<'a> {
    fn new(sst: &'a [String], store: &mut RowStore) -> Texts<'a> {
        let sst_ids = sst.iter().map(|s| store.strings.intern(s.trim())).collect();
        let empty = store.strings.intern("");
        Texts {
            sst,
            sst_ids,
            numbers: FxHashMap::default(),
            empty,
        }
    }

    /// The id of a cell's text as [`cell_text`] gives it.
    fn text(&mut self, store: &mut RowStore, v: Option<&Value>) -> SResult<u32> {
        Ok(match v {
            None | Some(Value::Empty) => self.empty,
            Some(Value::Sst(i)) => *self
                .sst_ids
                .get(*i as usize)
                .ok_or_else(|| "index de chaîne partagée hors table".to_owned())?,
            Some(Value::Num(f)) => *self
                .numbers
                .entry(f.to_bits())
                .or_insert_with(|| store.strings.intern(&format!("{f}"))),
            Some(other) => store.strings.intern(&cell_text(&to_data(other, self.sst))),
        })
    }

    fn data(&self, v: Option<&Value>) -> Data {
        v.map_or(Data::Empty, |v| to_data(v, self.sst))
    }
}

fn cell_error(
    kind: ErrorKind,
    file: &str,
    sheet: &str,
    row: u32,
    col: u32,
    msg: impl Into<String>,
) -> Error {
    Error::new(kind, file, msg)
        .sheet(sheet)
        .at(row, col_letter(col))
}

/// The sheets of a package as (name, normalised name).
fn sheet_names(pkg: &Package<'_>) -> (Vec<String>, Vec<String>) {
    let names: Vec<String> = pkg.sheets.iter().map(|(n, _)| n.clone()).collect();
    let normalized = names.iter().map(|n| norm_sheet(n)).collect();
    (names, normalized)
}

/// A small sheet read whole into a grid.
fn grid_of(pkg: &Package<'_>, name: &str, sst: &[String]) -> SResult<Grid> {
    // Held whole: a part's limit, not a streamed sheet's.
    let range = pkg
        .with_sheet(name, pkg.limits.part, |r| {
            read_range(&mut SheetRows::new(r).max_row(pkg.limits.row), sst, None)
        })?
        .map_err(|e| in_sheet(name, e.into()))?;
    Ok(Grid {
        name: name.to_owned(),
        range,
    })
}

/// `in_line`: one thread (WebAssembly has no others), each chunk parsed as soon as it is inflated.
fn read_stream(
    file: &str,
    inner: &[u8],
    outer: &[u8],
    limits: Limits,
    in_line: bool,
) -> SResult<(Parts, String)> {
    let pkg = Package::open_with(inner, limits)?;
    if pkg.date1904 {
        return Err(Stop::Fallback);
    }
    let (names, normalized) = sheet_names(&pkg);
    check_sheet_names(file, &names)?;
    // Only workbooks whose one long sheet is the current layout's.
    let other_layout = normalized
        .iter()
        .any(|n| n != CURRENT_SHEET && SPECS.iter().any(|s| s.sheets.contains(&n.as_str())));
    let Some(main_index) = normalized.iter().position(|n| n == CURRENT_SHEET) else {
        return Err(Stop::Fallback);
    };
    if other_layout {
        return Err(Stop::Fallback);
    }
    let main = names[main_index].clone();
    let sst = pkg.shared_strings()?;

    // The header: the first rows are enough to choose the layout as the calamine path does.
    let head = Grid {
        name: main.clone(),
        range: pkg
            .with_sheet(&main, limits.sheet, |r| {
                read_range(&mut SheetRows::new(r).max_row(limits.row), &sst, Some(8))
            })?
            .map_err(|e| in_sheet(&main, e.into()))?,
    };
    let mut best: Option<(&LongSpec, Match)> = None;
    for spec in SPECS.iter().filter(|s| s.sheets[0] == CURRENT_SHEET) {
        let m = best_header(&head, spec);
        let complete = m.required_found == required(spec);
        let better = match &best {
            None => true,
            Some((b, bm)) => {
                let b_complete = bm.required_found == required(b);
                (complete, m.found, m.required_found) > (b_complete, bm.found, bm.required_found)
            }
        };
        if better {
            best = Some((spec, m));
        }
    }
    let Some((spec, m)) = best else {
        return Err(Stop::Fallback);
    };
    if spec.layout != Layout::Current {
        return Err(Stop::Fallback);
    }
    if m.required_found < required(spec) {
        return Err(renamed_header_error(&head, file, spec, &m).into());
    }

    let (long, side) = if in_line {
        let long = chunks::read_long(file, &main, &m, &pkg, &sst, true);
        (
            long,
            side_sheets(file, &pkg, &sst, &names, &normalized, outer),
        )
    } else {
        std::thread::scope(|scope| {
            let side = scope.spawn(|| side_sheets(file, &pkg, &sst, &names, &normalized, outer));
            let started = Started::now();
            let long = chunks::read_long(file, &main, &m, &pkg, &sst, false);
            trace("onglet 3", started);
            let side = side.join();
            trace("other sheets", started);
            (long, side.unwrap_or_else(|p| std::panic::resume_unwind(p)))
        })
    };
    // Errors in the order the calamine path meets them: a damaged file first, then the long sheet, the
    // matrix, the mapping sheets.
    let side = match side {
        Err(Stop::Error(e)) => Err(Stop::Error(e)),
        Err(other) => return Err(other),
        Ok(side) => Ok(side),
    };
    let (mut store, notes) = long?;
    let side = side?;
    let matrix = match side.matrix {
        Some(m) => {
            let (side_store, parts) = m?;
            let remap = store.absorb(&side_store);
            Some(MatrixParts {
                cells: parts
                    .cells
                    .iter()
                    .map(|c| RowStore::remapped(c, &remap))
                    .collect(),
                ..parts
            })
        }
        None => None,
    };
    let (sheet_pairs, sheet_mapped) = side.mapping?;
    Ok((
        Parts {
            layout: Layout::Current,
            main_sheet: main,
            store,
            skipped_hist: 0,
            no_year: 0,
            notes,
            pairs: Vec::new(),
            mapped: BTreeSet::new(),
            matrix,
            sheet_pairs,
            sheet_mapped,
            readme: side.readme,
        },
        side.sha256,
    ))
}

/// What the third thread reads.
struct Side {
    sha256: String,
    matrix: Option<SResult<(RowStore, MatrixParts)>>,
    mapping: SResult<(Vec<CpneIdcc>, BTreeSet<u32>)>,
    readme: Vec<String>,
}

/// The checksum, the matrix, the mapping sheets and « Me lire ».
fn side_sheets(
    file: &str,
    pkg: &Package<'_>,
    sst: &[String],
    names: &[String],
    normalized: &[String],
    outer: &[u8],
) -> SResult<Side> {
    let started = Started::now();
    let sha256 = sha256_hex(outer);
    trace("sha256", started);
    let matrix = match normalized.iter().position(|n| n == "onglet2-global") {
        Some(i) => {
            let name = &names[i];
            match pkg.with_sheet(name, pkg.limits.sheet, |r| {
                read_matrix_stream(file, name, SheetRows::new(r).max_row(pkg.limits.row), sst)
            })? {
                Err(Stop::Fallback) => return Err(Stop::Fallback),
                Err(Stop::TooLarge(why)) => return Err(in_sheet(name, Stop::TooLarge(why))),
                found => Some(found),
            }
        }
        None => None,
    };
    trace("matrix", started);
    let mut mapping = Ok((Vec::new(), BTreeSet::new()));
    for (i, n) in normalized.iter().enumerate() {
        if n.contains("cpne-idcc") || n.contains("idcc-cpne") {
            let grid = grid_of(pkg, &names[i], sst)?;
            if let Ok((pairs, mapped)) = &mut mapping {
                if let Err(e) = read_mapping_sheet(&grid, file, pairs, mapped) {
                    mapping = Err(Stop::Error(e));
                }
            }
        }
    }
    let readme = match readme_sheet(names) {
        Some(name) => readme_of(&grid_of(pkg, name, sst)?).lines,
        None => Vec::new(),
    };
    Ok(Side {
        sha256,
        matrix,
        mapping,
        readme,
    })
}

/// The columns of « Onglet 3 » of the current layout, in the order of [`LONG_FIELDS`].
const LONG_FIELDS: [Field; 9] = [
    Field::Rncp,
    Field::Label,
    Field::Certifier,
    Field::DiplomaType,
    Field::Cpne,
    Field::CpneLabel,
    Field::Amount,
    Field::Status,
    Field::Date,
];

/// Where each field is, and the header row.
struct LongLayout {
    col: [u32; 9],
    field_of_col: Vec<u8>,
    header_row: u32,
}

impl LongLayout {
    fn new(m: &Match) -> SResult<LongLayout> {
        let mut col = [0u32; 9];
        for (i, f) in LONG_FIELDS.iter().enumerate() {
            col[i] = m
                .cols
                .iter()
                .find(|(g, _)| g == f)
                .and_then(|(_, p)| *p)
                .ok_or(Stop::Fallback)?;
        }
        let width = col.iter().max().map_or(0, |c| *c as usize + 1);
        let mut field_of_col = vec![u8::MAX; width];
        for (i, c) in col.iter().enumerate() {
            field_of_col[*c as usize] = i as u8;
        }
        Ok(LongLayout {
            col,
            field_of_col,
            header_row: m.row,
        })
    }
}

/// The rows of a chunk of « Onglet 3 », converted as `read_long` converts them.
#[allow(clippy::too_many_arguments)]
fn convert_long<R: BufRead>(
    file: &str,
    sheet: &str,
    layout: &LongLayout,
    rows: &mut SheetRows<R>,
    store: &mut RowStore,
    texts: &mut Texts<'_>,
    sheet_id: u32,
    out: &mut Vec<CRow>,
    notes: &mut RowNotes,
) -> SResult<()> {
    let [rncp_i, label_i, certifier_i, type_i, cpne_i, cpne_label_i, amount_i, status_i, date_i] =
        [0usize, 1, 2, 3, 4, 5, 6, 7, 8];
    let col = &layout.col;
    let mut dates: FxHashMap<u64, std::result::Result<Option<Date>, String>> = FxHashMap::default();
    let mut cells: Vec<RawCell> = Vec::new();
    while let Some(row) = rows.next_row(&mut cells)? {
        if row <= layout.header_row {
            continue;
        }
        let mut slots: [Option<&Value>; 9] = [None; 9];
        let mut any = false;
        for c in &cells {
            if let Some(&f) = layout.field_of_col.get(c.col as usize) {
                if f != u8::MAX {
                    slots[f as usize] = Some(&c.value);
                    any = true;
                }
            }
        }
        if !any {
            continue;
        }
        let mut t = [texts.empty; 9];
        for (i, slot) in slots.iter().enumerate() {
            t[i] = texts.text(store, *slot)?;
        }
        if t.iter().all(|&id| id == texts.empty) {
            continue;
        }
        let err = |kind, c: u32, msg: String| cell_error(kind, file, sheet, row, c, msg);
        let rncp_cell = t[rncp_i];
        if rncp_cell == texts.empty {
            return Err(err(
                ErrorKind::InvalidValue,
                col[rncp_i],
                "ligne sans code de certification (RNCP ou code diplôme) : complétez-le ou supprimez la ligne"
                    .into(),
            )
            .into());
        }
        let rncp_text = store.strings.get(rncp_cell);
        if !is_code_text(rncp_text) {
            return Err(err(ErrorKind::InvalidValue, col[rncp_i], not_a_code(rncp_text)).into());
        }
        let not_rncp = store.codes(rncp_cell).is_empty();
        let cpne = match slots[cpne_i] {
            None => return Err(err(ErrorKind::InvalidValue, col[cpne_i], NO_CPNE.into()).into()),
            Some(v) => {
                let d = texts.data(Some(v));
                cell_code(&d).ok_or_else(|| {
                    err(
                        ErrorKind::InvalidValue,
                        col[cpne_i],
                        format!(
                            "« {} » n'est pas un code CPNE : attendu un nombre entier",
                            quoted(&cell_text(&d))
                        ),
                    )
                })?
            }
        };
        let amount_raw = t[amount_i];
        store
            .amount(amount_raw)
            .map_err(|msg| err(ErrorKind::InvalidAmount, col[amount_i], msg))?;
        let date = match slots[date_i] {
            None => None,
            Some(Value::Num(f)) => dates
                .entry(f.to_bits())
                .or_insert_with(|| date_value(&Data::Float(*f)))
                .clone()
                .map_err(|msg| err(ErrorKind::InvalidDate, col[date_i], msg))?,
            Some(v) => date_value(&texts.data(Some(v)))
                .map_err(|msg| err(ErrorKind::InvalidDate, col[date_i], msg))?,
        };
        if not_rncp {
            notes.not_rncp.add(sheet, row, col[rncp_i]);
        }
        if amount_raw == texts.empty {
            notes.no_amount.add(sheet, row, col[amount_i]);
        }
        if date.is_none() {
            notes.no_date.add(sheet, row, col[date_i]);
        }
        out.push(CRow {
            rncp_cell,
            diploma_code: NONE,
            label: t[label_i],
            certifier: t[certifier_i],
            diploma_type: t[type_i],
            cpne,
            cpne_label: t[cpne_label_i],
            amount_raw,
            status: t[status_i],
            sheet: sheet_id,
            line: row + 1,
            date,
        });
    }
    Ok(())
}

/// « Onglet 2 - global », row by row: the calamine path's `read_matrix`, into compact cells.
fn read_matrix_stream<R: BufRead>(
    file: &str,
    sheet: &str,
    mut rows: SheetRows<R>,
    sst: &[String],
) -> SResult<(RowStore, MatrixParts)> {
    let mut store = RowStore::default();
    let mut texts = Texts::new(sst, &mut store);
    // The head: up to the first certification code under the header (or 10 rows without a header).
    let mut head_rows: Vec<(u32, Vec<RawCell>)> = Vec::new();
    let mut cells = Vec::new();
    let mut header = None;
    let first_text = |cells: &[RawCell]| {
        cells
            .iter()
            .find(|c| c.col == 0)
            .map(|c| cell_text(&to_data(&c.value, sst)))
            .unwrap_or_default()
    };
    let mut more = true;
    while let Some(row) = rows.next_row(&mut cells)? {
        let a = first_text(&cells);
        head_rows.push((row, cells.clone()));
        match header {
            None if row <= 10 && MATRIX_KEYS.contains(&norm_header(&a).as_str()) => {
                header = Some(row)
            }
            None if row > 10 => break,
            Some(h) if row > h && !a.is_empty() => break,
            _ => {}
        }
    }
    if head_rows.last().is_none() {
        more = false;
    }
    let mut sparse = Vec::new();
    for (row, cells) in &head_rows {
        for c in cells {
            let d = to_data(&c.value, sst);
            if d != Data::Empty {
                sparse.push(calamine::Cell::new((row - 1, c.col), d));
            }
        }
    }
    let grid = Grid {
        name: sheet.to_owned(),
        range: range_of(sparse)
            .map_err(|msg| Error::new(ErrorKind::Unreadable, file, msg).sheet(sheet))?,
    };
    let head = matrix_head(&grid, file)?;
    let sheet_id = store.strings.intern(sheet);
    let fixed = |kind: Fixed| head.fixed.iter().find(|(_, k)| *k == kind).map(|(c, _)| *c);
    let (label_col, certifier_col, type_col) = (
        fixed(Fixed::Label),
        fixed(Fixed::Certifier),
        fixed(Fixed::DiplomaType),
    );
    let branches: Vec<(u32, u32, u32)> = head
        .branch_cols
        .iter()
        .map(|c| {
            let code = head.codes_of.get(c).copied().flatten().unwrap_or(NONE);
            let label = store
                .strings
                .intern(head.labels_of.get(c).map_or("", String::as_str));
            (*c, code, label)
        })
        .collect();
    let width = branches
        .iter()
        .map(|b| b.0)
        .chain([label_col, certifier_col, type_col].into_iter().flatten())
        .max()
        .map_or(1, |c| c as usize + 1);
    let mut out = Vec::new();
    let mut dense: Vec<Option<Value>> = vec![None; width];
    let mut convert = |row: u32, cells: &[RawCell], store: &mut RowStore| -> SResult<()> {
        if row < head.first_data {
            return Ok(());
        }
        for d in dense.iter_mut() {
            *d = None;
        }
        for c in cells {
            if let Some(slot) = dense.get_mut(c.col as usize) {
                *slot = Some(c.value.clone());
            }
        }
        let code = texts.text(store, dense[0].as_ref())?;
        if code == texts.empty {
            return Ok(());
        }
        let (rncp_cell, diploma_code) = if head.by_rncp {
            (code, NONE)
        } else {
            (texts.empty, code)
        };
        store.codes(rncp_cell);
        let mut fixed_text = |c: Option<u32>, store: &mut RowStore| match c {
            Some(c) => texts.text(store, dense.get(c as usize).and_then(Option::as_ref)),
            None => Ok(texts.empty),
        };
        let label = fixed_text(label_col, store)?;
        let certifier = fixed_text(certifier_col, store)?;
        let diploma_type = fixed_text(type_col, store)?;
        for &(c, cpne, cpne_label) in &branches {
            let Some(v) = dense.get(c as usize).and_then(Option::as_ref) else {
                continue;
            };
            let amount_raw = texts.text(store, Some(v))?;
            if amount_raw == texts.empty {
                continue;
            }
            store
                .amount(amount_raw)
                .map_err(|msg| cell_error(ErrorKind::InvalidAmount, file, sheet, row, c, msg))?;
            out.push(CRow {
                rncp_cell,
                diploma_code,
                label,
                certifier,
                diploma_type,
                cpne,
                cpne_label,
                amount_raw,
                status: texts.empty,
                sheet: sheet_id,
                line: row + 1,
                date: None,
            });
        }
        Ok(())
    };
    for (row, cells) in &head_rows {
        convert(*row, cells, &mut store)?;
    }
    if more {
        while let Some(row) = rows.next_row(&mut cells)? {
            convert(row, &cells, &mut store)?;
        }
    }
    Ok((
        store,
        MatrixParts {
            codes: head.codes,
            pairs: head.pairs,
            mapped: head.mapped,
            cells: out,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{import_bytes_via, ImportOptions, Via};
    use crate::synth::{write_synthetic, SynthOptions};

    /// Dozens of 16 KB chunks, parsed by two threads and put back in order: the rows of the calamine reader.
    #[test]
    fn chunks_come_back_in_order() {
        let mut out = std::io::Cursor::new(Vec::new());
        let opts = SynthOptions {
            certifications: 40,
            cpne: 30,
            ..SynthOptions::default()
        };
        write_synthetic(&opts, &mut out).unwrap();
        let bytes = out.into_inner();
        let options = ImportOptions::default();
        let slow = import_bytes_via("s.xlsx", &bytes, &options, Via::Calamine).unwrap();
        let fast = import_bytes_via("s.xlsx", &bytes, &options, Via::Stream).unwrap();
        assert!(fast.version.rows.len() > 1200);
        assert_eq!(slow.version, fast.version);
        assert_eq!(slow.warnings, fast.warnings);
        // The browser's way: one thread, each chunk parsed as it is inflated, its progress reported.
        let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let kept = seen.clone();
        let in_line = crate::import::reporting(
            move |p| kept.borrow_mut().push(p),
            || import_bytes_via("s.xlsx", &bytes, &options, Via::StreamInLine).unwrap(),
        );
        assert_eq!(slow.version, in_line.version);
        assert_eq!(slow.warnings, in_line.warnings);
        let seen = seen.borrow();
        assert!(seen.len() > 10, "{} reports", seen.len());
        assert!(seen
            .windows(2)
            .all(|w| w[0].rows <= w[1].rows && w[0].inflated < w[1].inflated));
        let last = seen.last().unwrap();
        assert_eq!(
            (last.rows as usize, last.percent()),
            (fast.version.rows.len(), 100)
        );

        // Two bad amounts in two different chunks: the first one in the sheet is reported, as calamine does.
        let broken = with_sheet3(&bytes, |xml| {
            let mut xml = xml.to_owned();
            for at in [xml.len() / 2, xml.rfind("<c r=\"G").unwrap()] {
                let start = at + xml[at..].find("<c r=\"G").unwrap();
                let end = start + xml[start..].find("</c>").unwrap();
                let cell_ref: String = xml[start + 7..].chars().take_while(|c| *c != '"').collect();
                xml.replace_range(
                    start..end,
                    &format!("<c r=\"G{cell_ref}\" t=\"str\"><v>neuf</v>"),
                );
            }
            xml
        });
        let slow = import_bytes_via("s.xlsx", &broken, &options, Via::Calamine).unwrap_err();
        let fast = import_bytes_via("s.xlsx", &broken, &options, Via::Stream).unwrap_err();
        assert_eq!(slow, fast);
        let in_line = import_bytes_via("s.xlsx", &broken, &options, Via::StreamInLine).unwrap_err();
        assert_eq!(slow, in_line);
        assert_eq!(fast.kind, ErrorKind::InvalidAmount);
    }

    /// The workbook with its « Onglet 3 » XML rewritten.
    fn with_sheet3(bytes: &[u8], edit: impl Fn(&str) -> String) -> Vec<u8> {
        use std::io::{Read, Write};
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            let name = f.name().to_owned();
            let mut content = Vec::new();
            f.read_to_end(&mut content).unwrap();
            if name == "xl/worksheets/sheet3.xml" {
                content = edit(std::str::from_utf8(&content).unwrap()).into_bytes();
            }
            out.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            out.write_all(&content).unwrap();
        }
        out.finish().unwrap().into_inner()
    }
}
