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

/// `cents(amount × num / den)`, computed exactly on integers when it fits (quotes spend most of their
/// time here); the same figure as the decimal computation, which remains the fallback.
pub(crate) fn prorate(amount: Decimal, num: i64, den: i64) -> Decimal {
    exact_cents(
        amount.mantissa(),
        amount.scale(),
        i128::from(num),
        i128::from(den),
    )
    .unwrap_or_else(|| cents(amount * Decimal::from(num) / Decimal::from(den)))
}

/// `cents(a × b)`, exactly on integers when it fits.
pub(crate) fn cents_of_product(a: Decimal, b: Decimal) -> Decimal {
    a.mantissa()
        .checked_mul(b.mantissa())
        .and_then(|m| exact_cents(m, a.scale() + b.scale(), 1, 1))
        .unwrap_or_else(|| cents(a * b))
}

/// `mantissa × 10^-scale × num / den` rounded to the cent, half away from zero (as [`cents`]);
/// `None` when an intermediate overflows or `den` is not positive.
fn exact_cents(mantissa: i128, scale: u32, num: i128, den: i128) -> Option<Decimal> {
    if den <= 0 {
        return None;
    }
    // 64-bit arithmetic when it fits (every real amount): 128-bit division is several times slower.
    let narrow = || -> Option<i64> {
        let (m, num, den) = (
            i64::try_from(mantissa).ok()?,
            i64::try_from(num).ok()?,
            i64::try_from(den).ok()?,
        );
        let numerator = m.checked_mul(num)?.checked_mul(100)?;
        let denominator = den.checked_mul(10i64.checked_pow(scale)?)?;
        let (q, r) = (numerator / denominator, numerator % denominator);
        Some(
            if r.unsigned_abs() >= denominator.unsigned_abs() - r.unsigned_abs() {
                q + numerator.signum()
            } else {
                q
            },
        )
    };
    let rounded = match narrow() {
        Some(r) => i128::from(r),
        None => {
            let numerator = mantissa.checked_mul(num)?.checked_mul(100)?;
            let denominator = den.checked_mul(10i128.checked_pow(scale)?)?;
            let (q, r) = (numerator / denominator, numerator % denominator);
            if r.unsigned_abs() >= denominator.unsigned_abs() - r.unsigned_abs() {
                q + numerator.signum()
            } else {
                q
            }
        }
    };
    Decimal::try_from_i128_with_scale(rounded, 2).ok()
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn amount() -> impl Strategy<Value = Decimal> {
        // Up to 10^9 € (the largest amount a quote accepts), with 0 to 6 decimals.
        (0i64..=1_000_000_000_000_000, 0u32..=6).prop_map(|(m, s)| {
            let value = Decimal::new(m, s + 6);
            value.round_dp(s).min(Decimal::from(1_000_000_000))
        })
    }

    proptest! {
        #[test]
        fn integer_proration_gives_the_decimal_figure(a in amount(), num in 0i64..=400, den in 1i64..=400) {
            prop_assert_eq!(prorate(a, num, den), cents(a * Decimal::from(num) / Decimal::from(den)));
        }

        #[test]
        fn integer_product_gives_the_decimal_figure(a in amount(), b in amount()) {
            let b = b / Decimal::from(1_000_000_000); // a share, 0 to 1
            prop_assert_eq!(cents_of_product(a, b), cents(a * b));
        }
    }

    #[test]
    fn midpoints_round_away_from_zero_and_scale_is_cents() {
        assert_eq!(prorate(Decimal::new(1, 2), 1, 2).to_string(), "0.01");
        assert_eq!(prorate(Decimal::new(3, 2), 1, 2).to_string(), "0.02");
        assert_eq!(
            prorate(Decimal::from(7000), 365, 365).to_string(),
            "7000.00"
        );
        assert_eq!(prorate(Decimal::from(7000), 1, 3).to_string(), "2333.33");
        assert_eq!(
            cents_of_product(Decimal::new(5, 1), Decimal::new(1001, 2)).to_string(),
            "5.01"
        );
    }
}
