//! Cells: the values a worksheet's XML holds, their texts decoded as calamine decodes them, and the grid a set
//! of cells makes.

use std::io::BufRead;

use calamine::{CellErrorType, Data};
use quick_xml::events::{BytesRef, Event};
use quick_xml::Reader;

use super::{XError, XResult};

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

pub(super) fn xml_reader<R: BufRead>(r: R) -> Reader<R> {
    let mut reader = Reader::from_reader(r);
    let config = reader.config_mut();
    config.trim_text(false);
    config.check_end_names = false;
    reader
}

pub(super) fn entity(e: &BytesRef<'_>, out: &mut String) -> XResult<()> {
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
        // Excel never declares entities: a document type that does (an « entity expansion ») is forged.
        None => Err(XError::from(format!(
            "entité « &{name}; » inconnue : un classeur Excel n'emploie que les entités prédéfinies de XML \
             (&amp; &lt; &gt; &quot; &apos;), celle-ci vient d'une déclaration DOCTYPE ajoutée au fichier"
        ))),
    }
}

/// Excel's `_xHHHH_` escapes of control characters (as calamine resolves them: `_x00HH_` only).
pub(super) fn unescape_excel(s: &str, out: &mut String) {
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
pub(super) fn read_string<R: BufRead>(xml: &mut Reader<R>, buf: &mut Vec<u8>) -> XResult<String> {
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

pub(super) fn parse_uint(v: &[u8]) -> Option<u64> {
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

pub(super) fn parse_number(v: &[u8]) -> Option<f64> {
    if let Some(n) = parse_uint(v) {
        if n < (1 << 53) {
            return Some(n as f64);
        }
    }
    std::str::from_utf8(v).ok()?.trim().parse::<f64>().ok()
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum CellType {
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

/// Text content with entities resolved and line ends normalised, as quick-xml's `xml10_content` gives it.
pub(super) fn decode_text(raw: &[u8], out: &mut String) -> XResult<()> {
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

/// The value of a `<v>` of a cell of type `typ`, as calamine reads it.
pub(super) fn v_value(typ: CellType, raw: &[u8], text: &mut String) -> XResult<Value> {
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

/// The most cells a grid may span, from its first to its last cell: a real référentiel spans about a million;
/// one stray cell at `XFD1048576` would span 17 billion (more memory than the machine has).
pub(crate) const MAX_SPAN: u64 = 16_000_000;

/// The grid of these cells, refused when they span more than [`MAX_SPAN`] cells.
pub(crate) fn range_of(cells: Vec<calamine::Cell<Data>>) -> Result<calamine::Range<Data>, String> {
    check_span(cells.iter().map(calamine::Cell::get_position))?;
    Ok(calamine::Range::from_sparse(cells))
}

/// Refuses positions (0-based row, column) that span more than [`MAX_SPAN`] cells.
pub(crate) fn check_span(positions: impl Iterator<Item = (u32, u32)>) -> Result<(), String> {
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
