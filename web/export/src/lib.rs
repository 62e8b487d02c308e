//! The export of a quote from the page (issue 22: JSON in the command line's format, CSV), as a module of its
//! own that `web/export.js` loads when a visitor first exports: no first visit pays for `Quote`'s
//! serialisation. It computes the quote of the page's share link with the page's own state, core and data
//! (the compact référentiel and the imported editions `boot.js` handed over), so the files hold the figures
//! on screen.

use coutcontrat_web::components::export::{quote_csv, quote_json};
use coutcontrat_web::data::Catalog;
use coutcontrat_web::state::State;
use wasm_bindgen::prelude::*;

/// `[JSON, CSV]` of the quote of this share link (its query, without `?`), as the page would show it on
/// the visitor's day; `undefined` when it gives no quote (a field missing or wrong).
#[wasm_bindgen(js_name = exportFiles)]
pub fn export_files(query: &str) -> Option<js_sys::Array> {
    let state = State::from_query(
        query,
        coutcontrat_web::browser::today(),
        Catalog::embedded(),
    );
    let q = state.outcome.quote.as_ref()?;
    let out = js_sys::Array::new();
    out.push(&JsValue::from_str(&quote_json(q)));
    out.push(&JsValue::from_str(&quote_csv(q)));
    Some(out)
}
