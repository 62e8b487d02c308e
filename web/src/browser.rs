//! What the page asks of the browser: today's date, once, the address bar and timers. Called only from the
//! components, never from the state, so the host tests need no browser.

use jiff::civil::{date, Date};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// What `boot.js` handed over to the app as `window.NAME` (the référentiel, the imported editions, the
/// certification index), if anything.
pub fn handed_over(name: &str) -> Option<wasm_bindgen::JsValue> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &name.into()).ok()
}

/// Today, in the visitor's time zone (the core has no clock: this is read once, at load).
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    date(
        now.get_full_year() as i16,
        now.get_month() as i8 + 1,
        now.get_date() as i8,
    )
}

/// Marks a moment for `scripts/bench-web.sh` (`performance.getEntriesByName(name)`, milliseconds since
/// navigation): `coutcontrat-interactive` after the first render, `coutcontrat-warmed` after the warm-up.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Runs `f` once the next frame is painted, in a task of its own: work that must not delay what the
/// visitor sees.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let frame = Closure::once_into_js(move || {
        // A task queued from the frame's callback runs after that frame is painted.
        if let Some(window) = web_sys::window() {
            let task = Closure::once_into_js(f);
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0);
        }
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
}

/// Replaces the page by the one at `url` (relative to this one), without a history entry.
pub fn go_to(url: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(url);
    }
}

/// The scheme, host and port of the address (`https://example.org`).
pub fn location_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// The path of the address (`/index.html`).
pub fn location_pathname() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// The fragment of the address (`#v=1&…`), empty when there is none.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The query string of the address (`?signed_on=...`), empty when there is none.
pub fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Puts `query` in the address bar without a new history entry, so that the address is always a share
/// link of what is on screen.
pub fn replace_query(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_else(|_| "/".into());
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
}

/// A timer that runs once unless dropped first: the address and the widget's preview wait for the typing
/// to pause.
pub struct Timer {
    id: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            w.clear_timeout_with_handle(self.id);
        }
    }
}

/// Runs `f` after `ms` milliseconds, unless the returned timer is dropped before.
pub fn after(ms: i32, f: impl FnOnce() + 'static) -> Option<Timer> {
    let mut f = Some(f);
    let callback = Closure::<dyn FnMut()>::new(move || {
        if let Some(f) = f.take() {
            f();
        }
    });
    let id = web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            callback.as_ref().unchecked_ref(),
            ms,
        )
        .ok()?;
    Some(Timer {
        id,
        _callback: callback,
    })
}

/// Opens the print dialog (the print stylesheet lays the quote out as a document).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Copies the page's address, which is the share link, to the clipboard.
pub fn copy_address() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(href) = window.location().href() else {
        return;
    };
    // The promise is left to settle: a refusal leaves the address bar as the way to copy the link.
    let _ = window.navigator().clipboard().write_text(&href);
}
