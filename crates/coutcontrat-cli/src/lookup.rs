//! `coutcontrat lookup`, `search` and `branches`: the référentiel without a contract.

use std::fmt::Write as _;

use coutcontrat::money::{cents, euros};
use coutcontrat::referentiel::{
    normalize_rncp, AbsentReason, BranchHit, Certification, Coverage, Standing, TableLookup,
};
use coutcontrat::text::quoted;
use coutcontrat::{
    contract::parse_date, contract::parse_idcc, error::ErrorKind, rules::RuleBook, Error,
    Referentiel,
};
use jiff::civil::Date;
use serde::Serialize;

use crate::failure::Failure;
use crate::render::{fr_date, table, Align};

/// What `lookup` was asked.
pub struct LookupQuery<'a> {
    /// The certification, as typed.
    pub rncp: &'a str,
    /// The employer's IDCC, as typed.
    pub idcc: Option<&'a str>,
    /// The branch's CPNE, as typed.
    pub cpne: Option<&'a str>,
    /// The date of conclusion, as typed.
    pub signed_on: &'a str,
    /// The certification level, as typed (for the amorçage value when there is no NPEC).
    pub level: Option<&'a str>,
}

/// The row behind a NPEC, as `lookup` shows it.
#[derive(Debug, Serialize)]
pub struct RowOut {
    /// The certification cell as published.
    pub rncp_cell: String,
    /// The certification label.
    pub label: String,
    /// The diploma type.
    pub diploma_type: String,
    /// The first certifier.
    pub certifier: String,
    /// The amount cell as published.
    pub amount_raw: String,
    /// The sheet of the official workbook.
    pub sheet: String,
    /// Its line in that sheet.
    pub line: Option<u32>,
    /// The date the row applies from.
    pub applicable_from: Date,
}

/// The NPEC of a certification in a branch, in the shape of the quote's `npec` object.
#[derive(Debug, Serialize)]
pub struct NpecOut {
    /// The annual NPEC; absent when there is none and no level says which amorçage value applies.
    pub annual: Option<String>,
    /// `table` or `amorcage`.
    pub source: &'static str,
    /// The table version.
    pub table_version: Option<String>,
    /// The row's status.
    pub status: Option<String>,
    /// True for an amorçage value.
    pub provisional: bool,
    /// The CPNE used.
    pub cpne: Option<u32>,
    /// Its label.
    pub cpne_label: Option<String>,
    /// The row.
    pub row: Option<RowOut>,
    /// True when the table version is synthetic.
    pub synthetic: bool,
    /// Another amount of the same version for the pair (D12: the higher one is taken).
    pub tie_with: Option<String>,
}

/// Why there is no table NPEC.
#[derive(Debug, Serialize)]
pub struct AbsentOut {
    /// `not_in_table`, `no_row_for_branch` or `not_defined`.
    pub reason: &'static str,
    /// The same in a French sentence.
    pub message: String,
    /// The amount cell as published, for `not_defined` (`NC`, `NR`).
    pub raw: Option<String>,
}

/// The answer of `lookup`.
#[derive(Debug, Serialize)]
pub struct LookupOut {
    /// The normalised RNCP code.
    pub rncp: String,
    /// The date of conclusion.
    pub signed_on: Date,
    /// The IDCC given.
    pub idcc: Option<u32>,
    /// The certification as the référentiel knows it.
    pub certification: Option<Certification>,
    /// The NPEC.
    pub npec: NpecOut,
    /// Why there is no table NPEC, when there is none.
    pub absent: Option<AbsentOut>,
    /// The level used for the amorçage value.
    pub level: Option<u8>,
    /// The text behind the amorçage value.
    pub amorcage_reference: Option<String>,
    /// Why no amorçage value can be given for this date (a contract concluded before the rules the
    /// calculator implements).
    pub amorcage_unavailable: Option<String>,
}

fn bad(field: &str, message: String) -> Failure {
    Failure::Lib(Error::new(ErrorKind::Invalid, Some(field), message))
}

/// The most results a search gives (`search`, `branches` of the HTTP service and of the npm package).
pub const MAX_LIMIT: usize = 1000;

/// A search's `limit` as typed: a whole number from 1 to [`MAX_LIMIT`].
pub fn parse_limit(text: &str) -> Result<usize, Failure> {
    match text.parse::<usize>() {
        Ok(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        _ => Err(Failure::Usage(format!(
            "limit « {text} » : un nombre entier de 1 à {MAX_LIMIT}"
        ))),
    }
}

/// D12 and D11 for one certification, branch and date of conclusion.
pub fn lookup(referentiel: &Referentiel, q: &LookupQuery) -> Result<LookupOut, Failure> {
    if q.idcc.is_none() && q.cpne.is_none() {
        return Err(Failure::Usage(
            "paramètre « idcc » ou « cpne » manquant : la branche de l'employeur choisit le NPEC"
                .into(),
        ));
    }
    let rncp = normalize_rncp(q.rncp).ok_or_else(|| {
        bad(
            "rncp",
            format!(
                "« {} » n'est pas un code RNCP : il s'écrit RNCP suivi de chiffres (RNCP34826)",
                quoted(q.rncp)
            ),
        )
    })?;
    let signed_on = parse_date(q.signed_on, "signed_on")?;
    let idcc = q.idcc.map(|t| parse_idcc(t, "idcc")).transpose()?;
    let cpne = q
        .cpne
        .map(|t| {
            t.trim().parse::<u32>().map_err(|_| {
                bad(
                    "cpne",
                    format!(
                        "« {} » n'est pas un code CPNE : c'est un nombre (65, 134…)",
                        quoted(t)
                    ),
                )
            })
        })
        .transpose()?;
    let level = q
        .level
        .map(
            |t| match t.trim().trim_start_matches(['N', 'n']).parse::<u8>() {
                Ok(l) if (3..=8).contains(&l) => Ok(l),
                _ => Err(Failure::Lib(Error::new(
                    ErrorKind::OutOfRange,
                    Some("level"),
                    format!(
                        "« {} » : le niveau est un chiffre de 3 (CAP) à 8 (doctorat)",
                        quoted(t)
                    ),
                ))),
            },
        )
        .transpose()?;
    let certification = referentiel
        .search_certifications(&rncp, 1)
        .into_iter()
        .find(|c| c.rncp == rncp);
    let mut npec = NpecOut {
        annual: None,
        source: "amorcage",
        table_version: None,
        status: None,
        provisional: true,
        cpne: None,
        cpne_label: None,
        row: None,
        synthetic: false,
        tie_with: None,
    };
    // D12: a certification in no version goes to the amorçage value whatever the branch.
    let reason = if !referentiel.knows_certification(&rncp) {
        AbsentReason::NotInTable
    } else {
        let cpne = referentiel.resolve_cpne(idcc, cpne, signed_on)?;
        npec.cpne = Some(cpne);
        npec.cpne_label = referentiel.cpne_label(cpne).map(str::to_owned);
        // D20, as a quote under the default policy: a code absent from the edition in force is refused when
        // a successor is known or the edition is complete, else its earlier row is provisional.
        let standing = referentiel.standing(&rncp, signed_on);
        let partial = referentiel
            .edition_in_force(signed_on)
            .is_some_and(|(_, coverage)| coverage == Coverage::Partial);
        match &standing {
            Standing::Superseded { .. } => {
                return Err(Failure::Lib(
                    referentiel.absent_from_edition(&rncp, &standing, cpne, signed_on),
                ))
            }
            Standing::Dropped { .. } if !partial => {
                return Err(Failure::Lib(
                    referentiel.absent_from_edition(&rncp, &standing, cpne, signed_on),
                ))
            }
            _ => {}
        }
        let earlier = matches!(standing, Standing::Dropped { .. });
        match referentiel.lookup(&rncp, cpne, signed_on) {
            TableLookup::Found(found) => {
                let row = found.row;
                npec.annual = Some(cents(found.amount).to_string());
                npec.source = "table";
                npec.table_version = Some(found.version.to_owned());
                npec.status = Some(row.status.clone()).filter(|s| !s.is_empty());
                npec.provisional = earlier;
                npec.synthetic = found.synthetic;
                npec.tie_with = found.tie_with.map(|t| cents(t).to_string());
                npec.row = Some(RowOut {
                    rncp_cell: row.rncp_cell.clone(),
                    label: row.label.clone(),
                    diploma_type: row.diploma_type.clone(),
                    certifier: row.certifier.clone(),
                    amount_raw: row.amount_raw.clone(),
                    sheet: row.origin.sheet.clone(),
                    line: row.origin.line,
                    applicable_from: found.applicable_from,
                });
                return Ok(LookupOut {
                    rncp,
                    signed_on,
                    idcc,
                    certification,
                    npec,
                    absent: None,
                    level,
                    amorcage_reference: None,
                    amorcage_unavailable: None,
                });
            }
            TableLookup::Absent(reason) => reason,
        }
    };
    let (code, message, raw) = match reason {
        AbsentReason::NotInTable => (
            "not_in_table",
            format!("{rncp} ne figure dans aucune version du référentiel"),
            None,
        ),
        AbsentReason::NoRowForBranch { cpne } => (
            "no_row_for_branch",
            format!(
                "{rncp} figure au référentiel, mais sans ligne pour la CPNE {cpne} applicable à un contrat conclu le {}",
                fr_date(signed_on)
            ),
            None,
        ),
        AbsentReason::NotDefined { cpne, version, raw } => (
            "not_defined",
            format!("le référentiel {version} indique « {raw} » pour {rncp} × CPNE {cpne} (pas de valeur définie)"),
            Some(raw),
        ),
    };
    // D11: the amorçage value of the level given, or of the level the diploma type states.
    let level = level.or_else(|| certification.as_ref().and_then(|c| c.level_hint));
    let mut amorcage_reference = None;
    let mut amorcage_unavailable = None;
    if let Some(level) = level {
        match RuleBook::embedded().rules_for(signed_on) {
            Ok(rules) => match rules.amorcage.get(&level.to_string()) {
                Some(value) => {
                    npec.annual = Some(cents(*value).to_string());
                    amorcage_reference = Some(rules.sources.amorcage.reference.clone());
                }
                None => {
                    amorcage_unavailable =
                        Some(format!("pas de valeur d'amorçage pour le niveau {level}"))
                }
            },
            Err(e) => amorcage_unavailable = Some(e.message().to_owned()),
        }
    }
    Ok(LookupOut {
        rncp,
        signed_on,
        idcc,
        certification,
        npec,
        absent: Some(AbsentOut {
            reason: code,
            message,
            raw,
        }),
        level,
        amorcage_reference,
        amorcage_unavailable,
    })
}

/// `lookup` for a reader.
pub fn lookup_text(out: &LookupOut) -> String {
    let mut s = String::new();
    let n = &out.npec;
    let _ = writeln!(
        s,
        "{} — contrat conclu le {}",
        out.rncp,
        fr_date(out.signed_on)
    );
    if let Some(c) = &out.certification {
        let _ = writeln!(
            s,
            "  Certification : {}{}",
            c.label,
            if c.diploma_type.is_empty() {
                String::new()
            } else {
                format!(" ({})", c.diploma_type)
            }
        );
    }
    if let Some(cpne) = n.cpne {
        let _ = writeln!(
            s,
            "  Branche : {}CPNE {cpne}{}",
            out.idcc.map(|i| format!("IDCC {i} → ")).unwrap_or_default(),
            n.cpne_label
                .as_deref()
                .map(|l| format!(" ({l})"))
                .unwrap_or_default()
        );
    }
    match (&out.absent, &n.annual) {
        (None, Some(annual)) => {
            let amount: rust_decimal::Decimal = annual.parse().unwrap_or_default();
            let _ = writeln!(s, "NPEC annuel : {}", euros(amount));
            let _ = writeln!(
                s,
                "  Référentiel : {}",
                n.table_version.as_deref().unwrap_or("?")
            );
            if n.provisional {
                // D20 (e): the certification is absent from the partial extract of the edition in force.
                let _ = writeln!(
                    s,
                    "  Provisoire : ligne d'une édition antérieure, la certification est absente de l'extrait \
                     livré de l'édition en vigueur (importez le classeur officiel)"
                );
            }
            let _ = writeln!(
                s,
                "  Statut : {}",
                n.status.as_deref().unwrap_or("non précisé")
            );
            if let Some(row) = &n.row {
                let _ = writeln!(
                    s,
                    "  Ligne : « {} » {} — montant publié « {} »",
                    row.rncp_cell, row.label, row.amount_raw
                );
                let _ = writeln!(
                    s,
                    "  Onglet « {} »{}, applicable aux contrats conclus depuis le {}",
                    row.sheet,
                    row.line.map(|l| format!(", ligne {l}")).unwrap_or_default(),
                    fr_date(row.applicable_from)
                );
            }
            if let Some(t) = &n.tie_with {
                let _ = writeln!(s, "  ! la même version donne aussi {t} € pour ce couple : le plus élevé est retenu");
            }
            if n.synthetic {
                let _ = writeln!(s, "  ! référentiel synthétique : ce montant n'est pas réel");
            }
        }
        (Some(absent), annual) => {
            let _ = writeln!(s, "Pas de NPEC publié : {}", absent.message);
            match (annual, out.level) {
                (Some(a), Some(level)) => {
                    let amount: rust_decimal::Decimal = a.parse().unwrap_or_default();
                    let _ = writeln!(
                        s,
                        "NPEC annuel provisoire : {} (valeur d'amorçage du niveau {level}{}), régularisé à la publication du NPEC (D6332-80)",
                        euros(amount),
                        out.amorcage_reference.as_deref().map(|r| format!(", {r}")).unwrap_or_default()
                    );
                }
                _ => match &out.amorcage_unavailable {
                    Some(why) => {
                        let _ = writeln!(s, "Pas de valeur d'amorçage : {why}");
                    }
                    None => {
                        let _ = writeln!(
                            s,
                            "La valeur d'amorçage dépend du niveau de la certification : ajoutez --level (3 à 8)"
                        );
                    }
                },
            }
        }
        (None, None) => {}
    }
    s
}

/// `search` for a reader.
pub fn certifications_text(hits: &[Certification]) -> String {
    if hits.is_empty() {
        return "Aucune certification trouvée.\n".to_owned();
    }
    let rows: Vec<Vec<String>> = hits
        .iter()
        .map(|c| {
            vec![
                c.rncp.clone(),
                c.diploma_type.clone(),
                c.level_hint
                    .map(|l| format!("niv. {l}"))
                    .unwrap_or_default(),
                c.label.clone(),
            ]
        })
        .collect();
    let mut s = String::new();
    table(
        &mut s,
        "",
        &[Align::Left, Align::Left, Align::Left, Align::Left],
        &rows,
    );
    s
}

/// Every IDCC of the CPNE ↔ IDCC mapping in force on a date, as `branches` lists them without words.
pub fn all_branches(referentiel: &Referentiel, signed_on: Date, limit: usize) -> Vec<BranchHit> {
    let Some((mapping, _)) = referentiel.mapping_for(signed_on) else {
        return Vec::new();
    };
    let mut idccs: Vec<u32> = mapping.iter().map(|p| p.idcc).collect();
    idccs.sort_unstable();
    idccs.dedup();
    idccs
        .into_iter()
        .take(limit)
        .map(|idcc| {
            let info = referentiel.idcc(idcc);
            BranchHit {
                idcc: Some(idcc),
                label: info.map(|i| i.label.clone()).unwrap_or_default(),
                opco: info.and_then(|i| i.opco.clone()),
                cpne: referentiel
                    .cpne_of_idcc(idcc, signed_on)
                    .into_iter()
                    .map(|cpne| coutcontrat::referentiel::Branch {
                        cpne,
                        label: referentiel.cpne_label(cpne).unwrap_or_default().to_owned(),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// A label cut to `max` characters, with an ellipsis, for a table that fits a terminal (the JSON keeps it
/// whole).
fn shorten(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        return label.to_owned();
    }
    let cut: String = label.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

/// `branches` for a reader.
pub fn branches_text(hits: &[BranchHit]) -> String {
    if hits.is_empty() {
        return "Aucune branche trouvée.\n".to_owned();
    }
    let rows: Vec<Vec<String>> = hits
        .iter()
        .map(|h| {
            vec![
                h.idcc
                    .map(|i| format!("IDCC {i}"))
                    .unwrap_or_else(|| "—".to_owned()),
                // A CPNE hit has no agreement of its own: its label is the CPNE's, shown once.
                if h.idcc.is_some() {
                    shorten(&h.label, 70)
                } else {
                    String::new()
                },
                h.cpne
                    .iter()
                    .map(|b| {
                        if b.label.is_empty() {
                            format!("CPNE {}", b.cpne)
                        } else {
                            format!("CPNE {} {}", b.cpne, shorten(&b.label, 60))
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ; "),
                h.opco.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let mut header = vec![vec![
        "IDCC".to_owned(),
        "Convention".to_owned(),
        "CPNE".to_owned(),
        "OPCO".to_owned(),
    ]];
    header.extend(rows);
    let mut s = String::new();
    table(
        &mut s,
        "",
        &[Align::Left, Align::Left, Align::Left, Align::Left],
        &header,
    );
    s
}

/// Today in UTC: the date of conclusion `branches` takes when none is given.
pub fn today() -> Date {
    jiff::tz::Offset::UTC
        .to_datetime(jiff::Timestamp::now())
        .date()
}
