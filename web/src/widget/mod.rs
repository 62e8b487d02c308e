//! The embedding kit: the widget a CFA puts on its own site, and the page that helps it do so.
//!
//! The loader (`web/widget.js`, copied to `dist/`) inserts an iframe on `widget.html` (a module of its own,
//! `src/bin/coutcontrat-widget.rs`, under the name that a server lets any site frame; `index.html?mode=widget`
//! leads there), with the CFA's settings after `#`
//! ([`config`]), then hands it the CFA's courses by message ([`message`]). The widget page ([`view`]) is
//! the calculator's own reducer and core ([`state`]) with the CFA's courses ([`catalogue`]) and colours
//! ([`theme`]); it posts its height and its figures to the host page's origin ([`message`]). `integration.html` ([`integration_page`], its own module; `index.html?mode=integration` leads there) builds
//! the snippet and shows the real widget. Nothing here talks to a server.

pub mod catalogue;
pub mod config;
pub mod course;
pub mod course_npec;
pub mod embed;
pub mod integration;
pub mod integration_page;
pub mod message;
pub mod state;
pub mod theme;
pub mod view;

use yew::prelude::*;

use crate::components::app::App;
use crate::query;

/// Which page `index.html` shows, from its query string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The full calculator.
    Calculator,
    /// The compact widget, inside a CFA's page.
    Widget,
    /// The integration page for CFAs.
    Integration,
}

impl Mode {
    /// The page at `path` with `query`: `widget.html` is the widget whatever its query; otherwise
    /// [`from_query`](Mode::from_query).
    pub fn from_location(path: &str, query: &str) -> Mode {
        if path.ends_with("/widget.html") {
            Mode::Widget
        } else {
            Mode::from_query(query)
        }
    }

    /// `?mode=widget`, `?mode=integration`; anything else is the calculator.
    pub fn from_query(query: &str) -> Mode {
        match query::decode(query)
            .into_iter()
            .find(|(k, _)| k == "mode")
            .map(|(_, v)| v)
            .as_deref()
        {
            Some("widget") => Mode::Widget,
            Some("integration") => Mode::Integration,
            _ => Mode::Calculator,
        }
    }
}

/// The page: the calculator, the widget or the integration page.
#[function_component(Root)]
pub fn root() -> Html {
    let mode = use_memo((), |_| {
        Mode::from_location(
            &crate::browser::location_pathname(),
            &crate::browser::location_search(),
        )
    });
    match *mode {
        Mode::Calculator => html! { <App /> },
        // Pages of their own (widget.html, integration.html), so that their code stays out of the
        // calculator's module; the old addresses lead there.
        // widget.html runs the widget's own module: the calculator's here is a stale page, not a loop.
        Mode::Widget if crate::browser::location_pathname().ends_with("/widget.html") => html! {},
        Mode::Widget => {
            crate::browser::go_to(&format!(
                "widget.html{}{}",
                crate::browser::location_search(),
                crate::browser::location_hash()
            ));
            html! {}
        }
        Mode::Integration => {
            crate::browser::go_to(&format!(
                "integration.html{}",
                crate::browser::location_search()
            ));
            html! {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mode_comes_from_the_query() {
        assert_eq!(Mode::from_query(""), Mode::Calculator);
        assert_eq!(Mode::from_query("?signed_on=15/08/2025"), Mode::Calculator);
        assert_eq!(Mode::from_query("?mode=widget"), Mode::Widget);
        assert_eq!(
            Mode::from_query("?price=1&mode=integration"),
            Mode::Integration
        );
        assert_eq!(Mode::from_query("?mode=admin"), Mode::Calculator);
    }

    #[test]
    fn widget_html_is_the_widget() {
        assert_eq!(Mode::from_location("/widget.html", ""), Mode::Widget);
        assert_eq!(
            Mode::from_location("/calc/widget.html", "?mode=integration"),
            Mode::Widget
        );
        assert_eq!(Mode::from_location("/", "?mode=widget"), Mode::Widget);
        assert_eq!(Mode::from_location("/index.html", ""), Mode::Calculator);
        assert_eq!(Mode::from_location("/notwidget.html", ""), Mode::Calculator);
    }
}
