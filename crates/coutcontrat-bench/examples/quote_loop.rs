//! Quotes the bench contracts in a loop, for a profiler (`perf record`, `valgrind --tool=callgrind`): not a
//! benchmark. `quote_loop [N] [1-year|3-year|1-year-manual|3-year-manual|3-year-net]`: N quotes of each contract, or of the one
//! named (`-manual`: NPEC given, no lookup; `-net`: the employer's whole cost too).
use coutcontrat::Quoter;
use coutcontrat_bench::{
    one_year_manual, one_year_with_lookup, three_years_manual, three_years_net_cost,
    three_years_with_lookup,
};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let n: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let only = std::env::args().nth(2);
    let referentiel = coutcontrat_referentiel::embedded();
    let quoter = Quoter::new(referentiel).without_details();
    for (name, contract) in [
        ("1-year", one_year_with_lookup()),
        ("3-year", three_years_with_lookup()),
        ("1-year-manual", one_year_manual()),
        ("3-year-manual", three_years_manual()),
        ("3-year-net", three_years_net_cost()),
    ] {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let started = Instant::now();
        for _ in 0..n {
            black_box(quoter.quote(black_box(&contract)).unwrap());
        }
        let seconds = started.elapsed().as_secs_f64();
        println!("{name}: {:.0} quotes/s", f64::from(n) / seconds);
    }
}
