//! The hiring aid, month by month (R10, D17, D18): which calendar months of an execution year it pays,
//! the fraction and the rate of each, the year's amount (rounded once, at most twelve months) and the
//! monthly instalments, the last one taking the remainder.

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::contract::Contract;
use crate::dates::days_inclusive;
use crate::money::{cents, Money};
use crate::quote::policy::Policy;
use crate::quote::warnings::Warning;
use crate::quote::years::YearLine;
use crate::rules::Dated;

use super::month_slices;

/// One calendar month of the hiring aid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AidMonth {
    /// The execution year it belongs to (1-based).
    pub year: u32,
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
    /// The annual amount the month is paid at (D18: 8 000 € from the month after the 18th birthday).
    pub annual: Money,
    /// The instalment for the month: a twelfth of `annual` × the fraction, rounded; the last one takes
    /// the remainder of the year's rounded amount; 0 beyond the twelve months a year pays.
    pub instalment: Money,
}

/// One execution year's aid.
pub(crate) struct AidYear {
    pub months: Vec<AidMonth>,
    pub total: Decimal,
}

/// What decides how the first year's months are counted (D17).
pub(crate) struct AidTerms<'a> {
    pub contract: &'a Contract,
    pub first_year: &'a YearLine,
    /// The contract as stipulated lasts under one year (D5's test).
    pub planned_short: bool,
    pub policy: &'a Policy,
    /// `aid_day_proration`: true for contracts under décret 2025-1031.
    pub day_proration: &'a Dated<bool>,
    /// D18: every month started is paid whole, whatever the end.
    pub every_month_started: bool,
}

/// Which ends of the first execution year are paid by days (D17), with the warning when the reading of
/// « en cours au 1er novembre 2025 » decides it.
pub(crate) fn first_year_proration(terms: &AidTerms, warnings: &mut Vec<Warning>) -> (bool, bool) {
    let c = terms.contract;
    let new_rule_on = |day: Date| terms.day_proration.at(day).is_some_and(|(v, _)| v);
    // Old rule (the contract ended before décret 2025-1031, or a 2021–2022 aid): every month started
    // is paid whole.
    let new_rule = !terms.every_month_started && new_rule_on(c.effective_end());
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
    let first_partial = terms.first_year.start.day() != 1;
    if !terms.policy.transition_by_start
        && first_month_case
        && new_rule
        && first_partial
        && new_rule_on(c.signed_on)
        && !new_rule_on(c.start)
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
    (prorate_first, prorate_last)
}

/// A year's aid, month by month: `annual_on(first day of the month)` is the annual amount a month is
/// paid at; the ends are paid by days as said; at most twelve months; the year rounded once (or month by
/// month under `per_month_rounding`).
pub(crate) fn pay_months(
    year: &YearLine,
    annual_on: impl Fn(Date) -> Decimal,
    (prorate_first, prorate_last): (bool, bool),
    per_month_rounding: bool,
) -> AidYear {
    let slices = month_slices(year.start, year.end);
    let last = slices.len().saturating_sub(1);
    let twelve = Decimal::from(12);
    let mut months = Vec::with_capacity(slices.len());
    let mut counted = Decimal::ZERO;
    let mut shares = Vec::with_capacity(slices.len());
    for (i, (from, to, month)) in slices.iter().enumerate() {
        let days_in_month = u32::from(month.days_in_month().unsigned_abs());
        let covered = u32::try_from(days_inclusive(*from, *to)).unwrap_or(0);
        let prorated =
            covered < days_in_month && ((i == 0 && prorate_first) || (i == last && prorate_last));
        let days = if prorated { covered } else { days_in_month };
        // The months beyond twelve pay nothing (a year started mid-month spans thirteen).
        let fraction = (Decimal::from(days) / Decimal::from(days_in_month)).min(twelve - counted);
        counted += fraction;
        let annual = annual_on(*month);
        shares.push(annual * fraction);
        months.push(AidMonth {
            year: year.index,
            from: *from,
            to: *to,
            days,
            days_in_month,
            prorated,
            annual: Money::from_decimal(annual),
            instalment: Money::ZERO,
        });
    }
    let each: Vec<Decimal> = shares.iter().map(|s| cents(*s / twelve)).collect();
    let ceiling = months
        .iter()
        .map(|m| m.annual.to_decimal())
        .max()
        .unwrap_or_default();
    let total = if per_month_rounding {
        each.iter().copied().sum::<Decimal>()
    } else {
        cents(shares.iter().copied().sum::<Decimal>() / twelve)
    }
    .min(ceiling);
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
