//! The page.

use std::rc::Rc;

use yew::prelude::*;

use super::data_panel::data_panel;
use super::part::{form, results, warm_up_certification_search};
use super::print_link::PrintLink;
use super::results::status_line;
use super::settle::use_settle;
use crate::browser;
use crate::data::Catalog;
use crate::format::euros;
use crate::state::{Action, State};

/// How long the address waits for typing to pause, in milliseconds.
const ADDRESS_DELAY_MS: i32 = 300;

/// The newest table version embedded, for the footer and the printed quote.
pub fn data_version() -> String {
    let versions = Catalog::embedded().referentiel().versions();
    // Generated amounts are never passed off as real (a full-size synthetic table, for measurements).
    let synthetic = if versions.iter().any(|v| v.synthetic) {
        " (avec une table SYNTHÉTIQUE : montants fictifs)"
    } else {
        ""
    };
    versions
        .iter()
        .max_by_key(|v| v.published)
        .map(|v| format!("référentiel NPEC {}{synthetic}", v.tag))
        .unwrap_or_else(|| {
            "aucun référentiel NPEC chargé (valeurs d'amorçage ou NPEC saisi)".to_owned()
        })
}

/// The totals in a bar that stays at the bottom of a phone's screen while the form is filled, with the
/// employer's whole cost once it is known; it leads to the results below. Not a live region: the status
/// line is the one.
fn peek(state: &State) -> Html {
    match &state.shown().0.quote {
        Some(q) => html! {
            <a class="peek" id="peek" href="#results-title">
                <span>{ "OPCO : " }<strong>{ euros(q.totals.opco_all) }</strong></span>
                <span>{ "Reste à charge : " }<strong>{ euros(q.totals.employer) }</strong></span>
                if let Some(n) = &q.net_cost {
                    <span>{ "Coût net employeur : " }<strong>{ euros(n.net_total) }</strong></span>
                }
                <span>{ "Voir le détail ↓" }</span>
            </a>
        },
        None => html! {},
    }
}

/// The links that download the quote (JSON, CSV); the file is written when the link is followed, never at
/// each keystroke.
fn exports(state: &State) -> Html {
    if state.outcome.quote.is_none() {
        return html! {};
    }
    // The files are written by a module of their own (web/export.js, loaded by boot.js on the first
    // click), from the share link: `Quote`'s serialisation stays out of the page's download.
    let link = |id: &'static str, file: &'static str, label: &'static str, kind: &'static str| {
        html! { <a class="button" {id} download={file} href="#" data-export={kind}>{ label }</a> }
    };
    html! {
        <>
            { link("export-json", "coutcontrat-chiffrage.json", "Exporter (JSON)", "json") }
            { link("export-csv", "coutcontrat-chiffrage.csv", "Exporter (CSV)", "csv") }
        </>
    }
}

/// The calculator.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        State::from_query(
            &browser::location_search(),
            browser::today(),
            Catalog::embedded(),
        )
    });
    // The hidden trigger `?debug_panic=1`, read before the address is rewritten: a panic once the page is
    // shown, to test the message that replaces a failed page (crash.rs).
    let debug_panic = *use_memo((), |_| {
        crate::state::debug_panic_requested(&browser::location_search())
    });
    use_effect_with(debug_panic, |on| {
        if *on {
            panic!("debug_panic : panne provoquée pour tester le message d'erreur de la page");
        }
    });
    {
        let (state, dispatch) = (state.clone(), state.dispatcher());
        use_effect_with((), move |_| {
            // After the first render: the form is on screen and answers (the time the benchmark reports).
            browser::mark("coutcontrat-interactive");
            // The first search's first-time costs, paid while the visitor reads the page rather than at
            // their first keystroke; after a paint, so that nothing shows later.
            browser::after_next_paint(move || {
                warm_up_certification_search(&state, &dispatch, || {
                    browser::mark("coutcontrat-warmed")
                })
            });
        });
    }
    let query = state.to_query();
    // The address is the share link of what is on screen, rewritten after a pause in typing: at every
    // keystroke it would cost each one a history update. Copy and print write it at once.
    // The printed quote's link and QR code follow the address, after the same pause (encoding the code at
    // every keystroke would slow typing).
    let printed_link = use_state_eq(String::new);
    {
        let printed_link = printed_link.clone();
        use_effect_with(query.clone(), move |query| {
            let query = query.clone();
            let pending = browser::after(ADDRESS_DELAY_MS, move || {
                browser::replace_query(&query);
                printed_link.set(format!(
                    "{}{}?{query}",
                    browser::location_origin(),
                    browser::location_pathname()
                ));
            });
            move || drop(pending)
        });
    }
    // The message of the box being typed in shows once typing pauses (or the box is left).
    {
        let dispatch = state.dispatcher();
        use_settle(
            query.clone(),
            state.editing,
            Callback::from(move |()| dispatch.dispatch(Action::Settle)),
        );
    }
    // `_eq`: the reset below runs at every keystroke (the address changes); a plain state would render
    // the whole page a second time for nothing.
    let copied = use_state_eq(|| false);
    let dispatch = state.dispatcher();
    let onprint = {
        let query = query.clone();
        Callback::from(move |_: MouseEvent| {
            browser::replace_query(&query);
            browser::print();
        })
    };
    let oncopy = {
        let (copied, query) = (copied.clone(), query.clone());
        Callback::from(move |_: MouseEvent| {
            browser::replace_query(&query);
            browser::copy_address();
            copied.set(true);
        })
    };
    // A snapshot the form's parts compare with the previous one, to skip those a keystroke left as
    // they were (the handle reads the live state, never the previous one). Cheap: the outcome is shared.
    let snapshot = Rc::new((*state).clone());
    let data_version = data_version();
    {
        let copied = copied.clone();
        use_effect_with(query.clone(), move |_| copied.set(false));
    }
    html! {
        <>
            <header class="masthead">
                // Inside the banner: every content of the page is in a landmark.
                <a class="skip" href="#results-title">{ "Aller au chiffrage" }</a>
                <div class="wrap">
                    <p class="brand">{ "coutcontrat" }</p>
                    <h1>{ "Combien coûte un contrat d'apprentissage\u{a0}?" }</h1>
                    <p class="lede">
                        { "Ce que l'OPCO prend en charge, ce qui reste à l'employeur et quand le CFA est payé. \
                           Le calcul se fait dans votre navigateur : rien n'est envoyé." }
                    </p>
                    <p class="print-only">{ format!("Données : {data_version}") }</p>
                </div>
            </header>
            <main class="wrap layout" id="main">
                <div class="col-form">
                    { form(&snapshot, &dispatch) }
                    { peek(&state) }
                </div>
                <div class="col-results">
                    <div class="toolbar" role="group" aria-label="Partager">
                        <a class="button" id="share-link" href={format!("?{query}")}>{ "Lien de ce chiffrage" }</a>
                        <button type="button" class="button" id="copy-link" onclick={oncopy}>
                            { if *copied { "Lien copié" } else { "Copier le lien" } }
                        </button>
                        <span class="visually-hidden" id="copy-status" role="status">{ if *copied { "Lien copié" } else { "" } }</span>
                        <button type="button" class="button" id="print" onclick={onprint}>{ "Imprimer / PDF" }</button>
                        { exports(&state) }
                    </div>
                    <p class="visually-hidden" id="live-status" role="status">{ status_line(state.shown().0) }</p>
                    <PrintLink link={(*printed_link).clone()} />
                    { results(&snapshot, &dispatch) }
                </div>
            </main>
            <footer class="wrap footer">
                { data_panel(&snapshot) }
                <p>
                    { "Estimation indicative, sans valeur contractuelle. " }
                    { "Règles : Code du travail, articles L6332-14, R6332-25, D6332-78 et suivants." }
                </p>
                <p>
                    { "Pour les CFA : " }<a href="cfa.html" id="cfa-link">{ "la grille d'une certification dans toutes les branches" }</a>
                    { " · " }<a href="integration.html">{ "le simulateur sur votre site" }</a>
                </p>
            </footer>
        </>
    }
}
