//! Dated legal parameters (`data/parameters/financing.toml`), and the rule set they give for one date.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Result};

/// The parameter file embedded in the library.
pub const EMBEDDED_PARAMETERS: &str = include_str!("../../../data/parameters/financing.toml");

/// The same file as JSON, converted by build.rs: what [`RuleBook::embedded`] reads, without a TOML parser.
pub(crate) const EMBEDDED_PARAMETERS_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/financing.json"));

/// Where a figure comes from: the parameter, its article and the text that fixed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Provenance {
    /// The parameter's name in the data file (`participation`, `amorcage`…).
    pub parameter: String,
    /// Its label, in French.
    pub label: String,
    /// The article of the Code du travail.
    pub article: String,
    /// The text (decree, arrêté) that fixed the value, and its date.
    pub reference: String,
    /// The first date of conclusion this value applies to.
    pub from: Date,
    /// The day someone last checked it was still in force.
    pub last_checked: Date,
    /// True when the value rests on a source of low confidence.
    pub to_confirm: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawParam<T> {
    label: String,
    article: String,
    #[serde(default)]
    reference: String,
    #[serde(deserialize_with = "de_date")]
    last_checked: Date,
    #[serde(default)]
    #[allow(dead_code)]
    unit: Option<String>,
    steps: Vec<RawStep<T>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep<T> {
    #[serde(deserialize_with = "de_date")]
    from: Date,
    value: T,
    #[serde(default)]
    to_confirm: bool,
    #[serde(default)]
    article: Option<String>,
    #[serde(default)]
    reference: Option<String>,
}

/// A parameter as a step function of the date of conclusion.
#[derive(Debug, Clone)]
pub struct Dated<T> {
    name: &'static str,
    raw: RawParam<T>,
}

/// A format's own value (JSON's, TOML's), which a parameter's steps are first read as: the generic structure
/// (`RawParam`) is then read once per format instead of once per value type, and only each value is typed
/// (those copies took about 120 KB of the page's WebAssembly).
pub(crate) trait FormatValue: Sized {
    fn into_typed<T: DeserializeOwned>(self) -> std::result::Result<T, String>;
}

impl FormatValue for serde_json::Value {
    fn into_typed<T: DeserializeOwned>(self) -> std::result::Result<T, String> {
        T::deserialize(self).map_err(|e| e.to_string())
    }
}

#[cfg(feature = "toml")]
impl FormatValue for toml::Value {
    fn into_typed<T: DeserializeOwned>(self) -> std::result::Result<T, String> {
        T::deserialize(self).map_err(|e| e.to_string())
    }
}

impl<T: Clone> Dated<T> {
    /// A parameter read in some format, its values typed.
    pub(crate) fn read<V: FormatValue>(name: &'static str, raw: RawParam<V>) -> Result<Self>
    where
        T: DeserializeOwned,
    {
        let mut steps = Vec::with_capacity(raw.steps.len());
        for s in raw.steps {
            steps.push(RawStep {
                from: s.from,
                value: s
                    .value
                    .into_typed()
                    .map_err(|e| data_error(name, &format!("valeur du {} : {e}", s.from)))?,
                to_confirm: s.to_confirm,
                article: s.article,
                reference: s.reference,
            });
        }
        let raw = RawParam {
            label: raw.label,
            article: raw.article,
            reference: raw.reference,
            last_checked: raw.last_checked,
            unit: raw.unit,
            steps,
        };
        Dated::new(name, raw)
    }

    pub(crate) fn new(name: &'static str, raw: RawParam<T>) -> Result<Self> {
        if raw.steps.is_empty() {
            return Err(data_error(name, "aucune valeur datée"));
        }
        if raw.steps.windows(2).any(|w| w[0].from >= w[1].from) {
            return Err(data_error(
                name,
                "les valeurs datées doivent être dans l'ordre croissant de `from`",
            ));
        }
        Ok(Dated { name, raw })
    }

    /// The day the value was last checked.
    pub fn last_checked(&self) -> Date {
        self.raw.last_checked
    }

    /// The value in force for a contract concluded on `date`, with its provenance.
    pub fn at(&self, date: Date) -> Option<(T, Provenance)> {
        let step = self.raw.steps.iter().rev().find(|s| s.from <= date)?;
        let provenance = Provenance {
            parameter: self.name.to_owned(),
            label: self.raw.label.clone(),
            article: step
                .article
                .clone()
                .unwrap_or_else(|| self.raw.article.clone()),
            reference: step
                .reference
                .clone()
                .unwrap_or_else(|| self.raw.reference.clone()),
            from: step.from,
            last_checked: self.raw.last_checked,
            to_confirm: step.to_confirm,
        };
        Some((step.value.clone(), provenance))
    }
}

/// A date of a parameter file (`AAAA-MM-JJ`), read by the core's own small parser: jiff's would bring its
/// whole temporal parser (time zones, RFC 9557, their messages) into the page, which reads no other date text.
pub(crate) fn de_date<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Date, D::Error> {
    let text = String::deserialize(d)?;
    crate::contract::parse_date(&text, "date").map_err(|e| serde::de::Error::custom(e.message()))
}

/// [`de_date`] for an optional date.
pub(crate) fn de_opt_date<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Date>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|text| {
            crate::contract::parse_date(&text, "date")
                .map_err(|e| serde::de::Error::custom(e.message()))
        })
        .transpose()
}

fn unreadable(e: &dyn std::fmt::Display) -> Error {
    Error::new(
        ErrorKind::Data,
        None,
        format!("le fichier de paramètres est illisible : {e}"),
    )
}

fn data_error(name: &str, what: &str) -> Error {
    Error::new(
        ErrorKind::Data,
        None,
        format!("paramètre `{name}` du fichier de paramètres : {what}"),
    )
}

/// How the annual NPEC is prorated (D1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Regime {
    /// By the month, each month started counting in full (contracts concluded 2021-01-01 → 2025-06-30).
    Monthly,
    /// By the day (contracts concluded from 2025-07-01).
    Daily,
}

impl Regime {
    /// `"daily"` or `"monthly"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Regime::Monthly => "monthly",
            Regime::Daily => "daily",
        }
    }
}

/// The distance-learning minoration (D6332-82-1).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DistanceRule {
    /// Whether the minoration exists for this date of conclusion.
    pub applies: bool,
    /// The share of teaching at distance from which it applies (0.80).
    pub threshold: Decimal,
    /// The minoration rate (0.20).
    pub rate: Decimal,
    /// The floor under which the minoration never takes the NPEC (4 000 €).
    pub floor: Decimal,
}

/// The list of certifications exempt from the distance minoration.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DistanceExemptions {
    /// False while the arrêté's list has not been entered.
    pub complete: bool,
    /// RNCP codes exempt.
    pub rncp: Vec<String>,
}

/// The employer participation (R6332-25-1).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParticipationRule {
    /// Whether a participation exists for this date of conclusion.
    pub applies: bool,
    /// The lowest certification level concerned (6).
    pub min_level: u8,
    /// The lump sum (750 €).
    pub lump_sum: Decimal,
    /// The lump sum of a new contract with another employer after a rupture (200 €).
    pub new_employer_lump_sum: Decimal,
    /// The share of the prorated NPEC due after a rupture during the probation (0.5).
    pub probation_share: Decimal,
    /// Length of the probation period, in days of practical training (45).
    pub probation_days: u32,
}

/// Frais annexes rates (D6332-83).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnexesRule {
    /// Per night of accommodation.
    pub night: Decimal,
    /// Per meal.
    pub meal: Decimal,
    /// The first-equipment cap, by certification level.
    pub equipment_cap: BTreeMap<String, Decimal>,
}

/// Time in a CFA before the contract (D14).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrecontractRule {
    /// At most this many months before the start.
    pub max_months: i32,
    /// The denominator of the daily amount (365).
    pub days_per_year: u32,
}

/// Durations that call for a warning (D16).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DurationLimits {
    /// Shorter than this many months: warning.
    pub min_months: i32,
    /// Longer than this many years: warning.
    pub max_years: i16,
    /// Longer than this many years for an apprentice with RQTH: warning.
    pub max_years_rqth: i16,
}

/// When an instalment falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DueAt {
    /// A fixed number of days after the start of the execution year.
    Advance,
    /// The first day of a month of the execution year.
    Month,
    /// With the next year's advance (the final balance for the last year).
    NextAdvance,
    /// After the end of the contract.
    End,
}

/// One instalment of an execution year.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstalmentRule {
    /// `advance`, `month_7`, `month_10` or `balance`.
    #[serde(deserialize_with = "instalment_kind")]
    pub kind: Cow<'static, str>,
    /// Share of the year's base; `None` for the remainder.
    #[serde(default)]
    pub share: Option<Decimal>,
    /// When it falls due.
    pub at: DueAt,
    /// For [`DueAt::Month`], the month of the execution year (7, 10).
    #[serde(default)]
    pub month: Option<i32>,
}

// The kinds the parameter file uses are borrowed, so that an instalment copies its kind without allocating.
fn instalment_kind<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<Cow<'static, str>, D::Error> {
    let kind = String::deserialize(deserializer)?;
    Ok(
        match ["advance", "month_7", "month_10", "balance"]
            .into_iter()
            .find(|known| *known == kind)
        {
            Some(known) => Cow::Borrowed(known),
            None => Cow::Owned(kind),
        },
    )
}

/// The payment schedule (R6332-25 III–V).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleRule {
    /// The advance falls due this many days after the start of its execution year.
    pub advance_days: i32,
    /// Instalments of each execution year of a contract of one year or more.
    pub multi_year: Vec<InstalmentRule>,
    /// Instalments of a contract under one year.
    pub short: Vec<InstalmentRule>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBook<V> {
    supported_from: RawParam<V>,
    proration: RawParam<V>,
    short_contract_majoration: RawParam<V>,
    distance_minoration: RawParam<V>,
    distance_exemptions: RawParam<V>,
    rqth_cap: RawParam<V>,
    participation: RawParam<V>,
    amorcage: RawParam<V>,
    annexes: RawParam<V>,
    precontract: RawParam<V>,
    duration_limits: RawParam<V>,
    schedule: RawParam<V>,
}

/// Every dated parameter, as read from a parameter file.
///
/// ```
/// let book = coutcontrat::RuleBook::embedded();
/// let rules = book.rules_for(jiff::civil::date(2025, 9, 1)).unwrap();
/// assert_eq!(rules.participation.lump_sum.to_string(), "750");
/// ```
#[derive(Debug, Clone)]
pub struct RuleBook {
    // The rule set of each interval between two dates where some parameter changes, built once.
    cache: Vec<(Date, RuleSet)>,
    supported_from: Dated<bool>,
    proration: Dated<Regime>,
    short_contract_majoration: Dated<Decimal>,
    distance_minoration: Dated<DistanceRule>,
    distance_exemptions: Dated<DistanceExemptions>,
    rqth_cap: Dated<Decimal>,
    participation: Dated<ParticipationRule>,
    amorcage: Dated<BTreeMap<String, Decimal>>,
    annexes: Dated<AnnexesRule>,
    precontract: Dated<PrecontractRule>,
    duration_limits: Dated<DurationLimits>,
    schedule: Dated<ScheduleRule>,
}

impl RuleBook {
    /// Reads a parameter file in the format of `data/parameters/financing.toml`.
    ///
    /// ```
    /// let book = coutcontrat::RuleBook::from_toml(coutcontrat::EMBEDDED_PARAMETERS).unwrap();
    /// assert!(book.rules_for(jiff::civil::date(2020, 12, 31)).is_err());
    /// ```
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<RuleBook> {
        RuleBook::from_raw::<toml::Value>(toml::from_str(text).map_err(|e| unreadable(&e))?)
    }

    /// Reads the same content as JSON (what build.rs makes of a parameter file).
    ///
    /// ```
    /// let book = coutcontrat::RuleBook::from_json(r#"{"supported_from": 1}"#);
    /// assert!(book.is_err());
    /// ```
    pub fn from_json(text: &str) -> Result<RuleBook> {
        RuleBook::from_raw::<serde_json::Value>(
            serde_json::from_str(text).map_err(|e| unreadable(&e))?,
        )
    }

    fn from_raw<V: FormatValue>(raw: RawBook<V>) -> Result<RuleBook> {
        let mut book = RuleBook {
            cache: Vec::new(),
            supported_from: Dated::read("supported_from", raw.supported_from)?,
            proration: Dated::read("proration", raw.proration)?,
            short_contract_majoration: Dated::read(
                "short_contract_majoration",
                raw.short_contract_majoration,
            )?,
            distance_minoration: Dated::read("distance_minoration", raw.distance_minoration)?,
            distance_exemptions: Dated::read("distance_exemptions", raw.distance_exemptions)?,
            rqth_cap: Dated::read("rqth_cap", raw.rqth_cap)?,
            participation: Dated::read("participation", raw.participation)?,
            amorcage: Dated::read("amorcage", raw.amorcage)?,
            annexes: Dated::read("annexes", raw.annexes)?,
            precontract: Dated::read("precontract", raw.precontract)?,
            duration_limits: Dated::read("duration_limits", raw.duration_limits)?,
            schedule: Dated::read("schedule", raw.schedule)?,
        };
        let mut bounds: Vec<Date> = book.boundaries();
        bounds.sort_unstable();
        bounds.dedup();
        book.cache = bounds
            .into_iter()
            .filter_map(|d| book.build_rules(d).ok().map(|r| (d, r)))
            .collect();
        Ok(book)
    }

    fn boundaries(&self) -> Vec<Date> {
        fn froms<T>(d: &Dated<T>) -> impl Iterator<Item = Date> + '_ {
            d.raw.steps.iter().map(|s| s.from)
        }
        froms(&self.supported_from)
            .chain(froms(&self.proration))
            .chain(froms(&self.short_contract_majoration))
            .chain(froms(&self.distance_minoration))
            .chain(froms(&self.distance_exemptions))
            .chain(froms(&self.rqth_cap))
            .chain(froms(&self.participation))
            .chain(froms(&self.amorcage))
            .chain(froms(&self.annexes))
            .chain(froms(&self.precontract))
            .chain(froms(&self.duration_limits))
            .chain(froms(&self.schedule))
            .collect()
    }

    /// The rule set in force for a contract concluded on `signed_on`, without copying it.
    pub fn rules_ref(&self, signed_on: Date) -> Result<&RuleSet> {
        let i = self.cache.partition_point(|(from, _)| *from <= signed_on);
        match i.checked_sub(1).map(|i| &self.cache[i]) {
            Some((_, rules)) => Ok(rules),
            None => self.build_rules(signed_on).and_then(|_| {
                Err(Error::new(
                    ErrorKind::Data,
                    Some("signed_on"),
                    format!("aucun jeu de règles pour le {signed_on}"),
                ))
            }),
        }
    }

    /// The parameters shipped in `data/parameters/`, parsed once.
    pub fn embedded() -> &'static RuleBook {
        static BOOK: OnceLock<RuleBook> = OnceLock::new();
        BOOK.get_or_init(|| {
            // Converted from the TOML by build.rs and checked by a test: failing here means a broken build.
            RuleBook::from_json(EMBEDDED_PARAMETERS_JSON).expect("embedded parameter file is valid")
        })
    }

    /// The rule set in force for a contract concluded on `signed_on`.
    ///
    /// Fails with [`ErrorKind::UnsupportedRegime`] before the first supported date (D1).
    pub fn rules_for(&self, signed_on: Date) -> Result<RuleSet> {
        self.rules_ref(signed_on).cloned()
    }

    fn build_rules(&self, signed_on: Date) -> Result<RuleSet> {
        let unsupported = || {
            let first = self.supported_from.raw.steps[0].from;
            Error::new(
                ErrorKind::UnsupportedRegime,
                Some("signed_on"),
                format!(
                    "les contrats conclus avant le {first} relèvent de règles antérieures que ce \
                     calculateur n'applique pas ; vérifiez la date de conclusion ({signed_on})"
                ),
            )
        };
        let (supported, supported_from) =
            self.supported_from.at(signed_on).ok_or_else(unsupported)?;
        if !supported {
            return Err(unsupported());
        }
        fn get<T: Clone>(d: &Dated<T>, date: Date) -> Result<(T, Provenance)> {
            d.at(date).ok_or_else(|| {
                Error::new(
                    ErrorKind::UnsupportedRegime,
                    Some("signed_on"),
                    format!(
                        "le paramètre `{}` n'a pas de valeur pour un contrat conclu le {date}",
                        d.name
                    ),
                )
            })
        }
        let (regime, regime_src) = get(&self.proration, signed_on)?;
        let (short_contract_majoration, short_src) =
            get(&self.short_contract_majoration, signed_on)?;
        let (distance, distance_src) = get(&self.distance_minoration, signed_on)?;
        let (distance_exemptions, exemptions_src) = get(&self.distance_exemptions, signed_on)?;
        let (rqth_cap, rqth_src) = get(&self.rqth_cap, signed_on)?;
        let (participation, participation_src) = get(&self.participation, signed_on)?;
        let (amorcage, amorcage_src) = get(&self.amorcage, signed_on)?;
        let (annexes, annexes_src) = get(&self.annexes, signed_on)?;
        let (precontract, precontract_src) = get(&self.precontract, signed_on)?;
        let (duration_limits, duration_src) = get(&self.duration_limits, signed_on)?;
        let (schedule, schedule_src) = get(&self.schedule, signed_on)?;
        Ok(RuleSet {
            id: format!("{}-{}", regime.as_str(), regime_src.from),
            regime,
            short_contract_majoration,
            distance,
            distance_exemptions,
            rqth_cap,
            participation,
            amorcage,
            annexes,
            precontract,
            duration_limits,
            schedule,
            sources: RuleSources {
                supported_from,
                regime: regime_src,
                short_contract_majoration: short_src,
                distance: distance_src,
                distance_exemptions: exemptions_src,
                rqth_cap: rqth_src,
                participation: participation_src,
                amorcage: amorcage_src,
                annexes: annexes_src,
                precontract: precontract_src,
                duration_limits: duration_src,
                schedule: schedule_src,
            },
        })
    }
}

/// The provenance of every parameter of a [`RuleSet`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[allow(missing_docs)]
pub struct RuleSources {
    pub supported_from: Provenance,
    pub regime: Provenance,
    pub short_contract_majoration: Provenance,
    pub distance: Provenance,
    pub distance_exemptions: Provenance,
    pub rqth_cap: Provenance,
    pub participation: Provenance,
    pub amorcage: Provenance,
    pub annexes: Provenance,
    pub precontract: Provenance,
    pub duration_limits: Provenance,
    pub schedule: Provenance,
}

/// The parameters in force for one date of conclusion.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleSet {
    /// A name for the set, e.g. `daily-2025-07-01`.
    pub id: String,
    /// Daily or monthly proration.
    pub regime: Regime,
    /// The +10 % of a reduced contract under one year (0.10).
    pub short_contract_majoration: Decimal,
    /// The distance minoration.
    pub distance: DistanceRule,
    /// Certifications exempt from it.
    pub distance_exemptions: DistanceExemptions,
    /// The RQTH majoration cap (4 000 €).
    pub rqth_cap: Decimal,
    /// The employer participation.
    pub participation: ParticipationRule,
    /// Amorçage values by level (`"3"` … `"8"`).
    pub amorcage: BTreeMap<String, Decimal>,
    /// Frais annexes.
    pub annexes: AnnexesRule,
    /// Time in a CFA before the contract.
    pub precontract: PrecontractRule,
    /// Durations that call for a warning.
    pub duration_limits: DurationLimits,
    /// The payment schedule.
    pub schedule: ScheduleRule,
    /// Where each parameter comes from.
    pub sources: RuleSources,
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[cfg(feature = "toml")]
    #[test]
    fn the_json_of_build_rs_gives_the_rules_of_the_toml() {
        let toml = RuleBook::from_toml(EMBEDDED_PARAMETERS).unwrap();
        let json = RuleBook::from_json(EMBEDDED_PARAMETERS_JSON).unwrap();
        let mut days: Vec<Date> = toml.boundaries();
        days.extend([date(2019, 1, 1), date(2025, 6, 30), date(2030, 1, 1)]);
        for d in days {
            let seen = |b: &RuleBook| format!("{:?}", b.rules_for(d));
            assert_eq!(seen(&toml), seen(&json), "{d}");
        }
    }

    #[cfg(feature = "toml")]
    #[test]
    fn embedded_parameters_parse_and_switch_on_2025_07_01() {
        let book = RuleBook::from_toml(EMBEDDED_PARAMETERS).unwrap();
        let before = book.rules_for(date(2025, 6, 30)).unwrap();
        let after = book.rules_for(date(2025, 7, 1)).unwrap();
        assert_eq!(before.regime, Regime::Monthly);
        assert_eq!(after.regime, Regime::Daily);
        assert!(!before.participation.applies && after.participation.applies);
        assert!(!before.distance.applies && after.distance.applies);
        assert_eq!(after.schedule.multi_year.len(), 4);
        assert_eq!(before.schedule.multi_year.len(), 3);
    }

    #[test]
    fn contracts_before_2021_are_refused() {
        let err = RuleBook::embedded()
            .rules_for(date(2020, 12, 31))
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnsupportedRegime);
        assert_eq!(err.field(), Some("signed_on"));
    }

    #[test]
    fn equipment_cap_by_level_from_2026_07_30_is_marked_to_confirm() {
        let rules = RuleBook::embedded().rules_for(date(2026, 7, 30)).unwrap();
        assert!(rules.sources.annexes.to_confirm);
        assert_eq!(rules.annexes.equipment_cap["5"], Decimal::from(300));
        let earlier = RuleBook::embedded().rules_for(date(2026, 7, 29)).unwrap();
        assert!(!earlier.sources.annexes.to_confirm);
    }

    #[cfg(feature = "toml")]
    #[test]
    fn unordered_steps_are_a_data_error() {
        let text = EMBEDDED_PARAMETERS.replace(
            "{ from = \"2025-07-01\", value = \"daily\"",
            "{ from = \"2020-07-01\", value = \"daily\"",
        );
        let err = RuleBook::from_toml(&text).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Data);
        assert!(err.message().contains("proration"), "{}", err.message());
    }
}
