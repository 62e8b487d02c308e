//! The CFA's view (`cfa.html`, issue 22), end to end on the release build: opened from a link, typed in key
//! by key, filtered, sorted, downloaded, and read as a screen reader would.
//!
//! Run alone: `scripts/build-web.sh && cargo test -p coutcontrat-web --test cfa`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use coutcontrat_web::cfa::state::{compute, shown, Column, MatrixForm};
use coutcontrat_web::data::Catalog;
use fantoccini::{Client, Locator};
use jiff::civil::date;
use serde_json::Value;
use support::*;

const QUERY: &str = "rncp=RNCP41000&level=5&price=9000&months=24&signed_on=14%2F09%2F2026";

/// The rows of the table: CPNE and the three amounts' cents, in the page's order.
async fn rows(c: &Client) -> Vec<Vec<String>> {
    let v = js(
        c,
        "return Array.from(document.querySelectorAll('#cfa-matrix tbody tr')).map(tr =>
             [tr.dataset.cpne].concat(Array.from(tr.querySelectorAll('td.num')).map(td => td.dataset.value || '')));",
    )
    .await;
    serde_json::from_value(v).expect("rows")
}

/// What the library gives for the same form, in the same order.
fn expected(form: &MatrixForm, filter: &str, column: Column, descending: bool) -> Vec<Vec<String>> {
    let matrix = compute(form, Catalog::embedded()).expect("the library's matrix");
    let cents =
        |m: Option<coutcontrat::money::Money>| m.map(|m| m.cents().to_string()).unwrap_or_default();
    shown(&matrix, filter, column, descending)
        .into_iter()
        .map(|r| {
            vec![
                r.cpne.to_string(),
                cents(r.npec_annual),
                cents(r.opco_total),
                cents(r.employer_total),
            ]
        })
        .collect()
}

async fn wait_for_rows(c: &Client, want: &[Vec<String>], what: &str) {
    let want_json = serde_json::to_value(want).unwrap();
    poll(
        c,
        "return Array.from(document.querySelectorAll('#cfa-matrix tbody tr')).map(tr =>
             [tr.dataset.cpne].concat(Array.from(tr.querySelectorAll('td.num')).map(td => td.dataset.value || '')));",
        |v| *v == want_json,
        what,
    )
    .await;
}

#[test]
fn a_cfa_sees_every_branch_filters_sorts_and_downloads_it() {
    in_browser(|dist| async move {
        let port = serve(dist);
        let b = browser(1280, 1600).await;
        let c = &b.client;
        let base = format!("http://127.0.0.1:{port}/");
        c.goto(&format!("{base}cfa.html?{QUERY}")).await.unwrap();
        let form = MatrixForm::from_query(QUERY, date(2026, 12, 6));
        let all = expected(&form, "", Column::Cpne, false);
        assert!(all.len() > 5, "{} branches", all.len());
        wait_for_rows(c, &all, "every branch, by CPNE").await;
        let status = text_once_shown(c, "cfa-status", "the status line").await;
        assert!(
            status.as_str().unwrap().starts_with(&format!(
                "{} branches sur {}",
                all.len(),
                all.len()
            )),
            "{status}"
        );
        assert_eq!(
            js(
                c,
                "return document.getElementById('cfa-status').getAttribute('role');"
            )
            .await,
            "status"
        );

        // Filtered as typed, key by key: a word of a branch's label, accents aside.
        let matrix = compute(&form, Catalog::embedded()).unwrap();
        let label = matrix
            .rows
            .iter()
            .find_map(|r| r.cpne_label.clone())
            .unwrap();
        let word: String = label
            .split_whitespace()
            .max_by_key(|w| w.chars().count())
            .unwrap()
            .chars()
            .take(6)
            .collect();
        fill(c, "cfa-filter", &word).await;
        let some = expected(&form, &word, Column::Cpne, false);
        assert!(
            !some.is_empty() && some.len() < all.len(),
            "« {word} »: {}",
            some.len()
        );
        wait_for_rows(c, &some, "the filtered branches").await;
        fill(c, "cfa-filter", "").await;
        wait_for_rows(c, &all, "every branch again").await;

        // Sorted by the employer's remaining charge, then the other way; the heading says which.
        for (descending, said) in [(false, "ascending"), (true, "descending")] {
            let heading = "#cfa-matrix thead th:nth-child(6)";
            c.find(Locator::Css(&format!("{heading} button")))
                .await
                .unwrap()
                .click()
                .await
                .unwrap();
            wait_for_rows(
                c,
                &expected(&form, "", Column::Employer, descending),
                "sorted by remaining charge",
            )
            .await;
            let sorted = js(
                c,
                &format!("return document.querySelector('{heading}').getAttribute('aria-sort');"),
            )
            .await;
            assert_eq!(sorted, said);
        }

        // The CSV: a line per branch shown, the figures of the table.
        let href = js(c, "return document.getElementById('cfa-csv').href;").await;
        let csv = decode(
            href.as_str()
                .unwrap()
                .trim_start_matches("data:text/csv;charset=utf-8,"),
        );
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), all.len() + 1, "{csv}");
        assert!(lines[0].starts_with("cpne,cpne_label,idcc,npec_annual"));

        // A new price typed: the figures follow, and the address keeps it.
        fill(c, "price", "12000").await;
        let mut dearer = form.clone();
        dearer.price = "12000".into();
        wait_for_rows(
            c,
            &expected(&dearer, "", Column::Employer, true),
            "the new price's figures",
        )
        .await;
        let address = js(c, "return location.search;").await;
        assert!(
            address.as_str().unwrap().contains("price=12000"),
            "{address}"
        );

        // A wrong box is named next to it and in the list, and nothing is computed from it.
        fill(c, "months", "60").await;
        let said = text_once_shown(c, "months-error", "the duration's message").await;
        assert!(said.as_str().unwrap().contains("6 à 48"), "{said}");
        assert_eq!(
            js(
                c,
                "return document.getElementById('months').getAttribute('aria-invalid');"
            )
            .await,
            "true"
        );
        let described = js(
            c,
            "return document.getElementById('months').getAttribute('aria-describedby');",
        )
        .await;
        assert!(
            described.as_str().unwrap().contains("months-error"),
            "{described}"
        );
        assert!(c.find(Locator::Id("cfa-pending")).await.is_ok());
        assert!(rows(c).await.is_empty());

        let axe = axe_source();
        let violations: Vec<Value> = axe_violations(c, &axe).await;
        assert!(violations.is_empty(), "{violations:#?}");
        fill(c, "months", "24").await;
        wait_for_rows(
            c,
            &expected(&dearer, "", Column::Employer, true),
            "the figures back",
        )
        .await;
        let violations: Vec<Value> = axe_violations(c, &axe).await;
        assert!(violations.is_empty(), "{violations:#?}");
        let png = c.screenshot().await.expect("screenshot");
        std::fs::write(artifacts().join("cfa.png"), png).expect("write the screenshot");
        assert_no_console_error(c).await;
    });
}

/// `encodeURIComponent`'s text back.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() + 1 {
            if let Ok(b) = u8::from_str_radix(&text[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn a_cohort_file_gives_its_payments_month_by_month() {
    use coutcontrat_web::cfa::cohort::read;
    in_browser(|dist| async move {
        // Two contracts and a wrong one, as a French spreadsheet writes them (`;`).
        let text = "signed_on;start;end;rncp;idcc;price;level\n\
            2026-09-14;2026-09-14;2028-09-13;RNCP41000;1351;9000;5\n\
            2026-09-20;2026-10-01;2027-09-30;RNCP41000;1516;8000;6\n\
            2026-09-14;2026-09-14;2028-09-13;RNCP41000;1351;-3;5\n";
        let file = artifacts().join("cohort.csv");
        std::fs::write(&file, text).expect("write the cohort");
        let cohort = read(text, Catalog::embedded()).expect("the library reads it");
        assert_eq!((cohort.quoted, cohort.refused.len()), (2, 1));

        let port = serve(dist);
        let b = browser(1280, 1600).await;
        let c = &b.client;
        c.goto(&format!("http://127.0.0.1:{port}/cfa.html"))
            .await
            .unwrap();
        // The page renders once its WebAssembly runs: the box is there then.
        text_once_shown(c, "cohort-title", "the cohort's section").await;
        let input = c
            .find(Locator::Id("cohort-file"))
            .await
            .expect("#cohort-file");
        input
            .send_keys(file.to_str().expect("a path"))
            .await
            .expect("the file picked");
        let status = text_once_shown(c, "cohort-status", "the cohort's status").await;
        assert!(
            status
                .as_str()
                .unwrap()
                .starts_with("2 contrats chiffrés, 1 refusé"),
            "{status}"
        );
        let months = js(
            c,
            "return Array.from(document.querySelectorAll('#cohort-months tbody tr')).map(tr =>
                 [tr.querySelector('th').textContent].concat(Array.from(tr.querySelectorAll('td')).map(td => td.dataset.value)));",
        )
        .await;
        let want: Vec<Vec<String>> = cohort
            .months
            .iter()
            .map(|m| {
                vec![
                    m.month.clone(),
                    m.opco.cents().to_string(),
                    m.participations.cents().to_string(),
                ]
            })
            .collect();
        assert_eq!(months, serde_json::to_value(&want).unwrap());
        let refused = text_once_shown(c, "cohort-refused", "the refused row").await;
        assert!(
            refused.as_str().unwrap().contains("ligne 4 : price"),
            "{refused}"
        );
        let bars = js(
            c,
            "return document.querySelectorAll('#cohort-chart .chart-month').length;",
        )
        .await;
        assert_eq!(bars.as_u64().unwrap() as usize, cohort.months.len());
        let href = js(c, "return document.getElementById('cohort-csv').href;").await;
        let csv = decode(
            href.as_str()
                .unwrap()
                .trim_start_matches("data:text/csv;charset=utf-8,"),
        );
        assert_eq!(csv.lines().count(), cohort.payments.len() + 1, "{csv}");
        let violations: Vec<Value> = axe_violations(c, &axe_source()).await;
        assert!(violations.is_empty(), "{violations:#?}");
        js(
            c,
            "document.getElementById('cohort-title').scrollIntoView(); return null;",
        )
        .await;
        let png = c.screenshot().await.expect("screenshot");
        std::fs::write(artifacts().join("cfa-cohort.png"), png).expect("write the screenshot");

        // A file that is no batch CSV: one message naming the file and the column.
        let wrong = artifacts().join("not-a-batch.csv");
        std::fs::write(&wrong, "nom,prix\nBTS,9000\n").unwrap();
        input.send_keys(wrong.to_str().unwrap()).await.unwrap();
        let said = text_once_shown(c, "cohort-error", "the file's message").await;
        assert!(
            said.as_str()
                .unwrap()
                .contains("not-a-batch.csv : colonne(s) inconnue(s)"),
            "{said}"
        );
        assert_no_console_error(c).await;
    });
}
