//! The réduction générale's coefficient (L241-13, D241-7 CSS), in decimals: its exponent is 1 or 1,75, so a
//! power of a fourth root, by Newton's method, is enough.

use rust_decimal::{Decimal, RoundingStrategy};

use super::ReductionRule;

/// √x to Decimal's precision, by Newton's method.
fn sqrt(x: Decimal) -> Decimal {
    if x <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    let two = Decimal::TWO;
    let mut guess = if x > Decimal::ONE {
        x / two
    } else {
        Decimal::ONE
    };
    for _ in 0..100 {
        let next = (guess + x / guess) / two;
        if next == guess {
            break;
        }
        guess = next;
    }
    guess
}

/// x ^ (quarters / 4).
fn power_quarters(x: Decimal, quarters: u8) -> Decimal {
    if quarters % 4 == 0 {
        return (0..quarters / 4).fold(Decimal::ONE, |p, _| p * x);
    }
    let root = sqrt(sqrt(x));
    (0..quarters).fold(Decimal::ONE, |p, _| p * root)
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
    let x = (rule.exit_smic * smic / gross - Decimal::ONE) / rule.divisor;
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
        assert_eq!(sqrt(d("2.25")), d("1.5"));
        assert_eq!(power_quarters(d("16"), 7).round_dp(20), d("128"));
        assert_eq!(power_quarters(d("3"), 4), d("3"));
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
