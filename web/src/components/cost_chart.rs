//! The employer's whole cost as a bar per execution year (issue 21): what the employer pays stacked to
//! the right of the axis (salary, employer contributions, mutuelle, training remaining charge), the aids
//! to its left, a mark at the net. Drawn by the page as SVG: no chart library in the bundle. The numbers
//! are in the table beside it and in the image's text alternative.

use coutcontrat::employer::{NetCost, NetYear};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use yew::prelude::*;

use crate::format::euros;

/// Width of the drawing, in SVG units; the bars start after the years' labels.
const WIDTH: i64 = 640;
const LABEL: i64 = 84;
const RIGHT_MARGIN: i64 = 12;
const BAR: i64 = 26;
const GAP: i64 = 14;

/// One coloured part of a bar: its CSS class, the legend's words and what a screen reader says.
struct Part {
    class: &'static str,
    label: &'static str,
    spoken: &'static str,
    value: fn(&NetYear) -> Decimal,
}

const PARTS: [Part; 4] = [
    Part {
        class: "seg-salary",
        label: "Salaire brut",
        spoken: "salaire brut",
        value: |y| y.salary.to_decimal(),
    },
    Part {
        class: "seg-contributions",
        label: "Cotisations patronales",
        spoken: "cotisations patronales",
        value: |y| y.employer_contributions.unwrap_or_default().to_decimal(),
    },
    Part {
        class: "seg-health",
        label: "Mutuelle, part employeur",
        spoken: "part employeur de la mutuelle",
        value: |y| y.health_insurance.unwrap_or_default().to_decimal(),
    },
    Part {
        class: "seg-remaining",
        label: "Reste à charge formation",
        spoken: "reste à charge formation",
        value: |y| y.remaining_charge.to_decimal(),
    },
];

/// What the employer pays in a year, before the aids (negative parts, which the core never gives, count
/// as nothing so that a bar never runs backwards).
fn paid(y: &NetYear) -> Decimal {
    PARTS.iter().map(|p| (p.value)(y).max(Decimal::ZERO)).sum()
}

fn aid(y: &NetYear) -> Decimal {
    y.aid.to_decimal().max(Decimal::ZERO)
}

/// The text a screen reader says for the chart: every year's figures.
fn alternative(n: &NetCost) -> String {
    let years: Vec<String> = n
        .years
        .iter()
        .enumerate()
        .map(|(i, y)| {
            let mut parts: Vec<String> = PARTS
                .iter()
                .filter(|p| !(p.value)(y).is_zero())
                .map(|p| format!("{} {}", p.spoken, euros((p.value)(y))))
                .collect();
            parts.push(format!("aides − {}", euros(aid(y))));
            parts.push(format!("coût net {}", euros(y.net.to_decimal())));
            format!("Année {} : {}", i + 1, parts.join(", "))
        })
        .collect();
    format!("Coût pour l'employeur par année. {}.", years.join(". "))
}

/// A length in SVG units for `value` on a scale where `full` spans `span` units.
fn units(value: Decimal, full: Decimal, span: i64) -> i64 {
    if full.is_zero() {
        return 0;
    }
    (value * Decimal::from(span) / full)
        .round()
        .to_i64()
        .unwrap_or(0)
}

pub(super) fn cost_chart(n: &NetCost) -> Html {
    if n.years.is_empty() {
        return Html::default();
    }
    let most_paid = n.years.iter().map(paid).max().unwrap_or_default();
    let most_aid = n.years.iter().map(aid).max().unwrap_or_default();
    let full = most_paid + most_aid;
    let span = WIDTH - LABEL - RIGHT_MARGIN;
    let axis = LABEL + units(most_aid, full, span);
    let height = GAP + (BAR + GAP) * n.years.len() as i64;
    let shown: Vec<&Part> = PARTS
        .iter()
        .filter(|p| n.years.iter().any(|y| !(p.value)(y).is_zero()))
        .collect();
    let bars = n.years.iter().enumerate().map(|(i, y)| {
        let top = GAP + (BAR + GAP) * i as i64;
        let mut x = axis;
        let segments = shown.iter().map(|p| {
            let w = units((p.value)(y).max(Decimal::ZERO), full, span);
            let at = x;
            x += w;
            html! { <rect class={p.class} x={at.to_string()} y={top.to_string()} width={w.to_string()} height={BAR.to_string()} /> }
        }).collect::<Html>();
        let aid_width = units(aid(y), full, span);
        let net_x = axis + units(y.net.to_decimal(), full, span);
        html! {
            <g class="chart-year">
                <text class="chart-label" x="0" y={(top + BAR / 2 + 5).to_string()}>{ format!("Année {}", i + 1) }</text>
                { segments }
                <rect class="seg-aid" x={(axis - aid_width).to_string()} y={top.to_string()} width={aid_width.to_string()} height={BAR.to_string()} />
                <line class="net-mark" x1={net_x.to_string()} x2={net_x.to_string()} y1={(top - 4).to_string()} y2={(top + BAR + 4).to_string()} />
            </g>
        }
    });
    html! {
        <figure class="cost-chart" id="net-chart">
            <svg viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-label={alternative(n)}
                preserveAspectRatio="xMinYMin meet">
                { for bars }
                <line class="chart-axis" x1={axis.to_string()} x2={axis.to_string()} y1="0" y2={height.to_string()} />
            </svg>
            <figcaption>
                <ul class="chart-legend" aria-hidden="true">
                    { for shown.iter().map(|p| html! { <li><span class={classes!("swatch", p.class)}></span>{ p.label }</li> }) }
                    <li><span class="swatch seg-aid"></span>{ "Aides (déduites, à gauche de l'axe)" }</li>
                    <li><span class="swatch net-mark"></span>{ "Coût net" }</li>
                </ul>
                <span class="sub">{ "Les montants sont dans le tableau ci-dessous." }</span>
            </figcaption>
        </figure>
    }
}
