//! D2–D7, D9: the execution years and their lines.

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{explain, overflow, Ctx, Explanation, LeapYear, Quoter};
use crate::contract::PriceBasis;
use crate::dates::{add_months, add_years, day_before, ordinal};
use crate::error::Result;
use crate::money::{
    cents, checked_whole_cents, euros, french_number, from_cents, prorate_cents, whole_cents,
    Money, Prorated,
};
use crate::rules::Regime;

/// One execution year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct YearLine {
    /// 1 for the first execution year.
    pub index: u32,
    /// First day.
    pub start: Date,
    /// Last day (cut at the end or the rupture).
    pub end: Date,
    /// Days, both ends included.
    pub days: i64,
    /// Days from this anniversary to the next (365 or 366).
    pub length: i64,
    /// Months started, in the monthly regime.
    pub months: Option<u32>,
    /// The fraction of the annual amounts due: numerator.
    pub fraction_numerator: i64,
    /// The fraction's denominator.
    pub fraction_denominator: i64,
    /// Whether the +10 % of a reduced short contract raised the NPEC line.
    pub short_contract_majoration: bool,
    /// Prorated NPEC.
    pub npec: Money,
    /// Prorated (or allocated) CFA price.
    pub price: Money,
    /// What the OPCO pays for teaching: min(price, NPEC).
    pub opco: Money,
    /// What remains for the employer: price − OPCO.
    pub employer: Money,
    /// The RQTH majoration line, paid by the OPCO outside the price cap.
    pub rqth: Money,
    /// The OPCO's overseas modulation of the NPEC (D22, L6523-2-3 1°), prorated like it, outside the price cap.
    #[serde(default)]
    pub overseas_modulation: Money,
}

/// The sums of the year lines, in cents, kept while the lines are made (cheaper than reading them back).
#[derive(Default)]
pub(super) struct LineSums {
    pub(super) npec: i64,
    pub(super) price: i64,
    pub(super) opco: i64,
    pub(super) employer: i64,
    pub(super) rqth: i64,
    pub(super) overseas_modulation: i64,
}

impl LineSums {
    fn add(&mut self, npec: i64, price: i64, opco: i64, rqth: i64, modulation: i64) {
        self.npec += npec;
        self.price += price;
        self.opco += opco;
        self.employer += price - opco;
        self.rqth += rqth;
        self.overseas_modulation += modulation;
    }
}

impl Quoter<'_> {
    /// D2–D7, D9: the execution years and their lines.
    pub(super) fn years(
        &self,
        ctx: &mut Ctx,
        annual: Decimal,
    ) -> Result<(Vec<YearLine>, LineSums)> {
        let rules = ctx.rules;
        let c = ctx.contract;
        let regime = rules.regime;
        let end = c.effective_end();
        let majorate =
            c.reduced_duration && ctx.planned_short && self.policy.short_contract_majoration;
        let rqth_cap = rules.rqth_cap;
        let rqth = c.rqth_majoration.map(|m| {
            if m > rqth_cap {
                ctx.warn(
                    "rqth_capped",
                    format!("la majoration RQTH saisie ({}) dépasse le plafond annuel : {} retenus", euros(m), euros(rqth_cap)),
                    "le plafond est fixé par D6332-82 ; vérifiez l'évaluation du référent handicap du CFA",
                );
            }
            m.min(rqth_cap)
        });
        if let Some(maj) = rqth {
            let src = &rules.sources.rqth_cap;
            ctx.cite("D7", "Majoration RQTH", src);
            explain!(
                ctx,
                "years.rqth",
                "D7",
                &src.article,
                format!("majoration annuelle {} (plafond {}), proratisée comme le NPEC, versée hors plafond du prix", euros(maj), euros(rqth_cap)),
            );
        }
        // D22, L6523-2-3 1°: the OPCO's modulation overseas, an amount its board decides (none is published).
        let modulation = c.npec_overseas_modulation;
        if let Some(m) = modulation {
            ctx.cite_article(
                "D22",
                "Modulation du NPEC outre-mer",
                "L6523-2-3 1°",
                "L6523-2-3 1° (LEGIARTI000038984435) : modulation des niveaux de prise en charge par décision du conseil d'administration de l'OPCO, pour l'accompagnement social des apprentis les plus en difficulté",
            );
            explain!(
                ctx,
                "years.overseas_modulation",
                "D22",
                "L6523-2-3 1°",
                format!("modulation annuelle du NPEC outre-mer {} saisie (décision de l'OPCO, aucun montant publié), proratisée comme le NPEC, versée hors plafond du prix", euros(m)),
            );
        }
        let regime_src = &rules.sources.regime;
        // One line per anniversary started, plus one for the partial year. Days are counted on ordinals,
        // each anniversary computed once; amounts in cents (every line is rounded to the cent).
        let mut lines = Vec::with_capacity((end.year() - c.start.year()).max(0) as usize + 2);
        let mut sums = LineSums::default();
        let end_ordinal = ordinal(end);
        let (mut year_start, mut start_ordinal) = (c.start, ordinal(c.start));
        let mut k: i32 = 0;
        let (annual_prorated, price_prorated) = (Prorated::new(annual), Prorated::new(c.price));
        while start_ordinal <= end_ordinal {
            let next = match k {
                0 => ctx.first_anniversary,
                _ => add_years(c.start, k + 1),
            };
            let next_ordinal = ordinal(next);
            let (year_end, end_of_year) = if next_ordinal - 1 <= end_ordinal {
                (day_before(next), next_ordinal - 1)
            } else {
                (end, end_ordinal)
            };
            let days = end_of_year - start_ordinal + 1;
            let length = next_ordinal - start_ordinal;
            let (months, num, den) = match regime {
                Regime::Daily => {
                    let (n, d) = match self.policy.leap_year {
                        LeapYear::AnniversaryLength => (days, length),
                        LeapYear::Capped365 => (days.min(365), 365),
                        LeapYear::Over365 => (days, 365),
                    };
                    (None, n, d)
                }
                Regime::Monthly => {
                    let mut m = 0u32;
                    while m < 12 && add_months(c.start, 12 * k + m as i32) <= year_end {
                        m += 1;
                    }
                    (Some(m), i64::from(m), 12)
                }
            };
            let short = majorate && k == 0;
            let too_large = |what: &str, amount: Decimal| {
                overflow(&format!("la ligne {what} de l'année {}", k + 1), amount)
            };
            let npec_line = if short {
                Decimal::ONE
                    .checked_add(rules.short_contract_majoration)
                    .and_then(|raised| {
                        annual
                            .checked_mul(Decimal::from(num))?
                            .checked_div(Decimal::from(den))?
                            .checked_mul(raised)
                    })
                    .and_then(|exact| checked_whole_cents(exact.min(annual)))
            } else {
                annual_prorated.cents(num, den)
            }
            .ok_or_else(|| too_large("NPEC", annual))?;
            let rqth_line = match rqth {
                Some(m) if self.policy.rqth_prorated => {
                    prorate_cents(m, num, den).ok_or_else(|| too_large("RQTH", m))?
                }
                Some(m) => whole_cents(m),
                None => 0,
            };
            let modulation_line = match modulation {
                Some(m) => prorate_cents(m, num, den)
                    .ok_or_else(|| too_large("modulation outre-mer", m))?,
                None => 0,
            };
            // A total price is allocated below, once every NPEC line is known.
            let (price_line, opco_line) = match c.price_basis {
                PriceBasis::Annual => {
                    let price = price_prorated
                        .cents(num, den)
                        .ok_or_else(|| too_large("prix", c.price))?;
                    (price, price.min(npec_line))
                }
                PriceBasis::Total => (0, 0),
            };
            let frac_text = || match regime {
                Regime::Daily => format!("{num} / {den} jours"),
                Regime::Monthly => format!("{num} / 12 mois commencés"),
            };
            let rule = if regime == Regime::Daily { "D3" } else { "D4" };
            explain!(
                ctx,
                format!("years[{k}].npec"),
                rule,
                &regime_src.article,
                if short {
                    format!(
                        "{} × {} × (1 + {}) plafonné à {} = {} (contrat de moins d'un an à durée réduite, R6332-25 IV 2°)",
                        euros(annual),
                        frac_text(),
                        french_number(rules.short_contract_majoration),
                        euros(annual),
                        euros(from_cents(npec_line))
                    )
                } else {
                    format!(
                        "{} × {} = {}",
                        euros(annual),
                        frac_text(),
                        euros(from_cents(npec_line))
                    )
                },
            );
            lines.push(YearLine {
                index: k as u32 + 1,
                start: year_start,
                end: year_end,
                days,
                length,
                months,
                fraction_numerator: num,
                fraction_denominator: den,
                short_contract_majoration: short,
                npec: Money::from_cents(npec_line),
                price: Money::from_cents(price_line),
                opco: Money::from_cents(opco_line),
                employer: Money::from_cents(price_line - opco_line),
                rqth: Money::from_cents(rqth_line),
                overseas_modulation: Money::from_cents(modulation_line),
            });
            sums.add(npec_line, price_line, opco_line, rqth_line, modulation_line);
            (year_start, start_ordinal) = (next, next_ordinal);
            k += 1;
        }
        if majorate {
            let src = &rules.sources.short_contract_majoration;
            ctx.cite(
                "D5",
                "Majoration de 10 % des contrats courts à durée réduite",
                src,
            );
        }
        let rule = if regime == Regime::Daily { "D3" } else { "D4" };
        ctx.cite(rule, "Proratisation par année d'exécution", regime_src);

        match c.price_basis {
            PriceBasis::Annual => {
                for (i, y) in lines.iter().enumerate() {
                    if ctx.detail {
                        ctx.explanations.push(Explanation {
                        figure: format!("years[{i}].opco"),
                        rule: "D6",
                        article: "R6332-25 ; L6211-1".into(),
                        text: format!(
                            "prix {} ({} × {} / {}) ; l'OPCO verse le moindre du prix et du NPEC : {} ; reste {} à l'employeur",
                            euros(y.price),
                            euros(c.price),
                            y.fraction_numerator,
                            y.fraction_denominator,
                            euros(y.opco),
                            euros(y.employer)
                        ),
                    });
                    }
                }
            }
            PriceBasis::Total => {
                let total_npec: Decimal = lines.iter().map(|y| y.npec).sum::<Money>().into();
                let opco_total = c.price.min(total_npec);
                let weights: Vec<Decimal> = lines.iter().map(|y| y.npec.into()).collect();
                let split = |total: Decimal| {
                    allocate(total, &weights)
                        .ok_or_else(|| overflow("la répartition du prix total", total))
                };
                let opco = split(opco_total)?;
                let employer = split(c.price - opco_total)?;
                sums = LineSums::default();
                for (y, (o, e)) in lines.iter_mut().zip(opco.into_iter().zip(employer)) {
                    let (o, e) = (Money::from_decimal(o), Money::from_decimal(e));
                    y.opco = o;
                    y.employer = e;
                    y.price = o + e;
                    sums.add(
                        y.npec.cents(),
                        y.price.cents(),
                        o.cents(),
                        y.rqth.cents(),
                        y.overseas_modulation.cents(),
                    );
                }
                explain!(
                ctx,
                    "totals.opco",
                    "D6",
                    "R6332-25",
                    format!(
                        "prix total du contrat {} comparé une fois au total des NPEC {} : l'OPCO verse {}, réparti entre les années au prorata des NPEC",
                        euros(c.price),
                        euros(total_npec),
                        euros(opco_total)
                    ),
                );
            }
        }
        Ok((lines, sums))
    }
}

/// Splits `total` (in cents) between lines in proportion to `weights`, by largest remainders: every share is
/// a whole number of cents, none is negative, and they add up to `total` exactly. `None` when a product
/// overflows (amounts far beyond any contract).
///
/// ```
/// use coutcontrat::quote::allocate;
/// let d = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap();
/// let shares = allocate(d("100"), &[d("1"), d("1"), d("1")]).unwrap();
/// assert_eq!(shares, vec![d("33.34"), d("33.33"), d("33.33")]);
/// assert_eq!(allocate(d("100"), &[rust_decimal::Decimal::MAX, d("1")]), None);
/// ```
pub fn allocate(total: Decimal, weights: &[Decimal]) -> Option<Vec<Decimal>> {
    let n = weights.len();
    if n == 0 {
        return Some(Vec::new());
    }
    let cent = Decimal::new(1, 2);
    let total_cents = cents(total).checked_div(cent)?.trunc();
    let sum = weights
        .iter()
        .try_fold(Decimal::ZERO, |sum, w| sum.checked_add(*w))?;
    if sum.is_zero() {
        let mut out = vec![Decimal::ZERO; n];
        out[n - 1] = cents(total);
        return Some(out);
    }
    let exact = weights
        .iter()
        .map(|w| total_cents.checked_mul(*w)?.checked_div(sum))
        .collect::<Option<Vec<Decimal>>>()?;
    let mut shares: Vec<Decimal> = exact.iter().map(|e| e.floor()).collect();
    let mut left = total_cents - shares.iter().copied().sum::<Decimal>();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        (exact[b] - shares[b])
            .cmp(&(exact[a] - shares[a]))
            .then(a.cmp(&b))
    });
    for &i in order.iter().cycle() {
        if left <= Decimal::ZERO {
            break;
        }
        shares[i] += Decimal::ONE;
        left -= Decimal::ONE;
    }
    Some(shares.into_iter().map(|s| cents(s * cent)).collect())
}
