//! French formatting of dates and amounts for the page.

use jiff::civil::Date;
use rust_decimal::Decimal;

/// `01/09/2027`, as a French reader types a date.
pub fn date_short(d: Date) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// `1er septembre 2027`.
pub fn date_long(d: Date) -> String {
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let day = if d.day() == 1 {
        "1er".to_owned()
    } else {
        d.day().to_string()
    };
    format!("{day} {} {}", MONTHS[d.month() as usize - 1], d.year())
}

/// `7 000,00 €` (non-breaking spaces), the core's formatting.
pub fn euros(amount: impl Into<Decimal>) -> String {
    coutcontrat::money::euros(amount)
}

/// The amount as a machine reads it (`7000.00`), for `data-value` attributes.
pub fn plain(amount: impl Into<Decimal>) -> String {
    coutcontrat::money::cents(amount.into()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn french_dates() {
        assert_eq!(date_short(date(2027, 9, 1)), "01/09/2027");
        assert_eq!(date_long(date(2027, 9, 1)), "1er septembre 2027");
        assert_eq!(date_long(date(2026, 8, 15)), "15 août 2026");
    }
}
