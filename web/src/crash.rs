//! When the page fails: a clear message in French and a way to report it, never a blank page.
//!
//! [`install`] sets the panic hook (through yew, which would otherwise put its own when the app is
//! rendered). A panic is written to the console as before, then the fallback element of `index.html`
//! (`#crash`, written in the page and hidden; built here when a page lacks it) gets the panic's text and
//! a report link, and is shown; the rest of the page, which can no longer answer, is made inert. The
//! report is a link to a new issue with the text prefilled: nothing is sent unless the visitor follows
//! it and submits. `boot.js` shows the same element when the WebAssembly does not even start.
//!
//! The page's hidden trigger `?debug_panic=1` ([`crate::state::debug_panic_requested`]) provokes a
//! panic, so that the browser tests can check all this.

use crate::query;

/// Where a problem is reported: a new issue of the project's repository.
pub const ISSUES: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "/issues/new");

/// At most this many characters of a panic's message go into a report (an address stays short).
const MAX_MESSAGE: usize = 1000;

/// The text of a report: what failed, where, and the page's version. No input of the form.
pub fn report_text(message: &str, location: Option<&str>) -> String {
    let mut message: String = message.chars().take(MAX_MESSAGE).collect();
    if message.trim().is_empty() {
        message = "(sans message)".to_owned();
    }
    let mut text = format!("Erreur : {message}\n");
    if let Some(location) = location {
        text.push_str(&format!("Lieu : {location}\n"));
    }
    text.push_str(&format!(
        "Version : coutcontrat-web {}\n",
        env!("CARGO_PKG_VERSION")
    ));
    text
}

/// The address of a new issue with the report prefilled (title and body).
pub fn report_url(text: &str) -> String {
    let body = format!(
        "Le calculateur s'est arrêté.\n\nCe que je faisais : \n\n```\n{text}```\n\n\
         (N'indiquez pas de données personnelles.)\n"
    );
    format!(
        "{ISSUES}?{}",
        query::encode(&[
            ("title", "Le calculateur s'est arrêté sur une erreur"),
            ("body", &body),
        ])
    )
}

/// Sets the panic hook of the page. Call it first, before anything can panic.
#[cfg(target_arch = "wasm32")]
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let location = info
            .location()
            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
        let text = report_text(&message, location.as_deref());
        web_sys::console::error_1(&format!("panic: {text}").into());
        // Nothing here may panic again: every step that fails is skipped.
        let _ = show(&text);
    }));
}

/// Fills and shows `#crash`, makes the rest of the page inert and moves the focus to the message.
#[cfg(target_arch = "wasm32")]
fn show(text: &str) -> Option<()> {
    use wasm_bindgen::JsCast;

    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    let crash = match document.get_element_by_id("crash") {
        Some(element) => element,
        None => build(&document, &body)?,
    };
    if let Some(details) = document.get_element_by_id("crash-details") {
        details.set_text_content(Some(text));
    }
    if let Some(link) = document.get_element_by_id("crash-report") {
        let _ = link.set_attribute("href", &report_url(text));
    }
    let _ = crash.remove_attribute("hidden");
    let mut child = body.first_element_child();
    while let Some(element) = child {
        if element.id() != "crash" {
            let _ = element.set_attribute("inert", "");
        }
        child = element.next_element_sibling();
    }
    let title = document.get_element_by_id("crash-title")?;
    title.dyn_into::<web_sys::HtmlElement>().ok()?.focus().ok()
}

/// The fallback element, for a page that does not carry it.
#[cfg(target_arch = "wasm32")]
fn build(document: &web_sys::Document, body: &web_sys::HtmlElement) -> Option<web_sys::Element> {
    let element = |tag: &str, id: &str, text: &str| {
        let e = document.create_element(tag).ok()?;
        if !id.is_empty() {
            e.set_id(id);
        }
        if !text.is_empty() {
            e.set_text_content(Some(text));
        }
        Some(e)
    };
    let crash = element("div", "crash", "")?;
    crash.set_class_name("crash");
    let _ = crash.set_attribute("role", "alert");
    let title = element(
        "h2",
        "crash-title",
        "Le calculateur s'est arrêté sur une erreur",
    )?;
    let _ = title.set_attribute("tabindex", "-1");
    let what = element(
        "p",
        "",
        "Rien de ce que vous avez saisi n'a été envoyé. Rechargez la page pour recommencer.",
    )?;
    let report = element("a", "crash-report", "Signaler le problème")?;
    let details = element("pre", "crash-details", "")?;
    for part in [&title, &what, &report, &details] {
        crash.append_child(part).ok()?;
    }
    body.insert_before(&crash, body.first_child().as_ref())
        .ok()?;
    Some(crash)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_carries_the_message_and_the_version_only() {
        let text = report_text("index out of bounds", Some("web/src/state.rs:12:5"));
        assert!(text.contains("Erreur : index out of bounds"), "{text}");
        assert!(text.contains("Lieu : web/src/state.rs:12:5"), "{text}");
        assert!(text.contains(env!("CARGO_PKG_VERSION")), "{text}");
        let long = report_text(&"x".repeat(5000), None);
        assert!(long.len() < 1200, "{}", long.len());
        assert!(report_text("", None).contains("(sans message)"));
    }

    #[test]
    fn the_report_link_is_a_new_issue_with_the_text_prefilled() {
        let text = report_text("a & b = 100 % « é »", None);
        let url = report_url(&text);
        assert!(
            url.starts_with("https://github.com/") && url.contains("/issues/new?title="),
            "{url}"
        );
        let query = url.split_once('?').unwrap().1;
        let pairs = query::decode(query);
        assert_eq!(pairs[0].0, "title");
        assert_eq!(pairs[1].0, "body");
        assert!(pairs[1].1.contains("a & b = 100 % « é »"), "{}", pairs[1].1);
    }
}
