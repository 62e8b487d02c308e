//! D24: a public employer whose staff is not under private law is outside the OPCO's financing
//! (L6227-1, L6227-6): the quote is refused with who pays instead.

use crate::contract::{Contract, EmployerType};
use crate::employer::EmployerBook;
use crate::error::{Error, ErrorKind, Result};
use crate::money::french_number;

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
    Err(Error::new(
        ErrorKind::PublicEmployer,
        Some("employer_type"),
        format!(
            "Employeur public : pas de financement par un OPCO (L6227-1). {payer}. Pas d'aide à l'embauche \
             (L6227-12), pas de participation de 750 €. Un organisme public dont le personnel relève du droit \
             privé (un EPIC) est un employeur privé : indiquez private"
        ),
    ))
}
