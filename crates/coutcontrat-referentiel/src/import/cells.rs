//! Cells: what a calamine value reads as (text, code, date, IDCC list), header and sheet names reduced to
//! the words they are matched by, and sheet names that clash.

use std::collections::HashMap;

use calamine::Data;
use coutcontrat::referentiel::fold;
use coutcontrat::text::quoted;
use jiff::civil::Date;

use crate::error::{Error, ErrorKind, Result};

/// `0` → `A`, `26` → `AA`.
pub(super) fn col_letter(col: u32) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = ((n - 1) % 26) as u8;
        out.push(b'A' + r);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

pub(super) fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_owned(),
        // `{}` of an f64 is the shortest text that reads back the same: 6079.3333 stays 6079.3333.
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => format!("{}", dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.trim().to_owned(),
        Data::Error(e) => format!("#{e}"),
    }
}

/// Whether a certification cell holds only what codes are written with (letters and digits of ASCII, spaces,
/// the separators `/ , ; - . _`): anything else (a script, control characters, another alphabet) is no code of
/// any layout.
pub(super) fn is_code_text(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_ascii_alphanumeric()
            || matches!(c, '/' | ',' | ';' | '-' | '.' | '_' | '\n' | '\t')
            || (c.is_whitespace() && !c.is_control())
    })
}

/// The refusal of a certification cell that is no code ([`is_code_text`]).
pub(super) fn not_a_code(text: &str) -> String {
    format!(
        "« {} » n'est pas un code de certification : un code RNCP s'écrit RNCP suivi de chiffres (RNCP34826), \
         plusieurs séparés par « / » ; corrigez la cellule ou téléchargez le classeur à nouveau",
        quoted(text)
    )
}

/// The refusal of a row without a CPNE code in a sheet that has the column.
pub(super) const NO_CPNE: &str =
    "ligne sans code CPNE : elle ne s'appliquerait à aucune branche ; complétez \
     le code CPNE (celui de la colonne « CPNE ») ou supprimez la ligne";

/// A code cell (CPNE, IDCC) as a number.
pub(super) fn cell_code(d: &Data) -> Option<u32> {
    match d {
        Data::Int(i) => u32::try_from(*i).ok(),
        Data::Float(f) if f.fract() == 0.0 && *f >= 0.0 && *f <= f64::from(u32::MAX) => {
            Some(*f as u32)
        }
        Data::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The dates a NPEC row can plausibly carry; anything else is a typo or a number read as a date.
pub(super) fn plausible(d: Date) -> bool {
    (2000..=2100).contains(&d.year())
}

pub(super) fn excel_serial_date(serial: f64) -> Option<Date> {
    if !serial.is_finite() || !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    // Serial 60 is Excel's phantom 1900-02-29; from 61 on, day 0 is 1899-12-30.
    if days == 60 {
        return None;
    }
    let base = if days < 60 {
        jiff::civil::date(1899, 12, 31)
    } else {
        jiff::civil::date(1899, 12, 30)
    };
    base.checked_add(jiff::Span::new().days(days)).ok()
}

pub(super) fn text_date(text: &str) -> Option<Date> {
    let head = text.split([' ', 'T']).next().unwrap_or_default();
    let parts: Vec<&str> = head.split(['/', '.', '-']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let num = |s: &str| s.parse::<i32>().ok();
    let (y, m, d) = if a.len() == 4 {
        (num(a)?, num(b)?, num(c)?)
    } else {
        let y = num(c)?;
        (if c.len() == 2 { 2000 + y } else { y }, num(b)?, num(a)?)
    };
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// A date cell: an Excel date, a serial number, or text (`15/07/2024`, `2024-07-15`); on error, what to say.
pub(super) fn date_value(d: &Data) -> std::result::Result<Option<Date>, String> {
    let found = match d {
        Data::Empty => return Ok(None),
        Data::String(s) if s.trim().is_empty() => return Ok(None),
        Data::DateTime(dt) => {
            let (y, m, day, ..) = dt.to_ymd_hms_milli();
            if dt.as_f64() < 1.0 {
                None
            } else {
                Date::new(y as i16, m as i8, day as i8).ok()
            }
        }
        Data::Float(f) => excel_serial_date(*f),
        Data::Int(i) => excel_serial_date(*i as f64),
        Data::DateTimeIso(s) | Data::String(s) => text_date(s.trim()),
        _ => None,
    };
    match found {
        Some(date) if plausible(date) => Ok(Some(date)),
        Some(date) => Err(format!(
            "la date d'applicabilité « {} » se lit {date}, hors de 2000–2100 : saisissez une date JJ/MM/AAAA",
            quoted(&cell_text(d))
        )),
        None => Err(format!(
            "« {} » n'est pas une date qui existe : saisissez une date JJ/MM/AAAA (ou une date Excel)",
            quoted(&cell_text(d))
        )),
    }
}

/// IDCC cells: `478`, `627, 749, 771`, `NA` (no IDCC).
pub(super) fn parse_idcc_list(text: &str) -> std::result::Result<Vec<u32>, String> {
    let t = text.trim();
    if t.is_empty()
        || matches!(
            t.to_ascii_uppercase().as_str(),
            "NA" | "N.A." | "N/A" | "NC" | "-"
        )
    {
        return Ok(Vec::new());
    }
    t.split([',', ';', '/', '\n', ' '])
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            s.trim()
                .parse::<f64>()
                .ok()
                .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f < 100_000.0)
                .map(|f| f as u32)
                .ok_or_else(|| {
                    format!(
                        "« {} » n'est pas un code IDCC (attendu 1 à 4 chiffres, ou NA)",
                        quoted(s)
                    )
                })
        })
        .collect()
}

pub(super) fn norm_sheet(name: &str) -> String {
    fold(name).chars().filter(|c| !c.is_whitespace()).collect()
}

/// Refuses a workbook two of whose sheets have the same name once reduced as sheets are matched (Excel itself
/// refuses two sheets named alike, case aside): the importer could not tell which one to read, and used to read
/// the first without a word.
pub(super) fn check_sheet_names(file: &str, names: &[String]) -> Result<()> {
    let mut seen: HashMap<String, &str> = HashMap::new();
    for name in names {
        if let Some(first) = seen.insert(norm_sheet(name), name) {
            let what = if first == name {
                format!("deux onglets s'appellent « {} »", quoted(name))
            } else {
                format!(
                    "les onglets « {} » et « {} » ne diffèrent que par la casse, les accents ou les espaces",
                    quoted(first),
                    quoted(name)
                )
            };
            return Err(Error::new(
                ErrorKind::Unreadable,
                file,
                format!(
                    "{what} : Excel n'admet pas deux onglets de même nom et l'importateur ne peut dire lequel lire ; \
                     le fichier a été modifié hors d'Excel : téléchargez le classeur à nouveau (ou renommez l'un \
                     des onglets)"
                ),
            )
            .sheet(name.as_str()));
        }
    }
    Ok(())
}

/// A header cell reduced to its words: accents, case, footnote marks and the parenthesised notes dropped.
pub(super) fn norm_header(text: &str) -> String {
    let folded = fold(text);
    let cut = folded.split(['\n', '*', '(']).next().unwrap_or_default();
    cut.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(super) fn procedure_date(text: &str) -> Option<Date> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i16>().ok())
        .find(|y| (2019..=2100).contains(y))
        .and_then(|y| Date::new(y, 9, 1).ok())
}
