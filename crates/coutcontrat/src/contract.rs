//! The contract: its typed form, and the loose form typed by people (JSON, CSV, a web form).

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use crate::dates::age_on;
use crate::error::{Error, ErrorKind, Result};
use crate::referentiel::normalize_rncp;

pub mod fields;
mod parse;
pub use fields::INPUT_FIELDS;
pub use parse::{parse_date, parse_decimal, parse_idcc};

/// The apprentice's age on the first day of the contract, in years, outside which a birth date is a typo
/// (1800 for 2008). A sanity bound, not the law's: L6222-1 sets 16 (15 after the collège), and L6222-2 lifts
/// the upper limit of 29 altogether for some apprentices (RQTH, a business project, a top athlete). 14, a
/// year under the law's lowest, leaves the legal minimum to the rules, where a law's bound belongs.
pub const AGE_AT_START: std::ops::RangeInclusive<i32> = 14..=100;

/// How the CFA states its price (D6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PriceBasis {
    /// A price per year, prorated like the NPEC and compared with it year by year (the default).
    #[default]
    Annual,
    /// One price for the whole contract, compared once with the sum of the NPEC lines.
    Total,
}

/// Frais annexes claimed by the CFA (D10).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Annexes {
    /// Nights of accommodation financed by the CFA.
    pub nights: u32,
    /// Meals financed by the CFA.
    pub meals: u32,
    /// Cost of the first pedagogical equipment.
    pub first_equipment: Decimal,
}

/// One apprenticeship contract, as the quote needs it.
///
/// ```
/// use coutcontrat::Contract;
/// use jiff::civil::date;
/// let c = Contract::new(date(2025, 8, 15), date(2025, 9, 1), date(2027, 2, 28), "9000".parse().unwrap())
///     .with_manual_npec("7000".parse().unwrap())
///     .with_level(5);
/// assert_eq!(c.level, Some(5));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contract {
    /// Date of conclusion (signature): it selects the rules and the table row (D1, D12).
    pub signed_on: Date,
    /// First day of execution.
    pub start: Date,
    /// Planned last day.
    pub end: Date,
    /// Last day when the contract was broken off early.
    pub rupture_on: Option<Date>,
    /// The rupture fell within the 45-day probation (L6222-18).
    pub rupture_during_probation: bool,
    /// This contract is a new one with another employer after a rupture (L6222-18-2).
    pub after_rupture_new_employer: bool,
    /// The certification's RNCP code, normalised.
    pub rncp: Option<String>,
    /// The certification's level, 3 to 8.
    pub level: Option<u8>,
    /// The employer's IDCC.
    pub idcc: Option<u32>,
    /// The branch's CPNE code, when named (it beats the IDCC).
    pub cpne: Option<u32>,
    /// A manual annual NPEC, which overrides the table.
    pub npec: Option<Decimal>,
    /// The CFA's price.
    pub price: Decimal,
    /// Whether the price is per year or for the whole contract.
    pub price_basis: PriceBasis,
    /// The annual RQTH majoration evaluated by the CFA.
    pub rqth_majoration: Option<Decimal>,
    /// Share of the teaching given at distance, 0 to 1.
    pub distance_share: Option<Decimal>,
    /// Hours of teaching at distance (Cerfa), with `cfa_hours` (D27).
    pub distance_hours: Option<Decimal>,
    /// Total hours of teaching in the CFA (Cerfa) (D27).
    pub cfa_hours: Option<Decimal>,
    /// The certification is exempt from the distance minoration (D27), when said.
    pub distance_exempt: Option<bool>,
    /// The duration was reduced (Cerfa derogation 21, L6222-7-1).
    pub reduced_duration: bool,
    /// Frais annexes.
    pub annexes: Annexes,
    /// Date of entry in the CFA before the contract (D14).
    pub cfa_entry_on: Option<Date>,
    /// The apprentice is recognised as a disabled worker (RQTH): hiring aid, 4-year maximum.
    pub rqth: bool,
    /// The apprentice's date of birth (minimum salary by age, D6222-26).
    pub birth_date: Option<Date>,
    /// The company's headcount (hiring aid: under 250 or not).
    pub company_headcount: Option<u32>,
    /// A monthly gross salary agreed above the minimum.
    pub monthly_salary: Option<Decimal>,
    /// The maître d'apprentissage aid granted by the branch, per month (D6332-93).
    pub tutor_aid: Option<Decimal>,
    /// The year of the training cycle the contract starts in (D6222-28-1), 1 by default.
    pub cycle_year: Option<u8>,
    /// A licence professionnelle prepared in one year (D6222-32: second-year salary).
    pub licence_pro: bool,
    /// The conventional minimum monthly salary of the job (D26).
    pub conventional_minimum: Option<Decimal>,
    /// A one-year contract for a same-level, directly related diploma: +15 points (D6222-30).
    pub same_level_related_diploma: bool,
    /// Who employs the apprentice: private (the OPCO finances) or public (D24).
    pub employer_type: EmployerType,
    /// A company of 250 or more: its commitment to the alternance quota (D21).
    pub alternance_quota: Option<QuotaCommitment>,
    /// D21's 5 % route: the share of contracts favouring insertion.
    pub insertion_share: Option<Decimal>,
    /// D21's 3 % route: the share of alternants…
    pub alternant_share: Option<Decimal>,
    /// …and their growth over the year.
    pub alternant_growth: Option<Decimal>,
    /// Why the contract was broken off (D23): under L6222-18 unless said otherwise.
    pub rupture_reason: Option<RuptureReason>,
    /// After a rupture, the last day in the CFA, or the day before a new contract (D23, L6222-18-2).
    pub cfa_stay_until: Option<Date>,
    /// Where the contract is executed (D22): the hexagone unless said otherwise.
    pub territory: Territory,
    /// AKTO's ultramarine mobility, once per contract (D22, L6523-2-3 2°).
    pub ultramarine_mobility: Option<UltramarineMobility>,
    /// The OPCO's modulation of the NPEC overseas, € a year, as its board decided it (D22, L6523-2-3 1°).
    pub npec_overseas_modulation: Option<Decimal>,
    /// Which contract this is in the apprentice's path (D25): an initial one unless said otherwise.
    pub contract_kind: ContractKind,
    /// An avenant that changes the CFA: during the probation or after it (D25).
    pub cfa_change: Option<CfaChange>,
    /// An avenant: the initial contract's RNCP code, normalised (a change of certification is a new contract).
    pub initial_rncp: Option<String>,
    /// The same employer already had a hiring aid for this apprentice and certification (D25, D6243-2 I).
    pub previous_aid_same_certification: bool,
    /// The rate of the last year of the previous contract, 0 to 1: a floor of the minimum salary (D6222-29).
    pub previous_last_year_rate: Option<Decimal>,
    /// The employer's SIRET, 14 digits.
    pub employer_siret: Option<String>,
    /// The previous contract's employer's SIRET, 14 digits.
    pub previous_employer_siret: Option<String>,
    /// The establishment's AT/MP rate, 0 to 1 (its AT/MP account); the national average when absent.
    pub atmp_rate: Option<Decimal>,
    /// The versement mobilité rate of the commune, 0 to 1; none when absent.
    pub mobility_rate: Option<Decimal>,
    /// The establishment is under the régime local d'Alsace-Moselle.
    pub alsace_moselle: bool,
    /// The mutuelle's monthly premium, employer and employee shares together.
    pub health_insurance_monthly: Option<Decimal>,
    /// The employer's share of the mutuelle, 0 to 1 (50 % when absent).
    pub health_insurance_employer_share: Option<Decimal>,
}

/// Which contract this is in the apprentice's path (D25).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContractKind {
    /// A first contract (default).
    #[default]
    Initial,
    /// An avenant to a contract (D6224-5): it keeps the contract's conclusion date.
    Avenant,
    /// A new contract with the same employer (another certification, or a new one after a rupture).
    NewSameEmployer,
    /// A new contract with another employer after a rupture (L6222-18-2): the 200 € participation.
    NewOtherEmployerAfterRupture,
    /// A prolongation or a new contract after a failure at the exam (L6222-11).
    ProlongationFailure,
}

impl ContractKind {
    /// Every kind, with its JSON word.
    pub const ALL: [(ContractKind, &'static str); 5] = [
        (ContractKind::Initial, "initial"),
        (ContractKind::Avenant, "avenant"),
        (ContractKind::NewSameEmployer, "new_same_employer"),
        (
            ContractKind::NewOtherEmployerAfterRupture,
            "new_other_employer_after_rupture",
        ),
        (ContractKind::ProlongationFailure, "prolongation_failure"),
    ];

    /// Its JSON word.
    pub fn word(self) -> &'static str {
        ContractKind::ALL
            .iter()
            .find(|(k, _)| *k == self)
            .map_or("initial", |(_, w)| w)
    }

    /// A contract that follows another one of the same apprentice (D6222-29's floor may apply).
    pub fn is_successive(self) -> bool {
        matches!(
            self,
            ContractKind::NewSameEmployer
                | ContractKind::NewOtherEmployerAfterRupture
                | ContractKind::ProlongationFailure
        )
    }
}

/// When an avenant changes the CFA (D25): it decides which CFA receives the participation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CfaChange {
    /// During the 45-day probation: the second CFA receives it.
    DuringProbation,
    /// After it: it stays with the first CFA.
    AfterProbation,
}

/// Where the contract is executed (D22): the hexagone, or an overseas territory where L6522-4 extends the
/// aide unique to level 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Territory {
    /// Metropolitan France (default).
    #[default]
    Hexagone,
    Guadeloupe,
    Guyane,
    Martinique,
    Reunion,
    /// Mayotte, which has its own SMIC.
    Mayotte,
    SaintBarthelemy,
    SaintMartin,
    SaintPierreEtMiquelon,
}

impl Territory {
    /// Every territory, with its JSON word.
    pub const ALL: [(Territory, &'static str); 9] = [
        (Territory::Hexagone, "hexagone"),
        (Territory::Guadeloupe, "guadeloupe"),
        (Territory::Guyane, "guyane"),
        (Territory::Martinique, "martinique"),
        (Territory::Reunion, "reunion"),
        (Territory::Mayotte, "mayotte"),
        (Territory::SaintBarthelemy, "saint_barthelemy"),
        (Territory::SaintMartin, "saint_martin"),
        (Territory::SaintPierreEtMiquelon, "saint_pierre_et_miquelon"),
    ];

    /// Any territory but the hexagone (L6522-4: the DROM, Saint-Barthélemy, Saint-Martin and
    /// Saint-Pierre-et-Miquelon).
    pub fn is_overseas(self) -> bool {
        self != Territory::Hexagone
    }
}

/// AKTO's ultramarine mobility (D22).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UltramarineMobility {
    /// From an overseas territory to the hexagone.
    ToHexagone,
    /// Between overseas territories.
    InterOverseas,
}

/// Why a contract was broken off (D23).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuptureReason {
    /// Any rupture under L6222-18 (probation, agreement, dismissal, resignation…): the CFA keeps the
    /// apprentice up to six months and the OPCO its payments (L6222-18-2).
    #[serde(rename = "l6222_18")]
    L6222_18,
    /// The apprentice obtained the diploma (L6222-19): no maintained financing.
    DiplomaObtained,
}

/// Who employs the apprentice (D24, L6227-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmployerType {
    /// A private employer, or a public body whose staff is under private law (an EPIC): the OPCO finances.
    #[default]
    Private,
    /// The State.
    State,
    /// A territorial authority or its establishments: the CNFPT finances.
    Territorial,
    /// A public hospital.
    Hospital,
    /// Another public-law body whose staff is not under private law.
    OtherPublic,
}

/// A company's word on the alternance quota its hiring aid depends on (D21).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuotaCommitment {
    /// Committed to reach it.
    Committed,
    /// Not committed: no conditional aid.
    NotCommitted,
}

impl Contract {
    /// A contract with its dates and price; everything else absent.
    pub fn new(signed_on: Date, start: Date, end: Date, price: Decimal) -> Contract {
        Contract {
            signed_on,
            start,
            end,
            rupture_on: None,
            rupture_during_probation: false,
            after_rupture_new_employer: false,
            rncp: None,
            level: None,
            idcc: None,
            cpne: None,
            npec: None,
            price,
            price_basis: PriceBasis::Annual,
            rqth_majoration: None,
            distance_share: None,
            distance_hours: None,
            cfa_hours: None,
            distance_exempt: None,
            reduced_duration: false,
            annexes: Annexes::default(),
            cfa_entry_on: None,
            rqth: false,
            birth_date: None,
            company_headcount: None,
            monthly_salary: None,
            tutor_aid: None,
            cycle_year: None,
            licence_pro: false,
            conventional_minimum: None,
            same_level_related_diploma: false,
            employer_type: EmployerType::Private,
            alternance_quota: None,
            insertion_share: None,
            alternant_share: None,
            alternant_growth: None,
            rupture_reason: None,
            cfa_stay_until: None,
            territory: Territory::Hexagone,
            ultramarine_mobility: None,
            npec_overseas_modulation: None,
            contract_kind: ContractKind::Initial,
            cfa_change: None,
            initial_rncp: None,
            previous_aid_same_certification: false,
            previous_last_year_rate: None,
            employer_siret: None,
            previous_employer_siret: None,
            atmp_rate: None,
            mobility_rate: None,
            alsace_moselle: false,
            health_insurance_monthly: None,
            health_insurance_employer_share: None,
        }
    }

    /// A new contract with another employer after a rupture (L6222-18-2), by the flag or by its kind.
    pub fn is_new_employer_after_rupture(&self) -> bool {
        self.after_rupture_new_employer
            || self.contract_kind == ContractKind::NewOtherEmployerAfterRupture
    }

    /// True when the apprentice has RQTH (stated, or implied by a RQTH majoration).
    pub fn has_rqth(&self) -> bool {
        self.rqth || self.rqth_majoration.is_some()
    }

    /// Sets a manual annual NPEC.
    pub fn with_manual_npec(mut self, npec: Decimal) -> Contract {
        self.npec = Some(npec);
        self
    }

    /// Sets the certification level.
    pub fn with_level(mut self, level: u8) -> Contract {
        self.level = Some(level);
        self
    }

    /// Sets the certification (RNCP code, normalised when it parses) and the employer's IDCC.
    pub fn with_certification(mut self, rncp: &str, idcc: u32) -> Contract {
        self.rncp = Some(normalize_rncp(rncp).unwrap_or_else(|| rncp.to_owned()));
        self.idcc = Some(idcc);
        self
    }

    /// The bounds of the fields that need no rule set: the apprentice's age on the first day (a sanity
    /// bound, [`AGE_AT_START`]) and the year of the training cycle (1 to 3, as [`fields`] declares it).
    /// [`ContractInput::parse`] checks them, whatever else the contract asks, and so does the quote.
    ///
    /// ```
    /// use coutcontrat::Contract;
    /// use jiff::civil::date;
    /// let mut c = Contract::new(date(2025, 8, 15), date(2025, 9, 1), date(2027, 2, 28), "9000".parse().unwrap());
    /// c.birth_date = Some(date(1800, 1, 1));
    /// assert_eq!(c.check_bounds().unwrap_err().field(), Some("birth_date"));
    /// ```
    pub fn check_bounds(&self) -> Result<()> {
        if let Some(birth) = self.birth_date {
            let age = age_on(birth, self.start);
            if birth >= self.start || !AGE_AT_START.contains(&age) {
                return Err(Error::new(
                    ErrorKind::OutOfRange,
                    Some("birth_date"),
                    format!(
                        "né le {birth}, l'apprenti aurait {} ans au début du contrat ({}) : vérifiez la date de \
                         naissance (un apprenti a de {} à {} ans)",
                        age.max(0),
                        self.start,
                        AGE_AT_START.start(),
                        AGE_AT_START.end()
                    ),
                ));
            }
        }
        if let Some(cycle) = self.cycle_year {
            let (low, high) = fields::spec("cycle_year")
                .and_then(|s| s.bounds)
                .expect("cycle_year is declared with its bounds");
            if !(low..=high).contains(&u32::from(cycle)) {
                return Err(Error::new(
                    ErrorKind::OutOfRange,
                    Some("cycle_year"),
                    format!(
                        "{cycle} : l'année du cycle de formation où commence le contrat va de {low} à {high}"
                    ),
                ));
            }
        }
        // D21: the quota's figures are shares, whatever the company's size; D25: a rate of the SMIC.
        let share = "une part va de 0 à 1 (0.052) ou de 0 % à 100 % (5,2 %)";
        for (value, field, message) in [
            (self.insertion_share, "insertion_share", share),
            (self.alternant_share, "alternant_share", share),
            (self.alternant_growth, "alternant_growth", share),
            (
                self.previous_last_year_rate,
                "previous_last_year_rate",
                "le taux de la dernière année du contrat précédent va de 0 à 1 (0.67) ou de 0 % à 100 % du SMIC (67 %)",
            ),
            (
                self.health_insurance_employer_share,
                "health_insurance_employer_share",
                share,
            ),
        ] {
            if value.is_some_and(|v| v < Decimal::ZERO || v > Decimal::ONE) {
                return Err(Error::new(ErrorKind::OutOfRange, Some(field), message));
            }
        }
        Ok(())
    }

    /// The last day of the contract as executed: the rupture date, or the planned end.
    pub fn effective_end(&self) -> Date {
        self.rupture_on.unwrap_or(self.end)
    }
}

/// A scalar typed by someone: text, number or boolean, kept as text until it is parsed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(transparent)]
pub struct Loose(pub String);

impl From<&str> for Loose {
    fn from(s: &str) -> Loose {
        Loose(s.to_owned())
    }
}

impl From<String> for Loose {
    fn from(s: String) -> Loose {
        Loose(s)
    }
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Loose, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Loose;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string, a number or a boolean")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Loose, E> {
                Ok(Loose(v.to_owned()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> std::result::Result<Loose, E> {
                Ok(Loose(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<Loose, E> {
                Ok(Loose(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<Loose, E> {
                Ok(Loose(v.to_string()))
            }
            // The shortest text that reads back as the same float: 0.8 stays "0.8".
            fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<Loose, E> {
                Ok(Loose(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// Frais annexes as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnexesInput {
    /// Nights of accommodation.
    #[serde(default)]
    pub nights: Option<Loose>,
    /// Meals.
    #[serde(default)]
    pub meals: Option<Loose>,
    /// First-equipment cost.
    #[serde(default)]
    pub first_equipment: Option<Loose>,
}

/// A contract as typed by someone, every field as text: the JSON interface of the command line,
/// the columns of a batch file, the fields of the web form. [`ContractInput::parse`] checks it
/// field by field.
///
/// ```
/// let input: coutcontrat::ContractInput = serde_json::from_str(r#"{
///     "signed_on": "2025-08-15", "start": "2025-09-01", "end": "2027-02-28",
///     "npec": 7000, "price": "9000", "level": 5, "distance_share": 0.8
/// }"#).unwrap();
/// let contract = input.parse().unwrap();
/// assert_eq!(contract.distance_share.unwrap().to_string(), "0.8");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct ContractInput {
    #[serde(default)]
    pub signed_on: Option<Loose>,
    #[serde(default)]
    pub start: Option<Loose>,
    #[serde(default)]
    pub end: Option<Loose>,
    #[serde(default)]
    pub rupture_on: Option<Loose>,
    #[serde(default)]
    pub rupture_during_probation: Option<Loose>,
    #[serde(default)]
    pub after_rupture_new_employer: Option<Loose>,
    #[serde(default)]
    pub rncp: Option<Loose>,
    #[serde(default)]
    pub level: Option<Loose>,
    #[serde(default)]
    pub idcc: Option<Loose>,
    #[serde(default)]
    pub cpne: Option<Loose>,
    #[serde(default)]
    pub npec: Option<Loose>,
    #[serde(default)]
    pub price: Option<Loose>,
    #[serde(default)]
    pub price_basis: Option<Loose>,
    #[serde(default)]
    pub rqth_majoration: Option<Loose>,
    #[serde(default)]
    pub distance_share: Option<Loose>,
    #[serde(default)]
    pub distance_hours: Option<Loose>,
    #[serde(default)]
    pub cfa_hours: Option<Loose>,
    #[serde(default)]
    pub distance_exempt: Option<Loose>,
    #[serde(default)]
    pub reduced_duration: Option<Loose>,
    #[serde(default)]
    pub annexes: Option<AnnexesInput>,
    #[serde(default)]
    pub cfa_entry_on: Option<Loose>,
    #[serde(default)]
    pub rqth: Option<Loose>,
    #[serde(default)]
    pub birth_date: Option<Loose>,
    #[serde(default)]
    pub company_headcount: Option<Loose>,
    #[serde(default)]
    pub monthly_salary: Option<Loose>,
    #[serde(default)]
    pub tutor_aid: Option<Loose>,
    #[serde(default)]
    pub cycle_year: Option<Loose>,
    #[serde(default)]
    pub licence_pro: Option<Loose>,
    #[serde(default)]
    pub conventional_minimum: Option<Loose>,
    #[serde(default)]
    pub same_level_related_diploma: Option<Loose>,
    #[serde(default)]
    pub employer_type: Option<Loose>,
    #[serde(default)]
    pub alternance_quota: Option<Loose>,
    #[serde(default)]
    pub insertion_share: Option<Loose>,
    #[serde(default)]
    pub alternant_share: Option<Loose>,
    #[serde(default)]
    pub alternant_growth: Option<Loose>,
    #[serde(default)]
    pub rupture_reason: Option<Loose>,
    #[serde(default)]
    pub cfa_stay_until: Option<Loose>,
    #[serde(default)]
    pub territory: Option<Loose>,
    #[serde(default)]
    pub ultramarine_mobility: Option<Loose>,
    #[serde(default)]
    pub npec_overseas_modulation: Option<Loose>,
    #[serde(default)]
    pub contract_kind: Option<Loose>,
    #[serde(default)]
    pub cfa_change: Option<Loose>,
    #[serde(default)]
    pub initial_rncp: Option<Loose>,
    #[serde(default)]
    pub previous_aid_same_certification: Option<Loose>,
    #[serde(default)]
    pub previous_last_year_rate: Option<Loose>,
    #[serde(default)]
    pub employer_siret: Option<Loose>,
    #[serde(default)]
    pub previous_employer_siret: Option<Loose>,
    #[serde(default)]
    pub atmp_rate: Option<Loose>,
    #[serde(default)]
    pub mobility_rate: Option<Loose>,
    #[serde(default)]
    pub alsace_moselle: Option<Loose>,
    #[serde(default)]
    pub health_insurance_monthly: Option<Loose>,
    #[serde(default)]
    pub health_insurance_employer_share: Option<Loose>,
}
