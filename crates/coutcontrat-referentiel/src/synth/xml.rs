//! Writing a worksheet the way Excel saves one: shared strings, styles, serial dates.

use std::collections::HashMap;
use std::io::{self, Write};

use jiff::civil::{date, Date};

/// Days since 1899-12-30: Excel's serial date (1900 system).
pub(super) fn excel_serial(d: Date) -> i64 {
    d.since(date(1899, 12, 30))
        .map_or(0, |span| i64::from(span.get_days()))
}

pub(super) fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

pub(super) fn col_letter(col: usize) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        out.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The shared-strings table being built.
#[derive(Default)]
pub(super) struct Sst {
    index: HashMap<String, u32>,
    list: Vec<String>,
    refs: usize,
}

impl Sst {
    pub(super) fn id(&mut self, s: &str) -> u32 {
        self.refs += 1;
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.list.len() as u32;
        self.list.push(s.to_owned());
        self.index.insert(s.to_owned(), i);
        i
    }

    pub(super) fn xml(&self) -> String {
        let mut out = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<sst xmlns=\"{MAIN_NS}\" count=\"{}\" uniqueCount=\"{}\">",
            self.refs,
            self.list.len()
        );
        for s in &self.list {
            let preserve = s.starts_with(char::is_whitespace)
                || s.ends_with(char::is_whitespace)
                || s.contains('\n');
            out.push_str(if preserve {
                "<si><t xml:space=\"preserve\">"
            } else {
                "<si><t>"
            });
            escape(s, &mut out);
            out.push_str("</t></si>");
        }
        out.push_str("</sst>");
        out
    }
}

pub(super) const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
pub(super) const REL_NS: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Cell styles of `styles.xml`.
pub(super) const S_TEXT: u32 = 1;
pub(super) const S_HEADER: u32 = 2;
pub(super) const S_DATE: u32 = 3;
pub(super) const S_AMOUNT: u32 = 4;

/// A worksheet being written: rows of cells, strings through the shared table.
pub(super) struct Sheet<'a, W: Write> {
    out: &'a mut W,
    sst: &'a mut Sst,
    line: String,
    row: usize,
    width: usize,
}

pub(super) enum C<'s> {
    S(&'s str, u32),
    N(f64, u32),
    Empty,
}

impl<'a, W: Write> Sheet<'a, W> {
    pub(super) fn start(
        out: &'a mut W,
        sst: &'a mut Sst,
        width: usize,
        cols: &str,
    ) -> io::Result<Self> {
        write!(
            out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<worksheet xmlns=\"{MAIN_NS}\" \
             xmlns:r=\"{REL_NS}\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" \
             mc:Ignorable=\"x14ac\" xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\">\
             <sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>\
             <sheetFormatPr defaultRowHeight=\"15\" x14ac:dyDescent=\"0.25\"/>{cols}<sheetData>"
        )?;
        Ok(Sheet {
            out,
            sst,
            line: String::with_capacity(1024),
            row: 0,
            width,
        })
    }

    pub(super) fn row(&mut self, cells: &[C<'_>]) -> io::Result<()> {
        use std::fmt::Write as _;
        self.row += 1;
        let r = self.row;
        self.line.clear();
        if cells.iter().all(|c| matches!(c, C::Empty)) {
            return Ok(());
        }
        let _ = write!(
            self.line,
            "<row r=\"{r}\" spans=\"1:{}\" x14ac:dyDescent=\"0.25\">",
            self.width
        );
        for (i, c) in cells.iter().enumerate() {
            match c {
                C::Empty => {}
                C::S(s, style) => {
                    let id = self.sst.id(s);
                    let _ = write!(
                        self.line,
                        "<c r=\"{}{r}\" s=\"{style}\" t=\"s\"><v>{id}</v></c>",
                        col_letter(i)
                    );
                }
                C::N(v, style) => {
                    let _ = write!(self.line, "<c r=\"{}{r}\"", col_letter(i));
                    if *style != 0 {
                        let _ = write!(self.line, " s=\"{style}\"");
                    }
                    let _ = write!(self.line, "><v>{v}</v></c>");
                }
            }
        }
        self.line.push_str("</row>");
        self.out.write_all(self.line.as_bytes())
    }

    pub(super) fn end(self, tail: &str) -> io::Result<()> {
        write!(
            self.out,
            "</sheetData>{tail}<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" \
             footer=\"0.3\"/></worksheet>"
        )
    }
}
