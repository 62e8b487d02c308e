//! D10: frais annexes (accommodation, meals, first equipment).

use rust_decimal::Decimal;

use super::{explain, AnnexesLine, Ctx, Quoter};
use crate::error::{Error, ErrorKind, Result};
use crate::money::{cents, cents_of_product, euros, from_cents, is_positive, Money};

impl Quoter<'_> {
    pub(super) fn annexes(&self, ctx: &mut Ctx) -> Result<AnnexesLine> {
        let rules = ctx.rules;
        let c = ctx.contract;
        let a = &rules.annexes;
        // cents(rate × count), on integers (a count is `count × 100` cents); most contracts have none.
        let of_count = |rate: Decimal, count: u32| match count {
            0 => 0,
            n => cents_of_product(rate, i64::from(n) * 100),
        };
        let (nights, meals) = (
            of_count(a.night, c.annexes.nights),
            of_count(a.meal, c.annexes.meals),
        );
        let mut equipment = Decimal::ZERO;
        if is_positive(c.annexes.first_equipment) {
            let caps: Vec<&Decimal> = a.equipment_cap.values().collect();
            let uniform = caps.windows(2).all(|w| w[0] == w[1]);
            let cap = match c.level {
                Some(l) => a.equipment_cap.get(&l.to_string()).copied(),
                None if uniform => caps.first().copied().copied(),
                None => {
                    return Err(Error::new(
                        ErrorKind::Missing,
                        Some("level"),
                        "le plafond du premier équipement dépend du niveau de la certification : indiquez-le",
                    ))
                }
            }
            .unwrap_or_default();
            let cap = match self.policy.equipment_forfait {
                Some(f) => cap.min(f),
                None => cap,
            };
            equipment = cents(c.annexes.first_equipment.min(cap));
            let src = &rules.sources.annexes;
            if c.annexes.first_equipment > cap {
                ctx.warn(
                    "equipment_capped",
                    format!(
                        "premier équipement de {} plafonné à {}",
                        euros(c.annexes.first_equipment),
                        euros(cap)
                    ),
                    "le surplus n'est pas pris en charge par l'OPCO",
                );
            }
            if src.to_confirm {
                ctx.warn(
                    "equipment_cap_to_confirm",
                    format!(
                        "plafond du premier équipement à confirmer : {}",
                        src.reference
                    ),
                    "vérifiez l'article D6332-83 en vigueur sur Légifrance",
                );
            }
        }
        let total = if equipment.is_zero() {
            from_cents(nights + meals)
        } else {
            from_cents(nights + meals) + equipment
        };
        let (nights, meals) = (from_cents(nights), from_cents(meals));
        if is_positive(total) {
            let src = &rules.sources.annexes;
            ctx.cite("D10", "Frais annexes", src);
            explain!(
                ctx,
                "annexes.total",
                "D10",
                &src.article,
                format!(
                    "{} nuitées × {} + {} repas × {} + premier équipement {} = {}, versés par l'OPCO hors plafond du prix",
                    c.annexes.nights,
                    euros(a.night),
                    c.annexes.meals,
                    euros(a.meal),
                    euros(equipment),
                    euros(total)
                ),
            );
        }
        Ok(AnnexesLine {
            nights: Money::from_decimal(nights),
            meals: Money::from_decimal(meals),
            first_equipment: Money::from_decimal(equipment),
            total: Money::from_decimal(total),
        })
    }
}
