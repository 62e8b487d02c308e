//! D24: a public employer whose staff is not under private law is outside the OPCO's financing
//! (L6227-1, L6227-6): the quote is refused with who pays instead, and, the apprentice's birth date given,
//! the minimum salary still due (D6272-1) with the points a public employer may add (D6272-2).

use crate::contract::{Contract, EmployerType};
use crate::dates::{add_days, age_on};
use crate::employer::EmployerBook;
use crate::error::{Error, ErrorKind, Result};
use crate::money::{cents, euros, french_number};
use rust_decimal::Decimal;

/// The refusal of a public employer, naming who pays the CFA instead.
pub(super) fn refuse_public_employer(c: &Contract, book: &EmployerBook) -> Result<()> {
    let payer = match c.employer_type {
        EmployerType::Private => return Ok(()),
        EmployerType::Territorial => match book.cnfpt_share.at(c.signed_on) {
            Some((share, src)) if share >= rust_decimal::Decimal::ONE => format!(
                "Collectivité territoriale : le CNFPT prend en charge les frais de formation, dans la limite de \
                 son barème, frais annexes exclus ({})",
                src.reference
            ),
            Some((share, src)) => format!(
                "Collectivité territoriale : le CNFPT prend en charge {} % des frais de formation ({})",
                french_number(share * rust_decimal::Decimal::from(100)),
                src.reference
            ),
            None => "Collectivité territoriale : l'employeur paie le CFA, par convention".to_owned(),
        },
        EmployerType::State | EmployerType::Hospital | EmployerType::OtherPublic => {
            "l'employeur paie lui-même le CFA, par convention avec lui (L6227-6)".to_owned()
        }
    };
    let salary = public_minimum(c, book)
        .map(|s| format!(" {s}."))
        .unwrap_or_default();
    Err(Error::new(
        ErrorKind::PublicEmployer,
        Some("employer_type"),
        format!(
            "Employeur public : pas de financement par un OPCO (L6227-1). {payer}. Pas d'aide à l'embauche \
             (L6227-12), pas de participation de 750 €.{salary} Un organisme public dont le personnel relève du \
             droit privé (un EPIC) est un employeur privé : indiquez private"
        ),
    ))
}

/// D6272-1: the minimum of D6222-26 for the contract's first month (the age and the SMIC of that month, the
/// year of the cycle it starts in), and the same with each majoration of D6272-2; `None` without a birth date.
fn public_minimum(c: &Contract, book: &EmployerBook) -> Option<String> {
    let birth = c.birth_date?;
    let (smic, _) = book.smic_in(c.territory, c.start)?;
    let (grid, _) = book.salary_grid.at(c.start)?;
    let (points, points_src) = book.public_salary_points.at(c.signed_on)?;
    // The bracket of the month, as the net cost reads it: the age on the eve of its first day.
    let month = c.start.first_of_month();
    let age = age_on(birth, add_days(month, -1).max(birth));
    let rates = match age {
        a if a >= 26 => &grid.from_26,
        a if a >= 21 => &grid.from_21,
        a if a >= 18 => &grid.from_18,
        _ => &grid.under_18,
    };
    let mut index = usize::from(c.cycle_year.unwrap_or(1).clamp(1, 3) - 1);
    if c.licence_pro {
        index = index.max(1);
    }
    let rate = rates[index];
    let pct = |r: Decimal| french_number((r * Decimal::from(100)).normalize());
    let options: Vec<String> = points
        .iter()
        .map(|p| format!("+{} points : {}", pct(*p), euros(cents((rate + p) * smic))))
        .collect();
    Some(format!(
        "Le salaire minimum reste dû (D6272-1) : {} % du SMIC ({}) = {} par mois au début du contrat ; \
         l'employeur public peut le majorer ({}) : {}",
        pct(rate),
        euros(smic),
        euros(cents(rate * smic)),
        points_src.article,
        options.join(", ")
    ))
}
