//! The form: what a non-specialist knows of the contract, in the order of the Cerfa.

use coutcontrat::contract::{parse_date, PriceBasis};
use coutcontrat::dates::days_inclusive;
use coutcontrat::money::french_number;
use coutcontrat::{rules::RuleBook, rules::RuleSet};
use rust_decimal::Decimal;
use web_sys::HtmlDetailsElement;
use yew::prelude::*;

use super::combobox::{Combobox, Suggestion};
use super::widgets::{
    checkbox, describe, link_note, message, radio, select_field, sentence, text_field, Dispatch,
    LEVELS,
};
use crate::format::euros;
use crate::state::{certification_text, Action, DistanceMode, Field, Flag, Section, State};

/// The parameters in force at the date of conclusion, for the hints (never literals: they are dated
/// data of the core).
fn rules(state: &State) -> Option<RuleSet> {
    RuleBook::embedded().rules_for(state.reference_date()).ok()
}

/// Something is typed in a search box.
fn typed(state: &State, field: Field) -> bool {
    !state.form.text(field).trim().is_empty()
}

fn percent(share: Decimal) -> String {
    format!(
        "{}\u{a0}%",
        french_number((share * Decimal::from(100)).normalize())
    )
}

/// What was wrong in the share link the page was opened with, each item leading to its field (where
/// the same note is repeated); the rest of the link was taken.
pub(super) fn link_notes(state: &State) -> Html {
    if state.link_notes.is_empty() {
        return html! {};
    }
    html! {
        <div class="link-notes" id="link-notes" role="status">
            <p><strong>{ "Le lien ouvert contenait des erreurs." }</strong>
                { " Le reste du formulaire a été repris ; vérifiez :" }</p>
            <ul>
                { for state.link_notes.iter().map(|n| html! {
                    <li>
                        { match n.id {
                            Some(id) => html! { <a href={format!("#{id}")}>{ n.label }</a> },
                            None => html! { { n.label } },
                        } }
                        { " : " }{ sentence(&n.message) }
                    </li>
                }) }
            </ul>
        </div>
    }
}

/// « Coût total pour l'employeur »: what the salary and the hiring aid need (issue 7). Optional: without
/// a date of birth or a salary, the quote stops at the training cost.
pub(super) fn net_cost(state: &State, dispatch: &Dispatch) -> Html {
    const CYCLE: [(&str, &str); 3] = [
        ("", "1re année (cas général)"),
        ("2", "2e année"),
        ("3", "3e année"),
    ];
    html! {
        <fieldset class="group" id="net-cost-form">
            <legend>{ "Coût total pour l'employeur" }</legend>
            <p class="hint">
                { "Facultatif. Avec la date de naissance de l'apprenti et l'effectif de l'entreprise, le chiffrage                    ajoute le salaire de l'apprenti et les aides, année par année. Apprenti RQTH : cochez la case                    plus haut, elle compte aussi pour l'aide à l'embauche." }
            </p>
            <div class="row">
                { text_field(state, dispatch, Field::BirthDate, "Date de naissance de l'apprenti",
                    "JJ/MM/AAAA. Le salaire minimum dépend de l'âge.") }
                { text_field(state, dispatch, Field::CompanyHeadcount, "Effectif de l'entreprise",
                    "Nombre de salariés : l'aide à l'embauche dépend du seuil de 250.") }
            </div>
            { text_field(state, dispatch, Field::MonthlySalary, "Salaire mensuel brut convenu, en euros (facultatif)",
                "S'il dépasse le minimum légal ; sinon le minimum selon l'âge et l'année est retenu.") }
            { text_field(state, dispatch, Field::TutorAid, "Aide au maître d'apprentissage, en euros par mois (facultatif)",
                "Si la branche en accorde une : le plafond et la durée réglementaires sont appliqués.") }
            { select_field(state, &dispatch.to_callback(), Field::CycleYear, "Année du cycle de formation où commence le contrat",
                "Pour un contrat qui commence en cours de cycle, le salaire minimum suit l'année du cycle.", &CYCLE) }
            { checkbox(state, dispatch, Flag::LicencePro, "Licence professionnelle préparée en un an",
                "Le salaire minimum est alors celui d'une deuxième année.") }
            { text_field(state, dispatch, Field::ConventionalMinimum, "Salaire minimum conventionnel de l'emploi, en euros par mois (facultatif)",
                "À partir de 21 ans, le minimum de l'apprenti se calcule sur lui s'il dépasse le SMIC (convention collective).") }
            { checkbox(state, dispatch, Flag::SameLevelRelatedDiploma, "Diplôme de même niveau que le précédent, en rapport direct avec lui",
                "Contrat d'un an au plus : le minimum est majoré de 15 points, sans dépasser le SMIC (D6222-30).") }
            { quota(state, dispatch) }
            { contributions(state, dispatch) }
        </fieldset>
    }
}

/// The employer's contributions: what the establishment's own rates change (issue 21). Folded: the
/// national defaults serve most visitors.
fn contributions(state: &State, dispatch: &Dispatch) -> Html {
    let body = html! {
        <fieldset class="group">
            <legend>{ "Cotisations sociales et mutuelle" }</legend>
            <p class="hint">{ "Les cotisations sont calculées mois par mois, avec la réduction générale, sur le \
                salaire retenu. Sans taux AT/MP, le taux moyen national de l'année est pris." }</p>
            <div class="row">
                { text_field(state, dispatch, Field::AtmpRate, "Taux AT/MP de l'établissement, en %",
                    "Sur le compte AT/MP de l'établissement (net-entreprises.fr), par exemple 2,12.") }
                { text_field(state, dispatch, Field::MobilityRate, "Versement mobilité, en %",
                    "Taux de la commune, dû à partir de 11 salariés ; vide s'il n'y en a pas.") }
            </div>
            { checkbox(state, dispatch, Flag::AlsaceMoselle, "Établissement en Alsace-Moselle",
                "Bas-Rhin, Haut-Rhin, Moselle : régime local (cotisation maladie salariale, taxe d'apprentissage).") }
            <div class="row">
                { text_field(state, dispatch, Field::HealthInsuranceMonthly, "Mutuelle : cotisation mensuelle totale, en euros",
                    "Parts employeur et salarié ensemble ; montrée à part, ce n'est pas une cotisation légale.") }
                { text_field(state, dispatch, Field::HealthInsuranceEmployerShare, "Part employeur de la mutuelle, en %",
                    "Au moins 50 % ; 50 % si vide.") }
            </div>
        </fieldset>
    };
    disclosure(
        state,
        dispatch,
        Section::Contributions,
        "Cotisations : taux AT/MP, versement mobilité, Alsace-Moselle, mutuelle",
        body,
    )
}

/// D21: the alternance quota, asked only of a company of 250 or more (or when already filled in, so that
/// nothing typed is hidden).
fn quota(state: &State, dispatch: &Dispatch) -> Html {
    const COMMITMENT: [(&str, &str); 3] = [
        ("", "Non précisé (l'aide conditionnelle n'est pas comptée)"),
        ("committed", "Engagée à atteindre le seuil"),
        ("not_committed", "Non engagée"),
    ];
    let large = state
        .form
        .text(Field::CompanyHeadcount)
        .trim()
        .parse::<u32>()
        .is_ok_and(|n| n >= 250);
    let filled = [Field::AlternanceQuota]
        .iter()
        .chain(&Field::QUOTA_SHARES)
        .any(|f| !state.form.text(*f).trim().is_empty());
    if !large && !filled {
        return Html::default();
    }
    html! {
        <fieldset class="group" id="quota-form">
            <legend>{ "Seuil d'alternants (entreprise de 250 salariés ou plus)" }</legend>
            <p class="hint">{ "L'aide à l'embauche d'une entreprise de 250 salariés ou plus suppose d'atteindre, au \
                31 décembre de l'année suivant la conclusion, 5 % de contrats favorisant l'insertion, ou 3 % \
                d'alternants et une progression de 10 %. Sans réponse, l'aide n'est pas comptée." }</p>
            { select_field(state, &dispatch.to_callback(), Field::AlternanceQuota, "Engagement de l'entreprise",
                "Ou indiquez les parts ci-dessous.", &COMMITMENT) }
            <div class="row">
                { text_field(state, dispatch, Field::InsertionShare, "Contrats favorisant l'insertion, en %",
                    "Seuil : 5 %.") }
                { text_field(state, dispatch, Field::AlternantShare, "Alternants, en %", "Seuil : 3 %, avec la progression.") }
                { text_field(state, dispatch, Field::AlternantGrowth, "Progression des alternants, en %", "Seuil : 10 %.") }
            </div>
        </fieldset>
    }
}

pub(super) fn training(state: &State, dispatch: &Dispatch) -> Html {
    let suggestions: Vec<Suggestion> = state
        .cert_hits
        .iter()
        .map(|c| Suggestion {
            text: if c.label.is_empty() {
                c.rncp.clone()
            } else {
                c.label.clone()
            },
            detail: [
                c.rncp.clone(),
                c.diploma_type.clone(),
                c.level_hint
                    .map(|l| format!("niveau {l}"))
                    .unwrap_or_default(),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · "),
        })
        .collect();
    let hits = state.cert_hits.clone();
    let onpick = {
        let dispatch = dispatch.clone();
        Callback::from(move |i: usize| {
            if let Some(c) = hits.get(i) {
                dispatch.dispatch(Action::PickCertification(c.rncp.clone()));
            }
        })
    };
    let oninput = {
        let dispatch = dispatch.clone();
        Callback::from(move |text: String| dispatch.dispatch(Action::Set(Field::CertQuery, text)))
    };
    let known = state.outcome.certification.as_ref();
    let level_hint = match known.and_then(|c| c.level_hint) {
        Some(l) => {
            format!("Niveau {l} d'après le type de diplôme de la certification ; modifiable.")
        }
        None => "Le niveau figure sur la fiche RNCP de la certification.".to_owned(),
    };
    let mut levels = vec![("", "— Choisir —")];
    levels.extend(LEVELS);
    html! {
        <fieldset class="group">
            <legend>{ "La formation" }</legend>
            <Combobox
                field={Field::CertQuery}
                label="Certification préparée"
                hint="Tapez quelques mots de l'intitulé (sans souci des accents) ou le code RNCP, puis choisissez dans la liste."
                value={state.form.text(Field::CertQuery).to_owned()}
                {suggestions}
                error={state.outcome.error(Field::CertQuery).cloned()}
                note={state.link_note(Field::CertQuery.id()).cloned()}
                required={state.form.text(Field::Npec).trim().is_empty()}
                no_match={(typed(state, Field::CertQuery) && state.cert_hits.is_empty() && known.is_none()).then_some(AttrValue::from(
                    "Aucune certification ne correspond : essayez un autre mot de l'intitulé, ou son code RNCP (RNCP38362)."))}
                {oninput}
                {onpick}
            />
            if let Some(c) = known {
                <p class="note" id="certification-known">{ format!("Retenue : {}", certification_text(c)) }</p>
            }
            { select_field(state, &dispatch.to_callback(), Field::Level, "Niveau de la certification", &level_hint, &levels) }
        </fieldset>
    }
}

/// D24: who employs the apprentice.
const EMPLOYER_TYPES: [(&str, &str); 5] = [
    (
        "",
        "Privé (ou public dont le personnel relève du droit privé)",
    ),
    ("territorial", "Collectivité territoriale"),
    ("state", "État"),
    ("hospital", "Hôpital public"),
    ("other_public", "Autre employeur public"),
];

/// D22: where the contract is executed (the core's values, in French).
const TERRITORIES: [(&str, &str); 9] = [
    ("", "Hexagone (France métropolitaine, Corse comprise)"),
    ("guadeloupe", "Guadeloupe"),
    ("guyane", "Guyane"),
    ("martinique", "Martinique"),
    ("reunion", "La Réunion"),
    ("mayotte", "Mayotte"),
    ("saint_barthelemy", "Saint-Barthélemy"),
    ("saint_martin", "Saint-Martin"),
    ("saint_pierre_et_miquelon", "Saint-Pierre-et-Miquelon"),
];

/// D22: AKTO's ultramarine mobility, once per contract.
const MOBILITIES: [(&str, &str); 3] = [
    ("", "Aucune"),
    ("to_hexagone", "Vers l'hexagone"),
    ("inter_overseas", "Entre territoires d'outre-mer"),
];

pub(super) fn employer(state: &State, dispatch: &Dispatch) -> Html {
    let suggestions: Vec<Suggestion> = state
        .branch_hits
        .iter()
        .map(|h| {
            let code = match h.idcc {
                Some(idcc) => format!("IDCC {idcc}"),
                None => format!(
                    "CPNE {}",
                    h.cpne
                        .first()
                        .map(|b| b.cpne.to_string())
                        .unwrap_or_default()
                ),
            };
            let mut detail = vec![code];
            if let Some(opco) = &h.opco {
                detail.push(format!("OPCO {opco}"));
            }
            if h.cpne.len() > 1 {
                detail.push(format!("{} branches (CPNE)", h.cpne.len()));
            }
            Suggestion {
                text: h.label.clone(),
                detail: detail.join(" · "),
            }
        })
        .collect();
    let onpick = {
        let dispatch = dispatch.clone();
        Callback::from(move |i: usize| dispatch.dispatch(Action::PickBranch(i)))
    };
    let oninput = {
        let dispatch = dispatch.clone();
        Callback::from(move |text: String| dispatch.dispatch(Action::Set(Field::BranchQuery, text)))
    };
    let branch = state.outcome.branch.as_ref();
    let chosen: Option<u32> = state.form.text(Field::Cpne).trim().parse().ok();
    let cpne_error = state.outcome.error(Field::Cpne);
    html! {
        <fieldset class="group">
            <legend>{ "L'employeur" }</legend>
            <Combobox
                field={Field::BranchQuery}
                label="Convention collective de l'employeur"
                hint="Son code IDCC (sur le bulletin de paie ou le Cerfa) ou des mots de son nom. Facultatif si vous saisissez le NPEC."
                value={state.form.text(Field::BranchQuery).to_owned()}
                {suggestions}
                error={state.outcome.error(Field::BranchQuery).cloned()}
                note={state.link_note(Field::BranchQuery.id()).cloned()}
                no_match={(typed(state, Field::BranchQuery) && state.branch_hits.is_empty() && branch.is_none_or(|b| b.cpne.is_empty())).then_some(AttrValue::from(
                    "Aucune convention ne correspond : vérifiez le code IDCC (1 à 4 chiffres, sur le bulletin de paie), ou saisissez le NPEC."))}
                {oninput}
                {onpick}
            />
            { select_field(state, &dispatch.to_callback(), Field::EmployerType, "Type d'employeur",
                "Un employeur public dont le personnel ne relève pas du droit privé n'est pas financé par un OPCO. \
                 Un EPIC est un employeur privé.", &EMPLOYER_TYPES) }
            { select_field(state, &dispatch.to_callback(), Field::Territory, "Territoire où le contrat est exécuté",
                "Outre-mer, l'aide à l'embauche couvre les diplômes jusqu'au niveau 5 (bac + 2) et Mayotte a son propre SMIC.",
                &TERRITORIES) }
            if !state.form.text(Field::Territory).trim().is_empty()
                || !state.form.text(Field::NpecOverseasModulation).trim().is_empty() {
                { text_field(state, dispatch, Field::NpecOverseasModulation, "Modulation du NPEC décidée par l'OPCO, en euros par an (facultatif)",
                    "Outre-mer, le conseil d'administration de l'OPCO peut moduler le NPEC pour l'accompagnement social des apprentis (L6523-2-3). Aucun montant n'est publié : indiquez celui que l'OPCO vous a notifié. Proratisé comme le NPEC, versé en plus.") }
            }
            if let Some(b) = branch {
                <p class="note" id="branch-info">
                    { match b.idcc { Some(i) => format!("IDCC {i}"), None => "Branche".to_owned() } }
                    if !b.label.is_empty() { { format!(" · {}", b.label) } }
                    { " · OPCO : " }<strong>{ b.opco.clone().unwrap_or_else(|| "non renseigné".into()) }</strong>
                </p>
            }
            if let Some(b) = branch.filter(|b| b.cpne.len() > 1) {
                <fieldset id="cpne" class={classes!("choice", cpne_error.map(|_| "is-invalid"))}
                    aria-describedby={describe("cpne", false, cpne_error.is_some(), state.link_note("cpne").is_some())}>
                    <legend>{ format!("Cette convention relève de {} branches (CPNE). Laquelle est celle de l'employeur ?", b.cpne.len()) }</legend>
                    { for b.cpne.iter().map(|c| {
                        let code = c.cpne;
                        let onchange = {
                            let dispatch = dispatch.clone();
                            Callback::from(move |_: Event| dispatch.dispatch(Action::PickCpne(code)))
                        };
                        let label = if c.label.is_empty() { format!("CPNE {code}") } else { format!("CPNE {code} – {}", c.label) };
                        radio("cpne", &format!("cpne-{code}"), &label, chosen == Some(code), onchange)
                    }) }
                    { message(Field::Cpne, cpne_error) }
                    { link_note("cpne", state.link_note("cpne")) }
                </fieldset>
            }
        </fieldset>
    }
}

pub(super) fn dates(state: &State, dispatch: &Dispatch) -> Html {
    let reduced_hint = match rules(state) {
        Some(r) => format!(
            "Contrat raccourci pour tenir compte du parcours de l'apprenti : un contrat de moins d'un an est alors majoré de {}.",
            percent(r.short_contract_majoration)
        ),
        None => "Contrat raccourci pour tenir compte du parcours de l'apprenti.".to_owned(),
    };
    html! {
        <fieldset class="group">
            <legend>{ "Les dates du contrat" }</legend>
            <div class="row">
                { text_field(state, dispatch, Field::SignedOn, "Date de conclusion (signature)", "JJ/MM/AAAA. Elle fixe les règles applicables.") }
                { text_field(state, dispatch, Field::Start, "Date de début d'exécution", "JJ/MM/AAAA") }
                { text_field(state, dispatch, Field::End, "Date de fin prévue", "JJ/MM/AAAA") }
            </div>
            { date_notes(state, Field::SignedOn, "Date de conclusion", &["signed_after_start"]) }
            { date_notes(state, Field::End, "Date de fin prévue", &["duration_over_max", "duration_under_min"]) }
            { checkbox(state, dispatch, Flag::ReducedDuration, "Durée réduite (dérogation 21 du Cerfa)", &reduced_hint) }
        </fieldset>
    }
}

/// The quote's warnings about a date, next to that date (issue 20: not only in the results).
fn date_notes(state: &State, field: Field, label: &str, codes: &[&str]) -> Html {
    let Some(q) = &state.outcome.quote else {
        return html! {};
    };
    html! {
        { for q.warnings.iter().filter(|w| codes.contains(&w.code)).map(|w| html! {
            <p class="note date-note" id={format!("{}-note", field.id())}>
                <strong>{ format!("{label} : ") }</strong>{ w.message.clone() }
            </p>
        }) }
    }
}

/// D28: a rupture within the probation's days of the start, the box unticked: it may be one.
fn probation_hint(state: &State, rules: Option<&RuleSet>) -> Html {
    let form = &state.form;
    let dates = (
        parse_date(form.text(Field::Start), "start"),
        parse_date(form.text(Field::RuptureOn), "rupture_on"),
    );
    let (Some(r), (Ok(start), Ok(rupture))) = (rules, dates) else {
        return html! {};
    };
    let days = days_inclusive(start, rupture);
    let limit = i64::from(r.participation.probation_days);
    if form.flag(Flag::RuptureDuringProbation) || !(1..=limit).contains(&days) {
        return html! {};
    }
    html! {
        <p class="note" id="probation-hint">
            { format!("Rupture {days} jours après le début : si l'apprenti n'avait pas encore passé {limit} jours en entreprise, \
                       c'est une rupture pendant la période probatoire ; cochez alors la case ci-dessus.") }
        </p>
    }
}

pub(super) fn price(state: &State, dispatch: &Dispatch) -> Html {
    let basis = |b: PriceBasis| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: Event| dispatch.dispatch(Action::PriceBasis(b)))
    };
    let annual = state.form.price_basis == PriceBasis::Annual;
    html! {
        <fieldset class="group">
            <legend>{ "Le prix de la formation" }</legend>
            { text_field(state, dispatch, Field::Price, "Prix demandé par le CFA, en euros", "Tel qu'indiqué dans la convention de formation.") }
            <fieldset class="choice inline">
                <legend>{ "Ce prix est" }</legend>
                { radio("price_basis", "price_basis-annual", "par année de formation", annual, basis(PriceBasis::Annual)) }
                { radio("price_basis", "price_basis-total", "pour tout le contrat", !annual, basis(PriceBasis::Total)) }
            </fieldset>
            { text_field(state, dispatch, Field::Npec, "NPEC annuel connu, en euros (facultatif)",
                "Le niveau de prise en charge annoncé par l'OPCO : il remplace celui du référentiel.") }
        </fieldset>
    }
}

pub(super) fn apprentice(state: &State, dispatch: &Dispatch) -> Html {
    let mode = |m: DistanceMode| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: Event| dispatch.dispatch(Action::DistanceMode(m)))
    };
    let hours = state.form.distance_mode == DistanceMode::Hours;
    let rules = rules(state);
    let rqth_hint = match &rules {
        Some(r) => format!(
            "Plafonnée à {} par an ; laissez vide si le CFA n'en a pas évalué.",
            euros(r.rqth_cap)
        ),
        None => "Laissez vide si le CFA n'en a pas évalué.".to_owned(),
    };
    let distance_hint = match &rules {
        Some(r) if r.distance.applies => format!(
            "À partir de {}, le NPEC est minoré de {} (sans descendre sous {}).",
            percent(r.distance.threshold),
            percent(r.distance.rate),
            euros(r.distance.floor)
        ),
        _ => {
            "Pour un contrat conclu à cette date, l'enseignement à distance ne change pas le NPEC."
                .to_owned()
        }
    };
    html! {
        <fieldset class="group">
            <legend>{ "L'apprenti et l'enseignement" }</legend>
            { checkbox(state, dispatch, Flag::Rqth, "L'apprenti est reconnu travailleur handicapé (RQTH)",
                "Compte aussi pour l'aide à l'embauche (coût total pour l'employeur).") }
            if state.form.flag(Flag::Rqth) {
                <div class="nested">
                    { text_field(state, dispatch, Field::RqthMajoration, "Majoration annuelle évaluée par le CFA, en euros (facultatif)",
                        &rqth_hint) }
                </div>
            }
            { checkbox(state, dispatch, Flag::Distance, "Une partie de l'enseignement a lieu à distance", "") }
            if state.form.flag(Flag::Distance) {
                <div class="nested">
                    <fieldset class="choice inline">
                        <legend>{ "Je l'indique" }</legend>
                        { radio("distance_mode", "distance_mode-share", "en pourcentage", !hours, mode(DistanceMode::Share)) }
                        { radio("distance_mode", "distance_mode-hours", "en heures", hours, mode(DistanceMode::Hours)) }
                    </fieldset>
                    if hours {
                        <div class="row">
                            { text_field(state, dispatch, Field::DistanceHours, "Heures à distance", "") }
                            { text_field(state, dispatch, Field::TotalHours, "Heures de formation au total", "") }
                        </div>
                    } else {
                        { text_field(state, dispatch, Field::DistanceShare, "Part de l'enseignement à distance, en %",
                            &distance_hint) }
                    }
                    { checkbox(state, dispatch, Flag::DistanceExempt, "La certification figure dans l'arrêté du 26 novembre 2025",
                        "Ces certifications, enseignées à distance par tous leurs CFA, ne sont pas minorées (contrats conclus depuis le 30 novembre 2025).") }
                </div>
            }
        </fieldset>
    }
}

fn disclosure(
    state: &State,
    dispatch: &Dispatch,
    section: Section,
    title: &str,
    body: Html,
) -> Html {
    let ontoggle = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let details: HtmlDetailsElement = e.target_unchecked_into();
            dispatch.dispatch(Action::Disclose(section, details.open()));
        })
    };
    html! {
        <details class="more" open={state.is_open(section)} {ontoggle}>
            <summary>{ title.to_owned() }</summary>
            { body }
        </details>
    }
}

/// D23: the reason of a rupture and the stay in the CFA after it, asked once a rupture is given (or when
/// already filled in, so that nothing typed is hidden).
fn after_rupture(state: &State, dispatch: &Dispatch, rules: Option<&RuleSet>) -> Html {
    const REASONS: [(&str, &str); 2] = [
        (
            "",
            "Rupture en application de L6222-18 (période probatoire, accord, licenciement, démission…)",
        ),
        ("diploma_obtained", "Obtention du diplôme (L6222-19)"),
    ];
    let shown = [Field::RuptureOn, Field::RuptureReason, Field::CfaStayUntil]
        .iter()
        .any(|f| !state.form.text(*f).trim().is_empty());
    if !shown {
        return Html::default();
    }
    let months = rules.map_or(6, |r| r.post_rupture.max_months);
    let stay_hint = format!(
        "JJ/MM/AAAA : dernier jour en CFA, ou veille d'un nouveau contrat. L'OPCO maintient ses versements au plus \
         {months} mois après la rupture, jamais au-delà de la fin prévue ; rien pour l'employeur."
    );
    html! {
        <>
            { select_field(state, &dispatch.to_callback(), Field::RuptureReason, "Motif de la rupture",
                "Après l'obtention du diplôme, le financement n'est pas maintenu.", &REASONS) }
            { text_field(state, dispatch, Field::CfaStayUntil, "L'apprenti reste en CFA après la rupture jusqu'au (facultatif)", &stay_hint) }
        </>
    }
}

/// D25: the contract's kind, and the boxes each kind asks for (or already filled, so nothing typed is hidden).
fn succession(state: &State, dispatch: &Dispatch) -> Html {
    const KINDS: [(&str, &str); 5] = [
        ("", "Premier contrat"),
        (
            "avenant",
            "Avenant à un contrat (changement de CFA, de dates…)",
        ),
        (
            "new_same_employer",
            "Nouveau contrat avec le même employeur",
        ),
        (
            "new_other_employer_after_rupture",
            "Nouveau contrat avec un autre employeur après une rupture",
        ),
        (
            "prolongation_failure",
            "Prolongation après un échec à l'examen (L6222-11)",
        ),
    ];
    const CFA_CHANGES: [(&str, &str); 3] = [
        ("", "Pas de changement de CFA"),
        (
            "during_probation",
            "Changement de CFA pendant les 45 premiers jours",
        ),
        (
            "after_probation",
            "Changement de CFA après les 45 premiers jours",
        ),
    ];
    let kind = state.form.text(Field::ContractKind).trim().to_owned();
    let filled = |f: Field| !state.form.text(f).trim().is_empty();
    let avenant = kind == "avenant" || filled(Field::CfaChange) || filled(Field::InitialRncp);
    let successive = matches!(
        kind.as_str(),
        "new_same_employer" | "new_other_employer_after_rupture" | "prolongation_failure"
    ) || filled(Field::PreviousLastYearRate)
        || filled(Field::EmployerSiret)
        || filled(Field::PreviousEmployerSiret)
        || state.form.flag(Flag::PreviousAidSameCertification);
    html! {
        <fieldset class="group">
            <legend>{ "Avenant ou contrat successif" }</legend>
            { select_field(state, &dispatch.to_callback(), Field::ContractKind, "Nature du contrat",
                "Un avenant garde la date de conclusion du contrat : indiquez-la, aucun montant ne change. Un changement de certification exige un nouveau contrat.",
                &KINDS) }
            if avenant {
                { select_field(state, &dispatch.to_callback(), Field::CfaChange, "Changement de CFA",
                    "Le NPEC ne dépend pas du CFA ; seule la participation de l'employeur peut passer au second CFA.", &CFA_CHANGES) }
                { text_field(state, dispatch, Field::InitialRncp, "Code RNCP du contrat initial (facultatif)",
                    "Pour vérifier que l'avenant ne change pas de certification.") }
            }
            if successive {
                { text_field(state, dispatch, Field::PreviousLastYearRate, "Taux de la dernière année du contrat précédent, en % du SMIC",
                    "Le salaire minimum est au moins celui de la dernière année du contrat précédent (D6222-29), sauf si la grille selon l'âge donne plus.") }
                { checkbox(state, dispatch, Flag::PreviousAidSameCertification,
                    "L'employeur a déjà perçu l'aide à l'embauche pour cet apprenti et cette certification",
                    "Pas de nouvelle aide pour un contrat conclu depuis le 24 février 2025 (D6243-2). Une autre certification garde son aide.") }
                { text_field(state, dispatch, Field::EmployerSiret, "SIRET de l'employeur (facultatif)", "14 chiffres.") }
                { text_field(state, dispatch, Field::PreviousEmployerSiret, "SIRET de l'employeur du contrat précédent (facultatif)",
                    "Pour vérifier qu'il s'agit bien du même employeur, ou d'un autre.") }
            }
        </fieldset>
    }
}

pub(super) fn advanced(state: &State, dispatch: &Dispatch) -> Html {
    let rules = rules(state);
    let probation_label = match &rules {
        Some(r) => format!(
            "Rupture pendant les {} premiers jours (période probatoire)",
            r.participation.probation_days
        ),
        None => "Rupture pendant la période probatoire".to_owned(),
    };
    let new_employer_hint = match &rules {
        Some(r) if r.participation.applies => format!(
            "La participation de l'employeur (niveau {} et plus) est alors de {} au lieu de {}.",
            r.participation.min_level,
            euros(r.participation.new_employer_lump_sum),
            euros(r.participation.lump_sum)
        ),
        _ => String::new(),
    };
    let entry_hint = match &rules {
        Some(r) => format!(
            "JJ/MM/AAAA, au plus {} mois avant le début du contrat.",
            r.precontract.max_months
        ),
        None => "JJ/MM/AAAA".to_owned(),
    };
    let body = html! {
        <>
            <fieldset class="group">
                <legend>{ "Rupture du contrat" }</legend>
                { text_field(state, dispatch, Field::RuptureOn, "Date de la rupture", "JJ/MM/AAAA : dernier jour du contrat.") }
                { checkbox(state, dispatch, Flag::RuptureDuringProbation,
                    &probation_label, "") }
                { probation_hint(state, rules.as_ref()) }
                { checkbox(state, dispatch, Flag::AfterRuptureNewEmployer,
                    "Ce contrat fait suite à une rupture chez un autre employeur", &new_employer_hint) }
                { after_rupture(state, dispatch, rules.as_ref()) }
            </fieldset>
            { succession(state, dispatch) }
            <fieldset class="group">
                <legend>{ "Formation commencée avant le contrat" }</legend>
                { text_field(state, dispatch, Field::CfaEntryOn, "Date d'entrée en CFA avant le contrat", &entry_hint) }
            </fieldset>
        </>
    };
    disclosure(
        state,
        dispatch,
        Section::Advanced,
        "Situations particulières : rupture, avenant, contrat successif, entrée en CFA avant le contrat",
        body,
    )
}

pub(super) fn annexes(state: &State, dispatch: &Dispatch) -> Html {
    let rules = rules(state);
    let per = |f: fn(&RuleSet) -> Decimal, what: &str| {
        rules
            .as_ref()
            .map(|r| format!("{} par {what}.", euros(f(r))))
            .unwrap_or_default()
    };
    let (night_hint, meal_hint) = (
        per(|r| r.annexes.night, "nuit"),
        per(|r| r.annexes.meal, "repas"),
    );
    let body = html! {
        <fieldset class="group">
            <legend>{ "Frais annexes financés par le CFA" }</legend>
            <div class="row">
                { text_field(state, dispatch, Field::Nights, "Nuitées", &night_hint) }
                { text_field(state, dispatch, Field::Meals, "Repas", &meal_hint) }
            </div>
            { text_field(state, dispatch, Field::FirstEquipment, "Premier équipement pédagogique, en euros",
                "Pris en charge dans la limite du forfait de l'OPCO.") }
            { select_field(state, &dispatch.to_callback(), Field::UltramarineMobility, "Mobilité ultramarine (AKTO)",
                "Un apprenti d'outre-mer formé dans l'hexagone ou dans un autre territoire : AKTO prend en charge une mobilité par contrat, hors prix du CFA.",
                &MOBILITIES) }
        </fieldset>
    };
    disclosure(
        state,
        dispatch,
        Section::Annexes,
        "Frais annexes : hébergement, restauration, premier équipement",
        body,
    )
}
