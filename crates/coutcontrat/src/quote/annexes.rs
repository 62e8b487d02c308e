//! D10: frais annexes (accommodation, meals, first equipment).

use rust_decimal::Decimal;

use super::{explain, AnnexesLine, Ctx, Quoter};
use crate::case::lowercase;
use crate::contract::UltramarineMobility;
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
        let mobility = self.ultramarine_mobility(ctx)?;
        let total = if equipment.is_zero() {
            from_cents(nights + meals)
        } else {
            from_cents(nights + meals) + equipment
        } + mobility;
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
                    "{} nuitées × {} + {} repas × {} + premier équipement {}{} = {}, versés par l'OPCO hors plafond du prix",
                    c.annexes.nights,
                    euros(a.night),
                    c.annexes.meals,
                    euros(a.meal),
                    euros(equipment),
                    if mobility.is_zero() {
                        String::new()
                    } else {
                        format!(" + mobilité ultramarine {}", euros(mobility))
                    },
                    euros(total)
                ),
            );
        }
        Ok(AnnexesLine {
            nights: Money::from_decimal(nights),
            meals: Money::from_decimal(meals),
            first_equipment: Money::from_decimal(equipment),
            ultramarine_mobility: Money::from_decimal(mobility),
            total: Money::from_decimal(total),
        })
    }

    /// D22, L6523-2-3 2°: the OPCO's ultramarine mobility, once per contract, not prorated, outside the
    /// price cap; only for an overseas contract whose IDCC belongs to the OPCO that publishes the amount.
    fn ultramarine_mobility(&self, ctx: &mut Ctx) -> Result<Decimal> {
        let c = ctx.contract;
        let Some(kind) = c.ultramarine_mobility else {
            return Ok(Decimal::ZERO);
        };
        let field = Some("ultramarine_mobility");
        if !c.territory.is_overseas() {
            return Err(Error::new(
                ErrorKind::Inconsistent,
                field,
                "la mobilité ultramarine concerne un contrat exécuté outre-mer : indiquez le territoire (territory) ou retirez la mobilité",
            ));
        }
        let (rule, src) = self.rules.ultramarine_mobility.at(c.signed_on).ok_or_else(|| {
            Error::new(
                ErrorKind::UnsupportedRegime,
                field,
                format!(
                    "aucun montant de mobilité ultramarine publié pour un contrat conclu le {} : indiquez-le en frais annexes",
                    c.signed_on
                ),
            )
        })?;
        let opco = c
            .idcc
            .and_then(|idcc| self.referentiel.idcc(idcc))
            .and_then(|info| info.opco.clone());
        match opco {
            // crate::case, not str::to_uppercase: Unicode's case tables weigh ~10 KB in the page.
            Some(name) if lowercase(&name).contains(&lowercase(&rule.opco)) => {}
            Some(name) => {
                return Err(Error::new(
                    ErrorKind::Inconsistent,
                    field,
                    format!(
                        "mobilité ultramarine : montant non publié pour cet OPCO ({name}, seul {} le publie) : indiquez-le en frais annexes",
                        rule.opco
                    ),
                ))
            }
            None => {
                return Err(Error::new(
                    ErrorKind::Missing,
                    Some("idcc"),
                    format!(
                        "la mobilité ultramarine est un montant de {} : indiquez l'IDCC de l'employeur, qui désigne son OPCO",
                        rule.opco
                    ),
                ))
            }
        }
        let (amount, what) = match kind {
            UltramarineMobility::ToHexagone => (rule.to_hexagone, "vers l'hexagone"),
            UltramarineMobility::InterOverseas => {
                (rule.inter_overseas, "entre territoires d'outre-mer")
            }
        };
        ctx.cite("D22", "Mobilité ultramarine", &src);
        explain!(
            ctx,
            "annexes.ultramarine_mobility",
            "D22",
            &src.article,
            format!(
                "mobilité ultramarine {what} ({}) : {}, une fois par contrat, versés par l'OPCO hors plafond du prix ({})",
                rule.opco,
                euros(amount),
                src.reference
            ),
        );
        Ok(amount)
    }
}
