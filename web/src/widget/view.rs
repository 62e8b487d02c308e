//! The widget page (`widget.html#…`, or `index.html?mode=widget#…`): the compact calculator a CFA embeds
//! through the loader.
//! With the CFA's catalogue, the visitor picks a course and gives only the branch and the dates.

use coutcontrat::Quote;
use rust_decimal::Decimal;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::catalogue::Catalogue;
use super::config::Config;
use super::embed;
use super::message;
use super::state::{WidgetAction, WidgetState};
use crate::browser;
use crate::components::combobox::{Combobox, Suggestion};
use crate::components::results::status_line;
use crate::components::settle::{self, use_settle};
use crate::components::widgets::{field_box, message, select_field, sentence, LEVELS};
use crate::data::Catalog;
use crate::format::{euros, plain};
use crate::state::{Action, Field};

type Dispatch = UseReducerDispatcher<WidgetState>;

/// The widget.
#[function_component(Widget)]
pub fn widget() -> Html {
    // Read once; the document is marked and themed before the first paint (no flash of the calculator's
    // background or colours).
    let config = use_memo((), |_| {
        let config = Config::from_fragment(&embed::location_hash());
        embed::set_mode(
            "widget",
            "Simulateur coutcontrat : coût d'un contrat d'apprentissage",
        );
        embed::apply_theme(&config.theme);
        config
    });
    let state = {
        let config = config.clone();
        use_reducer(move || {
            let (today, catalog) = (browser::today(), Catalog::embedded());
            if config.catalogue_by_message {
                WidgetState::awaiting_catalogue(today, catalog)
            } else {
                WidgetState::new(today, config.catalogue.clone(), catalog)
            }
        })
    };
    {
        let config = config.clone();
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            report(&config.theme.rejected);
            report(config.catalogue.iter().flat_map(|c| c.problems.iter()));
            let links = connect(&config, dispatch);
            move || drop(links)
        });
    }
    {
        let host = config.host.clone();
        use_effect_with(state.result_message(), move |m| {
            embed::post_to_parent(m, host.as_deref())
        });
    }
    // The message of the box being typed in shows once typing pauses (or the box is left).
    let query = state.base.to_query();
    {
        let dispatch = state.dispatcher();
        use_settle(
            query.clone(),
            state.base.editing,
            Callback::from(move |()| dispatch.dispatch(WidgetAction::Form(Action::Settle))),
        );
    }
    let dispatch = state.dispatcher();
    html! {
        <main class="w-widget" aria-labelledby="w-title">
            <h1 id="w-title" class="w-title">{ "Coût d'un contrat d'apprentissage pour l'employeur" }</h1>
            <p class="w-lede">{ "Ce que l'OPCO prend en charge et ce qui reste à votre charge. \
                Le calcul se fait dans votre navigateur : rien de ce que vous saisissez n'est envoyé." }</p>
            <form class="w-form" aria-label="Le contrat" novalidate=true
                onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                if state.with_catalogue {
                    { course_field(&state, &dispatch) }
                } else {
                    { certification(&state, &dispatch) }
                }
                { branch(&state, &dispatch) }
                <fieldset class="w-group">
                    <legend>{ "Les dates du contrat" }</legend>
                    <div class="row">
                        { input(&state, &dispatch, Field::SignedOn, "Signature", "JJ/MM/AAAA") }
                        { input(&state, &dispatch, Field::Start, "Début", "JJ/MM/AAAA") }
                        { input(&state, &dispatch, Field::End, "Fin prévue", &end_hint(&state)) }
                    </div>
                </fieldset>
            </form>
            { results(&state, &query) }
        </main>
    }
}

/// Says in the console what was left out (the CFA's developer looks there), at most 20 lines.
fn report<'a>(problems: impl IntoIterator<Item = &'a String>) {
    let problems: Vec<&String> = problems.into_iter().collect();
    for problem in problems.iter().take(20) {
        web_sys::console::warn_1(&format!("coutcontrat widget: {problem}").into());
    }
    if problems.len() > 20 {
        let more = problems.len() - 20;
        web_sys::console::warn_1(
            &format!("coutcontrat widget: … and {more} more problems in the catalogue").into(),
        );
    }
}

/// Talks to the host page, at its origin only: the height, and the catalogue when it is announced
/// (listening first, then saying ready). Without a valid host origin, nothing is posted at all.
fn connect(
    config: &Config,
    dispatch: Dispatch,
) -> (Option<embed::HeightWatch>, Option<embed::ParentMessages>) {
    if !embed::is_framed() {
        if config.catalogue_by_message {
            dispatch.dispatch(WidgetAction::Courses(Catalogue::default()));
        }
        return (None, None);
    }
    let Some(host) = config.host.clone() else {
        web_sys::console::error_1(
            &"coutcontrat widget: no valid host origin in the address (#host=https://… , which the loader \
              widget.js writes): the widget posts no message (neither its height nor its figures) and \
              receives no catalogue. Embed it with widget.js (web/README.md, « Widget »)."
                .into(),
        );
        if config.catalogue_by_message {
            dispatch.dispatch(WidgetAction::Courses(Catalogue::default()));
        }
        return (None, None);
    };
    let listener = if config.catalogue_by_message {
        let mut taken = false;
        let listener = embed::listen_to_parent(host.clone(), move |data| {
            if taken {
                return;
            }
            if let Some(c) = message::catalogue(&data) {
                taken = true;
                report(&c.problems);
                dispatch.dispatch(WidgetAction::Courses(c));
            }
        });
        embed::post_to_parent(&message::ready(), Some(&host));
        listener
    } else {
        None
    };
    (embed::watch_height(Some(host)), listener)
}

fn end_hint(state: &WidgetState) -> String {
    match state.course().and_then(|c| c.months) {
        Some(m) => format!("JJ/MM/AAAA ; durée habituelle : {m} mois"),
        None => "JJ/MM/AAAA".to_owned(),
    }
}

/// The calculator's own box for a field, its actions sent as the widget's.
fn input(state: &WidgetState, dispatch: &Dispatch, field: Field, label: &str, hint: &str) -> Html {
    let send = dispatch.to_callback().reform(WidgetAction::Form);
    field_box(&state.base, &send, field, label, hint)
}

fn course_field(state: &WidgetState, dispatch: &Dispatch) -> Html {
    let onchange = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            dispatch.dispatch(WidgetAction::Course(select.value().parse().ok()));
        })
    };
    let detail = state.course().map(|c| {
        let mut parts = vec![c.rncp.clone()];
        if let Some(l) = c.level {
            parts.push(format!("niveau {l}"));
        }
        parts.push(format!("{} par an", euros(c.price)));
        if let Some(m) = c.months {
            parts.push(format!("{m} mois"));
        }
        if let Some(d) = c.distance.filter(|d| !d.is_zero()) {
            parts.push(format!("{} % à distance", d.normalize()));
        }
        parts.join(" · ")
    });
    html! {
        <div class="field">
            <label for="course">{ "Formation" }</label>
            <p class="hint" id="course-hint">{ "Parmi les formations du CFA : leur prix et leur durée sont connus." }</p>
            <select id="course" name="course" class="w-full" aria-describedby="course-hint" {onchange}>
                <option value="" selected={state.course.is_none()}>{ "— Choisir une formation —" }</option>
                { for state.labels.iter().enumerate().map(|(i, label)| html! {
                    <option value={i.to_string()} selected={state.course == Some(i)}>
                        { label.clone() }
                    </option>
                }) }
            </select>
            if let Some(detail) = detail {
                <p class="note w-course" id="course-detail">{ detail }</p>
            }
            if state.awaiting {
                <p class="note" id="course-loading">{ "Chargement des formations du CFA…" }</p>
            } else if state.courses.is_empty() {
                <p class="message" id="course-error">{ "Le catalogue du CFA ne contient aucune formation lisible." }</p>
            }
            { catalogue_problems(state) }
        </div>
    }
}

/// What of the CFA's catalogue was left out, in the widget itself: a course that silently disappeared
/// would look like a course the CFA does not offer.
fn catalogue_problems(state: &WidgetState) -> Html {
    let problems = &state.catalogue_problems;
    if problems.is_empty() {
        return Html::default();
    }
    let shown = 5;
    html! {
        <details class="w-problems" id="catalogue-problems">
            <summary>{ match problems.len() {
                1 => "Le catalogue du CFA contient une erreur : une partie n'est pas proposée".to_owned(),
                n => format!("Le catalogue du CFA contient {n} erreurs : une partie n'est pas proposée"),
            } }</summary>
            <ul>
                { for problems.iter().take(shown).map(|p| html! { <li>{ sentence(p) }</li> }) }
                if problems.len() > shown {
                    <li>{ format!("… et {} autres (console du navigateur)", problems.len() - shown) }</li>
                }
            </ul>
        </details>
    }
}

fn certification(state: &WidgetState, dispatch: &Dispatch) -> Html {
    let s = &state.base;
    let suggestions: Vec<Suggestion> = s
        .cert_hits
        .iter()
        .map(|c| Suggestion {
            text: if c.label.is_empty() {
                c.rncp.clone()
            } else {
                c.label.clone()
            },
            detail: c.rncp.clone(),
        })
        .collect();
    let hits = s.cert_hits.clone();
    let onpick = {
        let dispatch = dispatch.clone();
        Callback::from(move |i: usize| {
            if let Some(c) = hits.get(i) {
                dispatch.dispatch(WidgetAction::Form(Action::PickCertification(
                    c.rncp.clone(),
                )));
            }
        })
    };
    let oninput = {
        let dispatch = dispatch.clone();
        Callback::from(move |t: String| {
            dispatch.dispatch(WidgetAction::Form(Action::Set(Field::CertQuery, t)))
        })
    };
    let send = dispatch.to_callback().reform(WidgetAction::Form);
    let mut levels = vec![("", "— Choisir —")];
    levels.extend(LEVELS);
    html! {
        <fieldset class="w-group">
            <legend>{ "La formation" }</legend>
            <Combobox
                field={Field::CertQuery}
                label="Certification préparée"
                hint="Quelques mots de l'intitulé ou le code RNCP, puis choisissez dans la liste."
                value={s.form.text(Field::CertQuery).to_owned()}
                {suggestions}
                error={s.outcome.error(Field::CertQuery).cloned()}
                {oninput}
                {onpick}
            />
            <div class="row">
                { select_field(s, &send, Field::Level, "Niveau", "Sur la fiche RNCP.", &levels) }
                { input(state, dispatch, Field::Price, "Prix annuel du CFA", "En euros, par année de formation.") }
            </div>
        </fieldset>
    }
}

fn branch(state: &WidgetState, dispatch: &Dispatch) -> Html {
    let s = &state.base;
    let suggestions: Vec<Suggestion> = s
        .branch_hits
        .iter()
        .map(|h| Suggestion {
            text: h.label.clone(),
            detail: match h.idcc {
                Some(i) => format!("IDCC {i}"),
                None => "CPNE".to_owned(),
            },
        })
        .collect();
    let onpick = {
        let dispatch = dispatch.clone();
        Callback::from(move |i: usize| dispatch.dispatch(WidgetAction::Form(Action::PickBranch(i))))
    };
    let oninput = {
        let dispatch = dispatch.clone();
        Callback::from(move |t: String| {
            dispatch.dispatch(WidgetAction::Form(Action::Set(Field::BranchQuery, t)))
        })
    };
    let info = s.outcome.branch.as_ref();
    let chosen: Option<u32> = s.form.text(Field::Cpne).trim().parse().ok();
    let cpne_error = s.outcome.error(Field::Cpne);
    html! {
        <>
            <Combobox
                field={Field::BranchQuery}
                label="Convention collective de l'employeur"
                hint="Son code IDCC (sur le bulletin de paie) ou des mots de son nom."
                value={s.form.text(Field::BranchQuery).to_owned()}
                {suggestions}
                error={s.outcome.error(Field::BranchQuery).cloned()}
                {oninput}
                {onpick}
            />
            if let Some(b) = info {
                <p class="note" id="branch-info">
                    { match b.idcc { Some(i) => format!("IDCC {i}"), None => "Branche".to_owned() } }
                    if !b.label.is_empty() { { format!(" · {}", b.label) } }
                    if let Some(opco) = &b.opco { { format!(" · OPCO : {opco}") } }
                </p>
            }
            if let Some(b) = info.filter(|b| b.cpne.len() > 1) {
                <fieldset id="cpne" class={classes!("choice", cpne_error.map(|_| "is-invalid"))}>
                    <legend>{ "Cette convention relève de plusieurs branches (CPNE). Laquelle est celle de l'employeur ?" }</legend>
                    { for b.cpne.iter().map(|c| {
                        let code = c.cpne;
                        let onchange = {
                            let dispatch = dispatch.clone();
                            Callback::from(move |_: Event| dispatch.dispatch(WidgetAction::Form(Action::PickCpne(code))))
                        };
                        let id = format!("cpne-{code}");
                        let label = if c.label.is_empty() { format!("CPNE {code}") } else { format!("CPNE {code} – {}", c.label) };
                        html! {
                            <div class="check">
                                <input type="radio" id={id.clone()} name="cpne" checked={chosen == Some(code)} {onchange} />
                                <label for={id}>{ label }</label>
                            </div>
                        }
                    }) }
                    { message(Field::Cpne, cpne_error) }
                </fieldset>
            }
        </>
    }
}

fn amount(id: &str, value: impl Into<Decimal>) -> Html {
    let value = value.into();
    html! { <span id={id.to_owned()} data-value={plain(value)}>{ euros(value) }</span> }
}

fn results(state: &WidgetState, query: &str) -> Html {
    let detail = format!("index.html?{query}");
    let (shown, stale) = state.base.shown();
    html! {
        <section id="results" class="w-results" aria-labelledby="w-results-title">
            <h2 id="w-results-title">{ "Estimation" }</h2>
            <p class="visually-hidden" id="live-status" role="status">{ status_line(shown) }</p>
            {
                match &shown.quote {
                    Some(q) if stale => settle::stale("En cours de saisie : estimation précédente.", figures(state, q)),
                    Some(q) => figures(state, q),
                    None => pending(state),
                }
            }
            <p class="w-more">
                <a id="w-detail" href={detail} target="_blank" rel="noopener">
                    { "Voir le détail : année par année, versements, règles appliquées" }
                    <span class="visually-hidden">{ " (nouvel onglet)" }</span>
                </a>
            </p>
        </section>
    }
}

fn figures(state: &WidgetState, q: &Quote) -> Html {
    let t = &q.totals;
    let from_cfa = state.npec_from_cfa.is_some().then(|| {
        match state
            .course()
            .and_then(|c| c.npec.as_ref()?.edition.as_deref())
        {
            Some(edition) => format!(" : NPEC communiqué par le CFA (édition {edition})"),
            None => " : NPEC communiqué par le CFA".to_owned(),
        }
    });
    html! {
        <>
            <dl class="w-figures">
                <div class="w-figure w-opco">
                    <dt>{ "L'OPCO prend en charge" }</dt>
                    <dd>{ amount("total-opco", t.opco) }</dd>
                </div>
                <div class="w-figure w-employer">
                    <dt>{ "Reste à la charge de l'employeur" }</dt>
                    <dd>{ amount("total-employer", t.employer) }</dd>
                </div>
            </dl>
            <p class="small">
                { "Sur toute la durée du contrat. Niveau de prise en charge (NPEC) retenu : " }
                { amount("npec-annual", q.npec.annual) }{ " par an" }
                if let Some(from_cfa) = from_cfa {
                    <span id="npec-from-cfa">{ from_cfa }</span>
                }
                if q.npec.provisional {
                    { " " }<strong class="w-badge" id="npec-provisional">{ "provisoire" }</strong>
                    { " (valeur d'amorçage, à régulariser)" }
                }
                { ". Le reste à charge comprend la participation forfaitaire de l'employeur : " }
                { amount("participation", q.participation) }{ "." }
            </p>
        </>
    }
}

fn pending(state: &WidgetState) -> Html {
    let o = &state.base.outcome;
    let no_course = state.with_catalogue && state.course.is_none();
    let errors: Vec<_> = o
        .errors
        .iter()
        .filter(|e| !(no_course && !state.shown(e.field) && e.missing))
        .collect();
    html! {
        <div class="pending" id="pending">
            if no_course {
                <p>{ "Choisissez une formation pour obtenir l'estimation." }</p>
            }
            if !errors.is_empty() {
                <p>{ "Pour obtenir l'estimation, complétez ou corrigez :" }</p>
                <ul>
                    { for errors.iter().map(|e| html! {
                        <li>
                            if state.shown(e.field) {
                                <a href={format!("#{}", e.field.id())}>{ e.field.label() }</a>
                            } else {
                                { e.field.label() }
                            }
                            { " : " }{ sentence(&e.message) }
                        </li>
                    }) }
                </ul>
            }
            if let Some(general) = &o.general {
                <p class="message" id="general-error">{ sentence(general) }</p>
            }
        </div>
    }
}
