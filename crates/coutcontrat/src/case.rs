//! Letter case for the French alphabet, without Unicode's case tables.
//!
//! `char::to_lowercase` pulls about 10 KB of tables into the page's WebAssembly for letters that never occur
//! in a French label, a code or a link. These functions map ASCII and the French accented letters (and
//! the ligatures œ, æ) and leave every other character as it is.

/// Pairs of (capital, small) letters beyond ASCII that French text uses.
const FRENCH: [(char, char); 29] = [
    ('À', 'à'),
    ('Â', 'â'),
    ('Ä', 'ä'),
    ('Á', 'á'),
    ('Ã', 'ã'),
    ('Å', 'å'),
    ('Ç', 'ç'),
    ('É', 'é'),
    ('È', 'è'),
    ('Ê', 'ê'),
    ('Ë', 'ë'),
    ('Î', 'î'),
    ('Ï', 'ï'),
    ('Í', 'í'),
    ('Ì', 'ì'),
    ('Ô', 'ô'),
    ('Ö', 'ö'),
    ('Ó', 'ó'),
    ('Ò', 'ò'),
    ('Õ', 'õ'),
    ('Ù', 'ù'),
    ('Û', 'û'),
    ('Ü', 'ü'),
    ('Ú', 'ú'),
    ('Ÿ', 'ÿ'),
    ('Ý', 'ý'),
    ('Ñ', 'ñ'),
    ('Œ', 'œ'),
    ('Æ', 'æ'),
];

/// The small letter of `c` (ASCII or French), or `c` itself.
pub fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    FRENCH
        .iter()
        .find(|(capital, _)| *capital == c)
        .map_or(c, |(_, small)| *small)
}

/// The capital letter of `c` (ASCII or French), or `c` itself.
pub fn upper(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_uppercase();
    }
    FRENCH
        .iter()
        .find(|(_, small)| *small == c)
        .map_or(c, |(capital, _)| *capital)
}

/// `text` in small letters.
pub fn lowercase(text: &str) -> String {
    text.chars().map(lower).collect()
}

/// `text` with its first letter a capital: a message that begins a sentence.
///
/// ```
/// assert_eq!(coutcontrat::case::capitalised("échéance dépassée"), "Échéance dépassée");
/// assert_eq!(coutcontrat::case::capitalised(""), "");
/// ```
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(upper(first)).chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every letter these functions know maps as Unicode's own tables map it.
    #[test]
    #[allow(clippy::disallowed_methods)] // the tables, as the oracle
    fn french_letters_map_as_unicode_does() {
        let letters = ('\0'..='\u{7f}').chain(FRENCH.iter().flat_map(|(c, s)| [*c, *s]));
        for c in letters {
            assert_eq!(lower(c).to_string(), c.to_lowercase().to_string(), "{c:?}");
            assert_eq!(upper(c).to_string(), c.to_uppercase().to_string(), "{c:?}");
        }
    }

    #[test]
    fn other_characters_are_left_alone() {
        for c in ['ß', 'Σ', '–', '’', '€', '\u{301}'] {
            assert_eq!(lower(c), c);
            assert_eq!(upper(c), c);
        }
        assert_eq!(
            lowercase("Œuvre ÉLASTOMÈRES – Sécurité"),
            "œuvre élastomères – sécurité"
        );
    }
}
