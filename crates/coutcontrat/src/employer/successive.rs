//! D25: what a successive contract changes in the employer's cost: no second hiring aid for the same
//! employer, apprentice and certification (D6243-2 I), and the previous contract's last-year rate as a
//! floor of the minimum salary (D6222-29; D6222-28 for a prolongation after a failure).

use rust_decimal::Decimal;

use super::EmployerBook;
use crate::contract::Contract;
use crate::dates::french_date;
use crate::quote::warnings::Warning;

/// D6243-2 I: whether the previous aid excludes this contract's; a warning says why, either way.
pub(super) fn previous_aid_excludes(
    c: &Contract,
    book: &EmployerBook,
    warnings: &mut Vec<Warning>,
) -> bool {
    if !c.previous_aid_same_certification {
        return false;
    }
    let in_force = book.no_second_aid.at(c.signed_on);
    let (excludes, message) = match in_force {
        Some((true, src)) => (
            true,
            format!(
                "pas d'aide à l'embauche : le même employeur l'a déjà perçue pour un contrat précédent avec le même apprenti et la même certification ({} ; {})",
                src.article, src.reference
            ),
        ),
        _ => (
            false,
            format!(
                "l'exclusion d'une seconde aide pour le même apprenti et la même certification (D6243-2 I) ne vaut que pour les contrats conclus depuis le {} : l'aide est comptée",
                first_day_in_force(book).map_or_else(String::new, french_date)
            ),
        ),
    };
    warnings.push(Warning {
        code: "hiring_aid_previous_aid",
        message,
        hint: "un nouveau contrat avec le même employeur pour une autre certification garde son aide : ne cochez la case que pour la même certification".to_owned(),
    });
    excludes
}

fn first_day_in_force(book: &EmployerBook) -> Option<jiff::civil::Date> {
    book.no_second_aid.froms().find(|from| {
        book.no_second_aid
            .at(*from)
            .is_some_and(|(applies, _)| applies)
    })
}

/// D6222-29 (and D6222-28): the previous contract's last-year rate, when the contract follows one and it
/// is given; the minimum of every month is then at least that rate, unless the grid gives more.
pub(super) fn salary_floor(c: &Contract, warnings: &mut Vec<Warning>) -> Option<Decimal> {
    if !c.contract_kind.is_successive() {
        return None;
    }
    if c.previous_last_year_rate.is_none() && c.birth_date.is_some() {
        warnings.push(Warning {
            code: "previous_rate_unknown",
            message: "contrat successif : le salaire minimum est au moins celui de la dernière année du contrat précédent (D6222-29 ; D6222-28 après un échec) ; ce taux n'est pas indiqué, seule la grille selon l'âge est appliquée".to_owned(),
            hint: "indiquez le taux de la dernière année du contrat précédent (previous_last_year_rate, 0.67 ou 67 %)".to_owned(),
        });
    }
    c.previous_last_year_rate
}
