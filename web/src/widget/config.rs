//! What the loader hands to the widget page, in the iframe's address after `#` (never sent to a server):
//! `v=1&host=<origin of the host page>&primary=…&text=…&font=…&radius=…&catalogue=message`. With
//! `catalogue=message` the catalogue comes by message after the widget says it is ready
//! (`super::message`); a short one may instead be in the address itself, `courses=<compact catalogue>`.

use super::catalogue::{percent_decode, Catalogue};
use super::theme::Theme;

/// The widget's configuration.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    /// The origin of the page that embeds the widget: the messages are posted to it only.
    pub host: Option<String>,
    /// Colours, font, radius.
    pub theme: Theme,
    /// The CFA's courses given in the address; `None` without them.
    pub catalogue: Option<Catalogue>,
    /// The catalogue comes by message from the host page (`catalogue=message`).
    pub catalogue_by_message: bool,
}

impl Config {
    /// Reads the fragment of the widget's address (the leading `#` is optional). Unknown keys are
    /// ignored, so a newer loader still works with this page.
    ///
    /// ```
    /// use coutcontrat_web::widget::config::Config;
    /// let c = Config::from_fragment("#v=1&host=https%3A%2F%2Fwww.cfa.fr&primary=%23aa0000&courses=RNCP41000,,5,9000,24,");
    /// assert_eq!(c.host.as_deref(), Some("https://www.cfa.fr"));
    /// assert_eq!(c.catalogue.unwrap().courses[0].price.to_string(), "9000");
    /// ```
    pub fn from_fragment(fragment: &str) -> Config {
        let mut host = None;
        let mut params = [String::new(), String::new(), String::new(), String::new()];
        let mut catalogue = None;
        let mut catalogue_by_message = false;
        for pair in fragment.strip_prefix('#').unwrap_or(fragment).split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "host" => host = origin(&percent_decode(value)),
                "primary" => params[0] = percent_decode(value),
                "text" => params[1] = percent_decode(value),
                "font" => params[2] = percent_decode(value),
                "radius" => params[3] = percent_decode(value),
                // Split before decoding: the separators are the only raw `,` and `;`.
                "courses" => catalogue = Some(Catalogue::from_compact(value)),
                "catalogue" => catalogue_by_message = value == "message",
                _ => {}
            }
        }
        let [primary, text, font, radius] = &params;
        Config {
            host,
            theme: Theme::from_params(primary, text, font, radius),
            // Only one source: the message, when announced, wins over the address.
            catalogue: catalogue.filter(|_| !catalogue_by_message),
            catalogue_by_message,
        }
    }

    /// True when the CFA gave courses, or will send them (even if none passes the checks: the widget
    /// then says so).
    pub fn has_catalogue(&self) -> bool {
        self.catalogue.is_some() || self.catalogue_by_message
    }
}

/// `scheme://host[:port]`, as `location.origin` writes it; anything else is not an origin.
pub fn origin(text: &str) -> Option<String> {
    let (scheme, rest) = text.split_once("://")?;
    let scheme_ok = matches!(scheme, "http" | "https");
    let host_ok = !rest.is_empty()
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'));
    (scheme_ok && host_ok).then(|| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loaders_fragment_is_read() {
        let c = Config::from_fragment(
            "#v=1&host=http%3A%2F%2F127.0.0.1%3A8123&primary=%23ffcc00&text=%23333&font=Georgia%2C%20serif\
             &radius=4px&courses=RNCP41000,BTS%20MOS,5,9000,24,0;RNCP1002,,,7000,,&later=ignored",
        );
        assert_eq!(c.host.as_deref(), Some("http://127.0.0.1:8123"));
        let props = c.theme.properties();
        assert_eq!(props[0], ("--cc-primary", "#907300".to_owned()));
        assert_eq!(props[1], ("--cc-text", "#333333".to_owned()));
        assert_eq!(props[2], ("--cc-font", "Georgia, serif".to_owned()));
        assert_eq!(props[3], ("--cc-radius", "4px".to_owned()));
        let cat = c.catalogue.unwrap();
        assert_eq!(cat.courses.len(), 2);
        assert_eq!(cat.courses[0].label, "BTS MOS");
    }

    #[test]
    fn without_anything_it_is_the_plain_calculator() {
        for f in ["", "#", "#v=1", "#v=1&host=http%3A%2F%2Fa.b"] {
            let c = Config::from_fragment(f);
            assert!(!c.has_catalogue(), "{f}");
            assert!(c.theme.properties().is_empty(), "{f}");
        }
        // An empty course list is still a catalogue (with nothing to choose).
        assert!(Config::from_fragment("courses=").has_catalogue());
    }

    #[test]
    fn a_catalogue_announced_by_message_is_awaited() {
        let c = Config::from_fragment("#v=1&host=http%3A%2F%2Fa.b&catalogue=message");
        assert!(c.catalogue_by_message && c.has_catalogue());
        assert_eq!(c.catalogue, None);
        // The message wins over courses in the address; another value is not the message.
        let c = Config::from_fragment("catalogue=message&courses=RNCP1,,,100,,");
        assert!(c.catalogue_by_message && c.catalogue.is_none());
        assert!(!Config::from_fragment("catalogue=url").has_catalogue());
    }

    #[test]
    fn only_an_origin_is_a_host() {
        assert_eq!(
            origin("https://www.cfa-exemple.fr").as_deref(),
            Some("https://www.cfa-exemple.fr")
        );
        assert_eq!(
            origin("http://[::1]:8080").as_deref(),
            Some("http://[::1]:8080")
        );
        for bad in [
            "",
            "null",
            "*",
            "https://a.fr/path",
            "javascript:alert(1)",
            "ftp://a.fr",
            "https://",
            "https://a b",
        ] {
            assert_eq!(origin(bad), None, "{bad}");
        }
    }
}
