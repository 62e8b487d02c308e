//! Every case of `tests/fixtures/quotes.toml`: the worked examples of RULES.md and one case per decision.

use coutcontrat::{ContractInput, Policy, Quoter, Referentiel};
use serde_json::Value;

const FIXTURES: &str = include_str!("../../../tests/fixtures/quotes.toml");

/// Follows a path such as `years[1].npec` or `schedule.len` into the JSON quote.
fn at<'v>(root: &'v Value, path: &str) -> Option<Value> {
    let mut cur: &'v Value = root;
    for segment in path.split('.') {
        if segment == "len" {
            return cur.as_array().map(|a| Value::from(a.len()));
        }
        let (name, index) = match segment.split_once('[') {
            Some((n, rest)) => (n, Some(rest.trim_end_matches(']').parse::<usize>().ok()?)),
            None => (segment, None),
        };
        cur = cur.get(name)?;
        if let Some(i) = index {
            cur = cur.get(i)?;
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
                let json = serde_json::to_value(&quote).unwrap();
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
