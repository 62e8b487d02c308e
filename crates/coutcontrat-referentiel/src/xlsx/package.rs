//! The zip package of a workbook: its entries, the workbook's sheet list and relations, the shared strings,
//! and a sheet's entry inflated (whole, or in chunks of rows).

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};

use super::cells::{read_string, xml_reader};
use super::limits::{megabytes, read_capped, Counted, Limits};
use super::{XError, XResult};

/// The parts of a workbook package the importer needs.
pub(crate) struct Package<'a> {
    bytes: &'a [u8],
    pub limits: Limits,
    /// Lower-cased entry name → entry name.
    entries: HashMap<String, String>,
    /// Sheet names and their entry names, in workbook order.
    pub sheets: Vec<(String, String)>,
    pub date1904: bool,
}

pub(super) fn attr<'b>(e: &'b BytesStart<'_>, key: &[u8]) -> Option<std::borrow::Cow<'b, [u8]>> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.as_ref() == key || a.key.local_name().as_ref() == key)
        .map(|a| a.value)
}

impl<'a> Package<'a> {
    /// Opens the package: workbook, relationships, sheet list.
    pub fn open(bytes: &'a [u8]) -> XResult<Package<'a>> {
        Package::open_with(bytes, Limits::DEFAULT)
    }

    /// [`Package::open`] with other limits (smaller in tests).
    pub fn open_with(bytes: &'a [u8], limits: Limits) -> XResult<Package<'a>> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
        let entries = zip
            .file_names()
            .map(|n| (n.replace('\\', "/").to_ascii_lowercase(), n.to_owned()))
            .collect();
        let mut package = Package {
            bytes,
            limits,
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
            match xml
                .read_event_into(&mut buf)
                .map_err(|e| format!("partie xl/_rels/workbook.xml.rels : {e}"))?
            {
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
            match xml
                .read_event_into(&mut buf)
                .map_err(|e| format!("partie xl/workbook.xml : {e}"))?
            {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"sheet" => {
                    let mut name = String::new();
                    let mut path = None;
                    for a in e.attributes().flatten() {
                        if a.key.as_ref() == b"name" {
                            name = a
                                .decode_and_unescape_value(xml.decoder())
                                .map_err(|e| format!("partie xl/workbook.xml : {e}"))?
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
                        return Err(XError::from(format!("feuille d'un type non géré : {path}")));
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

    pub(super) fn entry_name(&self, name: &str) -> Option<&str> {
        self.entries
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }

    /// An entry inflated whole (for the small parts: relations, workbook, shared strings).
    ///
    /// Found by fuzzing: the size an entry declares was trusted to reserve memory (3 GB for a 7 KB file).
    /// A part above the part limit ([`super::limits::MAX_PART_BYTES`]), declared or inflated, is refused.
    pub fn entry(&self, name: &str) -> XResult<Vec<u8>> {
        let real = self
            .entry_name(name)
            .ok_or_else(|| format!("{name} absent"))?;
        let mut zip = zip::ZipArchive::new(Cursor::new(self.bytes)).map_err(|e| e.to_string())?;
        let file = zip.by_name(real).map_err(|e| e.to_string())?;
        let cap = self.limits.part;
        if file.size() > cap {
            return Err(part_too_large(
                name,
                &format!("{} octets", file.size()),
                cap,
            ));
        }
        let declared = file.size();
        read_capped(file, cap, declared).map_err(|e| match e {
            Some(e) => XError::Unexpected(e.to_string()),
            None => part_too_large(name, &format!("plus de {cap} octets"), cap),
        })
    }

    /// The shared strings, as calamine reads them (not trimmed).
    pub fn shared_strings(&self) -> XResult<Vec<String>> {
        if self.entry_name("xl/sharedStrings.xml").is_none() {
            return Ok(Vec::new());
        }
        let bytes = self.entry("xl/sharedStrings.xml")?;
        parse_shared_strings(&bytes).map_err(|e| match e {
            XError::Unexpected(why) => {
                XError::Unexpected(format!("partie xl/sharedStrings.xml : {why}"))
            }
            too_large => too_large,
        })
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
            .ok_or_else(|| XError::from(format!("{path} absent de l'archive")))
    }

    /// Runs `f` on a buffered reader of a sheet's XML, inflated as it is read; past `cap` bytes the reader
    /// fails with [`XError::TooLarge`] (see [`io_error`]).
    pub fn with_sheet<T>(
        &self,
        sheet: &str,
        cap: u64,
        f: impl FnOnce(std::io::BufReader<&mut dyn Read>) -> T,
    ) -> XResult<T> {
        let path = self.sheet_path(sheet)?.to_owned();
        let mut zip = zip::ZipArchive::new(Cursor::new(self.bytes)).map_err(|e| e.to_string())?;
        let file = zip.by_name(&path).map_err(|e| e.to_string())?;
        let mut capped = Capped::new(file, cap, &path);
        let reader: &mut dyn Read = &mut capped;
        Ok(f(std::io::BufReader::with_capacity(1 << 16, reader)))
    }
}

/// The strings of `xl/sharedStrings.xml`.
fn parse_shared_strings(bytes: &[u8]) -> XResult<Vec<String>> {
    let mut xml = xml_reader(bytes);
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

/// The refusal of a part over `cap` bytes (`size`: how large it is, or says it is).
pub(crate) fn part_too_large(name: &str, size: &str, cap: u64) -> XError {
    XError::TooLarge(format!(
        "la partie {name} du classeur fait {size} une fois décompressée, plus que les {} qu'une partie de \
         classeur peut occuper : le fichier est endommagé ou n'est pas un référentiel",
        megabytes(cap)
    ))
}

/// The payload of the I/O error a [`Capped`] reader fails with.
#[derive(Debug)]
struct SheetTooLarge(String);

impl std::fmt::Display for SheetTooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SheetTooLarge {}

/// A sheet's inflating reader that fails past its cap: a sheet is streamed, so the cap bounds the time.
struct Capped<'p, R> {
    inner: Counted<R>,
    left: u64,
    cap: u64,
    path: &'p str,
}

impl<'p, R: Read> Capped<'p, R> {
    fn new(inner: R, cap: u64, path: &'p str) -> Capped<'p, R> {
        Capped {
            inner: Counted(inner),
            left: cap,
            cap,
            path,
        }
    }
}

impl<R: Read> Read for Capped<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            // One byte more than the cap: over it, or exactly at its end.
            let mut probe = [0u8; 1];
            if self.inner.read(&mut probe)? == 0 {
                return Ok(0);
            }
            return Err(std::io::Error::other(SheetTooLarge(format!(
                "la feuille {} du classeur fait plus de {} une fois décompressée : le fichier est endommagé ou \
                 n'est pas un référentiel",
                self.path,
                megabytes(self.cap)
            ))));
        }
        let max = buf
            .len()
            .min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..max])?;
        self.left -= n as u64;
        Ok(n)
    }
}

/// An I/O error of a sheet's reader as a reading problem: [`XError::TooLarge`] past its cap.
pub(crate) fn io_error(e: std::io::Error) -> XError {
    match e.get_ref().and_then(|i| i.downcast_ref::<SheetTooLarge>()) {
        Some(too_large) => XError::TooLarge(too_large.0.clone()),
        None => XError::Unexpected(e.to_string()),
    }
}

impl Package<'_> {
    /// Inflates a sheet into chunks of whole rows (cut after a `</row>`), numbered in order: the first holds
    /// the start of the sheet, the last its end. Parsers on several threads can then take one each, or the
    /// sink parses each itself (where there are no threads: the browser's importer). The sink gets the index,
    /// the chunk, the sheet's bytes inflated so far and the size its archive declares (for a progress bar, never
    /// trusted for memory), and returns false to stop.
    ///
    /// Each byte is searched for `</row>` once: a chunk without one grows in place (it used to be copied and
    /// searched again whole after each read, quadratic on a long run without a row end). Returns the bytes
    /// searched and copied, which tests bound.
    pub fn inflate_rows_into(
        &self,
        sheet: &str,
        mut sink: impl FnMut(usize, Vec<u8>, (u64, u64)) -> bool,
        chunk_size: usize,
        recycled: &std::sync::mpsc::Receiver<Vec<u8>>,
    ) -> XResult<u64> {
        let path = self.sheet_path(sheet)?.to_owned();
        let mut zip = zip::ZipArchive::new(Cursor::new(self.bytes)).map_err(|e| e.to_string())?;
        let file = zip.by_name(&path).map_err(|e| e.to_string())?;
        let declared = file.size();
        let mut file = Capped::new(file, self.limits.sheet, &path);
        let mut carry: Vec<u8> = Vec::new();
        let mut index = 0;
        let mut work: u64 = 0;
        let mut inflated: u64 = 0;
        loop {
            // A buffer back from a parser, its pages already mapped; else a new one.
            let mut chunk = recycled.try_recv().unwrap_or_default();
            chunk.clear();
            chunk.reserve(chunk_size + carry.len() + 4096);
            chunk.extend_from_slice(&carry);
            work += carry.len() as u64;
            carry.clear();
            // The carry holds no `</row>`, but its last bytes may begin one.
            let mut search_from = chunk.len().saturating_sub(b"</row>".len() - 1);
            let last = loop {
                let start = chunk.len();
                chunk.resize(start + chunk_size, 0);
                let mut filled = start;
                while filled < chunk.len() {
                    let n = file.read(&mut chunk[filled..]).map_err(io_error)?;
                    if n == 0 {
                        break;
                    }
                    filled += n;
                }
                chunk.truncate(filled);
                inflated += (filled - start) as u64;
                if filled < start + chunk_size {
                    break true;
                }
                // Cut after the last complete row; the rest starts the next chunk.
                work += (chunk.len() - search_from) as u64;
                if let Some(at) = memchr::memmem::rfind(&chunk[search_from..], b"</row>") {
                    let cut = search_from + at + b"</row>".len();
                    work += (chunk.len() - cut) as u64;
                    carry.extend_from_slice(&chunk[cut..]);
                    chunk.truncate(cut);
                    break false;
                }
                if chunk.len() > self.limits.row.max(chunk_size) {
                    let place = format!("une ligne de la feuille {path} du classeur");
                    return Err(row_too_large(&place, self.limits.row));
                }
                search_from = chunk.len() - (b"</row>".len() - 1);
            };
            if !sink(index, chunk, (inflated, declared)) {
                return Ok(work);
            }
            index += 1;
            if last {
                return Ok(work);
            }
        }
    }
}

/// The refusal of a row (`place`: which one) over `cap` bytes of XML.
pub(crate) fn row_too_large(place: &str, cap: usize) -> XError {
    XError::TooLarge(format!(
        "{place} dépasse {} de XML (une ligne du référentiel en occupe moins de 2 Ko) : le fichier est \
         endommagé ou n'est pas un référentiel",
        megabytes(cap as u64)
    ))
}
