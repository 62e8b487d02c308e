//! The embedding kit: the widget a CFA puts on its own site, and the page that helps it do so.
//!
//! The loader (`web/widget.js`, copied to `dist/`) inserts an iframe on `index.html?mode=widget`, with the
//! CFA's settings after `#` ([`config`]). The widget page ([`view`]) is the calculator's own reducer and
//! core ([`state`]) with the CFA's courses ([`catalogue`]) and colours ([`theme`]); it posts its height and
//! its figures to the host page ([`message`]). `index.html?mode=integration` ([`integration_page`]) builds
//! the snippet and shows the real widget. Nothing here talks to a server.

pub mod catalogue;
pub mod config;
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
    let mode = use_memo((), |_| Mode::from_query(&crate::browser::location_search()));
    match *mode {
        Mode::Calculator => html! { <App /> },
        Mode::Widget => html! { <view::Widget /> },
        Mode::Integration => html! { <integration_page::Integration /> },
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
}
