//! Output cells a spreadsheet cannot run: a cell that would open as a formula gets a leading `'` (OWASP,
//! « CSV Injection »), so `=HYPERLINK(…)` from a référentiel's tag or a copied cell stays text.

/// The bytes that make a spreadsheet read a cell as a formula when they begin it (after spaces, which
/// LibreOffice can trim on import): OWASP's list.
const TRIGGERS: &[u8] = b"=+-@\t\r";

/// `-12`, `-12.50`, `-12,5`: a negative number, which every spreadsheet reads as a number, never as a
/// formula. Left as it is, so that the figures stay numbers.
fn is_negative_number(cell: &[u8]) -> bool {
    let Some(digits) = cell.strip_prefix(b"-") else {
        return false;
    };
    let (int, frac) = match digits.iter().position(|&b| b == b'.' || b == b',') {
        Some(i) => (&digits[..i], &digits[i + 1..]),
        None => (digits, &b"0"[..]),
    };
    !int.is_empty() && !frac.is_empty() && int.iter().chain(frac).all(u8::is_ascii_digit)
}

/// Whether a spreadsheet opening the file would read `cell` as a formula.
pub fn is_formula(cell: &[u8]) -> bool {
    let start = cell.iter().position(|&b| b != b' ').unwrap_or(cell.len());
    let rest = &cell[start..];
    rest.first().is_some_and(|b| TRIGGERS.contains(b)) && !is_negative_number(rest)
}

/// Appends `cell` to `row`, after a `'` when it would be read as a formula (`guarded` is scratch space).
pub fn push_cell(row: &mut csv::ByteRecord, cell: &[u8], guarded: &mut Vec<u8>) {
    if is_formula(cell) {
        guarded.clear();
        guarded.push(b'\'');
        guarded.extend_from_slice(cell);
        row.push_field(guarded);
    } else {
        row.push_field(cell);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_formula_is_guarded_and_a_number_or_a_word_is_not() {
        for cell in [
            "=1+1", "+33", "-1+2", "@SUM(A1)", "\t=1", "\r=1", "  =A1", "-", "-.5", "-5.", "-5e3",
        ] {
            assert!(is_formula(cell.as_bytes()), "{cell:?}");
        }
        for cell in [
            "",
            "9000",
            "-5",
            "-12.50",
            "-12,5",
            " -3",
            "RNCP41000",
            "'=1",
            "a=b",
            "2025-09-01",
        ] {
            assert!(!is_formula(cell.as_bytes()), "{cell:?}");
        }
        let mut row = csv::ByteRecord::new();
        let mut scratch = Vec::new();
        push_cell(&mut row, b"=1+1", &mut scratch);
        push_cell(&mut row, b"-7000.00", &mut scratch);
        assert_eq!(row, csv::ByteRecord::from(vec!["'=1+1", "-7000.00"]));
    }
}
