//! Dated legal parameters (`data/parameters/financing.toml`), and the rule set they give for one date.

mod dated;
#[rustfmt::skip]
mod generated;
pub(crate) mod literal;
mod values;

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use jiff::civil::Date;
use rust_decimal::Decimal;
#[cfg(feature = "toml")]
use serde::Deserialize;
use serde::Serialize;

use crate::error::{Error, ErrorKind, Result};

pub(crate) use dated::Dated;
pub use dated::Provenance;
pub(crate) use dated::{de_opt_date, RawParam, RawStep, StaticParam, StaticStep};
pub use values::{
    AnnexesRule, DistanceExemptions, DistanceRule, DueAt, DurationLimits, InstalmentRule,
    MobilityRule, ParticipationRule, PostRuptureRule, PrecontractRule, Regime, ScheduleRule,
};

/// The parameter file the embedded rule book was generated from (`data/parameters/financing.toml`), as text.
pub const EMBEDDED_PARAMETERS: &str = generated::FINANCING_TOML;

#[cfg(feature = "toml")]
fn unreadable(e: &dyn std::fmt::Display) -> Error {
    Error::new(
        ErrorKind::Data,
        None,
        format!("le fichier de paramètres est illisible : {e}"),
    )
}

#[cfg(feature = "toml")]
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
    post_rupture: RawParam<V>,
    ultramarine_mobility: RawParam<V>,
    duration_limits: RawParam<V>,
    schedule: RawParam<V>,
}

/// Every dated parameter, as read from a parameter file.
///
/// ```
/// let book = coutcontrat::rules::RuleBook::embedded();
/// let rules = book.rules_for(jiff::civil::date(2025, 9, 1)).unwrap();
/// assert_eq!(rules.participation.lump_sum.to_string(), "750");
/// ```
#[derive(Debug, Clone)]
pub struct RuleBook {
    // The rule set of each interval between two dates where some parameter changes, built once.
    pub(crate) cache: Vec<(Date, RuleSet)>,
    pub(crate) supported_from: Dated<bool>,
    pub(crate) proration: Dated<Regime>,
    pub(crate) short_contract_majoration: Dated<Decimal>,
    pub(crate) distance_minoration: Dated<DistanceRule>,
    pub(crate) distance_exemptions: Dated<DistanceExemptions>,
    pub(crate) rqth_cap: Dated<Decimal>,
    pub(crate) participation: Dated<ParticipationRule>,
    pub(crate) amorcage: Dated<BTreeMap<String, Decimal>>,
    pub(crate) annexes: Dated<AnnexesRule>,
    pub(crate) precontract: Dated<PrecontractRule>,
    pub(crate) post_rupture: Dated<PostRuptureRule>,
    /// D22: an OPCO's ultramarine mobility, by date of conclusion (read by the quote, not a rule set's).
    pub(crate) ultramarine_mobility: Dated<MobilityRule>,
    pub(crate) duration_limits: Dated<DurationLimits>,
    pub(crate) schedule: Dated<ScheduleRule>,
}

impl RuleBook {
    /// Reads a parameter file in the format of `data/parameters/financing.toml`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Data`] when the text is not TOML, a parameter is missing or unknown, a value has the
    /// wrong type, or the steps of a parameter are not in increasing date order.
    ///
    /// ```
    /// let book = coutcontrat::rules::RuleBook::from_toml(coutcontrat::rules::EMBEDDED_PARAMETERS).unwrap();
    /// assert!(book.rules_for(jiff::civil::date(2020, 12, 31)).is_err());
    /// ```
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<RuleBook> {
        RuleBook::from_raw(toml::from_str(text).map_err(|e| unreadable(&e))?)
    }

    #[cfg(feature = "toml")]
    fn from_raw(raw: RawBook<toml::Value>) -> Result<RuleBook> {
        let book = RuleBook {
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
            post_rupture: Dated::read("post_rupture", raw.post_rupture)?,
            ultramarine_mobility: Dated::read("ultramarine_mobility", raw.ultramarine_mobility)?,
            duration_limits: Dated::read("duration_limits", raw.duration_limits)?,
            schedule: Dated::read("schedule", raw.schedule)?,
        };
        Ok(book.with_cache())
    }

    /// The book with the rule set of each interval between two parameter changes built.
    pub(crate) fn with_cache(mut self) -> RuleBook {
        let book = &self;
        let mut bounds: Vec<Date> = book.boundaries();
        bounds.sort_unstable();
        bounds.dedup();
        let cache = bounds
            .into_iter()
            .filter_map(|d| book.build_rules(d).ok().map(|r| (d, r)))
            .collect();
        self.cache = cache;
        self
    }

    fn boundaries(&self) -> Vec<Date> {
        fn froms<T: Clone>(d: &Dated<T>) -> impl Iterator<Item = Date> + '_ {
            d.froms()
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
            .chain(froms(&self.post_rupture))
            .chain(froms(&self.duration_limits))
            .chain(froms(&self.schedule))
            .collect()
    }

    /// The rule set in force for a contract concluded on `signed_on`, without copying it.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnsupportedRegime`] on `signed_on` before the first supported date (D1), or when a
    /// parameter has no value for it.
    ///
    /// ```
    /// let rules = coutcontrat::rules::RuleBook::embedded().rules_ref(jiff::civil::date(2025, 9, 1)).unwrap();
    /// assert_eq!(&*rules.id, "daily-2025-07-01");
    /// ```
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
            // Generated from the TOML and checked against it by a test (`rules::emit`).
            generated::rule_book().with_cache()
        })
    }

    /// The first day after `signed_on` on which a parameter of the financing changes, when one is known:
    /// a quote of a contract concluded that day may differ (the printed quote's validity).
    ///
    /// ```
    /// use jiff::civil::date;
    /// let book = coutcontrat::rules::RuleBook::embedded();
    /// assert_eq!(book.next_change_after(date(2025, 6, 30)), Some(date(2025, 7, 1)));
    /// ```
    pub fn next_change_after(&self, signed_on: Date) -> Option<Date> {
        let i = self.cache.partition_point(|(from, _)| *from <= signed_on);
        self.cache.get(i).map(|(from, _)| *from)
    }

    /// The rule set in force for a contract concluded on `signed_on`, as a copy.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnsupportedRegime`] before the first supported date (D1), as [`RuleBook::rules_ref`].
    ///
    /// ```
    /// let book = coutcontrat::rules::RuleBook::embedded();
    /// let err = book.rules_for(jiff::civil::date(2020, 12, 31)).unwrap_err();
    /// assert_eq!(err.field(), Some("signed_on"));
    /// ```
    pub fn rules_for(&self, signed_on: Date) -> Result<RuleSet> {
        self.rules_ref(signed_on).cloned()
    }

    fn build_rules(&self, signed_on: Date) -> Result<RuleSet> {
        let unsupported = || {
            let first = self
                .supported_from
                .froms()
                .next()
                .expect("a parameter has a step");
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
                        d.name()
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
        let (post_rupture, post_rupture_src) = get(&self.post_rupture, signed_on)?;
        let (duration_limits, duration_src) = get(&self.duration_limits, signed_on)?;
        let (schedule, schedule_src) = get(&self.schedule, signed_on)?;
        Ok(RuleSet {
            id: format!("{}-{}", regime.as_str(), regime_src.from).into(),
            regime,
            short_contract_majoration,
            distance,
            distance_exemptions,
            rqth_cap,
            participation,
            amorcage,
            annexes,
            precontract,
            post_rupture,
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
                post_rupture: post_rupture_src,
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
    pub post_rupture: Provenance,
    pub duration_limits: Provenance,
    pub schedule: Provenance,
}

/// The parameters in force for one date of conclusion.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleSet {
    /// A name for the set, e.g. `daily-2025-07-01` (shared with the quotes made with it).
    pub id: Arc<str>,
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
    /// The stay in a CFA after a rupture.
    pub post_rupture: PostRuptureRule,
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
    fn the_generated_book_gives_the_rules_of_the_toml() {
        let toml = RuleBook::from_toml(EMBEDDED_PARAMETERS).unwrap();
        let generated = RuleBook::embedded();
        let mut days: Vec<Date> = toml.boundaries();
        days.extend([date(2019, 1, 1), date(2025, 6, 30), date(2030, 1, 1)]);
        for d in days {
            let seen = |b: &RuleBook| format!("{:?}", b.rules_for(d));
            assert_eq!(seen(&toml), seen(generated), "{d}");
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
