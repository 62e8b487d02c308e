//! The integration page's settings, as a pure reducer: what the CFA chose (colours, font, radius, its
//! courses), and what follows from it — the snippet to paste, the CSP line, the contrast notes.

use std::rc::Rc;

use yew::Reducible;

use super::catalogue::{Catalogue, RawCourse, KEYS, MAX_COURSES};
use super::theme::{ratio_text, Colour, Theme, DEFAULT_PRIMARY, DEFAULT_TEXT, MIN_CONTRAST};

/// A change on the integration page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsAction {
    /// The primary colour.
    Primary(String),
    /// The text colour.
    Text(String),
    /// The font-family list.
    Font(String),
    /// The corner radius.
    Radius(String),
    /// A cell of the catalogue: row, column (position in [`KEYS`]), text.
    Cell(usize, usize, String),
    /// A new empty course.
    AddRow,
    /// Removes a course.
    RemoveRow(usize),
    /// Replaces the courses by those of a JSON catalogue.
    Import(String),
}

/// The settings, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// `data-primary`.
    pub primary: String,
    /// `data-text`.
    pub text: String,
    /// `data-font`.
    pub font: String,
    /// `data-radius`.
    pub radius: String,
    /// The courses, as typed.
    pub rows: Vec<RawCourse>,
    /// What the last JSON import left out.
    pub import_problems: Vec<String>,
}

impl Default for Settings {
    /// The calculator's own colours and one example course (the BTS the embedded data knows).
    fn default() -> Settings {
        Settings {
            primary: DEFAULT_PRIMARY.to_string(),
            text: DEFAULT_TEXT.to_string(),
            font: String::new(),
            radius: "8".into(),
            rows: vec![RawCourse {
                rncp: "RNCP41000".into(),
                label: "BTS Management opérationnel de la sécurité".into(),
                level: "5".into(),
                price: "9000".into(),
                months: "24".into(),
                ..RawCourse::default()
            }],
            import_problems: Vec::new(),
        }
    }
}

impl Settings {
    /// Applies one change.
    pub fn apply(&mut self, action: SettingsAction) {
        match action {
            SettingsAction::Primary(t) => self.primary = t,
            SettingsAction::Text(t) => self.text = t,
            SettingsAction::Font(t) => self.font = t,
            SettingsAction::Radius(t) => self.radius = t,
            SettingsAction::Cell(row, col, text) => {
                if let Some(r) = self.rows.get_mut(row) {
                    r.set(col.min(KEYS.len() - 1), text);
                }
            }
            SettingsAction::AddRow => {
                if self.rows.len() < MAX_COURSES {
                    self.rows.push(RawCourse::default());
                }
            }
            SettingsAction::RemoveRow(i) => {
                if i < self.rows.len() {
                    self.rows.remove(i);
                }
            }
            SettingsAction::Import(json) => {
                let c = Catalogue::from_json(&json);
                self.import_problems = c.problems.clone();
                if !c.courses.is_empty() || c.problems.is_empty() {
                    self.rows = c.courses.iter().map(|c| c.raw()).collect();
                }
            }
        }
    }

    /// The courses typed, checked (blank rows are not courses).
    pub fn catalogue(&self) -> Catalogue {
        Catalogue::check(&self.rows)
    }

    /// The theme the widget will apply.
    pub fn theme(&self) -> Theme {
        Theme::from_params(&self.primary, &self.text, &self.font, &self.radius)
    }

    /// The loader's `data-*` attributes, in order: what the snippet writes and the preview uses.
    pub fn attributes(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        for (name, value) in [
            ("data-primary", &self.primary),
            ("data-text", &self.text),
            ("data-font", &self.font),
            ("data-radius", &self.radius),
        ] {
            let value = value.trim();
            if !value.is_empty() {
                out.push((name, value.to_owned()));
            }
        }
        let catalogue = self.catalogue();
        if !catalogue.courses.is_empty() {
            out.push(("data-catalogue", catalogue.to_json().replace('\n', " ")));
        }
        out
    }

    /// The HTML to paste where the widget goes.
    pub fn snippet(&self, script_url: &str) -> String {
        let mut out = format!("<script src={} async", attribute(script_url));
        for (name, value) in self.attributes() {
            out.push_str(&format!("\n        {name}={}", attribute(&value)));
        }
        out.push_str("></script>");
        out
    }

    /// The contrast notes of the two colours, in French: one line each, and whether it was adjusted.
    pub fn contrast_notes(&self) -> Vec<(&'static str, String, bool)> {
        let theme = self.theme();
        let mut out = Vec::new();
        for (id, what, colour) in [
            ("primary-contrast", "Couleur principale", theme.primary),
            ("text-contrast", "Couleur du texte", theme.text),
        ] {
            if let Some(c) = colour {
                out.push((id, contrast_note(what, &c), c.adjusted()));
            }
        }
        out
    }
}

/// « Couleur principale #ffcc00 : contraste 1,6:1 sur fond blanc, sous le minimum de 4,5:1. Le widget
/// l'assombrit en #907300 (4,5:1). »
pub fn contrast_note(what: &str, c: &Colour) -> String {
    let min = ratio_text(MIN_CONTRAST);
    if c.adjusted() {
        format!(
            "{what} {} : contraste de {} sur fond blanc, sous le minimum de {min} (WCAG 2.1 AA). \
             Le widget l'assombrit en {}, qui atteint {}.",
            c.asked,
            ratio_text(c.contrast_asked()),
            c.used,
            ratio_text(c.contrast_used())
        )
    } else {
        format!(
            "{what} {} : contraste de {} sur fond blanc, au moins {min} : elle est utilisée telle quelle.",
            c.asked,
            ratio_text(c.contrast_asked())
        )
    }
}

/// The Content-Security-Policy sources a host page needs for the widget served from `origin`.
///
/// ```
/// use coutcontrat_web::widget::integration::csp;
/// assert_eq!(csp("https://coutcontrat.example"), "frame-src https://coutcontrat.example; script-src https://coutcontrat.example");
/// ```
pub fn csp(origin: &str) -> String {
    format!("frame-src {origin}; script-src {origin}")
}

/// An HTML attribute value, quoted: in double quotes, or in single quotes when it holds double quotes
/// (JSON), with `&`, `<`, `>` and the quote used escaped.
pub fn attribute(value: &str) -> String {
    let quote = if value.contains('"') { '\'' } else { '"' };
    let mut out = String::with_capacity(value.len() + 2);
    out.push(quote);
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if c == quote => out.push_str(if c == '"' { "&quot;" } else { "&#39;" }),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

impl Reducible for Settings {
    type Action = SettingsAction;

    fn reduce(self: Rc<Self>, action: SettingsAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_carries_every_setting() {
        let mut s = Settings::default();
        s.apply(SettingsAction::Primary("#ffcc00".into()));
        s.apply(SettingsAction::Font("Georgia, serif".into()));
        s.apply(SettingsAction::AddRow);
        for (col, text) in [
            "RNCP38362",
            "Titre d'été <à distance> & \"co\"",
            "6",
            "6500",
            "12",
            "85",
        ]
        .iter()
        .enumerate()
        {
            s.apply(SettingsAction::Cell(1, col, (*text).into()));
        }
        let snippet = s.snippet("https://calc.example/widget.js");
        assert!(
            snippet.starts_with("<script src=\"https://calc.example/widget.js\" async"),
            "{snippet}"
        );
        assert!(snippet.contains("data-primary=\"#ffcc00\""), "{snippet}");
        assert!(
            snippet.contains("data-font=\"Georgia, serif\""),
            "{snippet}"
        );
        assert!(snippet.contains("data-radius=\"8\""), "{snippet}");
        assert!(snippet.ends_with("></script>"), "{snippet}");
        // The catalogue is JSON in single quotes, its apostrophes and markup escaped.
        let start = snippet.find("data-catalogue='").expect("the catalogue") + 16;
        let end = start + snippet[start..].find('\'').unwrap();
        let html = &snippet[start..end];
        assert!(
            html.contains("Titre d&#39;été &lt;à distance&gt; &amp; \\\"co\\\""),
            "{html}"
        );
        let json = html
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        let back = Catalogue::from_json(&json);
        assert_eq!(back, s.catalogue());
        assert_eq!(back.courses.len(), 2);
        assert_eq!(back.courses[1].label, "Titre d'été <à distance> & \"co\"");
    }

    #[test]
    fn blank_rows_are_not_courses_and_wrong_ones_are_named() {
        let mut s = Settings::default();
        s.apply(SettingsAction::AddRow);
        assert_eq!(s.catalogue().courses.len(), 1);
        assert!(s.catalogue().problems.is_empty());
        s.apply(SettingsAction::Cell(1, 0, "RNCP1".into()));
        assert_eq!(
            s.catalogue().problems,
            vec!["formation 2 (RNCP1) : le prix annuel manque"]
        );
        s.apply(SettingsAction::RemoveRow(0));
        s.apply(SettingsAction::RemoveRow(0));
        assert!(s.rows.is_empty());
        assert!(!s.attributes().iter().any(|(n, _)| *n == "data-catalogue"));
    }

    #[test]
    fn an_import_replaces_the_courses_and_says_what_it_left_out() {
        let mut s = Settings::default();
        s.apply(SettingsAction::Import(
            r#"{"courses": [{"rncp": "RNCP1002", "price": 7000, "months": 24}, {"rncp": "x"}]}"#
                .into(),
        ));
        assert_eq!(s.rows.len(), 1);
        assert_eq!(s.rows[0].rncp, "RNCP1002");
        assert_eq!(s.rows[0].months, "24");
        // The course left out: its code and its missing price, both at once.
        assert_eq!(s.import_problems.len(), 2, "{:?}", s.import_problems);
        assert!(s.import_problems[0].contains("« x » n'est pas un code RNCP"));
        assert!(s.import_problems[1].contains("prix annuel manque"));
        // Not JSON: the courses stay.
        s.apply(SettingsAction::Import("[{".into()));
        assert_eq!(s.rows.len(), 1);
        assert!(s.import_problems[0].contains("JSON"));
    }

    #[test]
    fn contrast_notes_say_when_a_colour_is_darkened() {
        let mut s = Settings::default();
        let notes = s.contrast_notes();
        assert_eq!(notes.len(), 2);
        assert!(
            !notes[0].2 && notes[0].1.contains("telle quelle"),
            "{}",
            notes[0].1
        );
        s.apply(SettingsAction::Primary("#FFCC00".into()));
        let notes = s.contrast_notes();
        assert!(notes[0].2);
        assert_eq!(
            notes[0].1,
            "Couleur principale #ffcc00 : contraste de 1,5:1 sur fond blanc, sous le minimum de 4,5:1 \
             (WCAG 2.1 AA). Le widget l'assombrit en #907300, qui atteint 4,5:1."
        );
    }

    #[test]
    fn attribute_quoting() {
        assert_eq!(attribute("a&b"), "\"a&amp;b\"");
        assert_eq!(attribute("[{\"a\":\"l'x\"}]"), "'[{\"a\":\"l&#39;x\"}]'");
        assert_eq!(attribute("<script>"), "\"&lt;script&gt;\"");
    }
}
