//! The messages between the widget and its host page (issue 17), in headless Chromium: the catalogue goes
//! by message after the widget's `coutcontrat:ready` (the iframe's address stays short with 10 000
//! courses), a catalogue from another origin or another frame is ignored, and the widget never posts to
//! `"*"`: with no host origin it posts nothing.
//!
//! Run alone: `scripts/build-web.sh && cargo test -p coutcontrat-web --test widget_messages`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use support::*;

/// A page of a site: the error hook, a record of the messages its window receives, then `body`.
fn page(body: &str) -> Vec<u8> {
    format!(
        r#"<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>CFA</title>{ERROR_HOOK}
<script>
window.__seen = [];
window.addEventListener("message", function (e) {{
    __seen.push({{ origin: e.origin, type: e.data && e.data.type, frame: e.source === frames[0] }});
}});
</script></head><body>{body}</body></html>"#
    )
    .into_bytes()
}

/// A frame that posts a forged catalogue to its parent's first frame (the widget), then says so.
const FORGER: &str = r#"<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>forge</title></head><body>
<script>
parent.frames[0].postMessage({ type: "coutcontrat:catalogue", v: 1,
    catalogue: '[{"rncp": "RNCP1", "label": "Formation forgée", "price": 1}]' }, "*");
parent.postMessage({ type: "forged" }, "*");
</script></body></html>"#;

async fn enter_widget(c: &Client) {
    c.find(Locator::Css("iframe"))
        .await
        .expect("the widget's iframe")
        .enter_frame()
        .await
        .expect("into the widget");
}

/// The labels of the widget's course menu (its placeholder first).
async fn course_options(c: &Client, count: usize) -> Value {
    poll(
        c,
        "return Array.from(document.querySelectorAll('#course option')).map(o => o.textContent);",
        |v| v.as_array().is_some_and(|a| a.len() == count),
        &format!("{count} options in the course menu"),
    )
    .await
}

#[test]
fn ten_thousand_courses_go_by_message_and_the_address_stays_short() {
    in_browser(|dist| async move {
        let widget_port = serve(dist);
        let widget = format!("http://127.0.0.1:{widget_port}");
        // 10 000 courses: 1.1 MB in the iframe's address before issue 17.
        let courses: Vec<Value> = (1..=10_000)
            .map(|i| {
                json!({"rncp": format!("RNCP{}", 30_000 + i), "label": format!("Formation n° {i}"),
                       "level": 5, "price": 6_000 + i % 100, "months": 24})
            })
            .collect();
        let catalogue = Value::from(courses).to_string();
        assert!(catalogue.len() > 800_000, "{}", catalogue.len());
        let snippet = format!(
            r##"<script src="{widget}/widget.js" data-primary="#0a6560" data-catalogue='{catalogue}'></script>"##
        );
        let host_port = serve_site(None, Pages::from([("/".to_owned(), page(&snippet))]));
        let b = browser(1000, 1400).await;
        let c = &b.client;
        c.goto(&format!("http://127.0.0.1:{host_port}/"))
            .await
            .unwrap();
        let src = poll(
            c,
            "const f = document.querySelector('iframe'); return f ? f.src : null;",
            |v| v.is_string(),
            "the iframe",
        )
        .await;
        let src = src.as_str().unwrap();
        assert!(src.len() < 200, "the iframe's address: {} bytes", src.len());
        assert_eq!(
            src,
            format!(
                "{widget}/widget.html#v=1&host=http%3A%2F%2F127.0.0.1%3A{host_port}&primary=%230a6560&catalogue=message"
            )
        );
        enter_widget(c).await;
        let options = course_options(c, 10_001).await;
        assert_eq!(options[1], "Formation n° 1");
        assert_eq!(options[10_000], "Formation n° 10000");
        // The last course is picked like any other.
        c.find(Locator::Id("course"))
            .await
            .unwrap()
            .select_by_value("9999")
            .await
            .unwrap();
        let detail = poll(
            c,
            "return document.getElementById('course-detail')?.textContent ?? null;",
            |v| v.is_string(),
            "the course's detail",
        )
        .await;
        assert!(
            detail.as_str().unwrap().starts_with("RNCP40000 · niveau 5"),
            "{detail}"
        );
        let errors = page_errors(c).await;
        assert!(errors.is_empty(), "widget errors: {errors:#?}");
        c.enter_parent_frame().await.unwrap();
        assert_no_console_error(c).await;
    });
}

#[test]
fn a_catalogue_from_another_origin_or_frame_is_ignored() {
    in_browser(|dist| async move {
        let widget_port = serve(dist);
        let widget = format!("http://127.0.0.1:{widget_port}");
        let third_port = serve_site(
            None,
            Pages::from([("/forge.html".to_owned(), FORGER.as_bytes().to_vec())]),
        );
        // The host page frames the widget itself, announcing a catalogue, and sends nothing yet.
        let body = format!(
            r#"<script>
var f = document.createElement("iframe");
f.title = "widget";
f.src = "{widget}/widget.html#v=1&host=" + encodeURIComponent(location.origin) + "&catalogue=message";
document.body.appendChild(f);
</script>"#
        );
        let host_port = serve_site(
            None,
            Pages::from([
                ("/".to_owned(), page(&body)),
                ("/forge.html".to_owned(), FORGER.as_bytes().to_vec()),
            ]),
        );
        let host = format!("http://127.0.0.1:{host_port}");
        let b = browser(1000, 1400).await;
        let c = &b.client;
        c.goto(&format!("{host}/")).await.unwrap();
        // The widget says it is ready, to the host's origin.
        poll(
            c,
            "return __seen.filter(m => m.type === 'coutcontrat:ready' && m.frame).map(m => m.origin);",
            |v| v.as_array().is_some_and(|a| !a.is_empty()),
            "the widget's coutcontrat:ready",
        )
        .await;
        // Forgeries: a frame of a third origin, and a frame of the host's own origin that is not the
        // widget's parent.
        js(
            c,
            &format!(
                "for (const src of ['http://127.0.0.1:{third_port}/forge.html', '/forge.html']) {{
                     const g = document.createElement('iframe'); g.title = 'forge'; g.src = src;
                     document.body.appendChild(g);
                 }}
                 return true;"
            ),
        )
        .await;
        poll(
            c,
            "return __seen.filter(m => m.type === 'forged').length;",
            |v| v.as_u64() == Some(2),
            "both forgeries posted",
        )
        .await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        enter_widget(c).await;
        let options = course_options(c, 1).await;
        assert_eq!(options, json!(["— Choisir une formation —"]));
        assert!(c.find(Locator::Id("course-loading")).await.is_ok());
        c.enter_parent_frame().await.unwrap();

        // The host page's own catalogue, to the widget's origin: taken.
        js(
            c,
            &format!(
                "frames[0].postMessage({{ type: 'coutcontrat:catalogue', v: 1,
                     catalogue: '[{{\"rncp\": \"RNCP41000\", \"label\": \"BTS du CFA\", \"price\": 9000}}]' }},
                     '{widget}');
                 return true;"
            ),
        )
        .await;
        enter_widget(c).await;
        let options = course_options(c, 2).await;
        assert_eq!(options[1], "BTS du CFA");
        assert!(c.find(Locator::Id("course-loading")).await.is_err());
        c.enter_parent_frame().await.unwrap();
        // A second one changes nothing.
        js(
            c,
            &format!(
                "frames[0].postMessage({{ type: 'coutcontrat:catalogue', v: 1, catalogue: '[]' }}, '{widget}');
                 return true;"
            ),
        )
        .await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        enter_widget(c).await;
        assert_eq!(course_options(c, 2).await[1], "BTS du CFA");
        let errors = page_errors(c).await;
        assert!(errors.is_empty(), "widget errors: {errors:#?}");
        c.enter_parent_frame().await.unwrap();
        assert_no_console_error(c).await;
    });
}

/// A host page on the widget's own origin, so that the widget's `parent.postMessage` is this page's
/// own function: it records every target origin the widget posts to.
fn recording_page(body: &str) -> Vec<u8> {
    page(&format!(
        r#"<script>
window.__targets = [];
var post = window.postMessage;
window.postMessage = function (data, target) {{
    __targets.push({{ target: String(target), type: data && data.type }});
    return post.apply(window, arguments);
}};
</script>{body}"#
    ))
}

#[test]
fn the_widget_never_posts_to_any_origin() {
    in_browser(|dist| async move {
        // No host origin in the widget's address: it used to post its height and figures to "*".
        let plain = r#"<iframe title="widget" src="widget.html#v=1&primary=%23aa0000"></iframe>"#;
        let bad_host =
            r#"<iframe title="widget" src="widget.html#v=1&host=*&catalogue=message"></iframe>"#;
        // With this page's origin as host. (Not through the loader: the recording function makes this
        // page the messages' source, which the loader rightly refuses.)
        let hosted = r#"<script>
var f = document.createElement("iframe");
f.title = "widget";
f.src = "widget.html#v=1&catalogue=message&host=" + encodeURIComponent(location.origin);
document.body.appendChild(f);
</script>"#;
        let port = serve_site(
            Some(dist),
            Pages::from([
                ("/plain.html".to_owned(), recording_page(plain)),
                ("/bad-host.html".to_owned(), recording_page(bad_host)),
                ("/hosted.html".to_owned(), recording_page(hosted)),
            ]),
        );
        let origin = format!("http://127.0.0.1:{port}");
        let b = browser(1000, 1400).await;
        let c = &b.client;
        for page in ["plain", "bad-host"] {
            c.goto(&format!("{origin}/{page}.html")).await.unwrap();
            enter_widget(c).await;
            poll(
                c,
                "return document.getElementById('branch') !== null;",
                |v| v == &Value::Bool(true),
                "the widget",
            )
            .await;
            fill(c, "branch", "1351").await;
            // The developer is told, in the widget's console.
            let errors = page_errors(c).await;
            assert!(
                errors.len() == 1 && errors[0].contains("no valid host origin"),
                "{page}: {errors:#?}"
            );
            c.enter_parent_frame().await.unwrap();
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            assert_eq!(
                js(c, "return __targets;").await,
                json!([]),
                "{page}: the widget posted without a host origin"
            );
            assert_no_console_error(c).await;
        }

        // With a host: every message to this page's origin, none to "*".
        c.goto(&format!("{origin}/hosted.html")).await.unwrap();
        let targets = poll(
            c,
            "return __targets;",
            |v| {
                v.as_array().is_some_and(|a| {
                    [
                        "coutcontrat:ready",
                        "coutcontrat:resize",
                        "coutcontrat:result",
                    ]
                    .iter()
                    .all(|t| a.iter().any(|m| m["type"] == *t))
                })
            },
            "the widget's ready, resize and result messages",
        )
        .await;
        for m in targets.as_array().unwrap() {
            assert_eq!(m["target"], origin.as_str(), "{targets}");
        }
        assert_no_console_error(c).await;
    });
}
