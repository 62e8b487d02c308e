//! Social contributions on one month of an apprentice's salary: the employer's and the employee's lines of
//! the régime général, the apprentice's own exemptions (L6243-2) and the réduction générale (L241-13).
//! Every rate, ceiling and date comes from `data/parameters/contributions.toml`.

mod book;
#[rustfmt::skip]
mod generated;
mod reduction;

use jiff::civil::Date;
use rust_decimal::Decimal;

pub use book::{
    AtmpRule, ContributionBook, ExemptionRule, HealthInsuranceRule, LevyRule, ReducedRate,
    ReductionRule, TransportRule,
};
use reduction::coefficient;

/// The parameter file the embedded contribution book was generated from.
pub const EMBEDDED_CONTRIBUTION_PARAMETERS: &str = generated::CONTRIBUTIONS_TOML;

impl ContributionBook {
    /// The parameters shipped in `data/parameters/contributions.toml`. (Here, not in `book`: the generated
    /// book builds on `book`'s types, and a module does not lean on what leans on it.)
    pub fn embedded() -> &'static ContributionBook {
        static BOOK: std::sync::OnceLock<ContributionBook> = std::sync::OnceLock::new();
        // Generated from the TOML and checked against it by a test.
        BOOK.get_or_init(generated::contribution_book)
    }
}

/// The key of the AT/MP line, whose rate is the establishment's own.
pub const ATMP: &str = "atmp";
/// The key of the versement mobilité line, whose rate is the commune's.
pub const MOBILITY: &str = "versement_mobilite";

/// Who employs the apprentice, as the contributions see it.
#[derive(Debug, Clone, Copy)]
pub struct Establishment {
    /// The company's headcount.
    pub headcount: u32,
    /// The establishment's AT/MP rate; the national average when absent.
    pub atmp_rate: Option<Decimal>,
    /// The versement mobilité rate of the commune, when there is one.
    pub mobility_rate: Option<Decimal>,
    /// Under the régime local d'Alsace-Moselle.
    pub alsace_moselle: bool,
    /// The contract's date of conclusion, which picks the apprentice's exemption.
    pub signed_on: Date,
}

/// One month, or the part of it the contract covers.
#[derive(Debug, Clone, Copy)]
pub struct PayMonth {
    /// Its first day.
    pub month: Date,
    /// Days counted over days in the month: the SMIC and the plafond are prorated by it.
    pub share: Decimal,
    /// The gross salary of the days counted.
    pub gross: Decimal,
    /// The month's full SMIC, as published (`1867.02`): the contributions use its exact form,
    /// hourly rate × 1 820 h / 12 (D241-7).
    pub smic: Decimal,
}

/// One line of a month, exact (rounded only where it is shown).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ContributionLine {
    /// Its key in the data file, or [`ATMP`], [`MOBILITY`].
    pub key: &'static str,
    /// The employer's part.
    pub employer: Decimal,
    /// The apprentice's part.
    pub employee: Decimal,
    /// The employer rate applied.
    pub employer_rate: Decimal,
}

/// A month's contributions, exact.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct MonthContributions {
    /// The lines due, in payslip order.
    pub lines: Vec<ContributionLine>,
    /// The employer's contributions before the réduction générale.
    pub employer_before_reduction: Decimal,
    /// The réduction générale's coefficient, rounded to 4 decimals.
    pub coefficient: Decimal,
    /// The réduction générale: coefficient × gross, within the contributions it is imputed on.
    pub reduction: Decimal,
    /// The apprentice's contributions.
    pub employee: Decimal,
}

fn positive(d: Decimal) -> Decimal {
    d.max(Decimal::ZERO)
}

/// `n` plafonds (most lines stop at 0 or 1: no multiplication).
fn plafonds(n: u8, pss: Decimal) -> Decimal {
    match n {
        0 => Decimal::ZERO,
        1 => pss,
        _ => Decimal::from(n) * pss,
    }
}

/// The part of `base` between `above` and `up_to` plafonds (`up_to` 0: no ceiling).
fn slice(base: Decimal, pss: Decimal, above: u8, up_to: u8) -> Decimal {
    if above == 0 {
        return if up_to == 0 {
            base
        } else {
            base.min(plafonds(up_to, pss))
        };
    }
    let low = plafonds(above, pss);
    let part = positive(base - low);
    if up_to == 0 {
        part
    } else {
        part.min(positive(plafonds(up_to, pss) - low))
    }
}

/// `rate` × the share of `gross` a line is levied on; no work for a rate of zero (one side of most lines).
fn levied(gross: Decimal, rule: &LevyRule, pss: Decimal, rate: Decimal) -> Decimal {
    if rate.is_zero() {
        return Decimal::ZERO;
    }
    shared(slice(gross, pss, rule.above_pss, rule.up_to_pss), rule, pss) * rate
}

/// The base after `base_share` (98,25 % up to a number of plafonds, all above).
fn shared(base: Decimal, rule: &LevyRule, pss: Decimal) -> Decimal {
    match rule.base_share {
        Some(share) => {
            let limit = Decimal::from(rule.base_share_up_to_pss) * pss;
            share * base.min(limit) + positive(base - limit)
        }
        None => base,
    }
}

/// The monthly SMIC as D241-7 counts it: the hourly rate (the published monthly SMIC over the monthly
/// hours, to the cent) × annual hours / 12. `1867.02` → 12,31 € × 1 820 / 12 = 1 867,0166….
fn exact_smic(published_monthly: Decimal, annual_hours: u32) -> Decimal {
    // On integer cents: hourly = monthly × 12 / hours, to the cent; then × hours / 12, once divided.
    let hours = i64::from(annual_hours);
    match crate::money::prorate_cents(published_monthly, 12, hours) {
        Some(hourly) => Decimal::new(hourly * hours, 2) / Decimal::from(12),
        None => Decimal::ZERO,
    }
}

/// The contributions of one month, or `None` when a parameter has no value for it (before 2024).
///
/// ```
/// use coutcontrat::employer::{month_contributions, ContributionBook, Establishment, PayMonth};
/// use jiff::civil::date;
/// let at = Establishment { headcount: 11, atmp_rate: None, mobility_rate: None, alsace_moselle: false, signed_on: date(2025, 9, 1) };
/// let march = PayMonth { month: date(2026, 3, 1), share: 1.into(), gross: 1000.into(), smic: "1823.03".parse().unwrap() };
/// let c = month_contributions(ContributionBook::embedded(), &at, &march).unwrap();
/// assert_eq!(c.coefficient.to_string(), "0.3981");
/// ```
pub fn month_contributions(
    book: &ContributionBook,
    employer: &Establishment,
    m: &PayMonth,
) -> Option<MonthContributions> {
    let pss = *book.pss_monthly.value_at(m.month)? * m.share;
    let smic = exact_smic(m.smic, *book.smic_annual_hours.value_at(m.month)?) * m.share;
    let exemption = book.apprentice_exemption.value_at(employer.signed_on)?;
    let social_base = positive(m.gross - exemption.social_smic_share * smic);
    let csg_gross = exemption
        .csg_smic_share
        .map_or(Decimal::ZERO, |s| positive(m.gross - s * smic));
    let mut lines = Vec::with_capacity(book.levies.len() + 2);
    let mut reducible = Decimal::ZERO;
    for (key, dated) in book.levies() {
        let rule = dated.value_at(m.month)?;
        let applies = employer.headcount >= rule.min_headcount
            && rule.below_headcount.is_none_or(|b| employer.headcount < b)
            && rule
                .alsace_moselle
                .is_none_or(|a| a == employer.alsace_moselle)
            && (!rule.only_above_pss || m.gross > pss);
        if !applies {
            continue;
        }
        let employer_rate = match &rule.reduced_rate {
            Some(r) if m.gross <= r.smic_multiple * r.smic * m.share => r.rate,
            _ => rule.employer,
        };
        let employer_amount = levied(m.gross, rule, pss, employer_rate);
        let employee_gross = if rule.csg {
            csg_gross
        } else if rule.apprentice_exempt {
            social_base
        } else {
            m.gross
        };
        let employee_amount = levied(employee_gross, rule, pss, rule.employee);
        if rule.reduced {
            reducible += employer_amount;
        }
        lines.push(ContributionLine {
            key,
            employer: employer_amount,
            employee: employee_amount,
            employer_rate,
        });
    }
    let atmp = book.atmp.value_at(m.month)?;
    let atmp_rate = employer.atmp_rate.unwrap_or(atmp.average);
    reducible += m.gross * atmp_rate.min(atmp.minimum);
    lines.push(ContributionLine {
        key: ATMP,
        employer: m.gross * atmp_rate,
        employee: Decimal::ZERO,
        employer_rate: atmp_rate,
    });
    let transport = book.mobility.value_at(m.month)?;
    if let Some(rate) = employer.mobility_rate {
        if employer.headcount >= transport.min_headcount && !rate.is_zero() {
            lines.push(ContributionLine {
                key: MOBILITY,
                employer: m.gross * rate,
                employee: Decimal::ZERO,
                employer_rate: rate,
            });
        }
    }
    let rule = book.general_reduction.value_at(m.month)?;
    let coefficient = coefficient(rule, employer.headcount, m.gross, smic);
    let reduction = (coefficient * m.gross).min(reducible);
    let sum = |part: fn(&ContributionLine) -> Decimal| {
        lines
            .iter()
            .map(part)
            .filter(|d| !d.is_zero())
            .fold(Decimal::ZERO, |a, d| a + d)
    };
    Some(MonthContributions {
        employer_before_reduction: sum(|l| l.employer),
        employee: sum(|l| l.employee),
        lines,
        coefficient,
        reduction,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn employer(headcount: u32, signed_on: Date) -> Establishment {
        Establishment {
            headcount,
            atmp_rate: None,
            mobility_rate: None,
            alsace_moselle: false,
            signed_on,
        }
    }

    fn month(month: Date, gross: &str, smic: &str) -> PayMonth {
        PayMonth {
            month,
            share: Decimal::ONE,
            gross: gross.parse().unwrap(),
            smic: smic.parse().unwrap(),
        }
    }

    #[test]
    fn march_2026_at_1000_euros_in_a_company_of_11() {
        // The situation mon-entreprise computes as 35,36 € employer, 18,44 € employee (DESIGN.md).
        let c = month_contributions(
            ContributionBook::embedded(),
            &employer(11, date(2025, 9, 1)),
            &month(date(2026, 3, 1), "1000", "1823.03"),
        )
        .unwrap();
        assert_eq!(c.coefficient.to_string(), "0.3981");
        assert_eq!(
            crate::money::cents(c.employer_before_reduction - c.reduction).to_string(),
            "35.36"
        );
        assert_eq!(crate::money::cents(c.employee).to_string(), "18.44");
    }

    #[test]
    fn before_march_2025_the_csg_is_not_due_and_79_percent_is_exempt() {
        let c = month_contributions(
            ContributionBook::embedded(),
            &employer(5, date(2025, 2, 1)),
            &month(date(2025, 6, 1), "1600", "1801.80"),
        )
        .unwrap();
        let csg = c.lines.iter().find(|l| l.key == "csg").unwrap();
        assert!(csg.employee.is_zero());
        // (1 600 − 79 % × 1 801,80) × 6,90 %.
        let plafonnee = c
            .lines
            .iter()
            .find(|l| l.key == "vieillesse_plafonnee")
            .unwrap();
        assert_eq!(crate::money::cents(plafonnee.employee).to_string(), "12.18");
    }
}
