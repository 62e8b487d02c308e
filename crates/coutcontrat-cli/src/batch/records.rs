//! The rows of a batch file, parsed by csv-core into buffers of a fixed size: each row with the line it
//! starts on, and the rows a batch must not hold (a cell or a row over its cap, a quote never closed) marked
//! rather than stored, so that memory stays flat whatever the file holds.

use std::io::{self, BufRead};

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

/// The most bytes a cell may hold. A field's value (a date, an amount, a code) takes under 40 bytes; 4 KiB
/// leaves room for stray spaces, and a longer cell is a paste gone wrong that must not take the memory
/// with it.
pub const MAX_CELL_BYTES: usize = 4 * 1024;

/// The most bytes a row may take in the file, separators and quotes included. A row of every column takes
/// under 1 KiB; the cap bounds a row of many cells, or a file with no line break (`/dev/zero`).
pub const MAX_ROW_BYTES: usize = 64 * 1024;

/// What became of a row as it was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fate {
    /// Read whole: its cells are stored.
    Read,
    /// The cell of this column (from 0) is over [`MAX_CELL_BYTES`]: no cell of the row is stored.
    LongCell(usize),
    /// The row is over [`MAX_ROW_BYTES`]: read to its end and dropped.
    LongRow,
    /// The file ended inside a quoted cell, opened at `quote_line`: the rest of the file, up to
    /// `last_line`, was that cell. Nothing is stored.
    Unclosed {
        /// Where the quote opened.
        quote_line: u64,
        /// The last line of the file.
        last_line: u64,
    },
}

/// A row of [`Rows`]: where it starts in the file and where its cells are.
#[derive(Clone, Copy, Debug)]
struct Meta {
    line: u64,
    fate: Fate,
    /// Its first cell's start in `bytes` and its first end in `ends`.
    start: usize,
    first_end: usize,
    cells: usize,
}

/// Rows read together, their cells laid end to end.
#[derive(Debug, Default)]
pub struct Rows {
    bytes: Vec<u8>,
    ends: Vec<usize>,
    meta: Vec<Meta>,
}

impl Rows {
    /// No row, keeping the buffers.
    pub fn clear(&mut self) {
        self.bytes.clear();
        self.ends.clear();
        self.meta.clear();
    }

    /// How many rows.
    pub fn len(&self) -> usize {
        self.meta.len()
    }

    /// The bytes the rows take (what a chunk of rows is bounded by).
    pub fn held(&self) -> usize {
        self.bytes.len()
            + self.ends.len() * std::mem::size_of::<usize>()
            + self.meta.len() * std::mem::size_of::<Meta>()
    }

    /// The bytes reserved, held or not.
    #[cfg(test)]
    pub fn capacity(&self) -> usize {
        self.bytes.capacity()
            + self.ends.capacity() * std::mem::size_of::<usize>()
            + self.meta.capacity() * std::mem::size_of::<Meta>()
    }

    /// The `i`-th row.
    pub fn row(&self, i: usize) -> Row<'_> {
        let m = self.meta[i];
        Row {
            bytes: &self.bytes,
            ends: &self.ends[m.first_end..m.first_end + m.cells],
            start: m.start,
            line: m.line,
            fate: m.fate,
        }
    }
}

/// One row: its line, its fate, its cells (none unless it was read whole).
#[derive(Clone, Copy, Debug)]
pub struct Row<'a> {
    bytes: &'a [u8],
    ends: &'a [usize],
    start: usize,
    /// The line of the file where the row starts (from 1).
    pub line: u64,
    /// Whether it was read whole.
    pub fate: Fate,
}

impl<'a> Row<'a> {
    /// How many cells.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The `i`-th cell.
    pub fn get(&self, i: usize) -> Option<&'a [u8]> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { self.start } else { self.ends[i - 1] };
        Some(&self.bytes[start..end])
    }

    /// Every cell, in order.
    pub fn iter(&self) -> impl Iterator<Item = &'a [u8]> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

/// Counts line breaks as an editor shows them: `\n`, `\r\n` and a lone `\r` (old Mac files) each end one.
#[derive(Debug, Default, Clone, Copy)]
struct Breaks {
    count: u64,
    /// The last byte seen was `\r`: a `\n` right after it ends the same line.
    after_cr: bool,
    /// The last byte seen ended a line.
    at_break: bool,
}

impl Breaks {
    fn add(&mut self, bytes: &[u8]) {
        let Some(&last) = bytes.last() else { return };
        let lf = bytes.iter().filter(|&&b| b == b'\n').count() as u64;
        let cr = bytes.iter().filter(|&&b| b == b'\r').count() as u64;
        let crlf = if cr == 0 {
            0
        } else {
            bytes.windows(2).filter(|w| w == b"\r\n").count() as u64
        } + u64::from(self.after_cr && bytes[0] == b'\n');
        self.count += lf + cr - crlf;
        self.after_cr = last == b'\r';
        self.at_break = last == b'\n' || last == b'\r';
    }
}

/// The rows of a CSV input, one at a time, in buffers of fixed size.
pub struct Records<R> {
    input: R,
    parser: Reader,
    /// Line breaks consumed so far: the line of the next byte is one more.
    breaks: Breaks,
    /// The current row's cells and their ends, as csv-core writes them.
    out: Box<[u8]>,
    ends: Box<[usize]>,
}

impl<R: BufRead> Records<R> {
    /// Rows separated by `delimiter`, quoted with `"` (`""` inside), ended by `\n`, `\r\n` or `\r`.
    pub fn new(input: R, delimiter: u8) -> Records<R> {
        Records {
            input,
            parser: ReaderBuilder::new().delimiter(delimiter).build(),
            breaks: Breaks::default(),
            // Room for one byte more than a row may hold: filling it is how a row is found too long.
            out: vec![0; MAX_ROW_BYTES + 1].into_boxed_slice(),
            // A row of n bytes has at most n + 1 cells, and a row is cut at MAX_ROW_BYTES + 1.
            ends: vec![0; MAX_ROW_BYTES + 2].into_boxed_slice(),
        }
    }

    /// Reads the next row into `rows`; `false` at the end of the input. A row over [`MAX_ROW_BYTES`] is read
    /// to its end, unless `cut_long`: then it stops there (a header line need not be read to its end).
    pub fn next_into(&mut self, rows: &mut Rows, cut_long: bool) -> io::Result<bool> {
        // The line breaks before a row: csv-core skips them too; counted here so that a row's line is the
        // line of its first byte (after `\r\n`, csv-core stops on the `\r`, and the `\n` would be counted in
        // the next row).
        loop {
            let buf = self.input.fill_buf()?;
            if buf.is_empty() {
                return Ok(false);
            }
            let n = buf
                .iter()
                .position(|&b| b != b'\n' && b != b'\r')
                .unwrap_or(buf.len());
            let rest = buf.len() - n;
            self.breaks.add(&buf[..n]);
            self.input.consume(n);
            if rest > 0 {
                break;
            }
        }
        let line = self.breaks.count + 1;
        let mut read = 0; // bytes of the file in this row
        let (mut nout, mut nend) = (0, 0);
        // Over MAX_ROW_BYTES: the row is parsed on to its end, its cells written over each other, and only
        // the line breaks of its last cell counted (for an unclosed quote).
        let mut long = false;
        let mut long_cell = None; // when long, the cell over MAX_CELL_BYTES it overflowed in
        let mut written = 0; // the row's cell bytes so far, when long
        let mut open_breaks = Breaks::default(); // line breaks in the last cell, when long
        let mut unclosed = false; // the input ended inside a quoted cell
        loop {
            let buf = self.input.fill_buf()?;
            let ended = buf.is_empty();
            let ends = if long {
                &mut self.ends[..]
            } else {
                &mut self.ends[nend..]
            };
            let (result, nin, o, e) = if ended && !unclosed {
                // The input ends inside the row: a line break ends it too, unless a quote is open (the
                // break would be part of the cell). csv-core cannot say otherwise (its `Clone` loses the
                // state), so the break is fed to it, in place of the end.
                let (result, _, _, e) = self.parser.read_record(b"\n", &mut [0; 1], ends);
                if result == ReadRecordResult::InputEmpty {
                    unclosed = true;
                    continue;
                }
                (result, 0, 0, e)
            } else {
                let input = if long {
                    buf
                } else {
                    // Never empty unless the input ended: `read` is at most MAX_ROW_BYTES here.
                    &buf[..buf.len().min(MAX_ROW_BYTES + 1 - read)]
                };
                let out = if long {
                    &mut self.out[..]
                } else {
                    &mut self.out[nout..]
                };
                let (result, nin, o, e) = self.parser.read_record(input, out, ends);
                self.breaks.add(&input[..nin]);
                self.input.consume(nin);
                (result, nin, o, e)
            };
            read += nin;
            if long && !ended {
                match e {
                    0 => open_breaks.add(&self.out[..o]),
                    _ => {
                        open_breaks = Breaks::default();
                        open_breaks.add(&self.out[self.ends[e - 1] - written..o]);
                    }
                }
                written += o;
            } else if !long {
                nout += o;
                nend += e;
            }
            match result {
                ReadRecordResult::Record => {
                    let fate = if unclosed {
                        if !long {
                            let last_end = if nend > 1 { self.ends[nend - 2] } else { 0 };
                            open_breaks.add(&self.out[last_end..nout]);
                        }
                        let last_line = self.breaks.count + u64::from(!self.breaks.at_break);
                        Fate::Unclosed {
                            quote_line: self.breaks.count + 1 - open_breaks.count,
                            last_line,
                        }
                    } else if long {
                        long_cell.map_or(Fate::LongRow, Fate::LongCell)
                    } else {
                        let mut start = 0;
                        let mut fate = Fate::Read;
                        for (i, &end) in self.ends[..nend].iter().enumerate() {
                            if end - start > MAX_CELL_BYTES {
                                fate = Fate::LongCell(i);
                                break;
                            }
                            start = end;
                        }
                        fate
                    };
                    rows.push(line, fate, &self.out[..nout], &self.ends[..nend]);
                    return Ok(true);
                }
                ReadRecordResult::End => return Ok(false),
                _ if long => {}
                _ if read > MAX_ROW_BYTES || nout == self.out.len() || nend == self.ends.len() => {
                    long = true;
                    let last_end = if nend > 0 { self.ends[nend - 1] } else { 0 };
                    open_breaks.add(&self.out[last_end..nout]);
                    written = nout;
                    // The row overflows within one cell too long by itself: that cell is what to fix.
                    long_cell = (nout - last_end > MAX_CELL_BYTES).then_some(nend);
                    if cut_long {
                        let fate = long_cell.map_or(Fate::LongRow, Fate::LongCell);
                        rows.push(line, fate, &[], &[]);
                        return Ok(true);
                    }
                }
                _ => {}
            }
        }
    }
}

impl Rows {
    fn push(&mut self, line: u64, fate: Fate, out: &[u8], ends: &[usize]) {
        let start = self.bytes.len();
        let first_end = self.ends.len();
        let cells = if fate == Fate::Read {
            self.bytes.extend_from_slice(out);
            self.ends.extend(ends.iter().map(|e| start + e));
            ends.len()
        } else {
            0
        };
        self.meta.push(Meta {
            line,
            fate,
            start,
            first_end,
            cells,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &[u8]) -> Vec<(u64, Fate, Vec<String>)> {
        let mut records = Records::new(io::BufReader::with_capacity(16, text), b',');
        let mut rows = Rows::default();
        while records.next_into(&mut rows, false).unwrap() {}
        (0..rows.len())
            .map(|i| {
                let r = rows.row(i);
                let cells = r
                    .iter()
                    .map(|c| String::from_utf8_lossy(c).into_owned())
                    .collect();
                (r.line, r.fate, cells)
            })
            .collect()
    }

    #[test]
    fn rows_keep_their_cells_and_the_line_they_start_on() {
        let rows = read_all(b"a,b\r\n\r\n\"x\r\ny\",\"q\"\"\"\rlast,\n");
        assert_eq!(
            rows,
            [
                (1, Fate::Read, vec!["a".into(), "b".into()]),
                (3, Fate::Read, vec!["x\r\ny".into(), "q\"".into()]),
                (5, Fate::Read, vec!["last".into(), "".into()]),
            ]
        );
    }

    #[test]
    fn an_unclosed_quote_names_its_line_and_the_last() {
        let rows = read_all(b"a,b\n\"c\nd\",\"e\nf\ng\n");
        assert_eq!(
            rows[1].1,
            Fate::Unclosed {
                quote_line: 3,
                last_line: 5
            }
        );
        let long = format!("a,b\nc,\"{}\nend", "x\n".repeat(MAX_ROW_BYTES));
        let rows = read_all(long.as_bytes());
        assert_eq!(
            rows[1].1,
            Fate::Unclosed {
                quote_line: 2,
                last_line: MAX_ROW_BYTES as u64 + 3
            }
        );
        // Closed at the very end: no error.
        assert_eq!(read_all(b"a,\"b\nc\"")[0].1, Fate::Read);
    }

    #[test]
    fn long_cells_and_rows_are_marked_and_not_held() {
        let mut text = String::from("a,b\n");
        text.push_str(&format!("{},b\n", "x".repeat(MAX_CELL_BYTES + 1)));
        text.push_str(&format!("{},b\n", "x".repeat(MAX_CELL_BYTES)));
        text.push_str(&format!("a,{}\n", "z".repeat(2 * MAX_ROW_BYTES)));
        text.push_str(&",".repeat(MAX_ROW_BYTES + 1));
        text.push_str("\n\"");
        text.push_str(&"y".repeat(10 * MAX_ROW_BYTES));
        text.push_str("\"\nc,d\n");
        let mut records = Records::new(io::BufReader::new(text.as_bytes()), b',');
        let mut fates = Vec::new();
        let mut most = 0;
        let mut rows = Rows::default();
        while records.next_into(&mut rows, false).unwrap() {
            fates.push((rows.row(0).line, rows.row(0).fate));
            most = most.max(rows.capacity());
            rows.clear();
        }
        assert_eq!(
            fates,
            [
                (1, Fate::Read),
                (2, Fate::LongCell(0)),
                (3, Fate::Read),
                (4, Fate::LongCell(1)),
                (5, Fate::LongRow),
                (6, Fate::LongCell(0)),
                (7, Fate::Read),
            ]
        );
        // A row held is at most a row under the caps.
        assert!(most < 2 * MAX_CELL_BYTES, "{most}");
    }
}
