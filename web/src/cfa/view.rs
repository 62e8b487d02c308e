//! The CFA view's page: the form, the status line a screen reader hears, the sortable table, the CSV.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::cohort_view::CohortView;
use super::state::{compute, shown, to_csv, Column, MatrixForm, Problem};
use crate::browser;
use crate::data::Catalog;
use crate::format::euros;

const LEVELS: [(&str, &str); 7] = [
    ("", "— Choisir —"),
    ("3", "3 – CAP, BEP"),
    ("4", "4 – Bac, BP"),
    ("5", "5 – Bac + 2 : BTS"),
    ("6", "6 – Bac + 3 ou 4 : licence, BUT"),
    ("7", "7 – Bac + 5 : master, ingénieur"),
    ("8", "8 – Doctorat"),
];

/// A text box of the form, with its hint and its message.
fn text_box(
    form: &UseStateHandle<MatrixForm>,
    key: &'static str,
    label: &'static str,
    hint: &'static str,
    mode: &'static str,
    problems: &[Problem],
) -> Html {
    let message = problems.iter().find(|p| p.key == Some(key));
    let oninput = {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut next = (*form).clone();
            if let Some(slot) = next.slot(key) {
                *slot = input.value();
            }
            form.set(next);
        })
    };
    let described = if message.is_some() {
        format!("{key}-hint {key}-error")
    } else {
        format!("{key}-hint")
    };
    html! {
        <div class="field">
            <label for={key}>{ label }</label>
            <p class="hint" id={format!("{key}-hint")}>{ hint }</p>
            <input id={key} type="text" inputmode={mode} value={form.value(key).to_owned()} {oninput}
                aria-invalid={message.is_some().to_string()} aria-describedby={described} autocomplete="off" />
            if let Some(p) = message {
                <p class="message" id={format!("{key}-error")}>{ p.message.clone() }</p>
            }
        </div>
    }
}

/// The view.
#[function_component(CfaView)]
pub fn cfa_view() -> Html {
    let today = use_memo((), |_| browser::today());
    let form = use_state(|| MatrixForm::from_query(&browser::location_search(), *today));
    let filter = use_state(String::new);
    let sort = use_state(|| (Column::Cpne, false));
    let result = use_memo((*form).clone(), |f| compute(f, Catalog::embedded()));
    use_effect_with((*form).clone(), |f| browser::replace_query(&f.to_query()));
    use_effect_with((), |_| {
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            d.set_title("Grille d'un CFA : toutes les branches – coutcontrat");
        }
    });

    let problems: &[Problem] = match &*result {
        Err(p) => p,
        Ok(_) => &[],
    };
    let level = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let mut next = (*form).clone();
            next.level = input.value();
            form.set(next);
        })
    };
    let basis = |value: &'static str| {
        let form = form.clone();
        Callback::from(move |_: Event| {
            let mut next = (*form).clone();
            next.basis = value.to_owned();
            form.set(next);
        })
    };
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            filter.set(input.value());
        })
    };

    let body = match &*result {
        Err(problems) => html! {
            <div class="pending" id="cfa-pending" role="status">
                <p>{ "Pour obtenir la grille, complétez ou corrigez :" }</p>
                <ul>
                    { for problems.iter().map(|p| html! {
                        <li>
                            if let Some(key) = p.key {
                                <a href={format!("#{key}")}>{ key_label(key) }</a>{ " : " }
                            }
                            { p.message.clone() }
                        </li>
                    }) }
                </ul>
            </div>
        },
        Ok(matrix) => {
            let (column, descending) = *sort;
            let rows = shown(matrix, &filter, column, descending);
            let provisional = matrix.rows.iter().filter(|r| r.provisional).count();
            let csv = to_csv(&rows);
            let href = format!(
                "data:text/csv;charset=utf-8,{}",
                String::from(js_sys::encode_uri_component(&csv))
            );
            let file = format!(
                "grille-{}.csv",
                coutcontrat::referentiel::normalize_rncp(&form.rncp).unwrap_or_default()
            );
            let heading = |c: Column| {
                let sort = sort.clone();
                let active = column == c;
                let onclick = Callback::from(move |_: MouseEvent| {
                    sort.set((c, active && !descending));
                });
                let aria = match (active, descending) {
                    (false, _) => "none",
                    (true, false) => "ascending",
                    (true, true) => "descending",
                };
                let class = if matches!(c, Column::Cpne | Column::Label) {
                    ""
                } else {
                    "num"
                };
                html! {
                    <th scope="col" class={class} aria-sort={aria}>
                        <button type="button" class="sort" {onclick}>{ c.heading() }</button>
                    </th>
                }
            };
            html! {
                <>
                    <p class="figure-line" id="cfa-status" role="status" aria-live="polite">
                        { format!(
                            "{} branche{} sur {} ; {} NPEC provisoire{}. Correspondance CPNE ↔ IDCC : version {}.",
                            rows.len(),
                            if rows.len() > 1 { "s" } else { "" },
                            matrix.rows.len(),
                            provisional,
                            if provisional > 1 { "s" } else { "" },
                            matrix.mapping_version
                        ) }
                    </p>
                    if provisional > 0 {
                        <p class="hint" id="cfa-provisional-note">{ "« Provisoire » : la branche n'a pas de ligne pour \
                            cette certification dans le référentiel de la page (un extrait partiel, sauf import du fichier \
                            officiel dans le calculateur) ; le NPEC est la valeur d'amorçage ou celui d'une édition antérieure." }</p>
                    }
                    if provisional == matrix.rows.len() {
                        <p class="message" id="cfa-all-provisional">{ "Aucune branche n'a de NPEC pour cette certification \
                            dans le référentiel de cette page : chaque ligne est la valeur provisoire (amorçage). Vérifiez le \
                            code RNCP, ou importez le référentiel officiel dans le calculateur (même navigateur)." }</p>
                    }
                    <div class="field">
                        <label for="cfa-filter">{ "Filtrer les branches" }</label>
                        <p class="hint" id="cfa-filter-hint">{ "Un mot de l'intitulé, un code CPNE ou un IDCC." }</p>
                        <input id="cfa-filter" type="text" value={(*filter).clone()} oninput={on_filter}
                            aria-describedby="cfa-filter-hint" aria-controls="cfa-matrix" autocomplete="off" />
                    </div>
                    <p><a class="button" id="cfa-csv" download={file} href={href}>{ "Télécharger la grille (CSV)" }</a></p>
                    <div class="table-scroll" tabindex="0" role="region" aria-label="Grille par branche">
                        <table class="years" id="cfa-matrix">
                            <thead>
                                <tr>
                                    { heading(Column::Cpne) }
                                    { heading(Column::Label) }
                                    <th scope="col">{ "IDCC" }</th>
                                    { heading(Column::Npec) }
                                    { heading(Column::Opco) }
                                    { heading(Column::Employer) }
                                    <th scope="col">{ "Source du NPEC" }</th>
                                </tr>
                            </thead>
                            <tbody>
                                { for rows.iter().map(|r| html! {
                                    <tr data-cpne={r.cpne.to_string()}>
                                        <th scope="row">{ r.cpne }</th>
                                        <td>{ r.cpne_label.clone().unwrap_or_default() }</td>
                                        <td>{ r.idcc.iter().map(u32::to_string).collect::<Vec<_>>().join(", ") }</td>
                                        <td class="num" data-value={r.npec_annual.map(|m| m.cents().to_string())}>{ r.npec_annual.map(euros).unwrap_or_default() }</td>
                                        <td class="num" data-value={r.opco_total.map(|m| m.cents().to_string())}>{ r.opco_total.map(euros).unwrap_or_default() }</td>
                                        <td class="num" data-value={r.employer_total.map(|m| m.cents().to_string())}>{ r.employer_total.map(euros).unwrap_or_default() }</td>
                                        <td>{ match (&r.error, r.provisional, &r.table_version) {
                                            (Some(e), _, _) => e.clone(),
                                            (None, true, _) => "provisoire".to_owned(),
                                            (None, false, Some(v)) => format!("référentiel {v}"),
                                            (None, false, None) => String::new(),
                                        } }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                </>
            }
        }
    };

    html! {
        <>
        <header class="masthead">
            <div class="wrap">
                <p class="brand"><a href="./">{ "coutcontrat" }</a></p>
                <h1>{ "Grille d'un CFA : toutes les branches" }</h1>
                <p class="lede">{ "Une certification, un prix : ce que chaque branche (CPNE) prend en charge et ce qui \
                    reste à l'employeur, participation comprise, selon le référentiel en vigueur à la date de \
                    conclusion. Chaque ligne est le chiffrage du calculateur pour cette branche ; rien n'est envoyé." }</p>
            </div>
        </header>
        <main class="wrap cfa" id="main">
            <form class="group" id="cfa-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                { text_box(&form, "rncp", "Code RNCP de la certification", "Sur la fiche RNCP : RNCP41000.", "text", problems) }
                <div class="field">
                    <label for="level">{ "Niveau de la certification" }</label>
                    <p class="hint" id="level-hint">{ "À partir du niveau 6, l'employeur participe (750 €)." }</p>
                    <select id="level" aria-describedby="level-hint" onchange={level}>
                        { for LEVELS.iter().map(|(v, l)| html! {
                            <option value={*v} selected={form.level == *v}>{ *l }</option>
                        }) }
                    </select>
                </div>
                { text_box(&form, "price", "Prix du CFA, en euros", "Tel que dans la convention de formation.", "decimal", problems) }
                <fieldset class="field">
                    <legend>{ "Ce prix est" }</legend>
                    <label><input type="radio" name="basis" checked={form.basis != "total"} onchange={basis("annual")} />{ " par année de formation" }</label>
                    <label><input type="radio" name="basis" checked={form.basis == "total"} onchange={basis("total")} />{ " pour tout le contrat" }</label>
                </fieldset>
                { text_box(&form, "months", "Durée du contrat, en mois", "De 6 à 48 mois ; le contrat commence le jour de sa conclusion.", "numeric", problems) }
                { text_box(&form, "signed_on", "Date de conclusion", "JJ/MM/AAAA : elle choisit l'édition du référentiel.", "text", problems) }
            </form>
            <section class="results" aria-labelledby="cfa-result-title">
                <h2 id="cfa-result-title">{ "Branche par branche" }</h2>
                { body }
            </section>
            <CohortView />
        </main>
        </>
    }
}

fn key_label(key: &str) -> &'static str {
    match key {
        "rncp" => "Code RNCP",
        "level" => "Niveau",
        "price" => "Prix du CFA",
        "months" => "Durée",
        "signed_on" => "Date de conclusion",
        _ => "Saisie",
    }
}
