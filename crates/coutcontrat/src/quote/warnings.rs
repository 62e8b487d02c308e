//! Warnings: the quote stands, but something deserves attention; and those about the contract's duration.

use serde::Serialize;

use super::{Ctx, Quoter};
use crate::dates::{add_months, add_years, ordinal};

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
