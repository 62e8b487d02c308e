//! Any bytes as the CSV file of `coutcontrat batch`: refused with a message, or every row copied with its
//! figures or its error; never a panic, never a row lost. The output reads back as CSV, one row per input
//! record in the same order, each input cell as it was (after a `'` if it would open as a formula, or
//! left empty in a row that could not be held), and no cell a spreadsheet would run.
#![no_main]

use coutcontrat::Quoter;
use coutcontrat_cli::batch::{run_io, Messages, FIGURES};
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
    let Ok(s) = result else { return };
    assert_eq!(s.rows, s.quoted + s.errors + s.blank, "{s:?}");
    let delimiter = guess(data);
    let read = |bytes: &[u8]| -> Vec<csv::ByteRecord> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(bytes)
            .byte_records()
            .map(|r| r.expect("the output reads back as CSV"))
            .collect()
    };
    let input = read(data);
    let output = read(&out);
    // The header and one record per row read, one per input record.
    assert_eq!(output.len() as u64, s.rows + 1, "{s:?}");
    assert_eq!(output.len(), input.len(), "{s:?}");
    let width = input[0].len();
    for (i, (row_in, row_out)) in input.iter().zip(&output).enumerate() {
        assert_eq!(row_out.len(), width + FIGURES.len(), "row {i}");
        for cell in row_out {
            assert!(
                !is_formula(cell),
                "row {i}: {:?}",
                String::from_utf8_lossy(cell)
            );
        }
        let copied: Vec<&[u8]> = row_out.iter().take(width).collect();
        let expected: Vec<Vec<u8>> = (0..width)
            .map(|j| guarded(row_in.get(j).unwrap_or_default()))
            .collect();
        let unread = copied.iter().all(|c| c.is_empty()) && !row_out[row_out.len() - 1].is_empty();
        assert!(
            copied == expected.iter().map(Vec::as_slice).collect::<Vec<_>>() || unread,
            "row {i} in its place: {row_in:?} → {row_out:?}"
        );
    }
});

/// What a spreadsheet runs as a formula (OWASP): a cell beginning, after spaces, with `=`, `+`, `-`, `@`, a
/// tab or a carriage return, unless it is a plain negative number.
fn is_formula(cell: &[u8]) -> bool {
    let text = String::from_utf8_lossy(cell);
    let rest = text.trim_start_matches(' ');
    let negative_number = rest.strip_prefix('-').is_some_and(|n| {
        let (int, frac) = n.split_once(['.', ',']).unwrap_or((n, "0"));
        !int.is_empty()
            && !frac.is_empty()
            && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
    });
    rest.starts_with(['=', '+', '-', '@', '\t', '\r']) && !negative_number
}

fn guarded(cell: &[u8]) -> Vec<u8> {
    if is_formula(cell) {
        [b"'", cell].concat()
    } else {
        cell.to_vec()
    }
}

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
