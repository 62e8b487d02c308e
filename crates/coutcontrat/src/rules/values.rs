//! The values of the financing parameters: what one rule set holds for each.

use std::borrow::Cow;
use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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
    /// The exemption of D6332-82-1 II is in force (the arrêté applies, D27): a contract may be exempt.
    #[serde(default)]
    pub applies: bool,
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

/// An OPCO's ultramarine mobility (D22, L6523-2-3 2°): a once-per-contract annexes amount.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MobilityRule {
    /// The OPCO that pays it, as the IDCC list names it.
    pub opco: String,
    /// From an overseas territory to the hexagone.
    pub to_hexagone: Decimal,
    /// Between overseas territories.
    pub inter_overseas: Decimal,
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

/// The stay in a CFA after a rupture (D23).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostRuptureRule {
    /// The OPCO pays at most this many months from the day after the rupture.
    pub max_months: i32,
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
