//! The loose input: a field set by name (batch columns, form fields) is the field of the JSON interface,
//! and the fast paths of the parsers read what the general ones read.

use coutcontrat::{
    contract::parse_date, contract::parse_decimal, contract::INPUT_FIELDS, ContractInput,
};
use proptest::prelude::*;

#[test]
fn setting_a_field_by_name_is_the_json_field() {
    for field in INPUT_FIELDS {
        let mut by_name = ContractInput::default();
        by_name.set(field, "7").unwrap();
        let json = match field.split_once('.') {
            Some((outer, inner)) => format!(r#"{{"{outer}": {{"{inner}": "7"}}}}"#),
            None => format!(r#"{{"{field}": "7"}}"#),
        };
        assert_eq!(by_name, ContractInput::from_json(&json).unwrap(), "{field}");
    }
    let err = ContractInput::default()
        .set("annexes.wine", "3")
        .unwrap_err();
    assert_eq!(
        (err.code(), err.field()),
        ("unknown_field", Some("annexes.wine"))
    );
}

proptest! {
    #[test]
    fn iso_dates_read_as_jiff_reads_them(y in 1890i16..2210, m in 0i8..14, d in 0i8..33) {
        let text = format!("{y:04}-{m:02}-{d:02}");
        let ours = parse_date(&text, "start").ok();
        let theirs = jiff::civil::Date::new(y, m, d).ok();
        prop_assert_eq!(ours, theirs);
        // The same date written day first.
        let french = format!("{d:02}/{m:02}/{y:04}");
        prop_assert_eq!(parse_date(&french, "start").ok(), theirs);
    }

    #[test]
    fn plain_amounts_read_as_written_with_a_comma(units in 0u64..10_000_000_000, cents in 0u32..100) {
        let dot = format!("{units}.{cents:02}");
        let comma = format!("{units},{cents:02} €");
        prop_assert_eq!(
            parse_decimal(&dot, "price", false).unwrap(),
            parse_decimal(&comma, "price", false).unwrap()
        );
        prop_assert_eq!(parse_decimal(&dot, "price", false).unwrap().to_string(), dot);
    }
}
