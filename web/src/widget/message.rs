//! The messages between the widget and the page that embeds it, namespaced and versioned. The widget
//! posts them to the host page's origin only (the `host` of its address): with no valid host it posts
//! nothing, never to `"*"`, which would hand the figures to whatever page framed it.
//!
//! - `{"type": "coutcontrat:ready", "v": 1}`: the widget listens for its catalogue (it was told
//!   `catalogue=message`); the loader answers with
//! - `{"type": "coutcontrat:catalogue", "v": 1, "catalogue": "<JSON text>"}`, posted by the host page to
//!   the widget's origin: the CFA's catalogue as written (a list or `{"courses": […]}`; the parsed value is
//!   taken too). The widget takes it only from its parent window, from the host's origin, and once.
//! - `{"type": "coutcontrat:resize", "v": 1, "height": 812}`: the height of the widget's content, in CSS
//!   pixels, each time it changes;
//! - `{"type": "coutcontrat:result", "v": 1, "quote": {...} | null, "course": {...} | null}`: the main
//!   figures each time they change (`quote` is `null` while the form is incomplete). Amounts are strings
//!   with two decimals (`"8828.00"`), named as in the library's JSON output.
//!
//! A new field may be added within version 1; a change of meaning makes version 2.

use coutcontrat::Quote;
use serde_json::{json, Value};

use super::catalogue::{Catalogue, Course, MAX_CATALOGUE_BYTES};
use crate::format::plain;

/// The type of the widget's announcement that it awaits its catalogue.
pub const READY: &str = "coutcontrat:ready";
/// The type of the host page's message carrying the catalogue.
pub const CATALOGUE: &str = "coutcontrat:catalogue";
/// The type of the height message.
pub const RESIZE: &str = "coutcontrat:resize";
/// The type of the result message.
pub const RESULT: &str = "coutcontrat:result";
/// The version of both.
pub const VERSION: u32 = 1;

/// The widget's announcement.
pub fn ready() -> String {
    json!({ "type": READY, "v": VERSION }).to_string()
}

/// The catalogue of a message the host page posted (its data as JSON text), checked course by course;
/// `None` when it is not a catalogue message of this version (another script's message: ignored).
///
/// ```
/// use coutcontrat_web::widget::message::catalogue;
/// let m = r#"{"type": "coutcontrat:catalogue", "v": 1, "catalogue": "[{\"rncp\": \"RNCP41000\", \"price\": 9000}]"}"#;
/// assert_eq!(catalogue(m).unwrap().courses[0].rncp, "RNCP41000");
/// assert!(catalogue(r#"{"type": "other"}"#).is_none());
/// ```
pub fn catalogue(data: &str) -> Option<Catalogue> {
    // The text holds the catalogue, escaped once more: allow for the escapes.
    if data.len() > 2 * MAX_CATALOGUE_BYTES {
        return Some(Catalogue::too_long(data.len()));
    }
    let value: Value = serde_json::from_str(data).ok()?;
    if value["type"] != CATALOGUE || value["v"] != VERSION {
        return None;
    }
    Some(match &value["catalogue"] {
        Value::String(text) => Catalogue::from_json(text),
        list @ (Value::Array(_) | Value::Object(_)) => Catalogue::from_value(list),
        _ => Catalogue {
            courses: Vec::new(),
            problems: vec![format!(
                "le message {CATALOGUE} n'a pas de champ « catalogue » : le texte JSON du catalogue, \
                 ou la liste de ses formations"
            )],
            ..Catalogue::default()
        },
    })
}

/// The height message.
pub fn resize(height: u32) -> String {
    json!({ "type": RESIZE, "v": VERSION, "height": height }).to_string()
}

/// The result message for what is on screen; `label` is the course's name as shown.
pub fn result(quote: Option<&Quote>, course: Option<(&Course, &str)>) -> String {
    let quote = quote.map(|q| {
        json!({
            "npec": { "annual": plain(q.npec.annual), "provisional": q.npec.provisional },
            "totals": {
                "opco": plain(q.totals.opco),
                "employer": plain(q.totals.employer),
            },
            "participation": plain(q.participation),
            "level": q.level,
        })
    });
    let course = course.map(|(c, label)| {
        json!({
            "rncp": c.rncp,
            "label": label,
            "price": plain(c.price),
            "months": c.months,
        })
    });
    json!({
        "type": RESULT,
        "v": VERSION,
        "quote": quote.unwrap_or(Value::Null),
        "course": course.unwrap_or(Value::Null),
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_resize_message() {
        let v: Value = serde_json::from_str(&resize(812)).unwrap();
        assert_eq!(
            v,
            json!({"type": "coutcontrat:resize", "v": 1, "height": 812})
        );
    }

    #[test]
    fn a_catalogue_message_is_read_and_checked() {
        let text = r#"[{"rncp": "RNCP41000", "price": 9000}, {"rncp": "RNCP1", "price": "x"}]"#;
        let m = json!({"type": CATALOGUE, "v": 1, "catalogue": text}).to_string();
        let c = catalogue(&m).expect("a catalogue message");
        assert_eq!(c.courses.len(), 1);
        assert_eq!(c.problems.len(), 1);
        assert!(
            c.problems[0].contains("formation 2 (RNCP1)") && c.problems[0].contains("prix annuel"),
            "{:?}",
            c.problems
        );
        // The list itself, as a host page's own script may post it.
        let m = json!({"type": CATALOGUE, "v": 1, "catalogue": {"courses": [{"rncp": "RNCP2", "price": 1}]}});
        assert_eq!(catalogue(&m.to_string()).unwrap().courses[0].rncp, "RNCP2");
        // Not JSON inside: one message saying so.
        let m = json!({"type": CATALOGUE, "v": 1, "catalogue": "[{"}).to_string();
        let c = catalogue(&m).unwrap();
        assert!(c.courses.is_empty());
        assert!(
            c.problems[0].contains("pas du JSON valide"),
            "{:?}",
            c.problems
        );
        // No catalogue in it.
        let m = json!({"type": CATALOGUE, "v": 1}).to_string();
        assert!(catalogue(&m).unwrap().problems[0].contains("« catalogue »"));
    }

    #[test]
    fn other_messages_are_not_catalogues() {
        for other in [
            "null",
            "\"text\"",
            "{}",
            r#"{"type": "coutcontrat:catalogue", "v": 2, "catalogue": "[]"}"#,
            r#"{"type": "coutcontrat:resize", "v": 1, "height": 3}"#,
            "not json",
        ] {
            assert!(catalogue(other).is_none(), "{other}");
        }
        assert_eq!(
            serde_json::from_str::<Value>(&ready()).unwrap(),
            json!({"type": "coutcontrat:ready", "v": 1})
        );
    }

    #[test]
    fn an_oversized_message_is_refused_unread() {
        let m = format!(
            "{{\"type\": \"coutcontrat:catalogue\", \"v\": 1, \"catalogue\": \"{}\"}}",
            " ".repeat(2 * MAX_CATALOGUE_BYTES)
        );
        let c = catalogue(&m).unwrap();
        assert!(c.courses.is_empty());
        assert!(c.problems[0].contains("octets"), "{:?}", c.problems);
    }

    #[test]
    fn an_incomplete_form_says_null() {
        let v: Value = serde_json::from_str(&result(None, None)).unwrap();
        assert_eq!(
            v,
            json!({"type": "coutcontrat:result", "v": 1, "quote": null, "course": null})
        );
    }
}
