//! The npm package's `quoteJson`, compiled natively: `quote_json_loop CONTRACT.json [N]` quotes the contract N
//! times (JSON text in, JSON text out, as in Node) and prints the rate. The native baseline of
//! scripts/bench-npm.sh: the same code on both sides, so the ratio is the price of WebAssembly and of Node.
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: quote_json_loop CONTRACT.json [N]");
        std::process::exit(2);
    };
    let n: u32 = args.next().and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let contract = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("quote_json_loop: {path}: {e}");
        std::process::exit(2);
    });
    // The first quote checks the contract and warms the référentiel, as the Node side does.
    if let Err(e) = coutcontrat_js::quote_json(&contract, "") {
        eprintln!("quote_json_loop: {e}");
        std::process::exit(1);
    }
    let started = Instant::now();
    for _ in 0..n {
        black_box(coutcontrat_js::quote_json(black_box(&contract), "").ok());
    }
    let seconds = started.elapsed().as_secs_f64();
    println!("{:.0}", f64::from(n) / seconds);
}
