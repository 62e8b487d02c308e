//! What a quote holds: the NPEC used and its provenance, the lines beside the years, the totals.

use std::sync::Arc;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::explanations::{Explanation, Source};
use super::schedule::Instalment;
use super::warnings::Warning;
use super::years::YearLine;
use crate::employer::NetCost;
use crate::money::Money;
use crate::referentiel::Coverage;
use crate::rules::Regime;

/// Where the annual NPEC comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NpecSource {
    /// A row of a table version.
    Table,
    /// Given by the caller.
    Manual,
    /// The amorçage value of the level (D11), provisional.
    Amorcage,
}

/// The table row behind a NPEC. Its texts are shared with the référentiel (a quote copies none of them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RowRef {
    /// The certification cell as published.
    pub rncp_cell: Arc<str>,
    /// The certification label.
    pub label: Arc<str>,
    /// The sheet of the official workbook.
    pub sheet: Arc<str>,
    /// Its line in that sheet, when known.
    pub line: Option<u32>,
    /// The date the row applies from.
    pub applicable_from: Date,
}

/// The distance minoration, when applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Minoration {
    /// The share of teaching at distance.
    pub share: Decimal,
    /// The NPEC before.
    pub before: Money,
    /// The NPEC after (never below the floor, unless it already was).
    pub after: Money,
}

/// The annual NPEC used and its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NpecUsed {
    /// The annual NPEC after the distance minoration, before proration and the +10 % (D5).
    pub annual: Money,
    /// The NPEC as found (table, manual or amorçage), before the minoration.
    pub base: Money,
    /// Where it comes from.
    pub source: NpecSource,
    /// The table version, for a table NPEC.
    pub table_version: Option<Arc<str>>,
    /// The row's status (`A`, `CPNE`, `R`…), for a table NPEC.
    pub status: Option<Arc<str>>,
    /// True for an amorçage value, to be regularised (D6332-80).
    pub provisional: bool,
    /// The CPNE used, when a table was consulted.
    pub cpne: Option<u32>,
    /// Its label.
    pub cpne_label: Option<Arc<str>>,
    /// The row, for a table NPEC.
    pub row: Option<RowRef>,
    /// True when the table version is synthetic (never real amounts).
    pub synthetic: bool,
    /// The coverage of the edition the figure rests on (D20): the row's, or for an amorçage value the
    /// edition in force's; none for a NPEC given or before any edition.
    pub coverage: Option<Coverage>,
    /// The distance minoration, when applied.
    pub minoration: Option<Minoration>,
}

/// Days in a CFA before the contract (D14).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PrecontractLine {
    /// First day in the CFA.
    pub from: Date,
    /// Last day counted.
    pub to: Date,
    /// Days counted.
    pub days: i64,
    /// NPEC × days / 365.
    pub amount: Money,
}

/// Days in the CFA after a rupture, which the OPCO keeps paying (D23, L6222-18-2): its own line, with no
/// +10 %, no price cap, no participation and nothing for the employer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PostRuptureLine {
    /// The day after the rupture.
    pub from: Date,
    /// The last day paid: the stay's end, capped at six months and at the planned end.
    pub to: Date,
    /// The last day in the CFA as given (`cfa_stay_until`).
    pub requested_until: Date,
    /// Days paid, both ends included.
    pub days: i64,
    /// Months paid in the monthly regime (started with the stay, minus those the contract paid), else `None`.
    pub months: Option<u32>,
    /// The NPEC after minoration, prorated over each execution year the stay runs through.
    pub amount: Money,
    /// The RQTH majoration for the stay, prorated the same way.
    pub rqth: Money,
    /// The overseas modulation for the stay (D22), prorated the same way.
    #[serde(default)]
    pub overseas_modulation: Money,
    /// The decision of RULES.md section 0 (`D23`).
    pub rule: String,
    /// The articles behind it.
    pub article: String,
}

/// Which participation applies (D8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AnnexesLine {
    /// Accommodation.
    pub nights: Money,
    /// Meals.
    pub meals: Money,
    /// First equipment, capped.
    pub first_equipment: Money,
    /// AKTO's ultramarine mobility, once per contract (D22).
    #[serde(default)]
    pub ultramarine_mobility: Money,
    /// Their sum.
    pub total: Money,
}

/// Totals of the quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Totals {
    /// Sum of the NPEC lines.
    pub npec: Money,
    /// Sum of the price lines.
    pub price: Money,
    /// What the OPCO pays for teaching (years and pre-contract days, after the participation, ≥ 0; then
    /// the days in the CFA after a rupture).
    pub opco: Money,
    /// The employer's remaining charge, participation included.
    pub employer: Money,
    /// Sum of the RQTH lines (the years' and the stay's after a rupture).
    pub rqth: Money,
    /// Sum of the overseas modulation lines (D22), the years' and the stay's after a rupture.
    #[serde(default)]
    pub overseas_modulation: Money,
    /// Frais annexes.
    pub annexes: Money,
    /// Everything the OPCO pays the CFA: teaching, RQTH, overseas modulation and frais annexes.
    pub opco_all: Money,
}

/// The quote of one contract. It owns everything it holds; the texts of its provenance are shared with the
/// référentiel and the rule book it was computed with (`Arc<str>`), so making a quote copies none of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quote {
    /// The annual NPEC and where it comes from.
    pub npec: NpecUsed,
    /// Daily or monthly proration.
    pub regime: Regime,
    /// The rule set in force (`daily-2025-07-01`).
    pub rule_set: Arc<str>,
    /// The certification level used.
    pub level: Option<u8>,
    /// One line per execution year.
    pub years: Vec<YearLine>,
    /// Days in a CFA before the contract.
    pub precontract: Option<PrecontractLine>,
    /// Days in the CFA after a rupture, paid by the OPCO.
    pub post_rupture: Option<PostRuptureLine>,
    /// The employer participation, deducted from the OPCO's first payment.
    pub participation: Money,
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
