//! The catalogue of errors (docs/errors.md) through the web form: each contract error a visitor can cause
//! shows, next to the field the library names, the library's own message; nothing typed is lost.
//!
//! Run alone: `scripts/build-web.sh && cargo test -p coutcontrat-web --test errors`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::*;

use coutcontrat::{ContractInput, Quoter};
use coutcontrat_web::components::widgets::french_dates;
use coutcontrat_web::data::referentiel;
use fantoccini::Locator;
use serde_json::Value;

/// A catalogue entry as the page meets it: the fields of the contract (the share link a visitor opens,
/// and the same contract in the JSON interface), and the id of the form element the message belongs to.
struct Case {
    code: &'static str,
    fields: &'static [(&'static str, &'static str)],
    element: &'static str,
}

impl Case {
    /// The share link's query, as the page writes it.
    fn link(&self) -> String {
        coutcontrat_web::query::encode(self.fields)
    }

    /// The same contract in the library's JSON interface.
    fn json(&self) -> String {
        let object: serde_json::Map<String, Value> = self
            .fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), Value::from(*v)))
            .collect();
        Value::Object(object).to_string()
    }
}

const A2_DATES: [(&str, &str); 3] = [
    ("signed_on", "2025-08-15"),
    ("start", "2025-09-01"),
    ("end", "2027-02-28"),
];

const CASES: &[Case] = &[
    Case {
        code: "missing",
        // A level-6-or-more question the contract cannot answer without its level (D8).
        fields: &[
            A2_DATES[0],
            A2_DATES[1],
            A2_DATES[2],
            ("npec", "7000"),
            ("price", "9000"),
        ],
        element: "level",
    },
    Case {
        code: "invalid",
        fields: &[
            A2_DATES[0],
            A2_DATES[1],
            A2_DATES[2],
            ("npec", "7000"),
            ("price", "neuf mille"),
            ("level", "6"),
        ],
        element: "price",
    },
    Case {
        code: "out_of_range",
        fields: &[
            A2_DATES[0],
            A2_DATES[1],
            A2_DATES[2],
            ("npec", "7000"),
            ("price", "-5"),
            ("level", "6"),
        ],
        element: "price",
    },
    Case {
        code: "inconsistent",
        fields: &[
            A2_DATES[0],
            A2_DATES[1],
            ("end", "2025-08-01"),
            ("npec", "7000"),
            ("price", "9000"),
            ("level", "6"),
        ],
        element: "end",
    },
    Case {
        code: "unsupported_regime",
        fields: &[
            ("signed_on", "2018-06-01"),
            ("start", "2018-09-01"),
            ("end", "2020-08-31"),
            ("npec", "7000"),
            ("price", "9000"),
            ("level", "5"),
        ],
        element: "signed_on",
    },
    Case {
        code: "unknown_branch",
        fields: &[
            ("signed_on", "2026-08-15"),
            ("start", "2026-09-01"),
            ("end", "2028-08-31"),
            ("rncp", "RNCP41000"),
            ("idcc", "9998"),
            ("price", "9000"),
            ("level", "5"),
        ],
        element: "branch",
    },
];

/// The library's refusal of a contract: code, field and message.
fn library_refusal(json: &str) -> (String, Option<String>, String) {
    let input = ContractInput::from_json(json).expect("JSON of the test");
    let err = match input.parse() {
        Err(e) => e,
        Ok(contract) => Quoter::new(referentiel())
            .quote(&contract)
            .expect_err("the case is refused by the library"),
    };
    (
        err.code().to_owned(),
        err.field().map(str::to_owned),
        err.message().to_owned(),
    )
}

#[test]
fn every_contract_error_a_visitor_can_cause_shows_the_library_message_next_to_its_field() {
    // Each case is first what it says for the library.
    for case in CASES {
        let (code, _, _) = library_refusal(&case.json());
        assert_eq!(code, case.code, "{}", case.json());
    }
    in_browser(|dist| async move {
        let port = serve(dist);
        let browser = browser(1280, 1600).await;
        let c = &browser.client;
        for case in CASES {
            let (_, field, message) = library_refusal(&case.json());
            c.goto(&format!("http://127.0.0.1:{port}/?{}", case.link()))
                .await
                .expect("page loads");
            let id = format!("{}-error", case.element);
            let shown = poll(
                c,
                &format!("return document.getElementById('{id}')?.textContent ?? null;"),
                |v| v.is_string(),
                &format!("the message of {} ({})", case.element, case.code),
            )
            .await;
            let shown = coutcontrat::case::lowercase(shown.as_str().unwrap_or_default());
            assert!(
                shown.contains(&coutcontrat::case::lowercase(&french_dates(&message))),
                "{} ({field:?}): the page shows « {shown} », the library says « {message} »",
                case.code
            );
            // Only that element is marked wrong, it says so to assistive technology, and no figure
            // is shown while the contract is refused.
            let marked: Value = js(
                c,
                "return Array.from(document.querySelectorAll('[id$=\"-error\"]')).map(e => e.id);",
            )
            .await;
            assert_eq!(marked, serde_json::json!([id]), "{}", case.code);
            let input = c
                .find(Locator::Css(&format!("[aria-describedby~='{id}']")))
                .await
                .unwrap_or_else(|_| panic!("{}: no field described by #{id}", case.code));
            // A missing answer is « to complete », not wrong: the page says so instead of marking it invalid.
            let (invalid, prefix) = if case.code == "missing" {
                (None, "à compléter")
            } else {
                (Some("true"), "erreur")
            };
            assert_eq!(
                input.attr("aria-invalid").await.unwrap().as_deref(),
                invalid,
                "{}",
                case.code
            );
            assert!(shown.starts_with(prefix), "{}: « {shown} »", case.code);
            assert!(c.find(Locator::Id("total-employer")).await.is_err());
            // Nothing of the link is lost: every value is still in the form, as typed.
            let link = settled_address(c).await;
            for (key, _) in case.fields {
                assert!(
                    link.contains(key),
                    "{}: « {key} » dropped from {link}",
                    case.code
                );
            }
        }
        assert_no_console_error(c).await;
    });
}
