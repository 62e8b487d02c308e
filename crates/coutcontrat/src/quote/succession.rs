//! D25: avenants, successive contracts, a change of CFA or of certification. An avenant keeps the
//! contract's conclusion date, so no figure changes (D6224-5); a change of CFA changes none either, the NPEC
//! being keyed on the certification and the branch (D6332-78); a change of certification is a new contract.

use super::{Ctx, Quoter};
use crate::contract::{CfaChange, Contract, ContractKind};
use crate::error::{Error, ErrorKind, Result};
use crate::money::{euros, Money};

fn inconsistent(field: &str, message: String) -> Error {
    Error::new(ErrorKind::Inconsistent, Some(field), message)
}

/// The first nine digits of a SIRET: the company, whatever its establishment.
fn siren(siret: &str) -> &str {
    siret.get(..9).unwrap_or(siret)
}

/// D25's refusals: each input of a successive contract given with a kind it does not fit, an avenant that
/// changes the certification, a "new" employer with the previous one's SIREN.
pub(super) fn check_succession(c: &Contract) -> Result<()> {
    let kind = c.contract_kind;
    let word = kind.word();
    if c.after_rupture_new_employer
        && !matches!(
            kind,
            ContractKind::Initial | ContractKind::NewOtherEmployerAfterRupture
        )
    {
        return Err(inconsistent(
            "after_rupture_new_employer",
            format!(
                "un nouveau contrat avec un autre employeur après une rupture est la nature \
                 new_other_employer_after_rupture, pas {word} : corrigez la nature du contrat ou retirez la case"
            ),
        ));
    }
    if c.cfa_change.is_some() && kind != ContractKind::Avenant {
        return Err(inconsistent(
            "cfa_change",
            format!(
                "un changement de CFA se fait par avenant au contrat (D6224-5) : indiquez la nature avenant, \
                 ou retirez le changement de CFA (nature indiquée : {word})"
            ),
        ));
    }
    if let Some(initial) = &c.initial_rncp {
        if kind != ContractKind::Avenant {
            return Err(inconsistent(
                "initial_rncp",
                format!(
                    "la certification du contrat initial ne sert qu'à un avenant : indiquez la nature avenant, \
                     ou retirez-la (nature indiquée : {word})"
                ),
            ));
        }
        if let Some(rncp) = c.rncp.as_ref().filter(|r| *r != initial) {
            return Err(inconsistent(
                "rncp",
                format!(
                    "un changement de certification ({initial} → {rncp}) exige un nouveau contrat, pas un \
                     avenant : indiquez la nature new_same_employer et la date de conclusion du nouveau contrat"
                ),
            ));
        }
    }
    if c.previous_aid_same_certification
        && !matches!(
            kind,
            ContractKind::NewSameEmployer | ContractKind::ProlongationFailure
        )
    {
        let why = match kind {
            ContractKind::NewOtherEmployerAfterRupture => {
                "la condition de D6243-2 I porte sur une aide du même employeur : un contrat avec un autre \
                 employeur n'est pas concerné, retirez la case"
            }
            ContractKind::Avenant => {
                "un avenant garde l'aide du contrat qu'il modifie : retirez la case"
            }
            _ => {
                "une aide déjà perçue suppose un contrat précédent avec le même employeur : indiquez la nature \
                 new_same_employer ou prolongation_failure, ou retirez la case"
            }
        };
        return Err(inconsistent(
            "previous_aid_same_certification",
            why.to_owned(),
        ));
    }
    if c.previous_last_year_rate.is_some() && !kind.is_successive() {
        return Err(inconsistent(
            "previous_last_year_rate",
            format!(
                "le taux de la dernière année du contrat précédent (D6222-29) vaut pour un contrat successif : \
                 indiquez la nature new_same_employer, new_other_employer_after_rupture ou prolongation_failure, \
                 ou retirez-le (nature indiquée : {word})"
            ),
        ));
    }
    if c.previous_employer_siret.is_some() && !kind.is_successive() {
        return Err(inconsistent(
            "previous_employer_siret",
            format!(
                "le SIRET de l'employeur précédent vaut pour un contrat successif : indiquez la nature du \
                 contrat, ou retirez-le (nature indiquée : {word})"
            ),
        ));
    }
    if let (Some(now), Some(before)) = (&c.employer_siret, &c.previous_employer_siret) {
        let same = siren(now) == siren(before);
        if same && c.is_new_employer_after_rupture() {
            return Err(inconsistent(
                "previous_employer_siret",
                format!(
                    "SIREN {} des deux côtés : c'est le même employeur, pas un autre employeur après une rupture \
                     (L6222-18-2) ; indiquez la nature new_same_employer (participation entière, pas 200 €), \
                     ou corrigez le SIRET",
                    siren(now)
                ),
            ));
        }
        if !same && kind == ContractKind::NewSameEmployer {
            return Err(inconsistent(
                "previous_employer_siret",
                format!(
                    "SIREN {} et {} : ce ne sont pas le même employeur ; après une rupture, indiquez la nature \
                     new_other_employer_after_rupture, ou corrigez le SIRET",
                    siren(now),
                    siren(before)
                ),
            ));
        }
    }
    Ok(())
}

impl Quoter<'_> {
    /// D25's information lines: an avenant changes no figure, and who receives the participation when it
    /// changes the CFA.
    pub(super) fn succession_notes(&self, ctx: &mut Ctx, participation: Money) {
        let c = ctx.contract;
        if c.contract_kind != ContractKind::Avenant {
            return;
        }
        ctx.warn(
            "avenant_figures_unchanged",
            format!(
                "avenant : le contrat garde sa date de conclusion ({}), donc son NPEC, sa participation et son aide \
                 à l'embauche ; l'OPCO statue sur le maintien de sa prise en charge (D6224-5)",
                c.signed_on
            ),
            "indiquez en date de conclusion celle du contrat initial, pas celle de l'avenant",
        );
        let Some(change) = c.cfa_change else {
            return;
        };
        let who = match (change, participation.is_zero()) {
            (_, true) => "pas de participation pour ce contrat : rien ne passe d'un CFA à l'autre".to_owned(),
            (CfaChange::DuringProbation, false) => format!(
                "la participation de {} est perçue par le second CFA, si l'employeur a informé les deux CFA et l'OPCO",
                euros(participation)
            ),
            (CfaChange::AfterProbation, false) => format!(
                "la participation de {} reste acquise au premier CFA",
                euros(participation)
            ),
        };
        ctx.warn(
            "cfa_change_participation",
            format!(
                "changement de CFA {} : {who} ; le NPEC ne dépend pas du CFA (D6332-78), aucun montant ne change",
                match change {
                    CfaChange::DuringProbation => "pendant la période probatoire",
                    CfaChange::AfterProbation => "après la période probatoire",
                }
            ),
            "questions-réponses du ministère du travail, 30 juin 2025",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::contract::{CfaChange, ContractKind};
    use crate::{Contract, Quoter, Referentiel};
    use jiff::civil::date;

    fn avenant(change: CfaChange) -> Vec<String> {
        let mut c = Contract::new(
            date(2026, 9, 14),
            date(2026, 9, 14),
            date(2028, 9, 13),
            "7000".parse().unwrap(),
        )
        .with_manual_npec("7000".parse().unwrap())
        .with_level(6);
        c.contract_kind = ContractKind::Avenant;
        c.cfa_change = Some(change);
        let referentiel = Referentiel::default();
        let q = Quoter::new(&referentiel).quote(&c).unwrap();
        q.warnings.iter().map(|w| w.message.clone()).collect()
    }

    #[test]
    fn the_participation_follows_the_cfa_change_by_the_probation() {
        let during = avenant(CfaChange::DuringProbation).join("\n");
        assert!(
            during.contains("750,00\u{a0}€ est perçue par le second CFA"),
            "{during}"
        );
        let after = avenant(CfaChange::AfterProbation).join("\n");
        assert!(
            after.contains("750,00\u{a0}€ reste acquise au premier CFA"),
            "{after}"
        );
        assert!(
            after.contains("garde sa date de conclusion (2026-09-14)"),
            "{after}"
        );
    }
}
