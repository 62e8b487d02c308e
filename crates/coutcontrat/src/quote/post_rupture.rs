//! D23: the days an apprentice stays in the CFA after a rupture, which the OPCO keeps paying
//! (L6222-18-2, R6332-25 VI).

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::output::PostRuptureLine;
use super::years::YearLine;
use super::{explain, overflow, Ctx, LeapYear, Quoter};
use crate::dates::{add_months, add_years, day_after, day_before, days_inclusive, ordinal};
use crate::error::Result;
use crate::money::{euros, from_cents, prorate_cents, whole_cents, Money};
use crate::rules::Regime;

/// The months of D4 that start inside execution year `k` (0-based) on or before `last`, at most 12.
fn months_started(start: Date, k: i32, last: Date) -> u32 {
    let mut m = 0u32;
    while m < 12 && add_months(start, 12 * k + m as i32) <= last {
        m += 1;
    }
    m
}

impl Quoter<'_> {
    /// D23: the stay's own OPCO line, at the NPEC after minoration (and the RQTH line) prorated like the
    /// contract, capped at six months from the day after the rupture and at the planned end. No +10 %, no
    /// price cap, no participation, nothing for the employer. `None` without a stay.
    pub(super) fn post_rupture(
        &self,
        ctx: &mut Ctx,
        annual: Decimal,
        years: &[YearLine],
    ) -> Result<Option<PostRuptureLine>> {
        let c = ctx.contract;
        let rules = ctx.rules;
        let (Some(rupture), Some(requested)) = (c.rupture_on, c.cfa_stay_until) else {
            return Ok(None);
        };
        let from = day_after(rupture);
        let months = rules.post_rupture.max_months;
        let six_months = day_before(add_months(from, months));
        let to = requested.min(six_months).min(c.end);
        let src = &rules.sources.post_rupture;
        ctx.cite("D23", "Maintien en CFA après une rupture", src);
        if requested > to {
            let why = if to == c.end && c.end < six_months {
                "la fin prévue du contrat".to_owned()
            } else {
                format!("dernier jour des {months} mois qui suivent la rupture")
            };
            ctx.warn(
                "post_rupture_capped",
                format!(
                    "maintien en CFA demandé jusqu'au {requested} : l'OPCO ne le finance que jusqu'au {to}, {why}"
                ),
                "L6222-18-2 et R6332-25 VI : les versements sont maintenus jusqu'à un nouveau contrat, au plus six mois après la rupture ; vérifiez la date de maintien en CFA",
            );
        }
        if to < from {
            // A rupture on the planned end: nothing left to maintain.
            return Ok(None);
        }
        let rqth = c.rqth_majoration.map(|m| m.min(rules.rqth_cap));
        let paid_years = years.len();
        let modulation = c.npec_overseas_modulation;
        let (mut npec_cents, mut rqth_cents, mut months_paid) = (0i64, 0i64, 0u32);
        let mut modulation_cents = 0i64;
        let mut parts: Vec<String> = Vec::new();
        let too_large = |what: &str, amount: Decimal| {
            overflow(
                &format!("la ligne {what} du maintien en CFA après la rupture"),
                amount,
            )
        };
        // The execution years the stay runs through, from the one holding its first day.
        let mut k = paid_years.saturating_sub(1) as i32;
        while add_years(c.start, k + 1) <= from {
            k += 1;
        }
        loop {
            let (year_start, next) = (add_years(c.start, k), add_years(c.start, k + 1));
            if year_start > to {
                break;
            }
            let (piece_from, piece_to) = (from.max(year_start), to.min(day_before(next)));
            let already = years.get(k as usize);
            let (npec_part, rqth_part, modulation_part, text) = match rules.regime {
                Regime::Daily => {
                    let days = days_inclusive(piece_from, piece_to);
                    let length = ordinal(next) - ordinal(year_start);
                    let (num, den) = match self.policy.leap_year {
                        LeapYear::AnniversaryLength => (days, length),
                        LeapYear::Capped365 => (days.min(365), 365),
                        LeapYear::Over365 => (days, 365),
                    };
                    let npec =
                        prorate_cents(annual, num, den).ok_or_else(|| too_large("NPEC", annual))?;
                    let rqth = match rqth {
                        Some(m) if self.policy.rqth_prorated => {
                            prorate_cents(m, num, den).ok_or_else(|| too_large("RQTH", m))?
                        }
                        // Not prorated: a year the contract already paid in full adds nothing.
                        Some(m) if already.is_none() => whole_cents(m),
                        _ => 0,
                    };
                    let modulation = match modulation {
                        Some(m) => prorate_cents(m, num, den)
                            .ok_or_else(|| too_large("modulation outre-mer", m))?,
                        None => 0,
                    };
                    let text = format!(
                        "année {} : {num} jours du {piece_from} au {piece_to} / {den} → {}",
                        k + 1,
                        euros(from_cents(npec))
                    );
                    (npec, rqth, modulation, text)
                }
                Regime::Monthly => {
                    let with_stay = months_started(c.start, k, piece_to);
                    let paid = already.and_then(|y| y.months).unwrap_or(0).min(with_stay);
                    let cents_of = |amount: Decimal, m: u32| {
                        prorate_cents(amount, i64::from(m), 12)
                            .ok_or_else(|| too_large("NPEC", amount))
                    };
                    let npec = cents_of(annual, with_stay)? - cents_of(annual, paid)?;
                    let rqth = match rqth {
                        Some(m) if self.policy.rqth_prorated => {
                            cents_of(m, with_stay)? - cents_of(m, paid)?
                        }
                        Some(m) if already.is_none() && with_stay > 0 => whole_cents(m),
                        _ => 0,
                    };
                    let modulation = match modulation {
                        Some(m) => cents_of(m, with_stay)? - cents_of(m, paid)?,
                        None => 0,
                    };
                    months_paid += with_stay - paid;
                    let text = format!(
                        "année {} : {with_stay} mois commencés avec le maintien, {paid} déjà payés → {} − {} = {}",
                        k + 1,
                        euros(from_cents(cents_of(annual, with_stay)?)),
                        euros(from_cents(cents_of(annual, paid)?)),
                        euros(from_cents(npec))
                    );
                    (npec, rqth, modulation, text)
                }
            };
            modulation_cents += modulation_part;
            npec_cents += npec_part;
            rqth_cents += rqth_part;
            parts.push(text);
            k += 1;
        }
        let days = days_inclusive(from, to);
        let amount = Money::from_cents(npec_cents);
        explain!(
            ctx,
            "post_rupture.amount",
            "D23",
            &src.article,
            format!(
                "maintien en CFA du {from} au {to}, {days} jours (au plus {months} mois après la rupture, soit jusqu'au {six_months}, et jamais après la fin prévue le {}), au NPEC de {} : {} ; total {}, sans majoration de 10 %, plafond du prix ni participation",
                c.end,
                euros(annual),
                parts.join(" ; "),
                euros(amount)
            ),
        );
        Ok(Some(PostRuptureLine {
            from,
            to,
            requested_until: requested,
            days,
            months: (rules.regime == Regime::Monthly).then_some(months_paid),
            amount,
            rqth: Money::from_cents(rqth_cents),
            overseas_modulation: Money::from_cents(modulation_cents),
            rule: "D23".to_owned(),
            article: src.article.to_string(),
        }))
    }
}
