//! The HTTP headers `scripts/run.sh` serves the built site with (`coutcontrat-serve`, issue 17): a
//! `<meta>` policy cannot forbid framing, these headers do. The calculator may not be framed by another
//! site; the widget page may, and still works there.
//!
//! Run alone: `scripts/build-web.sh && cargo test -p coutcontrat-web --test headers`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::TcpStream;

use coutcontrat_serve::headers::{PAGE_CSP, WIDGET_CSP};
use fantoccini::Locator;
use serde_json::Value;
use support::*;

/// The status line and the headers (names in lower case) of a GET of `path`.
fn get(port: u16, path: &str) -> (String, HashMap<String, String>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("the server");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    let answer = String::from_utf8_lossy(&answer);
    let head = answer.split("\r\n\r\n").next().unwrap_or_default();
    let mut lines = head.lines();
    let status = lines.next().unwrap_or_default().to_owned();
    let headers = lines
        .filter_map(|l| l.split_once(": "))
        .map(|(n, v)| (n.to_ascii_lowercase(), v.to_owned()))
        .collect();
    (status, headers)
}

#[test]
fn the_server_sends_the_protective_headers() {
    let port = coutcontrat_serve::spawn(dist()).expect("coutcontrat-serve");
    for path in [
        "/",
        "/index.html",
        "/index.html?mode=integration",
        "/integration.html",
    ] {
        let (status, h) = get(port, path);
        assert_eq!(status, "HTTP/1.1 200 OK", "{path}");
        assert_eq!(h["content-security-policy"], PAGE_CSP, "{path}");
        assert!(PAGE_CSP.contains("frame-ancestors 'none'"));
        assert_eq!(h["x-frame-options"], "DENY", "{path}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "no-referrer", "{path}");
    }
    let (status, h) = get(port, "/widget.html");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert_eq!(h["content-security-policy"], WIDGET_CSP);
    assert!(WIDGET_CSP.contains("frame-ancestors *"));
    assert!(!h.contains_key("x-frame-options"), "{h:?}");
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["referrer-policy"], "no-referrer");
    let (status, h) = get(port, "/widget.js");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert_eq!(h["content-type"], "text/javascript; charset=utf-8");
    assert_eq!(h["x-content-type-options"], "nosniff");
    // Nothing outside dist/.
    assert_eq!(get(port, "/../Cargo.toml").0, "HTTP/1.1 404 Not Found");
}

/// The headers (names in lower case) and the body of a GET of `path` sending `Accept-Encoding: accept`.
fn get_encoded(port: u16, path: &str, accept: &str) -> (HashMap<String, String>, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("the server");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept-Encoding: {accept}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    let end = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a head");
    let head = String::from_utf8_lossy(&answer[..end]).into_owned();
    let headers = head
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once(": "))
        .map(|(n, v)| (n.to_ascii_lowercase(), v.to_owned()))
        .collect();
    (headers, answer[end + 4..].to_vec())
}

#[test]
fn the_build_is_served_precompressed_to_a_browser_that_accepts_it() {
    let dist = dist();
    let port = coutcontrat_serve::spawn(dist.clone()).expect("coutcontrat-serve");
    let wasm = std::fs::read_dir(&dist)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|n| n.ends_with(".wasm"))
        .expect("the page's WebAssembly in dist/");
    for file in [wasm.as_str(), "index.html", "widget.js", "referentiel.ccrc"] {
        let path = format!("/{file}");
        let plain = std::fs::read(dist.join(file)).unwrap();
        for (accept, coding, copy) in [
            ("gzip, deflate, br", Some("br"), format!("{file}.br")),
            ("gzip", Some("gzip"), format!("{file}.gz")),
            ("identity", None, file.to_owned()),
        ] {
            let (h, body) = get_encoded(port, &path, accept);
            assert_eq!(
                h.get("content-encoding").map(String::as_str),
                coding,
                "{file}, {accept}"
            );
            assert_eq!(h["vary"], "Accept-Encoding", "{file}");
            assert_eq!(
                body,
                std::fs::read(dist.join(&copy)).unwrap(),
                "{file}, {accept}"
            );
            if coding.is_some() {
                assert!(
                    body.len() < plain.len(),
                    "{copy} is not smaller than {file}"
                );
            }
        }
    }
    // The widget page is written after index.html, and compressed too; it has no loading shell.
    let widget = std::fs::read_to_string(dist.join("widget.html")).unwrap();
    assert!(
        !widget.contains("shell"),
        "the widget page kept the calculator's shell"
    );
    assert!(dist.join("widget.html.br").is_file());
}

#[test]
fn another_site_may_frame_the_widget_not_the_calculator() {
    in_browser(|dist| async move {
        // The site as scripts/run.sh serves it, and a CFA's page on another port framing both pages.
        let port = coutcontrat_serve::spawn(dist).expect("coutcontrat-serve");
        let site = format!("http://127.0.0.1:{port}");
        let frames = format!(
            r#"<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>CFA</title></head><body>
<iframe id="calculator" title="calculator" src="{site}/index.html"></iframe>
<script>
var w = document.createElement("iframe");
w.id = "widget"; w.title = "widget";
w.src = "{site}/widget.html#v=1&host=" + encodeURIComponent(location.origin);
document.body.appendChild(w);
</script>
</body></html>"#
        );
        let host_port = serve_site(None, Pages::from([("/".to_owned(), frames.into_bytes())]));
        let b = browser(1000, 1400).await;
        let c = &b.client;
        c.goto(&format!("http://127.0.0.1:{host_port}/"))
            .await
            .unwrap();
        c.find(Locator::Id("widget"))
            .await
            .unwrap()
            .enter_frame()
            .await
            .unwrap();
        poll(
            c,
            "return document.getElementById('branch') !== null;",
            |v| v == &Value::Bool(true),
            "the framed widget",
        )
        .await;
        assert_no_console_error(c).await;
        c.enter_parent_frame().await.unwrap();
        // The calculator's frame stays Chromium's error page: no app, no error hook of the page.
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        c.find(Locator::Id("calculator"))
            .await
            .unwrap()
            .enter_frame()
            .await
            .unwrap();
        let inside = js(
            c,
            "return { app: document.getElementById('app') !== null, hook: Array.isArray(window.__pageErrors) };",
        )
        .await;
        assert_eq!(inside["app"], false, "the calculator was framed: {inside}");
        assert_eq!(inside["hook"], false, "the calculator was framed: {inside}");
    });
}
