//! Times the built page in headless Chromium (issue 9, « the web bundle », « the référentiel in the page »):
//! a measurement, not a test — it asserts nothing and prints a table. Run by `scripts/bench-web.sh`, which
//! also prints the sizes; alone:
//!
//! ```text
//! COUTCONTRAT_DIST=dist cargo run --release -p coutcontrat-web --example bench_page [-- LABEL]
//! ```
//!
//! - **Interactive**: from navigation (a fresh load, nothing cached: the server sends `no-store`) to the
//!   calculator first rendered with its handlers (`performance.mark("coutcontrat-interactive")`, set by the
//!   app after its first render); beside it, the load event of a blank page of the same server, the
//!   baseline. Median of `RUNS` (5).
//! - **Warmed**: from navigation to the end of the warm-up the app runs after its first paint
//!   (`performance.mark("coutcontrat-warmed")`: the first search's code, rendering and font, run ahead).
//! - **Search**: a query typed one character at a time in the certification box; for each keystroke, the
//!   time from the `input` event to the suggestions rendered and laid out (the app renders in a microtask:
//!   the clock stops in the next task, after a forced layout of the list). `ROUNDS` (3) typings, the first
//!   once the warm-up is done: a visitor takes longer than that to reach the box and type.
//! - **Whole cost**: a three-year contract opened from a share link, then its price retyped `KEYS` (30)
//!   times; for each keystroke, the time from the `input` event to the new figures laid out: the whole
//!   quote in WebAssembly, the salary and contributions of its 36 months and the aids included (issue 21),
//!   beside the same contract without a date of birth (the training quote alone), in the same run.

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::Duration;

use serde_json::Value;
use support::*;

const QUERY: &str = "gestionnaire commerce international";
const BLANK: &str = "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Page vide</title></head>\
    <body><p>Page vide : la référence du même serveur.</p></body></html>";

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n == 0 {
        f64::NAN
    } else if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn number(v: &Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

/// Types `QUERY` in the certification box; the time of each keystroke, and the suggestions shown at the end.
const TYPE: &str = r#"
const [query, done] = [arguments[0], arguments[arguments.length - 1]];
const input = document.getElementById('certification');
const channel = new MessageChannel();
const nextTask = () => new Promise(r => { channel.port1.onmessage = () => r(); channel.port2.postMessage(0); });
(async () => {
  input.focus();
  input.value = '';
  input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await nextTask();
  const [times, handler, render] = [[], [], []];
  const start = performance.now();
  for (let i = 1; i <= query.length; i++) {
    input.value = query.slice(0, i);
    const t0 = performance.now();
    input.dispatchEvent(new InputEvent('input', { bubbles: true, data: query[i - 1], inputType: 'insertText' }));
    const t1 = performance.now();
    await nextTask();
    const t2 = performance.now();
    const list = document.getElementById('certification-list');
    if (list) list.offsetHeight;
    const t3 = performance.now();
    times.push(t3 - t0);
    handler.push(t1 - t0);
    render.push(t2 - t1);
  }
  const shown = document.querySelectorAll('#certification-list [role=option]').length;
  done({ times, handler, render, shown, start });
})().catch(e => done({ error: String(e) }));
"#;

/// Retypes the price `n` times; the time of each keystroke to the figures laid out, and the last net.
const RETYPE: &str = r#"
const [n, done] = [arguments[0], arguments[arguments.length - 1]];
const input = document.getElementById('price');
const channel = new MessageChannel();
const nextTask = () => new Promise(r => { channel.port1.onmessage = () => r(); channel.port2.postMessage(0); });
(async () => {
  const times = [];
  for (let i = 1; i <= n; i++) {
    input.value = String(9000 + (i % 2));
    const t0 = performance.now();
    input.dispatchEvent(new InputEvent('input', { bubbles: true, data: '0', inputType: 'insertText' }));
    await nextTask();
    document.getElementById('results').offsetHeight;
    times.push(performance.now() - t0);
  }
  const net = document.getElementById('net-total');
  const total = document.getElementById('total-employer');
  done({ times, net: net ? net.dataset.value : null, total: total ? total.dataset.value : null });
})().catch(e => done({ error: String(e) }));
"#;

/// A three-year BTS contract looked up in the embedded référentiel; `WHOLE_COST` adds what the
/// employer's whole cost needs.
const THREE_YEARS: &str = "?signed_on=14/09/2026&start=01/09/2026&end=31/08/2029&rncp=RNCP41000&idcc=1351&price=9000&level=5";
const WHOLE_COST: &str = "&birth_date=02/03/2007&company_headcount=20";

/// Opens `query`, waits for its figures, then times `keys` retypings of the price (milliseconds each).
async fn retype(c: &fantoccini::Client, url: &str, keys: usize, net: bool) -> Vec<f64> {
    c.goto("about:blank").await.expect("about:blank");
    c.goto(url).await.expect("the calculator");
    let wanted = if net { "net-total" } else { "total-employer" };
    poll(
        c,
        &format!(
            "const e = document.getElementById('{wanted}'); return e ? e.dataset.value : null;"
        ),
        |v| v.is_string(),
        "the contract's figures",
    )
    .await;
    let v = c
        .execute_async(RETYPE, vec![Value::from(keys)])
        .await
        .expect("retyping");
    if let Some(e) = v.get("error") {
        panic!("retyping failed: {e}");
    }
    assert_eq!(v["net"].is_string(), net, "the whole cost shown: {v}");
    v["times"]
        .as_array()
        .expect("times")
        .iter()
        .map(number)
        .collect()
}

fn main() {
    let label = std::env::args().nth(1).unwrap_or_else(|| "page".to_owned());
    let runs = env_usize("RUNS", 5);
    let rounds = env_usize("ROUNDS", 3);
    let dist = dist();
    let mut pages = Pages::new();
    pages.insert("/blank.html".into(), BLANK.as_bytes().to_vec());
    let port = serve_site(Some(dist.clone()), pages);
    let base = format!("http://127.0.0.1:{port}/");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let b = browser(1280, 900).await;
        let c = &b.client;
        let (mut blank, mut page, mut loaded) = (Vec::new(), Vec::new(), Vec::new());
        let mut warmed = Vec::new();
        for _ in 0..runs {
            c.goto("about:blank").await.expect("about:blank");
            c.goto(&format!("{base}blank.html")).await.expect("blank page");
            let t = poll(
                c,
                "const n = performance.getEntriesByType('navigation')[0]; return n && n.loadEventEnd;",
                |v| v.as_f64().is_some_and(|t| t > 0.0),
                "the blank page's load event",
            )
            .await;
            blank.push(number(&t));
            c.goto("about:blank").await.expect("about:blank");
            c.goto(&base).await.expect("the calculator");
            // Waits for the warm-up too (a build without it: 2 s after the first render, then null).
            let t = poll(
                c,
                "const m = performance.getEntriesByName('coutcontrat-interactive')[0];
                 const w = performance.getEntriesByName('coutcontrat-warmed')[0];
                 const n = performance.getEntriesByType('navigation')[0];
                 return m && n && n.loadEventEnd > 0 && (w || performance.now() - m.startTime > 2000)
                   ? [m.startTime, n.loadEventEnd, w ? w.startTime : null] : null;",
                |v| v.is_array(),
                "the calculator's first render and warm-up",
            )
            .await;
            page.push(number(&t[0]));
            loaded.push(number(&t[1]));
            warmed.push(number(&t[2]));
        }
        let errors = page_errors(c).await;
        assert!(errors.is_empty(), "page errors: {errors:?}");
        let shown_data = js(
            c,
            "return document.querySelector('.footer') ? document.querySelector('.footer').textContent : '';",
        )
        .await;

        let (mut handler, mut render): (Vec<f64>, Vec<f64>) = (Vec::new(), Vec::new());
        let mut keys: Vec<f64> = Vec::new();
        let mut shown = 0;
        let mut typing_starts = f64::NAN;
        for _ in 0..rounds {
            let v = c
                .execute_async(TYPE, vec![Value::String(QUERY.into())])
                .await
                .expect("typing");
            if let Some(e) = v.get("error") {
                panic!("typing failed: {e}");
            }
            keys.extend(v["times"].as_array().expect("times").iter().map(number));
            handler.extend(v["handler"].as_array().expect("handler").iter().map(number));
            render.extend(v["render"].as_array().expect("render").iter().map(number));
            shown = v["shown"].as_u64().unwrap_or(0);
            if typing_starts.is_nan() {
                typing_starts = number(&v["start"]);
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        let retypings = env_usize("KEYS", 30);
        let mut whole = retype(c, &format!("{base}{THREE_YEARS}{WHOLE_COST}"), retypings, true).await;
        let mut training = retype(c, &format!("{base}{THREE_YEARS}"), retypings, false).await;
        let (mwhole, mtraining) = (median(&mut whole), median(&mut training));
        // The last load is the page typed in.
        let (last_page, last_warmed) = (page[page.len() - 1], warmed[warmed.len() - 1]);
        if std::env::var_os("BENCH_VERBOSE").is_some() {
            eprintln!("[{label}] keystrokes (ms): {keys:.1?}");
            let after: Vec<f64> = warmed.iter().zip(&page).map(|(w, p)| w - p).collect();
            eprintln!("[{label}] warm-up done after interactive, each load (ms): {after:.0?}");
            eprintln!(
                "[{label}] first keystroke after load: {:.1} ms = event handler {:.1} + render task {:.1} + layout {:.1}; \
                 typing began {:.0} ms after navigation (interactive at {last_page:.0}, warmed at {last_warmed:.0})",
                keys[0],
                handler[0],
                render[0],
                keys[0] - handler[0] - render[0],
                typing_starts,
            );
        }
        let max = keys.iter().copied().fold(f64::NAN, f64::max);
        let over = keys.iter().filter(|t| **t >= 16.0).count();
        let (mb, mp, ml) = (median(&mut blank), median(&mut page), median(&mut loaded));
        let mw = median(&mut warmed);
        let footer = shown_data.as_str().unwrap_or_default();
        let data = footer
            .split("Données : ")
            .nth(1)
            .and_then(|s| s.split(". ").next())
            .unwrap_or("?");
        println!("[{label}] data: {data}");
        // One line per measure for the summary of scripts/bench.sh (tab-separated: measure, ours, baseline,
        // ratio, target, verdict).
        if let Some(path) = std::env::var_os("BENCH_SUMMARY") {
            let median_key = median(&mut keys.clone());
            let rows = [
                format!(
                    "web, {label}: navigation → interactive (median of {runs})\t{mp:.0} ms\t{mb:.0} ms (blank page)\t{:.1}\t–\t–",
                    mp / mb
                ),
                format!(
                    "web, {label}: navigation → first keystroke's code run ahead (median of {runs})\t{mw:.0} ms\t{mp:.0} ms (interactive)\t{:.2}\t–\t–",
                    mw / mp
                ),
                format!(
                    "web, {label}: 3-year contract, whole cost with contributions, price keystroke (median)\t{mwhole:.1} ms\t{mtraining:.1} ms (training quote only)\t{:.2}\t–\t–",
                    mwhole / mtraining
                ),
                format!(
                    "web, {label}: search keystroke, median / max\t{median_key:.1} / {max:.1} ms\t–\t–\t< 16 ms each\t{}",
                    if over == 0 {
                        "met".to_owned()
                    } else {
                        format!("missed: {over} of {} keystrokes ≥ 16 ms", keys.len())
                    }
                ),
            ];
            let mut f = std::fs::OpenOptions::new()
                .append(true)
                .create(true)
                .open(path)
                .expect("BENCH_SUMMARY is writable");
            for r in rows {
                use std::io::Write as _;
                writeln!(f, "{r}").expect("BENCH_SUMMARY is writable");
            }
        }
        println!("| {label}: measure (headless Chromium, localhost, no cache) | median | runs | vs blank page |");
        println!("|---|---:|---:|---:|");
        println!("| blank page of the same server: load event | {mb:.0} ms | {runs} | 1.0× |");
        println!(
            "| calculator: navigation → first render, interactive | {mp:.0} ms | {runs} | {:.1}× |",
            mp / mb
        );
        println!(
            "| calculator: navigation → load event | {ml:.0} ms | {runs} | {:.1}× |",
            ml / mb
        );
        println!(
            "| calculator: navigation → first keystroke's code run ahead (mark coutcontrat-warmed) | {mw:.0} ms | {runs} | {:.1}× |",
            mw / mb
        );
        let mut sorted = keys.clone();
        sorted.sort_by(|a, b| a.total_cmp(b));
        let p90 = sorted
            .get((sorted.len() * 9 / 10).min(sorted.len().saturating_sub(1)))
            .copied()
            .unwrap_or(f64::NAN);
        println!(
            "| certification search, one keystroke (input → list rendered) | {:.1} ms (p90 {p90:.1}, max {max:.1}; {over} of {} ≥ 16 ms) | {rounds} × {} keys | – |",
            median(&mut keys.clone()),
            keys.len(),
            QUERY.chars().count()
        );
        println!(
            "| 3-year contract, price retyped: input → whole cost with 36 months of contributions laid out | {mwhole:.1} ms | {retypings} keys | – |"
        );
        println!(
            "| the same contract, no date of birth: input → training quote laid out | {mtraining:.1} ms | {retypings} keys | – |"
        );
        println!(
            "[{label}] typing began {:.0} ms after the warm-up's end ({:.0} ms after interactive): a visitor takes longer",
            typing_starts - last_warmed,
            typing_starts - last_page,
        );
        println!(
            "[{label}] « {QUERY} »: {shown} suggestions shown at the end; per keystroke, median: event handler {:.2} ms, \
             then render task {:.2} ms, then layout {:.2} ms",
            median(&mut handler.clone()),
            median(&mut render.clone()),
            median(&mut keys.clone()) - median(&mut handler) - median(&mut render),
        );
    });
}
