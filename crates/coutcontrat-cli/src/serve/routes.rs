//! The JSON routes: each one answers what the command of the same name prints with `--json`.

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use coutcontrat::{ContractInput, Policy, Quoter};

use super::problem::{json_response, Problem};
use crate::failure::Failure;
use crate::lookup;

type Params = Result<Query<Vec<(String, String)>>, axum::extract::rejection::QueryRejection>;

fn ok_json(value: &impl serde::Serialize) -> Result<Response, Problem> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Failure::io("JSON", e))?;
    Ok(json_response(StatusCode::OK, text))
}

/// The request's media type is `expected` (parameters such as `charset` aside), or 415.
pub fn require_type(headers: &HeaderMap, expected: &[&str]) -> Result<(), Problem> {
    let given = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let essence = given.split(';').next().unwrap_or("").trim();
    if expected.iter().any(|e| essence.eq_ignore_ascii_case(e)) {
        return Ok(());
    }
    Err(Problem::with(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "content_type",
        format!(
            "type de contenu « {} » : envoyez le corps avec Content-Type: {}",
            if given.is_empty() { "absent" } else { given },
            expected[0]
        ),
    ))
}

/// The whole body, at most `limit` bytes, or 413.
pub async fn read_body(body: Body, limit: usize) -> Result<Bytes, Problem> {
    to_bytes(body, limit).await.map_err(|e| {
        // axum does not re-export http-body-util's `LengthLimitError`: its name and message tell it.
        let too_big = format!("{e:?}").contains("LengthLimitError")
            || e.to_string().contains("length limit");
        if too_big {
            Problem::with(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
                format!(
                    "le corps de la requête dépasse {limit} octets, la taille maximale ici : un seul contrat par \
                     requête (moins de 2 Ko), ou un lot plus petit"
                ),
            )
        } else {
            Problem::with(
                StatusCode::BAD_REQUEST,
                "io",
                format!("le corps de la requête n'a pas pu être lu : {e}"),
            )
        }
    })
}

/// `POST /v1/quote[?policy=JSON]`: a contract in the JSON interface, its quote as `coutcontrat quote --json
/// [--policy=JSON]` prints it.
pub async fn quote(
    State(shared): State<super::State>,
    headers: HeaderMap,
    query: Params,
    body: Body,
) -> Result<Response, Problem> {
    let p = params(&query, &["policy"])?;
    let policy: Policy = match get(&p, "policy") {
        None => Policy::default(),
        Some(text) => serde_json::from_str(text).map_err(|e| {
            Problem::of(Failure::Usage(format!(
                "policy : {e} ; par exemple {{\"first_month_on_rupture\": true}}"
            )))
        })?,
    };
    require_type(&headers, &["application/json"])?;
    let bytes = read_body(body, shared.config.max_body_bytes).await?;
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let input = ContractInput::from_json_bytes(text).map_err(|e| {
        let mut problem = Problem::from(e);
        // Not JSON at all: the request is malformed (400); JSON the contract refuses is 422.
        if serde_json::from_slice::<serde::de::IgnoredAny>(text).is_err() {
            problem.status = StatusCode::BAD_REQUEST;
        }
        problem
    })?;
    let contract = input.parse()?;
    let quote = Quoter::new(shared.referentiel)
        .with_policy(policy)
        .quote(&contract)?;
    ok_json(&quote)
}

/// The parameters of a GET, each name at most once and among `known`.
fn params<'a>(given: &'a Params, known: &[&str]) -> Result<Vec<(&'a str, &'a str)>, Problem> {
    let Query(pairs) = given.as_ref().map_err(|e| {
        Problem::of(Failure::Usage(format!(
            "paramètres de la requête illisibles : {e}"
        )))
    })?;
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for (name, value) in pairs {
        if !known.contains(&name.as_str()) {
            return Err(Problem::of(Failure::Usage(format!(
                "paramètre inconnu « {name} » : les paramètres sont {}",
                known.join(", ")
            ))));
        }
        if seen.iter().any(|(n, _)| n == name) {
            return Err(Problem::of(Failure::Usage(format!(
                "paramètre « {name} » donné deux fois : donnez-le une fois"
            ))));
        }
        seen.push((name, value));
    }
    Ok(seen)
}

fn get<'a>(pairs: &[(&'a str, &'a str)], name: &str) -> Option<&'a str> {
    pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

fn required<'a>(pairs: &[(&'a str, &'a str)], name: &str) -> Result<&'a str, Problem> {
    get(pairs, name).ok_or_else(|| {
        Problem::of(Failure::Usage(format!(
            "paramètre « {name} » manquant : par exemple /v1/lookup?rncp=RNCP41000&idcc=1351&signed_on=2026-09-14"
        )))
    })
}

fn limit(pairs: &[(&str, &str)], default: usize) -> Result<usize, Problem> {
    match get(pairs, "limit") {
        None => Ok(default),
        Some(text) => Ok(lookup::parse_limit(text)?),
    }
}

/// `GET /v1/lookup?rncp=&idcc=|cpne=&signed_on=[&level=]`: as `coutcontrat lookup --json`.
pub async fn lookup(
    State(shared): State<super::State>,
    query: Params,
) -> Result<Response, Problem> {
    let p = params(&query, &["rncp", "idcc", "cpne", "signed_on", "level"])?;
    let rncp = required(&p, "rncp")?;
    let signed_on = required(&p, "signed_on")?;
    let out = lookup::lookup(
        shared.referentiel,
        &lookup::LookupQuery {
            rncp,
            idcc: get(&p, "idcc"),
            cpne: get(&p, "cpne"),
            signed_on,
            level: get(&p, "level"),
        },
    )
    .map_err(Problem::of_lookup)?;
    ok_json(&out)
}

/// `GET /v1/search?q=&limit=`: as `coutcontrat search --json`.
pub async fn search(
    State(shared): State<super::State>,
    query: Params,
) -> Result<Response, Problem> {
    let p = params(&query, &["q", "limit"])?;
    let q = get(&p, "q").unwrap_or("");
    if q.trim().is_empty() {
        return Err(Problem::of(Failure::Usage(
            "paramètre « q » manquant : un code RNCP ou des mots de l'intitulé, par exemple /v1/search?q=cuisine"
                .into(),
        )));
    }
    ok_json(&shared.referentiel.search_certifications(q, limit(&p, 20)?))
}

/// `GET /v1/branches?q=&signed_on=&limit=`: as `coutcontrat branches --json`.
pub async fn branches(
    State(shared): State<super::State>,
    query: Params,
) -> Result<Response, Problem> {
    let p = params(&query, &["q", "signed_on", "limit"])?;
    let limit = limit(&p, 50)?;
    let signed_on = match get(&p, "signed_on") {
        Some(text) => coutcontrat::contract::parse_date(text, "signed_on")?,
        None => crate::lookup::today(),
    };
    let q = get(&p, "q").unwrap_or("");
    let hits = if q.trim().is_empty() {
        lookup::all_branches(shared.referentiel, signed_on, limit)
    } else {
        shared.referentiel.search_branches(q, signed_on, limit)
    };
    ok_json(&hits)
}

/// `GET /v1/editions`: the référentiel's editions.
pub async fn editions(
    State(shared): State<super::State>,
    query: Params,
) -> Result<Response, Problem> {
    params(&query, &[])?;
    ok_json(&crate::editions::editions(shared.referentiel))
}

/// `GET /healthz`: the service answers, and which rules and data it carries.
pub async fn healthz(State(shared): State<super::State>) -> Result<Response, Problem> {
    let latest = shared.referentiel.versions().last().map(|v| v.tag.as_str());
    ok_json(&serde_json::json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "referentiel": latest,
    }))
}

/// `GET /openapi.json`: the document of [`super::openapi`].
pub async fn openapi() -> Result<Response, Problem> {
    ok_json(&super::openapi::document())
}

/// Any other path: 404 with the list of routes.
pub async fn not_found() -> Problem {
    Problem::with(
        StatusCode::NOT_FOUND,
        "not_found",
        "pas de telle route : POST /v1/quote, POST /v1/batch, GET /v1/lookup, /v1/search, /v1/branches, \
         /v1/editions, /healthz, /openapi.json"
            .into(),
    )
}

/// A known path with another method: 405.
pub async fn method_not_allowed() -> Problem {
    Problem::with(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "méthode non permise sur cette route : POST pour /v1/quote et /v1/batch, GET pour les autres (voir \
         /openapi.json)"
            .into(),
    )
}
