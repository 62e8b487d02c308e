//! D20: the errors of a code absent from the edition in force, listed earlier (cases c and d).

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::{Coverage, Referentiel, Standing, SuccessorSource, TableLookup};
use crate::error::{Error, ErrorKind};
use crate::money::euros;

impl Referentiel {
    /// The edition in force as a message names it: `2026-09 (contrats conclus depuis le 2026-09-01)`.
    pub(crate) fn edition_words(&self, signed_on: Date) -> (String, Coverage) {
        match self.edition_in_force(signed_on) {
            Some((v, coverage)) => (
                format!("{} (contrats conclus depuis le {})", v.tag, v.applies_from),
                coverage,
            ),
            None => ("en vigueur".to_owned(), Coverage::Partial),
        }
    }

    /// The amount of a code for a branch in the edition in force, when it has one.
    fn amount_in_force(&self, rncp: &str, cpne: u32, signed_on: Date) -> Option<Decimal> {
        let rows = self.rows_of(rncp)?;
        match self.lookup_in(rows, cpne, signed_on) {
            TableLookup::Found(found) => Some(found.amount),
            TableLookup::Absent(_) => None,
        }
    }

    /// The error of cases (c) and (d) for a code absent from the edition in force and listed earlier, in
    /// branch `cpne`: its successors with their amount (the candidates), or the last edition that listed it.
    pub fn absent_from_edition(
        &self,
        rncp: &str,
        standing: &Standing,
        cpne: u32,
        signed_on: Date,
    ) -> Error {
        let (edition, coverage) = self.edition_words(signed_on);
        let old_row = self.amount_in_force(rncp, cpne, signed_on);
        let old = |last: &str| match old_row {
            Some(amount) => format!("{last}, {} pour la CPNE {cpne}", euros(amount)),
            None => last.to_owned(),
        };
        match standing {
            Standing::Superseded {
                successors,
                last_listed,
            } => {
                let mut named = Vec::new();
                let mut candidates = Vec::new();
                for s in successors {
                    let amount = self.amount_in_force(&s.rncp, cpne, signed_on);
                    let how = match &s.how {
                        SuccessorSource::Grouped(tag) => format!("l'édition {tag} le groupait avec {}", s.rncp),
                        SuccessorSource::Renewed(source) => format!(
                            "la liste des certifications renouvelées ({source}) le remplace par {}",
                            s.rncp
                        ),
                    };
                    let figure = match amount {
                        Some(a) => format!("qui y figure ({} pour cette branche)", euros(a)),
                        None => format!("sans montant pour la CPNE {cpne} dans le référentiel chargé"),
                    };
                    named.push(format!("{how}, {figure}"));
                    candidates.push(match amount {
                        Some(a) => format!("{} – {}", s.rncp, euros(a)),
                        None => s.rncp.clone(),
                    });
                }
                Error::new(
                    ErrorKind::CertificationSuperseded,
                    Some("rncp"),
                    format!(
                        "{rncp} ne figure pas dans l'édition {edition} ; {} (ancienne ligne : édition {}) : indiquez \
                         le code RNCP en vigueur, celui que l'OPCO contrôle sur le Cerfa (le NPEC suit la \
                         certification renouvelée, D6332-78 V)",
                        named.join(" ; "),
                        old(last_listed)
                    ),
                )
                .with_candidates(candidates)
            }
            Standing::Dropped { last_listed } => Error::new(
                ErrorKind::CertificationNotInEdition,
                Some("rncp"),
                format!(
                    "{rncp} ne figure pas dans l'édition {edition}{}, et aucun successeur n'est connu ; la dernière \
                     édition qui le listait est {} : vérifiez le code RNCP du Cerfa (fiche France compétences) ou \
                     indiquez le NPEC (`npec`) ; l'option previous_edition_row reprend l'ancienne ligne",
                    if coverage == Coverage::Complete { ", complète" } else { "" },
                    old(last_listed)
                ),
            ),
            _ => Error::new(
                ErrorKind::Data,
                Some("rncp"),
                format!("{rncp} : situation du code dans l'édition en vigueur inattendue"),
            ),
        }
    }
}
