//! Writes N generated contracts as a `coutcontrat batch` input (CSV), for the batch benchmark.
//!
//! Usage: `contracts N > contracts.csv`. Deterministic: the same N gives the same file. Certifications and
//! IDCC are real ones of the embedded data (so most rows look an amount up); dates, durations, prices and
//! levels are made up, and a few rows carry a manual NPEC, a rupture or a distance share.
use std::io::{self, BufWriter, Write};

const PAIRS: &[(&str, u32, u8)] = &[
    ("RNCP41000", 1351, 5),
    ("RNCP41000", 1516, 5),
    ("RNCP41000", 1486, 5),
    ("RNCP41000", 2216, 5),
    ("RNCP38362", 1486, 6),
    ("RNCP35393", 1351, 5),
];

fn main() -> io::Result<()> {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
    writeln!(
        out,
        "signed_on,start,end,rupture_on,rncp,idcc,level,npec,price,distance_share"
    )?;
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |m: u64| {
        // xorshift64*: reproducible without a dependency.
        seed ^= seed >> 12;
        seed ^= seed << 25;
        seed ^= seed >> 27;
        (seed.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) % m
    };
    for _ in 0..n {
        let (rncp, idcc, level) = PAIRS[next(PAIRS.len() as u64) as usize];
        let year = 2025 + next(2) as i32;
        let month = 7 + next(4) as i32;
        let day = 1 + next(28) as i32;
        let start = format!("{year}-{month:02}-{day:02}");
        let signed = format!("{year}-{:02}-{day:02}", month - 1);
        let years = 1 + next(3) as i32;
        let end = format!("{}-{:02}-{:02}", year + years, month, day.max(2) - 1);
        let rupture = if next(20) == 0 {
            format!("{}-{:02}-15", year + 1, 1 + next(6))
        } else {
            String::new()
        };
        let manual = next(10) == 0;
        let (rncp, idcc, npec) = if manual {
            ("", String::new(), (5_000 + next(5_000)).to_string())
        } else {
            (rncp, idcc.to_string(), String::new())
        };
        let price = 6_000 + next(6_000);
        let distance = if next(25) == 0 { "0.9" } else { "" };
        writeln!(
            out,
            "{signed},{start},{end},{rupture},{rncp},{idcc},{level},{npec},{price},{distance}"
        )?;
    }
    out.flush()
}
