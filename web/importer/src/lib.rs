//! The official référentiel's importer, for the web page: the library's own importer (every layout the
//! command line reads, with its size limits), compiled to a WebAssembly module of its own that only a Web
//! Worker loads, when a visitor imports a file (`web/import-worker.js`). Nothing leaves the browser: the file's
//! bytes come in, the edition goes back in the compact form the page reads, with what the page says of it.

use std::collections::HashSet;

use coutcontrat::referentiel::{Coverage, TableVersion};
use coutcontrat_referentiel::compact::to_compact;
use coutcontrat_referentiel::import::{import_bytes, reporting, Imported, Progress};
use coutcontrat_referentiel::{DataSet, ImportOptions};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

/// The largest file read, in bytes: the command line's limit (larger files are refused before being read).
#[wasm_bindgen(js_name = maxFileBytes)]
pub fn max_file_bytes() -> f64 {
    coutcontrat_referentiel::import::MAX_WORKBOOK_BYTES as f64
}

/// Reads an official file. `progress` is called with (rows read, per cent of the long sheet). Returns
/// `[compact bytes, edition as JSON]`, or throws the message that says what is wrong with the file.
#[wasm_bindgen(js_name = importFile)]
pub fn import_file(
    name: &str,
    bytes: &[u8],
    progress: js_sys::Function,
) -> Result<js_sys::Array, JsError> {
    let imported = reporting(
        move |p: Progress| {
            let _ = progress.call2(
                &JsValue::NULL,
                &JsValue::from_f64(p.rows as f64),
                &JsValue::from_f64(f64::from(p.percent())),
            );
        },
        || import_bytes(name, bytes, &ImportOptions::default()),
    )
    .map_err(|e| JsError::new(&e.to_string()))?;
    let (compact, edition) = edition(imported);
    let out = js_sys::Array::new();
    out.push(&js_sys::Uint8Array::from(compact.as_slice()));
    out.push(&JsValue::from_str(&edition.to_string()));
    Ok(out)
}

/// The edition in compact form, and what the page says of it.
pub fn edition(imported: Imported) -> (Vec<u8>, Value) {
    let v: &TableVersion = &imported.version;
    // Counted in hash sets: sorting 700,000 codes took a tenth of the import in the browser.
    let certifications: HashSet<&str> = v
        .rows
        .iter()
        .flat_map(|r| r.rncp.iter().map(String::as_str))
        .collect();
    let cpne: HashSet<u32> = v.rows.iter().filter_map(|r| r.cpne).collect();
    let described = json!({
        "tag": v.tag,
        "published": v.published.to_string(),
        "applies_from": v.applies_from.to_string(),
        "applies_until": v.applies_until.map(|d| d.to_string()),
        "source_file": v.source_file,
        "sha256": v.source_sha256,
        "complete": v.coverage == Coverage::Complete,
        "synthetic": v.synthetic,
        "layout": format!("{:?}", imported.layout),
        "rows": v.rows.len(),
        "certifications": certifications.len(),
        "cpne": cpne.len(),
        "mapping": v.mapping.as_ref().map(Vec::len),
        "warnings": imported.warnings,
    });
    let set = DataSet {
        versions: vec![imported.version],
        ..DataSet::default()
    };
    (to_compact(&set), described)
}
