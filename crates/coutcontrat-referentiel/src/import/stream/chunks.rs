//! « Onglet 3 » of the current layout read in chunks of whole rows: inflated on one thread and parsed on two
//! where there are threads, or each chunk parsed as it is inflated where there are none (the browser's
//! importer, WebAssembly); the rows are then put back in order, the same in both.

use super::{convert_long, LongLayout, SResult, Stop, Texts, CHUNK};
use crate::error::Error;
use crate::import::long::{Match, RowNotes};
use crate::import::progress::{report, Progress};
use crate::store::{CRow, RowStore};
use crate::xlsx::{Package, SheetRows};

/// The rows of a chunk, and those of them worth a warning.
type ChunkRows = (Vec<CRow>, RowNotes);

/// What one parser made of its chunks: its store, and per chunk its rows (ids of that store) and their notes;
/// or the first problem of a chunk.
struct Parsed {
    store: RowStore,
    chunks: Vec<(usize, SResult<ChunkRows>)>,
}

/// « Onglet 3 » of the current layout: the calamine path's `read_long` for this layout.
pub(super) fn read_long(
    file: &str,
    sheet: &str,
    m: &Match,
    pkg: &Package<'_>,
    sst: &[String],
    in_line: bool,
) -> SResult<(RowStore, RowNotes)> {
    let layout = LongLayout::new(m)?;
    let parsed = if in_line {
        parse_in_line(file, sheet, &layout, pkg, sst)?
    } else {
        parse_on_threads(file, sheet, &layout, pkg, sst)?
    };
    in_order(sheet, parsed)
}

/// A parser's work on one chunk.
struct ChunkParser<'a> {
    file: &'a str,
    sheet: &'a str,
    layout: &'a LongLayout,
    row_limit: usize,
    store: RowStore,
    texts: Texts<'a>,
    sheet_id: u32,
    chunks: Vec<(usize, SResult<ChunkRows>)>,
}

impl<'a> ChunkParser<'a> {
    fn new(
        file: &'a str,
        sheet: &'a str,
        layout: &'a LongLayout,
        pkg: &Package<'_>,
        sst: &'a [String],
    ) -> Self {
        let mut store = RowStore::default();
        let texts = Texts::new(sst, &mut store);
        let sheet_id = store.strings.intern(sheet);
        ChunkParser {
            file,
            sheet,
            layout,
            row_limit: pkg.limits.row,
            store,
            texts,
            sheet_id,
            chunks: Vec::new(),
        }
    }

    /// Parses a chunk; returns its buffer (for the inflater to reuse) and whether the rows are fine so far.
    fn parse(&mut self, index: usize, bytes: Vec<u8>) -> (Vec<u8>, bool) {
        let mut out = Vec::with_capacity(bytes.len() / 300);
        let mut rows = SheetRows::rows_in(bytes, index == 0).max_row(self.row_limit);
        let mut notes = RowNotes::default();
        let result = convert_long(
            self.file,
            self.sheet,
            self.layout,
            &mut rows,
            &mut self.store,
            &mut self.texts,
            self.sheet_id,
            &mut out,
            &mut notes,
        )
        .map(|()| (out, notes));
        let fine = result.is_ok();
        self.chunks.push((index, result));
        (rows.into_buffer(), fine)
    }

    fn rows(&self) -> usize {
        self.chunks
            .iter()
            .map(|(_, r)| r.as_ref().map_or(0, |(rows, _)| rows.len()))
            .sum()
    }

    fn done(self) -> Parsed {
        Parsed {
            store: self.store,
            chunks: self.chunks,
        }
    }
}

/// One thread inflates the sheet into chunks, two parse them.
fn parse_on_threads(
    file: &str,
    sheet: &str,
    layout: &LongLayout,
    pkg: &Package<'_>,
    sst: &[String],
) -> SResult<Vec<Parsed>> {
    let (tx, rx) = std::sync::mpsc::sync_channel::<(usize, Vec<u8>)>(3);
    // Parsed buffers go back to the inflater: no fresh pages to fault in for every chunk.
    let (give_back, recycled) = std::sync::mpsc::channel::<Vec<u8>>();
    let rx = std::sync::Mutex::new(Some(rx));
    let rx = &rx;
    let (inflated, parsed) = std::thread::scope(|scope| {
        let inflater = scope.spawn(move || {
            pkg.inflate_rows_into(
                sheet,
                move |i, c, _| tx.send((i, c)).is_ok(),
                CHUNK,
                &recycled,
            )
        });
        let worker = |give_back: std::sync::mpsc::Sender<Vec<u8>>| {
            let mut parser = ChunkParser::new(file, sheet, layout, pkg, sst);
            loop {
                let job = rx
                    .lock()
                    .ok()
                    .and_then(|rx| rx.as_ref().and_then(|rx| rx.recv().ok()));
                let Some((index, bytes)) = job else {
                    break;
                };
                let (buffer, fine) = parser.parse(index, bytes);
                let _ = give_back.send(buffer);
                if !fine {
                    break;
                }
            }
            parser.done()
        };
        let other = give_back.clone();
        let helper = scope.spawn(move || worker(other));
        let mine = worker(give_back);
        let theirs = helper.join();
        // Stop the inflater if both parsers stopped early.
        if let Ok(mut rx) = rx.lock() {
            rx.take();
        }
        (inflater.join(), [Ok(mine), theirs])
    });
    inflated.unwrap_or_else(|p| std::panic::resume_unwind(p))?;
    Ok(parsed
        .into_iter()
        .map(|p| p.unwrap_or_else(|p| std::panic::resume_unwind(p)))
        .collect())
}

/// Each chunk parsed as soon as it is inflated, on this thread; the progress reported after each.
fn parse_in_line(
    file: &str,
    sheet: &str,
    layout: &LongLayout,
    pkg: &Package<'_>,
    sst: &[String],
) -> SResult<Vec<Parsed>> {
    let (give_back, recycled) = std::sync::mpsc::channel::<Vec<u8>>();
    let mut parser = ChunkParser::new(file, sheet, layout, pkg, sst);
    pkg.inflate_rows_into(
        sheet,
        |index, bytes, (inflated, declared)| {
            let (buffer, fine) = parser.parse(index, bytes);
            let _ = give_back.send(buffer);
            report(Progress {
                rows: parser.rows() as u64,
                inflated,
                declared,
            });
            fine
        },
        CHUNK,
        &recycled,
    )?;
    Ok(vec![parser.done()])
}

/// The rows of every parser in the order of the sheet, or the first problem in that order (a damaged sheet
/// anywhere goes to calamine).
fn in_order(sheet: &str, mut parsed: Vec<Parsed>) -> SResult<(RowStore, RowNotes)> {
    let mut first_error: Option<(usize, Error)> = None;
    for p in &mut parsed {
        for (index, result) in &mut p.chunks {
            match result {
                Err(Stop::Fallback) => return Err(Stop::Fallback),
                Err(Stop::TooLarge(why)) => {
                    return Err(super::in_sheet(sheet, Stop::TooLarge(why.clone())))
                }
                Err(Stop::Error(e)) => {
                    if first_error.as_ref().is_none_or(|(i, _)| *index < *i) {
                        first_error = Some((*index, e.clone()));
                    }
                }
                Ok(_) => {}
            }
        }
    }
    if let Some((_, e)) = first_error {
        return Err(Stop::Error(e));
    }
    let mut parts = parsed.into_iter();
    let Parsed {
        store: mut main,
        chunks: main_chunks,
    } = parts.next().ok_or(Stop::Fallback)?;
    let mut all: Vec<(usize, Vec<CRow>, RowNotes)> = Vec::new();
    for (index, result) in main_chunks {
        if let Ok((rows, n)) = result {
            all.push((index, rows, n));
        }
    }
    for other in parts {
        let remap = main.absorb(&other.store);
        for (index, result) in other.chunks {
            if let Ok((rows, n)) = result {
                let rows = rows.iter().map(|r| RowStore::remapped(r, &remap)).collect();
                all.push((index, rows, n));
            }
        }
    }
    all.sort_by_key(|c| c.0);
    main.rows
        .reserve(all.iter().map(|c| c.1.len()).sum::<usize>());
    let mut notes = RowNotes::default();
    for (_, rows, n) in all {
        main.rows.extend(rows);
        notes.merge(n);
    }
    Ok((main, notes))
}
