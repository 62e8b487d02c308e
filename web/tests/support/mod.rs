//! The harness of the browser tests, shared by the test files (`mod support;`): a static server on
//! 127.0.0.1 (dist/ and extra pages), chromedriver in its own process group (killed by a guard, even when
//! a test panics), a Chromium session through fantoccini, and the helpers to poll, fill and check.
//!
//! A site here can also serve extra pages,
//! so that a test can stand for a third-party site on another port. The built files get the headers
//! `scripts/run.sh` serves them with (`coutcontrat_serve::headers`): the tests run under the real
//! policies (the page may not be framed, the widget may).
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

/// One browser at a time: two cores are shared with the build.
pub static SERIAL: Mutex<()> = Mutex::new(());

/// How long a poll waits.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// The repository's root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("web/ is in the workspace")
        .to_path_buf()
}

/// The built page (`COUTCONTRAT_DIST` or `dist/`). A test that needs it fails without it: a missing
/// build must never pass for a green run.
pub fn dist() -> PathBuf {
    let dir = std::env::var_os("COUTCONTRAT_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("dist"));
    assert!(
        dir.join("index.html").is_file(),
        "{} has no index.html: build the page first with scripts/build-web.sh \
         (scripts/test.sh does it before the tests)",
        dir.display()
    );
    dir
}

/// `target/e2e/`, for screenshots.
pub fn artifacts() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("target"));
    let dir = target.join("e2e");
    std::fs::create_dir_all(&dir).expect("target/e2e");
    dir
}

// ---- A static site ------------------------------------------------------------------------------------

/// Extra pages of a site: path (`/host.html`) → body; the type comes from the extension.
pub type Pages = HashMap<String, Vec<u8>>;

/// Serves `dir` (when given) and `pages` on 127.0.0.1, on a port of its own; returns the port.
pub fn serve_site(dir: Option<PathBuf>, pages: Pages) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    let port = listener.local_addr().unwrap().port();
    let pages = Arc::new(pages);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (dir, pages) = (dir.clone(), pages.clone());
            std::thread::spawn(move || respond(stream, dir.as_deref(), &pages));
        }
    });
    port
}

/// Serves `dir` alone.
pub fn serve(dir: PathBuf) -> u16 {
    serve_site(Some(dir), Pages::new())
}

fn respond(mut stream: TcpStream, dir: Option<&Path>, pages: &Pages) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    loop {
        let mut header = String::new();
        match reader.read_line(&mut header) {
            Ok(0) | Err(_) => break,
            Ok(_) if header.trim().is_empty() => break,
            Ok(_) => {}
        }
    }
    let target = request.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let mut policy = Vec::new();
    let found = match pages.get(path) {
        Some(body) => Some((body.clone(), content_type(Path::new(path)))),
        None => dir.and_then(|dir| {
            policy = coutcontrat_serve::headers::headers(path);
            let rel = path.trim_start_matches('/');
            let file = if rel.is_empty() || rel.contains("..") {
                dir.join("index.html")
            } else {
                dir.join(rel)
            };
            std::fs::read(&file).ok().map(|b| (b, content_type(&file)))
        }),
    };
    let (status, body, kind) = match found {
        Some((body, kind)) => ("200 OK", body, kind),
        None => ("404 Not Found", b"not found".to_vec(), "text/plain"),
    };
    let policy: String = policy
        .iter()
        .map(|(name, value)| format!("{name}: {value}\r\n"))
        .collect();
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n{policy}\r\n",
        body.len()
    );
    let _ = stream.write_all(&body);
}

/// The server's types; a test page of its own, named without an extension, is HTML.
fn content_type(file: &Path) -> &'static str {
    match file.extension() {
        None => "text/html; charset=utf-8",
        Some(_) => coutcontrat_serve::content_type(file),
    }
}

// ---- chromedriver, in its own process group ----------------------------------------------------------

/// chromedriver, killed with every Chromium it started when dropped.
pub struct Chromedriver {
    child: Child,
    pub port: u16,
}

impl Chromedriver {
    pub fn start() -> Chromedriver {
        let binary =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(&binary)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {binary} (scripts/setup.sh installs it): {e}")
            });
        let driver = Chromedriver { child, port };
        let deadline = Instant::now() + PATIENCE;
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "chromedriver did not listen on {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        driver
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A browser session; the guard lives as long as it.
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    _driver: Chromedriver,
}

/// A headless Chromium with a window of `width` × `height`.
pub async fn browser(width: u32, height: u32) -> Browser {
    let driver = Chromedriver::start();
    let chrome = std::env::var("CHROME").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let mut caps = serde_json::Map::new();
    let options = json!({
        "binary": chrome,
        "args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-crash-reporter",
            "--disable-breakpad", "--lang=fr-FR", format!("--window-size={width},{height}"),
        ],
    });
    caps.insert("goog:chromeOptions".into(), options);
    let client = ClientBuilder::new(HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a Chromium session");
    Browser {
        client,
        _driver: driver,
    }
}

/// Runs a browser test: one at a time, on a runtime of its own; fails when `dist/` is not built.
pub fn in_browser<F, Fut>(test: F)
where
    F: FnOnce(PathBuf) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dist = dist();
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
        .block_on(test(dist));
}

// ---- Helpers ------------------------------------------------------------------------------------------

/// Polls `script` (a JS function body returning a value) until `ready` accepts it.
pub async fn poll(c: &Client, script: &str, ready: impl Fn(&Value) -> bool, what: &str) -> Value {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let value = c.execute(script, vec![]).await.unwrap_or(Value::Null);
        if ready(&value) {
            return value;
        }
        if Instant::now() > deadline {
            let errors = page_errors(c).await;
            panic!("timed out waiting for {what}; last value {value}; page errors {errors:?}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The text of the element of this id, once it is in the page (`what` names it if it never comes).
pub async fn text_once_shown(c: &Client, id: &str, what: &str) -> Value {
    poll(
        c,
        &format!("return document.getElementById('{id}')?.textContent ?? null;"),
        |v| v.is_string(),
        what,
    )
    .await
}

/// Runs a script and returns its value.
pub async fn js(c: &Client, script: &str) -> Value {
    c.execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("{script}: {e}"))
}

/// Replaces the text of a box as a person would: focus it, select all, type.
pub async fn fill(c: &Client, id: &str, text: &str) {
    let input = c
        .find(Locator::Id(id))
        .await
        .unwrap_or_else(|e| panic!("#{id}: {e}"));
    input.click().await.expect("focus");
    let select_all = format!("{}a{}", char::from(Key::Control), char::from(Key::Null));
    input.send_keys(&select_all).await.expect("select all");
    if text.is_empty() {
        input
            .send_keys(&char::from(Key::Backspace).to_string())
            .await
            .expect("erase");
    } else {
        input.send_keys(text).await.expect("type");
    }
}

/// The calculator's address once it has caught up with the form: the page rewrites it after a pause in
/// typing, to the share link it shows at once.
pub async fn settled_address(c: &Client) -> String {
    poll(
        c,
        "const link = document.getElementById('share-link');
         return link && link.href === location.href ? location.href : null;",
        |v| v.is_string(),
        "the address to be the share link",
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

/// The value of a box.
pub async fn value_of(c: &Client, id: &str) -> String {
    c.find(Locator::Id(id))
        .await
        .unwrap_or_else(|e| panic!("#{id}: {e}"))
        .prop("value")
        .await
        .expect("value")
        .unwrap_or_default()
}

/// The errors the page's hook kept (`window.__pageErrors`: console.error, uncaught errors, rejections).
pub async fn page_errors(c: &Client) -> Vec<String> {
    match c
        .execute("return window.__pageErrors || null;", vec![])
        .await
    {
        Ok(Value::Array(items)) => items.iter().map(|v| v.to_string()).collect(),
        other => vec![format!("the page's error hook is missing: {other:?}")],
    }
}

/// Fails on any error the page's hook kept.
pub async fn assert_no_console_error(c: &Client) {
    let errors = page_errors(c).await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

/// The error hook of `web/index.html`, for a test's own pages.
pub const ERROR_HOOK: &str = r#"<script>
(function () {
    var errors = (window.__pageErrors = []);
    var original = console.error;
    console.error = function () {
        errors.push(Array.prototype.map.call(arguments, String).join(" "));
        return original.apply(console, arguments);
    };
    window.addEventListener("error", function (e) {
        errors.push(String(e.message || (e.target && e.target.src) || e));
    }, true);
    window.addEventListener("unhandledrejection", function (e) {
        errors.push("unhandled rejection: " + String(e.reason));
    });
})();
</script>"#;

/// axe-core, from the npm tools of the project (scripts/setup.sh installs web/tools).
pub fn axe_source() -> String {
    let file = workspace().join("web/tools/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&file).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; install the web tools with `npm install --prefix web/tools` (scripts/setup.sh)",
            file.display()
        )
    })
}

/// The WCAG 2.1 A and AA violations axe-core finds in the page as it is.
pub async fn axe_violations(c: &Client, source: &str) -> Vec<Value> {
    axe_run(
        c,
        source,
        "{ type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }",
    )
    .await
}

/// The violations of these axe-core rules (best practices beyond WCAG: landmarks, headings).
pub async fn axe_rule_violations(c: &Client, source: &str, rules: &[&str]) -> Vec<Value> {
    let rules = serde_json::to_string(rules).expect("rule names");
    axe_run(c, source, &format!("{{ type: 'rule', values: {rules} }}")).await
}

async fn axe_run(c: &Client, source: &str, only: &str) -> Vec<Value> {
    c.execute(source, vec![]).await.expect("axe-core loads");
    let script = format!(
        "const done = arguments[arguments.length - 1];
             axe.run(document, {{ runOnly: {only} }})
                 .then(r => done(r.violations.map(v => ({{
                     id: v.id, impact: v.impact, help: v.help,
                     nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + (n.failureSummary || ''))
                 }}))))
                 .catch(e => done([{{ id: 'axe-error', help: String(e) }}]));"
    );
    let result = c.execute_async(&script, vec![]).await.expect("axe runs");
    result.as_array().cloned().unwrap_or_default()
}
