//! Text helpers: accent folding for search, and French formatting of amounts.

use rust_decimal::{Decimal, RoundingStrategy};

/// Lower-cases and removes the accents of French text, so that `Sécurité` matches `securite`.
///
/// ```
/// assert_eq!(coutcontrat::text::fold("Œuvre Élastomères – Sécurité"), "oeuvre elastomeres – securite");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => out.push('a'),
            'ç' => out.push('c'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'î' | 'ï' | 'í' | 'ì' => out.push('i'),
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => out.push('o'),
            'ù' | 'û' | 'ü' | 'ú' => out.push('u'),
            'ÿ' | 'ý' => out.push('y'),
            'ñ' => out.push('n'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            '’' | '`' => out.push('\''),
            _ => out.push(c),
        }
    }
    out
}

/// The folded words of a text (letters and digits), for matching.
///
/// ```
/// assert_eq!(coutcontrat::text::words("BTS « Management » d'équipe"), vec!["bts", "management", "d", "equipe"]);
/// ```
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// An amount rounded to the cent, half away from zero (D9).
///
/// ```
/// use rust_decimal::Decimal;
/// assert_eq!(coutcontrat::text::cents("6392.055".parse().unwrap()).to_string(), "6392.06");
/// assert_eq!(coutcontrat::text::cents(Decimal::from(7)).to_string(), "7.00");
/// ```
pub fn cents(amount: Decimal) -> Decimal {
    let mut rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded
}

/// An amount as a French reader writes it: `7 000,00 €` (non-breaking spaces).
///
/// ```
/// assert_eq!(coutcontrat::text::euros("12345.6".parse().unwrap()), "12\u{a0}345,60\u{a0}€");
/// ```
pub fn euros(amount: Decimal) -> String {
    format!("{}\u{a0}€", french_number(cents(amount)))
}

/// A number with French separators, keeping its decimals: `3 978,14`, `0,8`.
pub fn french_number(value: Decimal) -> String {
    let text = value.to_string();
    let (sign, text) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('\u{a0}');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped},{f}"),
        None => format!("{sign}{grouped}"),
    }
}
