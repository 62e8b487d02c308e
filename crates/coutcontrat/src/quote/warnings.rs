//! Warnings: the quote stands, but something deserves attention; and those about the contract's duration.

use serde::{Deserialize, Serialize};

use super::{Ctx, Quoter};
use crate::dates::{add_months, add_years, french_date, ordinal};

/// Every code a warning can have, so that a quote read back keeps them as `&'static str`.
pub(crate) const CODES: &[&str] = &[
    "amorcage",
    "amorcage_to_confirm",
    "avenant_figures_unchanged",
    "cfa_change_participation",
    "conventional_minimum_unknown",
    "conventional_minimum_unused",
    "distance_exemptions_unknown",
    "duration_over_max",
    "duration_under_min",
    "equipment_cap_to_confirm",
    "equipment_capped",
    "alternance_quota_ignored",
    "atmp_rate_default",
    "contributions_to_confirm",
    "health_insurance_share_below_minimum",
    "lodeom_not_modelled",
    "mobility_rate_ignored",
    "hiring_aid_conditional",
    "hiring_aid_previous_aid",
    "hiring_aid_regime_unknown",
    "npec_overridden",
    "participation_exceeds_funding",
    "participation_exceeds_opco",
    "post_rupture_capped",
    "precontract_start_not_signature",
    "probation_rupture_late",
    "previous_rate_unknown",
    "referentiel_partial",
    "rqth_capped",
    "salary_below_minimum",
    "signed_after_start",
    "smic_to_confirm",
    "superseded_edition_row",
    "synthetic_table",
    "table_tie",
    "transition_by_conclusion",
    "tutor_aid_capped",
];

/// `text` as the `&'static str` of `known` it equals, for a quote read back.
pub(crate) fn one_of(text: &str, known: &'static [&'static str]) -> Result<&'static str, String> {
    known
        .iter()
        .find(|k| **k == text)
        .copied()
        .ok_or_else(|| format!("`{text}` inconnu"))
}

/// A warning as read, before its code is matched to a known one.
#[derive(Deserialize)]
struct WarningText {
    code: String,
    message: String,
    hint: String,
}

impl TryFrom<WarningText> for Warning {
    type Error = String;
    fn try_from(w: WarningText) -> Result<Warning, String> {
        Ok(Warning {
            code: one_of(&w.code, CODES)?,
            message: w.message,
            hint: w.hint,
        })
    }
}

/// A warning: the quote stands, but something deserves attention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Warning {
    /// Stable code (`amorcage`, `duration_over_max`…).
    pub code: &'static str,
    /// What it is about.
    pub message: String,
    /// What to do.
    pub hint: String,
}

impl Quoter<'_> {
    pub(super) fn duration_warnings(&self, ctx: &mut Ctx) {
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
                    french_date(c.start),
                    french_date(c.end),
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
                    french_date(c.start),
                    french_date(c.end),
                    limits.min_months
                ),
                "vérifiez les dates ; un contrat plus court n'est possible que dans les cas prévus par L6222-7-1",
            );
        }
        if c.signed_on > c.start {
            ctx.warn(
                "signed_after_start",
                format!(
                    "le contrat est conclu ({}) après son début ({})",
                    french_date(c.signed_on),
                    french_date(c.start)
                ),
                "c'est la date de conclusion qui choisit les règles et la ligne du référentiel : vérifiez-la",
            );
        }
    }
}

impl<'de> Deserialize<'de> for Warning {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Warning, D::Error> {
        WarningText::deserialize(d)?
            .try_into()
            .map_err(serde::de::Error::custom)
    }
}
