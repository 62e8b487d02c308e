//! The official référentiel imported in the browser (issue 18), in headless Chromium against the release
//! build: each of the five real trimmed official workbooks of `tests/fixtures/xlsx` chosen in the « Données »
//! panel's file input, read by the importer's Web Worker, kept in IndexedDB. A lookup then gives the amount
//! the command line's importer reads from the same file, with a provenance naming the file and its SHA-256;
//! after a reload the edition is still used; removed, the page is back on its shipped data; a bad file is
//! refused with its message and the data held stay as they were.
//!
//! Run alone: `scripts/build-web.sh && cargo test -p coutcontrat-web --test import`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::{Path, PathBuf};

use coutcontrat::referentiel::TableLookup;
use coutcontrat_referentiel::import::{import_bytes, Imported};
use coutcontrat_referentiel::ImportOptions;
use fantoccini::{Client, Locator};
use jiff::civil::Date;
use serde_json::Value;
use support::*;

fn workbooks() -> Vec<PathBuf> {
    let dir = workspace().join("tests/fixtures/xlsx");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "xlsx"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "the five trimmed official workbooks");
    files
}

fn native(path: &Path) -> Imported {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    import_bytes(
        &name,
        &std::fs::read(path).unwrap(),
        &ImportOptions::default(),
    )
    .unwrap()
}

/// The page's data once this edition is imported: the shipped editions, this one in place of its tag.
fn with_imported(imported: &Imported) -> coutcontrat::Referentiel {
    let mut set = coutcontrat_referentiel::embedded_dataset().unwrap();
    set.versions.retain(|v| v.tag != imported.version.tag);
    set.versions.push(imported.version.clone());
    set.to_referentiel()
}

/// A row of the imported edition that a lookup of the whole data finds in that edition: (RNCP code, CPNE,
/// date of conclusion, amount as the page's `data-value` writes it).
fn sample(imported: &Imported) -> Option<(String, u32, Date, String)> {
    let r = with_imported(imported);
    let tag = &imported.version.tag;
    imported.version.rows.iter().find_map(|row| {
        let rncp = row.rncp.iter().find(|c| c.starts_with("RNCP"))?;
        let cpne = row.cpne?;
        let on = row.applicable_from.unwrap_or(imported.version.applies_from);
        match r.lookup(rncp, cpne, on) {
            TableLookup::Found(f) if f.version == *tag => {
                let mut euros = f.amount;
                euros.rescale(2);
                Some((rncp.clone(), cpne, on, euros.to_string()))
            }
            _ => None,
        }
    })
}

fn sha256_of(path: &Path) -> String {
    coutcontrat_referentiel::integrity::sha256_hex(&std::fs::read(path).unwrap())
}

async fn open_panel(c: &Client) {
    poll(
        c,
        "return document.getElementById('npec-file') !== null;",
        |v| v == &Value::Bool(true),
        "the import's file input",
    )
    .await;
    js(
        c,
        "document.getElementById('data-panel').open = true; return null;",
    )
    .await;
}

/// The editions the panel lists as imported.
async fn listed(c: &Client) -> Vec<String> {
    let v = js(
        c,
        "return Array.from(document.querySelectorAll('#npec-imported li')).map(li => li.textContent);",
    )
    .await;
    serde_json::from_value(v).unwrap_or_default()
}

/// Chooses the file in the input, as a visitor does, and waits for the page to come back with it listed.
async fn import(c: &Client, path: &Path, tag: &str) {
    open_panel(c).await;
    let input = c.find(Locator::Id("npec-file")).await.unwrap();
    input.send_keys(&path.display().to_string()).await.unwrap();
    let wanted = format!("Édition {tag} ");
    poll(
        c,
        "const run = document.getElementById('npec-import-error');
         if (run) return 'refused: ' + run.textContent;
         return Array.from(document.querySelectorAll('#npec-imported li')).map(li => li.textContent);",
        |v| {
            v.as_str().is_some_and(|s| s.starts_with("refused"))
                || v.as_array()
                    .is_some_and(|l| l.iter().any(|t| t.as_str().is_some_and(|t| t.starts_with(&wanted))))
        },
        &format!("edition {tag} listed as imported"),
    )
    .await
    .as_array()
    .unwrap_or_else(|| panic!("{} refused", path.display()));
}

/// The annual NPEC the page shows for this link (`data-value`, euros with two decimals), and its provenance.
async fn npec_of(c: &Client, port: u16, query: &str) -> (String, String) {
    eprintln!("looking up ?{query}");
    c.goto(&format!("http://127.0.0.1:{port}/index.html?{query}"))
        .await
        .unwrap();
    let v = poll(
        c,
        "const n = document.getElementById('npec-annual');
         const p = document.getElementById('npec-provenance');
         if (n && p) return [n.dataset.value, p.textContent];
         const errors = Array.from(document.querySelectorAll('.field-error, .error')).map(e => e.textContent);
         return errors.length ? errors : location.search + ' | ' + (document.getElementById('results') || document.body).textContent.slice(0, 600);",
        |v| v.is_array(),
        "the NPEC and its provenance",
    )
    .await;
    assert!(
        v[0].as_str().is_some_and(|s| !s.contains(' ')) && v.as_array().unwrap().len() == 2,
        "{query}: {v}"
    );
    (
        v[0].as_str().unwrap().to_owned(),
        v[1].as_str().unwrap().to_owned(),
    )
}

fn link(rncp: &str, cpne: u32, on: Date) -> String {
    let end = coutcontrat::dates::add_years(on, 1);
    format!("rncp={rncp}&cpne={cpne}&signed_on={on}&start={on}&end={end}&price=20000&level=5")
}

/// The calculator served from `dist/`, open in a browser; and the port it is served on.
async fn calculator(dist: PathBuf) -> (Browser, u16) {
    let port = serve(dist);
    let b = browser(1280, 1400).await;
    b.client
        .goto(&format!("http://127.0.0.1:{port}/index.html"))
        .await
        .unwrap();
    (b, port)
}

#[test]
fn each_official_workbook_imported_in_the_page_gives_its_amounts() {
    in_browser(|dist| async move {
        let (b, port) = calculator(dist).await;
        let c = &b.client;
        // Nothing of the import is loaded before it is asked for.
        open_panel(c).await;
        let loaded = js(
            c,
            "return performance.getEntriesByType('resource').map(e => e.name)
                 .filter(n => /import|importer/.test(n));",
        )
        .await;
        assert_eq!(loaded, serde_json::json!([]), "loaded before any import");
        let mut looked_up = 0;
        for path in workbooks() {
            let imported = native(&path);
            let tag = imported.version.tag.clone();
            import(c, &path, &tag).await;
            let line = listed(c)
                .await
                .into_iter()
                .find(|l| l.starts_with(&format!("Édition {tag} ")))
                .unwrap();
            let sha = sha256_of(&path);
            assert!(line.contains(&sha[..12]), "{line}");
            assert!(
                line.contains(&format!("{} lignes", imported.version.rows.len())),
                "{line}: {} rows natively",
                imported.version.rows.len()
            );
            if let Some((rncp, cpne, on, euros)) = sample(&imported) {
                let (shown, provenance) = npec_of(c, port, &link(&rncp, cpne, on)).await;
                assert_eq!(
                    shown,
                    euros,
                    "{rncp} × CPNE {cpne} on {on} from {}",
                    path.display()
                );
                assert!(provenance.contains(&sha[..12]), "{provenance}");
                let file = path.file_name().unwrap().to_string_lossy();
                assert!(provenance.contains(&*file), "{provenance}");
                looked_up += 1;
            }
            assert_no_console_error(c).await;
        }
        assert!(looked_up >= 3, "{looked_up} workbooks looked up");

        // The published amounts (issue 18), with the whole set imported.
        for (rncp, idcc, on, euros) in [
            ("RNCP1002", 1979, "2024-09-01", "9497.00"),
            ("RNCP37239", 3043, "2024-01-10", "8500.00"),
        ] {
            let on: Date = on.parse().unwrap();
            let end = coutcontrat::dates::add_years(on, 1);
            let (shown, provenance) = npec_of(
                c,
                port,
                &format!("rncp={rncp}&idcc={idcc}&signed_on={on}&start={on}&end={end}&price=20000&level=5"),
            )
            .await;
            assert_eq!(shown, euros, "{rncp} × IDCC {idcc} on {on}: {provenance}");
            assert!(provenance.contains("importé"), "{provenance}");
        }

        // A reload keeps every edition; a removed one is gone, and the page is back on its shipped copy.
        c.refresh().await.unwrap();
        open_panel(c).await;
        assert_eq!(listed(c).await.len(), 5);
        let first = native(&workbooks()[0]);
        let button = format!("[data-remove-edition=\"{}\"]", first.version.tag);
        c.find(Locator::Css(&button))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        poll(
            c,
            "return document.querySelectorAll('#npec-imported li').length;",
            |v| v.as_u64() == Some(4),
            "four editions left",
        )
        .await;
        assert_no_console_error(c).await;
    });
}

#[test]
fn a_bad_file_is_refused_and_the_data_held_stay() {
    in_browser(|dist| async move {
        let (b, _) = calculator(dist).await;
        let c = &b.client;
        let good = workbooks().pop().unwrap();
        let imported = native(&good);
        import(c, &good, &imported.version.tag).await;
        let before = listed(c).await;
        // The same file again: said, and nothing changes.
        let input = c.find(Locator::Id("npec-file")).await.unwrap();
        input.send_keys(&good.display().to_string()).await.unwrap();
        poll(
            c,
            "return document.getElementById('npec-import-status')?.textContent ?? null;",
            |v| v.as_str().is_some_and(|s| s.contains("déjà importée")),
            "the same file said already imported",
        )
        .await;
        assert_eq!(listed(c).await, before);

        let dir = artifacts().join("import");
        std::fs::create_dir_all(&dir).unwrap();
        let not_a_workbook = dir.join("notes.xlsx");
        std::fs::write(&not_a_workbook, "ceci n'est pas un classeur").unwrap();
        let input = c.find(Locator::Id("npec-file")).await.unwrap();
        input
            .send_keys(&not_a_workbook.display().to_string())
            .await
            .unwrap();
        let refusal = text_once_shown(c, "npec-import-error", "the refusal").await;
        let refusal = refusal.as_str().unwrap();
        assert!(
            refusal.starts_with("Fichier refusé : notes.xlsx"),
            "{refusal}"
        );
        assert!(
            refusal.contains("Les données de la page n'ont pas changé."),
            "{refusal}"
        );
        // Nothing replaced: the same editions, after a reload too.
        assert_eq!(listed(c).await, before);
        c.refresh().await.unwrap();
        open_panel(c).await;
        assert_eq!(listed(c).await, before);
    });
}

/// The peak resident memory (VmHWM, MB) of the browser's renderer processes: the page's, where its Web
/// Worker runs too.
fn renderer_peak_mb() -> u64 {
    let mut peak = 0;
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let dir = entry.path();
        let cmdline = std::fs::read(dir.join("cmdline")).unwrap_or_default();
        let cmdline = String::from_utf8_lossy(&cmdline);
        if !cmdline.contains("chromium") || !cmdline.contains("--type=renderer") {
            continue;
        }
        let status = std::fs::read_to_string(dir.join("status")).unwrap_or_default();
        if let Some(kb) = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak = peak.max(kb / 1024);
        }
    }
    peak
}

/// A benchmark, not a test (`scripts/bench-web-import.sh` runs it and prints it beside the command line's
/// import of the same file): the synthetic full-size workbook imported through the page, from the file
/// chosen to the edition listed after the reload; and the tab's peak memory.
#[test]
#[ignore = "a benchmark: scripts/bench-web-import.sh"]
fn bench_the_synthetic_full_size_workbook_through_the_page() {
    let path = PathBuf::from(
        std::env::var("COUTCONTRAT_BENCH_WORKBOOK").expect("COUTCONTRAT_BENCH_WORKBOOK=FILE.xlsx"),
    );
    in_browser(|dist| async move {
        let (b, _) = calculator(dist).await;
        let c = &b.client;
        open_panel(c).await;
        let before = renderer_peak_mb();
        let started = std::time::Instant::now();
        let input = c.find(Locator::Id("npec-file")).await.unwrap();
        input.send_keys(&path.display().to_string()).await.unwrap();
        let deadline = started + std::time::Duration::from_secs(900);
        loop {
            let v = js(
                c,
                "const e = document.getElementById('npec-import-error');
                 if (e) return e.textContent;
                 return document.querySelectorAll('#npec-imported li').length;",
            )
            .await;
            if let Some(refused) = v.as_str() {
                panic!("refused: {refused}");
            }
            if v.as_u64() == Some(1) {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "no import after 15 min"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        let wall = started.elapsed().as_secs_f64();
        let line = listed(c).await.remove(0);
        let worker = js(
            c,
            "return sessionStorage.getItem('coutcontrat-last-import');",
        )
        .await;
        println!(
            "web import: {wall:.2} s, renderer peak RSS {} MB (before {before} MB), worker {worker} | {line}",
            renderer_peak_mb()
        );
    });
}
