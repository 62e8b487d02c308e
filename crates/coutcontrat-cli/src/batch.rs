//! `coutcontrat batch`: one contract per CSV row, the quote's figures appended, streaming.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use coutcontrat::contract::fields::FIELDS;
use coutcontrat::money::{cents, Money};
use coutcontrat::{contract::INPUT_FIELDS, quote::NpecSource, ContractInput, Quote, Quoter};
use rust_decimal::Decimal;

use crate::failure::Failure;
use crate::input::input_from_fields;

/// The columns appended to every row, in this order.
pub const FIGURES: &[&str] = &[
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
    "totals_annexes",
    "participation",
    "warnings",
    "error",
];

/// How many rows to report on standard error before keeping quiet.
const ERRORS_SHOWN: u64 = 10;

/// What `batch` was asked to do.
pub struct Options {
    /// The input file, `-` for standard input.
    pub input: PathBuf,
    /// The output file; standard output when absent or `-`.
    pub output: Option<PathBuf>,
    /// The separator; guessed from the header line when absent.
    pub delimiter: Option<u8>,
    /// Show the progress line even when standard error is not a terminal.
    pub progress: bool,
    /// Rows between two progress lines.
    pub every: u64,
}

/// What a run did.
#[derive(Debug, Default)]
pub struct Summary {
    /// Rows read (blank rows included).
    pub rows: u64,
    /// Rows quoted.
    pub quoted: u64,
    /// Rows refused.
    pub errors: u64,
    /// Rows left blank (every cell empty): copied, neither quoted nor counted as errors.
    pub blank: u64,
}

/// The separator of a header line: the most frequent of `,`, `;` and tab (`,` on a tie).
fn guess_delimiter(first_line: &[u8]) -> u8 {
    let count = |b: u8| first_line.iter().filter(|&&c| c == b).count();
    let (comma, semicolon, tab) = (count(b','), count(b';'), count(b'\t'));
    if semicolon > comma && semicolon >= tab {
        b';'
    } else if tab > comma && tab > semicolon {
        b'\t'
    } else {
        b','
    }
}

fn header_name(raw: &[u8]) -> Result<String, Failure> {
    let text = std::str::from_utf8(raw).map_err(|_| {
        Failure::Usage(
            "l'en-tête du fichier n'est pas en UTF-8 : enregistrez-le en « CSV UTF-8 »".into(),
        )
    })?;
    Ok(text
        .trim_start_matches('\u{feff}')
        .trim()
        .to_ascii_lowercase())
}

/// Maps every column to its field of the JSON interface, or refuses the header (unknown, duplicate or
/// missing columns), listing the known names.
fn columns(headers: &csv::ByteRecord) -> Result<Vec<&'static str>, Failure> {
    let mut fields: Vec<&'static str> = Vec::with_capacity(headers.len());
    let mut unknown = Vec::new();
    for raw in headers.iter() {
        let name = header_name(raw)?;
        match INPUT_FIELDS.iter().find(|f| **f == name) {
            Some(field) if fields.contains(field) => {
                return Err(Failure::Usage(format!(
                    "la colonne « {field} » figure deux fois dans l'en-tête"
                )))
            }
            Some(field) => fields.push(field),
            None => unknown.push(name),
        }
    }
    if !unknown.is_empty() {
        return Err(Failure::Usage(format!(
            "colonne{} inconnue{} : {} ; les colonnes possibles sont : {}",
            if unknown.len() > 1 { "s" } else { "" },
            if unknown.len() > 1 { "s" } else { "" },
            unknown
                .iter()
                .map(|u| format!("« {u} »"))
                .collect::<Vec<_>>()
                .join(", "),
            INPUT_FIELDS.join(", ")
        )));
    }
    // The fields a row cannot do without: a file that lacks one of them is refused before any row.
    let missing: Vec<&str> = FIELDS
        .iter()
        .filter(|f| f.required && !fields.contains(&f.key))
        .map(|f| f.key)
        .collect();
    if !missing.is_empty() {
        return Err(Failure::Usage(format!(
            "colonne{} obligatoire{} absente{} : {}",
            if missing.len() > 1 { "s" } else { "" },
            if missing.len() > 1 { "s" } else { "" },
            if missing.len() > 1 { "s" } else { "" },
            missing.join(", ")
        )));
    }
    Ok(fields)
}

/// Appends the figures of a quoted row to `row`, formatting into `scratch`.
fn push_figures(row: &mut csv::ByteRecord, quote: &Quote, scratch: &mut String) {
    use std::fmt::Write as _;
    let t = &quote.totals;
    let source = match quote.npec.source {
        NpecSource::Table => "table",
        NpecSource::Manual => "manual",
        NpecSource::Amorcage => "amorcage",
    };
    let money = |row: &mut csv::ByteRecord, scratch: &mut String, amount: Money| {
        scratch.clear();
        push_cents(scratch, amount.to_decimal());
        row.push_field(scratch.as_bytes());
    };
    money(row, scratch, quote.npec.annual);
    row.push_field(source.as_bytes());
    row.push_field(
        quote
            .npec
            .table_version
            .as_deref()
            .unwrap_or_default()
            .as_bytes(),
    );
    row.push_field(quote.regime.as_str().as_bytes());
    scratch.clear();
    let _ = write!(scratch, "{}", quote.years.len());
    row.push_field(scratch.as_bytes());
    for amount in [
        t.npec,
        t.price,
        t.opco,
        t.employer,
        t.rqth,
        t.annexes,
        quote.participation,
    ] {
        money(row, scratch, amount);
    }
    scratch.clear();
    for (i, w) in quote.warnings.iter().enumerate() {
        if i > 0 {
            scratch.push(';');
        }
        scratch.push_str(w.code);
    }
    row.push_field(scratch.as_bytes());
    row.push_field(b"");
}

/// An amount rounded to the cent, written `1234.50` (the `Display` of a decimal at two places).
fn push_cents(out: &mut String, amount: Decimal) {
    use std::fmt::Write as _;
    let rounded = cents(amount);
    let mantissa = rounded.mantissa();
    let sign = if rounded.is_sign_negative() && mantissa != 0 {
        "-"
    } else {
        ""
    };
    let abs = mantissa.unsigned_abs();
    let _ = write!(out, "{sign}{}.{:02}", abs / 100, abs % 100);
}

/// The text of the `error` column: code, field, message.
pub fn error_cell(err: &coutcontrat::Error) -> String {
    match err.field() {
        Some(field) => format!("{} ({field}) : {}", err.code(), err.message()),
        None => format!("{} : {}", err.code(), err.message()),
    }
}

/// The row's contract, or why it cannot even be read.
fn row_input(record: &csv::ByteRecord, fields: &[&'static str]) -> Result<ContractInput, String> {
    let mut cells = Vec::with_capacity(fields.len());
    for (raw, field) in record.iter().zip(fields) {
        let text = std::str::from_utf8(raw).map_err(|_| {
            format!("invalid ({field}) : la cellule n'est pas en UTF-8 ; enregistrez le fichier en « CSV UTF-8 »")
        })?;
        if !text.trim().is_empty() {
            cells.push((*field, text));
        }
    }
    input_from_fields(cells).map_err(|e| error_cell(&e))
}

fn open_input(path: &Path) -> Result<Box<dyn Read>, Failure> {
    if path == Path::new("-") {
        return Ok(Box::new(io::stdin().lock()));
    }
    let file = File::open(path).map_err(|e| Failure::io(path.display(), e))?;
    Ok(Box::new(file))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Where [`run_io`] writes what is not the output: progress lines and the first refused rows.
pub struct Messages<'a> {
    /// Where to write them (standard error, for the command).
    pub sink: &'a mut dyn Write,
    /// Show a progress line every `every` rows, and the final count.
    pub progress: bool,
    /// The sink is a terminal: the progress line is rewritten in place.
    pub terminal: bool,
    /// Rows between two progress lines.
    pub every: u64,
}

impl Messages<'_> {
    /// No message at all (tests, fuzzing).
    pub fn quiet(sink: &mut dyn Write) -> Messages<'_> {
        Messages {
            sink,
            progress: false,
            terminal: false,
            every: 0,
        }
    }
}

struct Progress<'a> {
    messages: Messages<'a>,
    /// A progress line is on the terminal, not yet ended by a newline.
    open: bool,
}

impl Progress<'_> {
    /// A progress line every `every` rows; with `last`, the final count unless it was just shown.
    fn tick(&mut self, s: &Summary, last: bool) {
        let m = &mut self.messages;
        let round = m.every != 0 && s.rows % m.every == 0;
        if !m.progress || round == last {
            return;
        }
        let line = format!(
            "{} lignes lues, {} chiffrées, {} en erreur",
            s.rows, s.quoted, s.errors
        );
        let _ = if m.terminal {
            self.open = true;
            write!(m.sink, "\r{line}")
        } else {
            writeln!(m.sink, "{line}")
        };
        let _ = m.sink.flush();
    }

    /// Ends the progress line on the terminal, before another message or at the end.
    fn end_line(&mut self) {
        if std::mem::replace(&mut self.open, false) {
            let _ = writeln!(self.messages.sink);
        }
    }

    /// A message on its own line.
    fn say(&mut self, message: &str) {
        self.end_line();
        let _ = writeln!(self.messages.sink, "{message}");
    }
}

/// Reads the input row by row, quotes each, writes it with its figures; never holds more than one row.
pub fn run(options: &Options, quoter: &Quoter) -> Result<Summary, Failure> {
    if let Some(out) = &options.output {
        if out != Path::new("-") && same_file(&options.input, out) {
            return Err(Failure::Usage(
                "le fichier de sortie est le fichier d'entrée : choisissez un autre nom avec -o"
                    .into(),
            ));
        }
    }
    let input = open_input(&options.input)?;
    let out_name = options
        .output
        .as_ref()
        .map_or_else(|| "sortie standard".to_owned(), |p| p.display().to_string());
    let output = || -> Result<Box<dyn Write>, Failure> {
        Ok(match &options.output {
            Some(path) if path != Path::new("-") => {
                Box::new(File::create(path).map_err(|e| Failure::io(path.display(), e))?)
            }
            _ => Box::new(io::stdout().lock()),
        })
    };
    let terminal = io::stderr().is_terminal();
    let mut stderr = io::stderr().lock();
    let messages = Messages {
        sink: &mut stderr,
        progress: options.progress || terminal,
        terminal,
        every: options.every,
    };
    run_io(
        input,
        &options.input.display().to_string(),
        output,
        &out_name,
        options.delimiter,
        quoter,
        messages,
    )
}

/// The work of `coutcontrat batch` on any reader and writer: the header is checked first, and `output` is
/// called (the output file created) only once it is accepted.
///
/// ```
/// use coutcontrat_cli::batch::{run_io, Messages};
/// let csv = "signed_on,start,end,price,npec,level\n2025-08-15,2025-09-01,2027-02-28,9000,7000,6\n";
/// let quoter = coutcontrat::Quoter::new(coutcontrat_referentiel::embedded());
/// let mut out = Vec::new();
/// let mut log = std::io::sink();
/// let s = run_io(csv.as_bytes(), "in.csv", || Ok(&mut out), "out.csv", None, &quoter,
///     Messages::quiet(&mut log)).unwrap();
/// assert_eq!((s.rows, s.quoted, s.errors), (1, 1, 0));
/// assert!(String::from_utf8(out).unwrap().contains(",750.00,"));
/// ```
pub fn run_io<R: Read, W: Write>(
    input: R,
    input_name: &str,
    output: impl FnOnce() -> Result<W, Failure>,
    output_name: &str,
    delimiter: Option<u8>,
    quoter: &Quoter,
    messages: Messages<'_>,
) -> Result<Summary, Failure> {
    let mut reader = BufReader::with_capacity(64 * 1024, input);
    let delimiter = match delimiter {
        Some(d) => d,
        None => {
            let buf = reader.fill_buf().map_err(|e| Failure::io(input_name, e))?;
            let line = buf.split(|&b| b == b'\n').next().unwrap_or_default();
            guess_delimiter(line)
        }
    };
    let mut csv_in = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(reader);
    let headers = csv_in
        .byte_headers()
        .map_err(|e| Failure::io(input_name, e))?
        .clone();
    if headers.is_empty() {
        return Err(Failure::Usage(format!(
            "{input_name} : fichier vide, sans ligne d'en-tête"
        )));
    }
    let fields = columns(&headers)?;

    let mut out_headers = headers.clone();
    for f in FIGURES {
        out_headers.push_field(f.as_bytes());
    }

    let mut progress = Progress {
        messages,
        open: false,
    };
    let mut summary = Summary::default();
    let mut out = BufWriter::with_capacity(256 * 1024, output()?);
    out.write_all(&csv_bytes(delimiter, |w| {
        w.write_byte_record(&out_headers)
    })?)
    .map_err(|e| Failure::io(output_name, e))?;
    let job = Job {
        width: headers.len(),
        fields: &fields,
        quoter,
        delimiter,
    };
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let read_error = pipeline(csv_in, &job, workers, |done| {
        out.write_all(&done.bytes)
            .map_err(|e| Failure::io(output_name, e))?;
        for (line, outcome) in done.outcomes.drain(..) {
            summary.rows += 1;
            match outcome {
                Outcome::Quoted => summary.quoted += 1,
                Outcome::Blank => summary.blank += 1,
                Outcome::Refused(message) => {
                    summary.errors += 1;
                    if summary.errors <= ERRORS_SHOWN {
                        progress.say(&format!("ligne {line} : {message}"));
                    } else if summary.errors == ERRORS_SHOWN + 1 {
                        progress.say("… (les erreurs suivantes sont dans la colonne « error »)");
                    }
                }
            }
            progress.tick(&summary, false);
        }
        Ok(())
    })?;
    if let Some(e) = read_error {
        return Err(Failure::io(input_name, e));
    }
    out.flush().map_err(|e| Failure::io(output_name, e))?;
    progress.tick(&summary, true);
    progress.end_line();
    Ok(summary)
}

/// Rows read and quoted together: the unit of work of the threads.
const CHUNK_ROWS: usize = 2048;

/// What every row needs, shared by the threads.
struct Job<'q> {
    width: usize,
    fields: &'q [&'static str],
    quoter: &'q Quoter<'q>,
    delimiter: u8,
}

/// A row's fate, with its line in the input.
enum Outcome {
    Quoted,
    Blank,
    Refused(String),
}

/// Rows read from the input, in order.
struct Chunk {
    index: u64,
    records: Vec<csv::ByteRecord>,
    len: usize,
}

/// A chunk once quoted: its output rows as CSV bytes, and each row's outcome.
struct Done {
    index: u64,
    bytes: Vec<u8>,
    outcomes: Vec<(u64, Outcome)>,
}

/// CSV bytes written by `write` with the output's separator.
fn csv_bytes(
    delimiter: u8,
    write: impl FnOnce(&mut csv::Writer<Vec<u8>>) -> csv::Result<()>,
) -> Result<Vec<u8>, Failure> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    fn in_memory(e: impl std::fmt::Display) -> Failure {
        Failure::Usage(format!("écriture CSV en mémoire : {e}"))
    }
    write(&mut w).map_err(in_memory)?;
    w.into_inner().map_err(in_memory)
}

/// One reader, `workers` threads quoting chunks, and `write` called on each chunk in input order (on
/// the calling thread). Memory stays flat: a bounded number of chunks is in flight. Returns the read
/// error that stopped the input, if any, after every row before it was written.
fn pipeline<R: Read>(
    mut csv_in: csv::Reader<R>,
    job: &Job,
    workers: usize,
    mut write: impl FnMut(&mut Done) -> Result<(), Failure>,
) -> Result<Option<csv::Error>, Failure> {
    use std::sync::mpsc::{channel, sync_channel};
    use std::sync::Mutex;
    let (chunk_tx, chunk_rx) = sync_channel::<Chunk>(workers * 2);
    let chunk_rx = Mutex::new(chunk_rx);
    let (done_tx, done_rx) = channel::<(Done, Chunk)>();
    let (free_tx, free_rx) = channel::<Chunk>();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let done_tx = done_tx.clone();
            let chunk_rx = &chunk_rx;
            scope.spawn(move || {
                let mut row = csv::ByteRecord::new();
                let mut scratch = String::new();
                loop {
                    let next = chunk_rx.lock().map(|rx| rx.recv());
                    let Ok(Ok(chunk)) = next else { break };
                    let done = quote_chunk(&chunk, job, &mut row, &mut scratch);
                    if done_tx.send((done, chunk)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        // Reads on the calling thread until the input ends, interleaved with writing what is ready.
        let mut pending = std::collections::BTreeMap::new();
        let mut next_to_write = 0u64;
        let mut read_error = None;
        let mut index = 0u64;
        let mut reading = true;
        let mut chunk_tx = Some(chunk_tx);
        let mut in_flight = 0usize;
        loop {
            if reading && in_flight < workers * 3 {
                let mut chunk = free_rx.try_recv().unwrap_or_else(|_| Chunk {
                    index: 0,
                    records: (0..CHUNK_ROWS).map(|_| csv::ByteRecord::new()).collect(),
                    len: 0,
                });
                chunk.index = index;
                chunk.len = 0;
                while chunk.len < CHUNK_ROWS {
                    match csv_in.read_byte_record(&mut chunk.records[chunk.len]) {
                        Ok(true) => chunk.len += 1,
                        Ok(false) => {
                            reading = false;
                            break;
                        }
                        Err(e) => {
                            read_error = Some(e);
                            reading = false;
                            break;
                        }
                    }
                }
                if chunk.len > 0 {
                    index += 1;
                    in_flight += 1;
                    if let Some(tx) = &chunk_tx {
                        let _ = tx.send(chunk);
                    }
                }
                if !reading {
                    chunk_tx = None; // the workers stop once the queue is empty
                }
                // Keep reading while the workers have room, writing what is already done.
                while let Ok((done, chunk)) = done_rx.try_recv() {
                    pending.insert(done.index, done);
                    let _ = free_tx.send(chunk);
                }
            } else if in_flight > 0 {
                let Ok((done, chunk)) = done_rx.recv() else {
                    break;
                };
                pending.insert(done.index, done);
                let _ = free_tx.send(chunk);
            } else {
                break;
            }
            while let Some(mut done) = pending.remove(&next_to_write) {
                write(&mut done)?;
                next_to_write += 1;
                in_flight -= 1;
            }
        }
        Ok(read_error)
    })
}

/// Quotes the rows of a chunk into CSV bytes.
fn quote_chunk(chunk: &Chunk, job: &Job, row: &mut csv::ByteRecord, scratch: &mut String) -> Done {
    let mut out = csv::WriterBuilder::new()
        .delimiter(job.delimiter)
        .from_writer(Vec::with_capacity(chunk.len * 160));
    let mut outcomes = Vec::with_capacity(chunk.len);
    for record in &chunk.records[..chunk.len] {
        let line = record.position().map_or(0, |p| p.line());
        let outcome = quote_row(record, job, row, scratch);
        // Writing to memory cannot fail.
        let _ = out.write_byte_record(row);
        outcomes.push((line, outcome));
    }
    Done {
        index: chunk.index,
        bytes: out.into_inner().unwrap_or_default(),
        outcomes,
    }
}

/// One input row and its figures (or its error) as the output row.
fn quote_row(
    record: &csv::ByteRecord,
    job: &Job,
    row: &mut csv::ByteRecord,
    scratch: &mut String,
) -> Outcome {
    let width = job.width;
    row.clear();
    for i in 0..width {
        row.push_field(record.get(i).unwrap_or_default());
    }
    let blank = record.iter().all(|c| c.iter().all(u8::is_ascii_whitespace));
    if blank {
        for _ in FIGURES {
            row.push_field(b"");
        }
        return Outcome::Blank;
    }
    let result = if record.len() != width {
        let extra: Vec<String> = record
            .iter()
            .skip(width)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        Err(format!(
            "invalid : la ligne a {} cellules, l'en-tête {} colonnes{}",
            record.len(),
            width,
            if extra.is_empty() {
                String::new()
            } else {
                format!(" (cellules en trop : {})", extra.join(" | "))
            }
        ))
    } else {
        row_input(record, job.fields).and_then(|input| {
            input
                .parse()
                .and_then(|c| job.quoter.quote(&c))
                .map_err(|e| error_cell(&e))
        })
    };
    match result {
        Ok(quote) => {
            push_figures(row, &quote, scratch);
            Outcome::Quoted
        }
        Err(message) => {
            for _ in 1..FIGURES.len() {
                row.push_field(b"");
            }
            row.push_field(message.as_bytes());
            Outcome::Refused(message)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_written_as_the_decimal_displays_them_at_two_places() {
        for text in [
            "0",
            "0.004",
            "0.005",
            "-0.004",
            "-12.345",
            "7000",
            "1234.5",
            "999999999.999",
        ] {
            let amount: Decimal = text.parse().unwrap();
            let mut written = String::new();
            push_cents(&mut written, amount);
            assert_eq!(written, cents(amount).to_string(), "{text}");
        }
    }

    #[test]
    fn the_separator_is_guessed_from_the_header() {
        assert_eq!(guess_delimiter(b"signed_on,start,end,price"), b',');
        assert_eq!(guess_delimiter(b"signed_on;start;end;price"), b';');
        assert_eq!(guess_delimiter(b"signed_on\tstart\tend\tprice"), b'\t');
        assert_eq!(guess_delimiter(b"price"), b',');
    }

    #[test]
    fn the_header_is_checked_before_any_row() {
        let ok = csv::ByteRecord::from(vec![
            "\u{feff}signed_on",
            " Start ",
            "end",
            "price",
            "annexes.meals",
        ]);
        assert_eq!(
            columns(&ok).unwrap(),
            ["signed_on", "start", "end", "price", "annexes.meals"]
        );
        let typo = csv::ByteRecord::from(vec!["signed_on", "start", "end", "pirce"]);
        let message = columns(&typo).unwrap_err().to_string();
        assert!(
            message.contains("pirce") && message.contains("annexes.first_equipment"),
            "{message}"
        );
        let twice = csv::ByteRecord::from(vec!["signed_on", "start", "end", "price", "price"]);
        assert!(columns(&twice)
            .unwrap_err()
            .to_string()
            .contains("deux fois"));
        let missing = csv::ByteRecord::from(vec!["signed_on", "start", "end"]);
        assert!(columns(&missing).unwrap_err().to_string().contains("price"));
    }
}
