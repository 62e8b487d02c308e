//! Untrusted text as it may appear in a message or on a terminal: clipped, and with its control characters
//! shown instead of obeyed. A workbook cell, a CSV field or a typed value can be megabytes long or carry
//! terminal escape sequences; every message that repeats one goes through [`quoted`].

use std::borrow::Cow;
use std::fmt::Write as _;

/// How many characters of an offending value a message repeats.
pub const QUOTED_CHARS: usize = 60;

/// `text` cut to at most `max_chars` characters, an ellipsis marking the cut.
pub fn clip(text: &str, max_chars: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max_chars) {
        None => Cow::Borrowed(text),
        Some((end, _)) => {
            let head = &text[..text[..end].char_indices().last().map_or(0, |(i, _)| i)];
            Cow::Owned(format!("{}…", head.trim_end()))
        }
    }
}

/// Whether printing `c` could move the cursor, change colours or reorder the text around it: C0 and C1
/// controls, DEL, and the bidirectional overrides and isolates.
pub fn is_unprintable(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with each unprintable character written as its escape (`\u{1b}`), so that a terminal shows it
/// and does not obey it.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unprintable) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unprintable(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// An offending value as a message repeats it: its first [`QUOTED_CHARS`] characters, made printable.
pub fn quoted(text: &str) -> String {
    printable(&clip(text, QUOTED_CHARS)).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_value_is_repeated_whole() {
        assert_eq!(clip("RNCP34826", 9), "RNCP34826");
        assert_eq!(quoted("8500,50 €"), "8500,50 €");
    }

    #[test]
    fn a_long_value_is_cut_on_a_character_with_an_ellipsis() {
        let long = "é".repeat(1_000_000);
        let shown = quoted(&long);
        assert_eq!(shown.chars().count(), QUOTED_CHARS);
        assert!(shown.ends_with('…'));
        assert_eq!(clip("abcdef", 3), "ab…");
    }

    #[test]
    fn escape_sequences_are_shown_not_obeyed() {
        assert_eq!(printable("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(printable("x\u{202E}y\u{7f}"), "x\\u{202e}y\\u{7f}");
        assert_eq!(printable("ligne\nsuivante"), "ligne\\u{a}suivante");
        assert!(matches!(printable("Hôtels, cafés"), Cow::Borrowed(_)));
    }

    #[test]
    fn clipping_comes_before_escaping_so_the_message_stays_short() {
        let hostile = "\u{1b}".repeat(10_000);
        assert!(quoted(&hostile).len() < 8 * QUOTED_CHARS);
    }
}
