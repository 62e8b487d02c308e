//! `coutcontrat batch`: one contract per CSV row, the quote's figures appended, streaming.
//!
//! `records` reads the rows into bounded buffers, `pipeline` quotes them on several threads, `row` makes
//! each output row and `safe` keeps its cells from opening as formulas.

mod pipeline;
mod records;
mod row;
mod safe;

use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use coutcontrat::contract::fields::FIELDS;
use coutcontrat::{contract::INPUT_FIELDS, Quoter};

use crate::failure::Failure;
use records::{Fate, Records, Rows};

pub use records::{MAX_CELL_BYTES, MAX_ROW_BYTES};
pub use row::error_cell;

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
    "totals_overseas_modulation",
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
pub(crate) fn guess_delimiter(first_line: &[u8]) -> u8 {
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
pub(crate) fn columns(headers: &csv::ByteRecord) -> Result<Vec<&'static str>, Failure> {
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

/// The input, and what it is on the disk (to tell whether the output would overwrite it).
fn open_input(path: &Path) -> Result<(Box<dyn Read>, Option<fs::Metadata>), Failure> {
    if path == Path::new("-") {
        return Ok((Box::new(io::stdin().lock()), stdin_metadata()));
    }
    let file = File::open(path).map_err(|e| Failure::io(path.display(), e))?;
    let metadata = file.metadata().ok();
    Ok((Box::new(file), metadata))
}

#[cfg(unix)]
fn stdin_metadata() -> Option<fs::Metadata> {
    use std::os::fd::AsFd;
    let fd = io::stdin().as_fd().try_clone_to_owned().ok()?;
    File::from(fd).metadata().ok()
}

#[cfg(not(unix))]
fn stdin_metadata() -> Option<fs::Metadata> {
    None
}

/// Whether creating `output` would truncate the input: the same regular file by any name (the same path,
/// a symbolic link, a hard link), or standard input redirected from it. Compared by device and inode, which
/// a hard link shares; a terminal or `/dev/null` on both sides is no file to protect.
fn overwrites_input(input: &Path, metadata: Option<&fs::Metadata>, output: &Path) -> bool {
    let Ok(out) = fs::metadata(output) else {
        return false;
    };
    if !out.is_file() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = input;
        metadata.is_some_and(|m| m.dev() == out.dev() && m.ino() == out.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = metadata;
        match (input.canonicalize(), output.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
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
    let (input, metadata) = open_input(&options.input)?;
    if let Some(out) = &options.output {
        if out != Path::new("-") && overwrites_input(&options.input, metadata.as_ref(), out) {
            return Err(Failure::Usage(
                "le fichier de sortie est le fichier d'entrée : choisissez un autre nom avec -o"
                    .into(),
            ));
        }
    }
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
    let mut records = Records::new(reader, delimiter);
    let headers = header(&mut records, input_name)?;
    let fields = columns(&headers)?;

    let mut out_headers = csv::ByteRecord::new();
    let mut guarded = Vec::new();
    for name in &headers {
        safe::push_cell(&mut out_headers, name, &mut guarded);
    }
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
    let job = row::Job {
        width: headers.len(),
        fields: &fields,
        quoter,
        delimiter,
    };
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let read_error = pipeline::pipeline(records, &job, workers, |done| {
        out.write_all(&done.bytes)
            .map_err(|e| Failure::io(output_name, e))?;
        for (line, outcome) in done.outcomes.drain(..) {
            summary.rows += 1;
            match outcome {
                row::Outcome::Quoted => summary.quoted += 1,
                row::Outcome::Blank => summary.blank += 1,
                row::Outcome::Refused(message) => {
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
        Ok::<(), Failure>(())
    })?;
    if let Some(e) = read_error {
        return Err(Failure::io(input_name, e));
    }
    out.flush().map_err(|e| Failure::io(output_name, e))?;
    progress.tick(&summary, true);
    progress.end_line();
    Ok(summary)
}

/// The header line, or why the file has none a batch can use.
fn header<R: BufRead>(
    records: &mut Records<R>,
    input_name: &str,
) -> Result<csv::ByteRecord, Failure> {
    let mut first = Rows::default();
    let found = records
        .next_into(&mut first, true)
        .map_err(|e| Failure::io(input_name, e))?;
    if !found {
        return Err(Failure::Usage(format!(
            "{input_name} : fichier vide, sans ligne d'en-tête"
        )));
    }
    let head = first.row(0);
    let not_csv = "ce n'est pas un fichier CSV de contrats (une ligne par contrat, les colonnes de `coutcontrat \
                   batch --help`)";
    let problem = match head.fate {
        Fate::Read => return Ok(head.iter().collect()),
        Fate::LongCell(i) => format!(
            "la colonne {} de l'en-tête fait plus de {} Kio",
            i + 1,
            MAX_CELL_BYTES / 1024
        ),
        Fate::LongRow => format!(
            "l'en-tête dépasse {} Kio sans finir sa ligne",
            MAX_ROW_BYTES / 1024
        ),
        Fate::Unclosed { quote_line, .. } => {
            format!("le guillemet ouvert ligne {quote_line} n'est jamais fermé")
        }
    };
    Err(Failure::Usage(format!(
        "{input_name}, ligne {} : {problem} : {not_csv}",
        head.line
    )))
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

#[cfg(test)]
mod tests {
    use super::*;

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
