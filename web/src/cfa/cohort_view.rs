//! The cohort's cash flow on the CFA's page: the file picked (or dropped on its box), read in the browser,
//! the months as bars and as a table, the totals by OPCO, the refused rows, the CSV.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{FileReader, HtmlInputElement};
use yew::prelude::*;

use super::cohort::{read, to_csv, Cohort};
use crate::data::Catalog;
use crate::format::euros;

const WIDTH: i64 = 640;
const HEIGHT: i64 = 160;

/// The months as stacked bars: OPCO → CFA, then the participations above.
fn chart(cohort: &Cohort) -> Html {
    let most = cohort
        .months
        .iter()
        .map(|m| m.opco.cents() + m.participations.cents())
        .max()
        .unwrap_or(0)
        .max(1);
    let n = cohort.months.len().max(1) as i64;
    let step = WIDTH / n;
    let bar = (step * 3 / 4).max(1);
    let height = |cents: i64| cents * (HEIGHT - 20) / most;
    let label = cohort
        .months
        .iter()
        .map(|m| {
            format!(
                "{} : OPCO {}, participations {}",
                m.month,
                euros(m.opco),
                euros(m.participations)
            )
        })
        .collect::<Vec<_>>()
        .join(" ; ");
    html! {
        <figure class="cost-chart" id="cohort-chart">
            <svg viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img"
                aria-label={format!("Versements par mois. {label}.")}>
                { for cohort.months.iter().enumerate().map(|(i, m)| {
                    let x = i as i64 * step;
                    let (o, p) = (height(m.opco.cents()), height(m.participations.cents()));
                    html! {
                        <g class="chart-month">
                            <rect class="seg-salary" x={x.to_string()} y={(HEIGHT - o).to_string()} width={bar.to_string()} height={o.to_string()} />
                            <rect class="seg-remaining" x={x.to_string()} y={(HEIGHT - o - p).to_string()} width={bar.to_string()} height={p.to_string()} />
                        </g>
                    }
                }) }
            </svg>
            <figcaption>
                <ul class="chart-legend" aria-hidden="true">
                    <li><span class="swatch seg-salary"></span>{ "OPCO → CFA" }</li>
                    <li><span class="swatch seg-remaining"></span>{ "Participations des employeurs" }</li>
                </ul>
                <span class="sub">{ "Les montants sont dans le tableau ci-dessous." }</span>
            </figcaption>
        </figure>
    }
}

fn outcome(cohort: &Cohort) -> Html {
    let opco: i64 = cohort.months.iter().map(|m| m.opco.cents()).sum();
    let participations: i64 = cohort.months.iter().map(|m| m.participations.cents()).sum();
    let cents = |c: i64| coutcontrat::money::Money::from_cents(c);
    let csv = to_csv(&cohort.payments);
    let href = format!(
        "data:text/csv;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&csv))
    );
    html! {
        <>
            <p class="figure-line" id="cohort-status" role="status">
                { format!(
                    "{} contrat{} chiffré{}, {} refusé{} ; {} versés par les OPCO, {} de participations à facturer aux employeurs.",
                    cohort.quoted, plural(cohort.quoted), plural(cohort.quoted),
                    cohort.refused.len(), plural(cohort.refused.len()),
                    euros(cents(opco)), euros(cents(participations))
                ) }
            </p>
            if !cohort.refused.is_empty() {
                <div class="pending" id="cohort-refused">
                    <p>{ "Lignes refusées (les autres sont chiffrées) :" }</p>
                    <ul>
                        { for cohort.refused.iter().map(|(line, why)| html! {
                            <li>{ format!("ligne {line} : {why}") }</li>
                        }) }
                    </ul>
                </div>
            }
            if !cohort.months.is_empty() {
                { chart(cohort) }
                <p><a class="button" id="cohort-csv" download="tresorerie.csv" href={href}>{ "Télécharger les versements (CSV)" }</a></p>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Versements par mois">
                    <table class="years" id="cohort-months">
                        <thead>
                            <tr>
                                <th scope="col">{ "Mois" }</th>
                                <th scope="col" class="num">{ "OPCO → CFA" }</th>
                                <th scope="col" class="num">{ "Participations" }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for cohort.months.iter().map(|m| html! {
                                <tr>
                                    <th scope="row">{ m.month.clone() }</th>
                                    <td class="num" data-value={m.opco.cents().to_string()}>{ euros(m.opco) }</td>
                                    <td class="num" data-value={m.participations.cents().to_string()}>{ euros(m.participations) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Totaux par OPCO">
                    <table class="years" id="cohort-opco">
                        <thead>
                            <tr>
                                <th scope="col">{ "OPCO" }</th>
                                <th scope="col" class="num">{ "OPCO → CFA" }</th>
                                <th scope="col" class="num">{ "Participations" }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for cohort.by_opco().iter().map(|(opco, to_cfa, invoiced)| html! {
                                <tr>
                                    <th scope="row">{ if opco.is_empty() { "OPCO inconnu (sans IDCC)".to_owned() } else { opco.clone() } }</th>
                                    <td class="num">{ euros(*to_cfa) }</td>
                                    <td class="num">{ euros(*invoiced) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </>
    }
}

fn plural(n: usize) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}

/// The section.
#[function_component(CohortView)]
pub fn cohort_view() -> Html {
    let text = use_state(|| None::<Rc<(String, String)>>);
    let onchange = {
        let text = text.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let Ok(reader) = FileReader::new() else {
                return;
            };
            let name = file.name();
            let text = text.clone();
            let done = reader.clone();
            let onload = Closure::once(move || {
                let read = done
                    .result()
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                text.set(Some(Rc::new((name, read))));
            });
            reader.set_onload(Some(onload.as_ref().unchecked_ref()));
            // Kept until the file is read: one small closure per file chosen.
            onload.forget();
            let _ = reader.read_as_text(&file);
        })
    };
    let result = use_memo((*text).clone(), |t| {
        t.as_ref()
            .map(|t| (t.0.clone(), read(&t.1, Catalog::embedded())))
    });
    html! {
        <section class="results" aria-labelledby="cohort-title">
            <h2 id="cohort-title">{ "Trésorerie d'une cohorte" }</h2>
            <p class="hint">{ "Le fichier des contrats de « coutcontrat batch » (CSV, une ligne par contrat : signed_on, \
                start, end, rncp, idcc, price, level…) : chaque contrat est chiffré ici, dans votre navigateur, \
                et ses versements additionnés mois par mois. Rien n'est envoyé." }</p>
            <div class="field">
                <label for="cohort-file">{ "Fichier des contrats (CSV)" }</label>
                <input id="cohort-file" type="file" accept=".csv,text/csv,text/plain" {onchange} />
            </div>
            { match &*result {
                None => Html::default(),
                Some((name, Err(message))) => html! {
                    <p class="message" id="cohort-error" role="alert">{ format!("{name} : {message}") }</p>
                },
                Some((_, Ok(cohort))) => outcome(cohort),
            } }
        </section>
    }
}
