//! The messages the widget posts to the page that embeds it, namespaced and versioned:
//!
//! - `{"type": "coutcontrat:resize", "v": 1, "height": 812}`: the height of the widget's content, in CSS
//!   pixels, each time it changes;
//! - `{"type": "coutcontrat:result", "v": 1, "quote": {...} | null, "course": {...} | null}`: the main
//!   figures each time they change (`quote` is `null` while the form is incomplete). Amounts are strings
//!   with two decimals (`"8828.00"`), named as in the library's JSON output.
//!
//! A new field may be added within version 1; a change of meaning makes version 2.

use coutcontrat::Quote;
use serde_json::{json, Value};

use super::catalogue::Course;
use crate::format::plain;

/// The type of the height message.
pub const RESIZE: &str = "coutcontrat:resize";
/// The type of the result message.
pub const RESULT: &str = "coutcontrat:result";
/// The version of both.
pub const VERSION: u32 = 1;

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
    fn an_incomplete_form_says_null() {
        let v: Value = serde_json::from_str(&result(None, None)).unwrap();
        assert_eq!(
            v,
            json!({"type": "coutcontrat:result", "v": 1, "quote": null, "course": null})
        );
    }
}
