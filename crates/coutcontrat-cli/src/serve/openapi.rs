//! The OpenAPI 3.1 document of the service (`GET /openapi.json`). The contract's schema is made from the
//! inputs' one declaration ([`FIELDS`] and [`FIELD_DOCS`]), like the JSON reader, the CLI's options and the
//! batch columns: an input added there appears here. The responses' schemas name the members every response
//! carries; `tests/serve.rs` checks real responses of every route against them.

use coutcontrat::contract::fields::{FieldKind, FIELDS, FIELD_DOCS};
use serde_json::{json, Map, Value};

/// The JSON Schema of one input's value.
fn value_schema(kind: FieldKind, bounds: Option<(u32, u32)>) -> Value {
    let mut schema = match kind {
        FieldKind::Date => json!({
            "type": "string",
            "description": "YYYY-MM-DD or DD/MM/YYYY",
            "examples": ["2025-09-01"],
        }),
        FieldKind::Flag => json!({ "type": ["boolean", "string"], "examples": [true] }),
        FieldKind::Amount => json!({
            "type": ["string", "number"],
            "description": "euros, at most two decimals",
            "examples": ["9000"],
        }),
        FieldKind::Share => json!({
            "type": ["string", "number"],
            "description": "0 to 1 (0.8) or a percentage (\"80 %\")",
        }),
        FieldKind::Count => json!({ "type": ["integer", "string"] }),
        FieldKind::Hours => json!({ "type": ["number", "string"] }),
        FieldKind::Number => json!({ "type": ["integer", "string"] }),
        FieldKind::Code => json!({ "type": ["string", "integer"] }),
        FieldKind::Choice(words) => json!({ "type": "string", "enum": words }),
    };
    if let (Some((low, high)), Some(map)) = (bounds, schema.as_object_mut()) {
        map.insert("minimum".into(), json!(low));
        map.insert("maximum".into(), json!(high));
    }
    schema
}

/// The schema of the contract: every input of [`FIELDS`], the `annexes.*` ones in an `annexes` object.
pub fn contract_schema() -> Value {
    let mut properties = Map::new();
    let mut annexes = Map::new();
    let mut required = Vec::new();
    for (spec, doc) in FIELDS.iter().zip(FIELD_DOCS) {
        debug_assert_eq!(spec.key, doc.key);
        let mut schema = value_schema(spec.kind, spec.bounds);
        if let Some(map) = schema.as_object_mut() {
            let text = match map.get("description").and_then(Value::as_str) {
                Some(format) => format!("{} ({format})", doc.doc),
                None => doc.doc.to_owned(),
            };
            map.insert("description".into(), Value::String(text));
            map.insert("title".into(), Value::String(spec.label.to_owned()));
        }
        match spec.key.strip_prefix("annexes.") {
            Some(name) => {
                annexes.insert(name.to_owned(), schema);
            }
            None => {
                properties.insert(spec.key.to_owned(), schema);
            }
        }
        if spec.required {
            required.push(spec.key);
        }
    }
    properties.insert(
        "annexes".into(),
        json!({ "type": "object", "additionalProperties": false, "properties": annexes }),
    );
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": required,
        "properties": properties,
    })
}

/// An object with these members, all present (null allowed where the type says so).
fn object(members: &[(&str, Value)]) -> Value {
    let properties: Map<String, Value> = members
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    let required: Vec<&str> = members.iter().map(|(k, _)| *k).collect();
    json!({ "type": "object", "required": required, "properties": properties })
}

fn t(kind: &str) -> Value {
    json!({ "type": kind })
}

fn nullable(kind: &str) -> Value {
    json!({ "type": [kind, "null"] })
}

fn array_of(items: Value) -> Value {
    json!({ "type": "array", "items": items })
}

fn schema_ref(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn schemas() -> Value {
    let money = t("string");
    let quote = object(&[
        (
            "npec",
            object(&[
                ("annual", money.clone()),
                ("source", t("string")),
                ("table_version", nullable("string")),
            ]),
        ),
        ("regime", t("string")),
        ("rule_set", t("string")),
        ("level", nullable("integer")),
        (
            "years",
            array_of(object(&[
                ("index", t("integer")),
                ("start", t("string")),
                ("end", t("string")),
                ("days", t("integer")),
                ("npec", money.clone()),
                ("price", money.clone()),
                ("opco", money.clone()),
                ("employer", money.clone()),
                ("rqth", money.clone()),
            ])),
        ),
        ("precontract", nullable("object")),
        ("post_rupture", nullable("object")),
        ("participation", money.clone()),
        ("participation_kind", t("string")),
        ("annexes", object(&[("total", money.clone())])),
        (
            "totals",
            object(&[
                ("npec", money.clone()),
                ("price", money.clone()),
                ("opco", money.clone()),
                ("employer", money.clone()),
                ("rqth", money.clone()),
                ("annexes", money.clone()),
                ("opco_all", money.clone()),
            ]),
        ),
        (
            "schedule",
            array_of(object(&[
                ("due", t("string")),
                ("kind", t("string")),
                ("amount", money.clone()),
            ])),
        ),
        (
            "warnings",
            array_of(object(&[("code", t("string")), ("message", t("string"))])),
        ),
        (
            "sources",
            array_of(object(&[("rule", t("string")), ("article", t("string"))])),
        ),
        (
            "explanations",
            array_of(object(&[
                ("figure", t("string")),
                ("rule", t("string")),
                ("text", t("string")),
            ])),
        ),
        ("net_cost", nullable("object")),
    ]);
    let lookup = object(&[
        ("rncp", t("string")),
        ("signed_on", t("string")),
        ("certification", nullable("object")),
        ("npec", nullable("object")),
        ("absent", nullable("object")),
    ]);
    let certification = object(&[("rncp", t("string")), ("label", t("string"))]);
    let branch = object(&[
        ("idcc", t("integer")),
        ("label", t("string")),
        (
            "cpne",
            array_of(object(&[("cpne", t("integer")), ("label", t("string"))])),
        ),
    ]);
    let edition = object(&[
        ("tag", t("string")),
        ("published", t("string")),
        ("applies_from", t("string")),
        ("applies_until", nullable("string")),
        ("source_file", t("string")),
        ("legal_basis", t("string")),
        ("synthetic", t("boolean")),
        (
            "coverage",
            json!({ "type": "string", "enum": ["complete", "partial"] }),
        ),
        ("rows", t("integer")),
        ("mapping", t("boolean")),
    ]);
    let error = object(&[(
        "error",
        object(&[
            ("code", t("string")),
            ("field", nullable("string")),
            ("message", t("string")),
            ("candidates", array_of(t("string"))),
        ]),
    )]);
    let health = object(&[
        ("status", t("string")),
        ("version", t("string")),
        ("referentiel", nullable("string")),
    ]);
    json!({
        "Contract": contract_schema(),
        "Quote": quote,
        "Lookup": lookup,
        "Certifications": array_of(certification),
        "Branches": array_of(branch),
        "Editions": array_of(edition),
        "Error": error,
        "Health": health,
    })
}

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
        "components": { "schemas": schemas() },
    })
}
