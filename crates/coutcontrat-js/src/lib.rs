//! The npm package `coutcontrat`: the engine and its default data behind wasm-bindgen, with the JSON of the
//! command line. Every function takes and gives JSON text; `js/api.js` turns it into plain objects and an
//! error's JSON into a thrown object, so a figure and a refusal are those of `coutcontrat quote --json`.
//!
//! The same functions work on the host (the crate is also an `rlib`): `tests/api.rs` checks them there.

use std::cell::RefCell;
use std::rc::Rc;

use coutcontrat::{ContractInput, Policy, Quoter, Referentiel};
use coutcontrat_cli::failure::Failure;
use coutcontrat_cli::lookup::{self, LookupQuery};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// The default data, made by `build.rs`.
const DEFAULT_DATA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/referentiel.ccrc"));

thread_local! {
    /// The référentiel quotes are made on: the default data until `loadReferentiel` gives another.
    static CURRENT: RefCell<Option<Rc<Referentiel>>> = const { RefCell::new(None) };
}

fn current() -> Result<Rc<Referentiel>, String> {
    CURRENT.with(|c| {
        if let Some(r) = c.borrow().as_ref() {
            return Ok(r.clone());
        }
        let r = Rc::new(read_compact(DEFAULT_DATA).map_err(|f| error_text(&f))?);
        *c.borrow_mut() = Some(r.clone());
        Ok(r)
    })
}

fn read_compact(bytes: &[u8]) -> Result<Referentiel, Failure> {
    coutcontrat_referentiel::compact::from_compact(bytes).map_err(|e| Failure::Invalid {
        code: "format",
        message: format!(
            "ce fichier n'est pas un référentiel compact de coutcontrat (fait par coutcontrat-compact ou par \
             l'import de la page) : {e}"
        ),
    })
}

/// The CLI's error JSON, `{"error": {"code", "field", "message", "candidates"}}`.
fn error_text(failure: &Failure) -> String {
    failure.to_json().to_string()
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| error_text(&Failure::io("JSON", e)))
}

fn usage(message: String) -> String {
    error_text(&Failure::Usage(message))
}

/// A quote, as `coutcontrat quote --json [--policy=POLICY]` prints it. `policy` is JSON, or empty.
///
/// # Errors
///
/// The error JSON of the CLI for the same contract.
#[wasm_bindgen(js_name = quoteJson)]
pub fn quote_json(contract: &str, policy: &str) -> Result<String, String> {
    let policy: Policy = if policy.trim().is_empty() {
        Policy::default()
    } else {
        serde_json::from_str(policy).map_err(|e| {
            usage(format!(
                "policy : {e} ; par exemple {{\"first_month_on_rupture\": true}}"
            ))
        })?
    };
    let fail = |e: coutcontrat::Error| error_text(&Failure::Lib(e));
    let input = ContractInput::from_json_bytes(contract.as_bytes()).map_err(fail)?;
    let contract = input.parse().map_err(fail)?;
    let referentiel = current()?;
    let quote = Quoter::new(&referentiel)
        .with_policy(policy)
        .quote(&contract)
        .map_err(fail)?;
    json(&quote)
}

/// What `lookup` is asked, as the HTTP service's parameters; codes may be numbers.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LookupJson {
    rncp: Option<Scalar>,
    idcc: Option<Scalar>,
    cpne: Option<Scalar>,
    signed_on: Option<Scalar>,
    level: Option<Scalar>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Scalar {
    Text(String),
    Number(serde_json::Number),
}

impl Scalar {
    fn text(&self) -> String {
        match self {
            Scalar::Text(t) => t.clone(),
            Scalar::Number(n) => n.to_string(),
        }
    }
}

/// The NPEC of a certification in a branch, as `coutcontrat lookup --json`.
///
/// # Errors
///
/// The CLI's error JSON: a missing member, an unknown code, a certification or branch not in the data.
#[wasm_bindgen(js_name = lookupJson)]
pub fn lookup_json(query: &str) -> Result<String, String> {
    let q: LookupJson = serde_json::from_str(query).map_err(|e| {
        usage(format!(
            "lookup : {e} ; par exemple {{\"rncp\": \"RNCP41000\", \"idcc\": 1351, \"signed_on\": \"2026-09-14\"}}"
        ))
    })?;
    let text = |s: &Option<Scalar>| s.as_ref().map(Scalar::text);
    let (rncp, idcc, cpne, signed_on, level) = (
        text(&q.rncp),
        text(&q.idcc),
        text(&q.cpne),
        text(&q.signed_on),
        text(&q.level),
    );
    let (Some(rncp), Some(signed_on)) = (rncp, signed_on) else {
        return Err(usage(
            "lookup : « rncp » et « signed_on » sont obligatoires, par exemple {\"rncp\": \"RNCP41000\", \
             \"idcc\": 1351, \"signed_on\": \"2026-09-14\"}"
                .into(),
        ));
    };
    let referentiel = current()?;
    let out = lookup::lookup(
        &referentiel,
        &LookupQuery {
            rncp: &rncp,
            idcc: idcc.as_deref(),
            cpne: cpne.as_deref(),
            signed_on: &signed_on,
            level: level.as_deref(),
        },
    )
    .map_err(|f| error_text(&f))?;
    json(&out)
}

/// A search's `limit` as the caller gave it, checked as the HTTP service checks it.
fn checked_limit(limit: &str) -> Result<usize, String> {
    lookup::parse_limit(limit).map_err(|f| error_text(&f))
}

/// Certifications by RNCP code or words of the title, as `coutcontrat search --json`.
///
/// # Errors
///
/// A limit that is not a whole number from 1 to 1000.
#[wasm_bindgen(js_name = searchCertificationsJson)]
pub fn search_certifications_json(query: &str, limit: &str) -> Result<String, String> {
    let limit = checked_limit(limit)?;
    json(&current()?.search_certifications(query, limit))
}

/// Branches by IDCC, CPNE or words, at a date of conclusion (`YYYY-MM-DD`), as `coutcontrat branches --json`;
/// every branch when `query` is blank.
///
/// # Errors
///
/// A date that does not parse, a limit that is not a whole number from 1 to 1000.
#[wasm_bindgen(js_name = searchBranchesJson)]
pub fn search_branches_json(query: &str, signed_on: &str, limit: &str) -> Result<String, String> {
    let limit = checked_limit(limit)?;
    let on = coutcontrat::contract::parse_date(signed_on, "signed_on")
        .map_err(|e| error_text(&Failure::Lib(e)))?;
    let referentiel = current()?;
    let hits = if query.trim().is_empty() {
        lookup::all_branches(&referentiel, on, limit)
    } else {
        referentiel.search_branches(query, on, limit)
    };
    json(&hits)
}

/// The editions of the référentiel in use, as `GET /v1/editions`.
///
/// # Errors
///
/// None in practice (the default data are checked when built).
#[wasm_bindgen(js_name = editionsJson)]
pub fn editions_json() -> Result<String, String> {
    json(&coutcontrat_cli::editions::editions(&*current()?))
}

/// Uses the référentiel of a compact file (`coutcontrat-compact`, or the page's import) from now on;
/// gives its editions. The référentiel in use is untouched when the file is refused.
///
/// # Errors
///
/// `format` when the bytes are not a compact référentiel.
#[wasm_bindgen(js_name = loadReferentielBytes)]
pub fn load_referentiel_bytes(bytes: &[u8]) -> Result<String, String> {
    let r = Rc::new(read_compact(bytes).map_err(|f| error_text(&f))?);
    let out = json(&coutcontrat_cli::editions::editions(&r))?;
    CURRENT.with(|c| *c.borrow_mut() = Some(r));
    Ok(out)
}

/// Goes back to the default data.
#[wasm_bindgen(js_name = useDefaultReferentiel)]
pub fn use_default_referentiel() {
    CURRENT.with(|c| *c.borrow_mut() = None);
}

/// The package's version.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
