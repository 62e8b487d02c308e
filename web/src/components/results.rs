//! The results: every figure of the quote, its provenance and how it was computed.

use coutcontrat::codes::InstalmentKind;
use coutcontrat::{quote::NpecSource, quote::ParticipationKind, rules::Regime, Quote};
use rust_decimal::Decimal;
use yew::prelude::*;

use super::data_import::FILE_LINK;
use super::net_cost::net_cost;
use super::settle::stale as stale_view;
use super::widgets::{amount, explain, kind, sentence, Kind};
use crate::data::Catalog;
use crate::format::{date_long, date_short, euros, plain};
use crate::state::{Field, Flag, Outcome, State};
use coutcontrat::contract::{parse_date, parse_decimal};
use coutcontrat::dates::age_on;

/// The quote, or what prevents it.
pub(super) fn figures(
    o: &Outcome,
    stale: bool,
    asks_net_cost: bool,
    next_edition: Option<String>,
) -> Html {
    match &o.quote {
        Some(quote) if stale => stale_view(
            "En cours de saisie : chiffrage précédent, mis à jour dès que la saisie est complète.",
            quote_view(o, asks_net_cost, quote, next_edition),
        ),
        Some(quote) => quote_view(o, asks_net_cost, quote, next_edition),
        None => pending(o),
    }
}

fn pending(o: &Outcome) -> Html {
    let only_missing = o.errors.iter().all(|e| e.missing);
    html! {
        <div class="pending" id="pending">
            if !o.errors.is_empty() {
                <p>{ if only_missing { "Pour obtenir le chiffrage, complétez :" } else { "Pour obtenir le chiffrage, corrigez :" } }</p>
                <ul>
                    { for o.errors.iter().map(|e| html! {
                        <li><a href={format!("#{}", e.field.id())}>{ e.field.label() }</a>{ " : " }{ sentence(&e.message) }</li>
                    }) }
                </ul>
            }
            if let Some(general) = &o.general {
                <p class="message" id="general-error">{ sentence(general) }</p>
            }
        </div>
    }
}

/// The one line a screen reader hears when the figures change (issue 20: the whole results as a live
/// region made one keystroke in the price read out dozens of amounts). The page's and the widget's.
pub fn status_line(o: &Outcome) -> String {
    match &o.quote {
        Some(q) => format!(
            "NPEC {} ; l'OPCO verse {} ; reste à charge de l'employeur {} sur {}",
            euros(q.npec.annual),
            euros(q.totals.opco_all),
            euros(q.totals.employer),
            match q.years.len() {
                1 => "1 année".to_owned(),
                n => format!("{n} années"),
            }
        ),
        None => match o.errors.len() {
            0 if o.general.is_some() => "Chiffrage impossible : voir le message".to_owned(),
            0 => String::new(),
            1 => "Chiffrage en attente : 1 champ à compléter ou corriger".to_owned(),
            n => format!("Chiffrage en attente : {n} champs à compléter ou corriger"),
        },
    }
}

fn provenance(q: &Quote) -> String {
    let n = &q.npec;
    match n.source {
        NpecSource::Table => {
            let tag = n.table_version.clone().unwrap_or_default();
            let mut parts = vec![match Catalog::embedded().imported(&tag) {
                // The figure rests on the visitor's file, not on the page's copy: say which.
                Some(e) => format!(
                    "Référentiel officiel {tag}, importé{} depuis « {} » (SHA-256 {}…)",
                    e.on_day(),
                    e.source_file,
                    e.short_sha256()
                ),
                None => format!("Référentiel France compétences {tag}"),
            }];
            if let Some(status) = &n.status {
                parts.push(format!("statut {status}"));
            }
            if let Some(cpne) = n.cpne {
                parts.push(match &n.cpne_label {
                    Some(label) => format!("CPNE {cpne} ({label})"),
                    None => format!("CPNE {cpne}"),
                });
            }
            if let Some(row) = &n.row {
                parts.push(format!(
                    "applicable depuis le {}",
                    date_short(row.applicable_from)
                ));
            }
            if n.synthetic {
                parts.push("table synthétique, montants fictifs".into());
            }
            parts.join(" · ")
        }
        NpecSource::Manual => "Saisi manuellement : il remplace le référentiel".to_owned(),
        // D20: say which it is, a gap of the page's extract or a certification with no NPEC yet.
        NpecSource::Amorcage => format!(
            "provisoire : valeur d'amorçage{}, {}",
            q.level
                .map(|l| format!(" du niveau {l}"))
                .unwrap_or_default(),
            if q.warnings.iter().any(|w| w.code == "referentiel_partial") {
                "car la certification manque à l'extrait du référentiel que contient la page, pas forcément au \
                 fichier officiel : le CFA ou l'OPCO de la branche en connaît souvent le NPEC"
            } else {
                "car aucun NPEC n'est encore publié pour cette certification : l'OPCO régularise quand il l'est"
            }
        ),
    }
}

fn quote_view(o: &Outcome, asks_net_cost: bool, q: &Quote, next_edition: Option<String>) -> Html {
    let t = &q.totals;
    let excess: Decimal = q.years.iter().map(|y| y.employer).sum();
    let participation_label = match q.participation_kind {
        ParticipationKind::LumpSum => "Participation forfaitaire de l'employeur",
        ParticipationKind::Probation => "Participation (rupture pendant la période probatoire)",
        ParticipationKind::NewEmployer => "Participation (nouveau contrat après une rupture)",
        ParticipationKind::None => "Participation de l'employeur",
    };
    let precontract = q
        .precontract
        .as_ref()
        .map_or(Decimal::ZERO, |p| p.amount.into());
    let post_rupture = q
        .post_rupture
        .as_ref()
        .map_or(Decimal::ZERO, |p| p.amount.into());
    html! {
        <>
            <p class="meta">
                { match q.regime { Regime::Daily => "Proratisation au jour", Regime::Monthly => "Proratisation au mois commencé" } }
                if let Some(level) = q.level { { format!(" · niveau {level}") } }
            </p>
            <div class="cards">
                <article class="card card-npec" aria-labelledby="card-npec-title">
                    <h3 id="card-npec-title">{ "NPEC annuel retenu" }</h3>
                    <p class="figure">{ amount("npec-annual", q.npec.annual) }</p>
                    <p class={classes!("provenance", q.npec.provisional.then_some("is-provisional"))} id="npec-provenance">
                        { sentence(&provenance(q)) }
                    </p>
                    if q.npec.source == NpecSource::Amorcage {
                        <p class="small">
                            <a href={format!("#{}", Field::Npec.id())} id="npec-enter">{ "Saisir le NPEC connu" }</a>
                            { o.branch.as_ref().and_then(|b| b.opco.as_ref()).map(|opco| format!(" (demandez-le au CFA ou à {opco})")).unwrap_or_default() }
                            // The page's extract lacks it: the official file, imported here, may have it.
                            if q.warnings.iter().any(|w| w.code == "referentiel_partial") {
                                <a href={FILE_LINK}>{ " ou importer le fichier officiel" }</a>
                            }
                        </p>
                    }
                    if let (Some(text), NpecSource::Table | NpecSource::Amorcage) = (next_edition, &q.npec.source) {
                        <p class="small notice" id="npec-next-edition">{ text }</p>
                    }
                    if let Some(m) = &q.npec.minoration {
                        <p class="small">{ format!("Enseignement à distance : {} ramené à {}", euros(m.before), euros(m.after)) }</p>
                    }
                    { explain(q, &["npec.base", "npec.annual"]) }
                </article>
                <article class="card card-opco" aria-labelledby="card-opco-title">
                    <h3 id="card-opco-title">{ "L'OPCO verse au CFA" }</h3>
                    <p class="figure">{ amount("total-opco-all", t.opco_all) }</p>
                    <dl class="breakdown">
                        <div><dt>{ "Formation, participation déduite" }</dt><dd>{ amount("total-opco", t.opco) }</dd></div>
                        if !precontract.is_zero() {
                            <div><dt>{ "dont période en CFA avant le contrat" }</dt><dd>{ amount("precontract", precontract) }</dd></div>
                        }
                        if q.post_rupture.is_some() {
                            <div><dt>{ "dont maintien en CFA après la rupture" }</dt><dd>{ amount("post-rupture", post_rupture) }</dd></div>
                        }
                        if !t.rqth.is_zero() {
                            <div><dt>{ "Majoration RQTH" }</dt><dd>{ amount("total-rqth", t.rqth) }</dd></div>
                        }
                        if !t.overseas_modulation.is_zero() {
                            <div><dt>{ "Modulation du NPEC outre-mer" }</dt><dd>{ amount("total-overseas-modulation", t.overseas_modulation) }</dd></div>
                        }
                        if !t.annexes.is_zero() {
                            <div><dt>{ "Frais annexes" }</dt><dd>{ amount("total-annexes", t.annexes) }</dd></div>
                        }
                    </dl>
                    { explain(q, &["totals.opco", "precontract.amount", "post_rupture.amount", "years.rqth", "years.overseas_modulation", "annexes.total"]) }
                </article>
                <article class="card card-employer" aria-labelledby="card-employer-title">
                    <h3 id="card-employer-title">{ "Reste à la charge de l'employeur" }</h3>
                    <p class="figure">{ amount("total-employer", t.employer) }</p>
                    <p class="small" id="employer-span">{ employer_span(q) }</p>
                    <dl class="breakdown">
                        <div><dt>{ "Prix du CFA au-delà du NPEC" }</dt><dd>{ amount("employer-excess", excess) }</dd></div>
                        <div class="apart"><dt>{ participation_label }</dt><dd>{ amount("participation", q.participation) }</dd></div>
                    </dl>
                    if !q.participation.is_zero() {
                        <p class="small">{ "La participation est retenue sur le premier versement de l'OPCO : l'employeur la règle au CFA." }</p>
                    }
                    { explain(q, &["totals.employer", "participation"]) }
                </article>
            </div>
            { warnings(q) }
            { years_table(q) }
            { net_cost(o, asks_net_cost, q) }
            { schedule(q) }
            { annex(q) }
            { sources(q) }
        </>
    }
}

/// The employer's total said for what it is: the whole contract, and each execution year (issue 20: « 7 000 € »
/// alone read as a yearly figure). Plain text: the figures with a `data-value` are the cards' and the table's.
fn employer_span(q: &Quote) -> String {
    let n = q.years.len();
    let years = q
        .years
        .iter()
        .map(|y| {
            let rank = if y.index == 1 {
                "1re".to_owned()
            } else {
                format!("{}e", y.index)
            };
            format!("{rank} année {}", euros(y.employer))
        })
        .collect::<Vec<_>>()
        .join(", ");
    let span = match n {
        1 => "Sur toute la durée du contrat (1 année d'exécution)".to_owned(),
        n => format!("Sur toute la durée du contrat ({n} années d'exécution)"),
    };
    if q.participation.is_zero() {
        format!("{span} : {years}.")
    } else {
        format!(
            "{span} : {years}, plus la participation de {}.",
            euros(q.participation)
        )
    }
}

fn warnings(q: &Quote) -> Html {
    if q.warnings.is_empty() {
        return html! {};
    }
    html! {
        <section class="block" aria-labelledby="warnings-title">
            <h3 id="warnings-title">{ "Points d'attention" }</h3>
            <ul class="warnings" id="warnings">
                { for q.warnings.iter().map(|w| html! {
                    <li data-code={w.code}>
                        <p class="warning-message">{ sentence(&w.message) }</p>
                        <p class="warning-hint">{ sentence(&public_text(&w.hint)) }</p>
                    </li>
                }) }
            </ul>
        </section>
    }
}

/// A core text for the public: an input's JSON name in backticks (`` `npec` ``) as its box's label, and no
/// command line (issue 20: no internal tokens in front of the public).
fn public_text(text: &str) -> String {
    text.replace("importez le classeur officiel (coutcontrat import) ou ", "")
        .replace(
            "importez le référentiel le plus récent pour vérifier",
            "le CFA ou l'OPCO connaît souvent le NPEC publié",
        )
        .split('`')
        .enumerate()
        .map(|(i, part)| match (i % 2, Field::from_core(part)) {
            (1, Some(f)) => format!("« {} »", f.label()),
            (1, None) => Flag::ALL
                .into_iter()
                .find(|f| f.key() == part)
                .map_or_else(|| part.to_owned(), |f| format!("« {} »", f.label())),
            _ => part.to_owned(),
        })
        .collect()
}

fn years_table(q: &Quote) -> Html {
    let t = &q.totals;
    let rqth = !t.rqth.is_zero();
    let modulation = !t.overseas_modulation.is_zero();
    let teaching: Decimal = q.years.iter().map(|y| y.opco).sum();
    let pre = q.precontract.as_ref();
    let post = q.post_rupture.as_ref();
    let post_amount = post.map_or(Decimal::ZERO, |p| p.amount.into());
    let excess: Decimal = q.years.iter().map(|y| y.employer).sum();
    html! {
        <section class="block" aria-labelledby="years-title">
            <h3 id="years-title">{ "Année par année" }</h3>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Tableau année par année">
                <table class="years" id="years">
                    <thead>
                        <tr>
                            <th scope="col">{ "Année" }</th>
                            <th scope="col">{ "Prorata" }</th>
                            <th scope="col" class="num">{ "NPEC" }</th>
                            <th scope="col" class="num">{ "Prix CFA" }</th>
                            <th scope="col" class="num">{ "OPCO" }</th>
                            <th scope="col" class="num">{ "Employeur" }</th>
                            if rqth { <th scope="col" class="num">{ "RQTH" }</th> }
                            if modulation { <th scope="col" class="num">{ "Modulation outre-mer" }</th> }
                        </tr>
                    </thead>
                    <tbody>
                        if let Some(p) = pre {
                            <tr>
                                <th scope="row">{ "Avant le contrat" }<span class="sub">{ format!("{} → {}", date_short(p.from), date_short(p.to)) }</span></th>
                                <td data-label="Prorata">{ format!("{} jours", p.days) }</td>
                                <td class="num" data-label="NPEC">{ "—" }</td>
                                <td class="num" data-label="Prix CFA">{ "—" }</td>
                                <td class="num" data-label="OPCO">{ amount("precontract-line", p.amount) }</td>
                                <td class="num" data-label="Employeur">{ "—" }</td>
                                if rqth { <td class="num" data-label="RQTH">{ "—" }</td> }
                                if modulation { <td class="num" data-label="Modulation outre-mer">{ "—" }</td> }
                            </tr>
                        }
                        { for q.years.iter().map(|y| {
                            let k = y.index;
                            let share = match y.months {
                                Some(m) => format!("{m} / 12 mois"),
                                None => format!("{} / {} jours", y.fraction_numerator, y.fraction_denominator),
                            };
                            html! {
                                <tr>
                                    <th scope="row">{ format!("Année {k}") }<span class="sub">{ format!("{} → {}", date_short(y.start), date_short(y.end)) }</span></th>
                                    <td data-label="Prorata">{ share }if y.short_contract_majoration { <span class="sub">{ "majoré (durée réduite)" }</span> }</td>
                                    <td class="num" data-label="NPEC">{ amount(&format!("year-{k}-npec"), y.npec) }</td>
                                    <td class="num" data-label="Prix CFA">{ amount(&format!("year-{k}-price"), y.price) }</td>
                                    <td class="num" data-label="OPCO">{ amount(&format!("year-{k}-opco"), y.opco) }</td>
                                    <td class="num" data-label="Employeur">{ amount(&format!("year-{k}-employer"), y.employer) }</td>
                                    if rqth { <td class="num" data-label="RQTH">{ amount(&format!("year-{k}-rqth"), y.rqth) }</td> }
                                    if modulation { <td class="num" data-label="Modulation outre-mer">{ amount(&format!("year-{k}-overseas-modulation"), y.overseas_modulation) }</td> }
                                </tr>
                            }
                        }) }
                        if let Some(p) = post {
                            <tr>
                                <th scope="row">{ "Après la rupture, en CFA" }<span class="sub">{ format!("{} → {}", date_short(p.from), date_short(p.to)) }</span></th>
                                <td data-label="Prorata">{ match p.months { Some(m) => format!("{m} mois"), None => format!("{} jours", p.days) } }
                                    if p.requested_until > p.to { <span class="sub">{ format!("demandé jusqu'au {}", date_short(p.requested_until)) }</span> }</td>
                                <td class="num" data-label="NPEC">{ "—" }</td>
                                <td class="num" data-label="Prix CFA">{ "—" }</td>
                                <td class="num" data-label="OPCO">{ amount("post-rupture-line", p.amount) }</td>
                                <td class="num" data-label="Employeur">{ "—" }</td>
                                if rqth { <td class="num" data-label="RQTH">{ amount("post-rupture-rqth", p.rqth) }</td> }
                                if modulation { <td class="num" data-label="Modulation outre-mer">{ amount("post-rupture-overseas-modulation", p.overseas_modulation) }</td> }
                            </tr>
                        }
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row" colspan="2">{ "Total" }</th>
                            <td class="num" data-label="NPEC">{ amount("total-npec", t.npec) }</td>
                            <td class="num" data-label="Prix CFA">{ amount("total-price", t.price) }</td>
                            <td class="num" data-label="OPCO">{ amount("total-teaching", teaching + pre.map_or(Decimal::ZERO, |p| p.amount.into()) + post_amount) }</td>
                            <td class="num" data-label="Employeur">{ euros(excess) }</td>
                            if rqth { <td class="num" data-label="RQTH">{ euros(t.rqth) }</td> }
                            if modulation { <td class="num" data-label="Modulation outre-mer">{ euros(t.overseas_modulation) }</td> }
                        </tr>
                        if !q.participation.is_zero() {
                            <tr>
                                <th scope="row" colspan="4">{ "Participation de l'employeur" }</th>
                                <td class="num" data-label="OPCO">{ format!("− {}", euros(q.participation)) }</td>
                                <td class="num" data-label="Employeur">{ format!("+ {}", euros(q.participation)) }</td>
                                if rqth { <td></td> }
                                if modulation { <td></td> }
                            </tr>
                            <tr class="grand">
                                <th scope="row" colspan="4">{ "Après participation" }</th>
                                <td class="num" data-label="OPCO">{ euros(t.opco) }</td>
                                <td class="num" data-label="Employeur">{ euros(t.employer) }</td>
                                if rqth { <td></td> }
                                if modulation { <td></td> }
                            </tr>
                        }
                    </tfoot>
                </table>
            </div>
            <p class="small">
                { "NPEC et prix au prorata de chaque année ; OPCO : le moindre des deux, pris en charge ; Employeur : la part du prix au-delà." }
                if rqth { { " RQTH : majoration versée par l'OPCO en plus." } }
                if modulation { { " Modulation outre-mer : décidée par l'OPCO, versée en plus du NPEC." } }
            </p>
            <div class="explain-list">
                { for q.years.iter().enumerate().map(|(i, y)| {
                    let npec = format!("years[{i}].npec");
                    let opco = format!("years[{i}].opco");
                    html! {
                        <div class="explain-year">
                            <span class="explain-label">{ format!("Année {}", y.index) }</span>
                            { explain(q, &[npec.as_str(), opco.as_str()]) }
                        </div>
                    }
                }) }
            </div>
        </section>
    }
}

fn kind_label(kind: &str) -> &str {
    match InstalmentKind::from_code(kind) {
        Some(known) => known.title(),
        None => kind,
    }
}

fn schedule(q: &Quote) -> Html {
    let total: Decimal = q.schedule.iter().map(|i| i.amount).sum();
    html! {
        <section class="block" aria-labelledby="schedule-title">
            <h3 id="schedule-title">{ "Les versements de l'OPCO au CFA" }</h3>
            <ol class="timeline" id="schedule">
                { for q.schedule.iter().map(|i| html! {
                    <li data-value={plain(i.amount)} data-kind={i.kind.clone()}>
                        <time datetime={i.due.to_string()}>{ date_long(i.due) }</time>
                        <span class="what">{ format!("{} · année {}", kind_label(&i.kind), i.year) }</span>
                        <span class="amount">{ euros(i.amount) }</span>
                    </li>
                }) }
            </ol>
            <p class="small">{ "Total versé : " }{ amount("schedule-total", total) }
                if !q.participation.is_zero() { { format!(" (participation de {} déduite du premier versement)", euros(q.participation)) } }
            </p>
        </section>
    }
}

/// The printed quote's annex: how each figure was computed, which the screen shows under each card.
fn annex(q: &Quote) -> Html {
    html! {
        <section class="print-only annex" id="annex" aria-label="Annexe : le détail du calcul">
            <h3>{ "Annexe : le détail du calcul" }</h3>
            <ol>
                { for q.explanations.iter().map(|e| html! {
                    <li>{ sentence(&e.text) }{ format!(" ({})", e.article) }</li>
                }) }
            </ol>
        </section>
    }
}

fn sources(q: &Quote) -> Html {
    html! {
        <section class="block references" aria-labelledby="sources-title">
            <h3 id="sources-title">{ "Références" }</h3>
            <ul id="sources">
                { for q.sources.iter().map(|s| html! {
                    <li data-rule={s.rule.clone()}>
                        <strong>{ s.title.clone() }</strong>
                        { format!(" — {}", s.article) }
                        if !s.reference.is_empty() { <span class="sub">{ s.reference.clone() }</span> }
                    </li>
                }) }
            </ul>
            <p class="small">{ "Estimation indicative établie selon les textes cités ; l'OPCO reste seul juge de sa prise en charge." }</p>
        </section>
    }
}

/// What was typed, for the printed quote (hidden on screen, where the form shows it).
pub(super) fn inputs_summary(state: &State) -> Html {
    let f = &state.form;
    let mut rows: Vec<(String, String)> = Vec::new();
    for field in Field::ALL {
        let text = f.text(field).trim();
        let shown = match field {
            Field::Rncp => f.text(Field::CertQuery).trim().is_empty(),
            Field::Idcc | Field::Cpne => {
                f.text(Field::BranchQuery).trim().is_empty() || field == Field::Cpne
            }
            Field::RqthMajoration => f.flag(Flag::Rqth),
            Field::DistanceShare | Field::DistanceHours | Field::TotalHours => {
                f.flag(Flag::Distance)
            }
            _ => true,
        };
        if !shown || text.is_empty() {
            continue;
        }
        // Issue 20: the age rather than the birth date, and amounts as amounts (« 9 000,00 € »).
        if field == Field::BirthDate {
            let start = parse_date(f.text(Field::Start), "start");
            if let (Ok(birth), Ok(start)) = (parse_date(text, "birth_date"), start) {
                rows.push((
                    "Âge de l'apprenti au début du contrat".to_owned(),
                    format!("{} ans", age_on(birth, start)),
                ));
            }
            continue;
        }
        let text = match (kind(field), parse_decimal(text, field.key(), false)) {
            (Kind::Money, Ok(amount)) => euros(amount),
            _ => text.to_owned(),
        };
        let text = if field == Field::Price {
            format!(
                "{text} {}",
                match f.price_basis {
                    coutcontrat::contract::PriceBasis::Annual => "par an",
                    coutcontrat::contract::PriceBasis::Total => "pour le contrat",
                }
            )
        } else {
            text
        };
        rows.push((field.label().to_owned(), text));
    }
    for flag in Flag::ALL {
        if f.flag(flag) {
            rows.push((flag.label().to_owned(), "oui".to_owned()));
        }
    }
    html! {
        <section class="print-only inputs" aria-label="Données saisies">
            <h3>{ "Données saisies" }</h3>
            <dl>
                { for rows.into_iter().map(|(k, v)| html! { <div><dt>{ k }</dt><dd>{ v }</dd></div> }) }
            </dl>
        </section>
    }
}
