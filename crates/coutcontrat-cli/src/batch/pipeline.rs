//! One reader, threads quoting chunks of rows, and the chunks written back in input order.

use std::io::BufRead;

use super::records::{Records, Rows};
use super::row::{quote_row, Job, Outcome, Scratch};

/// Rows read and quoted together: the unit of work of the threads.
const CHUNK_ROWS: usize = 2048;

/// The bytes of rows a chunk holds before it is handed over. 2048 rows of a usual file take about 150 KB,
/// so rows end a chunk first; long rows end it here, so that a chunk is bounded in bytes, not only rows.
const CHUNK_BYTES: usize = 256 * 1024;

/// Rows read from the input, in order.
struct Chunk {
    index: u64,
    rows: Rows,
}

/// A chunk once quoted: its output rows as CSV bytes, and each row's outcome with its line.
pub struct Done {
    index: u64,
    /// The output rows.
    pub bytes: Vec<u8>,
    /// Each row's line in the input and fate.
    pub outcomes: Vec<(u64, Outcome)>,
}

/// Quotes the rows of a chunk into CSV bytes.
fn quote_chunk(chunk: &Chunk, job: &Job, row: &mut csv::ByteRecord, scratch: &mut Scratch) -> Done {
    let rows = &chunk.rows;
    let mut out = csv::WriterBuilder::new()
        .delimiter(job.delimiter)
        .from_writer(Vec::with_capacity(rows.len() * 160));
    let mut outcomes = Vec::with_capacity(rows.len());
    for i in 0..rows.len() {
        let record = rows.row(i);
        let outcome = quote_row(record, job, row, scratch);
        // Writing to memory cannot fail.
        let _ = out.write_byte_record(row);
        outcomes.push((record.line, outcome));
    }
    Done {
        index: chunk.index,
        bytes: out.into_inner().unwrap_or_default(),
        outcomes,
    }
}

/// Reads rows into `chunk` up to its bounds; `Ok(false)` once the input has ended.
fn fill<R: BufRead>(records: &mut Records<R>, chunk: &mut Chunk) -> std::io::Result<bool> {
    chunk.rows.clear();
    while chunk.rows.len() < CHUNK_ROWS && chunk.rows.held() < CHUNK_BYTES {
        if !records.next_into(&mut chunk.rows, false)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// One reader, `workers` threads quoting chunks, and `write` called on each chunk in input order (on
/// the calling thread). Memory stays flat: a bounded number of chunks, each bounded in bytes, is in flight.
/// Returns the read error that stopped the input, if any, after every row before it was written.
pub fn pipeline<R: BufRead, E>(
    mut records: Records<R>,
    job: &Job,
    workers: usize,
    mut write: impl FnMut(&mut Done) -> Result<(), E>,
) -> Result<Option<std::io::Error>, E> {
    use std::sync::mpsc::{channel, sync_channel};
    use std::sync::Mutex;
    let (chunk_tx, chunk_rx) = sync_channel::<Chunk>(workers * 2);
    let chunk_rx = Mutex::new(chunk_rx);
    let (done_tx, done_rx) = channel::<(Done, Chunk)>();
    let (free_tx, free_rx) = channel::<Chunk>();
    std::thread::scope(|scope| {
        let mut started = 0;
        for _ in 0..workers {
            let done_tx = done_tx.clone();
            let chunk_rx = &chunk_rx;
            // A thread that cannot start (no memory for its stack) leaves the work to the others.
            let spawned = std::thread::Builder::new().spawn_scoped(scope, move || {
                let mut row = csv::ByteRecord::new();
                let mut scratch = Scratch::default();
                loop {
                    let next = chunk_rx.lock().map(|rx| rx.recv());
                    let Ok(Ok(chunk)) = next else { break };
                    let done = quote_chunk(&chunk, job, &mut row, &mut scratch);
                    if done_tx.send((done, chunk)).is_err() {
                        break;
                    }
                }
            });
            match spawned {
                Ok(_) => started += 1,
                Err(e) if started == 0 => return Ok(Some(e)),
                Err(_) => break,
            }
        }
        let workers = started;
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
                    rows: Rows::default(),
                });
                chunk.index = index;
                match fill(&mut records, &mut chunk) {
                    Ok(more) => reading = more,
                    Err(e) => {
                        read_error = Some(e);
                        reading = false;
                    }
                }
                if chunk.rows.len() > 0 {
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
