//! The cash flow of a cohort: every payment of every contract, month by month — what each OPCO pays the
//! CFA (the schedule of D13: advances, month-7 and month-10 instalments, balances, annexes) and the
//! participations the CFA invoices to employers. Each payment is a line of a contract's quote.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Serialize;

use crate::money::Money;
use crate::quote::Quote;

/// The kind of the employer's participation, beside the schedule's kinds.
pub const PARTICIPATION: &str = "participation";

/// One payment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Payment {
    /// When it falls due.
    pub due: Date,
    /// The OPCO of the employer's branch, when known (empty otherwise).
    pub opco: String,
    /// The certification.
    pub rncp: String,
    /// The contract's line in the input.
    pub line: u64,
    /// The schedule's kind (`advance`, `month_7`, `month_10`, `balance`, `annexes`: OPCO → CFA), or
    /// `participation` (employer → CFA).
    pub kind: String,
    /// The amount.
    pub amount: Money,
}

/// The payments of one contract: its schedule, then its participation, due with the OPCO's first
/// payment, from which the OPCO deducts it (R6332-25; RULES.md D13).
pub fn payments_of(line: u64, quote: &Quote, rncp: &str, opco: &str) -> Vec<Payment> {
    let payment = |due: Date, kind: &str, amount: Money| Payment {
        due,
        opco: opco.to_owned(),
        rncp: rncp.to_owned(),
        line,
        kind: kind.to_owned(),
        amount,
    };
    let mut out: Vec<Payment> = quote
        .schedule
        .iter()
        .map(|i| payment(i.due, &i.kind, i.amount))
        .collect();
    if !quote.participation.is_zero() {
        if let Some(first) = quote.schedule.first() {
            out.push(payment(first.due, PARTICIPATION, quote.participation));
        }
    }
    out
}

/// What falls due in one month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Month {
    /// `2026-10`.
    pub month: String,
    /// OPCO → CFA.
    pub opco: Money,
    /// Employers → CFA.
    pub participations: Money,
}

/// The payments month by month, in order.
pub fn by_month(payments: &[Payment]) -> Vec<Month> {
    let mut months: BTreeMap<(i16, i8), (Money, Money)> = BTreeMap::new();
    for p in payments {
        let entry = months.entry((p.due.year(), p.due.month())).or_default();
        if p.kind == PARTICIPATION {
            entry.1 += p.amount;
        } else {
            entry.0 += p.amount;
        }
    }
    months
        .into_iter()
        .map(|((y, m), (opco, participations))| Month {
            month: format!("{y:04}-{m:02}"),
            opco,
            participations,
        })
        .collect()
}

/// The totals by a key of the payment (its OPCO, its certification): key, OPCO → CFA, participations.
pub fn totals_by(
    payments: &[Payment],
    key: impl Fn(&Payment) -> &str,
) -> Vec<(String, Money, Money)> {
    let mut totals: BTreeMap<String, (Money, Money)> = BTreeMap::new();
    for p in payments {
        let entry = totals.entry(key(p).to_owned()).or_default();
        if p.kind == PARTICIPATION {
            entry.1 += p.amount;
        } else {
            entry.0 += p.amount;
        }
    }
    totals.into_iter().map(|(k, (o, p))| (k, o, p)).collect()
}
