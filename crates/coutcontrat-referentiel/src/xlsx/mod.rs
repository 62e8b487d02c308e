//! A streaming reader of `.xlsx` worksheets: the zip entry of a sheet is inflated and pull-parsed with
//! quick-xml row by row, shared strings loaded once; no sheet is ever held whole in memory.
//!
//! It reads cells as calamine does (same types, same text: rich-text runs joined, phonetic runs skipped,
//! `_x000D_` escapes and entities resolved), so that the importer gets the same values on either path.
//! Anything it does not expect is reported as an error, and the importer then falls back to calamine,
//! whose messages it keeps for damaged files.

mod cells;
pub(crate) mod limits;
mod package;
mod sheet;

pub(crate) use cells::{range_of, to_data, RawCell, Value};
pub(crate) use package::{part_too_large, Package};
pub(crate) use sheet::{read_range, SheetRows};

/// A low-level reading problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum XError {
    /// Something the reader does not expect: the caller falls back to calamine, which words it for the user.
    Unexpected(String),
    /// A part, sheet or row over the limits ([`limits`]): refused as it is (calamine would load it whole).
    TooLarge(String),
    /// A row or cell number beyond an Excel sheet (`XFE1048577`): refused as it is (calamine would wrap it).
    BeyondSheet(String),
}

impl std::fmt::Display for XError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            XError::Unexpected(m) | XError::TooLarge(m) | XError::BeyondSheet(m) => f.write_str(m),
        }
    }
}

impl From<String> for XError {
    fn from(m: String) -> XError {
        XError::Unexpected(m)
    }
}

impl From<&str> for XError {
    fn from(m: &str) -> XError {
        XError::Unexpected(m.to_owned())
    }
}

/// A reading problem of the reader; see [`XError`].
pub(crate) type XResult<T> = std::result::Result<T, XError>;

/// Reads every cell of a sheet on one thread (shared strings, inflating and parsing), keeping nothing: the
/// count of cells with a value. For the benchmark beside calamine's own reader (`examples/xlsx_readers.rs`).
pub fn count_sheet_cells(bytes: &[u8], sheet: &str) -> Result<u64, String> {
    let count = || -> XResult<u64> {
        let pkg = Package::open(bytes)?;
        pkg.shared_strings()?;
        pkg.with_sheet(sheet, limits::MAX_SHEET_BYTES, |r| {
            let mut rows = SheetRows::new(r);
            let (mut cells, mut count) = (Vec::new(), 0u64);
            while rows.next_row(&mut cells)?.is_some() {
                count += cells.len() as u64;
            }
            Ok(count)
        })?
    };
    count().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use calamine::CellErrorType;

    use super::cells::*;
    use super::package::*;
    use super::sheet::*;

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
            .expect("refused")
            .to_string();
        assert!(
            err.contains(rels) && err.contains("3388998085 octets"),
            "{err}"
        );
        // The same part declaring its true size is read.
        let honest = package_declaring(rels, b"<Relationships/>", 16);
        assert!(!Package::open(&honest)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
            .contains("octets"));
    }

    /// Bug 3 of issue 17: a long run of text with no `<` in « Onglet 3 » took 125 s for a 317 KB workbook, the
    /// row parsed again from its start after each 64 KB read. Now the bytes offered to the parser stay within a
    /// small multiple of the sheet's size.
    #[test]
    fn a_long_text_is_scanned_in_linear_time() {
        for (open, close) in [
            (r#"<c r="A1" t="str"><v>"#, "</v></c>"),
            (r#"<c r="A1" t="inlineStr"><is><t>"#, "</t></is></c>"),
        ] {
            let mut xml = format!(r#"<worksheet><sheetData><row r="1">{open}"#).into_bytes();
            xml.resize(xml.len() + (4 << 20), b'a');
            xml.extend_from_slice(format!("{close}</row></sheetData></worksheet>").as_bytes());
            let mut rows =
                SheetRows::new(std::io::BufReader::with_capacity(1 << 16, xml.as_slice()));
            let mut cells = Vec::new();
            assert_eq!(rows.next_row(&mut cells).unwrap(), Some(1));
            assert_eq!(rows.next_row(&mut cells).unwrap(), None);
            let scanned = rows.scanned();
            assert!(
                scanned <= 3 * xml.len() as u64,
                "{scanned} bytes scanned for {}",
                xml.len()
            );
        }
    }

    /// The chunker of « Onglet 3 » on a row of 2 MB cut into 64 KB reads: whole rows in each chunk, and the
    /// bytes searched and copied linear in the sheet's size (each read used to copy and search all again).
    #[test]
    fn a_long_row_is_chunked_in_linear_time() {
        let small = r#"<row r="1"><c r="A1"><v>1</v></c></row>"#;
        let mut xml = format!("<worksheet><sheetData>{small}").into_bytes();
        xml.extend_from_slice(br#"<row r="2"><c r="A2" t="str"><v>"#);
        xml.resize(xml.len() + (2 << 20), b'a');
        xml.extend_from_slice(format!("</v></c></row>{small}</sheetData></worksheet>").as_bytes());
        let package = package_of("xl/worksheets/sheet1.xml", &xml);
        let pkg = Package::open(&package).unwrap();
        let (tx, rx) = std::sync::mpsc::sync_channel(4);
        let (_give_back, recycled) = std::sync::mpsc::channel();
        let (work, chunks) = std::thread::scope(|scope| {
            let collect = scope.spawn(move || rx.iter().collect::<Vec<(usize, Vec<u8>)>>());
            let work = pkg
                .inflate_rows_into(
                    "Feuil1",
                    move |i, c, _| tx.send((i, c)).is_ok(),
                    64 << 10,
                    &recycled,
                )
                .unwrap();
            (work, collect.join().unwrap())
        });
        let joined: Vec<u8> = chunks.iter().flat_map(|(_, c)| c.clone()).collect();
        assert_eq!(joined, xml);
        assert!(chunks[..chunks.len() - 1]
            .iter()
            .all(|(_, c)| c.ends_with(b"</row>")));
        assert!(
            work <= 3 * xml.len() as u64,
            "{work} bytes searched and copied for {}",
            xml.len()
        );
    }

    /// A package of one sheet, « Feuil1 », whose XML is `xml`.
    fn package_of(path: &str, xml: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default();
        zip.start_file("xl/_rels/workbook.xml.rels", opts).unwrap();
        zip.write_all(br#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#)
            .unwrap();
        zip.start_file("xl/workbook.xml", opts).unwrap();
        zip.write_all(br#"<workbook><sheets><sheet name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>"#)
            .unwrap();
        zip.start_file(path, opts).unwrap();
        zip.write_all(xml).unwrap();
        zip.finish().unwrap().into_inner()
    }

    /// A row over the row limit is refused, not held.
    #[test]
    fn a_row_over_the_limit_is_refused() {
        let mut xml = br#"<worksheet><sheetData><row r="1"><c r="A1" t="str"><v>"#.to_vec();
        xml.resize(xml.len() + (1 << 20), b'a');
        xml.extend_from_slice(b"</v></c></row></sheetData></worksheet>");
        let mut rows = SheetRows::new(std::io::BufReader::with_capacity(1 << 16, xml.as_slice()))
            .max_row(256 << 10);
        let err = rows.next_row(&mut Vec::new()).unwrap_err();
        assert!(
            matches!(&err, super::XError::TooLarge(m) if m.contains("la ligne 1")),
            "{err}"
        );
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
        assert_eq!(col_of_ref(b"AB12"), Ok(Some(27)));
        assert_eq!(col_of_ref(b"XFD1048576"), Ok(Some(16_383)));
        assert!(col_of_ref(b"XFE1").is_err());
        assert!(col_of_ref(b"A1048577").is_err());
        assert!(col_of_ref(b"ZZZZZZZZZZZZZZZZ1").is_err());
        assert!(matches!(
            col_of_ref(b"A0"),
            Err(super::XError::BeyondSheet(_))
        ));
        // Malformed, not too large: calamine's to word.
        assert!(matches!(
            col_of_ref(b"A1B"),
            Err(super::XError::Unexpected(_))
        ));
    }
}
