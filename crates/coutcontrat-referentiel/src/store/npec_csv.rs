//! `npec.csv` written straight from the compact rows, in the canonical order and bytes of
//! [`crate::format::render_npec_csv`].

use std::io::{self, Write};

use super::{RowStore, NONE};
use crate::checksum::Checksum;
use crate::format::{is_matrix_sheet, NPEC_HEADER};
use crate::trace::trace;

/// The size of the blocks of `npec.csv` handed from the renderer to the writer.
const NPEC_BLOCK: usize = 256 << 10;

impl RowStore {
    /// The rank of each string id in the order of the texts.
    fn ranks(&self) -> Vec<u32> {
        let mut ids: Vec<u32> = (0..self.strings.len() as u32).collect();
        ids.sort_by(|a, b| self.strings.get(*a).cmp(self.strings.get(*b)));
        let mut rank = vec![0u32; ids.len()];
        for (i, id) in ids.into_iter().enumerate() {
            rank[id as usize] = i as u32;
        }
        rank
    }

    /// Row indices in the canonical order of [`crate::format::sort_rows`] (a stable sort: ties keep their order).
    ///
    /// A counting sort by certification cell first (a few thousand cells), then each cell's rows by the rest of
    /// the key: they come mostly in order already, which the stable sort of a small run checks in one pass.
    pub fn canonical_order(&self) -> Vec<u32> {
        let rank = self.ranks();
        let matrix: Vec<bool> = (0..self.strings.len() as u32)
            .map(|id| is_matrix_sheet(self.strings.get(id)))
            .collect();
        let some = |id: u32| if id == NONE { 0 } else { rank[id as usize] + 1 };
        let rest = |i: &u32| {
            let r = &self.rows[*i as usize];
            (
                some(r.diploma_code),
                // `NONE` + 1 wraps to 0: an absent CPNE sorts first, as `None` does.
                r.cpne.wrapping_add(1),
                matrix[r.sheet as usize],
                rank[r.sheet as usize],
                r.line,
            )
        };
        // Ranks are distinct (the texts are): one bucket per certification cell, rows in the order read.
        let mut start = vec![0usize; rank.len() + 1];
        for r in &self.rows {
            start[rank[r.rncp_cell as usize] as usize + 1] += 1;
        }
        for b in 1..start.len() {
            start[b] += start[b - 1];
        }
        let mut next = start.clone();
        let mut order = vec![0u32; self.rows.len()];
        for (i, r) in self.rows.iter().enumerate() {
            let b = &mut next[rank[r.rncp_cell as usize] as usize];
            order[*b] = i as u32;
            *b += 1;
        }
        for w in start.windows(2) {
            if w[1] - w[0] > 1 {
                // Stable: ties keep the order read.
                order[w[0]..w[1]].sort_by_key(rest);
            }
        }
        order
    }

    /// Writes `npec.csv` (canonical order), byte for byte as [`crate::format::render_npec_csv`] would, and
    /// keeps its [`Checksum`] ([`RowStore::written_sum`]).
    pub fn write_npec_csv(&self, out: &mut impl Write) -> io::Result<()> {
        let mut sum = Checksum::default();
        // Rows are rendered into blocks on a helper thread and written here: the copy into the page cache
        // overlaps the sorting and rendering.
        std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<u8>>(4);
            let (give_back, recycled) = std::sync::mpsc::channel::<Vec<u8>>();
            scope.spawn(move || self.render_npec_blocks(&tx, &recycled));
            for block in rx {
                out.write_all(&block)?;
                sum.update(&block);
                let _ = give_back.send(block);
            }
            Ok::<(), io::Error>(())
        })?;
        let _ = self.written.set(sum.finish());
        Ok(())
    }

    /// The byte count and [`Checksum`] of the `npec.csv` written by [`RowStore::write_npec_csv`], if any.
    pub fn written_sum(&self) -> Option<(u64, u64)> {
        self.written.get().copied()
    }

    /// The lines of `npec.csv` in blocks of about [`NPEC_BLOCK`] bytes; stops when the receiver is gone.
    fn render_npec_blocks(
        &self,
        tx: &std::sync::mpsc::SyncSender<Vec<u8>>,
        recycled: &std::sync::mpsc::Receiver<Vec<u8>>,
    ) {
        let mut header = Vec::new();
        for (i, h) in NPEC_HEADER.iter().enumerate() {
            if i > 0 {
                header.push(b',');
            }
            header.extend_from_slice(&csv_field(h));
        }
        header.push(b'\n');
        if tx.send(header).is_err() {
            return;
        }
        let t0 = crate::trace::Started::now();
        let order = self.canonical_order();
        trace("npec.csv sorted", t0);
        let escaped: Vec<Vec<u8>> = (0..self.strings.len() as u32)
            .map(|id| csv_field(self.strings.get(id)))
            .collect();
        let mut rendered: Vec<&[u8]> = vec![b""; self.strings.len()];
        for (id, a) in &self.amounts {
            rendered[*id as usize] = a.rendered.as_bytes();
        }
        let mut num = itoa::Buffer::new();
        let mut line: Vec<u8> = Vec::with_capacity(NPEC_BLOCK + 4096);
        let s = |id: u32| -> &[u8] {
            if id == NONE {
                b""
            } else {
                &escaped[id as usize]
            }
        };
        // The rows of a certification share their first five fields, and mostly their date and sheet: each
        // rendered once per run.
        let mut head_of = None;
        let mut head: Vec<u8> = Vec::new();
        let mut tail_of = None;
        let mut tail: Vec<u8> = Vec::new();
        for i in order {
            let r = &self.rows[i as usize];
            let h = (
                r.rncp_cell,
                r.label,
                r.certifier,
                r.diploma_type,
                r.diploma_code,
            );
            if head_of != Some(h) {
                head_of = Some(h);
                head.clear();
                for id in [h.0, h.1, h.2, h.3, h.4] {
                    head.extend_from_slice(s(id));
                    head.push(b',');
                }
            }
            line.extend_from_slice(&head);
            if r.cpne != NONE {
                line.extend_from_slice(num.format(r.cpne).as_bytes());
            }
            line.push(b',');
            line.extend_from_slice(s(r.cpne_label));
            line.push(b',');
            if let Some(a) = rendered.get(r.amount_raw as usize) {
                line.extend_from_slice(a);
            }
            line.push(b',');
            line.extend_from_slice(s(r.amount_raw));
            line.push(b',');
            line.extend_from_slice(s(r.status));
            line.push(b',');
            if tail_of != Some((r.date, r.sheet)) {
                tail_of = Some((r.date, r.sheet));
                tail.clear();
                if let Some(d) = r.date {
                    tail.extend_from_slice(d.to_string().as_bytes());
                }
                tail.push(b',');
                tail.extend_from_slice(s(r.sheet));
                tail.push(b',');
            }
            line.extend_from_slice(&tail);
            if r.line > 0 {
                line.extend_from_slice(num.format(r.line - 1).as_bytes());
            }
            line.push(b'\n');
            if line.len() >= NPEC_BLOCK {
                let mut next = recycled.try_recv().unwrap_or_default();
                next.clear();
                next.reserve(NPEC_BLOCK + 4096);
                if tx.send(std::mem::replace(&mut line, next)).is_err() {
                    return;
                }
            }
        }
        if !line.is_empty() {
            let _ = tx.send(line);
        }
        trace("npec.csv rendered", t0);
    }
}

/// A CSV field as the `csv` crate writes it (quoted when it holds a comma, a quote, CR or LF).
fn csv_field(s: &str) -> Vec<u8> {
    if !s.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
        return s.as_bytes().to_vec();
    }
    let mut out = Vec::with_capacity(s.len() + 2);
    out.push(b'"');
    for b in s.bytes() {
        if b == b'"' {
            out.push(b'"');
        }
        out.push(b);
    }
    out.push(b'"');
    out
}
