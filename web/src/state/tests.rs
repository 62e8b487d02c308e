use coutcontrat::referentiel::{
    CertificationIndex, CpneIdcc, IdccInfo, NpecRow, Referentiel, TableVersion,
};
use coutcontrat::{quote::NpecSource, ContractInput, Quote, Quoter};
use jiff::civil::date;
use rust_decimal::Decimal;

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
        coverage: Default::default(),
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
    let direct = Quoter::new(crate::data::referentiel())
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
        Quoter::new(crate::data::referentiel())
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
    // The hours reach the core as the Cerfa's (D27); a link made when the total was `total_hours` opens alike.
    assert!(link.contains("cfa_hours=400"), "{link}");
    let old_link = link.replace("cfa_hours=", "total_hours=");
    let reopened = State::from_query(&format!("?{old_link}"), date(2030, 1, 1), catalog);
    assert_eq!(reopened.form, state.form);
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
fn the_defaults_are_a_two_year_contract_concluded_today() {
    let form = Form::defaults(today());
    assert_eq!(form.text(Field::SignedOn), "27/11/2026");
    assert_eq!(form.text(Field::Start), "27/11/2026");
    assert_eq!(form.text(Field::End), "26/11/2028");
    let form = Form::defaults(date(2027, 3, 15));
    assert_eq!(form.text(Field::SignedOn), "15/03/2027");
    assert_eq!(form.text(Field::End), "14/03/2029");
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
fn typing_in_a_search_box_leaves_the_quote_as_it_was() {
    let catalog = Catalog::embedded();
    let mut state = a2(catalog);
    let before = state.clone();
    let quote = before.outcome.quote.clone().expect("A2 quotes");
    for text in ["s", "se", "secu", "securite"] {
        state.apply(set(Field::CertQuery, text), catalog);
        // The same outcome, shared: the figures are not rendered again at each keystroke.
        assert!(Rc::ptr_eq(&state.outcome, &before.outcome), "{text}");
        assert!(state.same_apart_from_searches(&before), "{text}");
    }
    assert!(!state.cert_hits.is_empty(), "the suggestions follow");
    assert!(!state.same_certification_search(&before));
    state.apply(set(Field::BranchQuery, "prevention"), catalog);
    assert!(Rc::ptr_eq(&state.outcome, &before.outcome));
    assert!(!state.branch_hits.is_empty(), "the suggestions follow");
    assert_eq!(state.outcome.quote.as_ref(), Some(&quote));

    // A new price is a new contract: the outcome follows.
    state.apply(set(Field::Price, "9500"), catalog);
    assert!(!state.same_apart_from_searches(&before));
    let repriced = state.outcome.quote.as_ref().expect("quotes");
    assert_ne!(repriced.totals.price, quote.totals.price);

    // Picking a certification is a change of contract: the outcome follows.
    let code = state.cert_hits[0].rncp.clone();
    state.apply(Action::PickCertification(code.clone()), catalog);
    assert_eq!(
        state
            .outcome
            .certification
            .as_ref()
            .map(|c| c.rncp.as_str()),
        Some(code.as_str())
    );
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
    assert_eq!(quote.npec.annual.to_decimal(), Decimal::from(9100));

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
    assert_eq!(quote.npec.annual.to_decimal(), Decimal::from(8828));
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
    assert_eq!(quote.npec.base.to_decimal(), Decimal::from(8765));
    let direct = Quoter::new(crate::data::referentiel())
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

// ---- The employer's whole cost (issue 7) ----------------------------------------------------------------

/// A2 with what the whole cost needs: an apprentice born 15/03/2006, a company of 12.
fn a2_net(catalog: Catalog) -> State {
    let mut state = a2(catalog);
    run(
        &mut state,
        catalog,
        vec![
            set(Field::BirthDate, "15/03/2006"),
            set(Field::CompanyHeadcount, "12"),
        ],
    );
    state
}

fn direct(json_extra: &str) -> Quote {
    let json = format!(
        r#"{{"signed_on": "2025-08-15", "start": "2025-09-01", "end": "2027-02-28",
            "npec": "7000", "price": "9000", "level": 6{json_extra}}}"#
    );
    Quoter::new(crate::data::referentiel())
        .quote(&ContractInput::from_json(&json).unwrap().parse().unwrap())
        .unwrap()
}

#[test]
fn the_whole_cost_has_the_figures_of_the_quoter() {
    let catalog = Catalog::embedded();
    let state = a2_net(catalog);
    let quote = state.outcome.quote.as_ref().expect("quotes");
    let want = direct(r#", "birth_date": "2006-03-15", "company_headcount": 12"#);
    assert_eq!(quote, &want);
    let net = quote
        .net_cost
        .as_ref()
        .expect("a birth date asks for the whole cost");
    assert_eq!(net.years.len(), 2);
    assert!(net.years[0].salary.to_decimal() > Decimal::ZERO);
    // The employer's contributions are in the net: the page shows the quoter's whole cost.
    let contributions = net.years[0]
        .employer_contributions
        .expect("2025's contributions are modelled");
    assert_eq!(
        net.years[0].net,
        net.years[0].salary + contributions + net.years[0].remaining_charge - net.years[0].aid
    );
    assert!(net.employer_contributions_total.is_some());
    assert!(
        !net.not_modelled
            .iter()
            .any(|m| m.contains("cotisations sociales patronales")),
        "{:?}",
        net.not_modelled
    );
    assert!(state.outcome.errors.is_empty() && state.outcome.net_errors.is_empty());

    // Every input of the section reaches the core, the RQTH box as `rqth`, its majoration optional.
    let mut state = a2_net(catalog);
    run(
        &mut state,
        catalog,
        vec![
            Action::Toggle(Flag::Rqth, true),
            set(Field::MonthlySalary, "1 450,50"),
            set(Field::TutorAid, "150"),
            set(Field::CycleYear, "2"),
            Action::Toggle(Flag::LicencePro, true),
        ],
    );
    let want = direct(
        r#", "birth_date": "2006-03-15", "company_headcount": 12, "rqth": true,
            "monthly_salary": "1450.50", "tutor_aid": "150", "cycle_year": 2, "licence_pro": true"#,
    );
    assert_eq!(state.outcome.quote.as_ref(), Some(&want));
    let net = want.net_cost.as_ref().unwrap();
    assert!(net.tutor_aid_total.to_decimal() > Decimal::ZERO);
    assert!(net.months.iter().all(|m| m.salary.to_string() != "0"));
    // The majoration, when given, is the CFA's, as before.
    state.apply(set(Field::RqthMajoration, "1500"), catalog);
    let quote = state.outcome.quote.as_ref().unwrap();
    assert!(quote.totals.rqth.to_decimal() > Decimal::ZERO);
    assert!(quote.net_cost.is_some());

    // The share link carries the whole section.
    let link = state.to_query();
    for key in [
        "birth_date=15/03/2006",
        "company_headcount=12",
        "monthly_salary=1+450%2C50",
        "tutor_aid=150",
        "cycle_year=2",
        "licence_pro=1",
        "rqth=1",
    ] {
        assert!(link.contains(key), "{key} in {link}");
    }
    let opened = State::from_query(&link, today(), catalog);
    assert_eq!(opened.form, state.form);
    assert_eq!(opened.outcome, state.outcome);
}

#[test]
fn the_contributions_part_reaches_the_quoter_in_per_cent_and_travels_in_the_link() {
    let catalog = Catalog::embedded();
    let mut state = a2_net(catalog);
    assert!(!state.is_open(Section::Contributions));
    run(
        &mut state,
        catalog,
        vec![
            set(Field::AtmpRate, "2,5"),
            set(Field::MobilityRate, "1,75"),
            Action::Toggle(Flag::AlsaceMoselle, true),
            set(Field::HealthInsuranceMonthly, "60"),
            set(Field::HealthInsuranceEmployerShare, "60"),
        ],
    );
    let want = direct(
        r#", "birth_date": "2006-03-15", "company_headcount": 12, "atmp_rate": "2,5 %",
            "mobility_rate": "1,75 %", "alsace_moselle": true, "health_insurance_monthly": "60",
            "health_insurance_employer_share": "60 %""#,
    );
    assert_eq!(state.outcome.quote.as_ref(), Some(&want));
    let net = want.net_cost.as_ref().unwrap();
    // 60 % of 60 € a month is the employer's, shown apart from the contributions.
    let first = net.months[0].payroll.as_ref().unwrap();
    assert_eq!(
        first.health_insurance_employer.map(|m| m.to_string()),
        Some("36.00".to_owned())
    );
    assert!(net
        .contribution_lines
        .iter()
        .any(|l| l.key == "maladie_alsace_moselle"));
    // A rate above the law's bound is named on its box, and the training quote stays.
    state.apply(set(Field::AtmpRate, "25"), catalog);
    assert!(
        state.outcome.error(Field::AtmpRate).is_some(),
        "{:?}",
        state.outcome
    );
    assert!(state.outcome.quote.is_some());
    state.apply(set(Field::AtmpRate, "2,5"), catalog);

    // The part opens by itself when it holds something, and the link carries it.
    let link = state.to_query();
    for key in [
        "atmp_rate=2%2C5",
        "mobility_rate=1%2C75",
        "alsace_moselle=1",
        "health_insurance_monthly=60",
        "health_insurance_employer_share=60",
    ] {
        assert!(link.contains(key), "{key} in {link}");
    }
    let opened = State::from_query(&link, today(), catalog);
    assert!(opened.is_open(Section::Contributions));
    assert_eq!(opened.form, state.form);
    assert_eq!(opened.outcome, state.outcome);
}

#[test]
fn a_box_of_the_whole_cost_never_hides_the_quote() {
    let catalog = Catalog::embedded();
    let plain = a2(catalog).outcome.quote.clone().unwrap();
    // A date of birth alone: the headcount is asked for, quietly, and the quote stays.
    let mut state = a2(catalog);
    state.apply(set(Field::BirthDate, "15/03/2006"), catalog);
    assert_eq!(state.outcome.quote.as_ref(), Some(&plain));
    let e = state
        .outcome
        .error(Field::CompanyHeadcount)
        .expect("headcount asked");
    assert!(e.missing, "{e:?}");
    assert!(state.outcome.errors.is_empty());
    assert_eq!(state.outcome.net_errors.len(), 1);

    // Wrong values: each its message, the quote stays.
    run(
        &mut state,
        catalog,
        vec![
            set(Field::BirthDate, "31/02/2006"),
            set(Field::CompanyHeadcount, "douze"),
            set(Field::MonthlySalary, "-5"),
            set(Field::CycleYear, "4"),
        ],
    );
    assert_eq!(state.outcome.quote.as_ref(), Some(&plain));
    let fields: Vec<Field> = state.outcome.net_errors.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        vec![Field::BirthDate, Field::CompanyHeadcount, Field::CycleYear],
        "{:?}",
        state.outcome.net_errors
    );
    // Corrected, the year of the cycle (checked with the contract since issue 17) stays, then the core's
    // own check of the whole cost comes next: the negative salary.
    run(
        &mut state,
        catalog,
        vec![
            set(Field::BirthDate, "15/03/2006"),
            set(Field::CompanyHeadcount, "12"),
        ],
    );
    let e = state.outcome.error(Field::CycleYear).expect("cycle 1 to 3");
    assert!(e.message.contains("de 1 à 3"), "{}", e.message);
    assert_eq!(state.outcome.quote.as_ref(), Some(&plain));
    state.apply(set(Field::CycleYear, ""), catalog);
    let e = state.outcome.error(Field::MonthlySalary).expect("negative");
    assert!(e.message.contains("négatif"), "{}", e.message);
    assert!(state.outcome.quote.as_ref().unwrap().net_cost.is_none());
    state.apply(set(Field::MonthlySalary, ""), catalog);
    assert!(state.outcome.quote.as_ref().unwrap().net_cost.is_some());

    // Too young, and a slip of the century: the core's message, then the page's.
    state.apply(set(Field::BirthDate, "01/01/2020"), catalog);
    assert!(state.outcome.error(Field::BirthDate).is_some());
    state.apply(set(Field::BirthDate, "15/03/1906"), catalog);
    let e = state.outcome.error(Field::BirthDate).expect("too old");
    assert!(e.message.contains("119 ans"), "{}", e.message);
    assert_eq!(state.outcome.quote.as_ref(), Some(&plain));

    // Without a level, the core cannot choose the aid: said next to the level, the quote (manual NPEC)
    // stays.
    // (Concluded before July 2025, the quote itself needs no level.)
    let mut state = a2_net(catalog);
    state.apply(set(Field::SignedOn, "15/06/2025"), catalog);
    state.apply(set(Field::Level, ""), catalog);
    assert!(state.outcome.quote.is_some(), "{:?}", state.outcome);
    let e = state.outcome.error(Field::Level).expect("level asked");
    assert!(e.message.contains("aide"), "{}", e.message);
    assert!(state.outcome.errors.is_empty());
}

#[test]
fn absurd_amounts_get_a_message_not_a_computation() {
    let catalog = Catalog::embedded();
    let mut state = a2_net(catalog);
    // 10^27 € made the core overflow; the page stops at MAX_AMOUNT.
    run(
        &mut state,
        catalog,
        vec![set(Field::Price, "1e27"), set(Field::MonthlySalary, "1e28")],
    );
    let e = state.outcome.error(Field::Price).expect("price bounded");
    assert!(e.message.contains("hors de portée"), "{}", e.message);
    assert!(state.outcome.error(Field::MonthlySalary).is_some());
    assert!(state.outcome.quote.is_none());
    assert_eq!(state.outcome.errors.len(), 1, "{:?}", state.outcome.errors);
    state.apply(set(Field::Price, "9000"), catalog);
    let quote = state.outcome.quote.as_ref().expect("quote back");
    assert!(quote.net_cost.is_none(), "the salary is still wrong");
    state.apply(set(Field::MonthlySalary, "1000000"), catalog);
    assert!(state.outcome.quote.as_ref().unwrap().net_cost.is_some());
}

// ---- Share links, tampered (issue 8) --------------------------------------------------------------------

const A2_LINK: &str =
    "signed_on=15/08/2025&start=2025-09-01&end=28/02/2027&npec=7000&price=9000&level=6";

#[test]
fn a_tampered_link_says_what_is_wrong_and_keeps_the_rest() {
    let catalog = Catalog::embedded();
    let clean = State::from_query(A2_LINK, today(), catalog);
    assert!(clean.link_notes.is_empty());
    assert!(clean.outcome.quote.is_some());

    // A bad date and an absurd amount are kept as typed, with their field's message.
    let state = State::from_query(
        &format!("{A2_LINK}&end=2027-13-45&annexes.nights=-4&npec=5e26"),
        today(),
        catalog,
    );
    assert_eq!(state.form.text(Field::End), "2027-13-45");
    assert!(state.outcome.error(Field::End).is_some());
    assert!(state.outcome.error(Field::Nights).is_some());
    assert!(state
        .outcome
        .error(Field::Npec)
        .is_some_and(|e| e.message.contains("hors de portée")));
    assert_eq!(state.form.text(Field::Price), "9000");
    assert_eq!(state.form.text(Field::Level), "6");
    // Repeated keys: the last value, and a note.
    let note = state.link_note("end").expect("end repeated");
    assert!(note.message.contains("plusieurs fois"), "{}", note.message);

    // Unknown keys, broken percent-encoding, a bad box value, an overlong value, a bad choice.
    let long = "x".repeat(MAX_VALUE_CHARS + 1);
    let state = State::from_query(
        &format!(
            "?{A2_LINK}&utm_source=news&evil=%3Cscript%3E&cert_q=Ma%zzitre%E9&rqth=peut-%C3%AAtre\
             &branch_q={long}&price_basis=monthly&distance_mode=%FF"
        ),
        today(),
        catalog,
    );
    let quote = state.outcome.quote.as_ref().expect("the rest quotes");
    assert_eq!(quote, clean.outcome.quote.as_ref().unwrap());
    let general = state
        .link_notes
        .iter()
        .find(|n| n.id.is_none())
        .expect("unknown keys");
    assert!(
        general.message.contains("« utm_source »") && general.message.contains("« evil »"),
        "{}",
        general.message
    );
    let cert = state.link_note("certification").expect("malformed");
    assert!(cert.message.contains("mal encodés"), "{}", cert.message);
    assert_eq!(state.form.text(Field::CertQuery), "Ma%zzitre\u{fffd}");
    let rqth = state.link_note("rqth").expect("bad box value");
    assert!(rqth.message.contains("peut-être"), "{}", rqth.message);
    assert!(!state.form.flag(Flag::Rqth));
    let branch = state.link_note("branch").expect("overlong");
    assert!(branch.message.contains("trop longue"), "{}", branch.message);
    assert_eq!(state.form.text(Field::BranchQuery), "");
    assert!(state.link_note("price").is_some());
    assert_eq!(state.form.price_basis, PriceBasis::Annual);
    assert!(state.link_note("distance").is_some());
    // (%FF is both malformed and no known choice: two notes.)
    assert_eq!(state.link_notes.len(), 7, "{:#?}", state.link_notes);

    // A note goes once its field is edited; the others stay.
    let mut state = state;
    state.apply(set(Field::CertQuery, "maitre"), catalog);
    assert!(state.link_note("certification").is_none());
    state.apply(Action::Toggle(Flag::Rqth, true), catalog);
    assert!(state.link_note("rqth").is_none());
    assert_eq!(state.link_notes.len(), 5);

    // Only unknown keys: the defaults, and the note. The page's own keys are no news.
    let state = State::from_query("?utm_source=x&mode=widget&debug_panic=1", today(), catalog);
    assert_eq!(state.form, Form::defaults(today()));
    assert_eq!(state.link_notes.len(), 1);
    assert!(state.link_notes[0].message.contains("utm_source"));
    assert!(!state.link_notes[0].message.contains("mode"));
}

#[test]
fn an_oversized_link_is_read_in_part() {
    let catalog = Catalog::embedded();
    let many: String = (0..MAX_PAIRS + 20).map(|i| format!("&k{i}=1")).collect();
    let state = State::from_query(&format!("{A2_LINK}{many}"), today(), catalog);
    assert!(state.outcome.quote.is_some());
    assert!(state
        .link_notes
        .iter()
        .any(|n| n.message.contains("paramètres : seuls")));
    assert!(state
        .link_notes
        .iter()
        .any(|n| n.message.contains("et ") && n.message.contains("autres")));

    let huge = format!("{A2_LINK}&cert_q={}", "é".repeat(MAX_QUERY_BYTES));
    let state = State::from_query(&huge, today(), catalog);
    assert!(state.outcome.quote.is_some());
    assert!(state
        .link_notes
        .iter()
        .any(|n| n.message.contains("trop long")));
}

#[test]
fn an_emptied_form_reads_back_empty() {
    let catalog = Catalog::embedded();
    let mut state = State::defaults(today(), catalog);
    for f in [Field::SignedOn, Field::Start, Field::End] {
        state.apply(set(f, ""), catalog);
    }
    let link = state.to_query();
    assert_eq!(link, "signed_on=");
    assert_eq!(State::from_query(&link, today(), catalog).form, state.form);
}

#[test]
fn the_panic_trigger_is_read_from_the_link() {
    assert!(debug_panic_requested("?debug_panic=1"));
    assert!(debug_panic_requested("price=9000&debug_panic=1"));
    assert!(!debug_panic_requested("?debug_panic=0"));
    assert!(!debug_panic_requested("?price=9000"));
}

// proptest is a host dev-dependency (web/Cargo.toml): the lib's tests also build for wasm32 under clippy.
#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use proptest::prelude::*;

    use super::*;

    /// Keys the page knows, and a few it does not.
    fn key() -> impl Strategy<Value = String> {
        let mut keys: Vec<String> = Field::ALL.iter().map(|f| f.key().to_owned()).collect();
        keys.extend(Flag::ALL.iter().map(|f| f.key().to_owned()));
        keys.extend(
            ["price_basis", "distance_mode", "mode", "utm_source", ""]
                .iter()
                .map(|k| k.to_string()),
        );
        prop_oneof![
            4 => proptest::sample::select(keys),
            1 => "[a-z_.%]{0,12}",
        ]
    }

    /// Values that reach every parser: dates, numbers of every size, escapes, anything.
    fn value() -> impl Strategy<Value = String> {
        prop_oneof![
            "[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}",
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}",
            "-?[0-9]{1,40}([.,][0-9]{0,30})?",
            "-?[0-9]\\.?[0-9]{0,3}[eE][+-]?[0-9]{1,3}",
            "(RNCP)?[0-9]{0,8}",
            "(%[0-9A-Fa-fzZ]{0,2}|\\+|&|=|[a-zé ])*",
            any::<String>(),
        ]
    }

    fn link() -> impl Strategy<Value = String> {
        prop::collection::vec((key(), value()), 0..12).prop_map(|pairs| {
            pairs
                .into_iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("&")
        })
    }

    fn form() -> impl Strategy<Value = Form> {
        (
            prop::collection::vec(
                prop_oneof![
                    Just(String::new()),
                    value().prop_map(|v| { v.chars().take(MAX_VALUE_CHARS).collect::<String>() })
                ],
                Field::ALL.len(),
            ),
            prop::collection::vec(any::<bool>(), Flag::ALL.len()),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(texts, flags, total, hours)| {
                let mut form = Form::default();
                for (f, t) in Field::ALL.into_iter().zip(texts) {
                    form.set(f, t);
                }
                for (f, on) in Flag::ALL.into_iter().zip(flags) {
                    form.set_flag(f, on);
                }
                form.price_basis = if total {
                    PriceBasis::Total
                } else {
                    PriceBasis::Annual
                };
                form.distance_mode = if hours {
                    DistanceMode::Hours
                } else {
                    DistanceMode::Share
                };
                form
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn from_query_never_panics_on_any_text(text in any::<String>()) {
            let state = State::from_query(&text, today(), Catalog::embedded());
            let again = State::from_query(&state.to_query(), today(), Catalog::embedded());
            prop_assert_eq!(again.form, state.form);
        }

        #[test]
        fn from_query_never_panics_on_links_of_known_keys(text in link()) {
            let state = State::from_query(&text, today(), Catalog::embedded());
            let again = State::from_query(&state.to_query(), today(), Catalog::embedded());
            prop_assert!(again.link_notes.is_empty(), "{:?}", again.link_notes);
            prop_assert_eq!(again.form, state.form);
            prop_assert_eq!(again.outcome, state.outcome);
        }

        #[test]
        fn to_query_then_from_query_gives_the_same_form(form in form()) {
            let catalog = Catalog::embedded();
            let state = State::new(form, today(), catalog);
            let link = state.to_query();
            let opened = State::from_query(&link, today(), catalog);
            prop_assert!(opened.link_notes.is_empty(), "{}: {:?}", link, opened.link_notes);
            prop_assert_eq!(&opened.form, &state.form);
            prop_assert_eq!(&opened.outcome, &state.outcome);
        }
    }
}

/// D21 on the page: the quota's shares are typed in per cent and reach the core as such; a wrong share is
/// named on its box and the training quote stays.
#[test]
fn the_alternance_quota_typed_in_per_cent_decides_a_large_companys_aid() {
    let catalog = Catalog::embedded();
    let mut state = a2_net(catalog);
    state.apply(set(Field::CompanyHeadcount, "300"), catalog);
    // Concluded 2025-08-15, level 6, 300 employees: 2 000 € on the quota (décret 2025-174), not counted
    // when nothing is said.
    let quote = state.outcome.quote.clone().unwrap();
    assert_eq!(
        quote.net_cost.as_ref().unwrap().aid_total.to_string(),
        "0.00"
    );
    assert!(quote
        .warnings
        .iter()
        .any(|w| w.code == "hiring_aid_conditional"));
    state.apply(set(Field::InsertionShare, "5,2"), catalog);
    let want = direct(
        r#", "birth_date": "2006-03-15", "company_headcount": 300, "insertion_share": "5.2 %""#,
    );
    assert_eq!(state.outcome.quote.as_ref(), Some(&want));
    assert_eq!(
        want.net_cost.as_ref().unwrap().aid_total.to_string(),
        "2000.00"
    );
    // Over 100 %: named on its box, the training figures stay.
    state.apply(set(Field::InsertionShare, "120"), catalog);
    let e = state
        .outcome
        .error(Field::InsertionShare)
        .expect("out of range");
    assert!(e.message.contains("100 %"), "{}", e.message);
    assert!(state.outcome.quote.is_some());
    // The commitment and the shares travel in the share link.
    run(
        &mut state,
        catalog,
        vec![
            set(Field::InsertionShare, ""),
            set(Field::AlternanceQuota, "committed"),
        ],
    );
    let link = state.to_query();
    assert!(link.contains("alternance_quota=committed"), "{link}");
    let opened = State::from_query(&link, today(), catalog);
    assert_eq!(opened.outcome, state.outcome);
    assert_eq!(
        opened
            .outcome
            .quote
            .as_ref()
            .and_then(|q| q.net_cost.as_ref())
            .map(|n| n.aid_total.to_string())
            .as_deref(),
        Some("2000.00")
    );
}

#[test]
fn the_stay_after_a_rupture_gives_its_opco_line_and_travels_in_the_link() {
    let catalog = Catalog::embedded();
    let mut state = a2(catalog);
    run(
        &mut state,
        catalog,
        vec![
            set(Field::RuptureOn, "15/01/2026"),
            set(Field::CfaStayUntil, "30/09/2026"),
        ],
    );
    // D23 7b at level 6: capped at 2026-07-15, 181 days of 7 000 €.
    let want = direct(r#", "rupture_on": "2026-01-15", "cfa_stay_until": "2026-09-30""#);
    assert_eq!(state.outcome.quote.as_ref(), Some(&want));
    let stay = want.post_rupture.as_ref().expect("a stay line");
    assert_eq!(stay.amount.to_string(), "3471.23");
    assert!(want
        .warnings
        .iter()
        .any(|w| w.code == "post_rupture_capped"));
    let link = state.to_query();
    assert!(link.contains("cfa_stay_until="), "{link}");
    let opened = State::from_query(&link, today(), catalog);
    assert_eq!(opened.outcome, state.outcome);
    assert!(opened.is_open(Section::Advanced));
    // The diploma obtained refuses it, on the stay's box, and keeps what was typed.
    state.apply(set(Field::RuptureReason, "diploma_obtained"), catalog);
    let e = state
        .outcome
        .error(Field::CfaStayUntil)
        .expect("refused after the diploma");
    assert!(e.message.contains("L. 6222-19"), "{}", e.message);
    assert_eq!(state.form.text(Field::CfaStayUntil), "30/09/2026");
}

/// D20 on the page: the compact data carry the renewals, so the old BTS MOS code is refused on the certification box with
/// the successor and its amount, as `quote --json` refuses it; the old code in its own edition still quotes.
#[test]
fn a_superseded_code_is_refused_on_its_box_naming_its_successor() {
    let catalog = Catalog::embedded();
    let mut state = State::defaults(today(), catalog);
    run(
        &mut state,
        catalog,
        vec![
            set(Field::SignedOn, "14/09/2026"),
            set(Field::Start, "2026-09-14"),
            set(Field::End, "2028-09-13"),
            set(Field::Rncp, "RNCP35393"),
            set(Field::Idcc, "1351"),
            set(Field::Price, "9000"),
            set(Field::Level, "5"),
        ],
    );
    assert!(state.outcome.quote.is_none());
    let error = state
        .outcome
        .errors
        .iter()
        .find(|e| e.field == Field::CertQuery)
        .unwrap_or_else(|| panic!("{:?}", state.outcome.errors));
    assert!(error.message.contains("RNCP41000"), "{}", error.message);
    assert!(error.message.contains("8\u{a0}765,00"), "{}", error.message);
    run(
        &mut state,
        catalog,
        vec![
            set(Field::SignedOn, "01/10/2025"),
            set(Field::Start, "2025-10-01"),
            set(Field::End, "2027-09-30"),
        ],
    );
    let quote = state
        .outcome
        .quote
        .as_ref()
        .expect("the 2025-09 edition lists RNCP35393");
    assert_eq!(quote.npec.base.to_string(), "8828.00");
}

/// Issue 20: the first keystroke of a date neither turns it red nor takes the figures away; leaving the box
/// (or a pause) shows its message, and the figures follow once the date is whole.
#[test]
fn a_box_being_typed_in_keeps_the_last_figures_and_its_message_waits() {
    let catalog = Catalog::embedded();
    let mut state = a2(catalog);
    let complete = state.outcome.clone();
    assert!(complete.quote.is_some());
    state.apply(set(Field::End, "2"), catalog);
    assert!(state.outcome.quote.is_none(), "« 2 » is no date");
    assert!(state.outcome.error(Field::End).is_some());
    assert_eq!(
        state.field_error(Field::End),
        None,
        "not yet, while typed in"
    );
    let (shown, stale) = state.shown();
    assert!(
        stale && Rc::ptr_eq(shown, &complete),
        "the last figures, dimmed"
    );
    state.apply(Action::Settle, catalog);
    assert!(state.field_error(Field::End).is_some(), "once left, said");
    assert!(!state.shown().1);
    assert!(state.shown().0.quote.is_none());
    // Typed again to a whole date: the new figures.
    state.apply(set(Field::End, "28/02/2028"), catalog);
    let (shown, stale) = state.shown();
    assert!(!stale && shown.quote.is_some());
    assert_ne!(shown.quote, complete.quote);
    // Another box wrong too: nothing to keep, the list of what to correct shows.
    state.apply(set(Field::Price, "neuf"), catalog);
    state.apply(Action::Settle, catalog);
    state.apply(set(Field::End, "2"), catalog);
    assert!(!state.shown().1, "the price is wrong too");
}

/// Issue 20, a shorter share link: a chosen certification and branch travel as their codes, and the link
/// opens with the boxes showing the same titles.
#[test]
fn a_chosen_certification_and_branch_travel_as_codes() {
    let catalog = Catalog::embedded();
    let mut state = a2(catalog);
    state.apply(set(Field::Npec, ""), catalog);
    state.apply(set(Field::CertQuery, "securite"), catalog);
    let code = state.cert_hits[0].rncp.clone();
    state.apply(Action::PickCertification(code.clone()), catalog);
    state.apply(set(Field::BranchQuery, "1351"), catalog);
    state.apply(Action::PickBranch(0), catalog);
    let (cert, branch) = (
        state.form.text(Field::CertQuery).to_owned(),
        state.form.text(Field::BranchQuery).to_owned(),
    );
    assert!(
        cert.contains(&code) && branch.starts_with("IDCC 1351 – "),
        "{cert} / {branch}"
    );
    let link = state.to_query();
    assert!(
        !link.contains("cert_q") && !link.contains("branch_q"),
        "{link}"
    );
    assert!(
        link.contains(&format!("rncp={code}")) && link.contains("idcc=1351"),
        "{link}"
    );
    let opened = State::from_query(&link, today(), catalog);
    assert_eq!(opened.form, state.form);
    assert_eq!(opened.outcome, state.outcome);
    // A box empty beside its code (a link made so) stays empty.
    let mut form = state.form.clone();
    form.set(Field::CertQuery, "");
    let state = State::new(form, today(), catalog);
    let link = state.to_query();
    assert!(
        link.contains("cert_q=&") || link.ends_with("cert_q="),
        "{link}"
    );
    assert_eq!(
        State::from_query(&link, today(), catalog)
            .form
            .text(Field::CertQuery),
        ""
    );
}

/// Issue 20: a code on its way (« 12 » before « 1274 ») is no error yet, while the suggestions follow; a
/// code the référentiel does not know, once whole, is said.
#[test]
fn a_partial_idcc_is_no_error_yet() {
    let catalog = Catalog::embedded();
    let mut state = a2(catalog);
    state.apply(set(Field::BranchQuery, "12"), catalog);
    assert!(!state.branch_hits.is_empty(), "suggestions for « 12 »");
    assert_eq!(
        state.outcome.error(Field::BranchQuery),
        None,
        "« 12 » is on its way"
    );
    assert!(
        state.outcome.quote.is_some(),
        "the figures stay (A2 has its NPEC)"
    );
}
