//! `coutcontrat batch`: good and bad rows, input columns kept, exit codes, header checks.

use std::fs;

use serde_json::Value;

use crate::common::{library_quote, run, run_in};

const FIGURES: &[&str] = &[
    "npec_annual",
    "npec_source",
    "table_version",
    "regime",
    "years",
    "totals_npec",
    "totals_price",
    "totals_opco",
    "totals_employer",
    "totals_rqth",
    "totals_overseas_modulation",
    "totals_annexes",
    "participation",
    "warnings",
    "error",
];

/// Columns of the test file: every kind of field, in an order of the user's choosing.
const HEADER: &str = "price,signed_on,start,end,npec,level,rqth_majoration,rupture_on,annexes.meals,price_basis,distance_share";

const ROWS: &[&str] = &[
    // A1: good.
    "9000,2025-08-15,2025-09-01,2027-02-28,7000,5,3000,,,,",
    // A date that does not exist: refused, the run goes on.
    "9000,2025-02-30,2025-09-01,2027-02-28,7000,5,,,,,",
    // A2 with meals, French decimal comma in a quoted cell: good.
    "\"9000,00\",2025-08-15,2025-09-01,2027-02-28,7000,6,,,12,annual,",
    // Negative price: refused.
    "-5,2025-08-15,2025-09-01,2027-02-28,7000,5,,,,,",
    // B, monthly regime, distance share as a percentage: good.
    "9000,2025-06-15,2025-09-01,2027-02-28,7000,6,,2026-06-03,,,80 %",
    // No level while the participation needs it: refused.
    "9000,2025-08-15,2025-09-01,2027-02-28,7000,,,,,,",
    // A contract over 3 years: good, with a warning.
    "9000,2025-08-15,2025-09-01,2029-08-31,7000,5,,,,total,",
];

/// The JSON contract of a CSV row, as the JSON interface would get it.
fn row_json(header: &str, row: &[String]) -> String {
    let mut obj = serde_json::Map::new();
    let mut annexes = serde_json::Map::new();
    for (name, value) in header.split(',').zip(row) {
        if value.is_empty() {
            continue;
        }
        match name.strip_prefix("annexes.") {
            Some(sub) => annexes.insert(sub.to_owned(), Value::from(value.as_str())),
            None => obj.insert(name.to_owned(), Value::from(value.as_str())),
        };
    }
    if !annexes.is_empty() {
        obj.insert("annexes".into(), Value::Object(annexes));
    }
    Value::Object(obj).to_string()
}

fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

#[test]
fn a_file_mixing_good_and_bad_rows() {
    let dir = tempfile::tempdir().unwrap();
    let input = format!("{HEADER}\n{}\n", ROWS.join("\n"));
    fs::write(dir.path().join("in.csv"), &input).unwrap();
    let out = run_in(Some(dir.path()), &["batch", "in.csv", "-o", "out.csv"], "");
    assert_eq!(
        out.code, 1,
        "some rows are bad: exit 1; stderr: {}",
        out.stderr
    );
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains("3 en erreur"),
        "the count of errors: {}",
        out.stderr
    );
    assert!(
        out.stderr.contains("ligne 3 :"),
        "the bad row's line number: {}",
        out.stderr
    );

    let (header_in, rows_in) = read_csv(&input);
    let (header, rows) = read_csv(&fs::read_to_string(dir.path().join("out.csv")).unwrap());
    // The input columns unchanged, then the figures.
    assert_eq!(header[..header_in.len()], header_in[..]);
    assert_eq!(
        header[header_in.len()..],
        FIGURES.iter().map(|s| s.to_string()).collect::<Vec<_>>()[..]
    );
    assert_eq!(rows.len(), rows_in.len());
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (row_in, row) in rows_in.iter().zip(&rows) {
        assert_eq!(
            row[..row_in.len()],
            row_in[..],
            "input cells kept as they were"
        );
        let fig = |name: &str| row[col(name)].as_str();
        match library_quote(&row_json(HEADER, row_in)) {
            Ok(q) => {
                assert_eq!(fig("error"), "", "{row_in:?}");
                assert_eq!(fig("npec_annual"), q["npec"]["annual"]);
                assert_eq!(fig("npec_source"), q["npec"]["source"]);
                assert_eq!(fig("regime"), q["regime"]);
                assert_eq!(
                    fig("years"),
                    q["years"].as_array().unwrap().len().to_string()
                );
                for t in [
                    "npec",
                    "price",
                    "opco",
                    "employer",
                    "rqth",
                    "overseas_modulation",
                    "annexes",
                ] {
                    assert_eq!(
                        fig(&format!("totals_{t}")),
                        q["totals"][t],
                        "totals_{t} of {row_in:?}"
                    );
                }
                assert_eq!(fig("participation"), q["participation"]);
                let codes: Vec<&str> = q["warnings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|w| w["code"].as_str().unwrap())
                    .collect();
                assert_eq!(fig("warnings"), codes.join(";"));
            }
            Err(e) => {
                let cell = fig("error");
                assert!(cell.starts_with(e.code()), "{cell}");
                assert!(cell.contains(e.field().unwrap()), "{cell}");
                assert!(cell.contains(e.message()), "{cell}");
                assert_eq!(fig("npec_annual"), "");
            }
        }
    }
    // The hand-checked figures of RULES.md, as a second look.
    assert_eq!(rows[0][col("totals_employer")], "2991.78");
    assert_eq!(rows[0][col("totals_rqth")], "4487.67");
    assert_eq!(rows[2][col("totals_opco")], "9721.23");
    assert_eq!(rows[2][col("totals_annexes")], "36.00");
    assert_eq!(rows[4][col("regime")], "monthly");
    assert_eq!(rows[4][col("totals_npec")], "5833.33");
    assert_eq!(rows[6][col("warnings")], "duration_over_max");
    assert!(rows[1][col("error")].starts_with("invalid (signed_on) : "));
    assert!(rows[3][col("error")].starts_with("out_of_range (price) : "));
    assert!(rows[5][col("error")].starts_with("missing (level) : "));
}

#[test]
fn a_file_of_good_rows_exits_with_0_and_can_use_semicolons_and_stdout() {
    let input = "signed_on;start;end;npec;price;level;annexes.nights\n\
                 2025-08-15;2025-09-01;2027-02-28;7000;9000,50;6;4\n\
                 ;;;;;;\n";
    let out = run(&["batch", "-"], input);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(out.stdout.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header.len(), 7 + FIGURES.len());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2, "the blank row is copied too");
    assert_eq!(&rows[0][4], "9000,50");
    let figure = |name: &str| 7 + FIGURES.iter().position(|f| *f == name).unwrap();
    assert_eq!(&rows[0][figure("totals_opco")], "9721.23", "totals_opco");
    assert_eq!(
        &rows[0][figure("totals_annexes")],
        "24.00",
        "totals_annexes"
    );
    assert!(
        rows[1].iter().all(str::is_empty),
        "a blank row stays blank and is no error"
    );
    assert!(out.stderr.contains("0 en erreur"), "{}", out.stderr);
}

#[test]
fn unknown_columns_are_refused_before_any_row() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("in.csv"),
        "signed_on,start,end,pirce,level,Nom de l'apprenti\n2025-08-15,2025-09-01,2026-08-31,9000,5,X\n",
    )
    .unwrap();
    let out = run_in(Some(dir.path()), &["batch", "in.csv", "-o", "out.csv"], "");
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("« pirce »") && out.stderr.contains("« nom de l'apprenti »"),
        "{}",
        out.stderr
    );
    for known in coutcontrat::contract::INPUT_FIELDS {
        assert!(out.stderr.contains(known), "{known} listed: {}", out.stderr);
    }
    assert!(
        !dir.path().join("out.csv").exists(),
        "nothing written before the header is accepted"
    );
}

#[test]
fn rows_of_the_wrong_width_are_errors_that_keep_their_cells() {
    let input = "signed_on,start,end,price,npec,level\n\
                 2025-08-15,2025-09-01,2026-08-31,9000,7000,5,surplus\n\
                 2025-08-15,2025-09-01,2026-08-31,9000,7000,5\n";
    let out = run(&["batch", "-", "--progress", "--every", "1"], input);
    assert_eq!(out.code, 1);
    let (header, rows) = read_csv(&out.stdout);
    let error = header.iter().position(|h| h == "error").unwrap();
    assert!(rows[0][error].contains("surplus"), "{}", rows[0][error]);
    assert_eq!(rows[1][error], "");
    assert!(
        out.stderr.contains("2 lignes lues"),
        "a progress line with --progress: {}",
        out.stderr
    );
}

#[test]
fn the_output_never_overwrites_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let input =
        "signed_on,start,end,price,npec,level\n2025-08-15,2025-09-01,2026-08-31,9000,7000,5\n";
    fs::write(dir.path().join("in.csv"), input).unwrap();
    let out = run_in(Some(dir.path()), &["batch", "in.csv", "-o", "./in.csv"], "");
    assert_eq!(out.code, 2);
    assert_eq!(
        fs::read_to_string(dir.path().join("in.csv")).unwrap(),
        input
    );
}

#[test]
fn a_long_file_keeps_its_row_order_and_reports_errors_by_line() {
    // Several thousand rows: the batch quotes them in chunks on several threads.
    let dir = tempfile::tempdir().unwrap();
    let mut input = String::from("signed_on,start,end,price,npec,level\n");
    for i in 0..5000u32 {
        if i % 1000 == 999 {
            // Line i + 2 of the file: a date the calendar lacks.
            input.push_str("2025-02-30,2025-09-01,2026-08-31,9000,7000,5\n");
        } else {
            input.push_str(&format!(
                "2025-08-15,2025-09-01,2026-08-31,{},7000,5\n",
                5000 + i
            ));
        }
    }
    fs::write(dir.path().join("in.csv"), &input).unwrap();
    let out = run_in(Some(dir.path()), &["batch", "in.csv", "-o", "out.csv"], "");
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("5000 lignes : 4995 chiffrées, 5 en erreur"),
        "{}",
        out.stderr
    );
    let first_error = out
        .stderr
        .lines()
        .find(|l| l.starts_with("ligne "))
        .unwrap();
    assert!(
        first_error.starts_with("ligne 1001 : invalid (signed_on)"),
        "{first_error}"
    );
    let (header, rows) = read_csv(&fs::read_to_string(dir.path().join("out.csv")).unwrap());
    assert_eq!(rows.len(), 5000);
    let price = header.iter().position(|h| h == "totals_price").unwrap();
    let error = header.iter().position(|h| h == "error").unwrap();
    for (i, row) in rows.iter().enumerate() {
        if i % 1000 == 999 {
            assert!(
                row[error].starts_with("invalid (signed_on)"),
                "row {i}: {row:?}"
            );
        } else {
            assert_eq!(row[3], (5000 + i).to_string(), "row {i} in its place");
            assert_eq!(
                row[price],
                format!("{}.00", 5000 + i),
                "row {i}'s own figures"
            );
        }
    }
}

/// The bytes a spreadsheet reads as the start of a formula when they begin a cell (OWASP, CSV injection).
fn is_formula(cell: &str) -> bool {
    let rest = cell.trim_start_matches(' ');
    let negative_number = rest.strip_prefix('-').is_some_and(|n| {
        let (int, frac) = n.split_once(['.', ',']).unwrap_or((n, "0"));
        !int.is_empty()
            && !frac.is_empty()
            && (int.bytes().chain(frac.bytes())).all(|b| b.is_ascii_digit())
    });
    rest.starts_with(['=', '+', '-', '@', '\t', '\r']) && !negative_number
}

/// A data directory whose only version is tagged `tag`, with one row (RNCP41000, CPNE 901, 8 000 €).
fn data_tagged(tag: &str) -> tempfile::TempDir {
    use coutcontrat::referentiel::NpecRow;
    use jiff::civil::date;
    let dir = tempfile::tempdir().unwrap();
    let version = crate::common::test_version(
        tag,
        vec![NpecRow::simple(
            "RNCP41000",
            "BTS Management opérationnel de la sécurité",
            901,
            "8000",
            date(2026, 9, 1),
        )],
    );
    coutcontrat_referentiel::write_version(
        &coutcontrat_referentiel::version_dir(dir.path(), &version),
        &version,
    )
    .unwrap();
    dir
}

#[test]
fn no_output_cell_is_a_formula_neither_the_version_tag_nor_a_copied_cell() {
    let tag = r#"=HYPERLINK("//x.io","cliquez")"#;
    let data = data_tagged(tag);
    let input = "signed_on,start,end,price,rncp,cpne,level\n\
                 2026-09-14,2026-09-01,2027-08-31,9000,RNCP41000,901,5\n\
                 =1+1,2026-09-01,2027-08-31,9000,RNCP41000,901,5\n\
                 2026-09-14,2026-09-01,2027-08-31,9000,@SUM(A1),901,5\n\
                 2026-09-14,2026-09-01,2027-08-31,-5,RNCP41000,901,5\n\
                 2026-09-14,2026-09-01,2027-08-31,-1+2,RNCP41000,901,5\n\
                 2026-09-14,2026-09-01,2027-08-31,9000,\"\t=1\",+901,5\n\
                 2026-09-14,2026-09-01,2027-08-31,9000,\" =1+1\",\"\r=2\",5\n";
    let out = run(
        &["--data", data.path().to_str().unwrap(), "batch", "-"],
        input,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let (header, rows) = read_csv(&out.stdout);
    assert_eq!(rows.len(), 7, "{}", out.stdout);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    // The tag reaches the output as text, not as a formula.
    assert_eq!(rows[0][col("npec_source")], "table", "{:?}", rows[0]);
    assert_eq!(rows[0][col("table_version")], format!("'{tag}"));
    assert_eq!(rows[1][0], "'=1+1");
    assert_eq!(rows[2][4], "'@SUM(A1)");
    // A negative number stays a number, in a copied cell as in a figure.
    assert_eq!(rows[3][3], "-5");
    assert_eq!(rows[4][3], "'-1+2");
    assert_eq!(rows[5][4], "'\t=1");
    assert_eq!(rows[5][5], "'+901");
    assert_eq!(rows[6][4], "' =1+1");
    assert_eq!(rows[6][5], "'\r=2");
    for (i, row) in rows.iter().enumerate() {
        for (j, cell) in row.iter().enumerate() {
            assert!(!is_formula(cell), "row {i}, column {}: {cell:?}", header[j]);
        }
    }
}

/// Runs the binary under a limit on its address space (`ulimit -v`), in `dir`.
fn run_limited(dir: &std::path::Path, megabytes: u64, args: &[&str]) -> crate::common::Run {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v {} && exec \"$0\" \"$@\"",
            megabytes * 1024
        ))
        .arg(crate::common::BIN)
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    crate::common::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// An address space the batch fits in whatever its rows: the program, a stack per thread, and a few
/// chunks of rows in flight. Before the caps, one 8 MB cell took more than 96 MB.
fn batch_memory_mb() -> u64 {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;
    48 + 8 * threads
}

const GOOD_ROW: &str = "2025-08-15,2025-09-01,2026-08-31,9000,7000,5\n";
const SHORT_HEADER: &str = "signed_on,start,end,price,npec,level\n";

#[test]
fn an_over_long_cell_is_refused_by_line_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = String::from(SHORT_HEADER);
    input.push_str(&GOOD_ROW.repeat(20_000));
    // Line 20 002: an 8 MB amount.
    input.push_str(&format!(
        "2025-08-15,2025-09-01,2026-08-31,9000,{},5\n",
        "7".repeat(8 << 20)
    ));
    // Line 20 003: 20 cells of 4 000 bytes, each under the cell's cap, the row over its own.
    input.push_str(&vec!["x".repeat(4000); 20].join(","));
    input.push('\n');
    input.push_str(&GOOD_ROW.repeat(20_000));
    fs::write(dir.path().join("in.csv"), &input).unwrap();
    let out = run_limited(
        dir.path(),
        batch_memory_mb(),
        &["batch", "in.csv", "-o", "out.csv"],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("40002 lignes : 40000 chiffrées, 2 en erreur"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("ligne 20002 : invalid (npec) : la cellule fait plus de 4 Kio"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("ligne 20003 : invalid : la ligne fait plus de 64 Kio"),
        "{}",
        out.stderr
    );
    let output = fs::read_to_string(dir.path().join("out.csv")).unwrap();
    assert!(output.len() < 5 << 20, "the long cells are not copied");
    let (header, rows) = read_csv(&output);
    assert_eq!(rows.len(), 40_002);
    let error = header.iter().position(|h| h == "error").unwrap();
    assert!(rows[20_000][..6].iter().all(String::is_empty));
    assert!(rows[20_000][error].starts_with("invalid (npec)"));
    assert_eq!(rows[20_002][3], "9000", "the rows after it are kept");
    assert_eq!(rows[20_002][error], "");
}

#[test]
fn an_endless_line_ends_with_an_error_not_an_abort() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_limited(
        dir.path(),
        batch_memory_mb(),
        &["batch", "/dev/zero", "-o", "out.csv"],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("/dev/zero")
            && out.stderr.contains("ligne 1")
            && out.stderr.contains("l'en-tête fait plus de 4 Kio"),
        "{}",
        out.stderr
    );
    assert!(!dir.path().join("out.csv").exists());
}

#[test]
fn the_output_is_never_the_input_through_a_hard_link_or_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = format!("{SHORT_HEADER}{}", GOOD_ROW.repeat(3));
    fs::write(dir.path().join("in.csv"), &input).unwrap();
    fs::hard_link(dir.path().join("in.csv"), dir.path().join("out.csv")).unwrap();
    let out = run_in(Some(dir.path()), &["batch", "in.csv", "-o", "out.csv"], "");
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("fichier d'entrée"), "{}", out.stderr);
    assert_eq!(
        fs::read_to_string(dir.path().join("in.csv")).unwrap(),
        input
    );
    // `batch - -o in.csv < in.csv`.
    let status = std::process::Command::new(crate::common::BIN)
        .args(["batch", "-", "-o", "in.csv"])
        .current_dir(dir.path())
        .stdin(fs::File::open(dir.path().join("in.csv")).unwrap())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(2));
    assert_eq!(
        fs::read_to_string(dir.path().join("in.csv")).unwrap(),
        input
    );
}

/// The line numbers a run reports on standard error for its refused rows.
fn error_lines(stderr: &str) -> Vec<u64> {
    stderr
        .lines()
        .filter_map(|l| l.strip_prefix("ligne ")?.split(' ').next()?.parse().ok())
        .collect()
}

#[test]
fn line_numbers_count_crlf_lone_cr_and_quoted_line_breaks() {
    let out = run(
        &["batch", "-", "-o", "/dev/null"],
        "signed_on,start,end,price\r\nx,2025-09-01,2027-02-28,9000\r\n",
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(error_lines(&out.stderr), [2], "{}", out.stderr);
    for eol in ["\n", "\r\n", "\r"] {
        let input = [
            "signed_on,start,end,price,level,npec",
            "x,2025-09-01,2027-02-28,9000,5,7000",
            "",
            // A quoted cell over three lines (its line breaks as the file's): refused at line 4.
            &format!("\"x{eol}{eol}\",2025-09-01,2027-02-28,9000,5,7000"),
            "2025-08-15,2025-09-01,2027-02-28,9000,5,7000",
            "y,2025-09-01,2027-02-28,9000,5,7000",
        ]
        .join(eol);
        let out = run(&["batch", "-", "-o", "/dev/null"], &input);
        assert_eq!(
            error_lines(&out.stderr),
            [2, 4, 8],
            "{eol:?}: {}",
            out.stderr
        );
    }
}

#[test]
fn an_unclosed_quote_is_reported_with_the_line_it_opened() {
    let input = format!(
        "{SHORT_HEADER}{GOOD_ROW}\"2025-08-15\n\",2025-09-01,\"2026-08-31,9000,7000,5\n{}",
        GOOD_ROW.repeat(3)
    );
    let out = run(&["batch", "-"], &input);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "ligne 3 : invalid : le guillemet ouvert ligne 4 n'est jamais fermé : la suite du \
             fichier (lignes 4 à 7) a été lue comme une seule cellule"
        ),
        "{}",
        out.stderr
    );
    let (_, rows) = read_csv(&out.stdout);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0][3], "9000");
}
