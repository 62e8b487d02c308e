//! Short constructors that the generated parameter files (`rules/generated.rs`, `employer/generated.rs`)
//! call, so that each value reads as one short expression.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

/// `mantissa × 10^-scale`.
pub(crate) fn dec(mantissa: i64, scale: u32) -> Decimal {
    Decimal::new(mantissa, scale)
}

/// An owned text.
pub(crate) fn text(s: &str) -> String {
    s.to_owned()
}

/// A map keyed by text (amounts by certification level).
pub(crate) fn by_key<V, const N: usize>(pairs: [(&str, V); N]) -> BTreeMap<String, V> {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}
