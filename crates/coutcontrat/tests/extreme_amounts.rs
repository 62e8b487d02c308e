//! Bug 4 of issue 17: any amount a référentiel row or the input holds gives a quote or an error, never a panic
//! (an imported NPEC of 1e28 made every quote on its row panic with « Multiplication overflowed »).

use coutcontrat::contract::PriceBasis;
use coutcontrat::dates::add_days;
use coutcontrat::money::within_amount_limit;
use coutcontrat::quote::NpecSource;
use coutcontrat::referentiel::{CpneIdcc, NpecRow, RowOrigin, TableVersion};
use coutcontrat::{Contract, Quoter, Referentiel};
use jiff::civil::{date, Date};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A référentiel of one version holding one row, RNCP41000 × CPNE 433 (IDCC 3252), whose amount is `amount`.
fn holding(amount: Decimal) -> Referentiel {
    let mut row = NpecRow::simple("RNCP41000", "BTS MOS", 433, "", date(2025, 9, 1));
    row.amount = Some(amount);
    row.amount_raw = amount.to_string();
    row.origin = RowOrigin {
        sheet: "Onglet 3 - référentiel NPEC".into(),
        line: Some(5),
    };
    let mut r = Referentiel::default();
    r.add_version(TableVersion {
        tag: "v_absurde".into(),
        published: date(2025, 9, 1),
        applies_from: date(2025, 9, 1),
        applies_until: None,
        source_file: String::new(),
        source_sha256: None,
        legal_basis: String::new(),
        synthetic: false,
        coverage: Default::default(),
        note: String::new(),
        rows: vec![row],
        mapping: Some(vec![CpneIdcc {
            cpne: 433,
            idcc: 3252,
        }]),
    });
    r
}

fn contract(signed_on: Date, price: Decimal) -> Contract {
    Contract::new(signed_on, date(2025, 9, 1), date(2027, 8, 31), price)
        .with_certification("RNCP41000", 3252)
        .with_level(6)
}

#[test]
fn a_row_of_1e28_gives_an_error_naming_the_row_not_a_panic() {
    let huge: Decimal = "10000000000000000000000000000".parse().unwrap();
    let referentiel = holding(huge);
    let err = Quoter::new(&referentiel)
        .quote(&contract(date(2025, 9, 15), Decimal::from(9000)))
        .unwrap_err();
    assert_eq!(err.code(), "data");
    let message = err.message();
    for part in [
        "v_absurde",
        "RNCP41000 × CPNE 433",
        "10000000000000000000000000000",
        "Onglet 3 - référentiel NPEC",
        "ligne 5",
        "1 000 000 000 €",
    ] {
        assert!(message.contains(part), "« {part} » missing: {message}");
    }
    // The largest amount accepted still gives a quote.
    let at_limit = holding(Decimal::from(1_000_000_000));
    assert!(Quoter::new(&at_limit)
        .quote(&contract(date(2025, 9, 15), Decimal::from(9000)))
        .is_ok());
}

/// Any decimal: its 96-bit mantissa, sign and scale drawn at random, or an ordinary amount.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<bool>(),
            0u32..=28
        )
            .prop_map(|(lo, mid, hi, neg, scale)| Decimal::from_parts(lo, mid, hi, neg, scale)),
        (0i64..=2_000_000_000_000, 0u32..=2).prop_map(|(m, s)| Decimal::new(m, s)),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_amount_of_the_referentiel_or_the_input_gives_a_quote_or_an_error(
        row_amount in any_decimal(),
        price in any_decimal(),
        manual in prop::option::of(any_decimal()),
        rqth in prop::option::of(any_decimal()),
        equipment in prop::option::of(any_decimal()),
        distance in any::<bool>(),
        reduced in any::<bool>(),
        total in any::<bool>(),
        probation in any::<bool>(),
        entry_before in prop::option::of(1i64..90),
        length in 0i64..1200,
    ) {
        let referentiel = holding(row_amount);
        let mut c = contract(date(2025, 9, 15), price);
        c.end = add_days(c.start, length);
        c.npec = manual;
        c.rqth_majoration = rqth;
        if let Some(e) = equipment {
            c.annexes.first_equipment = e;
        }
        c.distance_share = distance.then_some(Decimal::ONE);
        c.reduced_duration = reduced;
        c.price_basis = if total { PriceBasis::Total } else { PriceBasis::Annual };
        if probation {
            c.rupture_on = Some(add_days(c.start, length.min(30)));
            c.rupture_during_probation = true;
        }
        c.cfa_entry_on = entry_before.map(|d| add_days(c.start, -d));
        // A panic fails the case; an error is an answer.
        match Quoter::new(&referentiel).quote(&c) {
            Ok(q) => {
                // The row was used only if its amount is one a quote can work with.
                prop_assert!(q.npec.source != NpecSource::Table || within_amount_limit(row_amount));
            }
            Err(e) if manual.is_none() && !within_amount_limit(row_amount) && within_amount_limit(price) => {
                prop_assert!(["data", "out_of_range", "inconsistent"].contains(&e.code()), "{}", e);
            }
            Err(_) => {}
        }
    }
}
