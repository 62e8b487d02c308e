//! The réduction générale's coefficient (L241-13, D241-7 CSS), in decimals: its exponent is 1 or 1,75, so a
//! power of a fourth root is enough, taken on integers.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use super::ReductionRule;

/// Fixed-point scale of the roots: 18 decimals, far below the coefficient's 4.
const SCALE: u128 = 1_000_000_000_000_000_000;

/// x ^ (quarters / 4) for 0 ≤ x < 1, by integer square roots on 18 decimals (a Decimal Newton loop cost
/// a dozen divisions a month).
fn power_quarters(x: Decimal, quarters: u8) -> Decimal {
    if quarters % 4 == 0 {
        return (0..quarters / 4).fold(Decimal::ONE, |p, _| p * x);
    }
    let Some(fixed) = (x * Decimal::from(SCALE)).trunc().to_u128() else {
        return Decimal::ZERO;
    };
    let root4 = (fixed * SCALE).isqrt() * SCALE;
    let root4 = root4.isqrt();
    let power = (1..quarters).fold(root4, |p, _| p * root4 / SCALE);
    i128::try_from(power)
        .ok()
        .and_then(|p| Decimal::try_from_i128_with_scale(p, 18).ok())
        .unwrap_or(Decimal::ZERO)
}

/// The coefficient for a month's gross salary and (prorated) SMIC, rounded to 4 decimals as D241-7 says;
/// zero for no salary or from the exit threshold on.
pub(crate) fn coefficient(
    rule: &ReductionRule,
    headcount: u32,
    gross: Decimal,
    smic: Decimal,
) -> Decimal {
    if gross <= Decimal::ZERO || gross >= rule.exit_smic * smic || rule.divisor.is_zero() {
        return Decimal::ZERO;
    }
    let delta = if headcount < 50 {
        rule.delta_under_50
    } else {
        rule.delta_from_50
    };
    // x = (exit × SMIC / gross − 1) / divisor, in one division. From x = 1 on (a salary up to the SMIC)
    // the power is at least 1: the coefficient is its maximum, no division needed.
    let (above, below) = (rule.exit_smic * smic - gross, gross * rule.divisor);
    if above >= below {
        return (rule.minimum + delta)
            .round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
    }
    let x = above / below;
    let raw = (rule.minimum + delta * power_quarters(x, rule.exponent_quarters))
        .min(rule.minimum + delta);
    raw.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn roots_and_powers() {
        // 0,0625 ^ 1,75 = 0,5 ^ 7; 0,25 ^ 1,75 = 0,5 ^ 3,5.
        assert_eq!(power_quarters(d("0.0625"), 7), d("0.0078125"));
        assert_eq!(
            power_quarters(d("0.25"), 7).round_dp(12),
            d("0.088388347648")
        );
        assert_eq!(power_quarters(d("0.3"), 4), d("0.3"));
        assert_eq!(power_quarters(Decimal::ZERO, 7), Decimal::ZERO);
    }

    #[test]
    fn the_rgdu_of_2026_between_one_and_three_smic() {
        let rgdu = ReductionRule {
            minimum: d("0.02"),
            delta_under_50: d("0.3781"),
            delta_from_50: d("0.3821"),
            divisor: d("2"),
            exit_smic: d("3"),
            exponent_quarters: 7,
        };
        // At the SMIC, the whole of it; at 2 SMIC: 0,02 + 0,3781 × 0,25^1,75 = 0,0534.
        assert_eq!(
            coefficient(&rgdu, 10, d("1823.03"), d("1823.03")),
            d("0.3981")
        );
        assert_eq!(
            coefficient(&rgdu, 10, d("3646.06"), d("1823.03")),
            d("0.0534")
        );
        assert_eq!(
            coefficient(&rgdu, 10, d("5469.09"), d("1823.03")),
            Decimal::ZERO
        );
    }
}
