//! The social contributions against mon-entreprise's rules (npm `modele-social@11.1.0` with
//! `publicodes@1.10.3`, pinned in `tests/oracle/`): 240 generated situations, January 2024 to December
//! 2026, evaluated by both, equal within a cent line by line where both model the same law. DESIGN.md
//! (« Cotisations : mon-entreprise comme oracle ») lists where mon-entreprise departs from it; those cases
//! are tested apart, on our own figures.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use coutcontrat::employer::{
    month_contributions, ContributionBook, EmployerBook, Establishment, MonthContributions,
    PayMonth,
};
use coutcontrat::money::cents;
use coutcontrat::{ContractInput, Quoter, Referentiel};
use jiff::civil::{date, Date};
use rust_decimal::Decimal;
use serde_json::{json, Value};

/// One generated situation.
#[derive(Debug, Clone)]
struct Situation {
    id: usize,
    month: Date,
    hired: Date,
    gross: Decimal,
    headcount: u32,
    atmp: Option<Decimal>,
    mobility: Option<Decimal>,
    alsace_moselle: bool,
}

/// A small deterministic generator (a linear congruential one): the same 240 situations every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const HEADCOUNTS: &[u32] = &[1, 10, 11, 12, 49, 50, 51, 249, 250, 251, 2500];

/// The month mon-entreprise keys the apprentice's 2025 exemption on, and the law on the conclusion.
fn exemption_change() -> Date {
    date(2025, 3, 1)
}

fn situations() -> Vec<Situation> {
    let mut rng = Lcg(20_261_205);
    let smic = EmployerBook::embedded();
    (0..240)
        .map(|id| {
            let index = rng.below(36) as i8;
            let month = date(2024 + i16::from(index / 12), index % 12 + 1, 1);
            let (full, _) = smic.smic_on(month).unwrap();
            // 500 € to 3 SMIC, to the cent.
            let top = (full * Decimal::from(3) - Decimal::from(500)) * Decimal::from(100);
            let top = u64::try_from(top.trunc().mantissa()).unwrap();
            let gross = Decimal::from(500) + Decimal::new(rng.below(top) as i64, 2);
            // Concluded up to 30 months before, on the same side of 2025-03-01 as the month.
            let mut hired = month;
            for _ in 0..rng.below(30) {
                hired = hired.saturating_sub(jiff::Span::new().months(1));
            }
            hired = hired.saturating_sub(jiff::Span::new().days(rng.below(20) as i64));
            if month >= exemption_change() && hired < exemption_change() {
                hired = exemption_change();
            }
            let atmp = (rng.below(3) > 0).then(|| Decimal::new(50 + rng.below(550) as i64, 4));
            let mobility = (rng.below(5) == 0).then(|| Decimal::new(50 + rng.below(270) as i64, 4));
            Situation {
                id,
                month,
                hired,
                gross,
                headcount: HEADCOUNTS[rng.below(HEADCOUNTS.len() as u64) as usize],
                atmp,
                mobility,
                alsace_moselle: rng.below(6) == 0,
            }
        })
        .collect()
}

fn oracle_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/oracle")
}

/// mon-entreprise's figures for every situation, by id.
fn evaluate(situations: &[Situation]) -> BTreeMap<usize, BTreeMap<String, f64>> {
    let dir = oracle_dir();
    assert!(
        dir.join("node_modules/modele-social/package.json")
            .is_file(),
        "the oracle is not installed in {}: run scripts/setup.sh (npm ci --prefix tests/oracle)",
        dir.display()
    );
    let mut child = Command::new("node")
        .arg(dir.join("modele-social.mjs"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node runs (scripts/setup.sh installs it with the web tools)");
    let mut stdin = child.stdin.take().unwrap();
    for s in situations {
        let mut line = json!({
            "id": s.id,
            "month": format!("{:04}-{:02}", s.month.year(), s.month.month()),
            "hired": s.hired.to_string(),
            "gross": s.gross.to_string(),
            "headcount": s.headcount,
            "alsace_moselle": s.alsace_moselle,
        });
        if let Some(a) = s.atmp {
            line["atmp"] = json!(a.to_string());
        }
        if let Some(m) = s.mobility {
            line["mobility"] = json!(m.to_string());
        }
        writeln!(stdin, "{line}").unwrap();
    }
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "the oracle failed");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            let figures = v["figures"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(k, x)| (k.clone(), x.as_f64().unwrap()))
                .collect();
            (v["id"].as_u64().unwrap() as usize, figures)
        })
        .collect()
}

fn ours(s: &Situation) -> MonthContributions {
    let (smic, _) = EmployerBook::embedded().smic_on(s.month).unwrap();
    month_contributions(
        ContributionBook::embedded(),
        &Establishment {
            headcount: s.headcount,
            atmp_rate: s.atmp,
            mobility_rate: s.mobility,
            alsace_moselle: s.alsace_moselle,
            signed_on: s.hired,
        },
        &PayMonth {
            month: s.month,
            share: Decimal::ONE,
            gross: s.gross,
            smic,
        },
    )
    .expect("the parameters cover 2024 to 2026")
}

/// Our lines grouped as mon-entreprise groups them (`retraite_complementaire` = tranches 1 and 2…).
fn grouped(c: &MonthContributions) -> BTreeMap<String, Decimal> {
    let mut out = BTreeMap::new();
    for line in &c.lines {
        let group = match line.key {
            "maladie_alsace_moselle" => "maladie",
            "fnal_under_50" | "fnal_from_50" => "fnal",
            "retraite_complementaire_t1" | "retraite_complementaire_t2" => {
                "retraite_complementaire"
            }
            "ceg_t1" | "ceg_t2" => "ceg",
            "taxe_apprentissage_alsace_moselle" | "taxe_apprentissage_solde" => {
                "taxe_apprentissage"
            }
            other => other,
        };
        *out.entry(format!("{group}.employer")).or_default() += line.employer;
        *out.entry(format!("{group}.employee")).or_default() += line.employee;
    }
    out
}

fn close(ours: Decimal, theirs: f64) -> bool {
    let theirs = Decimal::try_from(theirs).unwrap_or_default();
    (ours - theirs).abs() < Decimal::new(1, 2)
}

/// Lines mon-entreprise 11.1.0 computes with the 2026 law whatever the month (DESIGN.md).
const REFORMED_IN_2026: &[&str] = &["maladie.employer", "allocations_familiales.employer"];

#[test]
fn two_hundred_and_forty_situations_equal_mon_entreprise_within_a_cent() {
    let all = situations();
    let theirs = evaluate(&all);
    assert_eq!(theirs.len(), all.len(), "one answer per situation");
    let mut failures = Vec::new();
    let mut compared = 0;
    let mut in_2026 = 0;
    for s in &all {
        let figures = &theirs[&s.id];
        let c = ours(s);
        let lines = grouped(&c);
        let mut check = |what: &str, mine: Decimal| {
            let expected = figures.get(what).copied().unwrap_or(0.0);
            compared += 1;
            if !close(mine, expected) {
                failures.push(format!(
                    "{s:?}: {what} ours {mine}, mon-entreprise {expected}"
                ));
            }
        };
        for (key, value) in &lines {
            if figures.contains_key(key)
                && (s.month.year() >= 2026 || !REFORMED_IN_2026.contains(&key.as_str()))
            {
                check(key, *value);
            }
        }
        check("employee", c.employee);
        check("net", s.gross - cents(c.employee));
        if s.month.year() >= 2026 {
            in_2026 += 1;
            check("coefficient", c.coefficient);
            check("reduction", c.reduction);
            check("employer", c.employer_before_reduction - c.reduction);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {compared} figures differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        in_2026 >= 60,
        "{in_2026} situations in 2026: the generator drifted"
    );
}

#[test]
fn the_quote_gives_the_month_mon_entreprise_gives() {
    // Through the library's own path, rounded as a user reads it: the first month of a one-year contract.
    let chosen: Vec<Situation> = situations()
        .into_iter()
        .filter(|s| s.month.year() >= 2026)
        .step_by(3)
        .collect();
    let theirs = evaluate(&chosen);
    let referentiel = Referentiel::default();
    for s in &chosen {
        let end = s
            .month
            .saturating_add(jiff::Span::new().years(1))
            .saturating_sub(jiff::Span::new().days(1));
        let mut input = json!({
            "signed_on": s.hired.to_string(), "start": s.month.to_string(), "end": end.to_string(),
            "npec": "7000", "price": "7000", "level": 5, "company_headcount": s.headcount,
            "monthly_salary": s.gross.to_string(), "alsace_moselle": s.alsace_moselle,
        });
        if let Some(a) = s.atmp {
            input["atmp_rate"] = json!(a.to_string());
        }
        if let Some(m) = s.mobility {
            input["mobility_rate"] = json!(m.to_string());
        }
        let contract = ContractInput::from_json(&input.to_string())
            .unwrap()
            .parse()
            .unwrap();
        let quote = Quoter::new(&referentiel).quote(&contract).unwrap();
        let month = serde_json::to_value(&quote.net_cost.unwrap().months[0]).unwrap();
        let figures = &theirs[&s.id];
        for (ours, theirs) in [
            ("employer_contributions", "employer"),
            ("employee_contributions", "employee"),
            ("net_salary", "net"),
        ] {
            let mine: Decimal = month[ours].as_str().unwrap().parse().unwrap();
            assert!(
                close(mine, figures[theirs]),
                "{s:?}: {ours} {mine}, mon-entreprise {}",
                figures[theirs]
            );
        }
    }
}

#[test]
fn a_contract_concluded_before_march_2025_keeps_its_79_percent_exemption() {
    // mon-entreprise applies the 50 % of the SMIC from the month of March 2025 whatever the date of
    // conclusion; L6243-2 as amended by the LFSS 2025 keys it on the conclusion (DESIGN.md).
    let s = Situation {
        id: 0,
        month: date(2025, 10, 1),
        hired: date(2024, 9, 2),
        gross: "1500".parse().unwrap(),
        headcount: 20,
        atmp: None,
        mobility: None,
        alsace_moselle: false,
    };
    let c = ours(&s);
    let lines = grouped(&c);
    // (1 500 − 79 % × 1 801,80) × 6,90 % = 5,28 €; no CSG-CRDS at all.
    assert_eq!(
        cents(lines["vieillesse_plafonnee.employee"]).to_string(),
        "5.28"
    );
    assert!(lines["csg.employee"].is_zero() && lines["crds.employee"].is_zero());
    let theirs = evaluate(std::slice::from_ref(&s));
    assert!(
        theirs[&0]["csg.employee"] > 1.0,
        "mon-entreprise still charges CSG from March 2025 on: if it no longer does, update DESIGN.md"
    );
}

#[test]
fn in_2025_the_law_had_reduced_rates_and_the_fillon_reduction() {
    // A 2025 month at the SMIC: maladie 7 %, allocations familiales 3,45 % and T = 0,3193 (D241-7), where
    // mon-entreprise 11.1.0 applies the 2026 law (13 %, 5,25 % and the RGDU) to every month.
    let s = Situation {
        id: 0,
        month: date(2025, 6, 1),
        hired: date(2025, 4, 1),
        gross: "1801.80".parse().unwrap(),
        headcount: 20,
        atmp: Some("0.02".parse().unwrap()),
        mobility: None,
        alsace_moselle: false,
    };
    let c = ours(&s);
    let lines = grouped(&c);
    assert_eq!(cents(lines["maladie.employer"]).to_string(), "126.13");
    assert_eq!(
        cents(lines["allocations_familiales.employer"]).to_string(),
        "62.16"
    );
    assert_eq!(c.coefficient.to_string(), "0.3193");
    assert_eq!(cents(c.reduction).to_string(), "575.31");
}
