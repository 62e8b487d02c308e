//! The contract: its typed form, and the loose form typed by people (JSON, CSV, a web form).

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use crate::dates::age_on;
use crate::error::{Error, ErrorKind, Result};
use crate::text::quoted;

pub mod fields;
use crate::referentiel::normalize_rncp;
pub use fields::INPUT_FIELDS;

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
        }
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
        // D21: the quota's figures are shares, whatever the company's size.
        for (value, field) in [
            (self.insertion_share, "insertion_share"),
            (self.alternant_share, "alternant_share"),
            (self.alternant_growth, "alternant_growth"),
        ] {
            if value.is_some_and(|v| v < Decimal::ZERO || v > Decimal::ONE) {
                return Err(Error::new(
                    ErrorKind::OutOfRange,
                    Some(field),
                    "une part va de 0 à 1 (0.052) ou de 0 % à 100 % (5,2 %)",
                ));
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
}

fn present(value: &Option<Loose>) -> Option<&str> {
    value.as_ref().map(|v| v.0.trim()).filter(|v| !v.is_empty())
}

fn invalid(field: &str, message: String) -> Error {
    Error::new(ErrorKind::Invalid, Some(field), message)
}

fn required<'a>(value: &'a Option<Loose>, field: &str, what: &str) -> Result<&'a str> {
    present(value).ok_or_else(|| {
        Error::new(
            ErrorKind::Missing,
            Some(field),
            format!("{what} est obligatoire"),
        )
    })
}

/// Parses a date written `YYYY-MM-DD` (or `DD/MM/YYYY`), refusing a day the calendar lacks.
pub fn parse_date(text: &str, field: &str) -> Result<Date> {
    let t = text.trim();
    // The common `YYYY-MM-DD`, without building strings (a batch reads millions).
    if let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *t.as_bytes() {
        let digits = [y1, y2, y3, y4, m1, m2, d1, d2];
        if digits.iter().all(u8::is_ascii_digit) {
            let n = |ds: &[u8]| ds.iter().fold(0i16, |a, d| a * 10 + i16::from(d - b'0'));
            let (y, m, d) = (n(&digits[..4]), n(&digits[4..6]), n(&digits[6..]));
            if let Ok(date) = Date::new(y, m as i8, d as i8) {
                return Ok(date);
            }
        }
    }
    let iso = match t.split('/').collect::<Vec<_>>().as_slice() {
        [d, m, y] if y.len() == 4 => format!("{y}-{m:0>2}-{d:0>2}"),
        _ => t.to_owned(),
    };
    let bad = || {
        invalid(
            field,
            format!(
                "« {} » n'est pas une date valide : écrivez-la AAAA-MM-JJ (par exemple 2025-09-01)",
                quoted(t)
            ),
        )
    };
    let parts: Vec<&str> = iso.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    if y.len() != 4 || m.is_empty() || d.is_empty() || m.len() > 2 || d.len() > 2 {
        return Err(bad());
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i16>(), m.parse::<i8>(), d.parse::<i8>()) else {
        return Err(bad());
    };
    Date::new(y, m, d).map_err(|_| {
        invalid(
            field,
            format!(
                "le {} n'existe pas dans le calendrier : vérifiez le jour et le mois",
                quoted(t)
            ),
        )
    })
}

/// Parses an amount or a share: `1234.5`, `1 234,50 €`, `80 %` (→ 0.80 when `percent` is allowed).
pub fn parse_decimal(text: &str, field: &str, percent: bool) -> Result<Decimal> {
    let t = text.trim();
    // Plain `8500` or `8500.50`: no cleaning needed.
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        if let Ok(value) = t.parse::<Decimal>() {
            return Ok(value);
        }
    }
    let is_percent = t.ends_with('%');
    let cleaned: String = t
        .trim_end_matches('%')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '€' && *c != '\u{202f}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let value: Decimal = cleaned
        .parse()
        .or_else(|_| Decimal::from_scientific(&cleaned))
        .map_err(|_| {
            invalid(
                field,
                format!(
                    "« {} » n'est pas un nombre : écrivez par exemple 8500 ou 8500.50",
                    quoted(t)
                ),
            )
        })?;
    if is_percent {
        if !percent {
            return Err(invalid(
                field,
                format!(
                    "« {} » : un montant en euros est attendu, pas un pourcentage",
                    quoted(t)
                ),
            ));
        }
        return Ok(value / Decimal::from(100));
    }
    Ok(value)
}

fn parse_bool(text: &str, field: &str) -> Result<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "oui" | "vrai" | "on" => Ok(true),
        "false" | "0" | "no" | "non" | "faux" | "off" => Ok(false),
        other => Err(invalid(
            field,
            format!(
                "« {} » : répondez true ou false (oui ou non)",
                quoted(other)
            ),
        )),
    }
}

fn parse_count(text: &str, field: &str) -> Result<u32> {
    let t = text.trim();
    if let Some(rest) = t.strip_prefix('-') {
        if rest.parse::<u64>().is_ok() {
            return Err(Error::new(
                ErrorKind::OutOfRange,
                Some(field),
                format!(
                    "{} : un nombre négatif n'a pas de sens ici, indiquez 0 ou plus",
                    quoted(t)
                ),
            ));
        }
    }
    t.parse::<u32>().map_err(|_| {
        invalid(
            field,
            format!(
                "« {} » n'est pas un nombre entier : indiquez un nombre (0, 1, 2…)",
                quoted(t)
            ),
        )
    })
}

/// Parses an IDCC: up to 4 digits, leading zeros dropped (`0573` → 573).
pub fn parse_idcc(text: &str, field: &str) -> Result<u32> {
    let t = text.trim();
    let digits = t.strip_prefix("IDCC").unwrap_or(t).trim();
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid(
            field,
            format!("« {} » n'est pas un IDCC : c'est un code de 1 à 4 chiffres (case « code IDCC » du Cerfa)", quoted(t)),
        ));
    }
    Ok(digits.parse().expect("4 ASCII digits fit in u32"))
}

impl ContractInput {
    /// Checks every field and gives the typed contract, or the first error with its field.
    ///
    /// The bounds that need no rules are checked here too ([`Contract::check_bounds`]); ranges that depend on
    /// the rules in force, and the consistency of dates, are checked by the quote.
    pub fn parse(&self) -> Result<Contract> {
        let signed_on = parse_date(
            required(&self.signed_on, "signed_on", "la date de conclusion")?,
            "signed_on",
        )?;
        let start = parse_date(required(&self.start, "start", "la date de début")?, "start")?;
        let end = parse_date(required(&self.end, "end", "la date de fin prévue")?, "end")?;
        let price = parse_decimal(
            required(&self.price, "price", "le prix du CFA")?,
            "price",
            false,
        )?;
        let date = |v: &Option<Loose>, f: &str| present(v).map(|t| parse_date(t, f)).transpose();
        let dec = |v: &Option<Loose>, f: &str, pct: bool| {
            present(v).map(|t| parse_decimal(t, f, pct)).transpose()
        };
        let flag = |v: &Option<Loose>, f: &str| {
            present(v)
                .map(|t| parse_bool(t, f))
                .transpose()
                .map(|b| b.unwrap_or(false))
        };
        let rncp = present(&self.rncp)
            .map(|t| {
                normalize_rncp(t).ok_or_else(|| {
                    invalid(
                        "rncp",
                        format!("« {} » n'est pas un code RNCP : il s'écrit RNCP suivi de chiffres (RNCP34826)", quoted(t)),
                    )
                })
            })
            .transpose()?;
        let level = present(&self.level)
            .map(|t| {
                let t = t.trim_start_matches(['N', 'n']);
                t.parse::<u8>().map_err(|_| {
                    Error::new(
                        ErrorKind::OutOfRange,
                        Some("level"),
                        format!(
                            "« {} » : le niveau est un chiffre de 3 (CAP) à 8 (doctorat)",
                            quoted(t)
                        ),
                    )
                })
            })
            .transpose()?;
        let cpne = present(&self.cpne)
            .map(|t| {
                t.parse::<u32>().map_err(|_| {
                    invalid(
                        "cpne",
                        format!(
                            "« {} » n'est pas un code CPNE : c'est un nombre (65, 134…)",
                            quoted(t)
                        ),
                    )
                })
            })
            .transpose()?;
        let price_basis = match present(&self.price_basis)
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            None | Some("annual") | Some("annuel") | Some("year") => PriceBasis::Annual,
            Some("total") | Some("contract") => PriceBasis::Total,
            Some(other) => {
                return Err(invalid(
                    "price_basis",
                    format!(
                        "« {} » : indiquez \"annual\" (prix par an) ou \"total\" (prix du contrat)",
                        quoted(other)
                    ),
                ))
            }
        };
        let annexes = match &self.annexes {
            None => Annexes::default(),
            Some(a) => Annexes {
                nights: present(&a.nights)
                    .map(|t| parse_count(t, "annexes.nights"))
                    .transpose()?
                    .unwrap_or(0),
                meals: present(&a.meals)
                    .map(|t| parse_count(t, "annexes.meals"))
                    .transpose()?
                    .unwrap_or(0),
                first_equipment: dec(&a.first_equipment, "annexes.first_equipment", false)?
                    .unwrap_or_default(),
            },
        };
        let contract = Contract {
            signed_on,
            start,
            end,
            rupture_on: date(&self.rupture_on, "rupture_on")?,
            rupture_during_probation: flag(
                &self.rupture_during_probation,
                "rupture_during_probation",
            )?,
            after_rupture_new_employer: flag(
                &self.after_rupture_new_employer,
                "after_rupture_new_employer",
            )?,
            rncp,
            level,
            idcc: present(&self.idcc)
                .map(|t| parse_idcc(t, "idcc"))
                .transpose()?,
            cpne,
            npec: dec(&self.npec, "npec", false)?,
            price,
            price_basis,
            rqth_majoration: dec(&self.rqth_majoration, "rqth_majoration", false)?,
            distance_share: dec(&self.distance_share, "distance_share", true)?,
            distance_hours: dec(&self.distance_hours, "distance_hours", false)?,
            cfa_hours: dec(&self.cfa_hours, "cfa_hours", false)?,
            distance_exempt: present(&self.distance_exempt)
                .map(|t| parse_bool(t, "distance_exempt"))
                .transpose()?,
            reduced_duration: flag(&self.reduced_duration, "reduced_duration")?,
            annexes,
            cfa_entry_on: date(&self.cfa_entry_on, "cfa_entry_on")?,
            rqth: flag(&self.rqth, "rqth")?,
            birth_date: date(&self.birth_date, "birth_date")?,
            company_headcount: present(&self.company_headcount)
                .map(|t| parse_count(t, "company_headcount"))
                .transpose()?,
            monthly_salary: dec(&self.monthly_salary, "monthly_salary", false)?,
            tutor_aid: dec(&self.tutor_aid, "tutor_aid", false)?,
            cycle_year: present(&self.cycle_year)
                .map(|t| {
                    t.parse::<u8>().map_err(|_| {
                        Error::new(
                            ErrorKind::OutOfRange,
                            Some("cycle_year"),
                            format!("« {} » : l'année du cycle de formation où commence le contrat est 1, 2 ou 3", quoted(t)),
                        )
                    })
                })
                .transpose()?,
            licence_pro: flag(&self.licence_pro, "licence_pro")?,
            conventional_minimum: dec(&self.conventional_minimum, "conventional_minimum", false)?,
            same_level_related_diploma: flag(
                &self.same_level_related_diploma,
                "same_level_related_diploma",
            )?,
            employer_type: match present(&self.employer_type)
                .map(str::to_ascii_lowercase)
                .as_deref()
            {
                None | Some("private") | Some("prive") | Some("privé") => EmployerType::Private,
                Some("state") | Some("etat") | Some("état") => EmployerType::State,
                Some("territorial") => EmployerType::Territorial,
                Some("hospital") | Some("hospitalier") => EmployerType::Hospital,
                Some("other_public") => EmployerType::OtherPublic,
                Some(other) => {
                    return Err(invalid(
                        "employer_type",
                        format!(
                            "« {} » : indiquez private (employeur privé, ou public dont le personnel relève du droit privé), state, territorial, hospital ou other_public",
                            crate::text::quoted(other)
                        ),
                    ))
                }
            },
            alternance_quota: match present(&self.alternance_quota)
                .map(str::to_ascii_lowercase)
                .as_deref()
            {
                None => None,
                Some("committed") | Some("engagee") | Some("engagée") => Some(QuotaCommitment::Committed),
                Some("not_committed") | Some("non_engagee") | Some("non engagée") => {
                    Some(QuotaCommitment::NotCommitted)
                }
                Some(other) => {
                    return Err(invalid(
                        "alternance_quota",
                        format!(
                            "« {} » : indiquez \"committed\" (engagée à atteindre le seuil d'alternants) ou \"not_committed\"",
                            crate::text::quoted(other)
                        ),
                    ))
                }
            },
            insertion_share: dec(&self.insertion_share, "insertion_share", true)?,
            alternant_share: dec(&self.alternant_share, "alternant_share", true)?,
            alternant_growth: dec(&self.alternant_growth, "alternant_growth", true)?,
            rupture_reason: match present(&self.rupture_reason)
                .map(str::to_ascii_lowercase)
                .as_deref()
            {
                None => None,
                Some("l6222_18") | Some("l6222-18") => Some(RuptureReason::L6222_18),
                Some("diploma_obtained") => Some(RuptureReason::DiplomaObtained),
                Some(other) => {
                    return Err(invalid(
                        "rupture_reason",
                        format!(
                            "« {} » : indiquez \"l6222_18\" (rupture en application de L6222-18 : période probatoire, accord des parties, licenciement, démission…) ou \"diploma_obtained\" (obtention du diplôme, L6222-19)",
                            quoted(other)
                        ),
                    ))
                }
            },
            cfa_stay_until: date(&self.cfa_stay_until, "cfa_stay_until")?,
        };
        contract.check_bounds()?;
        Ok(contract)
    }
}
