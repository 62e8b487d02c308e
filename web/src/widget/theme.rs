//! Theming of the widget: the four CSS custom properties a CFA may set, checked before use.
//!
//! A colour is accepted as `#rgb` or `#rrggbb`. Every text of the widget is on white, so the primary
//! colour (links, figures, accents) and the text colour must each reach a contrast of 4.5:1 against white
//! (WCAG 2.1, success criterion 1.4.3). A colour below that is darkened — its three channels scaled down
//! together, which keeps its hue — just enough to reach it; the integration page says so.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};

/// The minimum contrast of text against its background (WCAG 2.1 AA, normal text).
pub const MIN_CONTRAST: f64 = 4.5;

/// The widget's background.
pub const BACKGROUND: Rgb = Rgb(0xff, 0xff, 0xff);

/// The primary colour when none is given (the calculator's own accent).
pub const DEFAULT_PRIMARY: Rgb = Rgb(0x0a, 0x65, 0x60);

/// The text colour when none is given.
pub const DEFAULT_TEXT: Rgb = Rgb(0x1c, 0x24, 0x30);

/// The largest corner radius accepted, in pixels.
pub const MAX_RADIUS_PX: u32 = 32;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Reads `#rgb` or `#rrggbb` (the `#` may be left out, letters in either case).
    ///
    /// ```
    /// use coutcontrat_web::widget::theme::Rgb;
    /// assert_eq!(Rgb::parse("#0A6560"), Some(Rgb(0x0a, 0x65, 0x60)));
    /// assert_eq!(Rgb::parse("fc0"), Some(Rgb(0xff, 0xcc, 0x00)));
    /// assert_eq!(Rgb::parse("red"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Rgb> {
        let t = text.trim();
        let hex = t.strip_prefix('#').unwrap_or(t);
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).ok();
        match hex.len() {
            3 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => {
                let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
                Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
            }
            _ => None,
        }
    }

    /// The relative luminance of WCAG 2.1: 0 for black, 1 for white.
    pub fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }

    /// The colour with its three channels multiplied by `factor` (0 to 1): darker, same hue.
    fn scaled(self, factor: f64) -> Rgb {
        let c = |v: u8| (f64::from(v) * factor).round().clamp(0.0, 255.0) as u8;
        Rgb(c(self.0), c(self.1), c(self.2))
    }
}

impl fmt::Display for Rgb {
    /// `#0a6560`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The contrast ratio of two colours (WCAG 2.1), from 1 (same) to 21 (black on white).
///
/// ```
/// use coutcontrat_web::widget::theme::{contrast, Rgb};
/// let black = Rgb(0, 0, 0);
/// let white = Rgb(255, 255, 255);
/// assert!((contrast(black, white) - 21.0).abs() < 1e-9);
/// ```
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la >= lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// `colour` itself when it reaches `min` against `background`; else the lightest darkening of it that
/// does. The background is assumed light (the widget's is white), so darkening always gets there: black
/// reaches 21:1 on white.
pub fn ensure_contrast(colour: Rgb, background: Rgb, min: f64) -> Rgb {
    if contrast(colour, background) >= min {
        return colour;
    }
    // The largest factor that reaches `min`: contrast grows as the factor falls.
    let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
    for _ in 0..32 {
        let mid = (lo + hi) / 2.0;
        if contrast(colour.scaled(mid), background) >= min {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    // Rounding to whole channels may fall just short: step down until it is met.
    let mut factor = lo;
    loop {
        let c = colour.scaled(factor);
        if contrast(c, background) >= min || factor <= 0.0 {
            return c;
        }
        factor = (factor - 1.0 / 255.0).max(0.0);
    }
}

/// A colour the CFA asked for and the one the widget uses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colour {
    /// As asked.
    pub asked: Rgb,
    /// As used: `asked`, or darkened to reach [`MIN_CONTRAST`] on white.
    pub used: Rgb,
}

impl Colour {
    /// Checks a colour against the widget's white background.
    pub fn check(asked: Rgb) -> Colour {
        Colour {
            asked,
            used: ensure_contrast(asked, BACKGROUND, MIN_CONTRAST),
        }
    }

    /// True when the colour had to be darkened.
    pub fn adjusted(&self) -> bool {
        self.asked != self.used
    }

    /// Contrast of the colour asked, on white.
    pub fn contrast_asked(&self) -> f64 {
        contrast(self.asked, BACKGROUND)
    }

    /// Contrast of the colour used, on white.
    pub fn contrast_used(&self) -> f64 {
        contrast(self.used, BACKGROUND)
    }
}

/// The widget's theme: each part absent keeps the default of the stylesheet.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Theme {
    /// `--cc-primary`: links, figures, accents.
    pub primary: Option<Colour>,
    /// `--cc-text`: the text.
    pub text: Option<Colour>,
    /// `--cc-font`: a font-family list, of fonts on the visitor's device (nothing is downloaded).
    pub font: Option<String>,
    /// `--cc-radius`: the corner radius of boxes and fields, in CSS pixels (`8px`).
    pub radius: Option<String>,
    /// What was given but not used, in French, for the integration page.
    pub rejected: Vec<String>,
}

impl Theme {
    /// The theme from the loader's parameters, as given (`data-primary`, `data-text`, `data-font`,
    /// `data-radius`; empty means absent).
    pub fn from_params(primary: &str, text: &str, font: &str, radius: &str) -> Theme {
        let mut theme = Theme::default();
        let mut colour = |value: &str, what: &str| -> Option<Colour> {
            let value = value.trim();
            if value.is_empty() {
                return None;
            }
            match Rgb::parse(value) {
                Some(rgb) => Some(Colour::check(rgb)),
                None => {
                    theme.rejected.push(format!(
                        "{what} « {value} » non reconnue : écrivez-la #RRGGBB (par exemple #0a6560) ; la couleur par défaut est utilisée"
                    ));
                    None
                }
            }
        };
        let primary = colour(primary, "couleur principale");
        let text = colour(text, "couleur du texte");
        theme.primary = primary;
        theme.text = text;
        let font = font.trim();
        if !font.is_empty() {
            match font_family(font) {
                Some(f) => theme.font = Some(f),
                None => theme.rejected.push(format!(
                    "police « {font} » non reconnue : donnez une liste de polices séparées par des virgules (lettres, chiffres, espaces, tirets, guillemets)"
                )),
            }
        }
        let radius = radius.trim();
        if !radius.is_empty() {
            match radius_px(radius) {
                Some(px) => theme.radius = Some(format!("{px}px")),
                None => theme.rejected.push(format!(
                    "arrondi « {radius} » non reconnu : un nombre de pixels de 0 à {MAX_RADIUS_PX} (par exemple 8px)"
                )),
            }
        }
        theme
    }

    /// The CSS custom properties to set on the widget's root, with their values.
    pub fn properties(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(c) = &self.primary {
            out.push(("--cc-primary", c.used.to_string()));
        }
        if let Some(c) = &self.text {
            out.push(("--cc-text", c.used.to_string()));
        }
        if let Some(f) = &self.font {
            out.push(("--cc-font", f.clone()));
        }
        if let Some(r) = &self.radius {
            out.push(("--cc-radius", r.clone()));
        }
        out
    }
}

/// A font-family list kept only when it is plainly one: font names (letters, digits, spaces, hyphens,
/// quotes) separated by commas, at most 200 characters — so no other CSS can slip in.
fn font_family(text: &str) -> Option<String> {
    let ok = text.chars().count() <= 200
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | ',' | '-' | '_' | '"' | '\''))
        && text.split(',').all(|name| {
            let name = name.trim();
            let quotes = name.chars().filter(|c| matches!(c, '"' | '\'')).count();
            !name.is_empty()
                && (quotes == 0
                    || (quotes == 2 && name.len() > 2 && {
                        let first = name.chars().next();
                        first == name.chars().last() && matches!(first, Some('"' | '\''))
                    }))
        });
    ok.then(|| {
        text.split(',')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(", ")
    })
}

/// `8`, `8px`, `0.5rem` (16 px to the rem) → pixels, from 0 to [`MAX_RADIUS_PX`], to the hundredth.
/// Decimal, not float: parsing and printing floats would add about 20 KB to the page.
fn radius_px(text: &str) -> Option<Decimal> {
    let t = text.trim().to_ascii_lowercase();
    let (number, scale) = if let Some(n) = t.strip_suffix("px") {
        (n, 1)
    } else if let Some(n) = t.strip_suffix("rem") {
        (n, 16)
    } else if let Some(n) = t.strip_suffix("em") {
        (n, 16)
    } else {
        (t.as_str(), 1)
    };
    let number = number.trim();
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let px = Decimal::from_str_exact(number)
        .ok()?
        .checked_mul(Decimal::from(scale))?;
    (px <= Decimal::from(MAX_RADIUS_PX)).then(|| {
        px.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
            .normalize()
    })
}

/// `4,5:1`, the French way of writing a contrast ratio (rounded down, so a ratio just under 4.5 never
/// reads 4,5). Printed from whole tenths: float formatting would add about 10 KB to the page.
pub fn ratio_text(ratio: f64) -> String {
    let tenths = (ratio * 10.0).floor() as u32;
    format!("{},{}:1", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WHITE: Rgb = Rgb(255, 255, 255);

    #[test]
    fn luminance_of_the_extremes_and_a_grey() {
        assert_eq!(Rgb(0, 0, 0).luminance(), 0.0);
        assert!((WHITE.luminance() - 1.0).abs() < 1e-12);
        // #808080: (128/255 + 0.055)/1.055)^2.4 = 0.2158…
        assert!((Rgb(128, 128, 128).luminance() - 0.2158605).abs() < 1e-6);
    }

    #[test]
    fn contrast_matches_the_published_values() {
        // The usual references: #767676 is the lightest grey that passes on white, #777777 fails.
        assert!(contrast(Rgb(0x76, 0x76, 0x76), WHITE) >= 4.5);
        assert!(contrast(Rgb(0x77, 0x77, 0x77), WHITE) < 4.5);
        assert!((contrast(Rgb(0x76, 0x76, 0x76), WHITE) - 4.54).abs() < 0.01);
        // Symmetric, and 1 for a colour against itself.
        let a = Rgb(0x0a, 0x65, 0x60);
        assert_eq!(contrast(a, WHITE), contrast(WHITE, a));
        assert!((contrast(a, a) - 1.0).abs() < 1e-12);
        // The calculator's accent and ink (rounded down to the tenth).
        assert_eq!(ratio_text(contrast(DEFAULT_PRIMARY, WHITE)), "6,9:1");
        assert_eq!(ratio_text(contrast(DEFAULT_TEXT, WHITE)), "15,6:1");
        assert_eq!(ratio_text(contrast(Rgb(0, 0, 0), WHITE)), "21,0:1");
    }

    #[test]
    fn a_colour_that_passes_is_kept() {
        for c in [
            DEFAULT_PRIMARY,
            DEFAULT_TEXT,
            Rgb(0x76, 0x76, 0x76),
            Rgb(0, 0, 0),
        ] {
            assert_eq!(ensure_contrast(c, WHITE, MIN_CONTRAST), c);
            assert!(!Colour::check(c).adjusted());
        }
    }

    #[test]
    fn a_light_colour_is_darkened_just_enough_keeping_its_hue() {
        for c in [
            Rgb(0xff, 0xcc, 0x00),
            Rgb(0x77, 0x77, 0x77),
            Rgb(0xff, 0xff, 0xff),
            Rgb(0x00, 0xbf, 0xff),
            Rgb(0xff, 0x69, 0xb4),
        ] {
            let d = ensure_contrast(c, WHITE, MIN_CONTRAST);
            assert!(contrast(d, WHITE) >= MIN_CONTRAST, "{c} → {d}");
            // Just enough: one step lighter would fail (unless already at the edge of the hue).
            let lighter = Rgb(
                d.0.saturating_add(2).min(c.0),
                d.1.saturating_add(2).min(c.1),
                d.2.saturating_add(2).min(c.2),
            );
            assert!(
                contrast(lighter, WHITE) < 4.7,
                "{c} → {d} is darker than needed"
            );
            // Same hue: channels keep their order.
            let order = |x: Rgb| {
                let mut v = [(x.0, 0), (x.1, 1), (x.2, 2)];
                v.sort();
                v.map(|(_, i)| i)
            };
            if c.0 != c.1 && c.1 != c.2 && c.0 != c.2 {
                assert_eq!(order(d), order(c), "{c} → {d}");
            }
        }
        // Gold becomes a dark ochre (#917400, one step lighter, is 4.47:1); white becomes the passing grey.
        assert_eq!(
            ensure_contrast(Rgb(0xff, 0xcc, 0), WHITE, 4.5).to_string(),
            "#907300"
        );
        assert_eq!(ensure_contrast(WHITE, WHITE, 4.5), Rgb(0x76, 0x76, 0x76));
    }

    #[test]
    fn colours_are_read_in_both_hex_forms() {
        assert_eq!(Rgb::parse("#fff"), Some(WHITE));
        assert_eq!(Rgb::parse(" #0A6560 "), Some(DEFAULT_PRIMARY));
        assert_eq!(Rgb::parse("0a6560"), Some(DEFAULT_PRIMARY));
        for bad in [
            "",
            "#",
            "#ff",
            "#ffff",
            "#gggggg",
            "rgb(0,0,0)",
            "red",
            "#0a65601",
            "#é00",
        ] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
        assert_eq!(DEFAULT_PRIMARY.to_string(), "#0a6560");
    }

    #[test]
    fn the_theme_sets_only_what_is_given_and_valid() {
        let t = Theme::from_params("#ffcc00", "", "Georgia, 'Times New Roman', serif", "12");
        assert_eq!(
            t.properties(),
            vec![
                ("--cc-primary", "#907300".to_owned()),
                ("--cc-font", "Georgia, 'Times New Roman', serif".to_owned()),
                ("--cc-radius", "12px".to_owned()),
            ]
        );
        assert!(t.primary.unwrap().adjusted());
        assert!(t.rejected.is_empty());
        assert_eq!(Theme::from_params("", "", "", "").properties(), vec![]);

        let t = Theme::from_params("tomato", "#333", "x; background: url(http://evil)", "1e9px");
        assert_eq!(t.properties(), vec![("--cc-text", "#333333".to_owned())]);
        assert_eq!(t.rejected.len(), 3, "{:?}", t.rejected);
        assert!(t.rejected[0].contains("tomato"));
    }

    #[test]
    fn fonts_and_radii_are_plain_values_only() {
        assert_eq!(
            font_family("Arial,sans-serif").as_deref(),
            Some("Arial, sans-serif")
        );
        assert_eq!(
            font_family("\"Open Sans\", Verdana").as_deref(),
            Some("\"Open Sans\", Verdana")
        );
        for bad in [
            "a;b",
            "a{}",
            "url(x)",
            "Arial,,serif",
            "\"Open Sans",
            "x/**/y",
            "a\\62",
        ] {
            assert_eq!(font_family(bad), None, "{bad}");
        }
        let px = |n: u32| Some(Decimal::from(n));
        assert_eq!(radius_px("8"), px(8));
        assert_eq!(radius_px("8px"), px(8));
        assert_eq!(radius_px("0.5rem"), px(8));
        assert_eq!(radius_px("0"), px(0));
        assert_eq!(radius_px("32px"), px(32));
        assert_eq!(radius_px("2.125"), Decimal::from_str_exact("2.13").ok());
        assert_eq!(
            radius_px("8.50px").map(|p| p.to_string()).as_deref(),
            Some("8.5")
        );
        for bad in ["-1", "33px", "3rem", "8 px x", "1e2", "", "px", "calc(1px)"] {
            assert_eq!(radius_px(bad), None, "{bad}");
        }
    }
}
