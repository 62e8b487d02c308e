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

/// Issue 17: a birth date in 1800 was accepted, and `cycle_year` 0 passed unless the net cost was computed.
/// Both are `out_of_range` with their field, whatever else the contract asks: parsed alone, with or without
/// what the net cost needs, and as a `Contract` built in code and quoted.
#[test]
fn a_birth_date_or_cycle_year_out_of_bounds_is_refused_whatever_else_is_asked() {
    let dates = r#""signed_on": "2025-08-15", "start": "2025-09-01", "end": "2027-02-28", "npec": 7000, "price": 9000"#;
    let net = r#", "level": 6, "company_headcount": 10"#;
    for (extra, field) in [
        (r#""birth_date": "1800-01-01""#, "birth_date"),
        (r#""birth_date": "2024-01-01""#, "birth_date"),
        (r#""birth_date": "2025-09-02""#, "birth_date"),
        (r#""cycle_year": 0"#, "cycle_year"),
        (r#""cycle_year": 4"#, "cycle_year"),
    ] {
        for asked in ["", net] {
            let json = format!("{{{dates}, {extra}{asked}}}");
            let err = ContractInput::from_json(&json)
                .unwrap()
                .parse()
                .unwrap_err();
            assert_eq!(
                (err.code(), err.field()),
                ("out_of_range", Some(field)),
                "{json}: {err}"
            );
        }
    }
    // The bounds themselves pass: 14 and 100 years old on the first day, cycle years 1 and 3.
    for extra in [
        r#""birth_date": "2011-09-01""#,
        r#""birth_date": "1925-09-01""#,
        r#""cycle_year": 1, "birth_date": "2006-01-15""#,
        r#""cycle_year": 3"#,
    ] {
        let json = format!("{{{dates}, {extra}{net}}}");
        let contract = ContractInput::from_json(&json).unwrap().parse();
        assert!(contract.is_ok(), "{json}: {contract:?}");
    }
    // Built in code, past the parser: the quote refuses it too, net cost asked or not.
    let referentiel = coutcontrat::Referentiel::default();
    let quoter = coutcontrat::Quoter::new(&referentiel);
    let mut c = ContractInput::from_json(&format!(r#"{{{dates}, "level": 6}}"#))
        .unwrap()
        .parse()
        .unwrap();
    c.cycle_year = Some(0);
    assert_eq!(quoter.quote(&c).unwrap_err().field(), Some("cycle_year"));
    c.cycle_year = None;
    c.birth_date = Some(jiff::civil::date(1800, 1, 1));
    assert_eq!(quoter.quote(&c).unwrap_err().field(), Some("birth_date"));
}

/// Issue 17: a refusal repeated the whole offending value (a megabyte cell, a megabyte message, escape
/// sequences and all). Every field's message clips it and shows its control characters.
#[test]
fn a_refusal_repeats_a_long_or_hostile_value_clipped_and_printable() {
    let huge = format!("\u{1b}[2J{}", "9".repeat(1_000_000));
    for field in INPUT_FIELDS {
        let mut input = ContractInput::default();
        for required in ["signed_on", "start", "end"] {
            input.set(required, "2025-09-01").unwrap();
        }
        input.set("price", "9000").unwrap();
        input.set(field, &huge).unwrap();
        let Err(err) = input.parse() else {
            continue; // a field that takes any text (none today) or is checked by the quote
        };
        assert!(
            err.message().len() < 600,
            "{field}: {} bytes",
            err.message().len()
        );
        assert!(
            !err.message().contains('\u{1b}'),
            "{field}: {}",
            err.message()
        );
    }
    let key = format!("x{}", "y".repeat(1_000_000));
    let err = ContractInput::from_json(&format!(r#"{{"{key}": 1}}"#)).unwrap_err();
    assert_eq!(err.code(), "unknown_field");
    assert!(
        err.message().len() < 2_000 && err.field().unwrap().len() < 600,
        "{}",
        err.message().len()
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
