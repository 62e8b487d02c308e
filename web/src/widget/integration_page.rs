//! The integration page (`integration.html`, its own WebAssembly module): a CFA sets the colours and its courses, sees the
//! real widget, and copies the snippet and the CSP line.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::catalogue::{Catalogue, KEYS};
use super::embed;
use super::integration::{csp, Settings, SettingsAction};
use super::message::{RESIZE, RESULT};
use super::theme::MAX_RADIUS_PX;
use crate::browser;

type Dispatch = UseReducerDispatcher<Settings>;

/// The columns of the catalogue editor: label, input width class, input mode.
const COLUMNS: [(&str, &str, Option<&str>); 8] = [
    ("Code RNCP", "w-rncp", None),
    ("Intitulé", "w-label", None),
    ("Niveau", "w-small", Some("numeric")),
    ("Prix annuel (€)", "w-price", Some("decimal")),
    ("Durée (mois)", "w-small", Some("numeric")),
    ("À distance (%)", "w-small", Some("decimal")),
    ("NPEC annuel (€, facultatif)", "w-npec", None),
    ("Édition du NPEC", "w-small", None),
];

/// How long the preview waits for the typing to pause before it reloads the widget.
const PREVIEW_DELAY_MS: i32 = 400;

/// The integration page.
#[function_component(Integration)]
pub fn integration() -> Html {
    let settings = use_reducer(Settings::default);
    let dispatch = settings.dispatcher();
    let script_url = use_memo((), |_| embed::sibling_url("widget.js"));
    let origin = use_memo((), |_| embed::origin());
    let copied = use_state(|| None::<&'static str>);
    let json = use_state(String::new);
    use_effect_with((), |_| {
        embed::set_mode(
            "integration",
            "Intégrer le simulateur à votre site – coutcontrat",
        )
    });
    {
        let script_url = script_url.clone();
        use_effect_with(settings.attributes(), move |attributes| {
            let (src, attributes) = ((*script_url).clone(), attributes.clone());
            let timer = browser::after(PREVIEW_DELAY_MS, move || {
                embed::insert_loader("preview", &src, &attributes)
            });
            move || drop(timer)
        });
    }
    let snippet = settings.snippet(&script_url);
    let csp_line = csp(&origin);
    let copy = |what: &'static str, text: String| {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            embed::copy_text(&text);
            copied.set(Some(what));
        })
    };
    let catalogue = settings.catalogue();
    html! {
        <>
            <header class="masthead">
                <div class="wrap">
                    <p class="brand">{ "coutcontrat" }</p>
                    <h1>{ "Intégrer le simulateur au site de votre CFA" }</h1>
                    <p class="lede">
                        { "Vos visiteurs employeurs choisissent une de vos formations et voient ce que l'OPCO prend en charge \
                           et ce qui leur reste. Le calcul se fait dans leur navigateur : rien de ce qu'ils saisissent n'est envoyé, \
                           ni à nous ni à un tiers." }
                    </p>
                    <p><a href="cfa.html" id="cfa-link">{ "La grille d'une de vos certifications dans toutes les branches" }</a></p>
                </div>
            </header>
            <main class="wrap integ" id="main">
                <div class="integ-settings">
                    { appearance(&settings, &dispatch) }
                    { courses(&settings, &dispatch, &catalogue, &json) }
                </div>
                <section class="integ-preview" aria-labelledby="preview-title">
                    <div class="integ-preview-inner">
                        <h2 id="preview-title">{ "Aperçu" }</h2>
                        <p class="hint">{ "Le vrai widget, tel que vos visiteurs le verront ; il se met à jour quand vous modifiez les réglages." }</p>
                        <div id="preview" class="preview"></div>
                    </div>
                </section>
                <section class="integ-code group" aria-labelledby="code-title">
                    <h2 id="code-title">{ "Le code à coller" }</h2>
                    <p>{ "Collez ce code dans la page de votre site, à l'endroit où le simulateur doit apparaître. \
                          Il insère un cadre (iframe) qui prend la hauteur de son contenu, et un lien vers le calculateur complet." }</p>
                    <pre class="code"><code id="snippet">{ snippet.clone() }</code></pre>
                    <p>
                        <button type="button" class="button" id="copy-snippet" onclick={copy("snippet", snippet)}>
                            { if *copied == Some("snippet") { "Code copié" } else { "Copier le code" } }
                        </button>
                    </p>
                    <p class="small">
                        { "Plutôt qu'une liste dans le code, le catalogue peut être un fichier JSON sur votre site (même format) : \
                           remplacez " }<code>{ "data-catalogue='…'" }</code>{ " par " }<code>{ "data-catalogue-url=\"/formations.json\"" }</code>
                        { ". Il est lu par votre page, puis transmis au widget : le widget, lui, ne télécharge rien." }
                    </p>
                    <h3 id="csp-title">{ "Politique de sécurité du contenu (CSP)" }</h3>
                    <p>{ "Si votre site envoie un en-tête Content-Security-Policy, ajoutez-y ces sources (sans retirer vos directives existantes) :" }</p>
                    <pre class="code"><code id="csp">{ csp_line.clone() }</code></pre>
                    <p>
                        <button type="button" class="button" id="copy-csp" onclick={copy("csp", csp_line)}>
                            { if *copied == Some("csp") { "Ligne copiée" } else { "Copier la ligne" } }
                        </button>
                    </p>
                    <p class="small">
                        { "Avec data-catalogue-url, le fichier est lu par votre page : votre directive connect-src doit l'autoriser \
                           ('self' suffit pour un fichier de votre site)." }
                    </p>
                    <h3>{ "Réagir à une estimation" }</h3>
                    <p>
                        { "À chaque nouvelle estimation, le widget envoie un message que le script retransmet sous forme d'événement " }
                        <code>{ RESULT }</code>{ " (il remonte jusqu'au document). Par exemple, pour proposer votre formulaire de contact :" }
                    </p>
                    <pre class="code"><code>{ EVENT_EXAMPLE }</code></pre>
                    <p class="small">
                        { "Les montants sont des textes à deux décimales (\"8828.00\") ; quote vaut null tant que le formulaire est incomplet. \
                           Le script n'accepte que les messages de son propre cadre, venus de l'origine du widget (" }
                        <code>{ RESIZE }</code>{ " pour la hauteur, " }<code>{ RESULT }</code>{ " pour les montants, version 1)." }
                    </p>
                </section>
            </main>
        </>
    }
}

const EVENT_EXAMPLE: &str = r#"document.addEventListener("coutcontrat:result", function (e) {
  var q = e.detail.quote;          // null tant que le formulaire est incomplet
  if (q) {
    console.log(e.detail.course && e.detail.course.label,
                q.totals.opco, q.totals.employer, q.participation, q.npec.annual);
  }
});"#;

fn text_setting(
    id: &'static str,
    label: &str,
    hint: &str,
    value: &str,
    dispatch: &Dispatch,
    action: fn(String) -> SettingsAction,
) -> Html {
    let oninput = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(action(input.value()));
        })
    };
    html! {
        <div class="field">
            <label for={id}>{ label.to_owned() }</label>
            <p class="hint" id={format!("{id}-hint")}>{ hint.to_owned() }</p>
            <input id={id} type="text" class="w-full" value={value.to_owned()} autocomplete="off" spellcheck="false"
                aria-describedby={format!("{id}-hint")} {oninput} />
        </div>
    }
}

fn colour_setting(
    id: &'static str,
    label: &str,
    value: &str,
    dispatch: &Dispatch,
    action: fn(String) -> SettingsAction,
    note: Option<&(&'static str, String, bool)>,
) -> Html {
    let on = |dispatch: &Dispatch| {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(action(input.value()));
        })
    };
    let picker = super::theme::Rgb::parse(value)
        .map(|c| c.to_string())
        .unwrap_or_else(|| "#000000".into());
    let note_id = format!("{id}-contrast");
    html! {
        <div class="field">
            <label for={id}>{ label.to_owned() }</label>
            <p class="hint" id={format!("{id}-hint")}>{ "#RRGGBB, ou choisissez-la avec le nuancier." }</p>
            <div class="control">
                <input type="color" id={format!("{id}-picker")} value={picker}
                    aria-label={format!("{label} : nuancier")} oninput={on(dispatch)} />
                <input id={id} type="text" class="w-date" value={value.to_owned()} autocomplete="off" spellcheck="false"
                    aria-describedby={format!("{id}-hint {note_id}")} oninput={on(dispatch)} />
            </div>
            if let Some((_, text, adjusted)) = note {
                <p id={note_id} class={classes!("contrast", adjusted.then_some("is-adjusted"))}>{ text.clone() }</p>
            } else {
                <p id={note_id} class="contrast">{ "Couleur non reconnue : la couleur par défaut sera utilisée." }</p>
            }
        </div>
    }
}

fn appearance(settings: &Settings, dispatch: &Dispatch) -> Html {
    let notes = settings.contrast_notes();
    let theme = settings.theme();
    html! {
        <fieldset class="group">
            <legend>{ "Apparence" }</legend>
            <p class="small">
                { "Le texte du widget est sur fond blanc. Une couleur qui n'atteint pas un contraste de 4,5:1 sur ce fond \
                   (le minimum du RGAA et des WCAG 2.1 AA pour le texte) est assombrie automatiquement, juste assez, \
                   en gardant sa teinte : le widget reste lisible quelle que soit la couleur choisie." }
            </p>
            { colour_setting("primary", "Couleur principale (liens, montants, accents)", &settings.primary, dispatch,
                SettingsAction::Primary, notes.iter().find(|n| n.0 == "primary-contrast")) }
            { colour_setting("text", "Couleur du texte", &settings.text, dispatch,
                SettingsAction::Text, notes.iter().find(|n| n.0 == "text-contrast")) }
            { text_setting("font", "Police",
                "Une liste de polices, comme en CSS : Georgia, serif. Seules les polices déjà installées sur l'appareil du visiteur \
                 sont utilisées : le widget ne télécharge aucune police. Vide : la police du système.",
                &settings.font, dispatch, SettingsAction::Font) }
            { text_setting("radius", "Arrondi des angles, en pixels",
                &format!("De 0 (angles droits) à {MAX_RADIUS_PX}."), &settings.radius, dispatch, SettingsAction::Radius) }
            if !theme.rejected.is_empty() {
                <ul class="problems" id="theme-problems">
                    { for theme.rejected.iter().map(|p| html! { <li>{ p.clone() }</li> }) }
                </ul>
            }
            <p class="small">
                { "Propriétés CSS correspondantes, pour information : " }
                <code>{ "--cc-primary" }</code>{ ", " }<code>{ "--cc-text" }</code>{ ", " }
                <code>{ "--cc-font" }</code>{ ", " }<code>{ "--cc-radius" }</code>
                { " (réglées par les attributs data-primary, data-text, data-font et data-radius)." }
            </p>
        </fieldset>
    }
}

fn courses(
    settings: &Settings,
    dispatch: &Dispatch,
    catalogue: &Catalogue,
    json: &UseStateHandle<String>,
) -> Html {
    let problems = &catalogue.problems;
    // The messages of a cell, by id, for its aria-describedby.
    let cell_problems = |row: usize, col: usize| {
        let ids: Vec<String> = catalogue
            .cells
            .iter()
            .filter(|(r, c, _)| (*r, *c) == (row, col))
            .map(|(_, _, k)| format!("course-problem-{k}"))
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let onadd = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(SettingsAction::AddRow))
    };
    let onjson = {
        let json = json.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            json.set(area.value());
        })
    };
    let onimport = {
        let (dispatch, json) = (dispatch.clone(), json.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(SettingsAction::Import((*json).clone()))
        })
    };
    html! {
        <fieldset class="group">
            <legend>{ "Vos formations" }</legend>
            <p class="small">
                { "L'employeur choisira parmi elles au lieu de saisir un code et un prix ; la durée préremplit la date de fin. \
                   Sans aucune formation, le widget est le calculateur compact (certification et prix à saisir)." }
            </p>
            <div class="table-scroll" role="region" aria-label="Catalogue" tabindex="0">
                <table class="catalogue" id="catalogue">
                    <thead>
                        <tr>
                            { for COLUMNS.iter().map(|(label, _, _)| html! { <th scope="col">{ *label }</th> }) }
                            <th scope="col"><span class="visually-hidden">{ "Supprimer" }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for settings.rows.iter().enumerate().map(|(row, course)| {
                            let onremove = {
                                let dispatch = dispatch.clone();
                                Callback::from(move |_: MouseEvent| dispatch.dispatch(SettingsAction::RemoveRow(row)))
                            };
                            html! {
                                <tr>
                                    { for COLUMNS.iter().enumerate().map(|(col, (label, class, mode))| {
                                        let oninput = {
                                            let dispatch = dispatch.clone();
                                            Callback::from(move |e: InputEvent| {
                                                let input: HtmlInputElement = e.target_unchecked_into();
                                                dispatch.dispatch(SettingsAction::Cell(row, col, input.value()));
                                            })
                                        };
                                        let described = cell_problems(row, col);
                                        let invalid = described.is_some();
                                        html! {
                                            <td>
                                                <input type="text" id={format!("course-{row}-{}", KEYS[col])}
                                                    class={classes!(*class, invalid.then_some("invalid"))}
                                                    inputmode={*mode} autocomplete="off" spellcheck="false"
                                                    aria-label={format!("Formation {} : {}", row + 1, label)}
                                                    aria-invalid={invalid.then_some("true")}
                                                    aria-describedby={described}
                                                    value={course.get(col).to_owned()} {oninput} />
                                            </td>
                                        }
                                    }) }
                                    <td>
                                        <button type="button" class="button" onclick={onremove}
                                            aria-label={format!("Supprimer la formation {}", row + 1)}>{ "Supprimer" }</button>
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <p><button type="button" class="button" id="add-course" onclick={onadd}>{ "Ajouter une formation" }</button></p>
            if !problems.is_empty() {
                <div class="problems" id="catalogue-problems">
                    <p>{ "Ces lignes ou montants ne seront pas transmis au widget :" }</p>
                    <ul>{ for problems.iter().enumerate().map(|(k, p)| html! {
                        <li id={format!("course-problem-{k}")}>{ p.clone() }</li>
                    }) }</ul>
                </div>
            }
            <details class="more">
                <summary>{ "Importer un catalogue JSON" }</summary>
                <div class="field">
                    <label for="catalogue-json">{ "Catalogue au format JSON" }</label>
                    <p class="hint" id="catalogue-json-hint">
                        { "Une liste d'objets : " }
                        <code>{ r#"[{"rncp": "RNCP41000", "label": "BTS MOS", "level": 5, "price": 9000, "months": 24, "distance": 0}]"# }</code>
                        { ". Seuls rncp et price sont obligatoires." }
                    </p>
                    <textarea id="catalogue-json" class="w-full" rows="5" spellcheck="false"
                        aria-describedby="catalogue-json-hint" value={(**json).clone()} oninput={onjson} />
                </div>
                <p><button type="button" class="button" id="import-json" onclick={onimport}>{ "Remplacer les formations par celles-ci" }</button></p>
                if !settings.import_problems.is_empty() {
                    <ul class="problems" id="import-problems">
                        { for settings.import_problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }
                    </ul>
                }
            </details>
        </fieldset>
    }
}
