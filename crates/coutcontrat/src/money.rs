//! Money on integers of cents: rounding to the cent (D9), proration, and French formatting of amounts.

use rust_decimal::{Decimal, RoundingStrategy};

/// An amount rounded to the cent, half away from zero (D9).
///
/// ```
/// use rust_decimal::Decimal;
/// assert_eq!(coutcontrat::money::cents("6392.055".parse().unwrap()).to_string(), "6392.06");
/// assert_eq!(coutcontrat::money::cents(Decimal::from(7)).to_string(), "7.00");
/// ```
pub fn cents(amount: Decimal) -> Decimal {
    let mut rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded
}

/// An amount of money: a whole number of cents, written with two decimals (`7000.00`), in JSON as that
/// text. Every figure of a quote is one (D9 rounds each line to the cent).
///
/// ```
/// use coutcontrat::money::Money;
/// let m = Money::from_cents(347_123);
/// assert_eq!(m.to_string(), "3471.23");
/// assert_eq!(serde_json::to_string(&m).unwrap(), "\"3471.23\"");
/// assert_eq!(serde_json::from_str::<Money>("\"3471.23\"").unwrap(), m);
/// assert_eq!(m.to_decimal(), "3471.23".parse().unwrap());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(i64);

impl Money {
    /// Nothing.
    pub const ZERO: Money = Money(0);

    /// An amount of `cents` cents.
    pub const fn from_cents(cents: i64) -> Money {
        Money(cents)
    }

    /// An amount rounded to the cent, half away from zero (D9).
    ///
    /// ```
    /// use coutcontrat::money::Money;
    /// assert_eq!(Money::from_decimal("6392.055".parse().unwrap()).to_string(), "6392.06");
    /// ```
    pub fn from_decimal(amount: Decimal) -> Money {
        Money(whole_cents(amount))
    }

    /// The number of cents.
    pub const fn cents(self) -> i64 {
        self.0
    }

    /// The amount as a decimal with two decimals.
    pub fn to_decimal(self) -> Decimal {
        from_cents(self.0)
    }

    /// True for zero.
    pub const fn is_zero(self) -> bool {
        self.0 == 0
    }
}

impl From<Money> for Decimal {
    fn from(m: Money) -> Decimal {
        m.to_decimal()
    }
}

// Sums of figures read as decimals (a page's or a report's subtotal).
impl std::iter::Sum<Money> for Decimal {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Decimal {
        iter.sum::<Money>().to_decimal()
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        Money(self.0 + other.0)
    }
}

impl std::ops::Sub for Money {
    type Output = Money;
    fn sub(self, other: Money) -> Money {
        Money(self.0 - other.0)
    }
}

impl std::ops::AddAssign for Money {
    fn add_assign(&mut self, other: Money) {
        self.0 += other.0;
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        Money(iter.map(|m| m.0).sum())
    }
}

impl std::fmt::Display for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl serde::Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Money {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Money, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        let amount: Decimal = text
            .parse()
            .map_err(|_| serde::de::Error::custom(format!("montant illisible : {text}")))?;
        if amount.scale() > 2 && amount != cents(amount) {
            return Err(serde::de::Error::custom(format!(
                "montant au-delà du centime : {text}"
            )));
        }
        Ok(Money::from_decimal(amount))
    }
}

/// The largest amount, in euros, a quote works with: any amount it is given (a price, a typed or looked-up
/// NPEC) must lie within ±this. Far beyond any contract, and small enough that no computation of a quote on
/// it overflows; the importer refuses a référentiel amount beyond it.
///
/// ```
/// use coutcontrat::money::{within_amount_limit, MAX_AMOUNT_EUROS};
/// assert!(within_amount_limit(MAX_AMOUNT_EUROS.into()));
/// assert!(within_amount_limit("-999999999.999".parse().unwrap()));
/// assert!(!within_amount_limit("1000000000.01".parse().unwrap()));
/// assert!(!within_amount_limit(rust_decimal::Decimal::MAX));
/// ```
pub const MAX_AMOUNT_EUROS: i64 = 1_000_000_000;

/// [`MAX_AMOUNT_EUROS`] as a mantissa of each scale a `Decimal` can have (0 to 28).
const AMOUNT_LIMITS: [u128; 29] = {
    let mut limits = [MAX_AMOUNT_EUROS as u128; 29];
    let mut scale = 1;
    while scale < 29 {
        limits[scale] = limits[scale - 1] * 10;
        scale += 1;
    }
    limits
};

/// Whether `|amount| <= MAX_AMOUNT_EUROS`, compared on the integer mantissa (cheaper than a decimal
/// comparison, at every quote).
///
/// ```
/// use coutcontrat::money::within_amount_limit;
/// assert!(within_amount_limit("9497".parse().unwrap()));
/// assert!(!within_amount_limit("10000000000000000000000000000".parse().unwrap()));
/// ```
pub fn within_amount_limit(amount: Decimal) -> bool {
    amount.mantissa().unsigned_abs() <= AMOUNT_LIMITS[amount.scale() as usize]
}

/// [`MAX_AMOUNT_EUROS`] as a message writes it.
///
/// ```
/// assert_eq!(coutcontrat::money::amount_limit_text(), "1 000 000 000 €");
/// ```
pub fn amount_limit_text() -> String {
    format!(
        "{} €",
        french_number(MAX_AMOUNT_EUROS.into()).replace('\u{a0}', " ")
    )
}

/// `value > 0`, without a decimal comparison.
pub(crate) fn is_positive(value: Decimal) -> bool {
    value.is_sign_positive() && !value.is_zero()
}

/// `numerator / denominator` rounded half away from zero, for a positive denominator.
macro_rules! rounded_quotient {
    ($numerator:expr, $denominator:expr) => {{
        let (n, d) = ($numerator, $denominator);
        let (q, r) = (n / d, n % d);
        if r.unsigned_abs() >= d.unsigned_abs() - r.unsigned_abs() {
            q + n.signum()
        } else {
            q
        }
    }};
}

/// `cents(amount × num / den)`, computed exactly on integers when it fits (quotes spend most of their
/// time here); the same figure as the decimal computation, which remains the fallback. `None` when even the
/// decimal computation overflows (an amount far beyond [`MAX_AMOUNT_EUROS`]).
pub(crate) fn prorate(amount: Decimal, num: i64, den: i64) -> Option<Decimal> {
    prorate_cents(amount, num, den).map(from_cents)
}

/// [`prorate`] as a number of cents.
pub(crate) fn prorate_cents(amount: Decimal, num: i64, den: i64) -> Option<i64> {
    match exact_cents(
        amount.mantissa(),
        amount.scale(),
        i128::from(num),
        i128::from(den),
    ) {
        Some(c) => Some(c),
        None => amount
            .checked_mul(Decimal::from(num))?
            .checked_div(Decimal::from(den))
            .and_then(checked_whole_cents),
    }
}

/// An amount prorated many times (each year of a contract), its integer form read once.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Prorated {
    amount: Decimal,
    /// The mantissa and `10^scale`, when they fit 64 bits.
    integer: Option<(i64, i64)>,
}

impl Prorated {
    pub(crate) fn new(amount: Decimal) -> Prorated {
        let integer = i64::try_from(amount.mantissa())
            .ok()
            .zip(POWERS_OF_TEN.get(amount.scale() as usize).copied());
        Prorated { amount, integer }
    }

    /// [`prorate_cents`] of the amount.
    #[inline]
    pub(crate) fn cents(&self, num: i64, den: i64) -> Option<i64> {
        if let (Some((mantissa, power)), true) = (self.integer, den > 0) {
            if let (Some(numerator), Some(denominator)) = (
                mantissa.checked_mul(num).and_then(|n| n.checked_mul(100)),
                den.checked_mul(power),
            ) {
                return Some(rounded_quotient!(numerator, denominator));
            }
        }
        prorate_cents(self.amount, num, den)
    }
}

/// `cents(a × b)` as a number of cents, exactly on integers when it fits.
#[inline(always)]
pub(crate) fn cents_of_product(a: Decimal, b_cents: i64) -> i64 {
    // A share of the parameters (`0.40`) has two decimals: dividing by a constant is a multiplication,
    // where a division by a variable costs dozens of cycles.
    if a.scale() == 2 {
        if let Some(n) = i64::try_from(a.mantissa())
            .ok()
            .and_then(|m| m.checked_mul(b_cents))
        {
            return rounded_quotient!(n, 100i64);
        }
    }
    any_cents_of_product(a, b_cents)
}

fn any_cents_of_product(a: Decimal, b_cents: i64) -> i64 {
    a.mantissa()
        .checked_mul(i128::from(b_cents))
        .and_then(|m| exact_cents(m, a.scale() + 2, 1, 1))
        // Saturated like `whole_cents`: the operands are figures of a quote already bounded (cents of an
        // amount within MAX_AMOUNT_EUROS, a share of the parameters).
        .unwrap_or_else(|| {
            a.checked_mul(from_cents(b_cents)).map_or(
                if a.is_sign_negative() == (b_cents < 0) {
                    i64::MAX
                } else {
                    i64::MIN
                },
                whole_cents,
            )
        })
}

/// An amount in whole cents, rounded as [`cents`] when it has more decimals.
///
/// Quotes refuse amounts above 10⁹ € and dates beyond 2200, so every figure of a quote fits (below 10¹⁴
/// cents); the bound here only keeps a misuse from wrapping around.
#[inline(always)]
pub(crate) fn whole_cents(amount: Decimal) -> i64 {
    // Most amounts of a quote are lines already in cents.
    if amount.scale() == 2 {
        if let Ok(m) = i64::try_from(amount.mantissa()) {
            return m;
        }
    }
    rounded_cents(amount)
}

fn rounded_cents(amount: Decimal) -> i64 {
    checked_whole_cents(amount).unwrap_or(if amount.is_sign_negative() {
        i64::MIN
    } else {
        i64::MAX
    })
}

/// [`whole_cents`], `None` when the number of cents does not fit 64 bits.
pub(crate) fn checked_whole_cents(amount: Decimal) -> Option<i64> {
    // Rounded half away from zero, as [`cents`], on the integer mantissa: a tenth of Decimal's rounding.
    exact_cents(amount.mantissa(), amount.scale(), 1, 1)
}

/// A number of cents as an amount with two decimals.
pub(crate) fn from_cents(cents: i64) -> Decimal {
    Decimal::new(cents, 2)
}

const POWERS_OF_TEN: [i64; 19] = {
    let mut p = [1i64; 19];
    let mut i = 1;
    while i < 19 {
        p[i] = p[i - 1] * 10;
        i += 1;
    }
    p
};

/// `mantissa × 10^-scale × num / den` in cents, rounded half away from zero (as [`cents`]); `None` when an
/// intermediate overflows, the result does not fit 64 bits, or `den` is not positive.
fn exact_cents(mantissa: i128, scale: u32, num: i128, den: i128) -> Option<i64> {
    if den <= 0 {
        return None;
    }
    // 64-bit arithmetic when it fits (every real amount): 128-bit division is several times slower.
    if let (Ok(m), Ok(num), Ok(den), Some(&power)) = (
        i64::try_from(mantissa),
        i64::try_from(num),
        i64::try_from(den),
        POWERS_OF_TEN.get(scale as usize),
    ) {
        if let (Some(numerator), Some(denominator)) = (
            m.checked_mul(num).and_then(|n| n.checked_mul(100)),
            den.checked_mul(power),
        ) {
            return Some(rounded_quotient!(numerator, denominator));
        }
    }
    let numerator = mantissa.checked_mul(num)?.checked_mul(100)?;
    let denominator = den.checked_mul(10i128.checked_pow(scale)?)?;
    i64::try_from(rounded_quotient!(numerator, denominator)).ok()
}

/// An amount as a French reader writes it: `7 000,00 €` (non-breaking spaces).
///
/// ```
/// let amount: rust_decimal::Decimal = "12345.6".parse().unwrap();
/// assert_eq!(coutcontrat::money::euros(amount), "12\u{a0}345,60\u{a0}€");
/// assert_eq!(coutcontrat::money::euros(coutcontrat::money::Money::from_cents(5)), "0,05\u{a0}€");
/// ```
pub fn euros(amount: impl Into<Decimal>) -> String {
    format!("{}\u{a0}€", french_number(cents(amount.into())))
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
            prop_assert_eq!(prorate(a, num, den), Some(cents(a * Decimal::from(num) / Decimal::from(den))));
        }

        #[test]
        fn an_amount_prorated_many_times_gives_the_decimal_figure(a in amount(), num in -400i64..=400, den in 1i64..=400) {
            prop_assert_eq!(Prorated::new(a).cents(num, den).map(from_cents), prorate(a, num, den));
        }

        #[test]
        fn integer_product_gives_the_decimal_figure(share in amount(), b in amount()) {
            let share = share / Decimal::from(1_000_000_000); // 0 to 1
            let b = cents(b);
            prop_assert_eq!(from_cents(cents_of_product(share, whole_cents(b))), cents(share * b));
        }

        #[test]
        fn a_two_decimal_share_gives_the_decimal_figure(hundredths in -100i64..=100, b in amount()) {
            let (share, b) = (Decimal::new(hundredths, 2), cents(b));
            prop_assert_eq!(from_cents(cents_of_product(share, whole_cents(b))), cents(share * b));
        }

        #[test]
        fn whole_cents_round_trip(a in amount()) {
            prop_assert_eq!(from_cents(whole_cents(a)), cents(a));
        }

        #[test]
        fn integer_rounding_to_cents_is_decimal_rounding_at_every_scale(m in -(i64::MAX / 100)..=i64::MAX / 100, scale in 0u32..=28) {
            // Exact contribution lines carry up to 28 decimals (a share of a month times a rate).
            let a = Decimal::new(m, scale);
            prop_assert_eq!(checked_whole_cents(a).map(from_cents), Some(cents(a)));
        }
    }

    #[test]
    fn midpoints_round_away_from_zero_and_scale_is_cents() {
        let prorate = |a, n, d| prorate(a, n, d).unwrap().to_string();
        assert_eq!(prorate(Decimal::new(1, 2), 1, 2), "0.01");
        assert_eq!(prorate(Decimal::new(3, 2), 1, 2), "0.02");
        assert_eq!(prorate(Decimal::from(7000), 365, 365), "7000.00");
        assert_eq!(prorate(Decimal::from(7000), 1, 3), "2333.33");
        assert_eq!(cents_of_product(Decimal::new(5, 1), 1001), 501);
        assert_eq!(whole_cents(Decimal::from(750)), 75_000);
        assert_eq!(whole_cents("-0.005".parse().unwrap()), -1);
    }

    /// Bug 4 of issue 17: an amount near `Decimal::MAX` (a NPEC cell of 1e28) overflowed `amount × days` and
    /// panicked; the proration now says it cannot be made.
    #[test]
    fn an_amount_beyond_any_contract_is_not_prorated() {
        let huge: Decimal = "10000000000000000000000000000".parse().unwrap();
        assert_eq!(prorate(huge, 181, 365), None);
        assert_eq!(Prorated::new(huge).cents(181, 365), None);
        assert_eq!(Prorated::new(Decimal::MAX).cents(1, 1), None);
        assert_eq!(cents_of_product(Decimal::MAX, i64::MAX), i64::MAX);
        assert!(!within_amount_limit(huge));
    }
}
