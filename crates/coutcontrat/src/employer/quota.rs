//! D21: whether a company of 250 employees or more reaches the alternance quota its hiring aid depends on,
//! from its word (`alternance_quota`) or its figures (the 5 % route, or the 3 % + 10 % one).

use crate::contract::{Contract, QuotaCommitment};
use crate::error::{Error, ErrorKind, Result};
use crate::quote::policy::Policy;

use super::book::QuotaRule;

/// What is known of the quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Quota {
    /// Reached or committed to: the conditional aid counts.
    Met,
    /// Not committed, or the figures reach neither route.
    NotMet,
    /// Nothing said: the conditional aid is not counted, with a warning.
    Unknown,
}

/// The quota of `c` under `rule`.
pub(crate) fn quota(c: &Contract, rule: &QuotaRule, policy: &Policy) -> Result<Quota> {
    // The shares' ranges are checked with the contract (`Contract::check_bounds`).
    match (c.alternant_share, c.alternant_growth) {
        (Some(_), None) => return Err(missing_pair("alternant_growth", "la progression")),
        (None, Some(_)) => return Err(missing_pair("alternant_share", "la part")),
        _ => {}
    }
    let figures = c.insertion_share.is_some() || c.alternant_share.is_some();
    let reached = c.insertion_share.is_some_and(|s| s >= rule.insertion_share)
        || c.alternant_share
            .zip(c.alternant_growth)
            .is_some_and(|(share, growth)| {
                share >= rule.alternant_share && growth >= rule.alternant_growth
            });
    let contradiction = |said: &str| {
        Err(Error::new(
            ErrorKind::Inconsistent,
            Some("alternance_quota"),
            format!(
                "l'entreprise se dit {said}, mais les parts indiquées {} le seuil : corrigez l'un ou l'autre",
                if reached { "atteignent" } else { "n'atteignent pas" }
            ),
        ))
    };
    Ok(match c.alternance_quota {
        Some(QuotaCommitment::Committed) if figures && !reached => {
            return contradiction("engagée à atteindre le seuil d'alternants")
        }
        Some(QuotaCommitment::NotCommitted) if figures && reached => {
            return contradiction("non engagée")
        }
        Some(QuotaCommitment::Committed) => Quota::Met,
        Some(QuotaCommitment::NotCommitted) => Quota::NotMet,
        None if figures => {
            if reached {
                Quota::Met
            } else {
                Quota::NotMet
            }
        }
        None if policy.assume_quota_met => Quota::Met,
        None => Quota::Unknown,
    })
}

fn missing_pair(field: &'static str, what: &str) -> Error {
    Error::new(
        ErrorKind::Missing,
        Some(field),
        format!(
            "la voie des 3 % demande la part d'alternants et leur progression : indiquez aussi {what}"
        ),
    )
}

/// True when the contract says something of the quota.
pub(crate) fn quota_given(c: &Contract) -> bool {
    c.alternance_quota.is_some()
        || c.insertion_share.is_some()
        || c.alternant_share.is_some()
        || c.alternant_growth.is_some()
}
