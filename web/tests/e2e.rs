//! End-to-end tests of the release build (`dist/`, made by `scripts/build-web.sh`) in headless Chromium.
//!
//! Each test serves `dist/` on 127.0.0.1 (a few lines of std `TcpListener`), starts chromedriver in its own
//! process group (killed by a guard, even when a test panics) and drives Chromium with fantoccini. They
//! fail, saying so, when `dist/` has not been built (tests/support: `dist`); `scripts/test.sh` builds it first.
//!
//! Run them alone: `scripts/build-web.sh && cargo test -p coutcontrat-web --test e2e`.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

mod support;

use support::*;

use coutcontrat::money::{cents, euros};
use coutcontrat::referentiel::CertificationIndex;
use coutcontrat::{ContractInput, Quote, Quoter};
use coutcontrat_web::data::referentiel;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

// ---- The page in a browser (server, chromedriver and the shared helpers: tests/support) -------------

/// A served page, a driver and a browser session; the guard lives as long as the session.
struct Page {
    client: Client,
    base: String,
    _driver: Chromedriver,
}

/// A browser on the page: a desktop window of `width` × `height`, or a phone's screen of that size.
async fn open(dist: PathBuf, width: u32, height: u32) -> Page {
    open_as(dist, width, height, false).await
}

async fn open_as(dist: PathBuf, width: u32, height: u32, phone: bool) -> Page {
    let port = serve(dist);
    let driver = Chromedriver::start();
    let chrome = std::env::var("CHROME").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let mut caps = serde_json::Map::new();
    let mut options = json!({
        "binary": chrome,
        "args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-crash-reporter",
            "--disable-breakpad", "--lang=fr-FR", format!("--window-size={width},{height}"),
        ],
    });
    if phone {
        // Chromium's windows are never narrower than 500 px: a phone is emulated.
        options["mobileEmulation"] =
            json!({ "deviceMetrics": { "width": width, "height": height, "pixelRatio": 1.0 } });
    }
    caps.insert("goog:chromeOptions".into(), options);
    let client = ClientBuilder::new(HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a Chromium session");
    Page {
        client,
        base: format!("http://127.0.0.1:{port}/"),
        _driver: driver,
    }
}

// ---- Helpers ------------------------------------------------------------------------------------------

async fn load(c: &Client, url: &str) {
    c.goto(url).await.expect("page loads");
    // yew renders once the WebAssembly is instantiated.
    poll(
        c,
        "return document.getElementById('results') !== null;",
        |v| v == &Value::Bool(true),
        "the page to render",
    )
    .await;
    let ms = c
        .execute("return Math.round(performance.now());", vec![])
        .await
        .unwrap_or_default();
    eprintln!("{url}: rendered within {ms} ms of navigation");
}

/// Nothing typed leaves the browser: every resource the page loaded or fetched is of its own origin.
async fn assert_same_origin_only(c: &Client) {
    let seen = c
        .execute(
            "return { origin: location.origin,
                      urls: performance.getEntriesByType('resource')
                          .concat(performance.getEntriesByType('navigation'))
                          .map(e => e.name) };",
            vec![],
        )
        .await
        .expect("resource timing");
    let origin = seen["origin"].as_str().expect("an origin").to_owned();
    let urls: Vec<String> = serde_json::from_value(seen["urls"].clone()).expect("names");
    assert!(
        urls.len() >= 3,
        "the page, its script and its WebAssembly at least: {urls:?}"
    );
    let foreign: Vec<&String> = urls
        .iter()
        .filter(|u| !u.starts_with(&format!("{origin}/")) && !u.starts_with("data:"))
        .collect();
    assert!(
        foreign.is_empty(),
        "requests to another origin: {foreign:?}"
    );
}

/// The figures shown, by id: `data-value` of every element that has one in the results, in order.
async fn figures(c: &Client) -> Vec<(String, String)> {
    let value = c
        .execute(
            "return Array.from(document.querySelectorAll('#results [data-value]'))
                 .map(e => [e.id || ('schedule:' + e.dataset.kind), e.dataset.value]);",
            vec![],
        )
        .await
        .expect("figures");
    serde_json::from_value(value).expect("pairs")
}

/// What the page must show for a quote: the same ids, the library's figures.
fn expected(q: &Quote) -> Vec<(String, String)> {
    let v = |d: coutcontrat::money::Money| cents(d.into()).to_string();
    let mut out = vec![
        ("npec-annual".to_owned(), v(q.npec.annual)),
        ("total-opco-all".into(), v(q.totals.opco_all)),
        ("total-opco".into(), v(q.totals.opco)),
    ];
    if let Some(p) = &q.precontract {
        out.push(("precontract".into(), v(p.amount)));
    }
    if let Some(p) = &q.post_rupture {
        out.push(("post-rupture".into(), v(p.amount)));
    }
    if !q.totals.rqth.is_zero() {
        out.push(("total-rqth".into(), v(q.totals.rqth)));
    }
    let modulation = !q.totals.overseas_modulation.is_zero();
    if modulation {
        out.push((
            "total-overseas-modulation".into(),
            v(q.totals.overseas_modulation),
        ));
    }
    if !q.totals.annexes.is_zero() {
        out.push(("total-annexes".into(), v(q.totals.annexes)));
    }
    let excess: coutcontrat::money::Money = q.years.iter().map(|y| y.employer).sum();
    out.push(("total-employer".into(), v(q.totals.employer)));
    out.push(("employer-excess".into(), v(excess)));
    out.push(("participation".into(), v(q.participation)));
    if let Some(p) = &q.precontract {
        out.push(("precontract-line".into(), v(p.amount)));
    }
    if let Some(p) = &q.post_rupture {
        out.push(("post-rupture-line".into(), v(p.amount)));
        if !q.totals.rqth.is_zero() {
            out.push(("post-rupture-rqth".into(), v(p.rqth)));
        }
        if modulation {
            out.push((
                "post-rupture-overseas-modulation".into(),
                v(p.overseas_modulation),
            ));
        }
    }
    for y in &q.years {
        let k = y.index;
        out.push((format!("year-{k}-npec"), v(y.npec)));
        out.push((format!("year-{k}-price"), v(y.price)));
        out.push((format!("year-{k}-opco"), v(y.opco)));
        out.push((format!("year-{k}-employer"), v(y.employer)));
        if !q.totals.rqth.is_zero() {
            out.push((format!("year-{k}-rqth"), v(y.rqth)));
        }
        if modulation {
            out.push((
                format!("year-{k}-overseas-modulation"),
                v(y.overseas_modulation),
            ));
        }
    }
    let teaching: coutcontrat::money::Money = q
        .years
        .iter()
        .map(|y| y.opco)
        .sum::<coutcontrat::money::Money>()
        + q.precontract
            .as_ref()
            .map_or(coutcontrat::money::Money::ZERO, |p| p.amount)
        + q.post_rupture
            .as_ref()
            .map_or(coutcontrat::money::Money::ZERO, |p| p.amount);
    out.push(("total-npec".into(), v(q.totals.npec)));
    out.push(("total-price".into(), v(q.totals.price)));
    out.push(("total-teaching".into(), v(teaching)));
    // « Coût total pour l'employeur », when the contract asks for it.
    if let Some(n) = &q.net_cost {
        out.push(("net-total".into(), v(n.net_total)));
        for (i, y) in n.years.iter().enumerate() {
            let k = i + 1;
            out.push((format!("net-year-{k}-salary"), v(y.salary)));
            if let Some(c) = y.employer_contributions {
                out.push((format!("net-year-{k}-contributions"), v(c)));
            }
            if let Some(h) = y.health_insurance {
                out.push((format!("net-year-{k}-health"), v(h)));
            }
            out.push((format!("net-year-{k}-remaining"), v(y.remaining_charge)));
            out.push((format!("net-year-{k}-aid"), v(y.aid)));
            out.push((format!("net-year-{k}-net"), v(y.net)));
        }
        out.push(("net-salary-total".into(), v(n.salary_total)));
        if let Some(c) = n.employer_contributions_total {
            out.push(("net-contributions-total".into(), v(c)));
        }
        if n.years.iter().any(|y| y.health_insurance.is_some()) {
            let h: coutcontrat::money::Money =
                n.years.iter().filter_map(|y| y.health_insurance).sum();
            out.push(("net-health-total".into(), v(h)));
        }
        out.push(("net-aid-total".into(), v(n.aid_total)));
        if !n.tutor_aid_total.is_zero() {
            out.push(("net-tutor-total".into(), v(n.tutor_aid_total)));
        }
    }
    for i in &q.schedule {
        out.push((format!("schedule:{}", i.kind), v(i.amount)));
    }
    let total: coutcontrat::money::Money = q.schedule.iter().map(|i| i.amount).sum();
    out.push(("schedule-total".into(), v(total)));
    out
}

fn quote(json: &str) -> Quote {
    let contract = ContractInput::from_json(json).unwrap().parse().unwrap();
    Quoter::new(referentiel()).quote(&contract).unwrap()
}

/// RULES.md example A2.
const A2: &str = r#"{"signed_on": "2025-08-15", "start": "2025-09-01", "end": "2027-02-28",
    "npec": "7000", "price": "9000", "level": 6}"#;

async fn fill_a2(c: &Client) {
    fill(c, "signed_on", "15/08/2025").await;
    fill(c, "start", "01/09/2025").await;
    fill(c, "end", "28/02/2027").await;
    fill(c, "npec", "7000").await;
    fill(c, "price", "9000").await;
    c.find(Locator::Id("level"))
        .await
        .expect("#level")
        .select_by_value("6")
        .await
        .expect("level 6");
}

async fn wait_for_figures(c: &Client, want: &[(String, String)]) {
    let total = want
        .iter()
        .find(|(id, _)| id == "total-employer")
        .map(|(_, v)| v.clone())
        .expect("a total");
    poll(
        c,
        "const e = document.getElementById('total-employer'); return e ? e.dataset.value : null;",
        |v| v.as_str() == Some(total.as_str()),
        "the employer's total",
    )
    .await;
    assert_eq!(figures(c).await, want);
}

/// The message under the end date, once it shows.
async fn end_date_message(c: &Client) -> Value {
    text_once_shown(c, "end-error", "the message of the end date").await
}

// ---- Tests --------------------------------------------------------------------------------------------

#[test]
fn a_filled_contract_shows_the_figures_of_the_library() {
    in_browser(|dist| async move {
        let page = open(dist, 1280, 2400).await;
        let c = &page.client;
        load(c, &page.base).await;
        // The defaults are there, the price is asked for.
        assert!(!value_of(c, "start").await.is_empty());
        poll(
            c,
            "return document.getElementById('price-error')?.textContent ?? null;",
            |v| v.as_str().is_some_and(|t| t.contains("prix")),
            "the missing price",
        )
        .await;

        fill_a2(c).await;
        let q = quote(A2);
        wait_for_figures(c, &expected(&q)).await;
        assert_eq!(q.totals.employer.to_string(), "3741.78");
        // The text is the library's formatting too.
        let shown = c
            .find(Locator::Id("total-employer"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(
            shown.replace('\u{a0}', " "),
            euros(q.totals.employer).replace('\u{a0}', " ")
        );
        // A total over the whole contract says so, year by year.
        let span = c
            .find(Locator::Id("employer-span"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
            .replace('\u{a0}', " ");
        let want = format!(
            "Sur toute la durée du contrat (2 années d'exécution) : 1re année {}, 2e année {}, plus la participation de {}.",
            euros(q.years[0].employer),
            euros(q.years[1].employer),
            euros(q.participation)
        )
        .replace('\u{a0}', " ");
        assert_eq!(span, want);
        let provenance = c
            .find(Locator::Id("npec-provenance"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(provenance.contains("manuellement"), "{provenance}");
        // Every figure has its « Comment est-ce calculé ? », with the rule and the article.
        let explained: Value = c
            .execute(
                "return Array.from(document.querySelectorAll('#results details.explain li'))
                     .map(li => li.dataset.figure);",
                vec![],
            )
            .await
            .unwrap();
        for figure in [
            "npec.base",
            "years[0].npec",
            "years[1].opco",
            "participation",
            "totals.employer",
        ] {
            assert!(
                explained.as_array().unwrap().iter().any(|f| f == figure),
                "no explanation for {figure}: {explained}"
            );
        }
        let schedule_first = c
            .find(Locator::Css("#schedule li"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            schedule_first.contains("1er octobre 2025"),
            "{schedule_first}"
        );

        // The screenshot of the filled page, kept as an artifact (with a part opened).
        c.find(Locator::Css("#results details.explain summary"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let png = c.screenshot().await.expect("screenshot");
        let file = artifacts().join("calculator.png");
        std::fs::write(&file, png).expect("write the screenshot");
        eprintln!("screenshot: {}", file.display());
        assert_no_console_error(c).await;
        // Nothing typed left the browser.
        assert_same_origin_only(c).await;
    });
}

#[test]
fn the_share_link_reproduces_the_quote() {
    in_browser(|dist| async move {
        let page = open(dist, 1280, 1600).await;
        let c = &page.client;
        load(c, &page.base).await;
        fill_a2(c).await;
        // An option off the beaten track too: RQTH with its majoration.
        c.find(Locator::Id("rqth"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        fill(c, "rqth_majoration", "1500").await;
        let q = quote(
            r#"{"signed_on": "2025-08-15", "start": "2025-09-01", "end": "2027-02-28",
                "npec": "7000", "price": "9000", "level": 6, "rqth_majoration": "1500"}"#,
        );
        let want = expected(&q);
        wait_for_figures(c, &want).await;

        // The address bar is the share link (once typing has paused); the page's own link says the same.
        let url = settled_address(c).await;
        assert!(url.contains("signed_on=15/08/2025"), "{url}");
        assert!(url.contains("rqth=1"), "{url}");

        // Opened afresh, it gives the same quote and the same fields.
        c.goto("about:blank").await.unwrap();
        load(c, &url).await;
        wait_for_figures(c, &want).await;
        assert_eq!(value_of(c, "price").await, "9000");
        assert_eq!(value_of(c, "signed_on").await, "15/08/2025");
        assert_eq!(value_of(c, "rqth_majoration").await, "1500");
        assert_eq!(value_of(c, "level").await, "6");
        assert_eq!(settled_address(c).await, url);
        assert_no_console_error(c).await;
    });
}

#[test]
fn a_wrong_field_shows_its_message_next_to_it() {
    in_browser(|dist| async move {
        let page = open(dist, 1280, 1600).await;
        let c = &page.client;
        load(c, &page.base).await;
        fill_a2(c).await;
        wait_for_figures(c, &expected(&quote(A2))).await;

        fill(c, "end", "01/08/2025").await;
        let message = end_date_message(c).await;
        assert!(message.as_str().unwrap().contains("précède"), "{message}");
        let end = c.find(Locator::Id("end")).await.unwrap();
        assert_eq!(
            end.attr("aria-invalid").await.unwrap().as_deref(),
            Some("true")
        );
        let described = end
            .attr("aria-describedby")
            .await
            .unwrap()
            .unwrap_or_default();
        assert!(
            described.split(' ').any(|id| id == "end-error"),
            "{described}"
        );
        let next_to_it: Value = c
            .execute(
                "return document.getElementById('end').closest('.field')
                     .contains(document.getElementById('end-error'));",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(next_to_it, Value::Bool(true));
        // Only that field is wrong, nothing typed is lost, and no figure is shown meanwhile.
        let errors: Value = c
            .execute(
                "return Array.from(document.querySelectorAll('[id$=\"-error\"]')).map(e => e.id);",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(errors, json!(["end-error"]));
        assert_eq!(value_of(c, "end").await, "01/08/2025");
        assert_eq!(value_of(c, "price").await, "9000");
        assert_eq!(value_of(c, "npec").await, "7000");
        assert!(c.find(Locator::Id("total-employer")).await.is_err());
        let pending = c
            .find(Locator::Id("pending"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(pending.contains("Date de fin prévue"), "{pending}");

        // Corrected, the figures come back.
        fill(c, "end", "28/02/2027").await;
        wait_for_figures(c, &expected(&quote(A2))).await;
        assert_no_console_error(c).await;
    });
}

#[test]
fn dates_typed_as_french_users_write_them_give_the_same_quote() {
    in_browser(|dist| async move {
        let page = open(dist, 1280, 1600).await;
        let c = &page.client;
        load(c, &page.base).await;
        fill_a2(c).await;
        wait_for_figures(c, &expected(&quote(A2))).await;
        // A phone's numeric keypad is offered on every date box.
        for id in ["signed_on", "start", "end"] {
            let input = c.find(Locator::Id(id)).await.unwrap();
            assert_eq!(
                input.attr("inputmode").await.unwrap().as_deref(),
                Some("numeric"),
                "#{id}"
            );
        }
        // The same contract, its dates in the other ways French users write them, typed key by key.
        fill(c, "signed_on", "15 août 2025").await;
        fill(c, "start", "1/9/25").await;
        fill(c, "end", "28.02.2027").await;
        wait_for_figures(c, &expected(&quote(A2))).await;
        fill(c, "end", "28-02-2027").await;
        wait_for_figures(c, &expected(&quote(A2))).await;
        fill(c, "end", "28022027").await;
        wait_for_figures(c, &expected(&quote(A2))).await;
        // What cannot be read is answered in the form the hint gives, JJ/MM/AAAA.
        fill(c, "end", "fin février").await;
        let message = end_date_message(c).await;
        let message = message.as_str().unwrap();
        assert!(message.contains("JJ/MM/AAAA"), "{message}");
        assert!(!message.contains("AAAA-MM-JJ"), "{message}");
        assert_no_console_error(c).await;
    });
}

#[test]
fn a_certification_is_found_and_chosen_with_the_keyboard() {
    in_browser(|dist| async move {
        let index = CertificationIndex::new(referentiel().certifications());
        // A certification with a label of a few words; the query is one of its words, without accents.
        let target = referentiel()
            .certifications()
            .into_iter()
            .find(|c| c.label.split_whitespace().count() >= 3)
            .expect(
                "the embedded référentiel has a certification of three words or more to search",
            );
        let word = coutcontrat::referentiel::words(&target.label)
            .into_iter()
            .max_by_key(|w| w.len())
            .expect("a word");
        // The page also searches the certification index once its box is first used (issue 18).
        let registry = coutcontrat_web::registry::parse(
            &std::fs::read_to_string(dist.join("certifications.tsv"))
                .expect("dist/certifications.tsv"),
        );
        let hits = coutcontrat_web::data::search_both(
            &index,
            Some(&registry),
            &word,
            coutcontrat_web::state::SUGGESTIONS,
        );
        let page = open(dist, 1280, 1600).await;
        let c = &page.client;
        load(c, &page.base).await;
        fill(c, "certification", &word).await;
        let options = poll(
            c,
            "return Array.from(document.querySelectorAll('#certification-list [role=option]')).length;",
            |v| v.as_u64() == Some(hits.len() as u64),
            "the suggestions of the référentiel and the certification index",
        )
        .await;
        assert_eq!(options.as_u64().unwrap() as usize, hits.len());
        let png = c.screenshot().await.expect("screenshot");
        std::fs::write(artifacts().join("calculator-search.png"), png)
            .expect("write the screenshot");
        let input = c.find(Locator::Id("certification")).await.unwrap();
        assert_eq!(
            input.attr("aria-expanded").await.unwrap().as_deref(),
            Some("true")
        );
        input
            .send_keys(&char::from(Key::Down).to_string())
            .await
            .unwrap();
        input
            .send_keys(&char::from(Key::Enter).to_string())
            .await
            .unwrap();
        let chosen = &hits[0];
        let text = coutcontrat_web::state::certification_text(chosen);
        poll(
            c,
            "return document.getElementById('certification').value;",
            |v| v.as_str() == Some(text.as_str()),
            "the chosen certification",
        )
        .await;
        if let Some(level) = chosen.level_hint {
            assert_eq!(value_of(c, "level").await, level.to_string());
        }
        let address = settled_address(c).await;
        assert!(
            address.contains(&format!("rncp={}", chosen.rncp)),
            "{address}"
        );
        // A shorter link: the chosen certification travels as its code, not its title too.
        assert!(!address.contains("cert_q"), "{address}");
        assert_no_console_error(c).await;
    });
}

/// Issue 18, « every certification by name »: the certification index, fetched on the first use of the box,
/// finds a certification the référentiel does not list by words of its title and its abbreviation, typed key
/// by key, without accents or capitals; the suggestion names the code that replaced it; picking it fills its
/// level.
#[test]
fn a_certification_is_found_by_its_name_in_the_certification_index() {
    in_browser(|dist| async move {
        let tsv = std::fs::read_to_string(dist.join("certifications.tsv"))
            .expect("dist/certifications.tsv");
        let registry = coutcontrat_web::registry::parse(&tsv);
        let index = CertificationIndex::new(referentiel().certifications());
        let query = "bts management commercial";
        let hits = coutcontrat_web::data::search_both(
            &index,
            Some(&registry),
            query,
            coutcontrat_web::state::SUGGESTIONS,
        );
        let target = hits
            .iter()
            .find(|h| {
                index
                    .search(&h.rncp, 1)
                    .first()
                    .is_none_or(|c| c.rncp != h.rncp)
            })
            .expect("a BTS of that name that only the certification index knows")
            .clone();
        let page = open(dist, 1280, 1600).await;
        let c = &page.client;
        load(c, &page.base).await;
        // Nothing of the index before the box is used.
        let fetched = js(c, "return performance.getEntriesByType('resource').some(e => /certifications\\.tsv/.test(e.name));").await;
        assert_eq!(fetched, json!(false));
        let input = c.find(Locator::Id("certification")).await.unwrap();
        input.click().await.unwrap();
        for ch in "BTS Management Commercial".chars() {
            input.send_keys(&ch.to_string()).await.unwrap();
        }
        let labels = poll(
            c,
            "return Array.from(document.querySelectorAll('#certification-list [role=option]')).map(o => o.textContent);",
            |v| v.as_array().is_some_and(|l| l.iter().any(|t| t.as_str().is_some_and(|t| t.contains(&target.rncp)))),
            "the certification index's suggestion",
        )
        .await;
        let label = labels
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|t| t.as_str())
            .find(|t| t.contains(&target.rncp))
            .unwrap()
            .to_owned();
        assert!(label.contains(&target.label), "{label}");
        if target.label.contains("remplacée par") {
            assert!(label.contains("remplacée par RNCP"), "{label}");
        }
        c.execute(
            &format!(
                "Array.from(document.querySelectorAll('#certification-list [role=option]')).find(o => o.textContent.includes('{}')).dispatchEvent(new MouseEvent('mousedown', {{bubbles: true}}));",
                target.rncp
            ),
            vec![],
        )
        .await
        .unwrap();
        poll(
            c,
            "return document.getElementById('certification').value;",
            |v| v.as_str().is_some_and(|t| t.contains(&target.rncp)),
            "the chosen certification",
        )
        .await;
        assert_eq!(
            value_of(c, "level").await,
            target.level_hint.expect("a level").to_string()
        );
        assert_no_console_error(c).await;
    });
}

/// The warm-up after the first paint (`components/part.rs`) searches on a copy of the state and renders it
/// out of sight: once done, nothing of it is in the page, and the form, the address, the focus and the
/// scroll are those of the link opened.
#[test]
fn the_warm_up_of_the_search_leaves_no_trace() {
    in_browser(|dist| async move {
        let page = open(dist, 1280, 900).await;
        let c = &page.client;
        load(c, &format!("{}?cert_q=gestion&price=9000", page.base)).await;
        poll(
            c,
            "return performance.getEntriesByName('coutcontrat-warmed').length;",
            |v| v.as_u64() == Some(1),
            "the warm-up",
        )
        .await;
        let seen = js(
            c,
            "const ids = Array.from(document.querySelectorAll('[id]'), e => e.id);
             return {
                 copies: document.querySelectorAll('.warm-up').length,
                 lists: document.querySelectorAll('[role=listbox]').length,
                 boxes: document.querySelectorAll('[role=combobox]').length,
                 repeated_ids: ids.filter((id, i) => ids.indexOf(id) !== i),
                 expanded: document.getElementById('certification').getAttribute('aria-expanded'),
                 focus_on_body: document.activeElement === document.body,
                 scroll: window.scrollY,
             };",
        )
        .await;
        assert_eq!(seen["copies"], json!(0), "{seen}");
        assert_eq!(
            seen["lists"], seen["boxes"],
            "one list per search box: {seen}"
        );
        assert_eq!(seen["repeated_ids"], json!([]), "{seen}");
        assert_eq!(seen["expanded"], json!("false"), "{seen}");
        assert_eq!(seen["focus_on_body"], json!(true), "{seen}");
        assert_eq!(seen["scroll"], json!(0), "{seen}");
        assert_eq!(value_of(c, "certification").await, "gestion");
        assert_eq!(value_of(c, "price").await, "9000");
        let url = settled_address(c).await;
        assert!(url.contains("cert_q=gestion"), "{url}");
        assert_no_console_error(c).await;
    });
}

#[test]
fn the_page_fits_a_phone() {
    in_browser(|dist| async move {
        let page = open_as(dist, 390, 2400, true).await;
        let c = &page.client;
        load(
            c,
            &format!(
                "{}?signed_on=15/08/2025&start=2025-09-01&end=28/02/2027&npec=7000&price=9000&level=6",
                page.base
            ),
        )
        .await;
        wait_for_figures(c, &expected(&quote(A2))).await;
        // Nothing but the year table (which scrolls inside its own box) is wider than the screen.
        let png = c.screenshot().await.expect("screenshot");
        std::fs::write(artifacts().join("calculator-phone.png"), png)
            .expect("write the screenshot");
        let overflow: Value = c
            .execute(
                "const w = document.documentElement.clientWidth;
                 const wide = Array.from(document.querySelectorAll('body *'))
                     .filter(e => !e.closest('.table-scroll') && e.getBoundingClientRect().right > w + 1)
                     .map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
                 return { width: w, scroll: document.documentElement.scrollWidth, wide: wide.slice(0, 10) };",
                vec![],
            )
            .await
            .unwrap();
        assert!(
            overflow["scroll"].as_u64() <= overflow["width"].as_u64(),
            "the page is wider than the phone: {overflow}"
        );
        // The year table without a horizontal scroll: each year's OPCO and employer figures on screen.
        let years = js(
            c,
            "const w = document.documentElement.clientWidth;
             const box = document.querySelector('#years').closest('.table-scroll');
             const inside = id => { const r = document.getElementById(id).getBoundingClientRect(); return r.left >= 0 && r.right <= w; };
             return { scrolls: box.scrollWidth > box.clientWidth, opco: inside('year-1-opco'), employer: inside('year-1-employer') };",
        )
        .await;
        assert_eq!(
            years,
            json!({"scrolls": false, "opco": true, "employer": true}),
            "{years}"
        );
        // The bar at the bottom of the screen: the employer's whole cost once it is known.
        load(
            c,
            &format!(
                "{}?signed_on=15/08/2025&start=2025-09-01&end=28/02/2027&npec=7000&price=9000&level=6\
                 &birth_date=2006-03-10&company_headcount=10",
                page.base
            ),
        )
        .await;
        let whole = quote(
            r#"{"signed_on": "2025-08-15", "start": "2025-09-01", "end": "2027-02-28", "npec": "7000",
                "price": "9000", "level": 6, "birth_date": "2006-03-10", "company_headcount": 10}"#,
        );
        let net = euros(whole.net_cost.as_ref().expect("a whole cost").net_total);
        let bar = poll(
            c,
            "const p = document.getElementById('peek'); return p ? p.textContent : null;",
            |v| v.as_str().is_some_and(|t| t.contains("Coût net")),
            "the bar with the whole cost",
        )
        .await;
        assert!(
            bar.as_str()
                .unwrap()
                .contains(&format!("Coût net employeur : {net}")),
            "{bar}"
        );
        assert_no_console_error(c).await;
    });
}

#[test]
fn the_page_meets_wcag_2_1_aa_by_axe() {
    in_browser(|dist| async move {
        let axe = axe_source();
        let page = open(dist, 1280, 1600).await;
        let c = &page.client;
        // Every part shown: results with RQTH and distance, the folding parts open, a CPNE choice absent
        // (it needs an ambiguous IDCC) but the search list open.
        let url = format!(
            "{}?signed_on=15/08/2025&start=2025-09-01&end=28/02/2027&npec=7000&price=9000&level=6\
             &rqth=1&rqth_majoration=1500&distance=1&distance_share=85&annexes.nights=2&cfa_entry_on=2025-07-01\
             &birth_date=15/03/2006&company_headcount=12&tutor_aid=100",
            page.base
        );
        load(c, &url).await;
        poll(
            c,
            "return document.getElementById('total-employer') !== null;",
            |v| v == &Value::Bool(true),
            "the figures",
        )
        .await;
        let violations = axe_violations(c, &axe).await;
        assert!(violations.is_empty(), "filled page: {violations:#?}");
        // Landmarks a screen reader lists, each named once, and the headings' outline (issue 20).
        let landmarks = [
            "landmark-unique",
            "landmark-one-main",
            "landmark-no-duplicate-banner",
            "landmark-no-duplicate-contentinfo",
            "landmark-banner-is-top-level",
            "landmark-contentinfo-is-top-level",
            "page-has-heading-one",
            "heading-order",
            "region",
        ];
        let violations = axe_rule_violations(c, &axe, &landmarks).await;
        assert!(violations.is_empty(), "landmarks: {violations:#?}");

        // With messages next to wrong fields, and no figures.
        fill(c, "end", "01/08/2025").await;
        fill(c, "price", "neuf mille").await;
        poll(
            c,
            "return document.getElementById('price-error') !== null;",
            |v| v == &Value::Bool(true),
            "the price's message",
        )
        .await;
        let violations = axe_violations(c, &axe).await;
        assert!(violations.is_empty(), "page with errors: {violations:#?}");
        assert_no_console_error(c).await;

        // The checker is awake: a box without a label, planted, is reported.
        c.execute(
            "const i = document.createElement('input'); i.type = 'text';
             document.querySelector('main').appendChild(i);",
            vec![],
        )
        .await
        .unwrap();
        let violations = axe_violations(c, &axe).await;
        assert!(
            violations.iter().any(|v| v["id"] == "label"),
            "axe missed a planted unlabelled box: {violations:#?}"
        );
    });
}

// ---- The employer's whole cost (issue 7) ------------------------------------------------------------

/// A2, an apprentice born 15/03/2006, a company of 12, a maître d'apprentissage aid of 100 € a month.
const A2_NET: &str = r#"{"signed_on": "2025-08-15", "start": "2025-09-01", "end": "2027-02-28",
    "npec": "7000", "price": "9000", "level": 6, "birth_date": "2006-03-15", "company_headcount": 12,
    "tutor_aid": "100"}"#;

#[test]
fn the_whole_cost_shows_the_figures_of_the_library() {
    in_browser(|dist| async move {
        let page = open(dist, 1280, 2400).await;
        let c = &page.client;
        load(c, &page.base).await;
        fill_a2(c).await;
        wait_for_figures(c, &expected(&quote(A2))).await;
        // Until a date of birth is given, the section says what it needs.
        let invite = c
            .find(Locator::Id("net-cost-invite"))
            .await
            .expect("#net-cost-invite")
            .text()
            .await
            .unwrap();
        assert!(invite.contains("date de naissance"), "{invite}");

        fill(c, "birth_date", "15/03/2006").await;
        // The headcount is asked for next to its box; the quote stays on screen meanwhile.
        let asked = text_once_shown(c, "company_headcount-error", "the headcount asked for").await;
        assert!(asked.as_str().unwrap().contains("effectif"), "{asked}");
        assert!(c.find(Locator::Id("total-employer")).await.is_ok());
        assert!(c.find(Locator::Id("net-cost-pending")).await.is_ok());

        fill(c, "company_headcount", "12").await;
        fill(c, "tutor_aid", "100").await;
        let q = quote(A2_NET);
        let net = q
            .net_cost
            .as_ref()
            .expect("the library computes the whole cost");
        assert!(!net.tutor_aid_total.is_zero());
        poll(
            c,
            "const e = document.getElementById('net-tutor-total'); return e ? e.dataset.value : null;",
            |v| v.as_str() == Some(cents(net.tutor_aid_total.into()).to_string().as_str()),
            "the maître d'apprentissage aid",
        )
        .await;
        assert_eq!(figures(c).await, expected(&q));
        // Plainly: what the cost leaves out.
        let left_out = c
            .find(Locator::Id("net-not-modelled"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        for item in &net.not_modelled {
            let start: String = item.chars().skip(1).take(30).collect();
            assert!(left_out.contains(&start), "{item} in {left_out}");
        }
        // The net includes the employer's contributions, and says so.
        let line = c
            .find(Locator::Css(".net-cost .figure-line"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(line.contains("cotisations patronales"), "{line}");
        // The chart: one bar per year, and a screen reader hears every year's figures.
        let chart: Value = c
            .execute(
                "const s = document.querySelector('#net-chart svg');
                 return [s.getAttribute('role'), s.getAttribute('aria-label'),
                         s.querySelectorAll('.chart-year').length];",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(chart[0], "img");
        let heard = chart[1].as_str().unwrap();
        for (i, y) in net.years.iter().enumerate() {
            let said = format!(
                "Année {} : salaire brut {}",
                i + 1,
                coutcontrat::money::euros(y.salary)
            );
            assert!(heard.contains(&said), "{said} in {heard}");
            let net_said = format!("coût net {}", coutcontrat::money::euros(y.net));
            assert!(heard.contains(&net_said), "{net_said} in {heard}");
        }
        assert_eq!(chart[2].as_u64().unwrap() as usize, net.years.len());
        // « Comment est-ce calculé ? »: the aid's text, and the salary month by month.
        c.find(Locator::Css("#net-cost-explain summary"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let rows: Value = c
            .execute(
                "return document.querySelectorAll('#net-months tbody tr').length;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(rows.as_u64().unwrap() as usize, net.months.len());
        let explained = c
            .find(Locator::Id("net-cost-explain"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(explained.contains(&net.aid_reference), "{explained}");
        let lines: Value = c
            .execute(
                "return document.querySelectorAll('#net-contribution-lines tbody tr').length;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(
            lines.as_u64().unwrap() as usize,
            net.contribution_lines.len()
        );

        // The establishment's own AT/MP rate and its mutuelle, typed in per cent in their folded part.
        c.find(Locator::Css("#net-cost-form details.more summary"))
            .await
            .expect("the contributions' part")
            .click()
            .await
            .unwrap();
        fill(c, "atmp_rate", "2,5").await;
        fill(c, "health_insurance_monthly", "60").await;
        let q = quote(&A2_NET.replace(
            r#""tutor_aid": "100""#,
            r#""tutor_aid": "100", "atmp_rate": "2,5 %", "health_insurance_monthly": "60""#,
        ));
        let net = q.net_cost.as_ref().unwrap();
        let total = cents(net.net_total.into()).to_string();
        poll(
            c,
            "const e = document.getElementById('net-health-total'); return e ? document.getElementById('net-total').dataset.value : null;",
            |v| v.as_str() == Some(total.as_str()),
            "the net with the AT/MP rate and the mutuelle",
        )
        .await;
        assert_eq!(figures(c).await, expected(&q));

        // The share link carries the section.
        let url = settled_address(c).await;
        for key in [
            "birth_date=15/03/2006",
            "company_headcount=12",
            "tutor_aid=100",
            "atmp_rate=2%2C5",
            "health_insurance_monthly=60",
        ] {
            assert!(url.contains(key), "{key} in {url}");
        }
        c.goto("about:blank").await.unwrap();
        load(c, &url).await;
        wait_for_figures(c, &expected(&q)).await;
        let png = c.screenshot().await.expect("screenshot");
        std::fs::write(artifacts().join("calculator-net-cost.png"), png)
            .expect("write the screenshot");
        assert_no_console_error(c).await;
        assert_same_origin_only(c).await;
    });
}

// ---- Hardening (issue 8) ----------------------------------------------------------------------------

#[test]
fn a_panic_shows_a_message_and_a_way_to_report_it() {
    in_browser(|dist| async move {
        let page = open(dist, 1280, 1600).await;
        let c = &page.client;
        load(
            c,
            &format!(
                "{}?signed_on=15/08/2025&start=2025-09-01&end=28/02/2027&npec=7000&price=9000&level=6&debug_panic=1",
                page.base
            ),
        )
        .await;
        let shown = poll(
            c,
            "const e = document.getElementById('crash');
             return e && !e.hidden && getComputedStyle(e).display !== 'none'
                 ? document.getElementById('crash-details').textContent : null;",
            |v| v.is_string(),
            "the message of the failed page",
        )
        .await;
        let details = shown.as_str().unwrap();
        assert!(details.contains("debug_panic"), "{details}");
        assert!(details.contains("Version : coutcontrat-web"), "{details}");
        let crash = c.find(Locator::Id("crash")).await.unwrap();
        let text = crash.text().await.unwrap();
        assert!(text.contains("Le calculateur s'est arrêté"), "{text}");
        assert!(
            text.contains("Rien de ce que vous avez saisi n'a été envoyé"),
            "{text}"
        );
        // The element written in index.html, not the stand-in crash.rs builds for a page without it.
        assert!(text.contains("repartez d'une page vierge"), "{text}");
        assert_eq!(crash.attr("role").await.unwrap().as_deref(), Some("alert"));
        // The report: a new issue with the text prefilled, only if the visitor follows it.
        let report = c
            .find(Locator::Id("crash-report"))
            .await
            .unwrap()
            .attr("href")
            .await
            .unwrap()
            .unwrap_or_default();
        assert!(
            report.starts_with(&format!("{}?title=", coutcontrat_web::crash::ISSUES)),
            "{report}"
        );
        assert!(report.contains("debug_panic"), "{report}");
        // Not a blank page: the message is on top, the dead page below it is inert, the focus on the
        // message.
        let state: Value = c
            .execute(
                "return { text: document.body.innerText.length,
                          inert: document.querySelector('main')?.closest('[inert]') !== null,
                          focus: document.activeElement?.id };",
                vec![],
            )
            .await
            .unwrap();
        assert!(state["text"].as_u64().unwrap() > 500, "{state}");
        assert_eq!(state["inert"], Value::Bool(true), "{state}");
        assert_eq!(state["focus"], json!("crash-title"), "{state}");
        let png = c.screenshot().await.expect("screenshot");
        std::fs::write(artifacts().join("calculator-panic.png"), png)
            .expect("write the screenshot");
        // The panic is in the console (that is its purpose); nothing else: no CSP violation, no request.
        let errors = page_errors(c).await;
        assert!(
            errors.iter().any(|e| e.contains("debug_panic")),
            "{errors:#?}"
        );
        assert!(!errors.iter().any(|e| e.contains("CSP")), "{errors:#?}");
        assert_same_origin_only(c).await;
    });
}

#[test]
fn a_tampered_share_link_says_what_is_wrong_and_keeps_the_rest() {
    in_browser(|dist| async move {
        let axe = axe_source();
        let page = open(dist, 1280, 2000).await;
        let c = &page.client;
        let long = "x".repeat(coutcontrat_web::state::MAX_VALUE_CHARS + 10);
        load(
            c,
            &format!(
                "{}?signed_on=15/08/2025&start=2025-09-01&end=2027-13-45&npec=7000&price=9000&level=6\
                 &utm_source=news&cert_q=Ma%zzitre&rqth=peut-%C3%AAtre&branch_q={long}&birth_date=1905-03-15",
                page.base
            ),
        )
        .await;
        let notes = poll(
            c,
            "return document.getElementById('link-notes')?.innerText ?? null;",
            |v| v.is_string(),
            "the list of what is wrong in the link",
        )
        .await;
        let notes = notes.as_str().unwrap();
        for part in ["utm_source", "mal encodés", "case à cocher", "trop longue"] {
            assert!(notes.contains(part), "{part} in {notes}");
        }
        // Each note next to its field, referred to by the box.
        for id in ["certification", "rqth", "branch"] {
            let next_to_it: Value = c
                .execute(
                    &format!(
                        "const box = document.getElementById('{id}');
                         const note = document.getElementById('{id}-link');
                         return note !== null && box.parentElement.closest('.field, .check').contains(note)
                             && box.getAttribute('aria-describedby').split(' ').includes('{id}-link');"
                    ),
                    vec![],
                )
                .await
                .unwrap();
            assert_eq!(next_to_it, Value::Bool(true), "the note of #{id}");
        }
        // The wrong values have their messages, as if typed; the rest of the form is there.
        let end = text_once_shown(c, "end-error", "the message of the end date").await;
        assert!(end.as_str().unwrap().contains("2027-13-45"), "{end}");
        let birth = c
            .find(Locator::Id("birth_date-error"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(birth.contains("ans au début du contrat"), "{birth}");
        assert_eq!(value_of(c, "end").await, "2027-13-45");
        assert_eq!(value_of(c, "certification").await, "Ma%zzitre");
        assert_eq!(value_of(c, "branch").await, "");
        assert_eq!(value_of(c, "price").await, "9000");
        assert_eq!(value_of(c, "npec").await, "7000");
        assert_eq!(value_of(c, "level").await, "6");
        let violations = axe_violations(c, &axe).await;
        assert!(
            violations.is_empty(),
            "page with link notes: {violations:#?}"
        );

        // Corrected, the notes go and the figures are the library's.
        fill(c, "end", "28/02/2027").await;
        fill(c, "certification", "").await;
        fill(c, "birth_date", "").await;
        wait_for_figures(c, &expected(&quote(A2))).await;
        assert!(c.find(Locator::Id("certification-link")).await.is_err());
        assert!(
            c.find(Locator::Id("rqth-link")).await.is_ok(),
            "untouched, kept"
        );
        let url = settled_address(c).await;
        assert!(!url.contains("utm_source") && !url.contains("%zz"), "{url}");
        assert_no_console_error(c).await;
        assert_same_origin_only(c).await;
    });
}

#[test]
fn the_page_runs_under_a_strict_content_security_policy() {
    in_browser(|dist| async move {
        // The built page: the policy first in <head>, and no inline script at all.
        let html = std::fs::read_to_string(dist.join("index.html")).expect("dist/index.html");
        let policy = html
            .split("http-equiv=\"Content-Security-Policy\" content=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("a Content-Security-Policy meta element")
            .to_owned();
        for directive in [
            "default-src 'none'",
            "script-src 'self' 'wasm-unsafe-eval'",
            "style-src 'self'",
            "connect-src 'self'",
        ] {
            assert!(policy.contains(directive), "{directive} in {policy}");
        }
        assert!(
            !policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"),
            "{policy}"
        );
        let head = html.split("<head>").nth(1).unwrap();
        assert!(
            head.find("Content-Security-Policy").unwrap() < head.find("<script").unwrap(),
            "the policy comes before any script"
        );
        for script in html.split("<script").skip(1) {
            let tag = script.split('>').next().unwrap();
            assert!(
                tag.contains(" src="),
                "an inline script in dist/index.html: <script{tag}>"
            );
        }
        assert!(
            !html.contains(" style="),
            "an inline style in dist/index.html"
        );

        // The page works under it, without a single violation.
        let page = open(dist, 1280, 1600).await;
        let c = &page.client;
        load(c, &page.base).await;
        fill_a2(c).await;
        wait_for_figures(c, &expected(&quote(A2))).await;
        assert_no_console_error(c).await;

        // The policy is enforced, and the page hears of violations: an inline script and eval are refused.
        // (The driver's own script may eval; what it schedules runs as the page's code, under the policy.)
        let probe = c
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const s = document.createElement('script');
                 s.textContent = 'window.__inlineRan = true;';
                 document.body.appendChild(s);
                 setTimeout(() => {
                     let evaluated;
                     try { evaluated = eval('1 + 1'); } catch (e) { evaluated = e.name; }
                     setTimeout(() => done({ inline: window.__inlineRan === true, evaluated }), 300);
                 }, 0);",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(probe["inline"], Value::Bool(false), "{probe}");
        assert_eq!(probe["evaluated"], json!("EvalError"), "{probe}");
        let errors = page_errors(c).await;
        assert!(
            errors
                .iter()
                .any(|e| e.contains("CSP violation: script-src")),
            "the violation was not heard: {errors:#?}"
        );
    });
}

/// D25 and D22 as an employer meets them: the boxes of an avenant appear once « Avenant » is chosen, a change
/// of CFA in the probation says who receives the 750 € and changes no figure; the OPCO's overseas modulation
/// is asked once a territory is chosen, and is paid on top, as the library says.
#[test]
fn an_avenant_and_an_overseas_modulation_are_asked_where_they_matter() {
    in_browser(|dist| async move {
        let page = open(dist, 1280, 2400).await;
        let c = &page.client;
        load(c, &page.base).await;
        fill_a2(c).await;
        wait_for_figures(c, &expected(&quote(A2))).await;
        assert!(c.find(Locator::Id("cfa_change")).await.is_err());
        assert!(c
            .find(Locator::Id("npec_overseas_modulation"))
            .await
            .is_err());

        c.find(Locator::XPath("//summary[contains(., 'avenant')]"))
            .await
            .expect("the « Situations particulières » part")
            .click()
            .await
            .unwrap();
        c.find(Locator::Id("contract_kind"))
            .await
            .expect("#contract_kind")
            .select_by_value("avenant")
            .await
            .unwrap();
        c.find(Locator::Id("cfa_change"))
            .await
            .expect("the change of CFA, once « Avenant » is chosen")
            .select_by_value("during_probation")
            .await
            .unwrap();
        let said = poll(
            c,
            "const w = document.getElementById('warnings'); return w && w.textContent.includes('second CFA') ? w.textContent : null;",
            |v| v.is_string(),
            "the line on the change of CFA",
        )
        .await;
        assert!(said.as_str().unwrap().contains("750,00"), "{said}");
        let avenant = quote(
            r#"{"signed_on": "2025-08-15", "start": "2025-09-01", "end": "2027-02-28", "npec": "7000",
                "price": "9000", "level": 6, "contract_kind": "avenant", "cfa_change": "during_probation"}"#,
        );
        assert_eq!(expected(&avenant), expected(&quote(A2)));
        assert_eq!(figures(c).await, expected(&avenant));

        c.find(Locator::Id("territory"))
            .await
            .expect("#territory")
            .select_by_value("martinique")
            .await
            .unwrap();
        fill(c, "npec_overseas_modulation", "1000").await;
        let q = quote(
            r#"{"signed_on": "2025-08-15", "start": "2025-09-01", "end": "2027-02-28", "npec": "7000",
                "price": "9000", "level": 6, "contract_kind": "avenant", "cfa_change": "during_probation",
                "territory": "martinique", "npec_overseas_modulation": "1000"}"#,
        );
        assert!(!q.totals.overseas_modulation.is_zero());
        wait_for_figures(c, &expected(&q)).await;
        let card = c
            .find(Locator::Css(".card-opco"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(card.contains("Modulation du NPEC outre-mer"), "{card}");
        assert_no_console_error(c).await;
    });
}

/// Issue 20, « a quiet screen reader »: the results are not a live region; one status line says the key
/// figures, and one keystroke in the price changes that line only, once. The search boxes say what they
/// found (how many suggestions, or that nothing matches), and the required boxes say so.
#[test]
fn one_keystroke_is_one_announcement_and_the_searches_say_what_they_found() {
    in_browser(|dist| async move {
        let page = open(dist, 1280, 1600).await;
        let c = &page.client;
        load(c, &page.base).await;
        let required = |id: &'static str| async move {
            js(
                c,
                &format!("return document.getElementById('{id}').getAttribute('aria-required');"),
            )
            .await
        };
        assert_eq!(required("certification").await, json!("true"));
        assert_eq!(required("level").await, json!("true"));
        assert_eq!(required("price").await, json!("true"));
        // Nothing matches: said under the box, in words, instead of « à compléter ».
        fill(c, "certification", "zzzqqq").await;
        let said = poll(
            c,
            "return document.getElementById('certification-status').textContent || null;",
            |v| v.is_string(),
            "the certification box's status",
        )
        .await;
        assert!(
            said.as_str()
                .unwrap()
                .contains("Aucune certification ne correspond"),
            "{said}"
        );
        assert!(
            js(
                c,
                "return document.getElementById('certification-status').checkVisibility();"
            )
            .await
                == json!(true)
        );
        fill(c, "branch", "99999").await;
        let said = poll(
            c,
            "return document.getElementById('branch-status').textContent || null;",
            |v| v.is_string(),
            "the branch box's status",
        )
        .await;
        assert!(
            said.as_str()
                .unwrap()
                .contains("Aucune convention ne correspond"),
            "{said}"
        );
        let field_message = js(
            c,
            "return document.getElementById('branch-error')?.textContent ?? '';",
        )
        .await;
        assert!(
            !field_message.as_str().unwrap().contains("À compléter"),
            "{field_message}"
        );
        // A code on its way (« 12 » before « 1274 »): suggestions, counted for the ear, no error.
        let signed = jiff::civil::date(2025, 8, 15);
        let hits = referentiel().search_branches("12", signed, coutcontrat_web::state::SUGGESTIONS);
        assert!(
            !hits.is_empty(),
            "the embedded data have IDCC codes that start with 12"
        );
        fill(c, "signed_on", "15/08/2025").await;
        fill(c, "branch", "12").await;
        let count = poll(
            c,
            "const s = document.getElementById('branch-status').textContent; return /suggestion/.test(s) ? s : null;",
            |v| v.is_string(),
            "the count of suggestions",
        )
        .await;
        let n = hits.len();
        let want = if n == 1 {
            "1 suggestion".to_owned()
        } else {
            format!("{n} suggestions")
        };
        assert_eq!(count.as_str().unwrap(), want);
        assert_eq!(
            js(c, "return document.getElementById('branch-error');").await,
            Value::Null,
            "« 12 » on its way to « 1274 » is no error yet"
        );
        fill(c, "branch", "").await;
        fill(c, "certification", "").await;

        fill_a2(c).await;
        let a2 = quote(A2);
        wait_for_figures(c, &expected(&a2)).await;
        assert_eq!(
            js(
                c,
                "return document.getElementById('results').getAttribute('aria-live');"
            )
            .await,
            Value::Null
        );
        assert_eq!(
            required("certification").await,
            Value::Null,
            "not required once an NPEC is typed"
        );
        let status = |q: &Quote| {
            format!(
                "NPEC {} ; l'OPCO verse {} ; reste à charge de l'employeur {} sur {} années",
                euros(q.npec.annual),
                euros(q.totals.opco_all),
                euros(q.totals.employer),
                q.years.len()
            )
        };
        assert_eq!(
            js(
                c,
                "return document.getElementById('live-status').textContent;"
            )
            .await,
            json!(status(&a2))
        );
        // Every live region's text, then one keystroke, then what changed: one region, one mutation.
        js(
            c,
            "const live = '[aria-live],[role=status],[role=alert],[role=log]';
             window.__changes = [];
             window.__before = Array.from(document.querySelectorAll(live)).map(e => [e.id, e.textContent]);
             new MutationObserver(records => {
                 for (const r of records) {
                     const node = r.target.nodeType === 1 ? r.target : r.target.parentElement;
                     const region = node && node.closest(live);
                     if (region) window.__changes.push(region.id || region.className);
                 }
             }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: false });
             return true;",
        )
        .await;
        let price = c.find(Locator::Id("price")).await.unwrap();
        price.send_keys("0").await.unwrap();
        let q = quote(
            r#"{"signed_on": "2025-08-15", "start": "2025-09-01", "end": "2027-02-28",
                "npec": "7000", "price": "90000", "level": 6}"#,
        );
        wait_for_figures(c, &expected(&q)).await;
        let changed = js(
            c,
            "const live = '[aria-live],[role=status],[role=alert],[role=log]';
             const after = new Map(Array.from(document.querySelectorAll(live)).map(e => [e.id, e.textContent]));
             return { regions: window.__before.filter(([id, text]) => after.get(id) !== text).map(([id]) => id),
                      mutations: window.__changes };",
        )
        .await;
        assert_eq!(changed["regions"], json!(["live-status"]), "{changed}");
        assert_eq!(changed["mutations"], json!(["live-status"]), "{changed}");
        assert_eq!(
            js(
                c,
                "return document.getElementById('live-status').textContent;"
            )
            .await,
            json!(status(&q))
        );
        // « Lien copié » is heard, not only seen.
        c.find(Locator::Id("copy-link"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        poll(
            c,
            "return document.getElementById('copy-status').textContent;",
            |v| v.as_str() == Some("Lien copié"),
            "« Lien copié » in a status region",
        )
        .await;
        assert_no_console_error(c).await;
    });
}

/// Issue 20: a date's problem is said next to that date, not only in the results; a rupture within the
/// probation's days of the start, the box unticked, suggests the box.
#[test]
fn the_dates_say_their_own_problems_and_a_short_rupture_suggests_the_probation() {
    in_browser(|dist| async move {
        let page = open(dist, 1280, 2400).await;
        let c = &page.client;
        load(c, &page.base).await;
        fill_a2(c).await;
        wait_for_figures(c, &expected(&quote(A2))).await;
        let said = |id: &'static str| async move {
            js(
                c,
                &format!("return document.getElementById('{id}')?.textContent ?? null;"),
            )
            .await
        };
        assert_eq!(
            said("end-note").await,
            Value::Null,
            "A2 is within the limits"
        );
        // No internal tokens before the public: rule codes and rule-set names stay in the JSON.
        let shown = js(c, "return document.getElementById('results').textContent;").await;
        let shown = shown.as_str().unwrap();
        for token in ["règles «", "Règle D", "daily-", "monthly-"] {
            assert!(!shown.contains(token), "« {token} » in the results");
        }
        let iso = js(
            c,
            "return (document.getElementById('results').textContent.match(/\\b\\d{4}-\\d{2}-\\d{2}\\b/g) || []);",
        )
        .await;
        assert_eq!(iso, json!([]), "ISO dates in the results' sentences");
        let message = |json: &str, code: &str| {
            quote(json)
                .warnings
                .into_iter()
                .find(|w| w.code == code)
                .unwrap_or_else(|| panic!("the library warns {code} on {json}"))
                .message
        };
        fill(c, "end", "31/08/2029").await;
        let long = message(
            r#"{"signed_on": "2025-08-15", "start": "2025-09-01", "end": "2029-08-31",
                "npec": "7000", "price": "9000", "level": 6}"#,
            "duration_over_max",
        );
        let note = text_once_shown(c, "end-note", "the end date's note").await;
        assert_eq!(
            note.as_str().unwrap(),
            format!("Date de fin prévue : {long}")
        );
        assert!(
            long.contains("01/09/2025 → 31/08/2029"),
            "French dates: {long}"
        );
        fill(c, "end", "28/02/2027").await;
        fill(c, "signed_on", "05/09/2025").await;
        let late = message(
            r#"{"signed_on": "2025-09-05", "start": "2025-09-01", "end": "2027-02-28",
                "npec": "7000", "price": "9000", "level": 6}"#,
            "signed_after_start",
        );
        let note = text_once_shown(c, "signed_on-note", "the conclusion date's note").await;
        assert_eq!(
            note.as_str().unwrap(),
            format!("Date de conclusion : {late}")
        );
        assert_eq!(said("end-note").await, Value::Null);
        fill(c, "signed_on", "15/08/2025").await;

        c.find(Locator::XPath("//summary[contains(., 'rupture')]"))
            .await
            .expect("the « Situations particulières » part")
            .click()
            .await
            .unwrap();
        // 1 September to 11 October, both included: 41 days, within the 45 of the probation.
        fill(c, "rupture_on", "11/10/2025").await;
        let hint = text_once_shown(c, "probation-hint", "the probation hint").await;
        assert!(
            hint.as_str()
                .unwrap()
                .starts_with("Rupture 41 jours après le début"),
            "{hint}"
        );
        c.find(Locator::Id("rupture_during_probation"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        poll(
            c,
            "return document.getElementById('probation-hint') === null;",
            |v| v == &json!(true),
            "the hint to go once the box is ticked",
        )
        .await;
        c.find(Locator::Id("rupture_during_probation"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        fill(c, "rupture_on", "30/10/2025").await;
        poll(
            c,
            "return document.getElementById('probation-hint') === null;",
            |v| v == &json!(true),
            "no hint 60 days after the start",
        )
        .await;
        fill(c, "rupture_on", "").await;

        // A conclusion a year after the newest edition began: another edition will probably apply.
        assert_eq!(said("npec-next-edition").await, Value::Null);
        let newest = referentiel()
            .versions()
            .iter()
            .max_by_key(|v| v.applies_from)
            .expect("an edition");
        let later = coutcontrat::dates::add_years(newest.applies_from, 1);
        let d = |date: jiff::civil::Date| {
            format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
        };
        fill(c, "signed_on", &d(later)).await;
        fill(c, "start", &d(later)).await;
        fill(c, "end", &d(coutcontrat::dates::add_years(later, 2))).await;
        // An NPEC from the référentiel (a typed one does not depend on the edition): BTS MOS, IDCC 1351.
        fill(c, "npec", "").await;
        fill(c, "certification", "RNCP41000").await;
        fill(c, "branch", "1351").await;
        let note = text_once_shown(c, "npec-next-edition", "the next edition's notice").await;
        assert!(
            note.as_str()
                .unwrap()
                .contains(&format!("l'édition {} du référentiel", newest.tag)),
            "{note}"
        );
        assert_eq!(said("data-next-edition").await, note);
        assert_no_console_error(c).await;
    });
}

/// Issue 20: a link with four wrong values shows the four messages at once, each next to its box and
/// listed above the figures, not one after the other.
#[test]
fn every_wrong_field_of_a_link_is_said_at_once() {
    in_browser(|dist| async move {
        let page = open(dist, 1280, 2000).await;
        let c = &page.client;
        load(
            c,
            &format!(
                "{}?signed_on=30/02/2025&start=demain&end=2027-13-45&npec=7000&price=neuf&level=6",
                page.base
            ),
        )
        .await;
        let ids = ["signed_on", "start", "end", "price"];
        let script = format!(
            "const ids = {ids:?};
             const shown = ids.filter(id => document.getElementById(id + '-error') !== null);
             return shown.length === ids.length ? shown : null;"
        );
        poll(c, &script, |v| v.is_array(), "the four messages together").await;
        let listed = js(
            c,
            "return Array.from(document.querySelectorAll('#pending li a')).map(a => a.getAttribute('href'));",
        )
        .await;
        let listed: Vec<String> = serde_json::from_value(listed).unwrap();
        for id in ids {
            assert!(
                listed.contains(&format!("#{id}")),
                "#{id} in the list above the figures: {listed:?}"
            );
        }
        // Each message is the library's own for that value.
        let price = ContractInput::from_json(
            r#"{"signed_on": "2025-08-15", "start": "2025-09-01", "end": "2027-02-28", "npec": "7000",
                "price": "neuf", "level": 6}"#,
        )
        .unwrap()
        .parse()
        .unwrap_err();
        let shown = js(
            c,
            "return document.getElementById('price-error').textContent;",
        )
        .await;
        assert!(
            coutcontrat::case::lowercase(shown.as_str().unwrap())
                .contains(&coutcontrat::case::lowercase(price.message())),
            "{shown} / {}",
            price.message()
        );
        assert_eq!(
            js(
                c,
                "return document.getElementById('live-status').textContent;"
            )
            .await,
            json!(format!(
                "Chiffrage en attente : {} champs à compléter ou corriger",
                listed.len()
            ))
        );
        assert_no_console_error(c).await;
    });
}

/// Issue 20: a date typed key by key is not red at its first keystroke and the figures stay, dimmed and
/// marked « en cours de saisie », until it is whole; a wrong date is said once the box is left.
#[test]
fn a_date_being_typed_keeps_the_figures_and_is_judged_when_left() {
    in_browser(|dist| async move {
        let page = open(dist, 1280, 1600).await;
        let c = &page.client;
        load(c, &page.base).await;
        fill_a2(c).await;
        let a2 = expected(&quote(A2));
        wait_for_figures(c, &a2).await;
        let end = c.find(Locator::Id("end")).await.unwrap();
        fill(c, "end", "").await;
        let later = quote(
            r#"{"signed_on": "2025-08-15", "start": "2025-09-01", "end": "2027-08-31",
                "npec": "7000", "price": "9000", "level": 6}"#,
        );
        let typed = "31/08/2027";
        for (i, key) in typed.char_indices() {
            end.send_keys(&key.to_string()).await.unwrap();
            if i + 1 == typed.len() {
                break;
            }
            // Within the pause: no message, not invalid, the last figures kept and said to be so.
            let seen = js(
                c,
                "return { error: document.getElementById('end-error') !== null,
                          invalid: document.getElementById('end').getAttribute('aria-invalid'),
                          stale: document.getElementById('stale-note')?.textContent ?? null };",
            )
            .await;
            assert_eq!(
                seen["error"],
                json!(false),
                "after « {} »: {seen}",
                &typed[..=i]
            );
            assert_eq!(seen["invalid"], Value::Null, "after « {} »", &typed[..=i]);
            assert!(
                seen["stale"]
                    .as_str()
                    .is_some_and(|t| t.contains("En cours de saisie")),
                "after « {} »: {seen}",
                &typed[..=i]
            );
            assert_eq!(
                figures(c).await,
                a2,
                "the last figures, after « {} »",
                &typed[..=i]
            );
        }
        wait_for_figures(c, &expected(&later)).await;
        assert!(c.find(Locator::Id("stale-note")).await.is_err());
        // A wrong date, then the next box: said at once, the figures gone.
        fill(c, "end", "31/13/2027").await;
        end.send_keys(&char::from(Key::Tab).to_string())
            .await
            .unwrap();
        let message = text_once_shown(c, "end-error", "the end date's message once left").await;
        assert!(
            message.as_str().unwrap().contains("31/13/2027"),
            "{message}"
        );
        assert!(c.find(Locator::Id("total-employer")).await.is_err());
        assert_no_console_error(c).await;
    });
}

/// Issue 20, « honest figures »: an NPEC taken at the amorçage value says whether the page's extract or the
/// référentiel itself lacks it, leads to the box where the known NPEC goes, and the hints speak the page's
/// language (no JSON names, no command line); the totals stay in sight at the bottom of the form.
#[test]
fn a_provisional_npec_says_why_and_where_the_known_one_goes() {
    in_browser(|dist| async move {
        let page = open(dist, 1280, 1200).await;
        let c = &page.client;
        load(c, &page.base).await;
        fill(c, "signed_on", "01/10/2026").await;
        fill(c, "start", "01/10/2026").await;
        fill(c, "end", "30/09/2028").await;
        fill(c, "price", "9000").await;
        fill(c, "certification", "RNCP99999").await;
        c.find(Locator::Id("level"))
            .await
            .unwrap()
            .select_by_value("5")
            .await
            .unwrap();
        fill(c, "branch", "1351").await;
        let library = quote(
            r#"{"signed_on": "2026-10-01", "start": "2026-10-01", "end": "2028-09-30", "price": "9000",
                "rncp": "RNCP99999", "level": 5, "idcc": 1351}"#,
        );
        wait_for_figures(c, &expected(&library)).await;
        let provenance = js(
            c,
            "return document.getElementById('npec-provenance').textContent;",
        )
        .await;
        let provenance = provenance.as_str().unwrap();
        let partial = library
            .warnings
            .iter()
            .any(|w| w.code == "referentiel_partial");
        let why = if partial {
            "manque à l'extrait du référentiel que contient la page"
        } else {
            "aucun NPEC n'est encore publié"
        };
        assert!(provenance.contains(why), "{provenance}");
        assert!(!provenance.contains("importez"), "{provenance}");
        assert_eq!(
            js(
                c,
                "return document.getElementById('npec-enter').getAttribute('href');"
            )
            .await,
            json!("#npec")
        );
        // Issue 18: where the extract lacks it, the figure offers the official file's import, which the
        // link opens in the « Données » panel.
        let offer = js(
            c,
            "const a = document.querySelector('.card-npec a[href=\"#npec-file\"]'); return a ? a.getAttribute('href') : null;",
        )
        .await;
        if partial {
            assert_eq!(offer, json!("#npec-file"));
            c.find(Locator::Css(".card-npec a[href=\"#npec-file\"]"))
                .await
                .unwrap()
                .click()
                .await
                .unwrap();
            poll(
                c,
                "return document.getElementById('data-panel').open;",
                |v| v == &json!(true),
                "the « Données » panel opened on the import",
            )
            .await;
            js(c, "document.getElementById('data-panel').open = false; window.scrollTo(0, 0); return null;").await;
        } else {
            assert_eq!(offer, Value::Null);
        }
        let hints = js(c, "return Array.from(document.querySelectorAll('.warning-hint')).map(h => h.textContent).join(' | ');").await;
        let hints = hints.as_str().unwrap();
        assert!(!hints.is_empty());
        for token in ["`", "coutcontrat ", "(npec)"] {
            assert!(!hints.contains(token), "« {token} » in the hints: {hints}");
        }
        // Typing at the bottom of the form, the employer's total is in view beside it.
        let seen = js(
            c,
            "const shown = Array.from(document.querySelectorAll('.col-form input')).filter(e => e.offsetParent !== null && !e.closest('details:not([open])'));
             const last = shown[shown.length - 1];
             last.scrollIntoView({ block: 'center' });
             last.focus();
             const t = document.getElementById('total-employer').getBoundingClientRect();
             return { scrolled: window.scrollY, inView: t.top >= 0 && t.bottom <= window.innerHeight };",
        )
        .await;
        assert!(
            seen["scrolled"].as_f64().unwrap() > 0.0,
            "the form is longer than the window: {seen}"
        );
        assert_eq!(seen["inView"], json!(true), "{seen}");
        assert_no_console_error(c).await;
    });
}

/// Issue 20, « a quote to keep »: the printed quote carries its share link, how long it holds (the day
/// before the next known edition or change of rule), the age rather than the birth date, and amounts as
/// amounts.
#[test]
fn the_printed_quote_says_its_link_and_how_long_it_holds() {
    in_browser(|dist| async move {
        let page = open(dist, 1280, 1600).await;
        let c = &page.client;
        load(
            c,
            &format!(
                "{}?signed_on=15/08/2025&start=2025-09-01&end=28/02/2027&npec=7000&price=9000&level=6\
                 &birth_date=2006-03-10&company_headcount=10",
                page.base
            ),
        )
        .await;
        let address = settled_address(c).await;
        // Written once typing has paused, as the address is.
        let want = format!("Lien de ce chiffrage : {address}");
        poll(
            c,
            "return document.getElementById('print-link')?.textContent ?? null;",
            |v| v.as_str() == Some(want.as_str()),
            "the printed link",
        )
        .await;
        // The QR code reads back as the same link, by a decoder independent of the page's encoder.
        let qr = poll(
            c,
            "const s = document.getElementById('print-qr');
             return s ? [s.getAttribute('viewBox'), s.querySelector('path').getAttribute('d')] : null;",
            |v| v.is_array(),
            "the QR code",
        )
        .await;
        assert_eq!(
            qr_content(qr[0].as_str().unwrap(), qr[1].as_str().unwrap()),
            address
        );
        let signed = jiff::civil::date(2025, 8, 15);
        let change = referentiel()
            .versions()
            .iter()
            .map(|v| v.applies_from)
            .filter(|d| *d > signed)
            .chain(coutcontrat::rules::RuleBook::embedded().next_change_after(signed))
            .min()
            .expect("a later edition or rule");
        let eve = coutcontrat::dates::add_days(change, -1);
        let until = format!("{:02}/{:02}/{}", eve.day(), eve.month(), eve.year());
        let dated = js(c, "return document.querySelector('.doc-date').textContent;").await;
        assert!(
            dated
                .as_str()
                .unwrap()
                .contains(&format!("valable pour un contrat conclu jusqu'au {until}")),
            "{dated}"
        );
        let inputs = js(c, "return document.querySelector('.inputs').textContent;").await;
        let inputs = inputs.as_str().unwrap();
        assert!(!inputs.contains("2006"), "no birth date: {inputs}");
        assert!(inputs.contains("19 ans"), "the age instead: {inputs}");
        // The data the figures rest on, and when they were made.
        let masthead = js(
            c,
            "return document.querySelector('.masthead .print-only').textContent;",
        )
        .await;
        assert!(
            masthead
                .as_str()
                .unwrap()
                .starts_with("Données : référentiel NPEC"),
            "{masthead}"
        );
        assert!(
            dated
                .as_str()
                .unwrap()
                .starts_with("Estimation établie le "),
            "{dated}"
        );
        // The participation comes off the first payment, whatever its kind.
        let schedule = js(
            c,
            "return document.getElementById('schedule').parentElement.textContent;",
        )
        .await;
        let schedule = schedule.as_str().unwrap();
        assert!(
            schedule.contains("déduite du premier versement")
                && !schedule.contains("première avance"),
            "{schedule}"
        );
        assert!(
            inputs.contains(&euros(rust_decimal::Decimal::from(9000))),
            "{inputs}"
        );
        assert!(!inputs.contains("9000 €"), "{inputs}");
        assert_no_console_error(c).await;
    });
}

/// What the page's QR code (an SVG view box `-q -q side side` and a path of `Mx yh1v1h-1z` squares) says,
/// read by `rqrr` from the picture of its modules, 4 pixels each.
fn qr_content(view: &str, path: &str) -> String {
    let numbers: Vec<i64> = view
        .split(' ')
        .map(|t| t.parse().expect("a number"))
        .collect();
    let (quiet, side) = (-numbers[0], numbers[2]);
    let dark: std::collections::HashSet<(i64, i64)> = path
        .split('M')
        .filter(|s| !s.is_empty())
        .map(|square| {
            let (x, rest) = square.split_once(' ').expect("x y");
            let y = rest.split('h').next().expect("y");
            (x.parse().expect("x"), y.parse().expect("y"))
        })
        .collect();
    let px = (side * 4) as usize;
    let mut picture = rqrr::PreparedImage::prepare_from_greyscale(px, px, |x, y| {
        let module = (x as i64 / 4 - quiet, y as i64 / 4 - quiet);
        if dark.contains(&module) {
            0
        } else {
            255
        }
    });
    let grids = picture.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the picture");
    grids[0].decode().expect("the QR code decodes").1
}

/// The pages of a PDF: its `/Type /Page` objects (not `/Pages`, their tree).
fn pdf_pages(pdf: &[u8]) -> usize {
    let mut count = 0;
    let mut rest = pdf;
    while let Some(at) = rest.windows(5).position(|w| w == b"/Type") {
        let after = &rest[at + 5..];
        let name = after.trim_ascii_start();
        if name.starts_with(b"/Page") && name.get(5) != Some(&b's') {
            count += 1;
        }
        rest = after;
    }
    count
}

/// Issue 20, « a quote to keep »: the usual case prints on one or two A4 pages, and the detail of the
/// computation follows in an annex on pages of its own.
#[test]
fn the_usual_quote_prints_on_two_pages_and_its_detail_in_an_annex() {
    in_browser(|dist| async move {
        use fantoccini::wd::{PrintConfiguration, PrintSize};
        let page = open(dist, 1280, 1600).await;
        let c = &page.client;
        load(
            c,
            &format!(
                "{}?signed_on=15/08/2025&start=2025-09-01&end=28/02/2027&npec=7000&price=9000&level=6",
                page.base
            ),
        )
        .await;
        wait_for_figures(c, &expected(&quote(A2))).await;
        let a4 = || {
            PrintConfiguration::builder()
                .size(PrintSize::A4)
                .build()
                .expect("A4")
        };
        let pdf = c.print(a4()).await.expect("the page prints");
        std::fs::write(artifacts().join("calculator-print.pdf"), &pdf).expect("write the PDF");
        let whole = pdf_pages(&pdf);
        assert_eq!(
            js(c, "const a = document.getElementById('annex'); return a.textContent.length > 200 && a.querySelectorAll('li').length > 3;").await,
            json!(true),
            "the annex holds the detail"
        );
        js(c, "document.getElementById('annex').remove(); document.querySelector('.references').remove(); return true;").await;
        let quote_only = pdf_pages(&c.print(a4()).await.expect("the page prints"));
        assert!(
            (1..=2).contains(&quote_only),
            "the quote itself on {quote_only} pages"
        );
        assert!(
            whole > quote_only,
            "the annex on pages of its own: {whole} in all, {quote_only} without it"
        );
    });
}

/// A `data:` address's text (percent-decoded, as `encodeURIComponent` wrote it).
fn data_url_text(url: &str) -> String {
    let encoded = url.split_once(',').expect("data:…,text").1;
    let bytes = encoded.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&encoded[i + 1..i + 3], 16).expect("a %XX"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("UTF-8")
}

/// Issue 22, « export from the page »: beside « Imprimer / PDF », the quote as JSON (read back by the library as
/// the same quote) and as CSV (a line per year and per instalment).
#[test]
fn the_quote_downloads_as_json_and_csv() {
    in_browser(|dist| async move {
        let page = open(dist, 1280, 1600).await;
        let c = &page.client;
        load(c, &page.base).await;
        fill_a2(c).await;
        let a2 = quote(A2);
        wait_for_figures(c, &expected(&a2)).await;
        // The export is a module of its own, not loaded before a visitor asks for it.
        let loaded = js(
            c,
            "return performance.getEntriesByType('resource').map(e => e.name).filter(n => /export/.test(n));",
        )
        .await;
        assert_eq!(loaded, json!([]), "loaded before any export");
        let mut files = Vec::new();
        for id in ["export-json", "export-csv"] {
            let link = c.find(Locator::Id(id)).await.unwrap();
            assert_eq!(
                link.attr("href").await.unwrap().as_deref(),
                Some("#"),
                "written when followed"
            );
            link.click().await.unwrap();
            let href = poll(
                c,
                &format!("return document.getElementById('{id}').getAttribute('href');"),
                |v| v.as_str().is_some_and(|h| h.starts_with("data:")),
                "the file written into the link",
            )
            .await;
            files.push(data_url_text(href.as_str().unwrap()));
        }
        let back: Quote = serde_json::from_str(&files[0]).expect("the library reads the JSON back");
        assert_eq!(back, a2);
        let lines: Vec<&str> = files[1].lines().collect();
        assert_eq!(lines[0], coutcontrat_web::components::export::CSV_HEADER);
        assert_eq!(
            lines.len(),
            1 + a2.years.len() + a2.schedule.len(),
            "{}",
            files[1]
        );
        // Another contract: the file is written again, for the figures now on screen.
        let before = cents(a2.totals.employer.into()).to_string();
        fill(c, "price", "12000").await;
        let other = poll(
            c,
            "const e = document.getElementById('total-employer'); return e ? e.dataset.value : null;",
            |v| v.as_str().is_some_and(|t| t != before),
            "the figures of the new price",
        )
        .await;
        let other = other.as_str().unwrap().to_owned();
        let link = c.find(Locator::Id("export-json")).await.unwrap();
        link.click().await.unwrap();
        let back = poll(
            c,
            "const a = document.getElementById('export-json');
             return a.getAttribute('data-for') === document.getElementById('share-link').getAttribute('href').replace(/^\\?/, '')
                 ? a.getAttribute('href') : null;",
            |v| v.is_string(),
            "the file written again",
        )
        .await;
        let again: Quote = serde_json::from_str(&data_url_text(back.as_str().unwrap())).unwrap();
        assert_ne!(again, a2);
        assert_eq!(cents(again.totals.employer.into()).to_string(), other);
        assert_no_console_error(c).await;
    });
}
