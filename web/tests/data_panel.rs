//! The « Données » panel of the release build, in headless Chromium: it names every edition the page holds,
//! says which are extracts, and follows the date of conclusion typed to the edition it selects. And the
//! loading shell of index.html, which the app replaces.
//!
//! Run alone: `scripts/build-web.sh && cargo test -p coutcontrat-web --test data_panel`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use coutcontrat::referentiel::Coverage;
use coutcontrat_web::data::referentiel;
use fantoccini::Locator;
use jiff::civil::date;
use serde_json::Value;
use support::*;

/// The panel's rows: the edition's cell, and the content cell.
async fn rows(c: &fantoccini::Client) -> Vec<(String, String)> {
    let v = js(
        c,
        "return Array.from(document.querySelectorAll('#data-panel tbody tr'))
             .map(r => [r.querySelector('th').textContent, r.querySelectorAll('td')[2].textContent]);",
    )
    .await;
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r[0].as_str().unwrap().to_owned(),
                r[1].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_data_panel_names_every_edition_and_the_one_the_contract_meets() {
    in_browser(|dist| async move {
        let axe = axe_source();
        let port = serve(dist);
        let b = browser(1280, 1400).await;
        let c = &b.client;
        c.goto(&format!("http://127.0.0.1:{port}/index.html"))
            .await
            .unwrap();
        poll(
            c,
            "return document.getElementById('data-summary')?.textContent ?? null;",
            |v| v.is_string(),
            "the data panel",
        )
        .await;
        // The loading shell of index.html is gone once the app runs: one title, no « Chargement ».
        let shell = std::fs::read_to_string(support::dist().join("index.html")).unwrap();
        assert!(
            shell.contains("Chargement du calculateur…"),
            "index.html has no loading shell"
        );
        let started = js(
            c,
            "return [document.querySelectorAll('h1').length, document.querySelector('.shell-loading') === null];",
        )
        .await;
        assert_eq!(started, serde_json::json!([1, true]));
        c.find(Locator::Id("data-summary"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();

        // Every edition of the data, each said complete or an extract.
        let r = referentiel();
        let shown = rows(c).await;
        assert_eq!(shown.len(), r.versions().len(), "{shown:#?}");
        for v in r.versions() {
            let (_, content) = shown
                .iter()
                .find(|(tag, _)| tag.starts_with(&v.tag))
                .unwrap_or_else(|| panic!("edition {} not listed: {shown:#?}", v.tag));
            let want = match v.coverage {
                Coverage::Complete => "fichier officiel complet",
                Coverage::Partial => "extrait partiel",
            };
            assert!(content.starts_with(want), "{}: {content}", v.tag);
        }

        // A contract concluded in October 2025 meets the 2025 edition; in October 2026, the 2026 one.
        for (typed, day) in [
            ("15/10/2025", date(2025, 10, 15)),
            ("15/10/2026", date(2026, 10, 15)),
        ] {
            fill(c, "signed_on", typed).await;
            let edition = r.edition_for(day).expect("an edition in force");
            let summary = poll(
                c,
                "return document.getElementById('data-summary').textContent;",
                |v| {
                    v.as_str()
                        .is_some_and(|t| t.contains(&format!("référentiel NPEC {} ", edition.tag)))
                },
                "the summary to name the edition in force",
            )
            .await;
            let selected: Vec<_> = rows(c)
                .await
                .into_iter()
                .filter(|(tag, _)| tag.ends_with("(retenue pour ce contrat)"))
                .collect();
            assert_eq!(selected.len(), 1, "{selected:#?}");
            assert!(selected[0].0.starts_with(&edition.tag), "{selected:#?}");
            // An extract says so where the data is described, and leads to the NPEC field.
            let partial = js(
                c,
                "const p = document.getElementById('data-partial');
                 return p ? [p.textContent, p.querySelector('a').getAttribute('href')] : null;",
            )
            .await;
            match edition.coverage {
                Coverage::Partial => {
                    assert!(
                        summary.as_str().unwrap().contains("extrait partiel"),
                        "{summary}"
                    );
                    let text = partial[0].as_str().unwrap();
                    assert!(
                        text.starts_with(&format!("L'édition {} est un extrait", edition.tag)),
                        "{text}"
                    );
                    assert_eq!(partial[1], Value::from("#npec"));
                }
                Coverage::Complete => assert_eq!(partial, Value::Null),
            }
        }
        js(
            c,
            "document.getElementById('data-panel').scrollIntoView(); return null;",
        )
        .await;
        let png = c.screenshot().await.expect("screenshot");
        std::fs::write(artifacts().join("data-panel.png"), png).expect("write the screenshot");
        let violations = axe_violations(c, &axe).await;
        assert!(violations.is_empty(), "data panel: {violations:#?}");
        assert_no_console_error(c).await;
    });
}
