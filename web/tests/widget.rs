//! The widget in a CFA's page, end to end: the release build (`dist/`) serves the loader and the widget on
//! one port, a third-party host page is served on another, and headless Chromium loads the host page.
//!
//! Run alone: `scripts/build-web.sh && cargo test -p coutcontrat-web --test widget`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use coutcontrat::money::cents;
use coutcontrat::{ContractInput, Quote, Quoter};
use coutcontrat_web::data::referentiel;
use coutcontrat_web::widget::integration::{csp, Settings, SettingsAction};
use coutcontrat_web::widget::theme::{Colour, Rgb};
use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use support::*;

/// The loader's budget, in bytes (mon-entreprise keeps theirs under the same).
const LOADER_BUDGET: u64 = 5_000;

/// The iframe's title, as the loader sets it.
const TITLE: &str = "Simulateur : coût d'un contrat d'apprentissage, prise en charge OPCO et reste à charge de l'employeur";

/// The CFA's settings: a light primary colour (to be darkened), a text colour, a font, a radius, two
/// courses (one known to the embedded référentiel, one at distance).
fn cfa_settings() -> Settings {
    let mut s = Settings::default();
    for a in [
        SettingsAction::Primary("#ffcc00".into()),
        SettingsAction::Text("#333333".into()),
        SettingsAction::Font("Georgia, serif".into()),
        SettingsAction::Radius("3".into()),
        SettingsAction::Import(
            json!([
                {"rncp": "RNCP41000", "label": "BTS Management opérationnel de la sécurité",
                 "level": 5, "price": 9000, "months": 24},
                {"rncp": "RNCP38362", "label": "Titre « sûreté » d'été, à distance", "level": 6,
                 "price": 6500, "months": 12, "distance": 85}
            ])
            .to_string(),
        ),
    ] {
        s.apply(a);
    }
    assert!(s.import_problems.is_empty(), "{:?}", s.import_problems);
    s
}

/// A CFA's page: its own error hook, a record of every message its window receives and of the
/// `coutcontrat:result` events, then the snippet of the integration page as is.
fn host_page(snippet: &str) -> Vec<u8> {
    format!(
        r#"<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>CFA Exemple – nos formations en apprentissage</title>
{ERROR_HOOK}
<script>
window.__seen = [];
window.__results = [];
window.addEventListener("message", function (e) {{
    __seen.push({{ origin: e.origin, type: e.data && e.data.type, height: e.data && e.data.height,
                  forged: !!(e.data && e.data.forged) }});
}});
document.addEventListener("coutcontrat:result", function (e) {{ __results.push(e.detail); }});
</script>
<style>
body {{ font-family: Verdana, sans-serif; max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; background: #f6f3ea; color: #222; }}
header {{ border-bottom: 3px solid #c8102e; margin-bottom: 1rem; }}
</style>
</head>
<body>
<header><h1>CFA Exemple</h1><p>Nos formations en apprentissage, et ce qu'elles coûtent à l'employeur.</p></header>
{snippet}
<footer><p>CFA Exemple · 1 rue de l'Apprentissage</p></footer>
</body>
</html>"#
    )
    .into_bytes()
}

/// A page that posts forged messages to its parent, as a foreign frame would.
const FORGE: &str = r#"<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>forge</title></head><body>
<script>
parent.postMessage({ type: "coutcontrat:resize", v: 1, height: 77, forged: true }, "*");
parent.postMessage({ type: "coutcontrat:result", v: 1, quote: null, course: null, forged: true }, "*");
</script></body></html>"#;

fn quote(json: &str) -> Quote {
    let contract = ContractInput::from_json(json).unwrap().parse().unwrap();
    Quoter::new(referentiel()).quote(&contract).unwrap()
}

fn v(d: impl Into<rust_decimal::Decimal>) -> String {
    cents(d.into()).to_string()
}

/// The figures the widget shows, by id (`data-value`).
async fn widget_figures(c: &Client) -> Value {
    js(
        c,
        "const o = {}; document.querySelectorAll('#results [data-value]').forEach(e => o[e.id] = e.dataset.value); return o;",
    )
    .await
}

async fn enter_widget(c: &Client) {
    c.find(Locator::Css("iframe[title]"))
        .await
        .expect("the widget's iframe")
        .enter_frame()
        .await
        .expect("into the widget");
}

/// Opens a host page and enters its widget once the iframe has taken its content's height.
async fn open_widget(c: &Client, page: &str) {
    c.goto(page).await.unwrap();
    poll(
        c,
        "return document.querySelector('iframe[title]') !== null;",
        |v| v == &Value::Bool(true),
        "the iframe",
    )
    .await;
    wait_fitted(c).await;
    enter_widget(c).await;
}

/// The iframe's height on the host page, and the height of the widget's content.
async fn heights(c: &Client) -> (f64, f64) {
    let frame = js(
        c,
        "return document.querySelector('iframe[title]').getBoundingClientRect().height;",
    )
    .await;
    enter_widget(c).await;
    let content = js(c, "return document.body.offsetHeight;").await;
    c.enter_parent_frame().await.unwrap();
    (frame.as_f64().unwrap(), content.as_f64().unwrap())
}

/// Waits until the iframe is as high as its content (the resize message arrived).
async fn wait_fitted(c: &Client) -> f64 {
    let deadline = std::time::Instant::now() + PATIENCE;
    loop {
        let (frame, content) = heights(c).await;
        if content > 0.0 && (frame - content).abs() < 1.0 {
            return frame;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the iframe ({frame}px) never took its content's height ({content}px)"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[test]
fn the_loader_stays_within_its_budget() {
    // The source, and the built file.
    let source = workspace().join("web/widget.js");
    let size = std::fs::metadata(&source).expect("web/widget.js").len();
    assert!(
        size <= LOADER_BUDGET,
        "web/widget.js: {size} bytes > {LOADER_BUDGET}"
    );
    let built = std::fs::metadata(dist().join("widget.js"))
        .expect("dist/widget.js (index.html copies it)")
        .len();
    assert!(
        built <= LOADER_BUDGET,
        "dist/widget.js: {built} bytes > {LOADER_BUDGET}"
    );
    eprintln!("loader: {built} bytes of {LOADER_BUDGET}");
}

#[test]
fn a_cfa_page_embeds_the_widget_with_its_catalogue() {
    in_browser(|dist| async move {
        // The widget's site (dist/ and a forging page on the widget's own origin), the CFA's site, and a
        // third site with the same forging page.
        let widget_port = serve_site(
            Some(dist.clone()),
            Pages::from([("/forge.html".to_owned(), FORGE.as_bytes().to_vec())]),
        );
        let widget = format!("http://127.0.0.1:{widget_port}");
        let third_port = serve_site(
            None,
            Pages::from([("/forge.html".to_owned(), FORGE.as_bytes().to_vec())]),
        );
        let settings = cfa_settings();
        let snippet = settings.snippet(&format!("{widget}/widget.js"));
        let host_port = serve_site(None, Pages::from([("/".to_owned(), host_page(&snippet))]));
        let host = format!("http://127.0.0.1:{host_port}");
        assert_ne!(host, widget);

        let b = browser(1000, 1400).await;
        let c = &b.client;
        c.goto(&format!("{host}/")).await.expect("the CFA's page");

        // The iframe, with its title, on the widget's origin; the link to the full calculator after it.
        let frame = poll(
            c,
            "const f = document.querySelector('.coutcontrat-widget iframe');
             return f ? { title: f.title, src: f.src, link: f.parentNode.querySelector('a').href } : null;",
            |v| v.is_object(),
            "the iframe",
        )
        .await;
        assert_eq!(frame["title"], TITLE);
        let src = frame["src"].as_str().unwrap();
        assert!(
            src.starts_with(&format!("{widget}/widget.html#v=1&host=")),
            "{src}"
        );
        // The courses come by message, not in the address.
        assert!(src.ends_with("&catalogue=message"), "{src}");
        assert!(!src.contains("RNCP"), "{src}");
        assert_eq!(frame["link"], format!("{widget}/index.html"));

        // It resizes to its content.
        let before = wait_fitted(c).await;
        assert_ne!(before, 640.0, "still the loader's initial height");

        // Theming applies inside the iframe, with the light gold darkened to reach 4.5:1.
        enter_widget(c).await;
        poll(
            c,
            "return document.getElementById('course') !== null;",
            |v| v == &Value::Bool(true),
            "the widget",
        )
        .await;
        let gold = Colour::check(Rgb::parse("#ffcc00").unwrap()).used;
        assert!(gold != Rgb(0xff, 0xcc, 0));
        let style = js(
            c,
            "const s = e => getComputedStyle(e);
             return {
                 primary: s(document.documentElement).getPropertyValue('--cc-primary').trim(),
                 bar: s(document.getElementById('w-title')).borderLeftColor,
                 text: s(document.body).color,
                 font: s(document.body).fontFamily,
                 radius: s(document.getElementById('course')).borderTopLeftRadius,
             };",
        )
        .await;
        assert_eq!(style["primary"], gold.to_string(), "{style}");
        assert_eq!(
            style["bar"],
            format!("rgb({}, {}, {})", gold.0, gold.1, gold.2),
            "{style}"
        );
        assert_eq!(style["text"], "rgb(51, 51, 51)", "{style}");
        assert!(
            style["font"].as_str().unwrap().starts_with("Georgia"),
            "{style}"
        );
        assert_eq!(style["radius"], "3px", "{style}");

        // The employer picks a course, gives the branch and the dates; the end date is prefilled.
        c.find(Locator::Id("course"))
            .await
            .unwrap()
            .select_by_value("0")
            .await
            .expect("the first course");
        fill(c, "branch", "1351").await;
        fill(c, "signed_on", "20/08/2027").await;
        fill(c, "start", "01/09/2027").await;
        poll(
            c,
            "return document.getElementById('end').value;",
            |v| v == "31/08/2029",
            "the prefilled end date",
        )
        .await;
        let q = quote(
            r#"{"signed_on": "2027-08-20", "start": "2027-09-01", "end": "2029-08-31",
                "rncp": "RNCP41000", "idcc": 1351, "price": "9000", "level": 5}"#,
        );
        let want = json!({
            "npec-annual": v(q.npec.annual),
            "total-opco": v(q.totals.opco),
            "total-employer": v(q.totals.employer),
            "participation": v(q.participation),
        });
        poll(
            c,
            "return document.getElementById('total-employer')?.dataset.value ?? null;",
            |x| x == &want["total-employer"],
            "the employer's total",
        )
        .await;
        assert_eq!(widget_figures(c).await, want);
        let resources = js(
            c,
            "return performance.getEntriesByType('resource').map(e => e.name);",
        )
        .await;
        let widget_errors = page_errors(c).await;
        c.enter_parent_frame().await.unwrap();

        // The iframe followed its content, which grew with the figures.
        let after = wait_fitted(c).await;
        assert!(
            after > before,
            "the widget did not grow with the figures: {before} → {after}"
        );

        // The host page heard the result, as a DOM event with the same figures and the course.
        let result = poll(
            c,
            "const r = window.__results.filter(d => d.quote); return r.length ? r[r.length - 1] : null;",
            |x| x["quote"]["totals"]["employer"] == want["total-employer"],
            "the coutcontrat:result event",
        )
        .await;
        assert_eq!(result["type"], "coutcontrat:result");
        assert_eq!(result["v"], 1);
        assert_eq!(result["quote"]["totals"]["opco"], want["total-opco"]);
        assert_eq!(result["quote"]["npec"]["annual"], want["npec-annual"]);
        assert_eq!(result["quote"]["participation"], want["participation"]);
        assert_eq!(result["course"]["rncp"], "RNCP41000");
        assert_eq!(
            result["course"]["label"],
            "BTS Management opérationnel de la sécurité"
        );

        // The screenshot of the CFA's page with the widget.
        let png = c.screenshot().await.expect("screenshot");
        let file = artifacts().join("widget.png");
        std::fs::write(&file, png).expect("write the screenshot");
        eprintln!("screenshot: {}", file.display());

        // Forged messages: the host page's own window, a second frame on the widget's origin, a frame on a
        // third origin. They all reach the window, and none is obeyed.
        js(
            c,
            &format!(
                "window.postMessage({{ type: 'coutcontrat:resize', v: 1, height: 77, forged: true }}, '*');
                 window.postMessage({{ type: 'coutcontrat:result', v: 1, quote: null, forged: true }}, '*');
                 for (const src of ['{widget}/forge.html', 'http://127.0.0.1:{third_port}/forge.html']) {{
                     const f = document.createElement('iframe'); f.src = src; f.title = 'forge';
                     document.body.appendChild(f);
                 }}
                 return true;"
            ),
        )
        .await;
        let seen = poll(
            c,
            "return window.__seen.filter(m => m.forged);",
            |x| x.as_array().is_some_and(|a| a.len() >= 6),
            "the forged messages to arrive",
        )
        .await;
        let origins: Vec<&str> = seen
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|m| m["origin"].as_str())
            .collect();
        assert!(
            origins.contains(&widget.as_str()),
            "no forgery from the widget's own origin: {seen}"
        );
        assert!(origins.contains(&host.as_str()), "{seen}");
        // A genuine resize arrives after the forgeries: still the content's height, never 77.
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let (frame, content) = heights(c).await;
        assert!(
            (frame - content).abs() < 1.0 && frame != 77.0,
            "a forged resize was obeyed: {frame} vs {content}"
        );
        let forged_events = js(c, "return window.__results.filter(d => d.forged).length;").await;
        assert_eq!(forged_events, json!(0), "a forged result was re-dispatched");

        // The widget's own frame, navigated to another origin, is no longer trusted either: its source is
        // still the iframe's window, its origin is not the widget's.
        js(
            c,
            &format!(
                "window.__kept = document.querySelector('iframe[title]').getBoundingClientRect().height;
                 document.querySelector('iframe[title]').src = 'http://127.0.0.1:{third_port}/forge.html';
                 return true;"
            ),
        )
        .await;
        let third = format!("http://127.0.0.1:{third_port}");
        poll(
            c,
            &format!(
                "return window.__seen.filter(m => m.forged && m.origin === '{third}').length;"
            ),
            |x| x.as_u64().is_some_and(|n| n >= 4),
            "the messages of the navigated frame",
        )
        .await;
        let kept = js(
            c,
            "return [window.__kept, document.querySelector('iframe[title]').getBoundingClientRect().height];",
        )
        .await;
        assert_eq!(
            kept[0], kept[1],
            "a message from the navigated frame was obeyed"
        );
        let forged_events = js(c, "return window.__results.filter(d => d.forged).length;").await;
        assert_eq!(forged_events, json!(0), "a forged result was re-dispatched");

        // Nothing from another origin than the widget's; no error on either side.
        for r in resources.as_array().unwrap() {
            assert!(
                r.as_str().unwrap().starts_with(&format!("{widget}/")),
                "the widget loaded {r} from elsewhere"
            );
        }
        assert!(
            widget_errors.is_empty(),
            "widget errors: {widget_errors:#?}"
        );
        assert_no_console_error(c).await;
    });
}

#[test]
fn a_catalogue_file_and_the_plain_widget() {
    in_browser(|dist| async move {
        let widget_port = serve(dist);
        let widget = format!("http://127.0.0.1:{widget_port}");
        let courses = cfa_settings().catalogue().to_json();
        let by_url = format!(
            r#"<script src="{widget}/widget.js" data-catalogue-url="/formations.json"></script>"#
        );
        let plain = format!(
            r##"<div id="here"></div><script src="{widget}/widget.js" data-target="#here" async></script>"##
        );
        let host_port = serve_site(
            None,
            Pages::from([
                ("/url.html".to_owned(), host_page(&by_url)),
                ("/formations.json".to_owned(), courses.into_bytes()),
                ("/plain.html".to_owned(), host_page(&plain)),
            ]),
        );
        let b = browser(1000, 1400).await;
        let c = &b.client;

        // The catalogue read from the CFA's own file.
        open_widget(c, &format!("http://127.0.0.1:{host_port}/url.html")).await;
        let options = poll(
            c,
            "return Array.from(document.querySelectorAll('#course option')).map(o => o.textContent);",
            |v| v.as_array().is_some_and(|a| a.len() == 3),
            "the courses",
        )
        .await;
        assert_eq!(options[2], "Titre « sûreté » d'été, à distance");
        // The second course is at distance, level 6: the participation is due.
        c.find(Locator::Id("course"))
            .await
            .unwrap()
            .select_by_value("1")
            .await
            .unwrap();
        fill(c, "branch", "1486").await;
        fill(c, "signed_on", "15/08/2027").await;
        fill(c, "start", "01/09/2027").await;
        let q = quote(
            r#"{"signed_on": "2027-08-15", "start": "2027-09-01", "end": "2028-08-31",
                "rncp": "RNCP38362", "idcc": 1486, "price": "6500", "level": 6, "distance_share": "85 %"}"#,
        );
        assert!(!q.participation.is_zero());
        poll(
            c,
            "return document.getElementById('participation')?.dataset.value ?? null;",
            |x| x.as_str() == Some(v(q.participation).as_str()),
            "the participation",
        )
        .await;
        assert_eq!(
            widget_figures(c).await["total-employer"],
            v(q.totals.employer)
        );
        let errors = page_errors(c).await;
        assert!(errors.is_empty(), "widget errors: {errors:#?}");
        c.enter_parent_frame().await.unwrap();
        assert_no_console_error(c).await;

        // Without a catalogue, in the container it is given: the compact calculator.
        c.goto(&format!("http://127.0.0.1:{host_port}/plain.html"))
            .await
            .unwrap();
        poll(
            c,
            "return document.querySelector('#here iframe[title]') !== null;",
            |v| v == &Value::Bool(true),
            "the iframe",
        )
        .await;
        wait_fitted(c).await;
        enter_widget(c).await;
        poll(
            c,
            "return document.getElementById('certification') !== null;",
            |v| v == &Value::Bool(true),
            "the certification box",
        )
        .await;
        assert!(c.find(Locator::Id("course")).await.is_err());
        fill(c, "certification", "RNCP41000").await;
        fill(c, "price", "9000").await;
        fill(c, "branch", "1351").await;
        fill(c, "signed_on", "20/08/2027").await;
        fill(c, "start", "01/09/2027").await;
        fill(c, "end", "31/08/2029").await;
        let q = quote(
            r#"{"signed_on": "2027-08-20", "start": "2027-09-01", "end": "2029-08-31",
                "rncp": "RNCP41000", "idcc": 1351, "price": "9000", "level": 5}"#,
        );
        poll(
            c,
            "return document.getElementById('total-employer')?.dataset.value ?? null;",
            |x| x.as_str() == Some(v(q.totals.employer).as_str()),
            "the employer's total",
        )
        .await;
        // The link to the detail opens the full calculator on the same contract.
        let detail = js(c, "return document.getElementById('w-detail').href;").await;
        assert!(
            detail
                .as_str()
                .unwrap()
                .starts_with(&format!("{widget}/index.html?")),
            "{detail}"
        );
        assert!(
            detail.as_str().unwrap().contains("rncp=RNCP41000"),
            "{detail}"
        );
        let errors = page_errors(c).await;
        assert!(errors.is_empty(), "widget errors: {errors:#?}");
        c.enter_parent_frame().await.unwrap();

        // On a narrow page, the widget grows taller and nothing in it is wider than its frame.
        let wide = wait_fitted(c).await;
        c.set_window_size(500, 1400).await.unwrap();
        let narrow = wait_fitted(c).await;
        assert!(narrow > wide, "{wide} → {narrow}");
        enter_widget(c).await;
        let overflow = js(
            c,
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
        )
        .await;
        assert_eq!(overflow, json!(0), "the widget is wider than its frame");
        c.enter_parent_frame().await.unwrap();
        assert_no_console_error(c).await;
    });
}

#[test]
fn a_course_with_the_cfas_npec_uses_it_and_says_whose_it_is() {
    in_browser(|dist| async move {
        let widget_port = serve(dist);
        let widget = format!("http://127.0.0.1:{widget_port}");
        let courses = json!([
            {"rncp": "RNCP41000", "label": "BTS MOS", "level": 5, "price": 9000, "months": 24,
             "npec_by_idcc": {"1351": 8000}, "npec_edition": "2026-09"}
        ]);
        let snippet = format!(
            r#"<script src="{widget}/widget.js" data-catalogue-url="/formations.json"></script>"#
        );
        let host_port = serve_site(
            None,
            Pages::from([
                ("/cfa.html".to_owned(), host_page(&snippet)),
                (
                    "/formations.json".to_owned(),
                    courses.to_string().into_bytes(),
                ),
            ]),
        );
        let b = browser(1000, 1400).await;
        let c = &b.client;
        open_widget(c, &format!("http://127.0.0.1:{host_port}/cfa.html")).await;
        poll(
            c,
            "return document.querySelectorAll('#course option').length;",
            |v| v == &json!(2),
            "the course",
        )
        .await;
        c.find(Locator::Id("course"))
            .await
            .unwrap()
            .select_by_value("0")
            .await
            .unwrap();
        fill(c, "branch", "1351").await;
        fill(c, "signed_on", "20/08/2027").await;
        fill(c, "start", "01/09/2027").await;
        let with_cfa = quote(
            r#"{"signed_on": "2027-08-20", "start": "2027-09-01", "end": "2029-08-31",
                "rncp": "RNCP41000", "idcc": 1351, "price": "9000", "level": 5, "npec": "8000"}"#,
        );
        poll(
            c,
            "return document.getElementById('total-employer')?.dataset.value ?? null;",
            |x| x.as_str() == Some(v(with_cfa.totals.employer).as_str()),
            "the employer's total on the CFA's NPEC",
        )
        .await;
        let figures = widget_figures(c).await;
        assert_eq!(figures["npec-annual"], v(rust_decimal::Decimal::from(8000)));
        assert_eq!(figures["total-opco"], v(with_cfa.totals.opco));
        let said = js(
            c,
            "return document.getElementById('npec-from-cfa')?.textContent ?? '';",
        )
        .await;
        assert_eq!(
            said,
            json!(" : NPEC communiqué par le CFA (édition 2026-09)")
        );
        // What a screen reader hears: one status line with the key figures, not the whole results.
        assert_eq!(
            js(
                c,
                "return document.getElementById('results').getAttribute('aria-live');"
            )
            .await,
            Value::Null
        );
        let status = js(
            c,
            "return document.getElementById('live-status').textContent;",
        )
        .await;
        let employer = coutcontrat::money::euros(with_cfa.totals.employer);
        assert!(
            status.as_str().unwrap().contains(&format!(
                "reste à charge de l'employeur {employer} sur 2 années"
            )),
            "{status}"
        );

        // Another branch: the CFA gave nothing for it, the référentiel's figure and no such line.
        fill(c, "branch", "1486").await;
        let table = quote(
            r#"{"signed_on": "2027-08-20", "start": "2027-09-01", "end": "2029-08-31",
                "rncp": "RNCP41000", "idcc": 1486, "price": "9000", "level": 5}"#,
        );
        poll(
            c,
            "return document.getElementById('npec-annual')?.dataset.value ?? null;",
            |x| x.as_str() == Some(v(table.npec.annual).as_str()),
            "the référentiel's NPEC",
        )
        .await;
        assert_eq!(
            js(
                c,
                "return document.getElementById('npec-from-cfa') === null;"
            )
            .await,
            json!(true)
        );
        let errors = page_errors(c).await;
        assert!(errors.is_empty(), "widget errors: {errors:#?}");
        c.enter_parent_frame().await.unwrap();
        assert_no_console_error(c).await;
    });
}

#[test]
fn a_catalogue_pasted_through_wordpress_still_works_and_says_what_it_left_out() {
    in_browser(|dist| async move {
        let widget_port = serve(dist);
        let widget = format!("http://127.0.0.1:{widget_port}");
        // WordPress makes the JSON's quotes typographic; one course is wrong, one has no published NPEC.
        let snippet = format!(
            r#"<script src="{widget}/widget.js" async data-catalogue="[{{“rncp”: “RNCP41000”, “label”: “BTS MOS”, “level”: 5, “price”: 9000, “months”: 24}}, {{“rncp”: “BTS”, “price”: 1}}, {{“rncp”: “RNCP99999”, “label”: “Titre récent”, “level”: 5, “price”: 7000, “months”: 24}}]"></script>"#
        );
        let host_port = serve_site(
            None,
            Pages::from([("/wp.html".to_owned(), host_page(&snippet))]),
        );
        let b = browser(1000, 1400).await;
        let c = &b.client;
        open_widget(c, &format!("http://127.0.0.1:{host_port}/wp.html")).await;
        let options = poll(
            c,
            "return Array.from(document.querySelectorAll('#course option')).map(o => o.textContent);",
            |v| v.as_array().is_some_and(|a| a.len() == 3),
            "the two readable courses",
        )
        .await;
        assert_eq!(options[1], "BTS MOS");
        // The course left out is said in the widget, not only in its console.
        let problems = js(
            c,
            "const d = document.getElementById('catalogue-problems');
             return d ? [d.querySelector('summary').textContent, d.querySelector('li').textContent] : null;",
        )
        .await;
        assert_eq!(
            problems[0],
            "Le catalogue du CFA contient une erreur : une partie n'est pas proposée"
        );
        assert!(
            problems[1]
                .as_str()
                .unwrap()
                .contains("« BTS » n'est pas un code RNCP"),
            "{problems}"
        );
        // A course without a published NPEC: its figure is marked provisional where it is shown.
        c.find(Locator::Id("course"))
            .await
            .unwrap()
            .select_by_value("1")
            .await
            .unwrap();
        fill(c, "branch", "1351").await;
        fill(c, "signed_on", "20/08/2027").await;
        fill(c, "start", "01/09/2027").await;
        let q = quote(
            r#"{"signed_on": "2027-08-20", "start": "2027-09-01", "end": "2029-08-31",
                "rncp": "RNCP99999", "idcc": 1351, "price": "7000", "level": 5}"#,
        );
        assert!(q.npec.provisional, "RNCP99999 has no NPEC in the data");
        poll(
            c,
            "return document.getElementById('total-employer')?.dataset.value ?? null;",
            |x| x.as_str() == Some(v(q.totals.employer).as_str()),
            "the employer's total",
        )
        .await;
        let badge = js(
            c,
            "return document.getElementById('npec-provisional')?.textContent ?? null;",
        )
        .await;
        assert_eq!(badge, json!("provisoire"));
        let errors = page_errors(c).await;
        assert!(errors.is_empty(), "widget errors: {errors:#?}");
        c.enter_parent_frame().await.unwrap();
    });
}

#[test]
fn the_widget_meets_wcag_2_1_aa_by_axe() {
    in_browser(|dist| async move {
        let axe = axe_source();
        let widget_port = serve(dist);
        let b = browser(1000, 1400).await;
        let c = &b.client;
        let s = cfa_settings();
        // The widget page itself, with a catalogue, a course picked, and a wrong date.
        let courses = coutcontrat_web::widget::catalogue::Catalogue::from_json(
            &s.attributes()
                .into_iter()
                .find(|(n, _)| *n == "data-catalogue")
                .unwrap()
                .1,
        )
        .to_compact();
        c.goto(&format!(
            "http://127.0.0.1:{widget_port}/index.html?mode=widget#v=1&primary=%23ffcc00&courses={courses}"
        ))
        .await
        .unwrap();
        poll(
            c,
            "return document.getElementById('course') !== null;",
            |v| v == &Value::Bool(true),
            "the widget",
        )
        .await;
        c.find(Locator::Id("course"))
            .await
            .unwrap()
            .select_by_value("0")
            .await
            .unwrap();
        fill(c, "branch", "1351").await;
        poll(
            c,
            "return document.getElementById('total-employer') !== null;",
            |v| v == &Value::Bool(true),
            "figures",
        )
        .await;
        let violations = axe_violations(c, &axe).await;
        assert!(
            violations.is_empty(),
            "widget with figures: {violations:#?}"
        );
        fill(c, "start", "31/02/2027").await;
        poll(
            c,
            "return document.getElementById('start-error') !== null;",
            |v| v == &Value::Bool(true),
            "the message",
        )
        .await;
        let violations = axe_violations(c, &axe).await;
        assert!(
            violations.is_empty(),
            "widget with a message: {violations:#?}"
        );
        assert_no_console_error(c).await;
    });
}

#[test]
fn the_integration_page_builds_the_snippet_and_shows_the_real_widget() {
    in_browser(|dist| async move {
        let axe = axe_source();
        let port = serve(dist);
        let origin = format!("http://127.0.0.1:{port}");
        let b = browser(1280, 1600).await;
        let c = &b.client;
        c.goto(&format!("{origin}/index.html?mode=integration"))
            .await
            .unwrap();
        // The old address leads to the page of its own.
        poll(
            c,
            "return location.pathname;",
            |v| v.as_str() == Some("/integration.html"),
            "integration.html",
        )
        .await;
        // The preview is the loader itself, resized by the widget's messages.
        poll(
            c,
            "return document.querySelector('#preview iframe[title]') !== null;",
            |v| v == &Value::Bool(true),
            "the preview",
        )
        .await;
        poll(
            c,
            "const f = document.querySelector('#preview iframe'); return f.style.height;",
            |v| v.as_str().is_some_and(|h| h != "640px" && !h.is_empty()),
            "the preview's resize",
        )
        .await;
        let snippet = js(c, "return document.getElementById('snippet').textContent;").await;
        let snippet = snippet.as_str().unwrap();
        assert!(
            snippet.starts_with(&format!("<script src=\"{origin}/widget.js\" async")),
            "{snippet}"
        );
        assert!(
            snippet.contains("data-catalogue='[{\"rncp\":\"RNCP41000\""),
            "{snippet}"
        );
        assert_eq!(
            js(c, "return document.getElementById('csp').textContent;").await,
            csp(&origin)
        );
        assert_eq!(
            csp(&origin),
            format!("frame-src {origin}; script-src {origin}")
        );

        // A light colour: the page says it will be darkened, and the preview gets it.
        fill(c, "primary", "#ffcc00").await;
        let note = poll(
            c,
            "return document.getElementById('primary-contrast').textContent;",
            |v| v.as_str().is_some_and(|t| t.contains("assombrit")),
            "the contrast note",
        )
        .await;
        let gold = Colour::check(Rgb::parse("#ffcc00").unwrap())
            .used
            .to_string();
        assert!(note.as_str().unwrap().contains(&gold), "{note}");
        poll(
            c,
            "return document.querySelector('#preview iframe')?.src ?? '';",
            |v| v.as_str().is_some_and(|s| s.contains("primary=%23ffcc00")),
            "the preview with the new colour",
        )
        .await;
        // A course added in the editor reaches the snippet.
        c.find(Locator::Id("add-course"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        fill(c, "course-1-rncp", "RNCP1002").await;
        fill(c, "course-1-price", "7000").await;
        poll(
            c,
            "return document.getElementById('snippet').textContent;",
            |v| {
                v.as_str()
                    .is_some_and(|t| t.contains("{\"rncp\":\"RNCP1002\",\"price\":7000}"))
            },
            "the new course in the snippet",
        )
        .await;
        // The CFA types the NPEC it knows for a branch: it reaches the snippet; a wrong one is named.
        fill(c, "course-1-npec", "IDCC 1351 : 8000 ; IDCC 12 : rien").await;
        fill(c, "course-1-npec_edition", "2026-09").await;
        poll(
            c,
            "return document.getElementById('snippet').textContent;",
            |v| {
                v.as_str().is_some_and(|t| {
                    t.contains("\"npec_by_idcc\":{\"1351\":8000},\"npec_edition\":\"2026-09\"")
                })
            },
            "the course's NPEC in the snippet",
        )
        .await;
        let problems = js(
            c,
            "return document.getElementById('catalogue-problems')?.textContent ?? '';",
        )
        .await;
        assert!(
            problems
                .as_str()
                .unwrap()
                .contains("formation 2 (RNCP1002) : NPEC « IDCC 12 : rien » ignoré"),
            "{problems}"
        );
        // A course with three wrong fields: all three said at once, each cell marked and described.
        c.find(Locator::Id("add-course"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        fill(c, "course-2-rncp", "BTS").await;
        fill(c, "course-2-level", "9").await;
        let marked = poll(
            c,
            "return Array.from(document.querySelectorAll('#courses-table input[aria-invalid=true], table input[aria-invalid=true]'))
                 .map(i => [i.id, document.getElementById(i.getAttribute('aria-describedby').split(' ')[0]).textContent]);",
            |v| v.as_array().is_some_and(|a| a.len() == 4),
            "the wrong cells marked",
        )
        .await;
        let ids: Vec<&str> = marked
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m[0].as_str().unwrap())
            .collect();
        assert_eq!(
            ids,
            [
                "course-1-npec",
                "course-2-rncp",
                "course-2-level",
                "course-2-price"
            ],
            "{marked}"
        );
        assert!(
            marked[3][1]
                .as_str()
                .unwrap()
                .contains("formation 3 : le prix annuel manque"),
            "{marked}"
        );
        // From 1,024 px the preview stays beside the settings, never over the code to copy.
        js(
            c,
            "document.getElementById('snippet').scrollIntoView(); return null;",
        )
        .await;
        let overlap = js(
            c,
            "const a = document.getElementById('preview').getBoundingClientRect(),
                   b = document.getElementById('snippet').getBoundingClientRect();
             return a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right;",
        )
        .await;
        assert_eq!(
            overlap,
            Value::Bool(false),
            "the preview covers the code to copy"
        );
        let png = c.screenshot().await.expect("screenshot");
        std::fs::write(artifacts().join("widget-integration.png"), png)
            .expect("write the screenshot");
        let violations = axe_violations(c, &axe).await;
        assert!(violations.is_empty(), "integration page: {violations:#?}");
        assert_no_console_error(c).await;
    });
}
