//! Offline: after a first visit, the calculator works with the network gone (its service worker, sw.js).
//! The site is served by `coutcontrat-serve` until the test cuts it off: then every connection is closed
//! unanswered, as with no network.
//!
//! Run alone: `scripts/build-web.sh && cargo test -p coutcontrat-web --test offline`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use coutcontrat::money::cents;
use coutcontrat::{ContractInput, Quoter};
use coutcontrat_web::data::referentiel;
use serde_json::Value;
use support::*;

/// Serves `dir` with the site's headers until `offline` is set; returns the port.
fn serve_until(dir: PathBuf, offline: Arc<AtomicBool>) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            if offline.load(Ordering::SeqCst) {
                drop(stream);
                continue;
            }
            let dir = dir.clone();
            std::thread::spawn(move || coutcontrat_serve::respond(stream, &dir));
        }
    });
    port
}

#[test]
fn after_a_first_visit_the_calculator_works_without_a_network() {
    in_browser(|dist| async move {
        let offline = Arc::new(AtomicBool::new(false));
        let port = serve_until(dist, offline.clone());
        let b = browser(1280, 1400).await;
        let c = &b.client;
        let page = format!("http://127.0.0.1:{port}/index.html");
        c.goto(&page).await.unwrap();
        poll(
            c,
            "return document.getElementById('signed_on') !== null;",
            |v| v == &Value::Bool(true),
            "the calculator",
        )
        .await;
        // The service worker controls the page once it has kept the site's files.
        poll(
            c,
            "return navigator.serviceWorker && navigator.serviceWorker.controller !== null;",
            |v| v == &Value::Bool(true),
            "the service worker",
        )
        .await;

        offline.store(true, Ordering::SeqCst);
        // A share link opened without a network: the page, its WebAssembly and its data come from the copy.
        let link = format!(
            "{page}?signed_on=2026-09-14&start=2026-09-01&end=2028-08-31&rncp=RNCP41000&idcc=1351&price=9000&level=5"
        );
        c.goto(&link).await.unwrap();
        let contract = ContractInput::from_json(
            r#"{"signed_on": "2026-09-14", "start": "2026-09-01", "end": "2028-08-31",
                "rncp": "RNCP41000", "idcc": 1351, "price": "9000", "level": 5}"#,
        )
        .unwrap()
        .parse()
        .unwrap();
        let q = Quoter::new(referentiel()).quote(&contract).unwrap();
        poll(
            c,
            "return document.getElementById('total-employer')?.dataset.value ?? null;",
            |x| x.as_str() == Some(cents(q.totals.employer.into()).to_string().as_str()),
            "the employer's total, offline",
        )
        .await;
        // Typing still works: the whole computation is in the page.
        fill(c, "price", "9500").await;
        let contract = ContractInput::from_json(
            r#"{"signed_on": "2026-09-14", "start": "2026-09-01", "end": "2028-08-31",
                "rncp": "RNCP41000", "idcc": 1351, "price": "9500", "level": 5}"#,
        )
        .unwrap()
        .parse()
        .unwrap();
        let employer = Quoter::new(referentiel())
            .quote(&contract)
            .unwrap()
            .totals
            .employer;
        poll(
            c,
            "return document.getElementById('total-employer')?.dataset.value ?? null;",
            |x| x.as_str() == Some(cents(employer.into()).to_string().as_str()),
            "the new total, offline",
        )
        .await;
        assert_no_console_error(c).await;
    });
}
