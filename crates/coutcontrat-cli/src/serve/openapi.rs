//! The OpenAPI 3.1 document of the service (`GET /openapi.json`): the routes, with the schemas of
//! [`crate::schema`]; `tests/serve.rs` checks real responses of every route against them.

use serde_json::{json, Map, Value};

use crate::schema::{components, schema_ref};

/// A JSON response of `schema`.
fn json_content(schema: Value) -> Value {
    json!({ "application/json": { "schema": schema } })
}

/// The error responses of a route, each the CLI's error JSON.
fn errors(statuses: &[(&str, &str)]) -> Map<String, Value> {
    statuses
        .iter()
        .map(|(status, description)| {
            (
                (*status).to_owned(),
                json!({ "description": description, "content": json_content(schema_ref("Error")) }),
            )
        })
        .collect()
}

fn operation(
    summary: &str,
    ok: Value,
    params: Value,
    body: Option<Value>,
    statuses: &[(&str, &str)],
) -> Value {
    let mut responses = errors(statuses);
    responses.insert("200".into(), ok);
    let mut op = json!({ "summary": summary, "parameters": params, "responses": responses });
    if let (Some(body), Some(map)) = (body, op.as_object_mut()) {
        map.insert("requestBody".into(), body);
    }
    op
}

fn param(name: &str, required: bool, description: &str) -> Value {
    json!({ "name": name, "in": "query", "required": required, "description": description,
            "schema": { "type": "string" } })
}

fn ok_json(name: &str) -> Value {
    json!({ "description": "OK", "content": json_content(schema_ref(name)) })
}

/// The whole document.
pub fn document() -> Value {
    const BAD: (&str, &str) = (
        "400",
        "malformed request (not JSON, unknown or missing parameter)",
    );
    const BIG: (&str, &str) = ("413", "body too large, or too many rows");
    const TYPE: (&str, &str) = ("415", "wrong Content-Type");
    const REFUSED: (&str, &str) = (
        "422",
        "the contract is refused by the rules (the error names the field)",
    );
    const MISSING: (&str, &str) = ("404", "certification or branch not in the référentiel");
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "coutcontrat",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The financing of an apprenticeship contract (NPEC, OPCO, employer's share), with the \
                            JSON of `coutcontrat quote --json`.",
        },
        "paths": {
            "/v1/quote": { "post": operation(
                "Quote one contract", ok_json("Quote"),
                json!([param("policy", false, "another reading where the texts leave a choice, as JSON (the CLI's --policy)")]),
                Some(json!({ "required": true, "content": json_content(schema_ref("Contract")) })),
                &[BAD, BIG, TYPE, REFUSED],
            ) },
            "/v1/batch": { "post": operation(
                "Quote a CSV of contracts (the columns are the Contract's members)",
                json!({ "description": "the same CSV with the figures appended",
                        "content": { "text/csv": { "schema": { "type": "string" } } } }),
                json!([]),
                Some(json!({ "required": true, "content": { "text/csv": { "schema": { "type": "string" } } } })),
                &[BIG, TYPE, REFUSED],
            ) },
            "/v1/lookup": { "get": operation(
                "The NPEC of a certification in a branch", ok_json("Lookup"),
                json!([param("rncp", true, "RNCP code"), param("idcc", false, "IDCC (or cpne)"),
                       param("cpne", false, "CPNE code"), param("signed_on", true, "date of conclusion"),
                       param("level", false, "level 3 to 8, for the amorçage value")]),
                None, &[BAD, MISSING, REFUSED],
            ) },
            "/v1/search": { "get": operation(
                "Search certifications", ok_json("Certifications"),
                json!([param("q", true, "RNCP code or words of the title"), param("limit", false, "1 to 1000, 20 by default")]),
                None, &[BAD],
            ) },
            "/v1/branches": { "get": operation(
                "Search branches (IDCC, CPNE, OPCO)", ok_json("Branches"),
                json!([param("q", false, "IDCC, CPNE or words"), param("signed_on", false, "date of conclusion, today by default"),
                       param("limit", false, "1 to 1000, 50 by default")]),
                None, &[BAD, REFUSED],
            ) },
            "/v1/editions": { "get": operation("The référentiel's editions", ok_json("Editions"), json!([]), None, &[BAD]) },
            "/healthz": { "get": operation("Liveness, and the data carried", ok_json("Health"), json!([]), None, &[]) },
            "/openapi.json": { "get": operation("This document",
                json!({ "description": "OK", "content": { "application/json": { "schema": { "type": "object" } } } }),
                json!([]), None, &[]) },
        },
        "components": { "schemas": components() },
    })
}
