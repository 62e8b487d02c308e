//! `application/x-www-form-urlencoded` query strings, as `URLSearchParams` reads and writes them.

/// Encodes `pairs` as `a=1&b=x+y`.
pub fn encode(pairs: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (i, (key, value)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        escape(key, &mut out);
        out.push('=');
        escape(value, &mut out);
    }
    out
}

fn escape(text: &str, out: &mut String) {
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                out.push(b as char)
            }
            // Dates typed as 01/09/2027 stay readable in the address bar.
            b'/' => out.push('/'),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
}

/// One `key=value` of a query string, decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// The key.
    pub key: String,
    /// The value (empty for a bare `key`).
    pub value: String,
    /// True when the key or the value held a `%` not followed by two hexadecimal digits, or bytes that
    /// are not UTF-8 once decoded: the text is kept as typed, bad bytes as U+FFFD.
    pub malformed: bool,
}

/// Decodes `?a=1&b=x+y` (the leading `?` is optional) into pairs, in order; malformed escapes are kept
/// as typed.
pub fn decode(query: &str) -> Vec<(String, String)> {
    decode_checked(query)
        .into_iter()
        .map(|p| (p.key, p.value))
        .collect()
}

/// [`decode`], saying which pairs were malformed.
pub fn decode_checked(query: &str) -> Vec<Pair> {
    query
        .strip_prefix('?')
        .unwrap_or(query)
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            let ((key, bad_key), (value, bad_value)) = (unescape(key), unescape(value));
            Pair {
                key,
                value,
                malformed: bad_key || bad_value,
            }
        })
        .collect()
}

/// The text with its escapes decoded, and whether any was malformed.
fn unescape(text: &str) -> (String, bool) {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut malformed = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                // Two hexadecimal digits, exactly: `from_str_radix` alone would also take "+1".
                let hex = bytes
                    .get(i + 1..i + 3)
                    .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => {
                        malformed = true;
                        out.push(b'%');
                    }
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    match String::from_utf8(out) {
        Ok(text) => (text, malformed),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_keeps_every_character() {
        let pairs = [
            ("cert_q", "Électricité & énergie 100 % = «a+b»"),
            ("signed_on", "15/08/2025"),
            ("empty", ""),
        ];
        let encoded = encode(&pairs);
        assert!(!encoded.contains(' '));
        let decoded = decode(&format!("?{encoded}"));
        let expected: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(decoded, expected);
        assert!(decode_checked(&encoded).iter().all(|p| !p.malformed));
    }

    #[test]
    fn malformed_escapes_are_kept_and_flagged() {
        assert_eq!(
            decode("a=%zz&b=%4"),
            vec![("a".into(), "%zz".into()), ("b".into(), "%4".into())]
        );
        let checked = decode_checked("a=%zz&b=%41&c=%FF%FE&d=%+1&%E9t%C3%A9=1&e=%");
        let seen: Vec<(&str, &str, bool)> = checked
            .iter()
            .map(|p| (p.key.as_str(), p.value.as_str(), p.malformed))
            .collect();
        assert_eq!(
            seen,
            vec![
                ("a", "%zz", true),
                ("b", "A", false),
                ("c", "\u{fffd}\u{fffd}", true),
                ("d", "% 1", true),
                ("\u{fffd}té", "1", true),
                ("e", "%", true),
            ]
        );
    }
}
