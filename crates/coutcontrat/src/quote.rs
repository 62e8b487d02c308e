//! The quote: from one contract and a référentiel to every figure of the money flow, each explained.

use std::borrow::Cow;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::contract::{Contract, PriceBasis};
use crate::dates::{add_months, add_years, day_before, days_inclusive, ordinal};
use crate::error::{Error, ErrorKind, Result};
use crate::netcost::{net_cost, EmployerBook, NetCost, NetInput};
use crate::params::{Provenance, Regime, RuleBook, RuleSet};
use crate::referentiel::{AbsentReason, Referentiel, TableLookup};
use crate::schedule::{build_schedule, Instalment};
use crate::text::{
    cents, cents_of_product, euros, french_number, from_cents, prorate, prorate_cents, whole_cents,
    Prorated,
};

/// How a 366-day execution year is prorated (open question 1 of RULES.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LeapYear {
    /// D3: `days / length`, where length is 365 or 366: a full year pays exactly one NPEC (default).
    #[default]
    AnniversaryLength,
    /// `min(days, 365) / 365`.
    Capped365,
    /// `days / 365`, a full leap year paying 366/365 of the NPEC.
    Over365,
}

/// The project's reading of the texts where they leave a choice (RULES.md section 0), each a named option
/// so that an OPCO's other practice can be selected. `Policy::default()` is section 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Policy {
    /// D3: leap-year handling.
    pub leap_year: LeapYear,
    /// D7: the RQTH majoration is prorated like the NPEC (OCAPIAT's older practice: not prorated).
    pub rqth_prorated: bool,
    /// D5: apply the +10 % of a reduced contract under one year ("peut être majoré").
    pub short_contract_majoration: bool,
    /// D10: the OPCO's first-equipment forfait, when below the legal cap.
    pub equipment_forfait: Option<Decimal>,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            leap_year: LeapYear::AnniversaryLength,
            rqth_prorated: true,
            short_contract_majoration: true,
            equipment_forfait: None,
        }
    }
}

pub(crate) fn money<S: Serializer>(value: &Decimal, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&cents(*value).to_string())
}

/// Where the annual NPEC comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NpecSource {
    /// A row of a table version.
    Table,
    /// Given by the caller.
    Manual,
    /// The amorçage value of the level (D11), provisional.
    Amorcage,
}

/// The table row behind a NPEC. Its texts are borrowed from the référentiel (a quote allocates no copy of
/// them); [`Quote::into_owned`] makes a quote that outlives it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowRef<'a> {
    /// The certification cell as published.
    pub rncp_cell: Cow<'a, str>,
    /// The certification label.
    pub label: Cow<'a, str>,
    /// The sheet of the official workbook.
    pub sheet: Cow<'a, str>,
    /// Its line in that sheet, when known.
    pub line: Option<u32>,
    /// The date the row applies from.
    pub applicable_from: Date,
}

/// The distance minoration, when applied.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Minoration {
    /// The share of teaching at distance.
    pub share: Decimal,
    /// The NPEC before.
    #[serde(serialize_with = "money")]
    pub before: Decimal,
    /// The NPEC after (never below the floor, unless it already was).
    #[serde(serialize_with = "money")]
    pub after: Decimal,
}

/// The annual NPEC used and its provenance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NpecUsed<'a> {
    /// The annual NPEC after the distance minoration, before proration and the +10 % (D5).
    #[serde(serialize_with = "money")]
    pub annual: Decimal,
    /// The NPEC as found (table, manual or amorçage), before the minoration.
    #[serde(serialize_with = "money")]
    pub base: Decimal,
    /// Where it comes from.
    pub source: NpecSource,
    /// The table version, for a table NPEC.
    pub table_version: Option<Cow<'a, str>>,
    /// The row's status (`A`, `CPNE`, `R`…), for a table NPEC.
    pub status: Option<Cow<'a, str>>,
    /// True for an amorçage value, to be regularised (D6332-80).
    pub provisional: bool,
    /// The CPNE used, when a table was consulted.
    pub cpne: Option<u32>,
    /// Its label.
    pub cpne_label: Option<Cow<'a, str>>,
    /// The row, for a table NPEC.
    pub row: Option<RowRef<'a>>,
    /// True when the table version is synthetic (never real amounts).
    pub synthetic: bool,
    /// The distance minoration, when applied.
    pub minoration: Option<Minoration>,
}

/// One execution year.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    #[serde(serialize_with = "money")]
    pub npec: Decimal,
    /// Prorated (or allocated) CFA price.
    #[serde(serialize_with = "money")]
    pub price: Decimal,
    /// What the OPCO pays for teaching: min(price, NPEC).
    #[serde(serialize_with = "money")]
    pub opco: Decimal,
    /// What remains for the employer: price − OPCO.
    #[serde(serialize_with = "money")]
    pub employer: Decimal,
    /// The RQTH majoration line, paid by the OPCO outside the price cap.
    #[serde(serialize_with = "money")]
    pub rqth: Decimal,
}

/// Days in a CFA before the contract (D14).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrecontractLine {
    /// First day in the CFA.
    pub from: Date,
    /// Last day counted.
    pub to: Date,
    /// Days counted.
    pub days: i64,
    /// NPEC × days / 365.
    #[serde(serialize_with = "money")]
    pub amount: Decimal,
}

/// Which participation applies (D8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipationKind {
    /// None (level under 6, or concluded before 2025-07-01).
    None,
    /// The lump sum (750 €).
    LumpSum,
    /// A rupture during the probation: 50 % of the prorated NPEC, within the lump sum.
    Probation,
    /// A new contract with another employer after a rupture (200 €).
    NewEmployer,
}

/// Frais annexes (D10).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnnexesLine {
    /// Accommodation.
    #[serde(serialize_with = "money")]
    pub nights: Decimal,
    /// Meals.
    #[serde(serialize_with = "money")]
    pub meals: Decimal,
    /// First equipment, capped.
    #[serde(serialize_with = "money")]
    pub first_equipment: Decimal,
    /// Their sum.
    #[serde(serialize_with = "money")]
    pub total: Decimal,
}

/// Totals of the quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Totals {
    /// Sum of the NPEC lines.
    #[serde(serialize_with = "money")]
    pub npec: Decimal,
    /// Sum of the price lines.
    #[serde(serialize_with = "money")]
    pub price: Decimal,
    /// What the OPCO pays for teaching (years and pre-contract days) after the participation, ≥ 0.
    #[serde(serialize_with = "money")]
    pub opco: Decimal,
    /// The employer's remaining charge, participation included.
    #[serde(serialize_with = "money")]
    pub employer: Decimal,
    /// Sum of the RQTH lines.
    #[serde(serialize_with = "money")]
    pub rqth: Decimal,
    /// Frais annexes.
    #[serde(serialize_with = "money")]
    pub annexes: Decimal,
    /// Everything the OPCO pays the CFA: teaching, RQTH and frais annexes.
    #[serde(serialize_with = "money")]
    pub opco_all: Decimal,
}

/// A warning: the quote stands, but something deserves attention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// Stable code (`amorcage`, `duration_over_max`…).
    pub code: &'static str,
    /// What it is about.
    pub message: String,
    /// What to do.
    pub hint: String,
}

/// A rule used, with its article and the text behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The decision of RULES.md section 0 (`D3`) or the parameter name.
    pub rule: String,
    /// What it decides.
    pub title: String,
    /// The article of the Code du travail.
    pub article: String,
    /// The text and its date.
    pub reference: String,
}

/// How one figure was computed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// The figure, as a path in the JSON output (`years[0].npec`, `participation`).
    pub figure: String,
    /// The decision of RULES.md section 0.
    pub rule: &'static str,
    /// The article.
    pub article: String,
    /// The computation with its numbers, in French.
    pub text: String,
}

/// The quote of one contract. It borrows the texts of its provenance from the référentiel and the rule
/// book it was computed with; [`Quote::into_owned`] detaches it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote<'a> {
    /// The annual NPEC and where it comes from.
    pub npec: NpecUsed<'a>,
    /// Daily or monthly proration.
    pub regime: Regime,
    /// The rule set in force (`daily-2025-07-01`).
    pub rule_set: Cow<'a, str>,
    /// The certification level used.
    pub level: Option<u8>,
    /// One line per execution year.
    pub years: Vec<YearLine>,
    /// Days in a CFA before the contract.
    pub precontract: Option<PrecontractLine>,
    /// The employer participation, deducted from the OPCO's first payment.
    #[serde(serialize_with = "money")]
    pub participation: Decimal,
    /// Which participation.
    pub participation_kind: ParticipationKind,
    /// Frais annexes.
    pub annexes: AnnexesLine,
    /// Totals.
    pub totals: Totals,
    /// The OPCO's payments to the CFA.
    pub schedule: Vec<Instalment>,
    /// Warnings, with hints.
    pub warnings: Vec<Warning>,
    /// The rules and articles used.
    pub sources: Vec<Source>,
    /// How each figure was computed.
    pub explanations: Vec<Explanation>,
    /// The employer's whole cost (salary, aids), when a birth date or an agreed salary is given.
    pub net_cost: Option<NetCost>,
}

fn owned(text: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(text.into_owned())
}

impl RowRef<'_> {
    /// The row with its texts copied.
    pub fn into_owned(self) -> RowRef<'static> {
        RowRef {
            rncp_cell: owned(self.rncp_cell),
            label: owned(self.label),
            sheet: owned(self.sheet),
            line: self.line,
            applicable_from: self.applicable_from,
        }
    }
}

impl NpecUsed<'_> {
    /// The provenance with its texts copied.
    pub fn into_owned(self) -> NpecUsed<'static> {
        NpecUsed {
            table_version: self.table_version.map(owned),
            status: self.status.map(owned),
            cpne_label: self.cpne_label.map(owned),
            row: self.row.map(RowRef::into_owned),
            annual: self.annual,
            base: self.base,
            source: self.source,
            provisional: self.provisional,
            cpne: self.cpne,
            synthetic: self.synthetic,
            minoration: self.minoration,
        }
    }
}

impl Quote<'_> {
    /// The quote with the texts it borrows copied, to keep it after the référentiel or the rule book is
    /// gone (a page's state, a cache).
    pub fn into_owned(self) -> Quote<'static> {
        Quote {
            npec: self.npec.into_owned(),
            rule_set: owned(self.rule_set),
            regime: self.regime,
            level: self.level,
            years: self.years,
            precontract: self.precontract,
            participation: self.participation,
            participation_kind: self.participation_kind,
            annexes: self.annexes,
            totals: self.totals,
            schedule: self.schedule,
            warnings: self.warnings,
            sources: self.sources,
            explanations: self.explanations,
            net_cost: self.net_cost,
        }
    }
}

/// The sums of the year lines, in cents, kept while the lines are made (cheaper than reading them back).
#[derive(Default)]
struct LineSums {
    npec: i64,
    price: i64,
    opco: i64,
    employer: i64,
    rqth: i64,
}

impl LineSums {
    fn add(&mut self, npec: i64, price: i64, opco: i64, rqth: i64) {
        self.npec += npec;
        self.price += price;
        self.opco += opco;
        self.employer += price - opco;
        self.rqth += rqth;
    }
}

/// Computes quotes with a rule book, a référentiel and a policy.
///
/// ```
/// use coutcontrat::{Contract, Quoter, Referentiel};
/// use jiff::civil::date;
/// let referentiel = Referentiel::default();
/// let contract = Contract::new(date(2025, 8, 15), date(2025, 9, 1), date(2027, 2, 28), "9000".parse().unwrap())
///     .with_manual_npec("7000".parse().unwrap())
///     .with_level(6);
/// let quote = Quoter::new(&referentiel).quote(&contract).unwrap();
/// assert_eq!(quote.totals.npec.to_string(), "10471.23");
/// assert_eq!(quote.totals.opco.to_string(), "9721.23");
/// assert_eq!(quote.totals.employer.to_string(), "3741.78");
/// ```
#[derive(Debug, Clone)]
pub struct Quoter<'a> {
    rules: &'a RuleBook,
    employer: &'a EmployerBook,
    referentiel: &'a Referentiel,
    policy: Policy,
    detail: bool,
}

/// Quotes one contract with the embedded parameters and the default policy.
pub fn quote<'a>(contract: &Contract, referentiel: &'a Referentiel) -> Result<Quote<'a>> {
    Quoter::new(referentiel).quote(contract)
}

struct Ctx<'c> {
    contract: &'c Contract,
    rules: &'c RuleSet,
    /// The contract as stipulated (start to planned end) lasts under one year: it decides the +10 % of D5
    /// and the payment terms of D13 (R6332-25 IV); a rupture only shortens what is due.
    planned_short: bool,
    /// The first anniversary of the start, read by D5's +10 % and by the first execution year.
    first_anniversary: Date,
    detail: bool,
    warnings: Vec<Warning>,
    explanations: Vec<Explanation>,
    sources: Vec<Source>,
}

impl Ctx<'_> {
    fn warn(&mut self, code: &'static str, message: String, hint: impl Into<String>) {
        self.warnings.push(Warning {
            code,
            message,
            hint: hint.into(),
        });
    }

    fn explain(
        &mut self,
        figure: impl Into<String>,
        rule: &'static str,
        article: &str,
        text: String,
    ) {
        self.explanations.push(Explanation {
            figure: figure.into(),
            rule,
            article: article.to_owned(),
            text,
        });
    }

    fn cite(&mut self, rule: &str, title: &str, p: &Provenance) {
        if !self.detail || self.sources.iter().any(|s| s.rule == rule) {
            return;
        }
        self.sources.push(Source {
            rule: rule.to_owned(),
            title: title.to_owned(),
            article: p.article.clone(),
            reference: p.reference.clone(),
        });
    }
}

/// Builds an explanation's text only when the quoter keeps details.
macro_rules! explain {
    ($ctx:expr, $figure:expr, $rule:expr, $article:expr, $text:expr $(,)?) => {
        if $ctx.detail {
            let text = $text;
            $ctx.explain($figure, $rule, $article, text);
        }
    };
}

fn out_of_range(field: &str, message: String) -> Error {
    Error::new(ErrorKind::OutOfRange, Some(field), message)
}

fn inconsistent(field: &str, message: String) -> Error {
    Error::new(ErrorKind::Inconsistent, Some(field), message)
}

fn check_year(d: Date, field: &str) -> Result<()> {
    if (1900..=2200).contains(&d.year()) {
        Ok(())
    } else {
        Err(out_of_range(
            field,
            format!("{d} : l'année doit être comprise entre 1900 et 2200"),
        ))
    }
}

/// `value > 0`, without a decimal comparison.
fn is_positive(value: Decimal) -> bool {
    value.is_sign_positive() && !value.is_zero()
}

fn check_not_negative(value: Option<Decimal>, field: &str, what: &str) -> Result<()> {
    match value {
        Some(v) if v.is_sign_negative() && !v.is_zero() => Err(out_of_range(
            field,
            format!("{what} ne peut pas être négatif ({v}) : indiquez 0 ou un montant positif"),
        )),
        _ => Ok(()),
    }
}

/// 10⁹ € as a mantissa of each scale a `Decimal` can have (0 to 28).
const AMOUNT_LIMITS: [u128; 29] = {
    let mut limits = [1_000_000_000u128; 29];
    let mut scale = 1;
    while scale < 29 {
        limits[scale] = limits[scale - 1] * 10;
        scale += 1;
    }
    limits
};

/// D16: every refusal, each naming its field.
fn validate<'b>(c: &Contract, rules_book: &'b RuleBook) -> Result<&'b RuleSet> {
    for (d, f) in [
        (c.signed_on, "signed_on"),
        (c.start, "start"),
        (c.end, "end"),
    ] {
        check_year(d, f)?;
    }
    if let Some(d) = c.rupture_on {
        check_year(d, "rupture_on")?;
    }
    if let Some(d) = c.cfa_entry_on {
        check_year(d, "cfa_entry_on")?;
    }
    if let Some(level) = c.level {
        if !(3..=8).contains(&level) {
            return Err(out_of_range(
                "level",
                format!(
                    "niveau {level} : le niveau de la certification va de 3 (CAP) à 8 (doctorat)"
                ),
            ));
        }
    }
    // Found by fuzzing: amounts beyond any real contract would overflow the decimal arithmetic.
    for (value, field) in [
        (Some(c.price), "price"),
        (c.npec, "npec"),
        (c.rqth_majoration, "rqth_majoration"),
        (Some(c.annexes.first_equipment), "annexes.first_equipment"),
        (c.monthly_salary, "monthly_salary"),
        (c.tutor_aid, "tutor_aid"),
    ] {
        // |v| > 10⁹ on the integer mantissa: cheaper than a decimal comparison at every quote.
        if let Some(v) =
            value.filter(|v| v.mantissa().unsigned_abs() > AMOUNT_LIMITS[v.scale() as usize])
        {
            return Err(out_of_range(
                field,
                format!("{v} : montant hors de toute mesure (1 000 000 000 € au plus)"),
            ));
        }
    }
    check_not_negative(Some(c.price), "price", "le prix du CFA")?;
    check_not_negative(c.npec, "npec", "le NPEC")?;
    check_not_negative(c.rqth_majoration, "rqth_majoration", "la majoration RQTH")?;
    check_not_negative(
        Some(c.annexes.first_equipment),
        "annexes.first_equipment",
        "le coût du premier équipement",
    )?;
    if let Some(share) = c.distance_share {
        if share < Decimal::ZERO || share > Decimal::ONE {
            return Err(out_of_range(
                "distance_share",
                format!("{share} : la part à distance est une fraction de 0 à 1 (0.8 pour 80 %)"),
            ));
        }
    }
    let rules = rules_book.rules_ref(c.signed_on)?;
    if c.end < c.start {
        return Err(inconsistent(
            "end",
            format!(
                "la date de fin ({}) précède la date de début ({}) : vérifiez les deux dates",
                c.end, c.start
            ),
        ));
    }
    if let Some(r) = c.rupture_on {
        if r < c.start || r > c.end {
            return Err(inconsistent(
                "rupture_on",
                format!(
                    "la rupture ({r}) doit tomber entre le début ({}) et la fin prévue ({}) du contrat",
                    c.start, c.end
                ),
            ));
        }
    } else if c.rupture_during_probation {
        return Err(Error::new(
            ErrorKind::Missing,
            Some("rupture_on"),
            "une rupture pendant la période probatoire demande la date de rupture (`rupture_on`)",
        ));
    }
    if let Some(entry) = c.cfa_entry_on {
        let earliest = add_months(c.start, -rules.precontract.max_months);
        if entry > c.start {
            return Err(inconsistent(
                "cfa_entry_on",
                format!(
                    "l'entrée en CFA avant le contrat ({entry}) ne peut pas suivre le début du contrat ({})",
                    c.start
                ),
            ));
        }
        if entry < earliest {
            return Err(out_of_range(
                "cfa_entry_on",
                format!(
                    "l'entrée en CFA ({entry}) précède le début ({}) de plus de {} mois (L6222-12-1) : au plus tôt le {earliest}",
                    c.start, rules.precontract.max_months
                ),
            ));
        }
    }
    Ok(rules)
}

impl<'a> Quoter<'a> {
    /// A quoter with the embedded parameters and the default policy (RULES.md section 0).
    pub fn new(referentiel: &'a Referentiel) -> Quoter<'a> {
        Quoter {
            rules: RuleBook::embedded(),
            employer: EmployerBook::embedded(),
            referentiel,
            policy: Policy::default(),
            detail: true,
        }
    }

    /// Leaves out the explanations and sources (the figures and warnings stay): for batch work where
    /// nobody reads the "how is this computed?" text.
    pub fn without_details(mut self) -> Quoter<'a> {
        self.detail = false;
        self
    }

    /// Uses another policy.
    pub fn with_policy(mut self, policy: Policy) -> Quoter<'a> {
        self.policy = policy;
        self
    }

    /// Uses other parameters for the employer's cost.
    pub fn with_employer_rules(mut self, book: &'a EmployerBook) -> Quoter<'a> {
        self.employer = book;
        self
    }

    /// Uses other parameters.
    pub fn with_rules(mut self, rules: &'a RuleBook) -> Quoter<'a> {
        self.rules = rules;
        self
    }

    /// The quote of one contract, or the first problem with it.
    pub fn quote(&self, contract: &Contract) -> Result<Quote<'a>> {
        let rules = validate(contract, self.rules)?;
        let first_anniversary = add_years(contract.start, 1);
        let mut ctx = Ctx {
            contract,
            rules,
            planned_short: contract.end < day_before(first_anniversary),
            first_anniversary,
            detail: self.detail,
            warnings: Vec::new(),
            explanations: Vec::new(),
            sources: Vec::new(),
        };
        let c = contract;
        let regime = rules.regime;
        let regime_src = &rules.sources.regime;
        ctx.cite("D1", "Régime selon la date de conclusion", regime_src);

        let level_needed = |why: &str| {
            Error::new(
                ErrorKind::Missing,
                Some("level"),
                format!("le niveau de la certification (3 à 8) est nécessaire : {why}"),
            )
        };
        if rules.participation.applies && c.level.is_none() {
            return Err(level_needed(
                "il décide de la participation de l'employeur (niveau 6 et plus, contrats conclus depuis le 1er juillet 2025)",
            ));
        }

        // D11, D12: the annual NPEC.
        let mut npec = self.base_npec(&mut ctx)?;
        let base = npec.base;

        // D5, R2b: distance minoration.
        let mut annual = base;
        if let Some(share) = c.distance_share {
            let d = &rules.distance;
            let exempt = c
                .rncp
                .as_ref()
                .is_some_and(|r| rules.distance_exemptions.rncp.contains(r));
            if d.applies && share >= d.threshold && !exempt {
                annual = (base * (Decimal::ONE - d.rate)).max(base.min(d.floor));
                let src = &rules.sources.distance;
                ctx.cite("D5", "Minoration pour enseignement à distance", src);
                explain!(
                ctx,
                    "npec.annual",
                    "D5",
                    &src.article,
                    format!(
                        "{} % d'enseignement à distance (seuil {} %) : {} × (1 − {}) = {}, jamais sous {} (sauf NPEC déjà inférieur) → {}",
                        french_number((share * Decimal::from(100)).normalize()),
                        french_number((d.threshold * Decimal::from(100)).normalize()),
                        euros(base),
                        french_number(d.rate),
                        euros(base * (Decimal::ONE - d.rate)),
                        euros(d.floor),
                        euros(annual)
                    ),
                );
                npec.minoration = Some(Minoration {
                    share,
                    before: base,
                    after: annual,
                });
                if !rules.distance_exemptions.complete {
                    let reference = &rules.sources.distance_exemptions.reference;
                    ctx.warn(
                        "distance_exemptions_unknown",
                        format!(
                            "la minoration de 20 % est appliquée, mais la liste des certifications exemptées n'est pas encore saisie ({reference})"
                        ),
                        "vérifiez que la certification ne figure pas dans l'arrêté du 26 novembre 2025 ; si elle y figure, ne déclarez pas d'enseignement à distance",
                    );
                }
            }
        }
        npec.annual = annual;

        let (years, sums) = self.years(&mut ctx, annual)?;
        let level = c.level;

        // D14: days in a CFA before the contract.
        let precontract = c.cfa_entry_on.map(|entry| {
            let last = day_before(c.start.min(c.signed_on));
            let days = if last >= entry {
                days_inclusive(entry, last)
            } else {
                0
            };
            let amount = prorate(annual, days, i64::from(rules.precontract.days_per_year));
            let src = &rules.sources.precontract;
            ctx.cite("D14", "Période en CFA avant le contrat", src);
            explain!(
                ctx,
                "precontract.amount",
                "D14",
                &src.article,
                format!(
                    "{days} jours en CFA du {entry} au {last} : {} × {days} / {} = {}",
                    euros(annual),
                    rules.precontract.days_per_year,
                    euros(amount)
                ),
            );
            PrecontractLine {
                from: entry,
                to: last,
                days,
                amount,
            }
        });

        // D8: participation.
        let (participation, participation_kind) = self.participation(&mut ctx, annual, &years)?;

        // D10: frais annexes.
        let annexes = self.annexes(&mut ctx)?;

        // Totals (D8, D9).
        let pre = precontract.as_ref().map_or(Decimal::ZERO, |p| p.amount);
        let years_opco = from_cents(sums.opco);
        let years_rqth = from_cents(sums.rqth);
        let years_employer = from_cents(sums.employer);
        let teaching = years_opco + pre;
        let opco = (teaching - participation).max(Decimal::ZERO);
        if participation > teaching {
            ctx.warn(
                "participation_exceeds_opco",
                format!(
                    "la participation ({}) dépasse ce que l'OPCO verse pour l'enseignement ({}) : l'OPCO ne verse rien à ce titre",
                    euros(participation),
                    euros(teaching)
                ),
                "vérifiez le prix du CFA : un prix si bas est inhabituel",
            );
        }
        let totals = Totals {
            npec: from_cents(sums.npec),
            price: from_cents(sums.price),
            opco,
            employer: years_employer + participation,
            rqth: years_rqth,
            annexes: annexes.total,
            opco_all: opco + years_rqth + annexes.total,
        };
        explain!(
                ctx,
            "totals.opco",
            "D8",
            "R6332-25 III ; R6332-25-1",
            format!(
                "somme des montants OPCO des années ({}) + période préalable ({}) − participation ({}) = {}",
                euros(years_opco),
                euros(pre),
                euros(participation),
                euros(opco)
            ),
        );
        explain!(
            ctx,
            "totals.employer",
            "D6",
            "R6332-25 ; R6332-25-1",
            format!(
                "prix au-delà du NPEC ({}) + participation ({}) = {}",
                euros(years_employer),
                euros(participation),
                euros(totals.employer)
            ),
        );

        // D13: schedule.
        let schedule_src = &rules.sources.schedule;
        ctx.cite("D13", "Échéancier des versements de l'OPCO", schedule_src);
        let schedule = build_schedule(
            &rules.schedule,
            &years,
            pre,
            participation.min(teaching),
            annexes.total,
            ctx.planned_short,
            c.effective_end(),
        );

        self.duration_warnings(&mut ctx);
        let net_cost = net_cost(
            NetInput {
                contract: c,
                years: &years,
                participation,
            },
            self.employer,
            &mut ctx.warnings,
        )?;

        Ok(Quote {
            npec,
            regime,
            rule_set: Cow::Borrowed(&rules.id),
            level,
            years,
            precontract,
            participation,
            participation_kind,
            annexes,
            totals,
            schedule,
            warnings: ctx.warnings,
            sources: ctx.sources,
            explanations: ctx.explanations,
            net_cost,
        })
    }

    fn base_npec(&self, ctx: &mut Ctx) -> Result<NpecUsed<'a>> {
        let rules = ctx.rules;
        let c = ctx.contract;
        let empty = |base: Decimal, source: NpecSource| NpecUsed {
            annual: base,
            base,
            source,
            table_version: None,
            status: None,
            provisional: source == NpecSource::Amorcage,
            cpne: None,
            cpne_label: None,
            row: None,
            synthetic: false,
            minoration: None,
        };
        if let Some(manual) = c.npec {
            explain!(
                ctx,
                "npec.base",
                "D12",
                "D6332-78",
                format!("NPEC annuel saisi : {}", euros(manual)),
            );
            return Ok(empty(manual, NpecSource::Manual));
        }
        let Some(rncp) = c.rncp.as_deref() else {
            return Err(Error::new(
                ErrorKind::Missing,
                Some("rncp"),
                "indiquez le code RNCP de la certification (RNCP34826), ou un NPEC annuel (`npec`)",
            ));
        };
        let (reason, cpne) = if let Some(rows) = self.referentiel.rows_of(rncp) {
            let cpne = self.referentiel.resolve_cpne(c.idcc, c.cpne, c.signed_on)?;
            match self.referentiel.lookup_in(rows, cpne, c.signed_on) {
                TableLookup::Found(found) => {
                    let label = self.referentiel.cpne_label(cpne);
                    explain!(
                ctx,
                        "npec.base",
                        "D12",
                        "D6332-78 ; R6332-25",
                        format!(
                            "référentiel {} : {} × CPNE {}{} = {} (statut {}, applicable aux contrats conclus depuis le {}, onglet « {} »{})",
                            found.version,
                            rncp,
                            cpne,
                            label.map(|l| format!(" ({l})")).unwrap_or_default(),
                            euros(found.amount),
                            if found.row.status.is_empty() { "non précisé" } else { &found.row.status },
                            found.applicable_from,
                            found.row.origin.sheet,
                            found.row.origin.line.map(|l| format!(", ligne {l}")).unwrap_or_default()
                        ),
                    );
                    if let Some(other) = found.tie_with {
                        ctx.warn(
                            "table_tie",
                            format!(
                                "la version {} donne deux montants pour {} × CPNE {} : {} et {} ; le plus élevé est retenu",
                                found.version,
                                rncp,
                                cpne,
                                euros(found.amount),
                                euros(other)
                            ),
                            "vérifiez auprès de l'OPCO le montant qu'il applique",
                        );
                    }
                    if found.synthetic {
                        ctx.warn(
                            "synthetic_table",
                            format!("le référentiel {} est synthétique : ses montants ne sont pas réels", found.version),
                            "importez le référentiel officiel de France compétences",
                        );
                    }
                    let row = found.row;
                    return Ok(NpecUsed {
                        table_version: Some(Cow::Borrowed(found.version)),
                        status: Some(Cow::Borrowed(row.status.as_str())).filter(|s| !s.is_empty()),
                        cpne: Some(cpne),
                        cpne_label: label.map(Cow::Borrowed),
                        row: Some(RowRef {
                            rncp_cell: Cow::Borrowed(&row.rncp_cell),
                            label: Cow::Borrowed(&row.label),
                            sheet: Cow::Borrowed(&row.origin.sheet),
                            line: found.row.origin.line,
                            applicable_from: found.applicable_from,
                        }),
                        synthetic: found.synthetic,
                        ..empty(found.amount, NpecSource::Table)
                    });
                }
                TableLookup::Absent(reason) => (reason, Some(cpne)),
            }
        } else {
            (AbsentReason::NotInTable, None)
        };
        // D11: amorçage.
        let Some(level) = c.level else {
            return Err(Error::new(
                ErrorKind::Missing,
                Some("level"),
                format!(
                    "{rncp} n'a pas de NPEC applicable : la valeur d'amorçage dépend du niveau de la certification (3 à 8), indiquez-le"
                ),
            ));
        };
        let value = ctx
            .rules
            .amorcage
            .get(&level.to_string())
            .copied()
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::Data,
                    Some("level"),
                    format!("pas de valeur d'amorçage pour le niveau {level}"),
                )
            })?;
        let src = &rules.sources.amorcage;
        ctx.cite("D11", "Valeur d'amorçage", src);
        let why = match &reason {
            AbsentReason::NotInTable => format!("{rncp} ne figure dans aucune version du référentiel chargé"),
            AbsentReason::NoRowForBranch { cpne } => format!(
                "{rncp} figure au référentiel, mais sans ligne pour la CPNE {cpne} applicable à un contrat conclu le {}",
                c.signed_on
            ),
            AbsentReason::NotDefined { cpne, version, raw } => format!(
                "le référentiel {version} indique « {raw} » pour {rncp} × CPNE {cpne} (pas de valeur définie)"
            ),
        };
        ctx.warn(
            "amorcage",
            format!(
                "{why} : la valeur d'amorçage du niveau {level} ({}) est retenue, à titre provisoire",
                euros(value)
            ),
            "l'OPCO régularise quand le NPEC est publié (D6332-80) ; importez le référentiel le plus récent pour vérifier",
        );
        if src.to_confirm {
            ctx.warn(
                "amorcage_to_confirm",
                format!(
                    "valeur d'amorçage à confirmer pour un contrat conclu le {} : {}",
                    c.signed_on, src.reference
                ),
                "vérifiez l'arrêté d'amorçage en vigueur à la date de conclusion",
            );
        }
        explain!(
            ctx,
            "npec.base",
            "D11",
            &src.article,
            format!(
                "{why} : valeur d'amorçage du niveau {level} = {} ({})",
                euros(value),
                src.reference
            ),
        );
        Ok(NpecUsed {
            cpne,
            cpne_label: cpne.and_then(|c| self.referentiel.cpne_label(c).map(Cow::Borrowed)),
            ..empty(value, NpecSource::Amorcage)
        })
    }

    /// D2–D7, D9: the execution years and their lines.
    fn years(&self, ctx: &mut Ctx, annual: Decimal) -> Result<(Vec<YearLine>, LineSums)> {
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
            let npec_line = if short {
                let exact = annual * Decimal::from(num) / Decimal::from(den);
                whole_cents((exact * (Decimal::ONE + rules.short_contract_majoration)).min(annual))
            } else {
                annual_prorated.cents(num, den)
            };
            let rqth_line = match rqth {
                Some(m) if self.policy.rqth_prorated => prorate_cents(m, num, den),
                Some(m) => whole_cents(m),
                None => 0,
            };
            // A total price is allocated below, once every NPEC line is known.
            let (price_line, opco_line) = match c.price_basis {
                PriceBasis::Annual => {
                    let price = price_prorated.cents(num, den);
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
                npec: from_cents(npec_line),
                price: from_cents(price_line),
                opco: from_cents(opco_line),
                employer: from_cents(price_line - opco_line),
                rqth: from_cents(rqth_line),
            });
            sums.add(npec_line, price_line, opco_line, rqth_line);
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
                let total_npec: Decimal = lines.iter().map(|y| y.npec).sum();
                let opco_total = c.price.min(total_npec);
                let weights: Vec<Decimal> = lines.iter().map(|y| y.npec).collect();
                let opco = allocate(opco_total, &weights);
                let employer = allocate(c.price - opco_total, &weights);
                sums = LineSums::default();
                for (y, (o, e)) in lines.iter_mut().zip(opco.into_iter().zip(employer)) {
                    y.opco = o;
                    y.employer = e;
                    y.price = o + e;
                    sums.add(
                        whole_cents(y.npec),
                        whole_cents(y.price),
                        whole_cents(o),
                        whole_cents(y.rqth),
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

    fn participation(
        &self,
        ctx: &mut Ctx,
        annual: Decimal,
        years: &[YearLine],
    ) -> Result<(Decimal, ParticipationKind)> {
        let rules = ctx.rules;
        let c = ctx.contract;
        let p = &rules.participation;
        let level = c.level.unwrap_or(0);
        if !p.applies || level < p.min_level {
            return Ok((Decimal::ZERO, ParticipationKind::None));
        }
        let src = &rules.sources.participation;
        ctx.cite("D8", "Participation de l'employeur", src);
        let lump = if c.after_rupture_new_employer {
            p.new_employer_lump_sum
        } else {
            p.lump_sum
        };
        if c.rupture_during_probation {
            let rupture = c.rupture_on.unwrap_or(c.end);
            let days = days_inclusive(c.start, rupture);
            let first = &years[0];
            let (num, den) = match self.policy.leap_year {
                LeapYear::AnniversaryLength => (days, first.length),
                LeapYear::Capped365 => (days.min(365), 365),
                LeapYear::Over365 => (days, 365),
            };
            let half = cents(p.probation_share * annual * Decimal::from(num) / Decimal::from(den));
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
        let kind = if c.after_rupture_new_employer {
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
                if c.after_rupture_new_employer { " (nouveau contrat avec un autre employeur après une rupture, L6222-18-2)" } else { " forfaitaires" }
            ),
        );
        Ok((lump, kind))
    }

    fn annexes(&self, ctx: &mut Ctx) -> Result<AnnexesLine> {
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
            nights,
            meals,
            first_equipment: equipment,
            total,
        })
    }

    fn duration_warnings(&self, ctx: &mut Ctx) {
        let rules = ctx.rules;
        let c = ctx.contract;
        let limits = &rules.duration_limits;
        let rqth = c.has_rqth();
        let max_years = if rqth {
            limits.max_years_rqth
        } else {
            limits.max_years
        };
        let article = &rules.sources.duration_limits.article;
        // After the eve of the last anniversary allowed, that is on or after that anniversary.
        if c.end >= add_years(c.start, i32::from(max_years)) {
            ctx.warn(
                "duration_over_max",
                format!(
                    "le contrat ({} → {}) dépasse {max_years} ans, la durée maximale{} ({article})",
                    c.start,
                    c.end,
                    if rqth { " pour un apprenti RQTH" } else { "" }
                ),
                "vérifiez la date de fin ; chaque année d'exécution est tout de même chiffrée",
            );
        }
        // Before the eve of the shortest end allowed, counted in days.
        if ordinal(c.end) < ordinal(add_months(c.start, limits.min_months)) - 1 {
            ctx.warn(
                "duration_under_min",
                format!(
                    "le contrat ({} → {}) dure moins de {} mois, la durée minimale ({article})",
                    c.start, c.end, limits.min_months
                ),
                "vérifiez les dates ; un contrat plus court n'est possible que dans les cas prévus par L6222-7-1",
            );
        }
        if c.signed_on > c.start {
            ctx.warn(
                "signed_after_start",
                format!("le contrat est conclu ({}) après son début ({})", c.signed_on, c.start),
                "c'est la date de conclusion qui choisit les règles et la ligne du référentiel : vérifiez-la",
            );
        }
    }
}

/// Splits `total` (in cents) between lines in proportion to `weights`, by largest remainders: every share is
/// a whole number of cents, none is negative, and they add up to `total` exactly.
pub fn allocate(total: Decimal, weights: &[Decimal]) -> Vec<Decimal> {
    let n = weights.len();
    if n == 0 {
        return Vec::new();
    }
    let cent = Decimal::new(1, 2);
    let total_cents = (cents(total) / cent).trunc();
    let sum: Decimal = weights.iter().copied().sum();
    if sum.is_zero() {
        let mut out = vec![Decimal::ZERO; n];
        out[n - 1] = cents(total);
        return out;
    }
    let exact: Vec<Decimal> = weights.iter().map(|w| total_cents * *w / sum).collect();
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
    shares.into_iter().map(|s| cents(s * cent)).collect()
}
