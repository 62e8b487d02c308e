//! Writes the embedded rule books as Rust (`rules/generated.rs`, `employer/generated.rs`) from
//! `data/parameters/*.toml`, and fails when the committed files differ: the crate then carries its data
//! (`cargo package` works) and the page reads its parameters without parsing any text.
//!
//! Regenerate with `COUTCONTRAT_REGENERATE=1 cargo test -p coutcontrat --lib generate`.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::employer::{
    AidRule, AtmpRule, ContributionBook, EmployerBook, ExemptionRule, HealthInsuranceRule,
    LevyRule, QuotaRule, ReducedRate, ReductionRule, RqthAid, SalaryGrid, TransportRule,
    TutorAidRule,
};
use crate::rules::{
    AnnexesRule, Dated, DistanceExemptions, DistanceRule, DueAt, DurationLimits, InstalmentRule,
    MobilityRule, ParticipationRule, PostRuptureRule, PrecontractRule, Regime, RuleBook,
    ScheduleRule,
};

/// A value written as the Rust expression that builds it.
trait Emit {
    fn emit(&self, o: &mut String);
}

macro_rules! emit_display {
    ($($t:ty),*) => {$(
        impl Emit for $t {
            fn emit(&self, o: &mut String) {
                write!(o, "{self}").unwrap();
            }
        }
    )*};
}
emit_display!(bool, u8, u32, i16, i32);

macro_rules! emit_enum {
    ($($t:ident),*) => {$(
        impl Emit for $t {
            fn emit(&self, o: &mut String) {
                write!(o, concat!(stringify!($t), "::{:?}"), self).unwrap();
            }
        }
    )*};
}
emit_enum!(Regime, DueAt);

macro_rules! emit_struct {
    ($($t:ident { $($f:ident),* })*) => {$(
        impl Emit for $t {
            fn emit(&self, o: &mut String) {
                o.push_str(concat!(stringify!($t), " {"));
                $(
                    o.push_str(concat!(" ", stringify!($f), ": "));
                    self.$f.emit(o);
                    o.push(',');
                )*
                o.push_str(" }");
            }
        }
    )*};
}
emit_struct! {
    DistanceRule { applies, threshold, rate, floor }
    DistanceExemptions { applies, complete, rncp }
    ParticipationRule { applies, min_level, lump_sum, new_employer_lump_sum, probation_share, probation_days }
    AnnexesRule { night, meal, equipment_cap }
    PrecontractRule { max_months, days_per_year }
    PostRuptureRule { max_months }
    MobilityRule { opco, to_hexagone, inter_overseas }
    DurationLimits { min_months, max_years, max_years_rqth }
    InstalmentRule { kind, share, at, month }
    ScheduleRule { advance_days, multi_year, short }
    AidRule { modelled, start_before, small, large, rqth, from_18, later_years, later_levels, every_month_started }
    QuotaRule { insertion_share, alternant_share, alternant_growth, deadline_years_after }
    RqthAid { amount, any_size, levels }
    SalaryGrid { under_18, from_18, from_21, from_26 }
    TutorAidRule { monthly_cap, max_months }
    LevyRule { employer, employee, above_pss, up_to_pss, min_headcount, below_headcount, alsace_moselle, apprentice_exempt, reduced, only_above_pss, reduced_rate, base_share, base_share_up_to_pss, csg }
    ReducedRate { rate, smic_multiple, smic }
    ExemptionRule { social_smic_share, csg_smic_share }
    ReductionRule { minimum, delta_under_50, delta_from_50, divisor, exit_smic, exponent_quarters }
    AtmpRule { average, minimum, max_rate }
    TransportRule { min_headcount, max_rate }
    HealthInsuranceRule { min_employer_share }
}

impl Emit for Decimal {
    fn emit(&self, o: &mut String) {
        let mantissa = i64::try_from(self.mantissa()).expect("a parameter fits an i64 mantissa");
        write!(o, "dec({mantissa}, {})", self.scale()).unwrap();
    }
}

impl Emit for Date {
    fn emit(&self, o: &mut String) {
        write!(o, "date({}, {}, {})", self.year(), self.month(), self.day()).unwrap();
    }
}

impl Emit for String {
    fn emit(&self, o: &mut String) {
        write!(o, "text({self:?})").unwrap();
    }
}

impl Emit for Cow<'static, str> {
    fn emit(&self, o: &mut String) {
        write!(o, "Cow::Borrowed({:?})", self.as_ref()).unwrap();
    }
}

impl<T: Emit> Emit for Option<T> {
    fn emit(&self, o: &mut String) {
        match self {
            None => o.push_str("None"),
            Some(v) => {
                o.push_str("Some(");
                v.emit(o);
                o.push(')');
            }
        }
    }
}

impl<T: Emit> Emit for Vec<T> {
    fn emit(&self, o: &mut String) {
        o.push_str("vec![");
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                o.push_str(", ");
            }
            v.emit(o);
        }
        o.push(']');
    }
}

impl<T: Emit, const N: usize> Emit for [T; N] {
    fn emit(&self, o: &mut String) {
        o.push('[');
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                o.push_str(", ");
            }
            v.emit(o);
        }
        o.push(']');
    }
}

impl<V: Emit> Emit for BTreeMap<String, V> {
    fn emit(&self, o: &mut String) {
        o.push_str("by_key([");
        for (i, (k, v)) in self.iter().enumerate() {
            if i > 0 {
                o.push_str(", ");
            }
            write!(o, "({k:?}, ").unwrap();
            v.emit(o);
            o.push(')');
        }
        o.push_str("])");
    }
}

/// `field: Dated::generated("name", RawParam { … })`, one step a line. (The contribution book is written
/// as static data instead, `static_param`: there, one type for 23 parameters makes data cheaper than code;
/// for the other books, one generic builder per value type costs more than it saves.)
fn dated<T: Emit + Clone>(o: &mut String, field: &str, d: &Dated<T>) {
    let raw = d.raw();
    writeln!(
        o,
        "        {field}: Dated::generated({:?}, RawParam {{",
        d.name()
    )
    .unwrap();
    for (name, value) in [
        ("label", &raw.label),
        ("article", &raw.article),
        ("reference", &raw.reference),
    ] {
        write!(o, "            {name}: ").unwrap();
        value.emit(o);
        o.push_str(",\n");
    }
    o.push_str("            last_checked: ");
    raw.last_checked.emit(o);
    o.push_str(",\n            unit: ");
    raw.unit.emit(o);
    o.push_str(",\n            steps: vec![\n");
    for s in &raw.steps {
        o.push_str("                RawStep { from: ");
        s.from.emit(o);
        o.push_str(", value: ");
        s.value.emit(o);
        write!(o, ", to_confirm: {}, article: ", s.to_confirm).unwrap();
        s.article.emit(o);
        o.push_str(", reference: ");
        s.reference.emit(o);
        o.push_str(" },\n");
    }
    o.push_str("            ],\n        }),\n");
}

const HEADER: &str = "// Generated from data/parameters/";

fn header(o: &mut String, file: &str, toml: &str, constant: &str) {
    writeln!(
        o,
        "{HEADER}{file} by `COUTCONTRAT_REGENERATE=1 cargo test -p coutcontrat --lib generate`: do not edit."
    )
    .unwrap();
    o.push_str("// A test fails when this file and the data differ.\n\n");
    writeln!(o, "/// The text of `data/parameters/{file}`, as generated.").unwrap();
    writeln!(o, "pub(crate) const {constant}: &str = r##\"{toml}\"##;\n").unwrap();
}

fn financing(toml: &str) -> String {
    let book = RuleBook::from_toml(toml).expect("financing.toml reads");
    let mut o = String::new();
    header(&mut o, "financing.toml", toml, "FINANCING_TOML");
    o.push_str("use std::borrow::Cow;\n\nuse jiff::civil::date;\n\n");
    o.push_str("use super::literal::{by_key, dec, text};\nuse super::*;\n\n");
    o.push_str("/// The rule book of `financing.toml`, before its rule sets are built.\n");
    o.push_str(
        "pub(super) fn rule_book() -> RuleBook {\n    RuleBook {\n        cache: Vec::new(),\n",
    );
    dated(&mut o, "supported_from", &book.supported_from);
    dated(&mut o, "proration", &book.proration);
    dated(
        &mut o,
        "short_contract_majoration",
        &book.short_contract_majoration,
    );
    dated(&mut o, "distance_minoration", &book.distance_minoration);
    dated(&mut o, "distance_exemptions", &book.distance_exemptions);
    dated(&mut o, "rqth_cap", &book.rqth_cap);
    dated(&mut o, "participation", &book.participation);
    dated(&mut o, "amorcage", &book.amorcage);
    dated(&mut o, "annexes", &book.annexes);
    dated(&mut o, "precontract", &book.precontract);
    dated(&mut o, "post_rupture", &book.post_rupture);
    dated(&mut o, "ultramarine_mobility", &book.ultramarine_mobility);
    dated(&mut o, "duration_limits", &book.duration_limits);
    dated(&mut o, "schedule", &book.schedule);
    o.push_str("    }\n}\n");
    o
}

fn employer(toml: &str) -> String {
    let book = EmployerBook::from_toml(toml).expect("employer.toml reads");
    let mut o = String::new();
    header(&mut o, "employer.toml", toml, "EMPLOYER_TOML");
    o.push_str("use jiff::civil::date;\n\n");
    o.push_str("use super::*;\nuse crate::rules::literal::{by_key, dec, text};\nuse crate::rules::{Dated, RawParam, RawStep};\n\n");
    o.push_str("/// The employer book of `employer.toml`.\n");
    o.push_str("pub(super) fn employer_book() -> EmployerBook {\n    EmployerBook {\n");
    dated(&mut o, "hiring_aid", &book.hiring_aid);
    dated(&mut o, "aide_unique", &book.aide_unique);
    dated(&mut o, "aid_day_proration", &book.aid_day_proration);
    dated(&mut o, "no_second_aid", &book.no_second_aid);
    dated(&mut o, "alternance_quota", &book.alternance_quota);
    dated(&mut o, "cnfpt_share", &book.cnfpt_share);
    dated(
        &mut o,
        "related_diploma_points",
        &book.related_diploma_points,
    );
    dated(&mut o, "public_salary_points", &book.public_salary_points);
    dated(
        &mut o,
        "overseas_aid_max_level",
        &book.overseas_aid_max_level,
    );
    dated(&mut o, "smic_monthly_mayotte", &book.smic_monthly_mayotte);
    dated(&mut o, "smic_monthly", &book.smic_monthly);
    dated(&mut o, "salary_grid", &book.salary_grid);
    dated(&mut o, "tutor_aid", &book.tutor_aid);
    o.push_str("    }\n}\n");
    o
}

/// `StaticParam { … }`: a parameter whose values are constants, written as data (`cdec` for decimals).
fn static_param<T: Emit + Clone>(o: &mut String, d: &Dated<T>) {
    let raw = d.raw();
    writeln!(
        o,
        "StaticParam {{ label: {:?}, article: {:?}, reference: {:?}, last_checked: ",
        raw.label, raw.article, raw.reference
    )
    .unwrap();
    raw.last_checked.emit(o);
    writeln!(o, ", unit: {:?}, steps: &[", raw.unit.as_deref()).unwrap();
    for s in &raw.steps {
        o.push_str("    StaticStep { from: ");
        s.from.emit(o);
        o.push_str(", value: ");
        let mut value = String::new();
        s.value.emit(&mut value);
        o.push_str(&value.replace("dec(", "cdec("));
        writeln!(
            o,
            ", to_confirm: {}, article: {:?}, reference: {:?} }},",
            s.to_confirm,
            s.article.as_deref(),
            s.reference.as_deref()
        )
        .unwrap();
    }
    o.push_str("] }");
}

fn contributions(toml: &str) -> String {
    let book = ContributionBook::from_toml(toml).expect("contributions.toml reads");
    let mut o = String::new();
    header(&mut o, "contributions.toml", toml, "CONTRIBUTIONS_TOML");
    o.push_str("use jiff::civil::date;\nuse rust_decimal::Decimal;\n\n");
    o.push_str("use super::book::*;\nuse crate::rules::literal::cdec;\nuse crate::rules::{Dated, StaticParam, StaticStep};\n\n");
    o.push_str("/// The contribution book of `contributions.toml`.\n");
    o.push_str("pub(super) fn contribution_book() -> ContributionBook {\n    ContributionBook {\n");
    let singles: [(&str, &str); 7] = [
        ("pss_monthly", "PSS_MONTHLY"),
        ("smic_annual_hours", "SMIC_ANNUAL_HOURS"),
        ("apprentice_exemption", "APPRENTICE_EXEMPTION"),
        ("general_reduction", "GENERAL_REDUCTION"),
        ("atmp", "ATMP"),
        ("mobility", "MOBILITY"),
        ("health_insurance", "HEALTH_INSURANCE"),
    ];
    for (field, constant) in singles {
        writeln!(
            o,
            "        {field}: Dated::from_static({field:?}, &{constant}),"
        )
        .unwrap();
    }
    o.push_str(
        "        levies: LEVIES.iter().map(|(name, p)| Dated::from_static(name, p)).collect(),\n",
    );
    o.push_str("        changes: std::sync::OnceLock::new(),\n    }\n}\n\n");
    let mut single = |constant: &str, ty: &str, write: &mut dyn FnMut(&mut String)| {
        write!(o, "static {constant}: StaticParam<{ty}> = ").unwrap();
        write(&mut o);
        o.push_str(";\n\n");
    };
    single("PSS_MONTHLY", "Decimal", &mut |o| {
        static_param(o, &book.pss_monthly)
    });
    single("SMIC_ANNUAL_HOURS", "u32", &mut |o| {
        static_param(o, &book.smic_annual_hours)
    });
    single("APPRENTICE_EXEMPTION", "ExemptionRule", &mut |o| {
        static_param(o, &book.apprentice_exemption)
    });
    single("GENERAL_REDUCTION", "ReductionRule", &mut |o| {
        static_param(o, &book.general_reduction)
    });
    single("ATMP", "AtmpRule", &mut |o| static_param(o, &book.atmp));
    single("MOBILITY", "TransportRule", &mut |o| {
        static_param(o, &book.mobility)
    });
    single("HEALTH_INSURANCE", "HealthInsuranceRule", &mut |o| {
        static_param(o, &book.health_insurance)
    });
    writeln!(
        o,
        "static LEVIES: [(&str, StaticParam<LevyRule>); {}] = [",
        book.levies.len()
    )
    .unwrap();
    for levy in &book.levies {
        write!(o, "({:?}, ", levy.name()).unwrap();
        static_param(&mut o, levy);
        o.push_str("),\n");
    }
    o.push_str("];\n");
    o
}

#[test]
fn generated_parameters_are_those_of_data_parameters() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = crate_dir.join("../../data/parameters");
    let regenerate = std::env::var_os("COUTCONTRAT_REGENERATE").is_some();
    for (toml, generated, make) in [
        (
            "financing.toml",
            "src/rules/generated.rs",
            financing as fn(&str) -> String,
        ),
        ("employer.toml", "src/employer/generated.rs", employer),
        (
            "contributions.toml",
            "src/employer/contributions/generated.rs",
            contributions,
        ),
    ] {
        let toml = std::fs::read_to_string(data.join(toml)).expect("data/parameters is there");
        let want = make(&toml);
        let path = crate_dir.join(generated);
        if regenerate {
            std::fs::write(&path, &want).unwrap();
            continue;
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "crates/coutcontrat/{generated} differs from data/parameters: regenerate it with \
             `COUTCONTRAT_REGENERATE=1 cargo test -p coutcontrat --lib generate`"
        );
    }
}
