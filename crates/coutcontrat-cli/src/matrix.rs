//! `coutcontrat matrix`: one certification at one price, for every branch of the edition in force (the
//! CFA's price list), as a table, CSV or JSON. The figures are the library's [`branch_matrix`].

use std::fmt::Write as _;

use coutcontrat::cfa::{branch_matrix, Matrix};
use coutcontrat::contract::parse_date;
use coutcontrat::money::euros;
use coutcontrat::Quoter;
use jiff::Span;

use crate::failure::Failure;
use crate::input::ContractFlags;

/// The end date of a contract of `months` months from `start`, when the options give no end.
pub fn with_duration(flags: &ContractFlags, months: Option<u32>) -> Result<ContractFlags, Failure> {
    let mut flags = flags.clone();
    if flags.get("start").is_none() {
        if let Some(signed) = flags.get("signed_on").map(str::to_owned) {
            flags.set("start", signed);
        }
    }
    if flags.get("end").is_none() {
        let Some(months) = months else {
            return Err(Failure::Usage(
                "donnez la durée du contrat : --months 24 (ou la date de fin, --end)".into(),
            ));
        };
        let start = parse_date(flags.get("start").unwrap_or(""), "start")?;
        let end = Span::new()
            .try_months(i64::from(months))
            .ok()
            .and_then(|span| start.checked_add(span).ok())
            .and_then(|d| d.yesterday().ok())
            .ok_or_else(|| {
                Failure::Usage(format!("--months {months} : durée hors du calendrier"))
            })?;
        flags.set("end", end.to_string());
    }
    Ok(flags)
}

/// The matrix of the contract the options describe.
pub fn matrix(
    quoter: &Quoter<'_>,
    flags: &ContractFlags,
    months: Option<u32>,
) -> Result<Matrix, Failure> {
    let contract = with_duration(flags, months)?.to_input()?.parse()?;
    Ok(branch_matrix(quoter, &contract)?)
}

fn cell(m: Option<coutcontrat::money::Money>) -> String {
    m.map(|m| m.to_string()).unwrap_or_default()
}

/// CSV: one line per branch, amounts as plain numbers.
pub fn csv(m: &Matrix) -> Result<String, Failure> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let header = [
        "cpne",
        "cpne_label",
        "idcc",
        "npec_annual",
        "opco_total",
        "employer_total",
        "provisional",
        "table_version",
        "warnings",
        "error",
    ];
    let io = |e: csv::Error| Failure::io("CSV de la matrice", e);
    w.write_record(header).map_err(io)?;
    for r in &m.rows {
        let idcc: Vec<String> = r.idcc.iter().map(u32::to_string).collect();
        w.write_record([
            r.cpne.to_string(),
            r.cpne_label.clone().unwrap_or_default(),
            idcc.join(" "),
            cell(r.npec_annual),
            cell(r.opco_total),
            cell(r.employer_total),
            r.provisional.to_string(),
            r.table_version.clone().unwrap_or_default(),
            r.warnings.join(" "),
            r.error.clone().unwrap_or_default(),
        ])
        .map_err(io)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Failure::io("CSV de la matrice", e))?;
    String::from_utf8(bytes).map_err(|e| Failure::io("CSV de la matrice", e))
}

/// The readable table, in French.
pub fn text(m: &Matrix) -> String {
    let mut out = format!(
        "{} branches (CPNE de la correspondance {}) :\n",
        m.rows.len(),
        m.mapping_version
    );
    for r in &m.rows {
        let label = r.cpne_label.as_deref().unwrap_or("");
        match &r.error {
            Some(e) => {
                let _ = writeln!(
                    out,
                    "CPNE {:>4}  {label}\n           pas de chiffrage : {e}",
                    r.cpne
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "CPNE {:>4}  {label}\n           NPEC {} par an{} · OPCO {} · employeur {}",
                    r.cpne,
                    r.npec_annual.map(euros).unwrap_or_default(),
                    if r.provisional { " (provisoire)" } else { "" },
                    r.opco_total.map(euros).unwrap_or_default(),
                    r.employer_total.map(euros).unwrap_or_default(),
                );
            }
        }
    }
    out
}
