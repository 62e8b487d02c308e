use coutcontrat::referentiel::{
    CertificationIndex, CpneIdcc, IdccInfo, NpecRow, Referentiel, TableVersion,
};
use coutcontrat::{ContractInput, NpecSource, Quoter};
use jiff::civil::date;

use super::*;

fn today() -> Date {
    date(2026, 11, 27)
}

fn run(state: &mut State, catalog: Catalog, actions: Vec<Action>) {
    for action in actions {
        state.apply(action, catalog);
    }
}

fn set(field: Field, text: &str) -> Action {
    Action::Set(field, text.to_owned())
}

/// RULES.md example A2: signed 2025-08-15, 2025-09-01 → 2027-02-28, manual NPEC 7 000 €, price 9 000 €,
/// level 6.
fn a2(catalog: Catalog) -> State {
    let mut state = State::defaults(today(), catalog);
    run(
        &mut state,
        catalog,
        vec![
            set(Field::SignedOn, "15/08/2025"),
            set(Field::Start, "2025-09-01"),
            set(Field::End, "28/02/2027"),
            set(Field::Npec, "7 000"),
            set(Field::Price, "9000"),
            set(Field::Level, "6"),
        ],
    );
    state
}

/// A small référentiel: one certification in two branches, IDCC 3252 mapped to three CPNE.
fn demo() -> Referentiel {
    let mut r = Referentiel::default();
    let mut bts = NpecRow::simple(
        "RNCP41000",
        "BTS Management opérationnel de la sécurité",
        204,
        "8828",
        date(2025, 9, 1),
    );
    bts.diploma_type = "BTS".into();
    bts.cpne_label = "Prévention et sécurité".into();
    let mut other = bts.clone();
    other.cpne = Some(205);
    other.amount = Some("9100".parse().unwrap());
    other.amount_raw = "9100".into();
    other.cpne_label = "Sûreté aérienne".into();
    r.add_version(TableVersion {
        tag: "demo".into(),
        published: date(2025, 9, 4),
        applies_from: date(2025, 9, 1),
        applies_until: None,
        source_file: "demo.xlsx".into(),
        source_sha256: None,
        legal_basis: String::new(),
        synthetic: true,
        note: String::new(),
        rows: vec![bts, other],
        mapping: Some(vec![
            CpneIdcc {
                cpne: 204,
                idcc: 1351,
            },
            CpneIdcc {
                cpne: 204,
                idcc: 3252,
            },
            CpneIdcc {
                cpne: 205,
                idcc: 3252,
            },
            CpneIdcc {
                cpne: 206,
                idcc: 3252,
            },
        ]),
    });
    r.add_cpne_label(206, "Aéroports");
    r.add_idcc(IdccInfo {
        idcc: 1351,
        label: "Prévention et sécurité".into(),
        opco: Some("AKTO".into()),
    });
    r
}

#[test]
fn the_form_gives_the_figures_of_the_quoter() {
    let catalog = Catalog::embedded();
    let state = a2(catalog);
    let quote = state.outcome.quote.as_ref().expect("A2 quotes");
    let direct = Quoter::new(catalog.referentiel)
        .quote(
            &ContractInput::from_json(
                r#"{"signed_on": "2025-08-15", "start": "2025-09-01", "end": "2027-02-28",
                    "npec": "7000", "price": "9000", "level": 6}"#,
            )
            .unwrap()
            .parse()
            .unwrap(),
        )
        .unwrap();
    assert_eq!(quote, &direct);
    assert_eq!(quote.totals.npec.to_string(), "10471.23");
    assert_eq!(quote.totals.opco.to_string(), "9721.23");
    assert_eq!(quote.totals.employer.to_string(), "3741.78");
    assert_eq!(quote.schedule[0].amount.to_string(), "2050.00");
    assert!(
        state.outcome.errors.is_empty(),
        "{:?}",
        state.outcome.errors
    );
}

#[test]
fn every_option_of_the_form_reaches_the_quoter() {
    let catalog = Catalog::embedded();
    let mut state = a2(catalog);
    run(
        &mut state,
        catalog,
        vec![
            Action::Toggle(Flag::Rqth, true),
            set(Field::RqthMajoration, "2000"),
            Action::Toggle(Flag::Distance, true),
            Action::DistanceMode(DistanceMode::Hours),
            set(Field::DistanceHours, "400"),
            set(Field::TotalHours, "500"),
            set(Field::Nights, "3"),
            set(Field::Meals, "10"),
            set(Field::CfaEntryOn, "2025-07-01"),
        ],
    );
    let direct = |share: &str| {
        let json = format!(
            r#"{{"signed_on": "2025-08-15", "start": "2025-09-01", "end": "2027-02-28",
                "npec": "7000", "price": "9000", "level": 6, "rqth_majoration": "2000",
                "distance_share": "{share}", "annexes": {{"nights": 3, "meals": 10}},
                "cfa_entry_on": "2025-07-01"}}"#
        );
        Quoter::new(catalog.referentiel)
            .quote(&ContractInput::from_json(&json).unwrap().parse().unwrap())
            .unwrap()
    };
    let quote = state.outcome.quote.as_ref().expect("quotes");
    assert_eq!(quote, &direct("0.8"));
    assert!(quote.npec.minoration.is_some());
    // The same share as a percentage: the core reads « 80 % » as typed.
    run(
        &mut state,
        catalog,
        vec![
            Action::DistanceMode(DistanceMode::Share),
            set(Field::DistanceShare, "80"),
        ],
    );
    assert_eq!(state.outcome.quote.as_ref(), Some(&direct("80 %")));
}

#[test]
fn the_share_link_reproduces_the_form_and_the_quote() {
    let catalog = Catalog::embedded();
    let mut state = a2(catalog);
    run(
        &mut state,
        catalog,
        vec![
            set(Field::CertQuery, "Électricité & énergie 100 % = «a+b»"),
            Action::PriceBasis(PriceBasis::Total),
            Action::Toggle(Flag::ReducedDuration, true),
            Action::Toggle(Flag::Distance, true),
            Action::DistanceMode(DistanceMode::Hours),
            set(Field::DistanceHours, "10,5"),
            set(Field::TotalHours, "400"),
            set(Field::FirstEquipment, "350 €"),
        ],
    );
    let link = state.to_query();
    assert!(
        link.starts_with("signed_on=15/08/2025&start=2025-09-01&end=28/02/2027"),
        "{link}"
    );
    let opened = State::from_query(&format!("?{link}"), date(2030, 1, 1), catalog);
    assert_eq!(opened.form, state.form);
    assert_eq!(opened.outcome, state.outcome);
    assert!(opened.outcome.quote.is_some());
    // A link with nothing the page knows gives the defaults.
    assert_eq!(
        State::from_query("?utm_source=x", today(), catalog).form,
        Form::defaults(today())
    );
}

#[test]
fn a_wrong_field_keeps_every_text_and_carries_the_message() {
    let catalog = Catalog::embedded();
    let mut state = a2(catalog);
    let before = state.form.clone();
    state.apply(set(Field::End, "2025-08-01"), catalog);
    let error = state
        .outcome
        .error(Field::End)
        .expect("message on the end date");
    assert!(error.message.contains("précède"), "{}", error.message);
    assert!(!error.missing);
    assert_eq!(state.outcome.errors.len(), 1);
    assert!(state.outcome.quote.is_none());
    for field in Field::ALL {
        if field != Field::End {
            assert_eq!(state.form.text(field), before.text(field), "{field:?}");
        }
    }
    assert_eq!(state.form.text(Field::End), "2025-08-01");

    // Two fields wrong at once: each gets its own message, nothing is lost.
    run(
        &mut state,
        catalog,
        vec![
            set(Field::End, "2027-02-30"),
            set(Field::Price, "neuf mille"),
            set(Field::Nights, "-2"),
        ],
    );
    let fields: Vec<Field> = state.outcome.errors.iter().map(|e| e.field).collect();
    assert_eq!(fields, vec![Field::End, Field::Price, Field::Nights]);
    assert!(state
        .outcome
        .error(Field::End)
        .unwrap()
        .message
        .contains("n'existe pas"));
    assert_eq!(state.form.text(Field::Price), "neuf mille");
    assert_eq!(state.form.text(Field::Nights), "-2");

    // Corrected, the quote comes back.
    run(
        &mut state,
        catalog,
        vec![
            set(Field::End, "2027-02-28"),
            set(Field::Price, "9000"),
            set(Field::Nights, ""),
        ],
    );
    assert!(state.outcome.errors.is_empty());
    assert!(state.outcome.quote.is_some());
}

#[test]
fn a_missing_price_is_a_quiet_message_on_the_price() {
    let catalog = Catalog::embedded();
    let state = State::defaults(today(), catalog);
    let price = state.outcome.error(Field::Price).expect("price asked");
    assert!(price.missing);
    assert!(state.outcome.quote.is_none());
}

#[test]
fn the_defaults_are_a_two_year_contract_from_next_september() {
    let form = Form::defaults(today());
    assert_eq!(form.text(Field::SignedOn), "15/08/2027");
    assert_eq!(form.text(Field::Start), "01/09/2027");
    assert_eq!(form.text(Field::End), "31/08/2029");
    let form = Form::defaults(date(2027, 8, 20));
    assert_eq!(form.text(Field::SignedOn), "20/08/2027");
    assert_eq!(form.text(Field::Start), "01/09/2027");
}

#[test]
fn the_distance_share_is_read_in_per_cent() {
    let catalog = Catalog::embedded();
    let mut state = a2(catalog);
    run(
        &mut state,
        catalog,
        vec![
            Action::Toggle(Flag::Distance, true),
            set(Field::DistanceShare, "120"),
        ],
    );
    let e = state
        .outcome
        .error(Field::DistanceShare)
        .expect("out of range");
    assert!(e.message.contains("100 %"), "{}", e.message);
    state.apply(Action::DistanceMode(DistanceMode::Hours), catalog);
    state.apply(set(Field::DistanceHours, "600"), catalog);
    state.apply(set(Field::TotalHours, "500"), catalog);
    assert!(state.outcome.error(Field::DistanceHours).is_some());
}

#[test]
fn certifications_are_found_by_words_or_code_and_give_their_level() {
    let r = demo();
    let index = CertificationIndex::new(r.certifications());
    let catalog = Catalog::new(&r, &index);
    let mut state = State::defaults(today(), catalog);
    state.apply(set(Field::CertQuery, "securite manag"), catalog);
    assert_eq!(state.cert_hits.len(), 1);
    assert_eq!(state.cert_hits[0].rncp, "RNCP41000");
    assert_eq!(
        state.form.text(Field::Rncp),
        "",
        "words alone choose nothing"
    );
    state.apply(Action::PickCertification("RNCP41000".into()), catalog);
    assert_eq!(
        state.form.text(Field::CertQuery),
        "BTS Management opérationnel de la sécurité (RNCP41000)"
    );
    assert_eq!(state.form.text(Field::Rncp), "RNCP41000");
    assert_eq!(state.form.text(Field::Level), "5", "level of a BTS");
    assert!(state.cert_hits.is_empty());

    // A code typed as digits is taken when the référentiel knows it.
    let mut state = State::defaults(today(), catalog);
    state.apply(set(Field::CertQuery, "41000"), catalog);
    assert_eq!(state.form.text(Field::Rncp), "RNCP41000");
    state.apply(set(Field::CertQuery, "4100"), catalog);
    assert_eq!(state.form.text(Field::Rncp), "");
    // An RNCP code the référentiel lacks is still a code: the amorçage value applies.
    state.apply(set(Field::CertQuery, "RNCP99999"), catalog);
    assert_eq!(state.form.text(Field::Rncp), "RNCP99999");
}

#[test]
fn an_idcc_with_several_cpne_asks_which_one() {
    let r = demo();
    let index = CertificationIndex::new(r.certifications());
    let catalog = Catalog::new(&r, &index);
    let mut state = State::defaults(today(), catalog);
    run(
        &mut state,
        catalog,
        vec![
            set(Field::SignedOn, "2025-10-01"),
            set(Field::Start, "2025-10-01"),
            set(Field::End, "2027-09-30"),
            set(Field::CertQuery, "RNCP41000"),
            set(Field::Price, "9000"),
            set(Field::BranchQuery, "3252"),
        ],
    );
    assert_eq!(state.form.text(Field::Idcc), "3252");
    let branch = state.outcome.branch.as_ref().expect("branch known");
    let codes: Vec<u32> = branch.cpne.iter().map(|b| b.cpne).collect();
    assert_eq!(codes, vec![204, 205, 206]);
    let e = state.outcome.error(Field::Cpne).expect("asks for the CPNE");
    assert!(e.message.contains("plusieurs CPNE"), "{}", e.message);
    assert!(state.outcome.quote.is_none(), "never picks one");
    state.apply(Action::PickCpne(205), catalog);
    let quote = state.outcome.quote.as_ref().expect("quotes once chosen");
    assert_eq!(quote.npec.source, NpecSource::Table);
    assert_eq!(quote.npec.annual, Decimal::from(9100));

    // A branch chosen by name shows its OPCO, and its one CPNE is resolved by the core.
    state.apply(set(Field::BranchQuery, "prevention"), catalog);
    let i = state
        .branch_hits
        .iter()
        .position(|h| h.idcc == Some(1351))
        .expect("IDCC 1351 found by name");
    state.apply(Action::PickBranch(i), catalog);
    assert_eq!(state.form.text(Field::Idcc), "1351");
    let branch = state.outcome.branch.as_ref().unwrap();
    assert_eq!(branch.opco.as_deref(), Some("AKTO"));
    let quote = state.outcome.quote.as_ref().expect("one CPNE");
    assert_eq!(quote.npec.annual, Decimal::from(8828));
}

#[test]
fn closed_parts_open_when_they_hold_something() {
    let catalog = Catalog::embedded();
    let mut state = a2(catalog);
    assert!(!state.is_open(Section::Advanced));
    state.apply(set(Field::RuptureOn, "2024-01-01"), catalog);
    assert!(
        state.is_open(Section::Advanced),
        "a message inside opens it"
    );
    let link = state.to_query();
    let opened = State::from_query(&link, today(), catalog);
    assert!(opened.open[Section::Advanced as usize]);
    assert!(!opened.open[Section::Annexes as usize]);
}

#[test]
fn the_embedded_data_finds_a_certification_and_its_branch() {
    let catalog = Catalog::embedded();
    let mut state = State::defaults(today(), catalog);
    state.apply(set(Field::CertQuery, "securite"), catalog);
    assert!(
        state.cert_hits.iter().any(|c| c.rncp == "RNCP41000"),
        "{:?}",
        state.cert_hits
    );
    run(
        &mut state,
        catalog,
        vec![
            Action::PickCertification("RNCP41000".into()),
            set(Field::SignedOn, "14/09/2026"),
            set(Field::Start, "14/09/2026"),
            set(Field::End, "13/09/2028"),
            set(Field::Price, "9000"),
            set(Field::BranchQuery, "1351"),
        ],
    );
    let branch = state.outcome.branch.as_ref().expect("IDCC 1351 known");
    assert!(branch.opco.is_some(), "{branch:?}");
    let quote = state
        .outcome
        .quote
        .as_ref()
        .unwrap_or_else(|| panic!("{:?}", state.outcome.errors));
    assert_eq!(quote.npec.source, NpecSource::Table);
    assert_eq!(quote.npec.base, Decimal::from(8765));
    let direct = Quoter::new(catalog.referentiel)
        .quote(
            &ContractInput::from_json(
                r#"{"signed_on": "2026-09-14", "start": "2026-09-14", "end": "2028-09-13",
                    "price": "9000", "rncp": "RNCP41000", "idcc": 1351, "level": 5}"#,
            )
            .unwrap()
            .parse()
            .unwrap(),
        )
        .unwrap();
    assert_eq!(quote, &direct);
}
