//! D8: the employer participation.

use rust_decimal::Decimal;

use super::{explain, overflow, Ctx, LeapYear, ParticipationKind, Quoter, YearLine};
use crate::dates::{days_inclusive, french_date};
use crate::error::Result;
use crate::money::{cents, euros, french_number};

impl Quoter<'_> {
    pub(super) fn participation(
        &self,
        ctx: &mut Ctx,
        annual: Decimal,
        years: &[YearLine],
    ) -> Result<(Decimal, ParticipationKind)> {
        let rules = ctx.rules;
        let c = ctx.contract;
        let p = &rules.participation;
        let level = c.level.unwrap_or(0);
        let src = &rules.sources.participation;
        if !p.applies || level < p.min_level {
            // D28, bad input: a probation rupture below level 6 owes nothing; say so rather than stay silent.
            if p.applies && c.rupture_during_probation {
                ctx.cite("D8", "Participation de l'employeur", src);
                explain!(
                    ctx,
                    "participation",
                    "D8",
                    &src.article,
                    format!(
                        "rupture pendant la période probatoire, certification de niveau {level} : pas de participation (niveaux {} et plus)",
                        p.min_level
                    ),
                );
            }
            return Ok((Decimal::ZERO, ParticipationKind::None));
        }
        ctx.cite("D8", "Participation de l'employeur", src);
        let lump = if c.is_new_employer_after_rupture() {
            p.new_employer_lump_sum
        } else {
            p.lump_sum
        };
        if c.rupture_during_probation {
            let rupture = c.rupture_on.unwrap_or(c.end);
            let days = days_inclusive(c.start, rupture);
            // D28: the probation is 45 days of practical training in the company, which the dates cannot show.
            if days > i64::from(p.probation_days) {
                ctx.warn(
                    "probation_rupture_late",
                    format!(
                        "rupture pendant la période probatoire le {}, {days} jours après le début du contrat : la période probatoire compte {} jours de formation pratique en entreprise",
                        french_date(rupture),
                        p.probation_days
                    ),
                    format!(
                        "vérifiez que l'apprenti n'avait pas encore passé {} jours en entreprise ; sinon ce n'est pas une rupture pendant la période probatoire et la participation entière est due",
                        p.probation_days
                    ),
                );
            }
            let first = &years[0];
            let (num, den) = match self.policy.leap_year {
                LeapYear::AnniversaryLength => (days, first.length),
                LeapYear::Capped365 => (days.min(365), 365),
                LeapYear::Over365 => (days, 365),
            };
            // D28: half of the NPEC for the period, or (option) half of what the OPCO funds for it.
            let funded = first.price.min(first.npec).to_decimal();
            let half = if self.policy.probation_base_opco_funded {
                p.probation_share.checked_mul(funded).map(cents)
            } else {
                p.probation_share
                    .checked_mul(annual)
                    .and_then(|a| a.checked_mul(Decimal::from(num)))
                    .and_then(|a| a.checked_div(Decimal::from(den)))
                    .map(cents)
            }
            .ok_or_else(|| {
                overflow(
                    "la participation (rupture pendant la période probatoire)",
                    annual,
                )
            })?;
            let value = half.min(lump);
            explain!(
                ctx,
                "participation",
                "D8",
                &src.article,
                format!(
                    "rupture pendant la période probatoire : min({}, {} × {} × {num} / {den}) = {}",
                    euros(lump),
                    french_number(p.probation_share),
                    euros(annual),
                    euros(value)
                ),
            );
            return Ok((value, ParticipationKind::Probation));
        }
        let kind = if c.is_new_employer_after_rupture() {
            ParticipationKind::NewEmployer
        } else {
            ParticipationKind::LumpSum
        };
        explain!(
                ctx,
            "participation",
            "D8",
            &src.article,
            format!(
                "certification de niveau {level} (6 et plus), contrat conclu le {} : {}{}, déduite du premier versement de l'OPCO et due par l'employeur",
                c.signed_on,
                euros(lump),
                if c.is_new_employer_after_rupture() { " (nouveau contrat avec un autre employeur après une rupture, L6222-18-2)" } else { " forfaitaires" }
            ),
        );
        Ok((lump, kind))
    }
}
