//! A worksheet's rows, scanned from its XML as it is inflated.

use std::io::BufRead;

use calamine::Data;
use coutcontrat::text::quoted;
use quick_xml::events::Event;

use super::cells::{
    parse_uint, range_of, read_string, to_data, v_value, xml_reader, CellType, RawCell, Value,
};
use super::limits::MAX_ROW_BYTES;
use super::package::{io_error, row_too_large};
use super::{XError, XResult};

/// The last row and column of an Excel sheet (1-based): `XFD1048576`.
pub(super) const MAX_ROWS: u64 = 1_048_576;
pub(super) const MAX_COLUMNS: u32 = 16_384;

/// `A` → 0, `AB` → 27, from a cell reference such as `AB12`; `None` without letters. Issue 17: a reference
/// beyond the sheet (`XFE1048577`, or letters enough to overflow) used to wrap silently; it is refused,
/// named as written.
pub(super) fn col_of_ref(r: &[u8]) -> XResult<Option<u32>> {
    let mut col: u32 = 0;
    let mut letters = 0;
    for &b in r {
        let digit = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a',
            _ => break,
        };
        col = col.saturating_mul(26).saturating_add(u32::from(digit) + 1);
        letters += 1;
    }
    let row = &r[letters..];
    if !row.iter().all(u8::is_ascii_digit) {
        return Err("référence de cellule illisible".into());
    }
    // Digits only: past 18 of them `parse_uint` gives up, and the number is beyond the sheet anyway.
    let row_beyond =
        !row.is_empty() && parse_uint(row).is_none_or(|n| !(1..=MAX_ROWS).contains(&n));
    if col > MAX_COLUMNS || row_beyond {
        return Err(beyond_the_sheet("la référence de cellule", r));
    }
    Ok((letters > 0).then(|| col - 1))
}

/// The refusal of a row or cell number beyond an Excel sheet, named as written.
fn beyond_the_sheet(what: &str, written: &[u8]) -> XError {
    XError::BeyondSheet(format!(
        "{what} « {} » dépasse la dernière cellule d'une feuille Excel (XFD1048576) : le fichier a été modifié \
         hors d'Excel ou est endommagé ; téléchargez le classeur à nouveau",
        quoted(&String::from_utf8_lossy(written))
    ))
}

/// Not enough bytes in the buffer: read more and parse the row again.
pub(super) struct Incomplete;

pub(super) type Step<T> = std::result::Result<T, Incomplete>;

pub(super) fn is_delim(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'>' | b'/')
}

/// A start tag's attributes, from just after its name: `(name, value)` pairs, then whether it closes itself,
/// and the position after `>`.
pub(super) fn tag_attrs<'s>(
    s: &'s [u8],
    mut p: usize,
    mut each: impl FnMut(&'s [u8], &'s [u8]),
) -> Step<std::result::Result<(bool, usize), String>> {
    loop {
        while p < s.len() && s[p].is_ascii_whitespace() {
            p += 1;
        }
        match s.get(p) {
            None => return Err(Incomplete),
            Some(b'>') => return Ok(Ok((false, p + 1))),
            Some(b'/') => {
                return match s.get(p + 1) {
                    None => Err(Incomplete),
                    Some(b'>') => Ok(Ok((true, p + 2))),
                    Some(_) => Ok(Err("balise mal formée".into())),
                }
            }
            Some(_) => {}
        }
        let name_start = p;
        while p < s.len() && s[p] != b'=' && !s[p].is_ascii_whitespace() && s[p] != b'>' {
            p += 1;
        }
        let name = &s[name_start..p];
        while p < s.len() && s[p].is_ascii_whitespace() {
            p += 1;
        }
        match s.get(p) {
            None => return Err(Incomplete),
            Some(b'=') => p += 1,
            Some(_) => return Ok(Err("attribut sans valeur".into())),
        }
        while p < s.len() && s[p].is_ascii_whitespace() {
            p += 1;
        }
        let quote = match s.get(p) {
            None => return Err(Incomplete),
            Some(&q) if q == b'"' || q == b'\'' => q,
            Some(_) => return Ok(Err("attribut sans guillemets".into())),
        };
        // Values are short: a plain scan beats a vectorised search here.
        let Some(len) = s[p + 1..].iter().position(|&b| b == quote) else {
            return Err(Incomplete);
        };
        each(name, &s[p + 1..p + 1 + len]);
        p += len + 2;
    }
}

/// The distance to the next `<` from `p`: usually right there, else a vectorised search.
#[inline]
pub(super) fn next_lt(s: &[u8], p: usize) -> Option<usize> {
    let rest = s.get(p..)?;
    for (i, &b) in rest.iter().take(8).enumerate() {
        if b == b'<' {
            return Some(i);
        }
    }
    memchr::memchr(b'<', rest)
}

/// The rows of one worksheet, in order, as they are inflated: a scanner of `<sheetData>` (rows, cells, values;
/// inline rich text through quick-xml), about ten times faster than an event loop over the same bytes.
pub(crate) struct SheetRows<R: BufRead> {
    src: R,
    buf: Vec<u8>,
    /// Bytes of `buf` already parsed.
    pos: usize,
    started: bool,
    done: bool,
    eof: bool,
    /// A run of whole rows cut out of sheetData ([`SheetRows::rows_of`]).
    partial: bool,
    row: u32,
    text: String,
    /// The largest row held whole while parsed ([`MAX_ROW_BYTES`]).
    max_row: usize,
    /// Bytes offered to the row parser in all (each attempt at a row scans at most what is pending): linear
    /// in the sheet's size, which tests assert.
    scanned: u64,
}

impl SheetRows<&'static [u8]> {
    /// The rows of a run of whole rows inside `<sheetData>` (a chunk of [`Package::inflate_rows_into`], the
    /// first holding the start of the sheet, the last its end), taken rather than copied. Every row must carry
    /// its number.
    pub fn rows_in(buf: Vec<u8>, first: bool) -> SheetRows<&'static [u8]> {
        SheetRows {
            src: &[],
            buf,
            pos: 0,
            started: !first,
            done: false,
            eof: true,
            partial: true,
            row: 0,
            text: String::new(),
            max_row: MAX_ROW_BYTES,
            scanned: 0,
        }
    }

    /// The buffer, for reuse.
    pub fn into_buffer(self) -> Vec<u8> {
        self.buf
    }
}

impl<R: BufRead> SheetRows<R> {
    pub fn new(src: R) -> SheetRows<R> {
        SheetRows {
            src,
            buf: Vec::with_capacity(1 << 17),
            pos: 0,
            started: false,
            done: false,
            eof: false,
            partial: false,
            row: 0,
            text: String::new(),
            max_row: MAX_ROW_BYTES,
            scanned: 0,
        }
    }

    /// With another limit on a row's XML than [`MAX_ROW_BYTES`].
    pub fn max_row(mut self, bytes: usize) -> SheetRows<R> {
        self.max_row = bytes;
        self
    }

    /// Bytes offered to the row parser so far (see the field).
    #[cfg(test)]
    pub fn scanned(&self) -> u64 {
        self.scanned
    }

    /// Reads more bytes into the buffer (dropping the parsed ones); false at the end of the input.
    pub(super) fn more(&mut self) -> XResult<bool> {
        self.more_by(1)
    }

    /// Reads at least `wanted` more bytes into the buffer, or up to the end of the input (dropping the parsed
    /// ones); false when nothing more came.
    fn more_by(&mut self, wanted: usize) -> XResult<bool> {
        if self.eof {
            return Ok(false);
        }
        if self.pos > 0 {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        let mut got = 0;
        while got < wanted {
            let chunk = self.src.fill_buf().map_err(io_error)?;
            if chunk.is_empty() {
                self.eof = true;
                break;
            }
            let n = chunk.len();
            self.buf.extend_from_slice(chunk);
            self.src.consume(n);
            got += n;
        }
        Ok(got > 0)
    }

    /// The next row that has a non-empty cell: its 1-based number; `cells` gets those cells.
    pub fn next_row(&mut self, cells: &mut Vec<RawCell>) -> XResult<Option<u32>> {
        cells.clear();
        while !self.started {
            if let Some(at) = memchr::memmem::find(&self.buf[self.pos..], b"<sheetData") {
                let start = self.pos + at + b"<sheetData".len();
                match tag_attrs(&self.buf, start, |_, _| {}) {
                    Ok(found) => {
                        let (closed, end) = found?;
                        self.pos = end;
                        self.started = true;
                        self.done = closed;
                    }
                    Err(Incomplete) => {
                        if !self.more()? {
                            return Err("fin de fichier dans <sheetData>".into());
                        }
                    }
                }
            } else {
                // Keep the last bytes: the tag may straddle two chunks.
                self.pos = self.buf.len().saturating_sub(16).max(self.pos);
                if !self.more()? {
                    // No sheetData: an empty sheet.
                    self.started = true;
                    self.done = true;
                }
            }
        }
        loop {
            if self.done {
                return Ok(None);
            }
            let row_before = self.row;
            self.scanned += (self.buf.len() - self.pos) as u64;
            match self.parse_row(cells) {
                Ok(found) => match found? {
                    Some((row, end)) => {
                        if end - self.pos > self.max_row {
                            let place = format!("la ligne {}", self.row);
                            return Err(row_too_large(&place, self.max_row));
                        }
                        self.pos = end;
                        if row.is_some() {
                            return Ok(row);
                        }
                    }
                    None => {
                        self.done = true;
                        return Ok(None);
                    }
                },
                Err(Incomplete) => {
                    cells.clear();
                    self.row = row_before;
                    let pending = self.buf.len() - self.pos;
                    if pending > self.max_row {
                        return Err(row_too_large(
                            &format!("la ligne {}", self.row + 1),
                            self.max_row,
                        ));
                    }
                    // As much again as is pending: a long row parsed again after each read then costs
                    // linear time in all (after each 64 KB read it was quadratic: 125 s for 317 KB zipped).
                    if !self.more_by(pending.max(1))? {
                        if self.partial && self.buf[self.pos..].iter().all(u8::is_ascii_whitespace)
                        {
                            self.done = true;
                            return Ok(None);
                        }
                        return Err("fin de fichier dans <sheetData>".into());
                    }
                }
            }
        }
    }

    /// Parses one row (or the end of sheetData: `None`) from `pos`: the row number when it has cells, and
    /// the position after it.
    #[allow(clippy::type_complexity)]
    pub(super) fn parse_row(
        &mut self,
        cells: &mut Vec<RawCell>,
    ) -> Step<XResult<Option<(Option<u32>, usize)>>> {
        let s = &self.buf[..];
        let mut p = self.pos;
        // Whitespace between rows.
        let Some(lt) = memchr::memchr(b'<', &s[p..]) else {
            return Err(Incomplete);
        };
        p += lt;
        let rest = &s[p..];
        if rest.len() < 12 {
            return Err(Incomplete);
        }
        if rest.starts_with(b"</sheetData") {
            return Ok(Ok(None));
        }
        if !(rest.starts_with(b"<row") && is_delim(rest[4])) {
            return Ok(Err(XError::from(format!(
                "élément inattendu dans sheetData : {}",
                String::from_utf8_lossy(&rest[..12])
            ))));
        }
        let mut r = None;
        let (closed, mut p) = match tag_attrs(s, p + 4, |name, value| {
            if name == b"r" {
                r = Some(value);
            }
        })? {
            Ok(found) => found,
            Err(e) => return Ok(Err(e.into())),
        };
        self.row = match r {
            // A number beyond the sheet used to wrap, and a row could land above the header and be dropped.
            Some(r) => match parse_uint(r).filter(|n| (1..=MAX_ROWS).contains(n)) {
                Some(n) => n as u32,
                None => return Ok(Err(beyond_the_sheet("le numéro de ligne", r))),
            },
            None if self.partial => return Ok(Err("ligne sans numéro".into())),
            None if u64::from(self.row) >= MAX_ROWS => {
                return Ok(Err(beyond_the_sheet(
                    "la ligne sans numéro suivant la ligne",
                    b"1048576",
                )))
            }
            None => self.row + 1,
        };
        if closed {
            return Ok(Ok(Some((None, p))));
        }
        let mut next_col: u32 = 0;
        loop {
            let Some(lt) = next_lt(s, p) else {
                return Err(Incomplete);
            };
            p += lt;
            let rest = &s[p..];
            if rest.len() < 6 {
                return Err(Incomplete);
            }
            if rest.starts_with(b"</row>") {
                p += 6;
                let row = (!cells.is_empty()).then_some(self.row);
                return Ok(Ok(Some((row, p))));
            }
            if !(rest.starts_with(b"<c") && is_delim(rest[2])) {
                return Ok(Err(XError::from(format!(
                    "élément inattendu dans une ligne : {}",
                    String::from_utf8_lossy(&rest[..6])
                ))));
            }
            let mut col = Ok(None);
            let mut typ = CellType::Default;
            let mut bad_type = None;
            let (closed, after) = match tag_attrs(s, p + 2, |name, value| match name {
                b"r" => col = col_of_ref(value),
                b"t" => {
                    typ = match value {
                        b"n" => CellType::Number,
                        b"s" => CellType::Shared,
                        b"str" => CellType::Str,
                        b"inlineStr" => CellType::Inline,
                        b"b" => CellType::Bool,
                        b"e" => CellType::Error,
                        b"d" => CellType::Date,
                        other => {
                            bad_type = Some(String::from_utf8_lossy(other).into_owned());
                            CellType::Default
                        }
                    }
                }
                _ => {}
            })? {
                Ok(found) => found,
                Err(e) => return Ok(Err(e.into())),
            };
            if let Some(t) = bad_type {
                return Ok(Err(XError::from(format!("type de cellule inconnu {t}"))));
            }
            p = after;
            let col = match col {
                Ok(col) => col.unwrap_or(next_col),
                Err(e) => return Ok(Err(e)),
            };
            if col >= MAX_COLUMNS {
                // Numbered after a cell of the last column.
                return Ok(Err(beyond_the_sheet(
                    "la cellule sans référence suivant la colonne",
                    b"XFD",
                )));
            }
            next_col = col + 1;
            if closed {
                continue;
            }
            // The cell's children, up to </c>.
            let mut value = Value::Empty;
            loop {
                let Some(lt) = next_lt(s, p) else {
                    return Err(Incomplete);
                };
                p += lt;
                let rest = &s[p..];
                if rest.len() < 4 {
                    return Err(Incomplete);
                }
                if rest.starts_with(b"</c>") {
                    p += 4;
                    break;
                }
                if rest.starts_with(b"<v") && is_delim(rest[2]) {
                    if rest[2] == b'>' {
                        p += 3;
                    } else {
                        let (closed, after) = match tag_attrs(s, p + 2, |_, _| {})? {
                            Ok(found) => found,
                            Err(e) => return Ok(Err(e.into())),
                        };
                        p = after;
                        if closed {
                            continue;
                        }
                    }
                    let Some(len) = next_lt(s, p) else {
                        return Err(Incomplete);
                    };
                    let raw = &s[p..p + len];
                    p += len;
                    if s.len() < p + 4 {
                        return Err(Incomplete);
                    }
                    if &s[p..p + 4] != b"</v>" {
                        return Ok(Err("valeur mal formée".into()));
                    }
                    p += 4;
                    match v_value(typ, raw, &mut self.text) {
                        Ok(v) => value = v,
                        Err(e) => return Ok(Err(e)),
                    }
                } else if rest.starts_with(b"<f") && is_delim(rest[2]) {
                    let (closed, after) = match tag_attrs(s, p + 2, |_, _| {})? {
                        Ok(found) => found,
                        Err(e) => return Ok(Err(e.into())),
                    };
                    p = after;
                    if !closed {
                        let Some(end) = memchr::memmem::find(&s[p..], b"</f>") else {
                            return Err(Incomplete);
                        };
                        p += end + 4;
                    }
                } else if rest.starts_with(b"<is") && is_delim(rest[3]) {
                    let Some(end) = memchr::memmem::find(&s[p..], b"</is>") else {
                        return Err(Incomplete);
                    };
                    let element = &s[p..p + end + 5];
                    p += end + 5;
                    let mut xml = xml_reader(element);
                    let mut buf = Vec::new();
                    let text = match xml.read_event_into(&mut buf) {
                        Ok(Event::Start(_)) => read_string(&mut xml, &mut buf),
                        Ok(_) => Ok(String::new()),
                        Err(e) => Err(XError::from(e.to_string())),
                    };
                    match text {
                        Ok(t) => value = Value::Text(t),
                        Err(e) => return Ok(Err(e)),
                    }
                } else {
                    return Ok(Err(XError::from(format!(
                        "élément inattendu dans une cellule : {}",
                        String::from_utf8_lossy(&rest[..4])
                    ))));
                }
            }
            if value != Value::Empty {
                cells.push(RawCell { col, value });
            }
        }
    }
}

/// Reads a whole (small) sheet into a calamine range, for the code that works on grids.
pub(crate) fn read_range<R: BufRead>(
    rows: &mut SheetRows<R>,
    sst: &[String],
    max_rows: Option<u32>,
) -> XResult<calamine::Range<Data>> {
    let mut cells = Vec::new();
    let mut out = Vec::new();
    while let Some(row) = rows.next_row(&mut cells)? {
        for c in &cells {
            let d = to_data(&c.value, sst);
            if d != Data::Empty {
                out.push(calamine::Cell::new((row - 1, c.col), d));
            }
        }
        if max_rows.is_some_and(|m| row >= m) {
            break;
        }
    }
    Ok(range_of(out)?)
}
