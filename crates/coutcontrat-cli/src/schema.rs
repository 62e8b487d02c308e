//! The JSON Schemas of the JSON interface: the contract, made from the inputs' one declaration ([`FIELDS`] and
//! [`FIELD_DOCS`]) like the JSON reader, the CLI's options and the batch columns, and the members every response
//! carries. The service's OpenAPI document (`serve/openapi.rs`), `coutcontrat schema` and the npm package's
//! TypeScript types ([`typescript`]) are all made from here, so an input added to [`FIELDS`] appears in each.

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

/// A reference to the schema `name` of [`components`].
pub fn schema_ref(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

/// The schemas of the JSON interface, by name (`Contract`, `Quote`, `Lookup`, `Error`…).
pub fn components() -> Value {
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
                ("overseas_modulation", money.clone()),
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
                ("overseas_modulation", money.clone()),
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

/// The TypeScript declarations of [`components`]: one `export type` per schema, each member with its
/// description as a doc comment (the npm package's `types.d.ts`).
pub fn typescript() -> String {
    let mut out = String::from(
        "// Generated by `coutcontrat schema --typescript` from the declarations of the Rust crates: do not edit.\n",
    );
    if let Value::Object(all) = components() {
        for (name, schema) in &all {
            out.push_str(&format!("\nexport type {name} = {};\n", ts_type(schema, 0)));
        }
    }
    out
}

/// The TypeScript type of one schema, nested objects written inline at `depth`.
fn ts_type(schema: &Value, depth: usize) -> String {
    if let Some(target) = schema.get("$ref").and_then(Value::as_str) {
        return target.rsplit('/').next().unwrap_or(target).to_owned();
    }
    if let Some(words) = schema.get("enum").and_then(Value::as_array) {
        let names: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        return names.join(" | ");
    }
    let kinds: Vec<&str> = match schema.get("type") {
        Some(Value::String(kind)) => vec![kind.as_str()],
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    if kinds.is_empty() {
        return "unknown".into();
    }
    let names: Vec<String> = kinds
        .iter()
        .map(|kind| match *kind {
            "string" => "string".into(),
            "integer" | "number" => "number".into(),
            "boolean" => "boolean".into(),
            "null" => "null".into(),
            "array" => match schema.get("items") {
                Some(items) => {
                    let inner = ts_type(items, depth);
                    if inner.contains(' ') && !inner.starts_with('{') {
                        format!("({inner})[]")
                    } else {
                        format!("{inner}[]")
                    }
                }
                None => "unknown[]".into(),
            },
            "object" => ts_object(schema, depth),
            _ => "unknown".into(),
        })
        .collect();
    names.join(" | ")
}

/// An object type: its members, optional unless `required` names them.
fn ts_object(schema: &Value, depth: usize) -> String {
    let Some(Value::Object(members)) = schema.get("properties") else {
        return "Record<string, unknown>".into();
    };
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let indent = "  ".repeat(depth + 1);
    let mut out = String::from("{\n");
    for (name, member) in members {
        if let Some(doc) = member.get("description").and_then(Value::as_str) {
            out.push_str(&format!("{indent}/** {} */\n", doc.replace("*/", "* /")));
        }
        let optional = if required.contains(&name.as_str()) {
            ""
        } else {
            "?"
        };
        out.push_str(&format!(
            "{indent}{name}{optional}: {};\n",
            ts_type(member, depth + 1)
        ));
    }
    out.push_str(&"  ".repeat(depth));
    out.push('}');
    out
}
