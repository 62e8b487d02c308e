//! Invariants of every quote, over generated contracts.

use coutcontrat::dates::add_days;
use coutcontrat::money::Money;
use coutcontrat::{
    contract::{ContractKind, EmployerType, PriceBasis, RuptureReason, Territory},
    rules::RuleBook,
    Contract, Policy, Quote, Quoter, Referentiel,
};
use jiff::civil::{date, Date};
use jiff::Span;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn cents(max: i64) -> impl Strategy<Value = Decimal> {
    (0..=max * 100).prop_map(|c| Decimal::new(c, 2))
}

fn day(from: Date, span: i64) -> impl Strategy<Value = Date> {
    (0..=span).prop_map(move |n| add_days(from, n))
}

prop_compose! {
    fn contract()(
        signed_on in day(date(2021, 1, 1), 365 * 8),
        start_after in -60i64..120,
        length in 0i64..1600,
        rupture_at in prop::option::of(0i64..1600),
        probation in any::<bool>(),
        new_employer in any::<bool>(),
        level in 3u8..=8,
        npec in cents(15_000),
        price in cents(20_000),
        total in any::<bool>(),
        rqth in prop::option::of(cents(6_000)),
        distance in prop::option::of((0i64..=100).prop_map(|p| Decimal::new(p, 2))),
        reduced in any::<bool>(),
        nights in 0u32..100,
        meals in 0u32..300,
        equipment in cents(900),
        entry_before in prop::option::of(0i64..90),
        stay_after in prop::option::of(1i64..400),
    ) -> Contract {
        let start = add_days(signed_on, start_after);
        let end = add_days(start, length);
        let rupture_on = rupture_at.filter(|r| *r <= length).map(|r| add_days(start, r));
        let mut c = Contract::new(signed_on, start, end, price).with_manual_npec(npec).with_level(level);
        c.rupture_on = rupture_on;
        c.rupture_during_probation = probation && rupture_on.is_some();
        c.after_rupture_new_employer = new_employer;
        c.price_basis = if total { PriceBasis::Total } else { PriceBasis::Annual };
        c.rqth_majoration = rqth;
        c.distance_share = distance;
        c.reduced_duration = reduced;
        c.annexes.nights = nights;
        c.annexes.meals = meals;
        c.annexes.first_equipment = equipment;
        c.cfa_entry_on = entry_before.map(|d| add_days(start, -d));
        c.cfa_stay_until = stay_after.and_then(|s| rupture_on.map(|r| add_days(r, s)));
        c
    }
}

fn quote(c: &Contract) -> Option<Quote> {
    Quoter::new(&Referentiel::default()).quote(c).ok()
}

fn is_cents(d: Decimal) -> bool {
    d.round_dp(2) == d
}

/// A figure of the quote as a decimal, to compare with the inputs.
fn d(m: Money) -> Decimal {
    m.to_decimal()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn lines_add_up_and_stay_within_bounds(c in contract()) {
        let q = quote(&c);
        prop_assume!(q.is_some(), "contract refused");
        let q = q.unwrap();
        for y in &q.years {
            prop_assert_eq!(y.opco + y.employer, y.price);
            prop_assert!(y.opco <= y.npec, "opco {} > npec {}", y.opco, y.npec);
            for v in [y.npec, y.price, y.opco, y.employer, y.rqth] {
                prop_assert!(d(v) >= Decimal::ZERO && is_cents(d(v)), "{v}");
            }
            prop_assert!(d(y.npec) <= d(q.npec.annual).round_dp(2) + Decimal::new(1, 2));
        }
        let sum = |f: fn(&coutcontrat::quote::YearLine) -> Money| d(q.years.iter().map(f).sum::<Money>());
        prop_assert_eq!(d(q.totals.npec), sum(|y| y.npec));
        prop_assert_eq!(d(q.totals.price), sum(|y| y.price));
        let (post, post_rqth) = q.post_rupture.as_ref().map_or((Decimal::ZERO, Decimal::ZERO), |p| (d(p.amount), d(p.rqth)));
        prop_assert_eq!(d(q.totals.rqth), sum(|y| y.rqth) + post_rqth);
        prop_assert_eq!(d(q.totals.employer), sum(|y| y.employer) + d(q.participation));
        let pre = q.precontract.as_ref().map_or(Decimal::ZERO, |p| d(p.amount));
        prop_assert_eq!(d(q.totals.opco), (sum(|y| y.opco) + pre - d(q.participation)).max(Decimal::ZERO) + post);
        prop_assert!(d(q.totals.opco) >= Decimal::ZERO && d(q.totals.employer) >= Decimal::ZERO);
        if c.price_basis == PriceBasis::Total {
            prop_assert_eq!(d(q.totals.price), c.price);
        }
    }

    #[test]
    fn the_schedule_adds_up_to_what_the_opco_pays(c in contract()) {
        let q = quote(&c);
        prop_assume!(q.is_some(), "contract refused");
        let q = q.unwrap();
        let paid: Decimal = q.schedule.iter().map(|i| d(i.amount)).sum();
        prop_assert_eq!(paid, d(q.totals.opco) + d(q.totals.rqth) + d(q.totals.overseas_modulation) + d(q.totals.annexes));
        for i in &q.schedule {
            prop_assert!(d(i.amount) > Decimal::ZERO && is_cents(d(i.amount)));
            let last = q.post_rupture.as_ref().map_or(c.effective_end(), |p| p.to.max(c.effective_end()));
            prop_assert!(i.due <= add_days(last, 1));
        }
        prop_assert!(q.schedule.windows(2).all(|w| w[0].due <= w[1].due));
    }

    #[test]
    fn participation_only_for_level_6_and_up_concluded_from_july_2025(c in contract()) {
        let q = quote(&c);
        prop_assume!(q.is_some(), "contract refused");
        let q = q.unwrap();
        if c.level.unwrap() < 6 || c.signed_on < date(2025, 7, 1) {
            prop_assert_eq!(d(q.participation), Decimal::ZERO);
        } else {
            prop_assert!(d(q.participation) > Decimal::ZERO || c.rupture_during_probation);
            prop_assert!(d(q.participation) <= Decimal::from(750));
        }
    }

    #[test]
    fn more_days_never_pay_less(mut c in contract(), extra in 1i64..400) {
        c.rupture_on = None;
        c.rupture_during_probation = false;
        c.cfa_stay_until = None;
        let shorter = quote(&c);
        prop_assume!(shorter.is_some(), "contract refused");
        let shorter = shorter.unwrap();
        c.end = add_days(c.end, extra);
        let longer = quote(&c);
        prop_assume!(longer.is_some(), "contract refused");
        let longer = longer.unwrap();
        prop_assert!(longer.totals.npec >= shorter.totals.npec, "{} < {}", longer.totals.npec, shorter.totals.npec);
        prop_assert!(longer.totals.price >= shorter.totals.price || c.price_basis == PriceBasis::Total);
    }

    #[test]
    fn a_full_year_pays_exactly_one_npec(start in day(date(2025, 7, 1), 365 * 6), npec in cents(15_000)) {
        let end = add_days(coutcontrat::dates::add_years(start, 1), -1);
        let c = Contract::new(start, start, end, npec).with_manual_npec(npec).with_level(5);
        let q = quote(&c).unwrap();
        prop_assert_eq!(q.years.len(), 1);
        prop_assert_eq!(d(q.years[0].npec), npec);
    }

    #[test]
    fn no_panic_on_any_input(
        signed in day(date(1990, 1, 1), 365 * 60),
        start in day(date(1990, 1, 1), 365 * 60),
        end in day(date(1990, 1, 1), 365 * 60),
        level in 0u8..=20,
        npec in (-1_000_000i64..10_000_000).prop_map(|c| Decimal::new(c, 2)),
        price in (-1_000_000i64..100_000_000).prop_map(|c| Decimal::new(c, 2)),
        share in prop::option::of((-50i64..=150).prop_map(|p| Decimal::new(p, 2))),
        rupture in prop::option::of(day(date(1990, 1, 1), 365 * 60)),
        probation in any::<bool>(),
        entry in prop::option::of(day(date(1990, 1, 1), 365 * 60)),
        stay in prop::option::of(day(date(1990, 1, 1), 365 * 60)),
        diploma in any::<bool>(),
    ) {
        let mut c = Contract::new(signed, start, end, price).with_manual_npec(npec).with_level(level);
        c.distance_share = share;
        c.rupture_on = rupture;
        c.rupture_during_probation = probation;
        c.cfa_entry_on = entry;
        c.cfa_stay_until = stay;
        c.rupture_reason = diploma.then_some(RuptureReason::DiplomaObtained);
        let _ = Quoter::new(&Referentiel::default()).quote(&c);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn duration_warnings_mark_the_limits_of_the_law(
        start in day(date(2021, 1, 1), 365 * 6),
        // Any length, and often one within days of six months, three years or four years.
        length in prop_oneof![0i64..1700, 176i64..188, 1090i64..1102, 1455i64..1467],
        rqth in any::<bool>(),
    ) {
        let end = add_days(start, length);
        let mut c = Contract::new(start, start, end, Decimal::from(8000))
            .with_manual_npec(Decimal::from(8000))
            .with_level(5);
        c.rqth = rqth;
        let q = quote(&c).expect("a valid contract");
        let warned = |code: &str| q.warnings.iter().any(|w| w.code == code);
        // Computed here by jiff's own calendar arithmetic, from the limits in the parameters.
        let limits = &RuleBook::embedded().rules_ref(start).unwrap().duration_limits;
        let years = if rqth { limits.max_years_rqth } else { limits.max_years };
        let last_allowed = start.checked_add(Span::new().years(years)).unwrap().yesterday().unwrap();
        let first_allowed = start.checked_add(Span::new().months(limits.min_months)).unwrap().yesterday().unwrap();
        prop_assert_eq!(warned("duration_over_max"), end > last_allowed, "{} → {}", start, end);
        prop_assert_eq!(warned("duration_under_min"), end < first_allowed, "{} → {}", start, end);
    }

    #[test]
    fn hiring_aid_never_for_level_8_and_after_the_first_year_only_in_2021_2022(
        mut c in contract(),
        age in 15i64..40,
        headcount in 0u32..1000,
        rqth in any::<bool>(),
    ) {
        c.birth_date = Some(add_days(c.start, -age * 365 - 10));
        c.company_headcount = Some(headcount);
        c.rqth = rqth;
        let q = quote(&c);
        prop_assume!(q.is_some(), "contract refused");
        let q = q.unwrap();
        let net = q.net_cost.expect("a birth date asks for the net cost");
        if c.level == Some(8) {
            prop_assert_eq!(d(net.aid_total), Decimal::ZERO);
        }
        prop_assert!(net.years[0].aid <= net.aid_annual);
        // After the first year, only the aide unique's years 2–3 of contracts concluded in 2021–2022
        // (D18: under 250 employees, levels 3 and 4).
        let later_years_aid = c.signed_on <= date(2022, 12, 31)
            && headcount < 250
            && c.level.is_some_and(|l| l <= 4);
        for y in net.years.iter().skip(1) {
            prop_assert!(later_years_aid || d(y.aid).is_zero(), "aid after the first year");
            prop_assert!(d(y.aid) <= Decimal::from(2000));
        }
        for (y, line) in net.years.iter().zip(&q.years) {
            let contributions = y.employer_contributions.map_or(Decimal::ZERO, d);
            prop_assert_eq!(d(y.net), d(y.salary) + contributions + d(y.remaining_charge) - d(y.aid));
            prop_assert!(d(y.salary) > Decimal::ZERO);
            prop_assert_eq!((y.start, y.end), (line.start, line.end));
        }
        let salary: Decimal = net.months.iter().map(|m| d(m.salary)).sum();
        prop_assert_eq!(salary, d(net.salary_total));
    }

    #[test]
    fn the_aid_months_follow_decret_2025_1031_and_add_up(
        mut c in contract(),
        level in 3u8..=5,
        first_month_on_rupture in any::<bool>(),
        transition_by_start in any::<bool>(),
        per_month_rounding in any::<bool>(),
    ) {
        c.birth_date = Some(add_days(c.start, -20 * 365));
        c.company_headcount = Some(20);
        c.level = Some(level);
        let policy = Policy { first_month_on_rupture, transition_by_start, per_month_rounding, ..Policy::default() };
        let q = Quoter::new(&Referentiel::default()).with_policy(policy).quote(&c);
        prop_assume!(q.is_ok(), "contract refused");
        let net = q.unwrap().net_cost.expect("a birth date asks for the net cost");
        let annual = d(net.aid_annual);
        prop_assert!(net.years[0].aid <= net.aid_annual, "the first year's aid above its annual amount");
        let paid: Decimal = net.aid_months.iter().map(|m| d(m.instalment)).sum();
        prop_assert_eq!(paid, d(net.aid_total));
        prop_assert!(net.aid_months.iter().all(|m| m.instalment >= Money::ZERO));
        for year in 1..=4 {
            prop_assert!(net.aid_months.iter().filter(|m| m.year == year).count() <= 13);
        }
        prop_assert!(net.aid_months.iter().all(|m| !m.prorated || m.year == 1));
        let first_year: Vec<_> = net.aid_months.iter().filter(|m| m.year == 1).collect();
        // Décret 2025-1031 (in force 2025-11-01): running contracts keep their first month whole, and a
        // contract ended before it has no month prorated.
        let decree = date(2025, 11, 1);
        let placed = if transition_by_start { c.start } else { c.signed_on };
        let last = first_year.len().saturating_sub(1);
        for (i, m) in first_year.iter().enumerate() {
            prop_assert_eq!(m.prorated, m.days < m.days_in_month);
            prop_assert!(!m.prorated || i == 0 || i == last, "month {} of {} prorated", i, last);
            prop_assert!(!m.prorated || c.effective_end() >= decree);
            prop_assert!(!(m.prorated && i == 0 && i != last) || placed >= decree);
        }
        // One rate, one year (the 2021–2022 aids change rate at 18 and pay years 2 and 3).
        if !per_month_rounding && !annual.is_zero() && c.signed_on >= date(2023, 1, 1) {
            let months: Decimal = first_year.iter()
                .map(|m| Decimal::from(m.days) / Decimal::from(m.days_in_month)).sum();
            let once = (annual * months / Decimal::from(12))
                .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            prop_assert_eq!(d(net.aid_total), once.min(annual));
        }
    }

    /// D19: a pre-contract line is never empty nor inverted, and an entry on the start has none.
    #[test]
    fn a_precontract_line_has_days_and_runs_forward(c in contract()) {
        let q = quote(&c);
        prop_assume!(q.is_some(), "contract refused");
        let q = q.unwrap();
        if let Some(p) = &q.precontract {
            prop_assert!(p.days >= 1 && p.from <= p.to, "{:?}", p);
            prop_assert!(p.to < c.start && p.to < c.signed_on);
        }
        if c.cfa_entry_on == Some(c.start) || c.cfa_entry_on.is_none() {
            prop_assert!(q.precontract.is_none());
        }
    }

    /// D23: a stay in the CFA after a rupture is never paid beyond six months from the day after the
    /// rupture, nor beyond the planned end; cut there, it says so.
    #[test]
    fn a_post_rupture_stay_never_passes_six_months_nor_the_planned_end(
        mut c in contract(),
        at in 0i64..=1000,
        after in 1i64..400,
    ) {
        let rupture = c.rupture_on.unwrap_or_else(|| add_days(c.start, (c.end - c.start).get_days() as i64 * at / 1000));
        c.rupture_on = Some(rupture);
        let requested = add_days(rupture, after);
        c.cfa_stay_until = Some(requested);
        let q = quote(&c);
        prop_assume!(q.is_some(), "contract refused");
        let q = q.unwrap();
        let capped = q.warnings.iter().any(|w| w.code == "post_rupture_capped");
        let Some(p) = &q.post_rupture else {
            // Only a rupture on the planned end leaves nothing to pay.
            prop_assert_eq!(rupture, c.end);
            prop_assert!(capped);
            return Ok(());
        };
        // The six months counted with jiff, apart from the library's month arithmetic.
        let from = rupture.tomorrow().unwrap();
        let six_months = from.checked_add(Span::new().months(6)).unwrap().yesterday().unwrap();
        prop_assert_eq!(p.from, from);
        prop_assert_eq!(p.to, requested.min(six_months).min(c.end));
        prop_assert!(p.to <= six_months && p.to <= c.end && p.from <= p.to);
        prop_assert_eq!(p.days, (p.to - p.from).get_days() as i64 + 1);
        prop_assert!(p.days <= 184);
        prop_assert_eq!(capped, requested > p.to);
        // Never more than six months of the annual NPEC, nor of the RQTH line.
        let most = |annual: Decimal| annual * Decimal::from(184) / Decimal::from(365) + Decimal::new(2, 2);
        prop_assert!(d(p.amount) <= most(d(q.npec.annual)), "{:?}", p);
        if let Some(m) = p.months {
            prop_assert!(m <= 6, "{:?}", p);
        }
        let rqth = c.rqth_majoration.unwrap_or_default().min(Decimal::from(4000));
        prop_assert!(d(p.rqth) <= most(rqth), "{:?}", p);
    }

    /// D24: a public employer never gets an OPCO figure, whatever the contract.
    #[test]
    fn a_public_employer_never_gets_an_opco_figure(
        mut c in contract(),
        kind in prop::sample::select(vec![
            EmployerType::State,
            EmployerType::Territorial,
            EmployerType::Hospital,
            EmployerType::OtherPublic,
        ]),
    ) {
        prop_assume!(quote(&c).is_some(), "contract refused anyway");
        c.employer_type = kind;
        let err = Quoter::new(&Referentiel::default()).quote(&c).unwrap_err();
        prop_assert_eq!((err.code(), err.field()), ("public_employer", Some("employer_type")));
    }

    /// D22: overseas, the hiring aid is never below the hexagone's (L6522-4 only extends the aide unique),
    /// and the OPCO's figures are the same (the territory changes no NPEC).
    #[test]
    fn overseas_never_lowers_the_aid_nor_changes_the_opco(
        mut c in contract(),
        age in 16i64..30,
        headcount in prop::sample::select(vec![5u32, 249, 250, 1000]),
        territory in prop::sample::select(Territory::ALL[1..].iter().map(|(t, _)| *t).filter(|t| *t != Territory::Mayotte).collect::<Vec<_>>()),
    ) {
        c.birth_date = Some(add_days(c.start, -age * 365 - 10));
        c.company_headcount = Some(headcount);
        let home = quote(&c);
        prop_assume!(home.is_some(), "contract refused");
        let home = home.unwrap();
        c.territory = territory;
        let away = quote(&c).expect("the territory refuses no contract");
        prop_assert_eq!(home.totals.opco, away.totals.opco);
        let (h, a) = (home.net_cost.unwrap(), away.net_cost.unwrap());
        prop_assert!(a.aid_total >= h.aid_total, "{} < {}", a.aid_total, h.aid_total);
        prop_assert_eq!(h.salary_total, a.salary_total);
    }

    /// D27: the 80 % test on the Cerfa's hours is exact (`distance × 5 ≥ total × 4`), and the same share
    /// gives the same annual NPEC.
    #[test]
    fn hours_at_distance_minorate_exactly_from_80_percent(
        total in 1u32..3000,
        per_mille in 0u32..=1000,
        npec in cents(15_000),
    ) {
        let distance = total * per_mille / 1000;
        let mut c = Contract::new(date(2026, 1, 10), date(2026, 1, 10), date(2028, 1, 9), npec)
            .with_manual_npec(npec)
            .with_level(5);
        c.distance_hours = Some(Decimal::from(distance));
        c.cfa_hours = Some(Decimal::from(total));
        c.distance_exempt = Some(false);
        let q = quote(&c).expect("a valid contract");
        prop_assert_eq!(q.npec.minoration.is_some(), distance * 5 >= total * 4);
        let mut by_share = c.clone();
        by_share.distance_hours = None;
        by_share.cfa_hours = None;
        by_share.distance_share = Some(Decimal::from(distance) / Decimal::from(total));
        prop_assert_eq!(quote(&by_share).expect("a valid contract").npec.annual, q.npec.annual);
    }

    /// D22: the overseas modulation is prorated by each line's own fraction, paid on top of everything else,
    /// and changes no other figure.
    #[test]
    fn the_overseas_modulation_is_prorated_and_paid_on_top(
        mut c in contract(),
        modulation in cents(5_000),
    ) {
        c.territory = Territory::Reunion;
        let without = quote(&c);
        prop_assume!(without.is_some(), "contract refused");
        let without = without.unwrap();
        c.npec_overseas_modulation = Some(modulation);
        let with = quote(&c).expect("a modulation refuses no overseas contract");
        prop_assert_eq!(with.totals.opco, without.totals.opco);
        prop_assert_eq!(with.totals.employer, without.totals.employer);
        prop_assert_eq!(with.participation, without.participation);
        for y in &with.years {
            let exact = modulation * Decimal::from(y.fraction_numerator) / Decimal::from(y.fraction_denominator);
            prop_assert_eq!(d(y.overseas_modulation), exact.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero));
        }
        let lines: Decimal = with.years.iter().map(|y| d(y.overseas_modulation)).sum::<Decimal>()
            + with.post_rupture.as_ref().map_or(Decimal::ZERO, |p| d(p.overseas_modulation));
        prop_assert_eq!(d(with.totals.overseas_modulation), lines);
        prop_assert_eq!(d(with.totals.opco_all), d(without.totals.opco_all) + lines);
        let paid: Decimal = with.schedule.iter().map(|i| d(i.amount)).sum();
        prop_assert_eq!(paid, d(with.totals.opco_all));
    }

    /// D25: an avenant keeps the contract's conclusion date, so every figure stays as it was; it only adds
    /// its information line.
    #[test]
    fn an_avenant_changes_no_figure(
        mut c in contract(),
        age in 16i64..30,
        headcount in prop::sample::select(vec![5u32, 249, 250, 1000]),
    ) {
        c.after_rupture_new_employer = false;
        c.birth_date = Some(add_days(c.start, -age * 365 - 10));
        c.company_headcount = Some(headcount);
        let initial = quote(&c);
        prop_assume!(initial.is_some(), "contract refused");
        let initial = initial.unwrap();
        c.contract_kind = ContractKind::Avenant;
        let avenant = quote(&c).expect("an avenant refuses no contract its initial one accepts");
        prop_assert_eq!(&avenant.years, &initial.years);
        prop_assert_eq!(&avenant.totals, &initial.totals);
        prop_assert_eq!(&avenant.schedule, &initial.schedule);
        prop_assert_eq!(avenant.participation, initial.participation);
        prop_assert_eq!(&avenant.net_cost, &initial.net_cost);
        let codes = |q: &Quote| q.warnings.iter().map(|w| w.code).filter(|c| *c != "avenant_figures_unchanged").collect::<Vec<_>>();
        prop_assert_eq!(codes(&avenant), codes(&initial));
        prop_assert!(avenant.warnings.iter().any(|w| w.code == "avenant_figures_unchanged"));
    }

    /// D25: a successive contract's minimum is never under the previous contract's last-year rate (D6222-29)
    /// nor under the grid; and the same employer's second aid for the same certification is nothing from
    /// 2025-02-24 (D6243-2 I).
    #[test]
    fn a_successive_contract_keeps_the_floor_and_gets_no_second_aid(
        mut c in contract(),
        age in 16i64..30,
        rate in (0i64..=100).prop_map(|p| Decimal::new(p, 2)),
        previous_aid in any::<bool>(),
    ) {
        c.after_rupture_new_employer = false;
        c.birth_date = Some(add_days(c.start, -age * 365 - 10));
        c.company_headcount = Some(20);
        let grid = quote(&c);
        prop_assume!(grid.is_some(), "contract refused");
        let grid = grid.unwrap().net_cost.unwrap();
        c.contract_kind = ContractKind::NewSameEmployer;
        c.previous_last_year_rate = Some(rate);
        c.previous_aid_same_certification = previous_aid;
        let q = quote(&c).expect("a successive contract refuses no contract its initial one accepts");
        let net = q.net_cost.unwrap();
        for (m, g) in net.months.iter().zip(&grid.months) {
            prop_assert_eq!(m.rate, g.rate.max(rate));
            prop_assert!(m.minimum >= g.minimum);
            prop_assert_eq!(m.previous_rate_floor, rate > g.rate);
        }
        if previous_aid && c.signed_on >= date(2025, 2, 24) {
            prop_assert_eq!(net.aid_total, Money::ZERO);
        } else {
            prop_assert_eq!(net.aid_total, grid.aid_total);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// D20, over the shipped référentiel: a row of an edition other than the one in force is never used
    /// silently (only for a code the edition in force lists, or flagged provisional with its warning); a
    /// superseded code names its successors; a NPEC given always wins.
    #[test]
    fn an_earlier_editions_row_is_never_used_silently(
        rncp in prop::sample::select(vec!["RNCP35393", "RNCP41000", "RNCP1002", "RNCP38362", "RNCP955", "RNCP37239", "RNCP99999991"]),
        signed_on in day(date(2021, 1, 1), 365 * 8),
        policy in prop::sample::select(vec![(false, false), (true, false), (false, true)]),
        npec in prop::option::of(cents(12_000)),
    ) {
        let r = coutcontrat_referentiel::embedded();
        let mut c = Contract::new(signed_on, signed_on, add_days(signed_on, 364), Decimal::from(9000))
            .with_certification(rncp, 1351)
            .with_level(5);
        c.npec = npec;
        let policy = Policy { previous_edition_row: policy.0, strict_partial: policy.1, ..Policy::default() };
        match Quoter::new(r).with_policy(policy.clone()).quote(&c) {
            Ok(q) => {
                if let Some(n) = npec {
                    prop_assert_eq!(q.npec.base.to_decimal(), n);
                    return Ok(());
                }
                let flagged = q.warnings.iter().any(|w| w.code == "referentiel_partial" || w.code == "superseded_edition_row");
                if let (Some(tag), Some((in_force, _))) = (&q.npec.table_version, r.edition_in_force(signed_on)) {
                    let version = r.versions().iter().find(|v| *v.tag == **tag).unwrap();
                    if version.applies_from != in_force.applies_from {
                        prop_assert!(
                            r.standing(rncp, signed_on) == coutcontrat::referentiel::Standing::Listed
                                || (q.npec.provisional && flagged),
                            "{rncp} {signed_on}: row of {tag} used silently"
                        );
                    }
                }
            }
            Err(e) if e.code() == "certification_superseded" => {
                prop_assert!(npec.is_none() && !policy.previous_edition_row);
                prop_assert!(!e.candidates().is_empty());
            }
            Err(e) => prop_assert!(
                npec.is_none() && matches!(e.code(), "certification_not_in_edition" | "unknown_branch" | "ambiguous_branch"),
                "{rncp} {signed_on}: {e}"
            ),
        }
    }

    #[test]
    fn every_month_s_contributions_add_up_and_stay_within_the_salary(
        start in day(date(2024, 1, 1), 365 * 3),
        length in 180i64..1100,
        age in 16i64..30,
        headcount in prop_oneof![0u32..12, 45u32..55, 240u32..260, 1000u32..3000],
        agreed in prop::option::of(cents(6_000)),
        atmp in prop::option::of((0i64..=600).prop_map(|p| Decimal::new(p, 4))),
        alsace_moselle in any::<bool>(),
    ) {
        let mut c = Contract::new(start, start, add_days(start, length), Decimal::from(8000))
            .with_manual_npec(Decimal::from(8000))
            .with_level(5);
        c.birth_date = Some(add_days(start, -age * 365 - 10));
        c.company_headcount = Some(headcount);
        c.monthly_salary = agreed;
        c.atmp_rate = atmp;
        c.alsace_moselle = alsace_moselle;
        let net = quote(&c).expect("a valid contract").net_cost.expect("a net cost");
        let total = net.employer_contributions_total.expect("months from 2024 are modelled");
        let mut sum = Decimal::ZERO;
        for m in &net.months {
            let p = m.payroll.as_ref().expect("every month has its payslip");
            prop_assert_eq!(p.gross, m.salary);
            prop_assert!(p.employer_contributions >= Money::ZERO, "{:?}", m);
            prop_assert!(p.general_reduction >= Money::ZERO);
            prop_assert!(p.employee_contributions >= Money::ZERO && p.employee_contributions <= p.gross);
            prop_assert_eq!(d(p.net_salary) + d(p.employee_contributions), d(p.gross));
            sum += d(p.employer_contributions);
        }
        prop_assert_eq!(sum, d(total));
        let years: Decimal = net.years.iter().filter_map(|y| y.employer_contributions).map(d).sum();
        prop_assert_eq!(years, d(total));
        // The contract's lines add up to the months' totals, within a cent a month (each month rounds once).
        let lines: Decimal = net.contribution_lines.iter().map(|l| d(l.employer)).sum();
        prop_assert!((lines - d(total)).abs() <= Decimal::new(net.months.len() as i64 + 1, 2));
    }
}
