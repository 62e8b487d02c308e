//! Quotes per second on one core: 1-year and 3-year contracts with table lookup, beside the same contract
//! with a manual NPEC (no lookup), with the employer's whole cost, and with the explanations kept.

use coutcontrat::Quoter;
use coutcontrat_bench::{
    one_year_manual, one_year_with_lookup, three_years_manual, three_years_net_cost,
    three_years_with_lookup,
};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

fn quote(c: &mut Criterion) {
    let referentiel = coutcontrat_referentiel::embedded();
    let lean = Quoter::new(referentiel).without_details();
    let full = Quoter::new(referentiel);
    let mut group = c.benchmark_group("quote");
    group.throughput(Throughput::Elements(1));
    for (name, contract, quoter) in [
        ("1-year, lookup", one_year_with_lookup(), &lean),
        ("1-year, manual NPEC (baseline)", one_year_manual(), &lean),
        ("3-year, lookup", three_years_with_lookup(), &lean),
        (
            "3-year, manual NPEC (baseline)",
            three_years_manual(),
            &lean,
        ),
        (
            "3-year, lookup, whole cost with contributions",
            three_years_net_cost(),
            &lean,
        ),
        (
            "3-year, lookup, with explanations",
            three_years_with_lookup(),
            &full,
        ),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| quoter.quote(black_box(&contract)).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, quote);
criterion_main!(benches);
