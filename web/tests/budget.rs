//! The size budgets of issue 9, on the release build (`dist/`, made by `scripts/build-web.sh`): deterministic,
//! unlike the times, which `scripts/bench-web.sh` measures and does not assert.
//!
//! - WebAssembly + JS glue at most 350 KB gzip -9, without the référentiel;
//! - the référentiel outside the code: no CSV text nor CSV/TOML parser in the WebAssembly, the compact file
//!   beside it (`referentiel.ccrc`), and the synthetic full-size table in that form at most 400 KB gzip.
//!
//! Sizes are gzip -9 as the `gzip` command writes them. They fail, saying so, when `dist/` is not built.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

const WASM_AND_JS_GZIP: usize = 350_000;
const DATA_GZIP: usize = 400_000;

fn gzip_size(bytes: &[u8]) -> usize {
    let mut child = Command::new("gzip")
        .args(["-9", "-c", "-n"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("gzip");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().expect("gzip output");
    writer.join().expect("writer").expect("gzip input");
    assert!(out.status.success());
    out.stdout.len()
}

fn built(dist: &Path, prefix: &str, suffix: &str) -> Vec<u8> {
    let file = std::fs::read_dir(dist)
        .expect("dist/")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(suffix))
        })
        .unwrap_or_else(|| panic!("no {prefix}*{suffix} in {}", dist.display()));
    std::fs::read(file).expect("readable")
}

#[test]
fn webassembly_and_js_stay_within_350_kb_gzip_without_the_referentiel() {
    let dist = support::dist();
    let wasm = built(&dist, "coutcontrat-web-", "_bg.wasm");
    let js = built(&dist, "coutcontrat-web-", ".js");
    let (w, j) = (gzip_size(&wasm), gzip_size(&js));
    eprintln!(
        "WebAssembly {} B ({w} B gzip), JS {} B ({j} B gzip)",
        wasm.len(),
        js.len()
    );
    assert!(
        w + j <= WASM_AND_JS_GZIP,
        "{} B gzip, over the budget of {WASM_AND_JS_GZIP} B",
        w + j
    );
    // Neither the data as text nor their parsers: the référentiel is the file beside the app.
    for text in [
        &b"rncp_cell,label,certifier"[..],
        b"CSV error",
        b"TOML parse error",
    ] {
        assert!(
            !wasm.windows(text.len()).any(|w| w == text),
            "the WebAssembly carries {:?}",
            String::from_utf8_lossy(text)
        );
    }
    let data = built(&dist, "referentiel", ".ccrc");
    assert!(data.starts_with(b"CCRC"), "referentiel.ccrc is not compact");
}

/// The integration page (the CFA's tools) is a module of its own: the calculator's visitors never download
/// it, and integration.html loads that module, not the calculator's.
#[test]
fn the_integration_page_is_a_module_of_its_own() {
    let dist = support::dist();
    let marker = "Intégrer le simulateur au site de votre CFA".as_bytes();
    let calculator = built(&dist, "coutcontrat-web-", "_bg.wasm");
    let integration = built(&dist, "coutcontrat-integration-", "_bg.wasm");
    let carries = |wasm: &[u8]| wasm.windows(marker.len()).any(|w| w == marker);
    assert!(
        !carries(&calculator),
        "the calculator's WebAssembly carries the integration page"
    );
    assert!(
        carries(&integration),
        "the integration module lacks its page"
    );
    let page =
        std::fs::read_to_string(dist.join("integration.html")).expect("dist/integration.html");
    assert!(
        page.contains("data-wasm=\"/coutcontrat-integration-"),
        "{page}"
    );
    assert!(
        !page.contains("coutcontrat-web-"),
        "integration.html names the calculator's files"
    );
    eprintln!("integration module: {} B gzip", gzip_size(&integration));
}

/// The widget is its own module too: the calculator's visitors do not download it (34 KB gzip), nor the CFAs'
/// the calculator; `widget.html` names the widget's files only.
#[test]
fn the_widget_is_a_module_of_its_own() {
    let dist = support::dist();
    let marker = "Chargement des formations du CFA".as_bytes();
    let calculator = built(&dist, "coutcontrat-web-", "_bg.wasm");
    let widget = built(&dist, "coutcontrat-widget-", "_bg.wasm");
    let carries = |wasm: &[u8]| wasm.windows(marker.len()).any(|w| w == marker);
    assert!(
        !carries(&calculator),
        "the calculator's WebAssembly carries the widget"
    );
    assert!(carries(&widget), "the widget module lacks its page");
    let page = std::fs::read_to_string(dist.join("widget.html")).expect("dist/widget.html");
    assert!(page.contains("data-wasm=\"/coutcontrat-widget-"), "{page}");
    assert!(
        !page.contains("coutcontrat-web-"),
        "widget.html names the calculator's files"
    );
    // The widget's page answers to the same budget as the calculator's.
    let js = built(&dist, "coutcontrat-widget-", ".js");
    let total = gzip_size(&widget) + gzip_size(&js);
    eprintln!(
        "widget module: {} B gzip, with its JS {total} B",
        gzip_size(&widget)
    );
    assert!(
        total <= WASM_AND_JS_GZIP,
        "the widget: {total} B gzip, over its budget"
    );
}

/// The CFA's view (issue 22) is its own module: neither the calculator nor the widget carries it, and its
/// page answers to the calculator's budget.
#[test]
fn the_cfa_view_is_a_module_of_its_own() {
    let dist = support::dist();
    let marker = "Grille d'un CFA : toutes les branches".as_bytes();
    let carries = |wasm: &[u8]| wasm.windows(marker.len()).any(|w| w == marker);
    let cfa = built(&dist, "coutcontrat-cfa-", "_bg.wasm");
    assert!(carries(&cfa), "the CFA module lacks its page");
    for other in ["coutcontrat-web-", "coutcontrat-widget-"] {
        assert!(
            !carries(&built(&dist, other, "_bg.wasm")),
            "{other} carries the CFA view"
        );
    }
    let page = std::fs::read_to_string(dist.join("cfa.html")).expect("dist/cfa.html");
    assert!(page.contains("data-wasm=\"/coutcontrat-cfa-"), "{page}");
    let js = built(&dist, "coutcontrat-cfa-", ".js");
    let total = gzip_size(&cfa) + gzip_size(&js);
    eprintln!(
        "CFA module: {} B gzip, with its JS {total} B",
        gzip_size(&cfa)
    );
    assert!(
        total <= WASM_AND_JS_GZIP,
        "the CFA view: {total} B gzip, over its budget"
    );
}

/// Issue 18: the certification index the page searches by name, fetched on the first use of its box, at most
/// 300 KB gzip.
#[test]
fn the_certification_index_stays_within_300_kb_gzip() {
    let dist = support::dist();
    let tsv = std::fs::read(dist.join("certifications.tsv")).expect("dist/certifications.tsv");
    let g = gzip_size(&tsv);
    eprintln!("certifications.tsv: {} B, {g} B gzip", tsv.len());
    assert!(g <= 300_000, "{g} B gzip, over 300 KB");
    assert!(
        tsv.iter().filter(|&&b| b == b'\n').count() > 1000,
        "an index of a few lines"
    );
}

/// The référentiel's importer is a module of its own, loaded only by its Web Worker when a visitor imports
/// a file: none of it is in the calculator's WebAssembly, and the worker names the module built.
#[test]
fn the_importer_is_a_module_of_its_own() {
    let dist = support::dist();
    // A message only the importer's streaming reader writes.
    let marker = "le lecteur en flux ne lit pas ce classeur".as_bytes();
    let calculator = built(&dist, "coutcontrat-web-", "_bg.wasm");
    let importer = built(&dist, "coutcontrat-importer-", "_bg.wasm");
    let carries = |wasm: &[u8]| wasm.windows(marker.len()).any(|w| w == marker);
    assert!(
        !carries(&calculator),
        "the calculator's WebAssembly carries the importer"
    );
    assert!(carries(&importer), "the importer module lacks its reader");
    let worker =
        std::fs::read_to_string(dist.join("import-worker.js")).expect("dist/import-worker.js");
    let module = std::fs::read_dir(&dist)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("coutcontrat-importer-") && n.ends_with("_bg.wasm"))
        .unwrap();
    assert!(
        worker.contains(&module),
        "import-worker.js does not load {module}"
    );
    // Recorded in BENCHMARKS.md against its budget of 250 KB (not met yet: see there).
    eprintln!("importer module: {} B gzip", gzip_size(&importer));
}

// Its input is made by scripts/bench-import.sh (minutes of import): run after it with `--ignored`.
#[test]
#[ignore = "needs target/synthetic from scripts/bench-import.sh; run with --ignored after it"]
fn the_full_size_referentiel_stays_within_400_kb_gzip() {
    let file = support::workspace().join("target/synthetic/compact-synthetic+embedded.ccrc");
    let bytes = std::fs::read(&file).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run scripts/bench-import.sh first, which makes it",
            file.display()
        )
    });
    let g = gzip_size(&bytes);
    eprintln!("{}: {} B, {g} B gzip", file.display(), bytes.len());
    assert!(g <= DATA_GZIP, "{g} B gzip, over {DATA_GZIP} B");
}
