//! D13: the OPCO's payments to the CFA.

use std::borrow::Cow;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::years::YearLine;
use crate::dates::{add_days, add_months, day_after};
use crate::money::{cents_of_product, Money};
use crate::rules::{DueAt, ScheduleRule};

/// One payment of the OPCO to the CFA.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Instalment {
    /// When it falls due.
    pub due: Date,
    /// `advance`, `month_7`, `month_10`, `balance` or `annexes`.
    pub kind: Cow<'static, str>,
    /// The execution year it belongs to (1-based); the final balance belongs to the last.
    pub year: u32,
    /// The amount.
    pub amount: Money,
}

/// The schedule of a contract whose year lines are known.
///
/// The base of year k is `opco_k + rqth_k + overseas_modulation_k` (plus the pre-contract days in year 1); each instalment is rounded
/// to the cent, the year's last taking the remainder; `deduction` (the participation, at most what the OPCO
/// pays for teaching) comes off the first instalments, never below zero; an instalment due after the end
/// joins the final balance; frais annexes are one separate entry. `short` says whether the contract, as
/// stipulated (start to planned end), lasts under one year; `end` is its last day as executed.
pub fn build_schedule(
    rule: &ScheduleRule,
    years: &[YearLine],
    precontract: Money,
    deduction: Money,
    annexes: Money,
    short: bool,
    end: Date,
) -> Vec<Instalment> {
    let final_due = day_after(end);
    let rules = if short { &rule.short } else { &rule.multi_year };
    let advance = |start: Date| add_days(start, i64::from(rule.advance_days));
    let last_year = years.last().map_or(1, |y| y.index);
    let mut out: Vec<Instalment> = Vec::with_capacity(years.len() * rules.len() + 2);
    // One pass, in cents (every line of a quote is already rounded to the cent): the deduction comes off the
    // instalments in the order they are made, and what falls due after the end joins the final balance.
    let mut deduction_left = deduction.cents();
    let mut final_amount: i64 = 0;
    let mut precontract = precontract.cents();
    let mut next_advance = years.first().map(|y| advance(y.start));
    for (i, year) in years.iter().enumerate() {
        let this_advance = next_advance.unwrap_or(final_due);
        next_advance = years.get(i + 1).map(|next| advance(next.start));
        let base =
            year.opco.cents() + year.rqth.cents() + year.overseas_modulation.cents() + precontract;
        precontract = 0;
        let mut paid = 0;
        for (j, r) in rules.iter().enumerate() {
            let mut amount = match r.share {
                Some(share) if j + 1 < rules.len() => cents_of_product(share, base),
                _ => base - paid,
            };
            paid += amount;
            if deduction_left > 0 {
                let taken = deduction_left.min(amount);
                amount -= taken;
                deduction_left -= taken;
            }
            let due = match r.at {
                DueAt::Advance => this_advance,
                DueAt::Month => add_months(year.start, r.month.unwrap_or(1) - 1),
                DueAt::NextAdvance => next_advance.unwrap_or(final_due),
                DueAt::End => final_due,
            };
            if due > end {
                final_amount += amount;
            } else if amount != 0 {
                out.push(Instalment {
                    due,
                    kind: r.kind.clone(),
                    year: year.index,
                    amount: Money::from_cents(amount),
                });
            }
        }
    }
    if final_amount != 0 {
        out.push(Instalment {
            due: final_due,
            kind: Cow::Borrowed("balance"),
            year: last_year,
            amount: Money::from_cents(final_amount),
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
    // Usually in order already: checking is cheaper than sorting.
    if !out.is_sorted_by_key(|i| i.due) {
        out.sort_by_key(|i| i.due);
    }
    out
}
