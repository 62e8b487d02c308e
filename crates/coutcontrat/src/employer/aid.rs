//! The hiring aid of the first execution year, month by month (R10, D17): which calendar months it pays,
//! the fraction of each, the year's amount (rounded once, at most the annual amount) and the monthly
//! instalments, the last one taking the remainder.

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::contract::Contract;
use crate::dates::days_inclusive;
use crate::money::{cents, Money};
use crate::quote::warnings::Warning;
use crate::quote::years::YearLine;
use crate::quote::Policy;
use crate::rules::Dated;

use super::month_slices;

/// One calendar month of the hiring aid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AidMonth {
    /// First day of the month counted.
    pub from: Date,
    /// Last day of the month counted.
    pub to: Date,
    /// Days paid: those covered when the month is prorated, else the whole month.
    pub days: u32,
    /// Days of the calendar month.
    pub days_in_month: u32,
    /// Paid by days (D6243-2 III and IV), not as a whole month.
    pub prorated: bool,
    /// The instalment for the month: the monthly amount × the fraction, rounded; the last one takes the
    /// remainder of the year's rounded amount.
    pub instalment: Money,
}

/// The year's aid.
pub(crate) struct AidYear {
    pub months: Vec<AidMonth>,
    pub total: Decimal,
}

/// What decides how the months are counted.
pub(crate) struct AidTerms<'a> {
    pub contract: &'a Contract,
    pub first_year: &'a YearLine,
    /// The contract as stipulated lasts under one year (D5's test).
    pub planned_short: bool,
    pub policy: &'a Policy,
    /// `aid_day_proration`: true for contracts under décret 2025-1031.
    pub day_proration: &'a Dated<bool>,
}

/// The first execution year's aid for an annual amount.
pub(crate) fn aid_year(annual: Decimal, terms: &AidTerms, warnings: &mut Vec<Warning>) -> AidYear {
    if annual.is_zero() {
        return AidYear {
            months: Vec::new(),
            total: Decimal::ZERO,
        };
    }
    let c = terms.contract;
    let new_rule_on = |day: Date| terms.day_proration.at(day).is_some_and(|(v, _)| v);
    // Old rule (the contract ended before décret 2025-1031): every month started is paid whole.
    let new_rule = new_rule_on(c.effective_end());
    let ruptured_in_year = c.rupture_on.is_some_and(|r| r <= terms.first_year.end);
    // Running contracts keep their first month whole (the decree's NOTA): "running" read by the
    // conclusion, or by the start under the option.
    let placed_by = if terms.policy.transition_by_start {
        c.start
    } else {
        c.signed_on
    };
    let first_month_case =
        terms.planned_short || (terms.policy.first_month_on_rupture && ruptured_in_year);
    let prorate_first = new_rule && new_rule_on(placed_by) && first_month_case;
    let prorate_last = new_rule && (terms.planned_short || ruptured_in_year);

    let slices = month_slices(terms.first_year.start, terms.first_year.end);
    let last = slices.len().saturating_sub(1);
    let monthly = annual / Decimal::from(12);
    let mut months: Vec<AidMonth> = slices
        .iter()
        .enumerate()
        .map(|(i, (from, to, month))| {
            let days_in_month = u32::from(month.days_in_month() as u8);
            let covered = days_inclusive(*from, *to) as u32;
            let prorated = covered < days_in_month
                && ((i == 0 && prorate_first) || (i == last && prorate_last));
            AidMonth {
                from: *from,
                to: *to,
                days: if prorated { covered } else { days_in_month },
                days_in_month,
                prorated,
                instalment: Money::ZERO,
            }
        })
        .collect();

    if !terms.policy.transition_by_start
        && first_month_case
        && new_rule
        && new_rule_on(c.signed_on) != new_rule_on(c.start)
        && months.first().is_some_and(|m| m.prorated)
    {
        warnings.push(Warning {
            code: "transition_by_conclusion",
            message: format!(
                "conclu le {} pour un début le {} : la date de conclusion place le contrat sous le décret \
                 n° 2025-1031, son premier mois est compté au prorata",
                c.signed_on, c.start
            ),
            hint: "lu « en cours au 1er novembre 2025 » par sa date de début, le contrat garderait son \
                   premier mois entier (option transition_by_start)"
                .to_owned(),
        });
    }

    let fraction = |m: &AidMonth| Decimal::from(m.days) / Decimal::from(m.days_in_month);
    let each: Vec<Decimal> = months
        .iter()
        .map(|m| cents(monthly * fraction(m)))
        .collect();
    let total = if terms.policy.per_month_rounding {
        each.iter().copied().sum::<Decimal>()
    } else {
        let sum: Decimal = months.iter().map(fraction).sum();
        cents(annual * sum / Decimal::from(12))
    }
    .min(annual);

    // Instalments: each month rounded, the last one the remainder, none beyond the year's amount.
    let mut paid = Decimal::ZERO;
    for (i, (month, amount)) in months.iter_mut().zip(each).enumerate() {
        let due = if i == last {
            total - paid
        } else {
            amount.min(total - paid)
        };
        month.instalment = Money::from_decimal(due);
        paid += due;
    }
    AidYear { months, total }
}
