//! « Coût total pour l'employeur » in the results: the salary, the contributions and the aids, year by year
//! and month by month, with what the figures leave out.

use coutcontrat::employer::NetCost;
use coutcontrat::money::french_number;
use coutcontrat::Quote;
use rust_decimal::Decimal;
use yew::prelude::*;

use super::cost_chart::cost_chart;
use super::widgets::{amount, amount_as, sentence};
use crate::format::{date_short, euros};
use crate::state::Outcome;

fn percent(share: Decimal) -> String {
    format!(
        "{}\u{a0}%",
        french_number((share * Decimal::from(100)).normalize())
    )
}

fn bracket_label(bracket: &str) -> &str {
    match bracket {
        "under_18" => "moins de 18 ans",
        "from_18" => "18 à 20 ans",
        "from_21" => "21 à 25 ans",
        "from_26" => "26 ans et plus",
        other => other,
    }
}

/// « Coût total pour l'employeur »: salary + remaining charge − aids, per execution year, with what it
/// leaves out said plainly; or what it still needs.
pub(super) fn net_cost(o: &Outcome, asks_net_cost: bool, q: &Quote) -> Html {
    let body = match &q.net_cost {
        Some(n) => net_cost_table(q, n),
        None => net_cost_pending(o, asks_net_cost),
    };
    html! {
        <section class="block net-cost" id="net-cost" aria-labelledby="net-cost-title">
            <h3 id="net-cost-title">{ "Coût total pour l'employeur" }</h3>
            { body }
        </section>
    }
}

fn net_cost_pending(o: &Outcome, asks_net_cost: bool) -> Html {
    if !asks_net_cost || (o.net_errors.is_empty() && o.net_general.is_none()) {
        return html! {
            <p class="small" id="net-cost-invite">
                { "Pour ajouter le salaire de l'apprenti et les aides à l'embauche, indiquez sa date de naissance \
                   et l'effectif de l'entreprise (" }
                <a href="#net-cost-form">{ "coût total pour l'employeur" }</a>{ ")." }
            </p>
        };
    }
    let only_missing = o.net_errors.iter().all(|e| e.missing);
    html! {
        <div class="pending" id="net-cost-pending">
            if !o.net_errors.is_empty() {
                <p>{ if only_missing { "Pour obtenir le coût total, complétez :" } else { "Pour obtenir le coût total, corrigez :" } }</p>
                <ul>
                    { for o.net_errors.iter().map(|e| html! {
                        <li><a href={format!("#{}", e.field.id())}>{ e.field.label() }</a>{ " : " }{ sentence(&e.message) }</li>
                    }) }
                </ul>
            }
            if let Some(general) = &o.net_general {
                <p class="message" id="net-cost-error">{ sentence(general) }</p>
            }
        </div>
    }
}

/// Each contribution over the contract, employer and apprentice parts, with its texts.
fn contribution_lines(n: &NetCost) -> Html {
    if n.contribution_lines.is_empty() {
        return Html::default();
    }
    html! {
        <li data-figure="net_cost.contribution_lines">
            <p>{ "Cotisations sur le contrat, ligne par ligne (taux et plafonds datés de data/parameters/contributions.toml) :" }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Cotisations ligne par ligne">
                <table class="years" id="net-contribution-lines">
                    <thead>
                        <tr>
                            <th scope="col">{ "Cotisation" }</th>
                            <th scope="col" class="num">{ "Employeur" }</th>
                            <th scope="col" class="num">{ "Apprenti" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for n.contribution_lines.iter().map(|l| html! {
                            <tr data-key={l.key.clone()}>
                                <th scope="row">{ l.label.clone() }<span class="sub">{ l.article.clone() }</span></th>
                                <td class="num">{ euros(l.employer) }</td>
                                <td class="num">{ euros(l.employee) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </li>
    }
}

/// The hiring aid month by month (D17): the days each month counts and its instalment.
fn aid_months(n: &NetCost) -> Html {
    if n.aid_months.is_empty() {
        return Html::default();
    }
    html! {
        <>
            <p>{ "Mois payés : un mois entier vaut un douzième de l'aide annuelle. Depuis le décret n° 2025-1031 \
                  (D6243-2 III et IV), le dernier mois est compté au jour près après une rupture ou pour un contrat \
                  de moins d'un an, et le premier aussi pour un contrat de moins d'un an conclu à partir du \
                  1er novembre 2025 ; l'aide de l'année est arrondie une fois, la dernière mensualité prend le reste." }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Aide à l'embauche mois par mois">
                <table class="years months" id="net-aid-months">
                    <thead>
                        <tr>
                            <th scope="col">{ "Période" }</th>
                            <th scope="col" class="num">{ "Part du mois" }</th>
                            <th scope="col" class="num">{ "Mensualité" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for n.aid_months.iter().map(|m| html! {
                            <tr>
                                <th scope="row">{ format!("{} → {}", date_short(m.from), date_short(m.to)) }</th>
                                <td class="num">{ if m.prorated { format!("{} / {} jours", m.days, m.days_in_month) } else { "mois entier".to_owned() } }</td>
                                <td class="num">{ euros(m.instalment) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}

fn net_cost_table(q: &Quote, n: &NetCost) -> Html {
    let aids: Decimal = n.years.iter().map(|y| y.aid).sum();
    let remaining: Decimal = n.years.iter().map(|y| y.remaining_charge).sum();
    let contributions = n.employer_contributions_total;
    let health: Option<Decimal> = n
        .years
        .iter()
        .any(|y| y.health_insurance.is_some())
        .then(|| n.years.iter().filter_map(|y| y.health_insurance).sum());
    // Explanations the core gives for these figures (`net_cost.…`), if any.
    let core: Vec<_> = q
        .explanations
        .iter()
        .filter(|e| e.figure.starts_with("net_cost"))
        .collect();
    let payroll = n.months.iter().any(|m| m.payroll.is_some());
    let what = if contributions.is_some() {
        "salaire, cotisations patronales et reste à charge de formation, aides déduites"
    } else {
        "hors cotisations sociales patronales (voir ci-dessous ce qui n'est pas compris)"
    };
    html! {
        <>
            <p class="figure-line">
                { "Coût net sur le contrat : " }<strong class="figure">{ amount("net-total", n.net_total) }</strong>
                <span class="sub">{ what }</span>
            </p>
            { cost_chart(n) }
            <div class="table-scroll" tabindex="0" role="region" aria-label="Tableau du coût total par année">
                <table class="years" id="net-years">
                    <thead>
                        <tr>
                            <th scope="col">{ "Année" }</th>
                            <th scope="col" class="num">{ "Salaire brut" }</th>
                            if contributions.is_some() {
                                <th scope="col" class="num">{ "Cotisations patronales" }</th>
                            }
                            if health.is_some() {
                                <th scope="col" class="num">{ "Mutuelle (employeur)" }</th>
                            }
                            <th scope="col" class="num">{ "Reste à charge formation" }</th>
                            <th scope="col" class="num">{ "Aides" }</th>
                            <th scope="col" class="num">{ "Coût net" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for n.years.iter().enumerate().map(|(i, y)| {
                            let k = i + 1;
                            html! {
                                <tr>
                                    <th scope="row">{ format!("Année {k}") }<span class="sub">{ format!("{} → {}", date_short(y.start), date_short(y.end)) }</span></th>
                                    <td class="num">{ amount(&format!("net-year-{k}-salary"), y.salary) }</td>
                                    if contributions.is_some() {
                                        <td class="num">{ amount(&format!("net-year-{k}-contributions"), y.employer_contributions.unwrap_or_default()) }</td>
                                    }
                                    if health.is_some() {
                                        <td class="num">{ amount(&format!("net-year-{k}-health"), y.health_insurance.unwrap_or_default()) }</td>
                                    }
                                    <td class="num">{ amount(&format!("net-year-{k}-remaining"), y.remaining_charge) }</td>
                                    <td class="num">{ amount_as(&format!("net-year-{k}-aid"), y.aid, format!("− {}", euros(y.aid))) }</td>
                                    <td class="num">{ amount(&format!("net-year-{k}-net"), y.net) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{ "Total" }</th>
                            <td class="num">{ amount("net-salary-total", n.salary_total) }</td>
                            if let Some(total) = contributions {
                                <td class="num">{ amount("net-contributions-total", total) }</td>
                            }
                            if let Some(total) = health {
                                <td class="num">{ amount("net-health-total", total) }</td>
                            }
                            <td class="num">{ euros(remaining) }</td>
                            <td class="num">{ format!("− {}", euros(aids)) }</td>
                            <td class="num">{ euros(n.net_total) }</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            <dl class="breakdown">
                <div><dt>{ "Aide à l'embauche de l'État" }</dt><dd>{ amount("net-aid-total", n.aid_total) }</dd></div>
                if !n.tutor_aid_total.is_zero() {
                    <div><dt>{ "Aide au maître d'apprentissage" }</dt><dd>{ amount("net-tutor-total", n.tutor_aid_total) }</dd></div>
                }
            </dl>
            <div class="not-modelled" id="net-not-modelled">
                <p><strong>{ "Ce coût ne comprend pas :" }</strong></p>
                <ul>
                    { for n.not_modelled.iter().map(|m| html! { <li>{ sentence(m) }</li> }) }
                </ul>
            </div>
            <details class="explain" id="net-cost-explain">
                <summary>{ "Comment est-ce calculé ?" }</summary>
                <ul>
                    <li data-figure="net_cost.years.net">
                        <p>{ "Coût net d'une année = salaire brut + cotisations patronales (réduction générale déduite) \
                              + part employeur de la mutuelle + reste à charge de formation (la participation de \
                              l'employeur comprise, la première année) − aides reçues pour l'année." }</p>
                    </li>
                    { contribution_lines(n) }
                    <li data-figure="net_cost.aid_total">
                        <p>{ format!(
                            "Aide à l'embauche : {} par an, versée chaque mois pendant la première année d'exécution seulement ; {} sur ce contrat.",
                            euros(n.aid_annual), euros(n.aid_total)
                        ) }</p>
                        if !n.aid_reference.is_empty() {
                            <p class="ref">{ n.aid_reference.clone() }</p>
                        }
                        { aid_months(n) }
                    </li>
                    { for core.iter().map(|e| html! {
                        <li data-figure={e.figure.clone()} data-rule={e.rule}>
                            <p>{ sentence(&e.text) }</p>
                            <p class="ref">{ format!("Article {}", e.article) }</p>
                        </li>
                    }) }
                    <li data-figure="net_cost.months">
                        <p>{ "Salaire mois par mois : le minimum légal est un pourcentage du SMIC selon l'âge et l'année \
                              d'exécution ; un salaire convenu plus élevé le remplace. Les cotisations suivent la loi \
                              de chaque mois ; la réduction générale est donnée avec son coefficient." }</p>
                        <div class="table-scroll" tabindex="0" role="region" aria-label="Salaire mois par mois">
                            <table class="years months" id="net-months">
                                <thead>
                                    <tr>
                                        <th scope="col">{ "Période" }</th>
                                        <th scope="col">{ "Année" }</th>
                                        <th scope="col">{ "Âge" }</th>
                                        <th scope="col" class="num">{ "% du SMIC" }</th>
                                        <th scope="col" class="num">{ "SMIC" }</th>
                                        <th scope="col" class="num">{ "Minimum" }</th>
                                        <th scope="col" class="num">{ "Salaire" }</th>
                                        if payroll {
                                            <th scope="col" class="num">{ "Cotisations patronales" }</th>
                                            <th scope="col" class="num">{ "dont réduction générale" }</th>
                                            <th scope="col" class="num">{ "Cotisations salariales" }</th>
                                            <th scope="col" class="num">{ "Net à payer" }</th>
                                        }
                                    </tr>
                                </thead>
                                <tbody>
                                    { for n.months.iter().map(|m| html! {
                                        <tr>
                                            <th scope="row">{ format!("{} → {}", date_short(m.from), date_short(m.to)) }</th>
                                            <td>{ m.year }</td>
                                            <td>{ bracket_label(m.bracket) }</td>
                                            <td class="num">{ percent(m.rate) }</td>
                                            <td class="num">{ euros(m.smic) }</td>
                                            <td class="num">{ euros(m.minimum) }</td>
                                            <td class="num">{ euros(m.salary) }</td>
                                            if let Some(p) = &m.payroll {
                                                <td class="num">{ euros(p.employer_contributions) }</td>
                                                <td class="num">{ format!("− {} ({})", euros(p.general_reduction), french_number(p.general_reduction_coefficient)) }</td>
                                                <td class="num">{ euros(p.employee_contributions) }</td>
                                                <td class="num">{ euros(p.net_salary) }</td>
                                            }
                                        </tr>
                                    }) }
                                </tbody>
                            </table>
                        </div>
                    </li>
                </ul>
            </details>
        </>
    }
}
