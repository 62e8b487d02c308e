//! The dated parameters of the employer's cost (`data/parameters/employer.toml`).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Deserialize;

#[cfg(feature = "toml")]
use crate::error::{Error, ErrorKind, Result};
#[cfg(feature = "toml")]
use crate::rules::RawParam;
use crate::rules::{Dated, Provenance};

/// The parameter file the embedded employer book was generated from (`data/parameters/employer.toml`).
pub const EMBEDDED_EMPLOYER_PARAMETERS: &str = super::generated::EMPLOYER_TOML;

/// Who gets the hiring aid, for one period (R10).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AidRule {
    /// False for a period whose aid the library does not model.
    pub modelled: bool,
    /// The period only covers contracts starting before this date.
    #[serde(default, deserialize_with = "crate::rules::de_opt_date")]
    pub start_before: Option<Date>,
    /// Annual amount by level, companies under 250 employees.
    pub small: BTreeMap<String, Decimal>,
    /// Annual amount by level, companies of 250 employees or more.
    pub large: BTreeMap<String, Decimal>,
    /// The amount for an apprentice with RQTH.
    pub rqth: RqthAid,
    /// D18: the annual amount from the first day of the month after the 18th birthday.
    #[serde(default)]
    pub from_18: Option<Decimal>,
    /// D18: the annual amounts of execution years 2, 3 and 4.
    #[serde(default)]
    pub later_years: Vec<Decimal>,
    /// D18: the levels that get `later_years`, companies under 250 only.
    #[serde(default)]
    pub later_levels: Vec<u8>,
    /// D18: every month started is paid whole (the monthly rule before décret 2025-1031), whatever the end.
    #[serde(default)]
    pub every_month_started: bool,
}

/// The quota of alternants a company of 250 employees or more must reach for its aid (D21).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuotaRule {
    /// At least this share of contracts favouring insertion…
    pub insertion_share: Decimal,
    /// …or this share of alternants…
    pub alternant_share: Decimal,
    /// …with at least this growth.
    pub alternant_growth: Decimal,
    /// Measured on 31 December of the year of conclusion plus this.
    pub deadline_years_after: i16,
}

/// The RQTH hiring aid.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RqthAid {
    /// Annual amount.
    pub amount: Decimal,
    /// Whether a company of any size qualifies (else only under 250).
    pub any_size: bool,
    /// Levels that qualify.
    pub levels: Vec<u8>,
}

/// % of the SMIC by age bracket, for years 1, 2 and 3 of execution (D6222-26).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SalaryGrid {
    /// Under 18.
    pub under_18: [Decimal; 3],
    /// 18 to 20.
    pub from_18: [Decimal; 3],
    /// 21 to 25.
    pub from_21: [Decimal; 3],
    /// 26 and over.
    pub from_26: [Decimal; 3],
}

/// The maître d'apprentissage aid (D6332-93).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TutorAidRule {
    /// At most this much a month.
    pub monthly_cap: Decimal,
    /// For at most this many months.
    pub max_months: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg(feature = "toml")]
struct RawEmployerBook<V> {
    hiring_aid: RawParam<V>,
    aide_unique: RawParam<V>,
    aid_day_proration: RawParam<V>,
    no_second_aid: RawParam<V>,
    alternance_quota: RawParam<V>,
    cnfpt_share: RawParam<V>,
    related_diploma_points: RawParam<V>,
    public_salary_points: RawParam<V>,
    overseas_aid_max_level: RawParam<V>,
    smic_monthly_mayotte: RawParam<V>,
    smic_monthly: RawParam<V>,
    salary_grid: RawParam<V>,
    tutor_aid: RawParam<V>,
}

/// The dated parameters of the employer's cost.
///
/// ```
/// let book = coutcontrat::employer::EmployerBook::embedded();
/// let (smic, _) = book.smic_on(jiff::civil::date(2026, 6, 1)).unwrap();
/// assert_eq!(smic.to_string(), "1867.02");
/// ```
#[derive(Debug, Clone)]
pub struct EmployerBook {
    pub(crate) hiring_aid: Dated<AidRule>,
    pub(crate) aide_unique: Dated<AidRule>,
    pub(crate) aid_day_proration: Dated<bool>,
    /// D25, D6243-2 I: no second aid for the same employer, apprentice and certification.
    pub(crate) no_second_aid: Dated<bool>,
    pub(crate) alternance_quota: Dated<QuotaRule>,
    pub(crate) cnfpt_share: Dated<Decimal>,
    pub(crate) related_diploma_points: Dated<Decimal>,
    /// D24, D6272-2: the points a public employer may add to the minimum.
    pub(crate) public_salary_points: Dated<Vec<Decimal>>,
    /// D22, L6522-4: the highest level of the aide unique overseas.
    pub(crate) overseas_aid_max_level: Dated<u8>,
    /// D22: Mayotte's monthly SMIC.
    pub(crate) smic_monthly_mayotte: Dated<Decimal>,
    pub(crate) smic_monthly: Dated<Decimal>,
    pub(crate) salary_grid: Dated<SalaryGrid>,
    pub(crate) tutor_aid: Dated<TutorAidRule>,
}

#[cfg(feature = "toml")]
fn unreadable(e: &dyn std::fmt::Display) -> Error {
    Error::new(
        ErrorKind::Data,
        None,
        format!("le fichier de paramètres employeur est illisible : {e}"),
    )
}

impl EmployerBook {
    /// Reads a parameter file in the format of `data/parameters/employer.toml`.
    ///
    /// # Errors
    ///
    /// [`crate::error::ErrorKind::Data`] when the text is not TOML, a parameter is missing or unknown, a value has
    /// the wrong type, or the steps of a parameter are not in increasing date order.
    ///
    /// ```
    /// let book = coutcontrat::employer::EmployerBook::from_toml(coutcontrat::employer::EMBEDDED_EMPLOYER_PARAMETERS).unwrap();
    /// assert!(book.smic_on(jiff::civil::date(2026, 6, 1)).is_some());
    /// assert!(coutcontrat::employer::EmployerBook::from_toml("hiring_aid = 1").is_err());
    /// ```
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<EmployerBook> {
        EmployerBook::from_raw(toml::from_str(text).map_err(|e| unreadable(&e))?)
    }

    #[cfg(feature = "toml")]
    fn from_raw(raw: RawEmployerBook<toml::Value>) -> Result<EmployerBook> {
        Ok(EmployerBook {
            hiring_aid: Dated::read("hiring_aid", raw.hiring_aid)?,
            aide_unique: Dated::read("aide_unique", raw.aide_unique)?,
            aid_day_proration: Dated::read("aid_day_proration", raw.aid_day_proration)?,
            no_second_aid: Dated::read("no_second_aid", raw.no_second_aid)?,
            alternance_quota: Dated::read("alternance_quota", raw.alternance_quota)?,
            cnfpt_share: Dated::read("cnfpt_share", raw.cnfpt_share)?,
            related_diploma_points: Dated::read(
                "related_diploma_points",
                raw.related_diploma_points,
            )?,
            public_salary_points: Dated::read("public_salary_points", raw.public_salary_points)?,
            overseas_aid_max_level: Dated::read(
                "overseas_aid_max_level",
                raw.overseas_aid_max_level,
            )?,
            smic_monthly_mayotte: Dated::read("smic_monthly_mayotte", raw.smic_monthly_mayotte)?,
            smic_monthly: Dated::read("smic_monthly", raw.smic_monthly)?,
            salary_grid: Dated::read("salary_grid", raw.salary_grid)?,
            tutor_aid: Dated::read("tutor_aid", raw.tutor_aid)?,
        })
    }

    /// The parameters shipped in `data/parameters/employer.toml`, parsed once.
    pub fn embedded() -> &'static EmployerBook {
        static BOOK: OnceLock<EmployerBook> = OnceLock::new();
        BOOK.get_or_init(|| {
            // Generated from the TOML and checked against it by a test (`rules::emit`).
            super::generated::employer_book()
        })
    }

    /// The monthly SMIC in force on a day.
    pub fn smic_on(&self, day: Date) -> Option<(Decimal, Provenance)> {
        self.smic_monthly.at(day)
    }

    /// The monthly SMIC in force on a day where the contract is executed: Mayotte's own (D22), the
    /// national one elsewhere.
    pub fn smic_in(
        &self,
        territory: crate::contract::Territory,
        day: Date,
    ) -> Option<(Decimal, Provenance)> {
        self.smic_of(territory).at(day)
    }

    /// The monthly SMIC of a territory, as a parameter (Mayotte has its own).
    pub(crate) fn smic_of(&self, territory: crate::contract::Territory) -> &Dated<Decimal> {
        match territory {
            crate::contract::Territory::Mayotte => &self.smic_monthly_mayotte,
            _ => &self.smic_monthly,
        }
    }
}
