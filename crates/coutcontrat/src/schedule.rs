//! D13: the OPCO's payments to the CFA.

use std::borrow::Cow;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::dates::{add_days, add_months};
use crate::params::{DueAt, ScheduleRule};
use crate::quote::{money, YearLine};
use crate::text::cents_of_product;

/// One payment of the OPCO to the CFA.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Instalment {
    /// When it falls due.
    pub due: Date,
    /// `advance`, `month_7`, `month_10`, `balance` or `annexes`.
    pub kind: Cow<'static, str>,
    /// The execution year it belongs to (1-based); the final balance belongs to the last.
    pub year: u32,
    /// The amount.
    #[serde(serialize_with = "money")]
    pub amount: Decimal,
}

/// The schedule of a contract whose year lines are known.
///
/// The base of year k is `opco_k + rqth_k` (plus the pre-contract days in year 1); each instalment is rounded
/// to the cent, the year's last taking the remainder; `deduction` (the participation, at most what the OPCO
/// pays for teaching) comes off the first instalments, never below zero; an instalment due after the end
/// joins the final balance; frais annexes are one separate entry. `short` says whether the contract, as
/// stipulated (start to planned end), lasts under one year; `end` is its last day as executed.
pub fn build_schedule(
    rule: &ScheduleRule,
    years: &[YearLine],
    precontract: Decimal,
    deduction: Decimal,
    annexes: Decimal,
    short: bool,
    end: Date,
) -> Vec<Instalment> {
    let final_due = add_days(end, 1);
    let rules = if short { &rule.short } else { &rule.multi_year };
    let advance = |start: Date| add_days(start, i64::from(rule.advance_days));
    let mut out: Vec<Instalment> = Vec::with_capacity(years.len() * rules.len() + 2);
    for (i, year) in years.iter().enumerate() {
        let base = year.opco + year.rqth + if i == 0 { precontract } else { Decimal::ZERO };
        let mut paid = Decimal::ZERO;
        for (j, r) in rules.iter().enumerate() {
            let last = j + 1 == rules.len();
            let amount = match (r.share, last) {
                (Some(share), false) => cents_of_product(share, base),
                _ => base - paid,
            };
            paid += amount;
            let due = match r.at {
                DueAt::Advance => advance(year.start),
                DueAt::Month => add_months(year.start, r.month.unwrap_or(1) - 1),
                DueAt::NextAdvance => years
                    .get(i + 1)
                    .map_or(final_due, |next| advance(next.start)),
                DueAt::End => final_due,
            };
            let kind = if due > end {
                "balance"
            } else {
                r.kind.as_str()
            };
            let due = if due > end { final_due } else { due };
            out.push(Instalment {
                due,
                kind: static_kind(kind),
                year: year.index,
                amount,
            });
        }
    }
    let mut left = deduction;
    for inst in out.iter_mut() {
        let taken = left.min(inst.amount);
        inst.amount -= taken;
        left -= taken;
    }
    // One final balance after the end.
    let last_year = years.last().map_or(1, |y| y.index);
    let final_amount: Decimal = out
        .iter()
        .filter(|i| i.due == final_due)
        .map(|i| i.amount)
        .sum();
    out.retain(|i| i.due != final_due && !i.amount.is_zero());
    if !final_amount.is_zero() {
        out.push(Instalment {
            due: final_due,
            kind: Cow::Borrowed("balance"),
            year: last_year,
            amount: final_amount,
        });
    }
    if !annexes.is_zero() {
        out.push(Instalment {
            due: final_due,
            kind: Cow::Borrowed("annexes"),
            year: last_year,
            amount: annexes,
        });
    }
    out.sort_by_key(|i| i.due);
    out
}

// The kinds the parameter file uses need no allocation.
fn static_kind(kind: &str) -> Cow<'static, str> {
    match kind {
        "advance" => Cow::Borrowed("advance"),
        "month_7" => Cow::Borrowed("month_7"),
        "month_10" => Cow::Borrowed("month_10"),
        "balance" => Cow::Borrowed("balance"),
        other => Cow::Owned(other.to_owned()),
    }
}
