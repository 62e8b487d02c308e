//! D16: the refusals of an invalid contract, each naming its field.

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::contract::{Contract, RuptureReason};
use crate::dates::add_months;
use crate::error::{Error, ErrorKind, Result};
use crate::money::{amount_limit_text, within_amount_limit};
use crate::rules::{RuleBook, RuleSet};

fn out_of_range(field: &str, message: String) -> Error {
    Error::new(ErrorKind::OutOfRange, Some(field), message)
}

fn inconsistent(field: &str, message: String) -> Error {
    Error::new(ErrorKind::Inconsistent, Some(field), message)
}

fn check_year(d: Date, field: &str) -> Result<()> {
    if (1900..=2200).contains(&d.year()) {
        Ok(())
    } else {
        Err(out_of_range(
            field,
            format!("{d} : l'année doit être comprise entre 1900 et 2200"),
        ))
    }
}

fn check_not_negative(value: Option<Decimal>, field: &str, what: &str) -> Result<()> {
    match value {
        Some(v) if v.is_sign_negative() && !v.is_zero() => Err(out_of_range(
            field,
            format!("{what} ne peut pas être négatif ({v}) : indiquez 0 ou un montant positif"),
        )),
        _ => Ok(()),
    }
}

/// D16: every refusal, each naming its field.
pub(super) fn validate<'b>(c: &Contract, rules_book: &'b RuleBook) -> Result<&'b RuleSet> {
    for (d, f) in [
        (c.signed_on, "signed_on"),
        (c.start, "start"),
        (c.end, "end"),
    ] {
        check_year(d, f)?;
    }
    if let Some(d) = c.rupture_on {
        check_year(d, "rupture_on")?;
    }
    if let Some(d) = c.cfa_entry_on {
        check_year(d, "cfa_entry_on")?;
    }
    if let Some(d) = c.cfa_stay_until {
        check_year(d, "cfa_stay_until")?;
    }
    // A contract built in code gets the checks of a parsed one.
    c.check_bounds()?;
    if let Some(level) = c.level {
        if !(3..=8).contains(&level) {
            return Err(out_of_range(
                "level",
                format!(
                    "niveau {level} : le niveau de la certification va de 3 (CAP) à 8 (doctorat)"
                ),
            ));
        }
    }
    // Found by fuzzing: amounts beyond any real contract would overflow the decimal arithmetic.
    for (value, field) in [
        (Some(c.price), "price"),
        (c.npec, "npec"),
        (c.rqth_majoration, "rqth_majoration"),
        (c.npec_overseas_modulation, "npec_overseas_modulation"),
        (Some(c.annexes.first_equipment), "annexes.first_equipment"),
        (c.monthly_salary, "monthly_salary"),
        (c.tutor_aid, "tutor_aid"),
    ] {
        if let Some(v) = value.filter(|v| !within_amount_limit(*v)) {
            return Err(out_of_range(
                field,
                format!(
                    "{v} : montant hors de toute mesure ({} au plus)",
                    amount_limit_text()
                ),
            ));
        }
    }
    check_not_negative(Some(c.price), "price", "le prix du CFA")?;
    check_not_negative(c.npec, "npec", "le NPEC")?;
    check_not_negative(c.rqth_majoration, "rqth_majoration", "la majoration RQTH")?;
    check_not_negative(
        c.npec_overseas_modulation,
        "npec_overseas_modulation",
        "la modulation du NPEC outre-mer",
    )?;
    // D22, L6523-2-3 1°: the modulation is a power of the OPCOs overseas.
    if c.npec_overseas_modulation.is_some() && !c.territory.is_overseas() {
        return Err(inconsistent(
            "npec_overseas_modulation",
            "la modulation du NPEC de L6523-2-3 1° vaut pour un contrat exécuté outre-mer : indiquez le \
             territoire (territory), ou retirez la modulation"
                .to_owned(),
        ));
    }
    check_not_negative(
        Some(c.annexes.first_equipment),
        "annexes.first_equipment",
        "le coût du premier équipement",
    )?;
    if let Some(share) = c.distance_share {
        if share < Decimal::ZERO || share > Decimal::ONE {
            return Err(out_of_range(
                "distance_share",
                format!("{share} : la part à distance est une fraction de 0 à 1 (0.8 pour 80 %)"),
            ));
        }
    }
    let rules = rules_book.rules_ref(c.signed_on)?;
    if c.end < c.start {
        return Err(inconsistent(
            "end",
            format!(
                "la date de fin ({}) précède la date de début ({}) : vérifiez les deux dates",
                c.end, c.start
            ),
        ));
    }
    if let Some(r) = c.rupture_on {
        if r < c.start || r > c.end {
            return Err(inconsistent(
                "rupture_on",
                format!(
                    "la rupture ({r}) doit tomber entre le début ({}) et la fin prévue ({}) du contrat",
                    c.start, c.end
                ),
            ));
        }
    } else if c.rupture_during_probation {
        return Err(Error::new(
            ErrorKind::Missing,
            Some("rupture_on"),
            "une rupture pendant la période probatoire demande la date de rupture (`rupture_on`)",
        ));
    }
    check_post_rupture(c)?;
    if let Some(entry) = c.cfa_entry_on {
        if entry > c.start {
            return Err(inconsistent(
                "cfa_entry_on",
                format!(
                    "l'entrée en CFA avant le contrat ({entry}) ne peut pas suivre le début du contrat ({})",
                    c.start
                ),
            ));
        }
        // D19: the start and the signature within the months of L6222-12-1 from the entry (D4's months).
        let latest = add_months(entry, rules.precontract.max_months);
        if c.start > latest || c.signed_on > latest {
            return Err(out_of_range(
                "cfa_entry_on",
                format!(
                    "entrée en CFA le {entry}, contrat conclu le {} et commencé le {} : la signature et le début doivent intervenir dans les {} mois de l'entrée en CFA (L6222-12-1), au plus tard le {latest}",
                    c.signed_on, c.start, rules.precontract.max_months
                ),
            ));
        }
    }
    Ok(rules)
}

/// D23: a stay in the CFA follows a rupture under L6222-18, and starts after it.
fn check_post_rupture(c: &Contract) -> Result<()> {
    let needs_rupture = |field: &str, what: &str| {
        Error::new(
            ErrorKind::Missing,
            Some("rupture_on"),
            format!("{what} (`{field}`) demande la date de rupture (`rupture_on`) ; sans rupture, retirez-le"),
        )
    };
    let Some(rupture) = c.rupture_on else {
        if c.cfa_stay_until.is_some() {
            return Err(needs_rupture(
                "cfa_stay_until",
                "un maintien en CFA après une rupture",
            ));
        }
        if c.rupture_reason.is_some() {
            return Err(needs_rupture("rupture_reason", "un motif de rupture"));
        }
        return Ok(());
    };
    let Some(until) = c.cfa_stay_until else {
        return Ok(());
    };
    if c.rupture_reason == Some(RuptureReason::DiplomaObtained) {
        return Err(inconsistent(
            "cfa_stay_until",
            "L. 6222-19 : pas de maintien du financement après une rupture pour obtention du diplôme ; \
             le maintien en CFA de six mois (L6222-18-2) suit une rupture en application de L6222-18 : retirez \
             la date de maintien en CFA, ou corrigez le motif de la rupture"
                .to_owned(),
        ));
    }
    if until <= rupture {
        return Err(inconsistent(
            "cfa_stay_until",
            format!(
                "le maintien en CFA ({until}) doit finir après la rupture ({rupture}) : indiquez le dernier jour \
                 passé en CFA après la rupture, ou la veille du nouveau contrat"
            ),
        ));
    }
    Ok(())
}
