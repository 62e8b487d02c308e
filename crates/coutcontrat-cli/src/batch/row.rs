//! One row of a batch: its input cells, then the figures of its quote or why it was refused.
//!
//! Which output cells are whose: the input cells and `table_version` (the référentiel's tag) are copied
//! text; `npec_annual`, `years`, `totals_*` and `participation` are numbers the tool writes; `npec_source`,
//! `regime` and `warnings` are its codes, `error` its message. The copied cells and the message go through
//! [`push_cell`], which puts a `'` before what a spreadsheet would run as a formula and leaves a negative
//! number as it is; the numbers and codes need not (a code is a word, an amount a plain number).

use coutcontrat::money::{cents, Money};
use coutcontrat::text::quoted;
use coutcontrat::{quote::NpecSource, ContractInput, Quote, Quoter};
use rust_decimal::Decimal;

use super::records::{Fate, Row, MAX_CELL_BYTES, MAX_ROW_BYTES};
use super::safe::push_cell;
use super::FIGURES;
use crate::input::input_from_fields;

/// What every row needs, shared by the threads.
pub struct Job<'q> {
    /// The header's width.
    pub width: usize,
    /// The field of each column.
    pub fields: &'q [&'static str],
    /// The quoter.
    pub quoter: &'q Quoter<'q>,
    /// The output's separator.
    pub delimiter: u8,
}

/// A row's fate.
pub enum Outcome {
    Quoted,
    Blank,
    Refused(String),
}

/// A thread's reusable buffers.
#[derive(Default)]
pub struct Scratch {
    text: String,
    cell: Vec<u8>,
}

/// Appends the figures of a quoted row to `row`.
fn push_figures(row: &mut csv::ByteRecord, quote: &Quote, scratch: &mut Scratch) {
    use std::fmt::Write as _;
    let Scratch { text, cell } = scratch;
    let t = &quote.totals;
    let source = match quote.npec.source {
        NpecSource::Table => "table",
        NpecSource::Manual => "manual",
        NpecSource::Amorcage => "amorcage",
    };
    let money = |row: &mut csv::ByteRecord, text: &mut String, amount: Money| {
        text.clear();
        push_cents(text, amount.to_decimal());
        row.push_field(text.as_bytes());
    };
    money(row, text, quote.npec.annual);
    row.push_field(source.as_bytes());
    // Copied from the référentiel: a workbook's « Me lire » chose it.
    let tag = quote.npec.table_version.as_deref().unwrap_or_default();
    push_cell(row, tag.as_bytes(), cell);
    row.push_field(quote.regime.as_str().as_bytes());
    text.clear();
    let _ = write!(text, "{}", quote.years.len());
    row.push_field(text.as_bytes());
    for amount in [
        t.npec,
        t.price,
        t.opco,
        t.employer,
        t.rqth,
        t.overseas_modulation,
        t.annexes,
        quote.participation,
    ] {
        money(row, text, amount);
    }
    text.clear();
    for (i, w) in quote.warnings.iter().enumerate() {
        if i > 0 {
            text.push(';');
        }
        text.push_str(w.code);
    }
    row.push_field(text.as_bytes());
    row.push_field(b"");
}

/// An amount rounded to the cent, written `1234.50` (the `Display` of a decimal at two places).
pub fn push_cents(out: &mut String, amount: Decimal) {
    use std::fmt::Write as _;
    let rounded = cents(amount);
    let mantissa = rounded.mantissa();
    let sign = if rounded.is_sign_negative() && mantissa != 0 {
        "-"
    } else {
        ""
    };
    let abs = mantissa.unsigned_abs();
    let _ = write!(out, "{sign}{}.{:02}", abs / 100, abs % 100);
}

/// The text of the `error` column: code, field, message.
pub fn error_cell(err: &coutcontrat::Error) -> String {
    match err.field() {
        Some(field) => format!("{} ({field}) : {}", err.code(), err.message()),
        None => format!("{} : {}", err.code(), err.message()),
    }
}

/// The row's contract, or why it cannot even be read.
fn row_input(record: Row<'_>, fields: &[&'static str]) -> Result<ContractInput, String> {
    let mut cells = Vec::with_capacity(fields.len());
    for (raw, field) in record.iter().zip(fields) {
        let text = std::str::from_utf8(raw).map_err(|_| {
            format!("invalid ({field}) : la cellule n'est pas en UTF-8 ; enregistrez le fichier en « CSV UTF-8 »")
        })?;
        if !text.trim().is_empty() {
            cells.push((*field, text));
        }
    }
    input_from_fields(cells).map_err(|e| error_cell(&e))
}

/// Why a row that could not be held was refused (its cells are not copied).
fn unread(fate: Fate, job: &Job) -> String {
    const NOT_COPIED: &str = "(les cellules de la ligne ne sont pas recopiées)";
    match fate {
        Fate::Read => String::new(),
        Fate::LongCell(i) => {
            let what = match job.fields.get(i) {
                Some(field) => format!("({field}) : la cellule"),
                None => format!(
                    ": la cellule {}, au-delà des {} colonnes de l'en-tête,",
                    i + 1,
                    job.width
                ),
            };
            format!(
                "invalid {what} fait plus de {} Kio : une valeur de contrat tient en quelques dizaines \
                 d'octets ; corrigez-la {NOT_COPIED}",
                MAX_CELL_BYTES / 1024
            )
        }
        Fate::LongRow => format!(
            "invalid : la ligne fait plus de {} Kio dans le fichier, quand une ligne de contrat en fait moins \
             de 1 : vérifiez qu'elle ne contient que les colonnes de l'en-tête {NOT_COPIED}",
            MAX_ROW_BYTES / 1024
        ),
        Fate::Unclosed {
            quote_line,
            last_line,
        } => format!(
            "invalid : le guillemet ouvert ligne {quote_line} n'est jamais fermé : la suite du fichier \
             (lignes {quote_line} à {last_line}) a été lue comme une seule cellule ; fermez-le, ou doublez-le \
             (\"\") s'il fait partie de la valeur {NOT_COPIED}"
        ),
    }
}

/// One input row and its figures (or its error) as the output row.
pub fn quote_row(
    record: Row<'_>,
    job: &Job,
    row: &mut csv::ByteRecord,
    scratch: &mut Scratch,
) -> Outcome {
    let width = job.width;
    row.clear();
    for i in 0..width {
        push_cell(row, record.get(i).unwrap_or_default(), &mut scratch.cell);
    }
    let blank =
        record.fate == Fate::Read && record.iter().all(|c| c.iter().all(u8::is_ascii_whitespace));
    if blank {
        for _ in FIGURES {
            row.push_field(b"");
        }
        return Outcome::Blank;
    }
    let result = if record.fate != Fate::Read {
        Err(unread(record.fate, job))
    } else if record.len() != width {
        let extra: Vec<String> = record
            .iter()
            .skip(width)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        Err(format!(
            "invalid : la ligne a {} cellules, l'en-tête {} colonnes{}",
            record.len(),
            width,
            if extra.is_empty() {
                String::new()
            } else {
                format!(" (cellules en trop : {})", quoted(&extra.join(" | ")))
            }
        ))
    } else {
        row_input(record, job.fields).and_then(|input| {
            input
                .parse()
                .and_then(|c| job.quoter.quote(&c))
                .map_err(|e| error_cell(&e))
        })
    };
    match result {
        Ok(quote) => {
            push_figures(row, &quote, scratch);
            Outcome::Quoted
        }
        Err(message) => {
            for _ in 1..FIGURES.len() {
                row.push_field(b"");
            }
            push_cell(row, message.as_bytes(), &mut scratch.cell);
            Outcome::Refused(message)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_written_as_the_decimal_displays_them_at_two_places() {
        for text in [
            "0",
            "0.004",
            "0.005",
            "-0.004",
            "-12.345",
            "7000",
            "1234.5",
            "999999999.999",
        ] {
            let amount: Decimal = text.parse().unwrap();
            let mut written = String::new();
            push_cents(&mut written, amount);
            assert_eq!(written, cents(amount).to_string(), "{text}");
        }
    }
}
