//! The readings of the texts where they leave a choice (RULES.md section 0): a leaf module, so that the
//! employer's cost can read the policy without depending on the quote.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How a 366-day execution year is prorated (open question 1 of RULES.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// D3: leap-year handling.
    pub leap_year: LeapYear,
    /// D7: the RQTH majoration is prorated like the NPEC (OCAPIAT's older practice: not prorated).
    pub rqth_prorated: bool,
    /// D5: apply the +10 % of a reduced contract under one year ("peut être majoré").
    pub short_contract_majoration: bool,
    /// D10: the OPCO's first-equipment forfait, when below the legal cap.
    pub equipment_forfait: Option<Decimal>,
    /// D17: a rupture inside the aid's year also prorates the first month of a contract planned for a year
    /// or more (when concluded under décret 2025-1031); by default only its last month.
    pub first_month_on_rupture: bool,
    /// D17: a contract is "running on 1 November 2025" by its start date, not its conclusion.
    pub transition_by_start: bool,
    /// D17: the aid rounded month by month, not once for the year.
    pub per_month_rounding: bool,
    /// D21: a company of 250 or more that says nothing of the alternance quota is taken to reach it.
    pub assume_quota_met: bool,
    /// D21: the RQTH amount of a company of 250 or more does not depend on the quota.
    pub rqth_without_quota: bool,
    /// D19: the pre-contract days over 365, not over the first execution year's length.
    pub precontract_denominator_365: bool,
    /// D28: the probation participation is half of what the OPCO funds for the period (min of the price
    /// and the NPEC), not half of the NPEC.
    pub probation_base_opco_funded: bool,
    /// D20: a code absent from the edition in force, listed earlier, takes the latest earlier row (warning
    /// `superseded_edition_row`) instead of the error of cases (c) and (d).
    pub previous_edition_row: bool,
    /// D20: refuse a code absent from a partial edition in force (cases b and e) instead of a provisional
    /// figure.
    pub strict_partial: bool,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            leap_year: LeapYear::AnniversaryLength,
            rqth_prorated: true,
            short_contract_majoration: true,
            equipment_forfait: None,
            first_month_on_rupture: false,
            transition_by_start: false,
            per_month_rounding: false,
            assume_quota_met: false,
            rqth_without_quota: false,
            precontract_denominator_365: false,
            probation_base_opco_funded: false,
            previous_edition_row: false,
            strict_partial: false,
        }
    }
}
