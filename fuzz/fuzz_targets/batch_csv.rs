//! Any bytes as the CSV file of `coutcontrat batch`: refused with a message, or every row copied with its
//! figures or its error; never a panic, never a row lost.
#![no_main]

use coutcontrat::Quoter;
use coutcontrat_cli::batch::{run_io, Messages};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let quoter = Quoter::new(coutcontrat_referentiel::embedded()).without_details();
    let mut out = Vec::new();
    let mut log = std::io::sink();
    let result = run_io(
        data,
        "fuzz.csv",
        || Ok(&mut out),
        "out.csv",
        None,
        &quoter,
        Messages::quiet(&mut log),
    );
    if let Ok(s) = result {
        assert_eq!(s.rows, s.quoted + s.errors + s.blank, "{s:?}");
        // The output has the header and one record per row read.
        let records = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(guess(data))
            .from_reader(out.as_slice())
            .byte_records()
            .count() as u64;
        assert_eq!(records, s.rows + 1, "{s:?}");
    }
});

fn guess(data: &[u8]) -> u8 {
    let line = data.split(|&b| b == b'\n').next().unwrap_or_default();
    let count = |b: u8| line.iter().filter(|&&c| c == b).count();
    let (comma, semicolon, tab) = (count(b','), count(b';'), count(b'\t'));
    if semicolon > comma && semicolon >= tab {
        b';'
    } else if tab > comma && tab > semicolon {
        b'\t'
    } else {
        b','
    }
}
