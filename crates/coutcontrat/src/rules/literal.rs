//! Short constructors that the generated parameter files (`rules/generated.rs`, `employer/generated.rs`)
//! call, so that each value reads as one short expression.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

/// `mantissa × 10^-scale`.
pub(crate) fn dec(mantissa: i64, scale: u32) -> Decimal {
    Decimal::new(mantissa, scale)
}

/// `mantissa × 10^-scale` in a constant (a static parameter).
pub(crate) const fn cdec(mantissa: i64, scale: u32) -> Decimal {
    let magnitude = mantissa.unsigned_abs();
    Decimal::from_parts(
        magnitude as u32,
        (magnitude >> 32) as u32,
        0,
        mantissa < 0,
        scale,
    )
}

/// An owned text.
pub(crate) fn text(s: &str) -> String {
    s.to_owned()
}

/// A map keyed by text (amounts by certification level).
pub(crate) fn by_key<V, const N: usize>(pairs: [(&str, V); N]) -> BTreeMap<String, V> {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}
