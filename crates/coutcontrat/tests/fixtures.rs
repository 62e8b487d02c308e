//! Every case of `tests/fixtures/quotes.toml`: the worked examples of RULES.md and one case per decision.

use coutcontrat::{ContractInput, Policy, Quoter, Referentiel};
use serde_json::Value;

const FIXTURES: &str = include_str!("../../../tests/fixtures/quotes.toml");

/// Follows a path such as `years[1].npec`, `schedule.len` or `explanations[?figure=participation].text` (the
/// first element whose `figure` is `participation`) into the JSON quote.
fn at<'v>(root: &'v Value, path: &str) -> Option<Value> {
    let mut cur: &'v Value = root;
    for segment in path.split('.') {
        if segment == "len" {
            return cur.as_array().map(|a| Value::from(a.len()));
        }
        let (name, selector) = match segment.split_once('[') {
            Some((n, rest)) => (n, Some(rest.strip_suffix(']')?)),
            None => (segment, None),
        };
        cur = cur.get(name)?;
        match selector.map(|s| (s, s.strip_prefix('?'))) {
            None => {}
            Some((_, Some(filter))) => {
                let (key, value) = filter.split_once('=')?;
                cur = cur
                    .as_array()?
                    .iter()
                    .find(|e| e.get(key).and_then(Value::as_str) == Some(value))?;
            }
            Some((index, None)) => cur = cur.get(index.parse::<usize>().ok()?)?,
        }
    }
    Some(cur.clone())
}

fn to_json(value: &toml::Value) -> Value {
    serde_json::to_value(value).expect("TOML values convert to JSON")
}

#[test]
fn every_fixture_case_gives_the_expected_figures() {
    let fixtures: toml::Value = toml::from_str(FIXTURES).expect("fixture file parses");
    let cases = fixtures["case"].as_array().expect("[[case]] list");
    assert!(cases.len() >= 30, "only {} cases", cases.len());
    // The référentiel `quote --json` uses: the shipped one, or the data directory a case names (`data`).
    let workspace = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let loaded: Referentiel;
        let referentiel = match case.get("data").and_then(toml::Value::as_str) {
            Some(dir) => {
                loaded = coutcontrat_referentiel::load_dir(&workspace.join(dir))
                    .unwrap_or_else(|e| panic!("{name}: {dir}: {e}"));
                &loaded
            }
            None => coutcontrat_referentiel::embedded(),
        };
        let quoter = Quoter::new(referentiel);
        let input: ContractInput = serde_json::from_value(to_json(&case["contract"]))
            .unwrap_or_else(|e| panic!("{name}: contract does not deserialize: {e}"));
        // A case may select the other reading of a text (a `Policy` option of section 0).
        let policy: Policy = match case.get("policy") {
            Some(p) => serde_json::from_value(to_json(p))
                .unwrap_or_else(|e| panic!("{name}: policy does not deserialize: {e}")),
            None => Policy::default(),
        };
        let quoter = quoter.clone().with_policy(policy);
        let result = input.parse().and_then(|c| quoter.quote(&c));
        match (case.get("error"), result) {
            (Some(expected), Err(err)) => {
                if Some(err.code()) != expected["code"].as_str()
                    || err.field() != expected["field"].as_str()
                {
                    failures.push(format!(
                        "{name}: expected error {expected:?}, got {} on {:?}: {}",
                        err.code(),
                        err.field(),
                        err.message()
                    ));
                }
                // What the user reads: each of `message_contains` must be in the message.
                for part in expected
                    .get("message_contains")
                    .and_then(toml::Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let part = part.as_str().unwrap();
                    if !err.message().contains(part) {
                        failures.push(format!(
                            "{name}: error message lacks « {part} »: {}",
                            err.message()
                        ));
                    }
                }
            }
            (Some(expected), Ok(_)) => {
                failures.push(format!("{name}: expected error {expected:?}, got a quote"))
            }
            (None, Err(err)) => failures.push(format!("{name}: unexpected error {err}")),
            (None, Ok(quote)) => {
                // Every warning by code, as a set: a case that forgets one fails.
                match case.get("warnings").and_then(toml::Value::as_array) {
                    Some(expected) => {
                        let mut expected: Vec<&str> =
                            expected.iter().filter_map(toml::Value::as_str).collect();
                        let mut got: Vec<&str> = quote.warnings.iter().map(|w| w.code).collect();
                        expected.sort_unstable();
                        got.sort_unstable();
                        if got != expected {
                            failures
                                .push(format!("{name}: warnings {got:?}, expected {expected:?}"));
                        }
                    }
                    None => failures.push(format!("{name}: no `warnings` list")),
                }
                let text = serde_json::to_string(&quote).unwrap();
                match serde_json::from_str::<coutcontrat::Quote>(&text) {
                    Ok(back) if back == quote => {}
                    Ok(_) => failures.push(format!("{name}: the JSON reads back as another quote")),
                    Err(e) => failures.push(format!("{name}: the JSON does not read back: {e}")),
                }
                // What the user reads: `[case.says]` maps a warning code to words its message must hold.
                for (code, part) in case
                    .get("says")
                    .and_then(toml::Value::as_table)
                    .into_iter()
                    .flatten()
                {
                    let part = part.as_str().unwrap();
                    match quote.warnings.iter().find(|w| w.code == code) {
                        Some(w) if w.message.contains(part) => {}
                        Some(w) => failures.push(format!(
                            "{name}: warning {code} lacks « {part} »: {}",
                            w.message
                        )),
                        None => {
                            failures.push(format!("{name}: no warning {code} to say « {part} »"))
                        }
                    }
                }
                let json = serde_json::to_value(&quote).unwrap();
                // `[case.contains]` maps a path to words the text there must hold (an explanation, a reference).
                for (path, part) in case
                    .get("contains")
                    .and_then(toml::Value::as_table)
                    .into_iter()
                    .flatten()
                {
                    let part = part.as_str().unwrap();
                    match at(&json, path) {
                        Some(Value::String(text)) if text.contains(part) => {}
                        got => failures.push(format!("{name}: {path} = {got:?} lacks « {part} »")),
                    }
                }
                for (path, expected) in case["expect"].as_table().unwrap() {
                    if path.starts_with("warnings") {
                        failures.push(format!(
                            "{name}: {path}: warnings go in the `warnings` list"
                        ));
                    }
                    let expected = to_json(expected);
                    let got = at(&json, path);
                    if got.as_ref() != Some(&expected) {
                        failures.push(format!("{name}: {path} = {got:?}, expected {expected}"));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
