//! Rough speed check: quotes per second on one core (the benchmarks proper are in `benches/`).
use coutcontrat::{Contract, Quoter, Referentiel};
use jiff::civil::date;
use std::time::Instant;

fn main() {
    let r = Referentiel::default();
    let q = Quoter::new(&r).without_details();
    let c = Contract::new(
        date(2025, 8, 15),
        date(2025, 9, 1),
        date(2028, 8, 31),
        "9000".parse().unwrap(),
    )
    .with_manual_npec("7000".parse().unwrap())
    .with_level(6);
    let n = 100_000;
    let t = Instant::now();
    let mut total = rust_decimal::Decimal::ZERO;
    for _ in 0..n {
        total += q.quote(&c).unwrap().totals.opco.to_decimal();
    }
    let s = t.elapsed().as_secs_f64();
    println!("{:.0} quotes/s ({total})", n as f64 / s);
}
