//! What the widget and the integration page ask of the browser: the address's fragment, the CSS custom
//! properties, the height observer, the messages to and from the parent page, the loader in the preview. Called
//! only from the components, so the host tests need no browser.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, ResizeObserver, Window};

use super::message;
use super::theme::Theme;

fn window() -> Option<Window> {
    web_sys::window()
}

/// The fragment of the address (`#v=1&...`), empty when there is none.
pub fn location_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page's origin (`https://calc.example`).
pub fn origin() -> String {
    window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// The address of a file next to the page (`widget.js` → `https://calc.example/widget.js`).
pub fn sibling_url(file: &str) -> String {
    let href = window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = href.split(['?', '#']).next().unwrap_or_default();
    match base.rfind('/') {
        Some(i) => format!("{}{file}", &base[..=i]),
        None => file.to_owned(),
    }
}

/// Marks the document for the stylesheet (`html[data-mode="widget"]`) and names it.
pub fn set_mode(mode: &str, title: &str) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-mode", mode);
    }
    document.set_title(title);
}

/// Sets the theme's custom properties on the document's root, through the CSS object model (which a
/// Content-Security-Policy without `'unsafe-inline'` allows, unlike a `style` attribute).
pub fn apply_theme(theme: &Theme) {
    let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let style = root.style();
    for (name, value) in theme.properties() {
        let _ = style.set_property(name, &value);
    }
}

/// True when the page is in a frame.
fn framed(w: &Window) -> Option<Window> {
    let parent = w.parent().ok().flatten()?;
    (JsValue::from(parent.clone()) != JsValue::from(w.clone())).then_some(parent)
}

/// Posts a message (JSON text) to the page that embeds this one, for `host` only. Without a host
/// origin, nothing: never `"*"`, which would hand the figures to whichever page framed the widget
/// (`view` says so once in the console).
pub fn post_to_parent(json: &str, host: Option<&str>) {
    let Some(host) = host else {
        return;
    };
    let Some(parent) = window().as_ref().and_then(framed) else {
        return;
    };
    let Ok(data) = js_sys::JSON::parse(json) else {
        return;
    };
    let _ = parent.post_message(&data, host);
}

/// True when the page is in a frame.
pub fn is_framed() -> bool {
    window().as_ref().and_then(framed).is_some()
}

/// Listens to the messages of the parent window from `host` only; the others (another frame, another
/// origin, the page itself) are dropped unread. Dropping the guard stops it.
pub struct ParentMessages {
    window: Window,
    callback: Closure<dyn FnMut(MessageEvent)>,
}

impl Drop for ParentMessages {
    fn drop(&mut self) {
        let _ = self
            .window
            .remove_event_listener_with_callback("message", self.callback.as_ref().unchecked_ref());
    }
}

/// Calls `on` with the data (as JSON text) of each message the parent window posts from `host`.
pub fn listen_to_parent(
    host: String,
    mut on: impl FnMut(String) + 'static,
) -> Option<ParentMessages> {
    let w = window()?;
    let parent = JsValue::from(framed(&w)?);
    let callback = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let from_parent = e.source().is_some_and(|s| JsValue::from(s) == parent);
        if e.origin() != host || !from_parent {
            return;
        }
        if let Some(text) = js_sys::JSON::stringify(&e.data())
            .ok()
            .and_then(|t| t.as_string())
        {
            on(text);
        }
    });
    w.add_event_listener_with_callback("message", callback.as_ref().unchecked_ref())
        .ok()?;
    Some(ParentMessages {
        window: w,
        callback,
    })
}

/// Watches the height of the page's content and posts it to the parent each time it changes. Dropping
/// the guard stops it.
pub struct HeightWatch {
    observer: ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for HeightWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Starts watching the body's height (nothing when the page is not in a frame).
pub fn watch_height(host: Option<String>) -> Option<HeightWatch> {
    let w = window()?;
    framed(&w)?;
    let body = w.document()?.body()?;
    let measured = body.clone();
    let mut last = 0;
    let callback = Closure::<dyn FnMut()>::new(move || {
        let height = measured.offset_height().max(0) as u32;
        if height != last {
            last = height;
            post_to_parent(&message::resize(height), host.as_deref());
        }
    });
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&body);
    Some(HeightWatch {
        observer,
        _callback: callback,
    })
}

/// Copies text to the clipboard (a refusal leaves the text on screen to copy by hand).
pub fn copy_text(text: &str) {
    if let Some(w) = window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// Puts the loader, as a CFA would paste it, in the element `container_id` (its former content is
/// removed): the preview is the real widget.
pub fn insert_loader(container_id: &str, src: &str, attributes: &[(&'static str, String)]) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let Some(container) = document.get_element_by_id(container_id) else {
        return;
    };
    container.set_inner_html("");
    let Ok(script) = document.create_element("script") else {
        return;
    };
    let _ = script.set_attribute("src", src);
    for (name, value) in attributes {
        let _ = script.set_attribute(name, value);
    }
    let _ = container.append_child(&script);
}
