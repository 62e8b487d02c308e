//! D20: a certification absent from the référentiel edition in force: the errors of cases (c) and (d), the
//! warnings of an earlier edition's row, and a NPEC given over the table's.

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::{Ctx, Quoter};
use crate::contract::Contract;
use crate::error::{Error, ErrorKind, Result};
use crate::money::euros;
use crate::referentiel::{FoundRow, Standing, TableLookup};

impl Quoter<'_> {
    /// Cases (c) and (d): the code is absent from the edition in force and was listed earlier.
    pub(super) fn absent_from_edition(
        &self,
        rncp: &str,
        standing: &Standing,
        c: &Contract,
    ) -> Result<Error> {
        let cpne = self.referentiel.resolve_cpne(c.idcc, c.cpne, c.signed_on)?;
        Ok(self
            .referentiel
            .absent_from_edition(rncp, standing, cpne, c.signed_on))
    }

    /// Option `strict_partial`: no provisional figure for a code absent from a partial edition in force.
    pub(super) fn strict_partial_error(&self, rncp: &str, signed_on: Date) -> Error {
        let (edition, _) = self.referentiel.edition_words(signed_on);
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
        let (edition, _) = self.referentiel.edition_words(ctx.contract.signed_on);
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
