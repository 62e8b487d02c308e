//! D11, D12, D20: the annual NPEC, from the caller, a table row or the amorçage value.

use rust_decimal::Decimal;

use super::{explain, Ctx, NpecSource, NpecUsed, Quoter, RowRef};
use crate::error::{Error, ErrorKind, Result};
use crate::money::{amount_limit_text, euros, within_amount_limit, Money};
use crate::referentiel::{AbsentReason, Coverage, FoundRow, Standing, TableLookup};
use crate::text::quoted;

/// Bug 4 of issue 17: a row whose amount no contract can have (a cell of 1e28, imported before the importer
/// refused it, or a hand-edited `npec.csv`) made every quote on it panic. It is refused, row named.
fn absurd_row(rncp: &str, cpne: u32, found: &FoundRow<'_>) -> Error {
    let origin = &found.row.origin;
    let amount = match found.row.amount_raw.as_str() {
        "" => found.amount.to_string(),
        raw => quoted(raw),
    };
    Error::new(
        ErrorKind::Data,
        None,
        format!(
            "le référentiel {} donne pour {rncp} × CPNE {cpne} un NPEC de « {amount} » (onglet « {} »{}), hors \
             de toute mesure ({} au plus) : cette ligne est erronée ; corrigez-la (coutcontrat verify la signale) \
             ou réimportez le référentiel officiel",
            quoted(found.version),
            quoted(&origin.sheet),
            origin
                .line
                .map(|l| format!(", ligne {l}"))
                .unwrap_or_default(),
            amount_limit_text()
        ),
    )
}

impl Quoter<'_> {
    /// The NPEC used, and the annual amount found, exact (before the minoration).
    pub(super) fn base_npec(&self, ctx: &mut Ctx) -> Result<(NpecUsed, Decimal)> {
        let rules = ctx.rules;
        let c = ctx.contract;
        let empty = |base: Decimal, source: NpecSource| NpecUsed {
            annual: Money::from_decimal(base),
            base: Money::from_decimal(base),
            source,
            table_version: None,
            status: None,
            provisional: source == NpecSource::Amorcage,
            cpne: None,
            cpne_label: None,
            row: None,
            synthetic: false,
            coverage: None,
            minoration: None,
        };
        if let Some(manual) = c.npec {
            explain!(
                ctx,
                "npec.base",
                "D12",
                "D6332-78",
                format!("NPEC annuel saisi : {}", euros(manual)),
            );
            self.npec_overridden(ctx, manual);
            return Ok((empty(manual, NpecSource::Manual), manual));
        }
        let Some(rncp) = c.rncp.as_deref() else {
            return Err(Error::new(
                ErrorKind::Missing,
                Some("rncp"),
                "indiquez le code RNCP de la certification (RNCP34826), ou un NPEC annuel (`npec`)",
            ));
        };
        // D20: the edition in force, and where the code stands against it.
        let in_force = self.referentiel.edition_in_force(c.signed_on);
        let partial = in_force.is_some_and(|(_, coverage)| coverage == Coverage::Partial);
        let standing = self.referentiel.standing(rncp, c.signed_on);
        let earlier = match &standing {
            Standing::Unknown if partial && self.policy.strict_partial => {
                return Err(self.strict_partial_error(rncp, c.signed_on));
            }
            Standing::Dropped { .. } if partial && self.policy.strict_partial => {
                return Err(self.strict_partial_error(rncp, c.signed_on));
            }
            Standing::Dropped { .. } if partial => Some("referentiel_partial"),
            Standing::Superseded { .. } | Standing::Dropped { .. }
                if self.policy.previous_edition_row =>
            {
                Some("superseded_edition_row")
            }
            Standing::Superseded { .. } | Standing::Dropped { .. } => {
                return Err(self.absent_from_edition(rncp, &standing, c)?);
            }
            _ => None,
        };
        let (reason, cpne) = if let Some(rows) = self.referentiel.rows_of(rncp) {
            let cpne = self.referentiel.resolve_cpne(c.idcc, c.cpne, c.signed_on)?;
            match self.referentiel.lookup_in(rows, cpne, c.signed_on) {
                TableLookup::Found(found) => {
                    if !within_amount_limit(found.amount) {
                        return Err(absurd_row(rncp, cpne, &found));
                    }
                    let label = self.referentiel.shared_cpne_label(cpne);
                    explain!(
                ctx,
                        "npec.base",
                        "D12",
                        "D6332-78 ; R6332-25",
                        format!(
                            "référentiel {} : {} × CPNE {}{} = {} (statut {}, applicable aux contrats conclus depuis le {}, onglet « {} »{})",
                            found.version,
                            rncp,
                            cpne,
                            label.map(|l| format!(" ({l})")).unwrap_or_default(),
                            euros(found.amount),
                            if found.row.status.is_empty() { "non précisé" } else { &found.row.status },
                            found.applicable_from,
                            found.row.origin.sheet,
                            found.row.origin.line.map(|l| format!(", ligne {l}")).unwrap_or_default()
                        ),
                    );
                    if let Some(other) = found.tie_with {
                        ctx.warn(
                            "table_tie",
                            format!(
                                "la version {} donne deux montants pour {} × CPNE {} : {} et {} ; le plus élevé est retenu",
                                found.version,
                                rncp,
                                cpne,
                                euros(found.amount),
                                euros(other)
                            ),
                            "vérifiez auprès de l'OPCO le montant qu'il applique",
                        );
                    }
                    if found.synthetic {
                        ctx.warn(
                            "synthetic_table",
                            format!("le référentiel {} est synthétique : ses montants ne sont pas réels", found.version),
                            "importez le référentiel officiel de France compétences",
                        );
                    }
                    if let Some(code) = earlier {
                        self.earlier_row_warning(ctx, code, rncp, &found, &standing);
                    }
                    let (tag, shared) = self.referentiel.shared_row(found.at);
                    return Ok((
                        NpecUsed {
                            provisional: earlier.is_some(),
                            coverage: Some(found.coverage),
                            table_version: Some(tag.clone()),
                            status: shared.status.clone(),
                            cpne: Some(cpne),
                            cpne_label: label.cloned(),
                            row: Some(RowRef {
                                rncp_cell: shared.rncp_cell.clone(),
                                label: shared.label.clone(),
                                sheet: shared.sheet.clone(),
                                line: found.row.origin.line,
                                applicable_from: found.applicable_from,
                            }),
                            synthetic: found.synthetic,
                            ..empty(found.amount, NpecSource::Table)
                        },
                        found.amount,
                    ));
                }
                TableLookup::Absent(reason) => (reason, Some(cpne)),
            }
        } else {
            (AbsentReason::NotInTable, None)
        };
        // D11: amorçage.
        let Some(level) = c.level else {
            return Err(Error::new(
                ErrorKind::Missing,
                Some("level"),
                format!(
                    "{rncp} n'a pas de NPEC applicable : la valeur d'amorçage dépend du niveau de la certification (3 à 8), indiquez-le"
                ),
            ));
        };
        let value = ctx
            .rules
            .amorcage
            .get(&level.to_string())
            .copied()
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::Data,
                    Some("level"),
                    format!("pas de valeur d'amorçage pour le niveau {level}"),
                )
            })?;
        if !within_amount_limit(value) {
            return Err(Error::new(
                ErrorKind::Data,
                Some("level"),
                format!(
                    "la valeur d'amorçage du niveau {level} ({value} €) est hors de toute mesure ({} au plus) : \
                     corrigez le fichier de paramètres",
                    amount_limit_text()
                ),
            ));
        }
        let src = &rules.sources.amorcage;
        ctx.cite("D11", "Valeur d'amorçage", src);
        let why = match &reason {
            AbsentReason::NotInTable => format!("{rncp} ne figure dans aucune version du référentiel chargé"),
            AbsentReason::NoRowForBranch { cpne } => format!(
                "{rncp} figure au référentiel, mais sans ligne pour la CPNE {cpne} applicable à un contrat conclu le {}",
                c.signed_on
            ),
            AbsentReason::NotDefined { cpne, version, raw } => format!(
                "le référentiel {version} indique « {raw} » pour {rncp} × CPNE {cpne} (pas de valeur définie)"
            ),
        };
        ctx.warn(
            "amorcage",
            format!(
                "{why} : la valeur d'amorçage du niveau {level} ({}) est retenue, à titre provisoire",
                euros(value)
            ),
            "l'OPCO régularise quand le NPEC est publié (D6332-80) ; importez le référentiel le plus récent pour vérifier",
        );
        // D20 (b), (e): absence from an extract proves nothing.
        if let (Some((edition, Coverage::Partial)), false) =
            (in_force, matches!(reason, AbsentReason::NotDefined { .. }))
        {
            let renewed: Vec<&str> = self
                .referentiel
                .renewals_of(rncp)
                .iter()
                .map(|r| r.new.as_str())
                .collect();
            ctx.warn(
                "referentiel_partial",
                format!(
                    "{rncp} est absent de l'extrait livré de l'édition {} du référentiel, qui n'est pas complet : le NPEC réel existe peut-être{}",
                    edition.tag,
                    if renewed.is_empty() {
                        String::new()
                    } else {
                        format!(" (la liste des certifications renouvelées le remplace par {})", renewed.join(", "))
                    }
                ),
                "importez le classeur officiel (coutcontrat import) ou indiquez le NPEC (`npec`)",
            );
        }
        if src.to_confirm {
            ctx.warn(
                "amorcage_to_confirm",
                format!(
                    "valeur d'amorçage à confirmer pour un contrat conclu le {} : {}",
                    c.signed_on, src.reference
                ),
                "vérifiez l'arrêté d'amorçage en vigueur à la date de conclusion",
            );
        }
        explain!(
            ctx,
            "npec.base",
            "D11",
            &src.article,
            format!(
                "{why} : valeur d'amorçage du niveau {level} = {} ({})",
                euros(value),
                src.reference
            ),
        );
        Ok((
            NpecUsed {
                cpne,
                coverage: in_force.map(|(_, coverage)| coverage),
                cpne_label: cpne.and_then(|c| self.referentiel.shared_cpne_label(c).cloned()),
                ..empty(value, NpecSource::Amorcage)
            },
            value,
        ))
    }
}
