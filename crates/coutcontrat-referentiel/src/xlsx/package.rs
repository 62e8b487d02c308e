//! The zip package of a workbook: its entries, the workbook's sheet list and relations, the shared strings,
//! and a sheet's entry inflated (whole, or in chunks of rows).

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};

use super::cells::{read_string, xml_reader};
use super::XResult;

/// The largest part read whole (relations, workbook, shared strings): the shared strings of the full-size
/// synthetic référentiel take 0.3 MB; sheets are streamed, never read whole.
pub const MAX_PART_BYTES: u64 = 256 << 20;

/// The parts of a workbook package the importer needs.
pub(crate) struct Package<'a> {
    bytes: &'a [u8],
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

    pub(super) fn entry_name(&self, name: &str) -> Option<&str> {
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
