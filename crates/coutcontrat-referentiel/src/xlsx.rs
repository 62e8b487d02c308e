//! A streaming reader of `.xlsx` worksheets: the zip entry of a sheet is inflated and pull-parsed with
//! quick-xml row by row, shared strings loaded once; no sheet is ever held whole in memory.
//!
//! It reads cells as calamine does (same types, same text: rich-text runs joined, phonetic runs skipped,
//! `_x000D_` escapes and entities resolved), so that the importer gets the same values on either path.
//! Anything it does not expect is reported as an error, and the importer then falls back to calamine,
//! whose messages it keeps for damaged files.

use std::collections::HashMap;
use std::io::{BufRead, Cursor, Read};

use calamine::{CellErrorType, Data};
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::Reader;

/// The largest part read whole (relations, workbook, shared strings): the shared strings of the full-size
/// synthetic référentiel take 0.3 MB; sheets are streamed, never read whole.
pub const MAX_PART_BYTES: u64 = 256 << 20;

/// A low-level reading problem (the caller falls back to calamine, which words it for the user).
pub(crate) type XResult<T> = std::result::Result<T, String>;

/// A cell value as read, before any interpretation (shared strings stay indices).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Empty,
    /// An index into the shared-strings table.
    Sst(u32),
    Num(f64),
    /// An inline string or a formula's string result.
    Text(String),
    Bool(bool),
    Error(CellErrorType),
    /// `t="d"`: an ISO date as text.
    Iso(String),
}

/// A cell of a row: its 0-based column and value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawCell {
    pub col: u32,
    pub value: Value,
}

/// The parts of a workbook package the importer needs.
pub(crate) struct Package<'a> {
    bytes: &'a [u8],
    /// Lower-cased entry name → entry name.
    entries: HashMap<String, String>,
    /// Sheet names and their entry names, in workbook order.
    pub sheets: Vec<(String, String)>,
    pub date1904: bool,
}

fn xml_reader<R: BufRead>(r: R) -> Reader<R> {
    let mut reader = Reader::from_reader(r);
    let config = reader.config_mut();
    config.trim_text(false);
    config.check_end_names = false;
    reader
}

fn attr<'b>(e: &'b BytesStart<'_>, key: &[u8]) -> Option<std::borrow::Cow<'b, [u8]>> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.as_ref() == key || a.key.local_name().as_ref() == key)
        .map(|a| a.value)
}

fn entity(e: &BytesRef<'_>, out: &mut String) -> XResult<()> {
    let name = e.decode().map_err(|e| e.to_string())?;
    let known = match name.as_ref() {
        "amp" => Some("&"),
        "lt" => Some("<"),
        "gt" => Some(">"),
        "quot" => Some("\""),
        "apos" => Some("'"),
        _ => None,
    };
    if let Some(s) = known {
        out.push_str(s);
        return Ok(());
    }
    match e.resolve_char_ref().map_err(|e| e.to_string())? {
        Some(c) => {
            out.push(c);
            Ok(())
        }
        None => Err(format!("entité inconnue &{name};")),
    }
}

/// Excel's `_xHHHH_` escapes of control characters (as calamine resolves them: `_x00HH_` only).
fn unescape_excel(s: &str, out: &mut String) {
    if !s.contains("_x00") {
        out.push_str(s);
        return;
    }
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if i + 7 <= bytes.len() && &bytes[i..i + 4] == b"_x00" && bytes[i + 6] == b'_' {
            if let Some(v) = std::str::from_utf8(&bytes[i + 4..i + 6])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(v as char);
                i += 7;
                continue;
            }
        }
        let c = s[i..].chars().next().unwrap_or('\u{fffd}');
        out.push(c);
        i += c.len_utf8();
    }
}

/// Reads a rich or plain string up to the end of its element (`<si>` or `<is>`); `None` for no `<t>`.
fn read_string<R: BufRead>(xml: &mut Reader<R>, buf: &mut Vec<u8>) -> XResult<String> {
    let mut out = String::new();
    let mut depth = 1usize;
    let mut phonetic = false;
    let mut in_t = false;
    let mut text = String::new();
    loop {
        buf.clear();
        match xml.read_event_into(buf).map_err(|e| e.to_string())? {
            Event::Start(e) => {
                depth += 1;
                match e.local_name().as_ref() {
                    b"rPh" => phonetic = true,
                    b"t" if !phonetic => {
                        in_t = true;
                        text.clear();
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                depth -= 1;
                match e.local_name().as_ref() {
                    b"rPh" => phonetic = false,
                    b"t" if in_t => {
                        in_t = false;
                        unescape_excel(&text, &mut out);
                    }
                    _ => {}
                }
                if depth == 0 {
                    return Ok(out);
                }
            }
            Event::Text(t) if in_t => text.push_str(&t.xml10_content().map_err(|e| e.to_string())?),
            Event::CData(t) if in_t => {
                // calamine appends CDATA without the `_x00HH_` pass.
                unescape_excel(&text, &mut out);
                text.clear();
                out.push_str(&t.xml10_content().map_err(|e| e.to_string())?);
            }
            Event::GeneralRef(e) if in_t => entity(&e, &mut text)?,
            Event::Eof => return Err("fin de fichier dans une chaîne".into()),
            _ => {}
        }
    }
}

impl<'a> Package<'a> {
    /// Opens the package: workbook, relationships, sheet list.
    pub fn open(bytes: &'a [u8]) -> XResult<Package<'a>> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
        let entries = zip
            .file_names()
            .map(|n| (n.replace('\\', "/").to_ascii_lowercase(), n.to_owned()))
            .collect();
        let mut package = Package {
            bytes,
            entries,
            sheets: Vec::new(),
            date1904: false,
        };
        let rels_xml = package.entry("xl/_rels/workbook.xml.rels")?;
        let mut rels: HashMap<Vec<u8>, String> = HashMap::new();
        let mut xml = xml_reader(rels_xml.as_slice());
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf).map_err(|e| e.to_string())? {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                    let id = attr(&e, b"Id").map(|v| v.into_owned()).unwrap_or_default();
                    let target = attr(&e, b"Target")
                        .map(|v| String::from_utf8_lossy(&v).into_owned())
                        .unwrap_or_default();
                    rels.insert(id, target);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        let book = package.entry("xl/workbook.xml")?;
        let mut xml = xml_reader(book.as_slice());
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf).map_err(|e| e.to_string())? {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"sheet" => {
                    let mut name = String::new();
                    let mut path = None;
                    for a in e.attributes().flatten() {
                        if a.key.as_ref() == b"name" {
                            name = a
                                .decode_and_unescape_value(xml.decoder())
                                .map_err(|e| e.to_string())?
                                .into_owned();
                        } else if a.key.local_name().as_ref() == b"id" {
                            let target = rels
                                .get(a.value.as_ref())
                                .ok_or("relation de feuille introuvable")?;
                            path = Some(if let Some(t) = target.strip_prefix('/') {
                                t.to_owned()
                            } else if target.starts_with("xl/") {
                                target.clone()
                            } else {
                                format!("xl/{target}")
                            });
                        }
                    }
                    let path = path.ok_or("feuille sans relation")?;
                    if path.split('/').nth(1) != Some("worksheets") {
                        return Err(format!("feuille d'un type non géré : {path}"));
                    }
                    package.sheets.push((name, path));
                }
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"workbookPr" => {
                    package.date1904 = attr(&e, b"date1904")
                        .is_some_and(|v| v.as_ref() == b"1" || v.as_ref() == b"true");
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(package)
    }

    fn entry_name(&self, name: &str) -> Option<&str> {
        self.entries
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }

    /// An entry inflated whole (for the small parts: relations, workbook, shared strings).
    ///
    /// Found by fuzzing: the size an entry declares was trusted to reserve memory (3 GB for a 7 KB file).
    /// A part above [`MAX_PART_BYTES`], declared or inflated, is refused.
    pub fn entry(&self, name: &str) -> XResult<Vec<u8>> {
        let real = self
            .entry_name(name)
            .ok_or_else(|| format!("{name} absent"))?;
        let mut zip = zip::ZipArchive::new(Cursor::new(self.bytes)).map_err(|e| e.to_string())?;
        let file = zip.by_name(real).map_err(|e| e.to_string())?;
        let too_large = |size: u64| {
            format!(
                "{name} : {size} octets, plus qu'une partie de classeur n'en contient ({} Mo au plus) : \
                 le fichier est endommagé ou n'est pas un référentiel",
                MAX_PART_BYTES >> 20
            )
        };
        if file.size() > MAX_PART_BYTES {
            return Err(too_large(file.size()));
        }
        let mut out = Vec::with_capacity(file.size() as usize);
        file.take(MAX_PART_BYTES + 1)
            .read_to_end(&mut out)
            .map_err(|e| e.to_string())?;
        if out.len() as u64 > MAX_PART_BYTES {
            return Err(too_large(out.len() as u64));
        }
        Ok(out)
    }

    /// The shared strings, as calamine reads them (not trimmed).
    pub fn shared_strings(&self) -> XResult<Vec<String>> {
        if self.entry_name("xl/sharedStrings.xml").is_none() {
            return Ok(Vec::new());
        }
        let bytes = self.entry("xl/sharedStrings.xml")?;
        let mut xml = xml_reader(bytes.as_slice());
        let mut buf = Vec::new();
        let mut inner = Vec::new();
        let mut out = Vec::new();
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf).map_err(|e| e.to_string())? {
                Event::Start(e) if e.local_name().as_ref() == b"sst" => {
                    if let Some(n) = attr(&e, b"uniqueCount")
                        .and_then(|v| std::str::from_utf8(&v).ok()?.parse::<usize>().ok())
                    {
                        out.reserve(n.min(1 << 20));
                    }
                }
                Event::Start(e) if e.local_name().as_ref() == b"si" => {
                    out.push(read_string(&mut xml, &mut inner)?);
                }
                Event::Empty(e) if e.local_name().as_ref() == b"si" => out.push(String::new()),
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(out)
    }

    /// The entry name of a sheet.
    pub fn sheet_path(&self, sheet: &str) -> XResult<&str> {
        let path = self
            .sheets
            .iter()
            .find(|(n, _)| n == sheet)
            .map(|(_, p)| p.as_str())
            .ok_or_else(|| format!("onglet {sheet} absent"))?;
        self.entry_name(path)
            .ok_or_else(|| format!("{path} absent de l'archive"))
    }

    /// Runs `f` on a buffered reader of a sheet's XML, inflated as it is read.
    pub fn with_sheet<T>(
        &self,
        sheet: &str,
        f: impl FnOnce(std::io::BufReader<&mut dyn Read>) -> T,
    ) -> XResult<T> {
        let path = self.sheet_path(sheet)?.to_owned();
        let mut zip = zip::ZipArchive::new(Cursor::new(self.bytes)).map_err(|e| e.to_string())?;
        let mut file = zip.by_name(&path).map_err(|e| e.to_string())?;
        let reader: &mut dyn Read = &mut file;
        Ok(f(std::io::BufReader::with_capacity(1 << 16, reader)))
    }
}

impl Package<'_> {
    /// Inflates a sheet into chunks of whole rows (cut after a `</row>`), numbered in order: the first holds
    /// the start of the sheet, the last its end. Parsers on several threads can then take one each.
    pub fn inflate_rows_into(
        &self,
        sheet: &str,
        tx: std::sync::mpsc::SyncSender<(usize, Vec<u8>)>,
        chunk_size: usize,
        recycled: &std::sync::mpsc::Receiver<Vec<u8>>,
    ) -> XResult<()> {
        let path = self.sheet_path(sheet)?.to_owned();
        let mut zip = zip::ZipArchive::new(Cursor::new(self.bytes)).map_err(|e| e.to_string())?;
        let mut file = zip.by_name(&path).map_err(|e| e.to_string())?;
        let mut carry: Vec<u8> = Vec::new();
        let mut index = 0;
        loop {
            // A buffer back from a parser, its pages already mapped; else a new one.
            let mut chunk = recycled.try_recv().unwrap_or_default();
            chunk.clear();
            chunk.reserve(chunk_size + carry.len() + 4096);
            chunk.extend_from_slice(&carry);
            carry.clear();
            let start = chunk.len();
            chunk.resize(start + chunk_size, 0);
            let mut filled = start;
            while filled < chunk.len() {
                let n = file.read(&mut chunk[filled..]).map_err(|e| e.to_string())?;
                if n == 0 {
                    break;
                }
                filled += n;
            }
            chunk.truncate(filled);
            let last = filled < start + chunk_size;
            if !last {
                // Cut after the last complete row; the rest starts the next chunk.
                match memchr::memmem::rfind(&chunk, b"</row>") {
                    Some(at) => {
                        let cut = at + b"</row>".len();
                        carry.extend_from_slice(&chunk[cut..]);
                        chunk.truncate(cut);
                    }
                    None => {
                        carry = chunk;
                        continue;
                    }
                }
            }
            if tx.send((index, chunk)).is_err() {
                return Ok(());
            }
            index += 1;
            if last {
                return Ok(());
            }
        }
    }
}

/// `A` → 0, `AB` → 27, from a cell reference such as `AB12`; `None` without letters.
fn col_of_ref(r: &[u8]) -> Option<u32> {
    let mut col: u32 = 0;
    let mut any = false;
    for &b in r {
        match b {
            b'A'..=b'Z' => col = col * 26 + u32::from(b - b'A') + 1,
            b'a'..=b'z' => col = col * 26 + u32::from(b - b'a') + 1,
            _ => break,
        }
        any = true;
    }
    any.then(|| col - 1)
}

fn parse_uint(v: &[u8]) -> Option<u64> {
    if v.is_empty() || v.len() > 18 {
        return None;
    }
    let mut n: u64 = 0;
    for &b in v {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u64::from(b - b'0');
    }
    Some(n)
}

fn parse_number(v: &[u8]) -> Option<f64> {
    if let Some(n) = parse_uint(v) {
        if n < (1 << 53) {
            return Some(n as f64);
        }
    }
    std::str::from_utf8(v).ok()?.trim().parse::<f64>().ok()
}

#[derive(Clone, Copy, PartialEq)]
enum CellType {
    /// No `t` attribute: a number, or text when it does not read as one (as calamine does).
    Default,
    Number,
    Shared,
    Str,
    Inline,
    Bool,
    Error,
    Date,
}

/// Not enough bytes in the buffer: read more and parse the row again.
struct Incomplete;

type Step<T> = std::result::Result<T, Incomplete>;

fn is_delim(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'>' | b'/')
}

/// A start tag's attributes, from just after its name: `(name, value)` pairs, then whether it closes itself,
/// and the position after `>`.
fn tag_attrs<'s>(
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
fn next_lt(s: &[u8], p: usize) -> Option<usize> {
    let rest = s.get(p..)?;
    for (i, &b) in rest.iter().take(8).enumerate() {
        if b == b'<' {
            return Some(i);
        }
    }
    memchr::memchr(b'<', rest)
}

/// Text content with entities resolved and line ends normalised, as quick-xml's `xml10_content` gives it.
fn decode_text(raw: &[u8], out: &mut String) -> XResult<()> {
    let text = std::str::from_utf8(raw).map_err(|e| e.to_string())?;
    let mut rest = text;
    while let Some(amp) = rest.find(['&', '\r']) {
        out.push_str(&rest[..amp]);
        if rest.as_bytes()[amp] == b'\r' {
            out.push('\n');
            rest = &rest[amp + 1..];
            if rest.starts_with('\n') {
                rest = &rest[1..];
            }
            continue;
        }
        let end = rest[amp..].find(';').ok_or("entité non terminée")?;
        let name = &rest[amp + 1..amp + end];
        match name {
            "amp" => out.push('&'),
            "lt" => out.push('<'),
            "gt" => out.push('>'),
            "quot" => out.push('"'),
            "apos" => out.push('\''),
            _ => {
                let code = if let Some(hex) = name.strip_prefix("#x") {
                    u32::from_str_radix(hex, 16).ok()
                } else if let Some(dec) = name.strip_prefix('#') {
                    dec.parse().ok()
                } else {
                    None
                };
                out.push(
                    code.and_then(char::from_u32)
                        .ok_or_else(|| format!("entité inconnue &{name};"))?,
                );
            }
        }
        rest = &rest[amp + end + 1..];
    }
    out.push_str(rest);
    Ok(())
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
        }
    }

    /// Reads more bytes into the buffer (dropping the parsed ones); false at the end of the input.
    fn more(&mut self) -> XResult<bool> {
        if self.eof {
            return Ok(false);
        }
        if self.pos > 0 {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        let chunk = self.src.fill_buf().map_err(|e| e.to_string())?;
        if chunk.is_empty() {
            self.eof = true;
            return Ok(false);
        }
        let n = chunk.len();
        self.buf.extend_from_slice(chunk);
        self.src.consume(n);
        Ok(true)
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
            match self.parse_row(cells) {
                Ok(found) => match found? {
                    Some((row, end)) => {
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
                    if !self.more()? {
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
    fn parse_row(
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
            return Ok(Err(format!(
                "élément inattendu dans sheetData : {}",
                String::from_utf8_lossy(&rest[..12])
            )));
        }
        let mut r = None;
        let (closed, mut p) = match tag_attrs(s, p + 4, |name, value| {
            if name == b"r" {
                r = parse_uint(value);
            }
        })? {
            Ok(found) => found,
            Err(e) => return Ok(Err(e)),
        };
        self.row = match r {
            Some(r) => r as u32,
            None if self.partial => return Ok(Err("ligne sans numéro".into())),
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
                return Ok(Err(format!(
                    "élément inattendu dans une ligne : {}",
                    String::from_utf8_lossy(&rest[..6])
                )));
            }
            let mut col = None;
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
                Err(e) => return Ok(Err(e)),
            };
            if let Some(t) = bad_type {
                return Ok(Err(format!("type de cellule inconnu {t}")));
            }
            p = after;
            let col = col.unwrap_or(next_col);
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
                            Err(e) => return Ok(Err(e)),
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
                        Err(e) => return Ok(Err(e)),
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
                        Err(e) => Err(e.to_string()),
                    };
                    match text {
                        Ok(t) => value = Value::Text(t),
                        Err(e) => return Ok(Err(e)),
                    }
                } else {
                    return Ok(Err(format!(
                        "élément inattendu dans une cellule : {}",
                        String::from_utf8_lossy(&rest[..4])
                    )));
                }
            }
            if value != Value::Empty {
                cells.push(RawCell { col, value });
            }
        }
    }
}

/// The value of a `<v>` of a cell of type `typ`, as calamine reads it.
fn v_value(typ: CellType, raw: &[u8], text: &mut String) -> XResult<Value> {
    let bytes: &[u8] = if raw.contains(&b'&') || raw.contains(&b'\r') {
        text.clear();
        decode_text(raw, text)?;
        text.as_bytes()
    } else {
        raw
    };
    Ok(match typ {
        CellType::Inline => Value::Empty,
        CellType::Shared => {
            if bytes.is_empty() {
                Value::Empty
            } else {
                let i = parse_uint(bytes).ok_or("index de chaîne partagée illisible")?;
                Value::Sst(u32::try_from(i).map_err(|_| "index de chaîne partagée trop grand")?)
            }
        }
        CellType::Default | CellType::Number => {
            if bytes.is_empty() {
                Value::Empty
            } else {
                match parse_number(bytes) {
                    Some(f) => Value::Num(f),
                    None if typ == CellType::Default => {
                        Value::Text(String::from_utf8_lossy(bytes).into_owned())
                    }
                    None => return Err("nombre illisible".into()),
                }
            }
        }
        CellType::Bool => Value::Bool(bytes != b"0"),
        CellType::Error => Value::Error(
            std::str::from_utf8(bytes)
                .map_err(|e| e.to_string())?
                .parse()
                .map_err(|e: calamine::XlsxError| e.to_string())?,
        ),
        CellType::Str => Value::Text(String::from_utf8_lossy(bytes).into_owned()),
        CellType::Date => Value::Iso(String::from_utf8_lossy(bytes).into_owned()),
    })
}

/// A streamed value as calamine would give it (numbers as floats: the importer reads dates from either).
pub(crate) fn to_data(value: &Value, sst: &[String]) -> Data {
    match value {
        Value::Empty => Data::Empty,
        Value::Sst(i) => sst
            .get(*i as usize)
            .map_or(Data::Empty, |s| Data::String(s.clone())),
        Value::Num(f) => Data::Float(*f),
        Value::Text(s) => Data::String(s.clone()),
        Value::Bool(b) => Data::Bool(*b),
        Value::Error(e) => Data::Error(e.clone()),
        Value::Iso(s) => Data::DateTimeIso(s.clone()),
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
    range_of(out)
}

/// The most cells a grid may span, from its first to its last cell: a real référentiel spans about a million;
/// one stray cell at `XFD1048576` would span 17 billion (more memory than the machine has).
pub(crate) const MAX_SPAN: u64 = 16_000_000;

/// The grid of these cells, refused when they span more than [`MAX_SPAN`] cells.
pub(crate) fn range_of(cells: Vec<calamine::Cell<Data>>) -> XResult<calamine::Range<Data>> {
    check_span(cells.iter().map(calamine::Cell::get_position))?;
    Ok(calamine::Range::from_sparse(cells))
}

/// Refuses positions (0-based row, column) that span more than [`MAX_SPAN`] cells.
pub(crate) fn check_span(positions: impl Iterator<Item = (u32, u32)>) -> XResult<()> {
    let (mut r0, mut r1, mut c0, mut c1) = (u32::MAX, 0, u32::MAX, 0);
    for (r, c) in positions {
        (r0, r1, c0, c1) = (r0.min(r), r1.max(r), c0.min(c), c1.max(c));
    }
    if r0 > r1 {
        return Ok(());
    }
    let span = u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1);
    if span > MAX_SPAN {
        return Err(format!(
            "les cellules de l'onglet s'étendent sur {} lignes et {} colonnes (jusqu'à la ligne {}, colonne {}), bien \
             au-delà d'un référentiel : supprimez les cellules isolées loin des données, ou importez le fichier tel \
             que publié",
            r1 - r0 + 1,
            c1 - c0 + 1,
            r1 + 1,
            c1 + 1
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A package of one part, whose central directory declares `declared` bytes for it.
    fn package_declaring(name: &str, content: &[u8], declared: u32) -> Vec<u8> {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(content).unwrap();
        let mut bytes = zip.finish().unwrap().into_inner();
        let at = bytes
            .windows(4)
            .position(|w| w == b"PK\x01\x02")
            .expect("central directory");
        bytes[at + 24..at + 28].copy_from_slice(&declared.to_le_bytes());
        bytes
    }

    #[test]
    fn a_part_declaring_gigabytes_is_refused_before_any_is_reserved() {
        // Found by fuzzing: 3 GB reserved for a 7 KB file.
        let rels = "xl/_rels/workbook.xml.rels";
        let err = Package::open(&package_declaring(rels, b"<Relationships/>", 3_388_998_085))
            .err()
            .expect("refused");
        assert!(
            err.contains(rels) && err.contains("3388998085 octets"),
            "{err}"
        );
        // The same part declaring its true size is read.
        let honest = package_declaring(rels, b"<Relationships/>", 16);
        assert!(!Package::open(&honest)
            .err()
            .unwrap_or_default()
            .contains("octets"));
    }

    fn rows(xml: &str) -> Vec<(u32, Vec<RawCell>)> {
        let mut r = SheetRows::new(xml.as_bytes());
        let mut cells = Vec::new();
        let mut out = Vec::new();
        while let Some(n) = r.next_row(&mut cells).unwrap() {
            out.push((n, cells.clone()));
        }
        out
    }

    #[test]
    fn cells_of_every_type() {
        let xml = r#"<worksheet><sheetData><row r="1"><c r="A1" s="2"/><c r="B1" t="s"><v>3</v></c><c r="C1"><v>9497</v></c></row><row r="2"></row><row r="3"><c r="B3" t="inlineStr"><is><t xml:space="preserve"> a &amp; b_x000D_</t></is></c><c r="D3" t="str"><f>A1</f><v>x&lt;y</v></c><c t="b"><v>1</v></c><c r="G3" t="e"><v>#N/A</v></c><c r="H3"><v>6079.3333</v></c></row><row r="4"/></sheetData></worksheet>"#;
        let got = rows(xml);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, 1);
        assert_eq!(
            got[0].1,
            vec![
                RawCell {
                    col: 1,
                    value: Value::Sst(3)
                },
                RawCell {
                    col: 2,
                    value: Value::Num(9497.0)
                }
            ]
        );
        assert_eq!(got[1].0, 3);
        let values: Vec<(u32, Value)> = got[1].1.iter().map(|c| (c.col, c.value.clone())).collect();
        assert_eq!(
            values,
            vec![
                (1, Value::Text(" a & b\r".into())),
                (3, Value::Text("x<y".into())),
                (4, Value::Bool(true)),
                (6, Value::Error(CellErrorType::NA)),
                (7, Value::Num(6079.3333)),
            ]
        );
    }

    #[test]
    fn rich_shared_strings() {
        let mut xml = xml_reader(
            r#"<si><r><rPr><b/></rPr><t xml:space="preserve">applicables </t></r><rPh><t>x</t></rPh><r><t>au 15 juillet</t></r></si>"#
                .as_bytes(),
        );
        let mut buf = Vec::new();
        xml.read_event_into(&mut buf).unwrap();
        assert_eq!(
            read_string(&mut xml, &mut Vec::new()).unwrap(),
            "applicables au 15 juillet"
        );
        assert_eq!(col_of_ref(b"AB12"), Some(27));
    }
}
