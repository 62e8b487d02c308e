//! The employer's whole cost, year by year: apprentice salary + employer contributions + remaining charge −
//! State hiring aid − maître d'apprentissage aid (RULES.md R7, R10, R11; contributions from January 2024).

mod aid;
mod book;
mod contributions;
mod payroll;
mod quota;
mod successive;
#[rustfmt::skip]
mod generated;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::contract::Contract;
use crate::dates::{add_days, add_months, add_years, age_on, days_inclusive};
use crate::error::{Error, ErrorKind, Result};
use crate::money::{cents, euros, Money};
use crate::quote::policy::Policy;
use crate::quote::warnings::Warning;
use crate::quote::years::YearLine;
use aid::{first_year_proration, pay_months, AidTerms};
use quota::{quota, quota_given, Quota};

pub use aid::AidMonth;

pub use book::{
    AidRule, EmployerBook, QuotaRule, RqthAid, SalaryGrid, TutorAidRule,
    EMBEDDED_EMPLOYER_PARAMETERS,
};
pub use contributions::{
    month_contributions, ContributionLine, Establishment, MonthContributions, PayMonth, ATMP,
    MOBILITY,
};
pub use contributions::{
    AtmpRule, ContributionBook, ExemptionRule, HealthInsuranceRule, LevyRule, ReducedRate,
    ReductionRule, TransportRule, EMBEDDED_CONTRIBUTION_PARAMETERS,
};
pub use payroll::{ContributionTotal, PayrollMonth};

/// One execution year of the employer's cost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NetYear {
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
    /// Gross salary over the period.
    pub salary: Money,
    /// Aids received for the period (hiring aid, maître d'apprentissage aid).
    pub aid: Money,
    /// The employer's remaining charge on training (participation in year 1).
    pub remaining_charge: Money,
    /// The employer's social contributions, after the réduction générale (none before 2024: not modelled).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employer_contributions: Option<Money>,
    /// The employer's share of the mutuelle, when its premium is given (not a statutory contribution).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_insurance: Option<Money>,
    /// salary + employer contributions + mutuelle + remaining charge − aid.
    pub net: Money,
}

/// One month (or part of a month) of salary.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct SalaryMonth {
    /// First day counted.
    pub from: Date,
    /// Last day counted.
    pub to: Date,
    /// Execution year (1-based).
    pub year: u32,
    /// Age bracket: `under_18`, `from_18`, `from_21`, `from_26`.
    pub bracket: &'static str,
    /// % of the SMIC: the grid's, or the previous contract's last-year rate when higher (D6222-29).
    pub rate: Decimal,
    /// The rate is the previous contract's last-year rate, above the grid (D6222-29, D25).
    pub previous_rate_floor: bool,
    /// Monthly SMIC.
    pub smic: Money,
    /// Minimum salary for the days counted.
    pub minimum: Money,
    /// Salary used for the days counted (the agreed one when given).
    pub salary: Money,
    /// The month's social contributions, when modelled for it.
    #[serde(flatten)]
    pub payroll: Option<payroll::PayrollMonth>,
}

/// The employer's whole cost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NetCost {
    /// State hiring aid over the contract.
    pub aid_total: Money,
    /// Its annual amount before proration.
    pub aid_annual: Money,
    /// The text behind it.
    pub aid_reference: String,
    /// The months of the first execution year the aid pays, with their fractions (D17).
    pub aid_months: Vec<AidMonth>,
    /// The maître d'apprentissage aid over the contract.
    pub tutor_aid_total: Money,
    /// Salary over the contract.
    pub salary_total: Money,
    /// The employer's social contributions over the contract, after the réduction générale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employer_contributions_total: Option<Money>,
    /// Each contribution line over the contract, employer and employee parts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contribution_lines: Vec<ContributionTotal>,
    /// The net cost over the contract.
    pub net_total: Money,
    /// Per execution year.
    pub years: Vec<NetYear>,
    /// Per month of salary.
    pub months: Vec<SalaryMonth>,
    /// What the figures leave out.
    pub not_modelled: Vec<String>,
}

/// A month as read, before its bracket is matched to a known one.
#[derive(Deserialize)]
struct SalaryMonthText {
    from: Date,
    to: Date,
    year: u32,
    bracket: String,
    rate: Decimal,
    #[serde(default)]
    previous_rate_floor: bool,
    smic: Money,
    minimum: Money,
    salary: Money,
    #[serde(flatten)]
    payroll: Option<payroll::PayrollMonth>,
}

impl TryFrom<SalaryMonthText> for SalaryMonth {
    type Error = String;
    fn try_from(m: SalaryMonthText) -> std::result::Result<SalaryMonth, String> {
        Ok(SalaryMonth {
            bracket: crate::quote::warnings::one_of(
                &m.bracket,
                &["under_18", "from_18", "from_21", "from_26"],
            )?,
            from: m.from,
            to: m.to,
            year: m.year,
            rate: m.rate,
            previous_rate_floor: m.previous_rate_floor,
            smic: m.smic,
            minimum: m.minimum,
            salary: m.salary,
            payroll: m.payroll,
        })
    }
}

fn first_of_month(d: Date) -> Date {
    Date::new(d.year(), d.month(), 1).unwrap_or(d)
}

fn days_in_month(d: Date) -> i64 {
    i64::from(d.days_in_month())
}

/// Calendar months overlapping `[from, to]`, as (first day counted, last day counted, first of month).
fn month_slices(from: Date, to: Date) -> Vec<(Date, Date, Date)> {
    let mut out = Vec::new();
    let mut month = first_of_month(from);
    while month <= to {
        let next = add_months(month, 1);
        out.push((from.max(month), to.min(add_days(next, -1)), month));
        month = next;
    }
    out
}

pub(crate) struct NetInput<'a> {
    pub contract: &'a Contract,
    pub years: &'a [YearLine],
    pub participation: Money,
    /// The contract as stipulated lasts under one year (D5's test, read by D17).
    pub planned_short: bool,
    pub policy: &'a Policy,
    pub contributions: &'a ContributionBook,
    /// The explanations' texts are wanted (not for a batch without details).
    pub detail: bool,
}

/// D18: the first day of the 2021–2022 aids' adult amount, the first of the month after the 18th birthday.
fn adult_rate_from(birth: Date) -> Date {
    first_of_month(add_months(add_years(birth, 18), 1))
}

/// Computes the net cost when the contract asks for it (a birth date or an agreed salary is given).
pub(crate) fn net_cost(
    input: NetInput,
    book: &EmployerBook,
    warnings: &mut Vec<Warning>,
    explanations: &mut Vec<crate::quote::explanations::Explanation>,
) -> Result<Option<NetCost>> {
    let c = input.contract;
    // Checked when the input is parsed; again here for a `Contract` built in code, whatever it asks.
    c.check_bounds()?;
    if c.birth_date.is_none() && c.monthly_salary.is_none() {
        return Ok(None);
    }
    let warn = |warnings: &mut Vec<Warning>, code: &'static str, message: String, hint: &str| {
        warnings.push(Warning {
            code,
            message,
            hint: hint.to_owned(),
        })
    };
    let mut not_modelled =
        vec!["aides de l'Agefiph et aides des collectivités : non modélisées".to_owned()];
    let headcount = c.company_headcount.ok_or_else(|| {
        Error::new(
            ErrorKind::Missing,
            Some("company_headcount"),
            "l'effectif de l'entreprise décide de l'aide à l'embauche (moins de 250 salariés ou non) : indiquez-le",
        )
    })?;
    let level = c.level.ok_or_else(|| {
        Error::new(
            ErrorKind::Missing,
            Some("level"),
            "le niveau de la certification décide de l'aide à l'embauche : indiquez-le",
        )
    })?;
    for (value, field, what) in [
        (c.monthly_salary, "monthly_salary", "le salaire convenu"),
        (c.tutor_aid, "tutor_aid", "l'aide au maître d'apprentissage"),
    ] {
        if value.is_some_and(|v| v < Decimal::ZERO) {
            return Err(Error::new(
                ErrorKind::OutOfRange,
                Some(field),
                format!("{what} ne peut pas être négatif"),
            ));
        }
    }
    // R10: hiring aid, first execution year only.
    let (step, step_src) = book.hiring_aid.at(c.signed_on).ok_or_else(|| {
        Error::new(
            ErrorKind::UnsupportedRegime,
            Some("signed_on"),
            "aucune règle d'aide à l'embauche pour cette date",
        )
    })?;
    let (rule, mut aid_reference) = match step.start_before {
        Some(limit) if c.start >= limit => {
            let (unique, src) = book.aide_unique.at(c.start).ok_or_else(|| {
                Error::new(ErrorKind::Data, None, "aide unique absente des paramètres")
            })?;
            warn(
                warnings,
                "hiring_aid_regime_unknown",
                format!(
                    "aucun décret d'aide n'est connu pour les contrats débutant à partir du {limit} : seule l'aide unique est comptée"
                ),
                "vérifiez la loi de finances 2027 et son décret d'application",
            );
            (unique, format!("{} ({})", src.article, src.reference))
        }
        _ => (
            step,
            format!("{} ({})", step_src.article, step_src.reference),
        ),
    };
    let small = headcount < 250;
    let policy = input.policy;
    let mut aid_annual = Decimal::ZERO;
    // D25, D6243-2 I: no second aid for the same employer, apprentice and certification.
    let excluded = successive::previous_aid_excludes(c, book, warnings);
    if excluded {
        aid_reference.push_str(
            " ; pas de seconde aide pour le même apprenti et la même certification (D6243-2 I)",
        );
    } else if !rule.modelled {
        not_modelled.push(format!(
            "aide à l'embauche pour un contrat conclu le {} : {}",
            c.signed_on, step_src.reference
        ));
    } else if level > 7 {
        aid_reference.push_str(&format!(
            " ; certification de niveau {level} : pas d'aide à l'embauche (niveau 7 au plus)"
        ));
    } else {
        let key = level.to_string();
        let mut base = if small {
            rule.small.get(&key)
        } else {
            rule.large.get(&key)
        }
        .copied()
        .unwrap_or_default();
        // D22, L6522-4: overseas, the aide unique reaches level 5; the two aids do not cumulate.
        let overseas_level = overseas_unique_level(c, level, book, &rule);
        if let (true, Some(top)) = (small, overseas_level) {
            base = base.max(
                rule.small
                    .get(&top.to_string())
                    .copied()
                    .unwrap_or_default(),
            );
            if let Some((_, src)) = book.overseas_aid_max_level.at(c.signed_on) {
                aid_reference.push_str(&format!(
                    " ; outre-mer, niveau {level} au montant du niveau {top} : {} ({})",
                    src.article, src.reference
                ));
            }
        }
        let rqth_ok = c.has_rqth()
            && (rule.rqth.any_size || small)
            && (rule.rqth.levels.contains(&level)
                || overseas_level.is_some_and(|top| rule.rqth.levels.contains(&top)));
        let amount = if rqth_ok {
            base.max(rule.rqth.amount)
        } else {
            base
        };
        aid_annual = if small {
            amount
        } else {
            // D21: a company of 250 or more gets its aid on the alternance quota (the RQTH amount too,
            // unless `rqth_without_quota`).
            let unconditional = if rqth_ok && policy.rqth_without_quota {
                rule.rqth.amount
            } else {
                Decimal::ZERO
            };
            let (quota_rule, quota_src) =
                book.alternance_quota.at(c.signed_on).ok_or_else(|| {
                    Error::new(
                        ErrorKind::Data,
                        None,
                        "seuil d'alternants absent des paramètres",
                    )
                })?;
            match quota(c, &quota_rule, policy)? {
                Quota::Met => amount,
                Quota::NotMet => unconditional,
                Quota::Unknown => {
                    // D18: an apprentice of 18 or more from the first month gets the adult amount.
                    let amount = match (rule.from_18, c.birth_date) {
                        (Some(adult), Some(birth))
                            if adult_rate_from(birth) <= first_of_month(c.start) =>
                        {
                            amount.max(adult)
                        }
                        _ => amount,
                    };
                    if amount > unconditional {
                        let deadline = i32::from(c.signed_on.year())
                            + i32::from(quota_rule.deadline_years_after);
                        warn(
                            warnings,
                            "hiring_aid_conditional",
                            format!(
                                "{} possibles si l'entreprise atteint le seuil d'alternants au 31/12/{deadline} ({}) : non comptés",
                                euros(amount - unconditional),
                                quota_src.reference
                            ),
                            "indiquez alternance_quota (committed ou not_committed), ou les parts insertion_share, ou alternant_share et alternant_growth",
                        );
                    }
                    unconditional
                }
            }
        };
    }
    if small && quota_given(c) {
        warn(
            warnings,
            "alternance_quota_ignored",
            format!("le seuil d'alternants ne concerne que les entreprises de 250 salariés ou plus ({headcount} indiqués) : ignoré"),
            "retirez alternance_quota et les parts, ou corrigez l'effectif",
        );
    }
    // D18: 8 000 € a year from the first day of the month after the 18th birthday.
    let from_18 = match rule.from_18 {
        Some(adult) if !aid_annual.is_zero() => {
            let birth = c.birth_date.ok_or_else(|| {
                Error::new(
                    ErrorKind::Missing,
                    Some("birth_date"),
                    "l'aide des contrats conclus en 2021 et 2022 dépend de l'âge de l'apprenti (5 000 € avant 18 ans, 8 000 € après) : indiquez sa date de naissance",
                )
            })?;
            Some((adult_rate_from(birth), adult))
        }
        _ => None,
    };
    let annual_on = |month: Date| match from_18 {
        Some((switch, adult)) if month >= switch => adult,
        _ => aid_annual,
    };
    // D17: the months of the first execution year, the year rounded once.
    let terms = AidTerms {
        contract: c,
        first_year: &input.years[0],
        planned_short: input.planned_short,
        policy,
        day_proration: &book.aid_day_proration,
        every_month_started: rule.every_month_started,
    };
    let ends = if aid_annual.is_zero() {
        (false, false)
    } else {
        first_year_proration(&terms, warnings)
    };
    let mut aid_years = Vec::with_capacity(input.years.len());
    if !aid_annual.is_zero() {
        aid_years.push(pay_months(
            &input.years[0],
            annual_on,
            ends,
            policy.per_month_rounding,
        ));
    }
    // D18: years 2 to 4 of the aide unique, under 250 employees at its levels.
    let later_level = rule.later_levels.contains(&level)
        || overseas_unique_level(c, level, book, &rule)
            .is_some_and(|top| rule.later_levels.contains(&top));
    if rule.modelled && small && later_level && !excluded {
        for (year, amount) in input.years.iter().skip(1).zip(&rule.later_years) {
            aid_years.push(pay_months(
                year,
                |_| *amount,
                (false, false),
                policy.per_month_rounding,
            ));
        }
    }
    let aid_of_year = |index: u32| -> Decimal {
        aid_years
            .iter()
            .filter(|y| y.months.first().is_some_and(|m| m.year == index))
            .map(|y| y.total)
            .sum()
    };
    if let Some((_, adult)) = from_18 {
        aid_annual = aid_annual.max(adult);
    }

    // D6332-93: maître d'apprentissage aid, at most 12 months, in the first months.
    let (tutor_rule, tutor_src) = book.tutor_aid.at(c.start).ok_or_else(|| {
        Error::new(
            ErrorKind::Data,
            None,
            "aide tutorale absente des paramètres",
        )
    })?;
    let tutor_total = match c.tutor_aid {
        Some(monthly) if monthly > Decimal::ZERO => {
            if monthly > tutor_rule.monthly_cap {
                warn(
                    warnings,
                    "tutor_aid_capped",
                    format!(
                        "aide au maître d'apprentissage de {} par mois plafonnée à {} ({})",
                        euros(monthly),
                        euros(tutor_rule.monthly_cap),
                        tutor_src.article
                    ),
                    "vérifiez le montant décidé par la branche",
                );
            }
            let mut months = 0u32;
            while months < tutor_rule.max_months
                && add_months(c.start, months as i32) <= c.effective_end()
            {
                months += 1;
            }
            cents(monthly.min(tutor_rule.monthly_cap) * Decimal::from(months))
        }
        _ => Decimal::ZERO,
    };

    // R11: salary by calendar month within each execution year.
    let (grid, _) = book.salary_grid.at(c.start).ok_or_else(|| {
        Error::new(
            ErrorKind::Data,
            None,
            "grille de salaire absente des paramètres",
        )
    })?;
    let offset = usize::from(c.cycle_year.unwrap_or(1) - 1);
    let floor = successive::salary_floor(c, warnings);
    let mut months = Vec::new();
    let mut smic_warned = false;
    let smic_checked = book.smic_monthly.last_checked();
    let mut below_minimum = false;
    let mut conventional_unknown = false;
    let related_points = if c.same_level_related_diploma {
        let (points, _) = book.related_diploma_points.at(c.signed_on).ok_or_else(|| {
            Error::new(
                ErrorKind::UnsupportedRegime,
                Some("same_level_related_diploma"),
                "la majoration de D6222-30 vaut pour les contrats conclus depuis le 1er avril 2020",
            )
        })?;
        if c.end > add_days(add_years(c.start, 1), -1) {
            return Err(Error::new(
                ErrorKind::Inconsistent,
                Some("same_level_related_diploma"),
                format!(
                    "D6222-30 : contrat d'un an au plus ; celui-ci va du {} au {}",
                    c.start, c.end
                ),
            ));
        }
        Some(points)
    } else {
        None
    };
    if let Some(conventional) = c.conventional_minimum {
        if conventional < Decimal::ZERO {
            return Err(Error::new(
                ErrorKind::OutOfRange,
                Some("conventional_minimum"),
                "le salaire minimum conventionnel ne peut pas être négatif",
            ));
        }
    }
    let smic_param = book.smic_of(c.territory);
    for (k, year) in input.years.iter().enumerate() {
        let mut index = (k + offset).min(2);
        if c.licence_pro {
            index = index.max(1);
        }
        for (from, to, month) in month_slices(year.start, year.end) {
            let (smic, to_confirm) =
                smic_param.value_and_to_confirm_at(month).ok_or_else(|| {
                    Error::new(
                        ErrorKind::UnsupportedRegime,
                        Some("start"),
                        format!("SMIC inconnu pour {month}"),
                    )
                })?;
            let smic = *smic;
            if (to_confirm || month > smic_checked) && !smic_warned {
                smic_warned = true;
                let reference = smic_param
                    .at(month)
                    .map(|(_, p)| p.reference)
                    .unwrap_or_default();
                warn(
                    warnings,
                    "smic_to_confirm",
                    format!(
                        "le SMIC d'un mois du contrat ({}) n'est pas vérifié : {} € retenus ({})",
                        month, smic, reference
                    ),
                    "vérifiez le SMIC en vigueur ; le salaire minimum suit chaque revalorisation",
                );
            }
            let (bracket, rates) = match c.birth_date.map(|b| age_on(b, add_days(month, -1).max(b)))
            {
                Some(age) if age >= 26 => ("from_26", &grid.from_26),
                Some(age) if age >= 21 => ("from_21", &grid.from_21),
                Some(age) if age >= 18 => ("from_18", &grid.from_18),
                _ => ("under_18", &grid.under_18),
            };
            let share =
                Decimal::from(days_inclusive(from, to)) / Decimal::from(days_in_month(month));
            let grid_rate = rates[index];
            // D6222-29: at least the previous contract's last-year rate, unless the grid gives more.
            let rate = floor.map_or(grid_rate, |f| grid_rate.max(f));
            // D26: from 21, a % of the conventional minimum when it is above the SMIC.
            let from_21 = matches!(bracket, "from_21" | "from_26");
            let reference = match c.conventional_minimum {
                Some(conventional) if from_21 => smic.max(conventional),
                _ => smic,
            };
            if from_21 && c.conventional_minimum.is_none() {
                conventional_unknown = true;
            }
            let mut full_month = rate * reference;
            // D6222-30: +15 points of the same reference, never above the SMIC (D6222-31).
            if let Some(points) = related_points {
                full_month = full_month.max(((grid_rate + points) * reference).min(smic));
            }
            let minimum = cents(full_month * share);
            let salary = match c.monthly_salary {
                Some(agreed) => {
                    let s = cents(agreed * share);
                    if c.birth_date.is_some() && s < minimum {
                        below_minimum = true;
                    }
                    s
                }
                None => minimum,
            };
            months.push(SalaryMonth {
                from,
                to,
                year: year.index,
                bracket,
                rate,
                previous_rate_floor: rate > grid_rate,
                smic: Money::from_decimal(smic),
                minimum: Money::from_decimal(minimum),
                salary: Money::from_decimal(salary),
                payroll: None,
            });
        }
    }
    if c.birth_date.is_none() {
        not_modelled
            .push("salaire minimum légal non vérifié : date de naissance non indiquée".to_owned());
    }
    if conventional_unknown {
        warn(
            warnings,
            "conventional_minimum_unknown",
            "à partir de 21 ans, le minimum de l'apprenti se calcule sur le salaire minimum conventionnel de l'emploi s'il dépasse le SMIC (D6222-26) : le SMIC est retenu".to_owned(),
            "indiquez le salaire minimum conventionnel (conventional_minimum) de la convention collective",
        );
    }
    if let Some(conventional) = c.conventional_minimum {
        if months.iter().all(|m| conventional <= m.smic.to_decimal())
            && months
                .iter()
                .any(|m| matches!(m.bracket, "from_21" | "from_26"))
        {
            warn(
                warnings,
                "conventional_minimum_unused",
                format!("le salaire minimum conventionnel indiqué ({}) ne dépasse pas le SMIC : le SMIC est retenu", euros(conventional)),
                "vérifiez le montant dans la convention collective",
            );
        }
    }
    if below_minimum {
        warn(
            warnings,
            "salary_below_minimum",
            "le salaire convenu est inférieur au minimum légal pour certains mois (D6222-26)".to_owned(),
            "le salaire d'un apprenti ne peut être inférieur au minimum ; le coût affiché suit le salaire saisi",
        );
    }

    let payroll = payroll::add_contributions(
        &mut months,
        c,
        headcount,
        input.contributions,
        input.detail,
        warnings,
        &mut not_modelled,
    )?;
    explanations.extend(payroll.explanations);
    let mut years = Vec::new();
    for (k, year) in input.years.iter().enumerate() {
        let salary: Money = months
            .iter()
            .filter(|m| m.year == year.index)
            .map(|m| m.salary)
            .sum();
        let aid = Money::from_decimal(
            aid_of_year(year.index) + if k == 0 { tutor_total } else { Decimal::ZERO },
        );
        let remaining_charge = year.employer
            + if k == 0 {
                input.participation
            } else {
                Money::ZERO
            };
        let of_year = || months.iter().filter(|m| m.year == year.index);
        let employer_contributions = payroll.modelled.then(|| {
            of_year()
                .filter_map(|m| m.payroll.as_ref())
                .map(|p| p.employer_contributions)
                .sum::<Money>()
        });
        let health_insurance = payroll.health_insurance.then(|| {
            of_year()
                .filter_map(|m| m.payroll.as_ref())
                .filter_map(|p| p.health_insurance_employer)
                .sum::<Money>()
        });
        years.push(NetYear {
            start: year.start,
            end: year.end,
            salary,
            aid,
            remaining_charge,
            employer_contributions,
            health_insurance,
            net: salary
                + employer_contributions.unwrap_or_default()
                + health_insurance.unwrap_or_default()
                + remaining_charge
                - aid,
        });
    }
    Ok(Some(NetCost {
        aid_total: Money::from_decimal(aid_years.iter().map(|y| y.total).sum()),
        aid_annual: Money::from_decimal(aid_annual),
        aid_reference,
        aid_months: aid_years.into_iter().flat_map(|y| y.months).collect(),
        tutor_aid_total: Money::from_decimal(tutor_total),
        salary_total: years.iter().map(|y| y.salary).sum(),
        employer_contributions_total: payroll
            .modelled
            .then(|| years.iter().filter_map(|y| y.employer_contributions).sum()),
        contribution_lines: payroll.lines,
        net_total: years.iter().map(|y| y.net).sum(),
        years,
        months,
        not_modelled,
    }))
}

/// D22, L6522-4 and D6522-2: overseas, a level above the aide unique's own but up to the overseas maximum
/// (5) is paid as the aide unique's highest level (4) of the same rule; `None` in the hexagone or outside.
fn overseas_unique_level(
    c: &Contract,
    level: u8,
    book: &EmployerBook,
    rule: &AidRule,
) -> Option<u8> {
    if !c.territory.is_overseas() {
        return None;
    }
    let (max, _) = book.overseas_aid_max_level.at(c.signed_on)?;
    let (unique, _) = book.aide_unique.at(c.signed_on)?;
    let top = unique
        .small
        .keys()
        .filter_map(|k| k.parse::<u8>().ok())
        .max()?;
    (level > top && level <= max && rule.small.contains_key(&top.to_string())).then_some(top)
}

impl<'de> Deserialize<'de> for SalaryMonth {
    fn deserialize<D: serde::Deserializer<'de>>(
        d: D,
    ) -> std::result::Result<SalaryMonth, D::Error> {
        SalaryMonthText::deserialize(d)?
            .try_into()
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[cfg(feature = "toml")]
    #[test]
    fn embedded_employer_parameters_parse() {
        let book = EmployerBook::from_toml(EMBEDDED_EMPLOYER_PARAMETERS).unwrap();
        assert_eq!(
            book.smic_on(date(2026, 5, 31)).unwrap().0.to_string(),
            "1823.03"
        );
        // The generated book, which `embedded` returns, says the same.
        assert_eq!(
            format!("{book:?}"),
            format!("{:?}", EmployerBook::embedded())
        );
    }

    #[test]
    fn month_slices_cut_at_both_ends() {
        let s = month_slices(date(2025, 9, 15), date(2025, 12, 8));
        assert_eq!(s.len(), 4);
        assert_eq!((s[0].0, s[0].1), (date(2025, 9, 15), date(2025, 9, 30)));
        assert_eq!((s[3].0, s[3].1), (date(2025, 12, 1), date(2025, 12, 8)));
    }

    #[test]
    fn age_counts_birthdays() {
        assert_eq!(age_on(date(2007, 3, 15), date(2025, 3, 14)), 17);
        assert_eq!(age_on(date(2007, 3, 15), date(2025, 3, 15)), 18);
    }
}
