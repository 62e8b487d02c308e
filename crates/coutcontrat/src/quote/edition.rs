//! D20: a certification absent from the référentiel edition in force: the errors of cases (c) and (d), the
//! warnings of an earlier edition's row, and a NPEC given over the table's.

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::{Ctx, Quoter};
use crate::contract::Contract;
use crate::error::{Error, ErrorKind, Result};
use crate::money::euros;
use crate::referentiel::{Coverage, FoundRow, Standing, SuccessorSource, TableLookup};

impl Quoter<'_> {
    /// The edition in force as a message names it: `2026-09 (contrats conclus depuis le 2026-09-01)`.
    fn edition_words(&self, signed_on: Date) -> (String, Coverage) {
        match self.referentiel.edition_in_force(signed_on) {
            Some((v, coverage)) => (
                format!("{} (contrats conclus depuis le {})", v.tag, v.applies_from),
                coverage,
            ),
            None => ("en vigueur".to_owned(), Coverage::Partial),
        }
    }

    /// The amount of a code for a branch in the edition in force, when it has one.
    fn amount_in_force(&self, rncp: &str, cpne: u32, signed_on: Date) -> Option<Decimal> {
        let rows = self.referentiel.rows_of(rncp)?;
        match self.referentiel.lookup_in(rows, cpne, signed_on) {
            TableLookup::Found(found) => Some(found.amount),
            TableLookup::Absent(_) => None,
        }
    }

    /// Cases (c) and (d): the code is absent from the edition in force and was listed earlier.
    pub(super) fn absent_from_edition(
        &self,
        rncp: &str,
        standing: &Standing,
        c: &Contract,
    ) -> Result<Error> {
        let cpne = self.referentiel.resolve_cpne(c.idcc, c.cpne, c.signed_on)?;
        let (edition, coverage) = self.edition_words(c.signed_on);
        let old_row = self.amount_in_force(rncp, cpne, c.signed_on);
        let old = |last: &str| match old_row {
            Some(amount) => format!("{last}, {} pour la CPNE {cpne}", euros(amount)),
            None => last.to_owned(),
        };
        Ok(match standing {
            Standing::Superseded {
                successors,
                last_listed,
            } => {
                let mut named = Vec::new();
                let mut candidates = Vec::new();
                for s in successors {
                    let amount = self.amount_in_force(&s.rncp, cpne, c.signed_on);
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
        })
    }

    /// Option `strict_partial`: no provisional figure for a code absent from a partial edition in force.
    pub(super) fn strict_partial_error(&self, rncp: &str, signed_on: Date) -> Error {
        let (edition, _) = self.edition_words(signed_on);
        Error::new(
            ErrorKind::CertificationNotInEdition,
            Some("rncp"),
            format!(
                "{rncp} ne figure pas dans l'extrait livré de l'édition {edition}, qui n'est pas complet (option \
                 strict_partial) : importez le classeur officiel (coutcontrat import) ou indiquez le NPEC (`npec`)"
            ),
        )
    }

    /// Case (e), or option `previous_edition_row`: an earlier edition's row, provisional.
    pub(super) fn earlier_row_warning(
        &self,
        ctx: &mut Ctx,
        code: &'static str,
        rncp: &str,
        found: &FoundRow<'_>,
        standing: &Standing,
    ) {
        let (edition, _) = self.edition_words(ctx.contract.signed_on);
        if code == "referentiel_partial" {
            ctx.warn(
                code,
                format!(
                    "ligne de l'édition {} ({}) : {rncp} est absent de l'extrait livré de l'édition en vigueur, {edition}, \
                     qui est partiel ; montant retenu à titre provisoire",
                    found.version,
                    euros(found.amount)
                ),
                "importez le classeur officiel (coutcontrat import) ou indiquez le NPEC (`npec`)",
            );
            return;
        }
        let successors = match standing {
            Standing::Superseded { successors, .. } => successors
                .iter()
                .map(|s| s.rncp.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            _ => String::new(),
        };
        ctx.warn(
            code,
            format!(
                "{rncp} ne figure pas dans l'édition {edition} : la ligne de l'édition {} ({}) est reprise \
                 (option previous_edition_row), à titre provisoire",
                found.version,
                euros(found.amount)
            ),
            if successors.is_empty() {
                "vérifiez le code RNCP du Cerfa : c'est lui que l'OPCO contrôle".to_owned()
            } else {
                format!("indiquez le code RNCP en vigueur ({successors}) : c'est lui que l'OPCO contrôle")
            },
        );
    }

    /// A NPEC given with a code the table has: the input wins, the table's amount named.
    pub(super) fn npec_overridden(&self, ctx: &mut Ctx, manual: Decimal) {
        let c = ctx.contract;
        let Some(rncp) = c.rncp.as_deref() else {
            return;
        };
        let Ok(cpne) = self.referentiel.resolve_cpne(c.idcc, c.cpne, c.signed_on) else {
            return;
        };
        // A code the edition in force does not list has no table value to override (D20).
        if self.referentiel.standing(rncp, c.signed_on) != Standing::Listed {
            return;
        }
        let Some(rows) = self.referentiel.rows_of(rncp) else {
            return;
        };
        if let TableLookup::Found(found) = self.referentiel.lookup_in(rows, cpne, c.signed_on) {
            if found.amount != manual {
                ctx.warn(
                    "npec_overridden",
                    format!(
                        "le NPEC saisi ({}) remplace celui du référentiel {} pour {rncp} × CPNE {cpne} ({})",
                        euros(manual),
                        found.version,
                        euros(found.amount)
                    ),
                    "retirez `npec` pour appliquer le référentiel, ou gardez-le si l'OPCO vous a notifié ce montant",
                );
            }
        }
    }
}
