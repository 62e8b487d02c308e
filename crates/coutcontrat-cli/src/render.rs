//! The readable French quote, and the small table helper the other commands share.

use std::borrow::Cow;
use std::fmt::Write as _;

use coutcontrat::codes::InstalmentKind;
use coutcontrat::money::{euros, french_number};
use coutcontrat::text::{is_unprintable, printable};
use coutcontrat::{quote::NpecSource, quote::ParticipationKind, rules::Regime, Contract, Quote};
use jiff::civil::Date;
use rust_decimal::Decimal;

/// Text as a terminal shows it: each line made printable ([`coutcontrat::text::printable`]), so that a label
/// read from a workbook cannot move the cursor, change colours or reverse the text; the line breaks the
/// command wrote stay. Every text a command prints goes through it; its JSON stays exact.
///
/// ```
/// assert_eq!(coutcontrat_cli::render::for_terminal("BTS \u{1b}[2J\nCAP"), "BTS \\u{1b}[2J\nCAP");
/// ```
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && is_unprintable(c)) {
        return Cow::Borrowed(text);
    }
    let lines: Vec<Cow<'_, str>> = text.split('\n').map(printable).collect();
    Cow::Owned(lines.join("\n"))
}

/// A date as a French reader writes it: `01/09/2025`.
pub fn fr_date(d: Date) -> String {
    format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
}

/// Column alignment.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text.
    Left,
    /// Numbers.
    Right,
}

/// Lays out rows as aligned columns, two spaces apart, each line indented by `indent`.
pub fn table(out: &mut String, indent: &str, align: &[Align], rows: &[Vec<String>]) {
    let columns = align.len();
    let mut widths = vec![0usize; columns];
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(columns) {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    for row in rows {
        let mut line = String::from(indent);
        for (i, cell) in row.iter().enumerate().take(columns) {
            if i > 0 {
                line.push_str("  ");
            }
            let pad = widths[i] - cell.chars().count();
            match align[i] {
                Align::Left => {
                    line.push_str(cell);
                    line.extend(std::iter::repeat_n(' ', pad));
                }
                Align::Right => {
                    line.extend(std::iter::repeat_n(' ', pad));
                    line.push_str(cell);
                }
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

fn instalment_kind(kind: &str) -> &str {
    match InstalmentKind::from_code(kind) {
        Some(known) => known.label(),
        None => kind,
    }
}

/// The provenance of the annual NPEC in one line: table version, row and status, manual, or amorçage.
pub fn npec_provenance(quote: &Quote) -> String {
    let n = &quote.npec;
    match n.source {
        NpecSource::Manual => "saisi à la main (il remplace le référentiel)".to_owned(),
        NpecSource::Amorcage => format!(
            "provisoire : amorçage{}",
            quote
                .level
                .map(|l| format!(" du niveau {l}"))
                .unwrap_or_default()
        ),
        NpecSource::Table => {
            let mut s = format!("référentiel {}", n.table_version.as_deref().unwrap_or("?"));
            if let Some(row) = &n.row {
                let _ = write!(s, ", ligne « {} » {}", row.rncp_cell, row.label);
                if let Some(cpne) = n.cpne {
                    let _ = write!(s, " × CPNE {cpne}");
                    if let Some(label) = &n.cpne_label {
                        let _ = write!(s, " ({label})");
                    }
                }
                if !row.sheet.is_empty() {
                    let _ = write!(s, ", onglet « {} »", row.sheet);
                }
                if let Some(line) = row.line {
                    let _ = write!(s, " ligne {line}");
                }
                let _ = write!(
                    s,
                    ", applicable aux contrats conclus depuis le {}",
                    fr_date(row.applicable_from)
                );
            }
            let _ = write!(
                s,
                ", statut {}",
                n.status.as_deref().unwrap_or("non précisé")
            );
            if n.synthetic {
                s.push_str(" (référentiel synthétique : montant fictif)");
            }
            s
        }
    }
}

/// The quote as a French reader expects it: the NPEC and its provenance, the years, the totals, the
/// participation, the schedule, the warnings, and the rule and article behind each figure.
pub fn quote_text(contract: &Contract, quote: &Quote) -> String {
    let mut out = String::new();
    let regime = match quote.regime {
        Regime::Daily => "proratisation au jour",
        Regime::Monthly => "proratisation au mois commencé",
    };
    let _ = writeln!(out, "Prise en charge d'un contrat d'apprentissage");
    let _ = writeln!(
        out,
        "  Conclu le {}, exécuté du {} au {}{}",
        fr_date(contract.signed_on),
        fr_date(contract.start),
        fr_date(contract.end),
        contract
            .rupture_on
            .map(|r| format!(", rompu le {}", fr_date(r)))
            .unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "  Régime : {regime} (règles {}){}",
        quote.rule_set,
        quote
            .level
            .map(|l| format!(" · certification de niveau {l}"))
            .unwrap_or_default()
    );
    out.push('\n');

    // NPEC.
    let n = &quote.npec;
    let _ = writeln!(out, "NPEC annuel : {}", euros(n.annual));
    let _ = writeln!(out, "  Provenance : {}", npec_provenance(quote));
    if let Some(m) = &n.minoration {
        let _ = writeln!(
            out,
            "  Minoration pour enseignement à distance ({} %) : {} → {}",
            french_number(m.share * Decimal::from(100)),
            euros(m.before),
            euros(m.after)
        );
    }
    out.push('\n');

    // Years.
    let monthly = quote.regime == Regime::Monthly;
    let rqth = !quote.totals.rqth.is_zero();
    let modulation = !quote.totals.overseas_modulation.is_zero();
    let mut header = vec!["Année", "Du", "Au", "Jours"];
    if monthly {
        header.push("Mois");
    }
    header.extend(["NPEC", "Prix CFA", "OPCO", "Employeur"]);
    if rqth {
        header.push("RQTH");
    }
    if modulation {
        header.push("Modulation outre-mer");
    }
    let mut align = vec![Align::Left, Align::Left, Align::Left, Align::Right];
    if monthly {
        align.push(Align::Right);
    }
    align.extend(std::iter::repeat_n(
        Align::Right,
        header.len() - align.len(),
    ));
    let mut rows = vec![header.iter().map(|h| h.to_string()).collect::<Vec<_>>()];
    let mut any_short = false;
    for y in &quote.years {
        let mut row = vec![
            format!(
                "{}{}",
                y.index,
                if y.short_contract_majoration { "*" } else { "" }
            ),
            fr_date(y.start),
            fr_date(y.end),
            format!("{}/{}", y.days, y.length),
        ];
        any_short |= y.short_contract_majoration;
        if monthly {
            row.push(y.months.map(|m| format!("{m}/12")).unwrap_or_default());
        }
        row.extend([
            euros(y.npec),
            euros(y.price),
            euros(y.opco),
            euros(y.employer),
        ]);
        if rqth {
            row.push(euros(y.rqth));
        }
        if modulation {
            row.push(euros(y.overseas_modulation));
        }
        rows.push(row);
    }
    let sum = |f: fn(&coutcontrat::quote::YearLine) -> coutcontrat::money::Money| {
        quote.years.iter().map(f).sum::<coutcontrat::money::Money>()
    };
    let mut total = vec![
        "Total".to_owned(),
        String::new(),
        String::new(),
        sum_days(quote),
    ];
    if monthly {
        total.push(String::new());
    }
    total.extend([
        euros(sum(|y| y.npec)),
        euros(sum(|y| y.price)),
        euros(sum(|y| y.opco)),
        euros(sum(|y| y.employer)),
    ]);
    if rqth {
        total.push(euros(sum(|y| y.rqth)));
    }
    if modulation {
        total.push(euros(sum(|y| y.overseas_modulation)));
    }
    rows.push(total);
    let _ = writeln!(
        out,
        "Années d'exécution (OPCO = moindre du prix et du NPEC ; employeur = prix − OPCO)"
    );
    table(&mut out, "  ", &align, &rows);
    if any_short {
        let _ = writeln!(
            out,
            "  * NPEC majoré de 10 % (contrat de moins d'un an à durée réduite)"
        );
    }
    if let Some(p) = &quote.precontract {
        let _ = writeln!(
            out,
            "  Période en CFA avant le contrat : {} jours du {} au {} : {}",
            p.days,
            fr_date(p.from),
            fr_date(p.to),
            euros(p.amount)
        );
    }
    if let Some(p) = &quote.post_rupture {
        let paid = match p.months {
            Some(m) => format!("{m} mois"),
            None => format!("{} jours", p.days),
        };
        let _ = writeln!(
            out,
            "  Maintien en CFA après la rupture (OPCO, hors plafond du prix, sans participation) : {paid} du {} au {} : {}",
            fr_date(p.from),
            fr_date(p.to),
            euros(p.amount)
        );
        if !p.rqth.is_zero() {
            let _ = writeln!(out, "    et majoration RQTH : {}", euros(p.rqth));
        }
        if !p.overseas_modulation.is_zero() {
            let _ = writeln!(
                out,
                "    et modulation outre-mer : {}",
                euros(p.overseas_modulation)
            );
        }
        if p.requested_until > p.to {
            let _ = writeln!(
                out,
                "    demandé jusqu'au {} : limité au {}, six mois après la rupture au plus et jamais après la fin prévue",
                fr_date(p.requested_until),
                fr_date(p.to)
            );
        }
    }
    out.push('\n');

    // Participation.
    let kind = match quote.participation_kind {
        ParticipationKind::None => {
            "aucune (niveau inférieur à 6, ou contrat conclu avant le 1er juillet 2025)"
        }
        ParticipationKind::LumpSum => "forfait (certification de niveau 6 et plus)",
        ParticipationKind::Probation => "rupture pendant la période probatoire",
        ParticipationKind::NewEmployer => {
            "nouveau contrat chez un autre employeur après une rupture"
        }
    };
    let _ = writeln!(
        out,
        "Participation de l'employeur : {} — {kind}",
        euros(quote.participation)
    );
    if !quote.participation.is_zero() {
        let _ = writeln!(
            out,
            "  déduite du premier versement de l'OPCO, ajoutée au reste à charge de l'employeur"
        );
    }
    if !quote.annexes.total.is_zero() {
        let a = &quote.annexes;
        let _ = writeln!(
            out,
            "Frais annexes : {} (nuitées {}, repas {}, premier équipement {}{}), versés par l'OPCO hors plafond du prix",
            euros(a.total),
            euros(a.nights),
            euros(a.meals),
            euros(a.first_equipment),
            if a.ultramarine_mobility.is_zero() {
                String::new()
            } else {
                format!(", mobilité ultramarine {}", euros(a.ultramarine_mobility))
            }
        );
    }
    out.push('\n');

    // Totals.
    let t = &quote.totals;
    let _ = writeln!(out, "Totaux");
    let mut rows = vec![
        vec!["NPEC (somme des années)".to_owned(), euros(t.npec)],
        vec!["Prix du CFA".to_owned(), euros(t.price)],
        vec![
            if quote.post_rupture.is_some() {
                "OPCO, enseignement (après participation, maintien en CFA compris)".to_owned()
            } else {
                "OPCO, enseignement (après participation)".to_owned()
            },
            euros(t.opco),
        ],
        vec![
            "Reste à charge de l'employeur (participation comprise)".to_owned(),
            euros(t.employer),
        ],
    ];
    if !t.rqth.is_zero() {
        rows.push(vec![
            "Majoration RQTH (OPCO, hors plafond)".to_owned(),
            euros(t.rqth),
        ]);
    }
    if !t.overseas_modulation.is_zero() {
        rows.push(vec![
            "Modulation du NPEC outre-mer (OPCO, hors plafond)".to_owned(),
            euros(t.overseas_modulation),
        ]);
    }
    if !t.annexes.is_zero() {
        rows.push(vec!["Frais annexes (OPCO)".to_owned(), euros(t.annexes)]);
    }
    rows.push(vec![
        "Total versé par l'OPCO au CFA".to_owned(),
        euros(t.opco_all),
    ]);
    table(&mut out, "  ", &[Align::Left, Align::Right], &rows);
    out.push('\n');

    // Schedule.
    if !quote.schedule.is_empty() {
        let _ = writeln!(out, "Échéancier des versements de l'OPCO au CFA");
        let rows: Vec<Vec<String>> = quote
            .schedule
            .iter()
            .map(|i| {
                vec![
                    fr_date(i.due),
                    instalment_kind(&i.kind).to_owned(),
                    format!("année {}", i.year),
                    euros(i.amount),
                ]
            })
            .collect();
        table(
            &mut out,
            "  ",
            &[Align::Left, Align::Left, Align::Left, Align::Right],
            &rows,
        );
        out.push('\n');
    }

    // The employer's net cost, when the contract gives what it needs (birth date or salary).
    if let Some(net) = &quote.net_cost {
        let with_contributions = net.employer_contributions_total.is_some();
        let with_health = net.years.iter().any(|y| y.health_insurance.is_some());
        let _ = writeln!(
            out,
            "{}",
            if with_contributions {
                "Coût net pour l'employeur (salaire + cotisations patronales + reste à charge − aides)"
            } else {
                "Coût net pour l'employeur (salaire + reste à charge − aides)"
            }
        );
        let mut header = vec!["Année", "Du", "Au", "Salaire"];
        if with_contributions {
            header.push("Cotisations");
        }
        if with_health {
            header.push("Mutuelle");
        }
        header.extend(["Aide", "Reste à charge", "Net"]);
        let mut rows = vec![header.into_iter().map(str::to_owned).collect::<Vec<_>>()];
        for (i, y) in net.years.iter().enumerate() {
            let mut row = vec![
                (i + 1).to_string(),
                fr_date(y.start),
                fr_date(y.end),
                euros(y.salary),
            ];
            if with_contributions {
                row.push(euros(y.employer_contributions.unwrap_or_default()));
            }
            if with_health {
                row.push(euros(y.health_insurance.unwrap_or_default()));
            }
            row.extend([euros(y.aid), euros(y.remaining_charge), euros(y.net)]);
            rows.push(row);
        }
        let mut align = vec![Align::Left; 3];
        align.extend(vec![Align::Right; rows[0].len() - 3]);
        table(&mut out, "  ", &align, &rows);
        let mut rows = vec![vec!["Salaires bruts".to_owned(), euros(net.salary_total)]];
        if let Some(total) = net.employer_contributions_total {
            rows.push(vec![
                "Cotisations patronales (réduction générale déduite)".to_owned(),
                euros(total),
            ]);
        }
        rows.push(vec!["Aide à l'embauche".to_owned(), euros(net.aid_total)]);
        if !net.tutor_aid_total.is_zero() {
            rows.push(vec![
                "Aide au maître d'apprentissage".to_owned(),
                euros(net.tutor_aid_total),
            ]);
        }
        rows.push(vec![
            "Coût net sur le contrat".to_owned(),
            euros(net.net_total),
        ]);
        table(&mut out, "  ", &[Align::Left, Align::Right], &rows);
        if !net.contribution_lines.is_empty() {
            let _ = writeln!(out, "  Cotisations sur le contrat");
            let mut rows = vec![["Ligne", "Employeur", "Apprenti"]
                .map(str::to_owned)
                .to_vec()];
            for line in &net.contribution_lines {
                rows.push(vec![
                    line.label.clone(),
                    euros(line.employer),
                    euros(line.employee),
                ]);
            }
            table(
                &mut out,
                "    ",
                &[Align::Left, Align::Right, Align::Right],
                &rows,
            );
        }
        if !net.aid_reference.is_empty() {
            let _ = writeln!(out, "  Aide : {}", net.aid_reference);
        }
        for item in &net.not_modelled {
            let _ = writeln!(out, "  Non compris : {item}");
        }
        out.push('\n');
    }

    // Warnings.
    if !quote.warnings.is_empty() {
        let _ = writeln!(out, "Avertissements");
        for w in &quote.warnings {
            let _ = writeln!(out, "  ! {} [{}]", w.message, w.code);
            if !w.hint.is_empty() {
                let _ = writeln!(out, "    → {}", w.hint);
            }
        }
        out.push('\n');
    }

    // Explanations and sources.
    if !quote.explanations.is_empty() {
        let _ = writeln!(out, "Comment chaque montant est calculé");
        for e in &quote.explanations {
            let _ = writeln!(
                out,
                "  {} — {} ({}) : {}",
                e.figure, e.rule, e.article, e.text
            );
        }
        out.push('\n');
    }
    if !quote.sources.is_empty() {
        let _ = writeln!(out, "Règles et textes appliqués");
        for s in &quote.sources {
            let _ = writeln!(
                out,
                "  {} {} — {} — {}",
                s.rule, s.title, s.article, s.reference
            );
        }
    }
    out
}

fn sum_days(quote: &Quote) -> String {
    let days: i64 = quote.years.iter().map(|y| y.days).sum();
    format!("{days}")
}
