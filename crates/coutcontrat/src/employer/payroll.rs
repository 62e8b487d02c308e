//! The contributions of every month of salary, added to the months of the net cost: the payslip's totals,
//! the contract's lines, the warnings about defaults, and the explanation of each year's first month.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::contributions::{
    month_contributions, ContributionBook, Establishment, MonthContributions, PayMonth, ATMP,
    MOBILITY,
};
use super::SalaryMonth;
use crate::contract::{Contract, Territory};
use crate::dates::days_inclusive;
use crate::error::{Error, ErrorKind, Result};
use crate::money::{cents, euros, french_number, Money};
use crate::quote::explanations::Explanation;
use crate::quote::warnings::Warning;

/// A month's payslip totals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PayrollMonth {
    /// Gross salary of the days counted.
    pub gross: Money,
    /// The employer's contributions, after the réduction générale.
    pub employer_contributions: Money,
    /// The réduction générale deducted from them.
    pub general_reduction: Money,
    /// Its coefficient (4 decimals).
    pub general_reduction_coefficient: Decimal,
    /// The apprentice's contributions, CSG-CRDS included.
    pub employee_contributions: Money,
    /// Gross − employee contributions − the employee's share of the mutuelle.
    pub net_salary: Money,
    /// The employer's share of the mutuelle, when its premium is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_insurance_employer: Option<Money>,
    /// The apprentice's share of the mutuelle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_insurance_employee: Option<Money>,
}

/// One contribution over the whole contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContributionTotal {
    /// Its key in `data/parameters/contributions.toml` (`reduction_generale` for the reduction, negative).
    pub key: String,
    /// Its label, in French.
    pub label: String,
    /// The articles behind it.
    pub article: String,
    /// The employer's part.
    pub employer: Money,
    /// The apprentice's part.
    pub employee: Money,
}

/// What the months' contributions add to the net cost.
pub(super) struct PayrollSummary {
    /// Every month has its contributions.
    pub modelled: bool,
    /// The mutuelle's premium was given.
    pub health_insurance: bool,
    pub lines: Vec<ContributionTotal>,
    pub explanations: Vec<Explanation>,
}

/// `09/2026`.
fn month_year(d: jiff::civil::Date) -> String {
    format!("{:02}/{}", d.month(), d.year())
}

fn percent(rate: Decimal) -> String {
    format!(
        "{}\u{a0}%",
        french_number((rate * Decimal::ONE_HUNDRED).normalize())
    )
}

fn out_of_range(field: &'static str, what: &str, max: Decimal) -> Error {
    Error::new(
        ErrorKind::OutOfRange,
        Some(field),
        format!(
            "{what} va de 0 à {} ({}) : vérifiez le taux saisi",
            max.normalize(),
            percent(max)
        ),
    )
}

/// Computes each month's contributions, in place, when the parameters cover every month.
pub(super) fn add_contributions(
    months: &mut [SalaryMonth],
    c: &Contract,
    headcount: u32,
    book: &ContributionBook,
    detail: bool,
    warnings: &mut Vec<Warning>,
    not_modelled: &mut Vec<String>,
) -> Result<PayrollSummary> {
    let mut summary = PayrollSummary {
        modelled: false,
        health_insurance: false,
        lines: Vec::new(),
        explanations: Vec::new(),
    };
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return Ok(summary);
    };
    let (first_month, last_month) = (first.from, last.from);
    let atmp_bounds = book
        .atmp
        .at(first_month)
        .or_else(|| book.atmp.at(last_month));
    if let (Some(rate), Some((rule, _))) = (c.atmp_rate, &atmp_bounds) {
        if rate < Decimal::ZERO || rate > rule.max_rate {
            return Err(out_of_range(
                "atmp_rate",
                "le taux AT/MP d'un établissement",
                rule.max_rate,
            ));
        }
    }
    let transport = book
        .mobility
        .at(first_month)
        .or_else(|| book.mobility.at(last_month));
    if let (Some(rate), Some((rule, _))) = (c.mobility_rate, &transport) {
        if rate < Decimal::ZERO || rate > rule.max_rate {
            return Err(out_of_range(
                "mobility_rate",
                "le taux du versement mobilité",
                rule.max_rate,
            ));
        }
        if headcount < rule.min_headcount {
            warnings.push(Warning {
                code: "mobility_rate_ignored",
                message: format!(
                    "le versement mobilité n'est dû qu'à partir de {} salariés ({headcount} indiqués) : ignoré",
                    rule.min_headcount
                ),
                hint: "retirez mobility_rate, ou corrigez l'effectif".to_owned(),
            });
        }
    }
    if c.territory == Territory::Mayotte {
        not_modelled.push(
            "cotisations sociales à Mayotte (régime propre) : non modélisées, le coût net les exclut"
                .to_owned(),
        );
        return Ok(summary);
    }
    let employer = Establishment {
        headcount,
        atmp_rate: c.atmp_rate,
        mobility_rate: c.mobility_rate,
        alsace_moselle: c.alsace_moselle,
        signed_on: c.signed_on,
    };
    // A month with the same pay as the one before, under the same law, has the same contributions:
    // computed once (a three-year contract has a handful of distinct months, not 36).
    let changes = book.change_dates();
    let mut computed: Vec<(PayMonth, MonthContributions, u32)> = Vec::new();
    let mut month_slot: Vec<usize> = Vec::with_capacity(months.len());
    let mut next_change = None;
    // What makes a month the same as the one before: its salary, its SMIC, its days counted.
    let mut last_pay = None;
    for m in months.iter() {
        let month = jiff::civil::Date::new(m.from.year(), m.from.month(), 1).unwrap_or(m.from);
        let days = (
            days_inclusive(m.from, m.to),
            i64::from(m.from.days_in_month()),
        );
        let whole = days.0 == days.1;
        // A whole month is a whole month, of 30 days or 31.
        let pay = (m.salary, m.smic, if whole { (1, 1) } else { days });
        if last_pay == Some(pay) && next_change.is_none_or(|d| month < d) {
            if let Some((_, _, count)) = computed.last_mut() {
                *count += 1;
                month_slot.push(computed.len() - 1);
                continue;
            }
        }
        let basis = PayMonth {
            month,
            share: if whole {
                Decimal::ONE
            } else {
                Decimal::from(days.0) / Decimal::from(days.1)
            },
            gross: m.salary.to_decimal(),
            smic: m.smic.to_decimal(),
        };
        match month_contributions(book, &employer, &basis) {
            Some(one) => {
                next_change = changes.iter().copied().find(|d| *d > month);
                last_pay = Some(pay);
                computed.push((basis, one, 1));
                month_slot.push(computed.len() - 1);
            }
            None => {
                let from = book.pss_monthly.froms().next().unwrap_or(month);
                not_modelled.push(format!(
                    "cotisations sociales des mois avant le {} : non modélisées (mois de {}), le coût net les exclut",
                    crate::dates::french_date(from),
                    month_year(month)
                ));
                return Ok(summary);
            }
        }
    }
    summary.modelled = true;

    let health = c.health_insurance_monthly.filter(|t| *t > Decimal::ZERO);
    let (health_rule, _) = book
        .health_insurance
        .at(c.start)
        .ok_or_else(|| Error::new(ErrorKind::Data, None, "mutuelle absente des paramètres"))?;
    let employer_share = c
        .health_insurance_employer_share
        .unwrap_or(health_rule.min_employer_share);
    if health.is_some() && employer_share < health_rule.min_employer_share {
        warnings.push(Warning {
            code: "health_insurance_share_below_minimum",
            message: format!(
                "la part employeur de la mutuelle ({}) est sous le minimum légal de {} (L911-7 CSS)",
                percent(employer_share),
                percent(health_rule.min_employer_share)
            ),
            hint: "vérifiez la part employeur de la complémentaire santé".to_owned(),
        });
    }
    summary.health_insurance = health.is_some();

    // (key, employer, employee) in the order lines first appear: the payslip's. A distinct month counts
    // as many times as it recurs (exact: the lines are decimals, not yet rounded).
    let mut totals: Vec<(&'static str, Decimal, Decimal)> = Vec::new();
    let mut reduction_total = Decimal::ZERO;
    let mut payslips: Vec<PayrollMonth> = Vec::with_capacity(computed.len());
    for (basis, one, count) in &computed {
        let times = |d: Decimal| {
            if *count == 1 || d.is_zero() {
                d
            } else {
                d * Decimal::from(*count)
            }
        };
        for line in &one.lines {
            match totals.iter_mut().find(|t| t.0 == line.key) {
                Some(t) => {
                    if !line.employer.is_zero() {
                        t.1 += times(line.employer);
                    }
                    if !line.employee.is_zero() {
                        t.2 += times(line.employee);
                    }
                }
                None => totals.push((line.key, times(line.employer), times(line.employee))),
            }
        }
        reduction_total += times(one.reduction);
        let gross = Money::from_decimal(basis.gross);
        let general_reduction = Money::from_decimal(one.reduction);
        let employer_contributions =
            Money::from_decimal(one.employer_before_reduction) - general_reduction;
        let employee_contributions = Money::from_decimal(one.employee);
        let (health_employer, health_employee) = match health {
            Some(total) => (
                Some(Money::from_decimal(total * employer_share * basis.share)),
                Some(Money::from_decimal(
                    total * (Decimal::ONE - employer_share) * basis.share,
                )),
            ),
            None => (None, None),
        };
        payslips.push(PayrollMonth {
            gross,
            employer_contributions,
            general_reduction,
            general_reduction_coefficient: one.coefficient,
            employee_contributions,
            net_salary: gross - employee_contributions - health_employee.unwrap_or_default(),
            health_insurance_employer: health_employer,
            health_insurance_employee: health_employee,
        });
    }
    let mut explained_year = 0;
    for (index, (m, slot)) in months.iter_mut().zip(month_slot).enumerate() {
        let payslip = payslips[slot].clone();
        if detail && m.year != explained_year {
            explained_year = m.year;
            let one = &computed[slot].1;
            summary
                .explanations
                .push(explain_month(index, m, one, &payslip, book, c));
        }
        m.payroll = Some(payslip);
    }
    let provenance = |key: &str| -> (String, String) {
        let found = match key {
            ATMP => book.atmp.label_and_article_at(first_month),
            MOBILITY => book.mobility.label_and_article_at(first_month),
            _ => book.levies().find(|(k, _)| *k == key).and_then(|(_, d)| {
                d.label_and_article_at(last_month)
                    .or_else(|| d.label_and_article_at(first_month))
            }),
        };
        found.map_or_else(
            || (key.to_owned(), String::new()),
            |(label, article)| (label.to_owned(), article.to_owned()),
        )
    };
    for (key, employer, employee) in totals {
        // A line that never reached its slice (tranche 2 of a salary under the plafond) is left out.
        if employer.is_zero() && employee.is_zero() {
            continue;
        }
        let (label, article) = provenance(key);
        summary.lines.push(ContributionTotal {
            key: key.to_owned(),
            label,
            article,
            employer: Money::from_decimal(employer),
            employee: Money::from_decimal(employee),
        });
    }
    if let Some((_, p)) = book.general_reduction.at(last_month) {
        summary.lines.push(ContributionTotal {
            key: "reduction_generale".to_owned(),
            label: p.label,
            article: p.article,
            employer: Money::from_decimal(-reduction_total),
            employee: Money::ZERO,
        });
    }

    if c.atmp_rate.is_none() {
        if let Some((rule, p)) = book.atmp.at(last_month) {
            warnings.push(Warning {
                code: "atmp_rate_default",
                message: format!(
                    "taux AT/MP moyen national retenu ({} en {}, {}) : celui de l'établissement figure sur son compte AT/MP",
                    percent(rule.average),
                    last_month.year(),
                    p.reference
                ),
                hint: "indiquez le taux AT/MP de l'établissement (atmp_rate), lu sur net-entreprises.fr".to_owned(),
            });
        }
    }
    let checked = book.last_checked();
    if last_month > checked {
        warnings.push(Warning {
            code: "contributions_to_confirm",
            message: format!(
                "les taux de cotisations après le {} ne sont pas encore connus : ceux de {} sont retenus",
                crate::dates::french_date(checked),
                checked.year()
            ),
            hint: "les taux changent en général au 1er janvier : vérifiez-les sur urssaf.fr".to_owned(),
        });
    }
    if c.territory.is_overseas() {
        warnings.push(Warning {
            code: "lodeom_not_modelled",
            message: "outre-mer, l'exonération Lodeom peut remplacer la réduction générale : elle n'est pas modélisée, les cotisations sont celles de l'hexagone".to_owned(),
            hint: "consultez l'estimateur Lodeom de l'Urssaf".to_owned(),
        });
    }
    not_modelled.push(
        "cotisations conventionnelles de la branche (prévoyance, frais de santé hors mutuelle saisie, suppléments de formation ou de paritarisme), contribution supplémentaire à l'apprentissage (250 salariés et plus), taux AT/MP « fonctions support », Lodeom : non modélisés"
            .to_owned(),
    );
    if health.is_some() {
        not_modelled.push(
            "mutuelle : la CSG-CRDS sur la part patronale et le forfait social ne sont pas comptés"
                .to_owned(),
        );
    }
    Ok(summary)
}

/// « 2026-09 : cotisations patronales 412,30 € − réduction générale : coefficient 0,3981 × 1 000,00 € … ».
fn explain_month(
    index: usize,
    m: &SalaryMonth,
    one: &MonthContributions,
    payslip: &PayrollMonth,
    book: &ContributionBook,
    c: &Contract,
) -> Explanation {
    let exemption = book
        .apprentice_exemption
        .at(c.signed_on)
        .map(|(rule, _)| {
            let csg = match rule.csg_smic_share {
                Some(share) => format!("CSG-CRDS au-delà de {} du SMIC", percent(share)),
                None => "CSG-CRDS exonérées".to_owned(),
            };
            format!(
                "cotisations salariales au-delà de {} du SMIC, {csg} (contrat conclu le {})",
                percent(rule.social_smic_share),
                crate::dates::french_date(c.signed_on)
            )
        })
        .unwrap_or_default();
    Explanation {
        figure: format!("net_cost.months[{index}].employer_contributions"),
        rule: "cotisations",
        article: "L241-13 et D241-7 (CSS) ; L6243-2 (CT)".to_owned(),
        text: format!(
            "{} : cotisations patronales {} − réduction générale : coefficient {} × {} = {} → {} ; {exemption} : {} ; salaire net {}",
            month_year(m.from),
            euros(cents(one.employer_before_reduction)),
            french_number(one.coefficient),
            euros(m.salary),
            euros(cents(one.reduction)),
            euros(payslip.employer_contributions),
            euros(payslip.employee_contributions),
            euros(payslip.net_salary)
        ),
    }
}
