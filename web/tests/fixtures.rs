//! Every case of `tests/fixtures/quotes.toml` through the page: its contract as a share link, read by the
//! page's state as a visitor's browser reads it, gives the library's own quote, or the library's refusal on
//! the box of the field it names. The cases on another data directory or another policy are the library's
//! alone (the page has the embedded data and the default policy).
#![cfg(not(target_arch = "wasm32"))]

use coutcontrat::{ContractInput, Quoter};
use coutcontrat_web::data::{referentiel, Catalog};
use coutcontrat_web::query::encode;
use coutcontrat_web::state::{Field, State};
use jiff::civil::date;
use rust_decimal::Decimal;

const FIXTURES: &str = include_str!("../../tests/fixtures/quotes.toml");

/// The boxes typed in per cent (80 means 80 %), where the library takes a fraction.
const PER_CENT: [&str; 5] = [
    "distance_share",
    "insertion_share",
    "alternant_share",
    "alternant_growth",
    "previous_last_year_rate",
];

/// A fraction as the page's per-cent box holds it: `0.034` is `3.4`; `"80 %"` stays as typed.
fn per_cent(text: &str) -> String {
    if text.ends_with('%') {
        return text.to_owned();
    }
    let fraction: Decimal = text.parse().unwrap_or_else(|_| panic!("a share: {text}"));
    (fraction * Decimal::from(100)).normalize().to_string()
}

/// The contract of a case as the page's share link: `annexes = { meals = 3 }` is `annexes.meals=3`; the
/// shares in per cent; the tick boxes the page shows before its boxes (« RQTH », « enseignement à
/// distance », in hours or as a share) ticked when their boxes are filled.
fn link(contract: &toml::Table) -> Vec<(String, String)> {
    let mut out = pairs(contract);
    for (key, value) in &mut out {
        if PER_CENT.contains(&key.as_str()) {
            *value = per_cent(value);
        }
    }
    let has = |key: &str| contract.contains_key(key);
    if has("rqth_majoration") {
        out.push(("rqth".into(), "true".into()));
    }
    if has("distance_share") || has("distance_hours") || has("cfa_hours") || has("distance_exempt")
    {
        out.push(("distance".into(), "true".into()));
    }
    if has("distance_hours") || has("cfa_hours") {
        out.push(("distance_mode".into(), "hours".into()));
    }
    out
}

/// The contract of a case as `key=value` pairs: `annexes = { meals = 3 }` is `annexes.meals=3`.
fn pairs(contract: &toml::Table) -> Vec<(String, String)> {
    // toml's Display needs its serializer feature: the scalars are written by hand.
    let text = |v: &toml::Value| match v {
        toml::Value::String(s) => s.clone(),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) => f.to_string(),
        toml::Value::Boolean(b) => b.to_string(),
        other => panic!("no share-link form for {other:?}"),
    };
    let mut out = Vec::new();
    for (key, value) in contract {
        match value {
            toml::Value::Table(inner) => {
                out.extend(inner.iter().map(|(k, v)| (format!("{key}.{k}"), text(v))))
            }
            v => out.push((key.clone(), text(v))),
        }
    }
    out
}

#[test]
fn every_fixture_case_gives_the_same_figures_or_refusal_in_the_page() {
    let fixtures: toml::Table = toml::from_str(FIXTURES).expect("fixture file parses");
    let cases = fixtures["case"].as_array().expect("[[case]] list");
    let quoter = Quoter::new(referentiel());
    let (mut run, mut failures) = (0, Vec::new());
    for case in cases {
        if case.get("data").is_some() || case.get("policy").is_some() {
            continue;
        }
        let name = case["name"].as_str().unwrap();
        let contract = case["contract"].as_table().unwrap();
        // The page asks the distance in hours or as a share, never both: a contract with both (D27's
        // « hours and a share that disagree ») cannot be typed there.
        if contract.contains_key("distance_share") && contract.contains_key("distance_hours") {
            continue;
        }
        let json = serde_json::to_string(contract).unwrap();
        let library = ContractInput::from_json(&json)
            .and_then(|i| i.parse())
            .and_then(|c| quoter.quote(&c));
        let pairs = link(contract);
        let borrowed: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let state = State::from_query(&encode(&borrowed), date(2026, 12, 4), Catalog::embedded());
        let o = &state.outcome;
        run += 1;
        match library {
            Ok(quote) => {
                let mut shown = o.quote.clone();
                // An unticked box cannot say « not exempt » (`distance_exempt = false`): to the page it is
                // « not said », which the library warns of.
                if contract.get("distance_exempt") == Some(&toml::Value::Boolean(false)) {
                    if let Some(q) = &mut shown {
                        q.warnings
                            .retain(|w| w.code != "distance_exemptions_unknown");
                    }
                }
                if shown.as_ref() != Some(&quote) {
                    failures.push(format!(
                        "{name}: the page shows {:?} (errors {:?}, {:?}), the library {}",
                        o.quote.as_ref().map(|q| q.totals.clone()),
                        o.errors,
                        o.general,
                        serde_json::to_string(&quote.totals).unwrap()
                    ));
                }
            }
            Err(e) => {
                // The library's words, but in the per-cent boxes, whose ranges the page says in per cent,
                // and in the hours' boxes, which the page checks first with its own words; in hours, the
                // share's messages go to the hours' box.
                let on_its_box = e.field().and_then(Field::from_core).is_some_and(|f| {
                    let per_cent = PER_CENT.contains(&f.key())
                        || matches!(f, Field::DistanceHours | Field::TotalHours);
                    let f = match f {
                        Field::DistanceShare if contract.contains_key("distance_hours") => {
                            Field::DistanceHours
                        }
                        f => f,
                    };
                    o.error(f)
                        .is_some_and(|shown| per_cent || shown.message == e.message())
                });
                let in_general = [&o.general, &o.net_general]
                    .into_iter()
                    .any(|g| g.as_deref() == Some(e.message()));
                if !(on_its_box || in_general) {
                    failures.push(format!(
                        "{name}: the library refuses on {:?} « {} »; the page says {:?} / {:?}",
                        e.field(),
                        e.message(),
                        o.errors,
                        o.general
                    ));
                }
            }
        }
    }
    assert!(run >= 150, "only {run} cases through the page");
    assert!(
        failures.is_empty(),
        "{} of {run} case(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
