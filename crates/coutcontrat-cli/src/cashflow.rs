//! `coutcontrat cashflow`: the payments of a file of contracts (the batch CSV), month by month, with the
//! totals by OPCO or by certification. Bad rows are listed with their line and error, the rest computed.

use std::fmt::Write as _;
use std::io::Read;

use coutcontrat::cfa::{by_month, payments_of, totals_by, Payment};
use coutcontrat::money::euros;
use coutcontrat::Quoter;

use crate::batch::{columns, guess_delimiter};
use crate::failure::Failure;
use crate::input::input_from_fields;

/// What `cashflow` made of a file.
#[derive(Debug, Default)]
pub struct Cashflow {
    /// Every payment, by due date (then line).
    pub payments: Vec<Payment>,
    /// The rows refused: line, error.
    pub refused: Vec<(u64, String)>,
}

/// Reads the contracts of a batch CSV and gives their payments.
pub fn read(mut input: impl Read, quoter: &Quoter<'_>) -> Result<Cashflow, Failure> {
    let mut bytes = Vec::new();
    input
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::io("fichier des contrats", e))?;
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or(&[]);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(guess_delimiter(first_line))
        .flexible(true)
        .from_reader(bytes.as_slice());
    let headers = reader
        .byte_headers()
        .map_err(|e| Failure::io("en-tête du fichier des contrats", e))?
        .clone();
    let fields = columns(&headers)?;
    let mut out = Cashflow::default();
    for record in reader.byte_records() {
        let record = record.map_err(|e| Failure::io("fichier des contrats", e))?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|c| c.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        let cells: Vec<String> = record
            .iter()
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        let quoted =
            input_from_fields(fields.iter().copied().zip(cells.iter().map(String::as_str)))
                .and_then(|input| input.parse())
                .and_then(|contract| {
                    let quote = quoter.quote(&contract)?;
                    let opco = contract
                        .idcc
                        .and_then(|i| quoter.referentiel().idcc(i))
                        .and_then(|info| info.opco.clone())
                        .unwrap_or_default();
                    let rncp = contract.rncp.clone().unwrap_or_default();
                    Ok(payments_of(line, &quote, &rncp, &opco))
                });
        match quoted {
            Ok(payments) => out.payments.extend(payments),
            Err(e) => out.refused.push((line, e.message().to_owned())),
        }
    }
    out.payments.sort_by_key(|a| (a.due, a.line));
    Ok(out)
}

/// One line per payment: `due,opco,rncp,line,kind,amount`.
pub fn csv(c: &Cashflow) -> Result<String, Failure> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let io = |e: csv::Error| Failure::io("CSV des versements", e);
    w.write_record(["due", "opco", "rncp", "line", "kind", "amount"])
        .map_err(io)?;
    for p in &c.payments {
        w.write_record([
            p.due.to_string(),
            p.opco.clone(),
            p.rncp.clone(),
            p.line.to_string(),
            p.kind.clone(),
            p.amount.to_string(),
        ])
        .map_err(io)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Failure::io("CSV des versements", e))?;
    String::from_utf8(bytes).map_err(|e| Failure::io("CSV des versements", e))
}

/// The readable summary: month by month, then the totals by OPCO (`by_rncp`: by certification).
pub fn summary(c: &Cashflow, by_rncp: bool) -> String {
    let contracts = {
        let mut lines: Vec<u64> = c.payments.iter().map(|p| p.line).collect();
        lines.sort_unstable();
        lines.dedup();
        lines.len()
    };
    let mut out = format!(
        "{contracts} contrats chiffrés, {} refusés ; {} versements.\n\nPar mois (OPCO → CFA ; participations des employeurs → CFA) :\n",
        c.refused.len(),
        c.payments.len()
    );
    for m in by_month(&c.payments) {
        let _ = writeln!(
            out,
            "  {}  {:>14}  {:>12}",
            m.month,
            euros(m.opco),
            euros(m.participations)
        );
    }
    let _ = writeln!(
        out,
        "\nPar {} :",
        if by_rncp { "certification" } else { "OPCO" }
    );
    let totals = if by_rncp {
        totals_by(&c.payments, rncp_of)
    } else {
        totals_by(&c.payments, opco_of)
    };
    for (name, opco, participations) in totals {
        let name = if name.is_empty() {
            "(inconnu)"
        } else {
            name.as_str()
        };
        let _ = writeln!(
            out,
            "  {name:<24} OPCO {:>14} · participations {:>12}",
            euros(opco),
            euros(participations)
        );
    }
    for (line, error) in &c.refused {
        let _ = writeln!(out, "ligne {line} refusée : {error}");
    }
    out
}

fn rncp_of(p: &Payment) -> &str {
    &p.rncp
}

fn opco_of(p: &Payment) -> &str {
    &p.opco
}
