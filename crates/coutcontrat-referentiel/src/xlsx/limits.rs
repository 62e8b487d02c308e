//! The sizes a workbook may not exceed, and the reading that enforces them as it inflates: a limit is checked
//! on the bytes actually inflated, never on the size a zip declares (a zip can lie).

use std::cell::Cell;
use std::io::Read;

/// The largest workbook file read (or workbook inflated from a `.zip`): the official file is under 1 MB, the
/// full-size synthetic référentiel 25.6 MB.
pub const MAX_WORKBOOK_BYTES: u64 = 256 << 20;

/// The largest part read whole (relations, workbook, shared strings; with calamine, every part it reads): the
/// official sheets inflate to about 30 MB, the shared strings of the full-size synthetic référentiel to 0.3 MB.
pub const MAX_PART_BYTES: u64 = 256 << 20;

/// The largest sheet streamed row by row: the long sheet of the full-size synthetic référentiel is 283 MB of
/// XML (141 MB of memory once read), the official one 30 MB; the texts a sheet holds are kept, so this bounds
/// the memory too.
pub const MAX_SHEET_BYTES: u64 = 1 << 30;

/// The most bytes the parts of one workbook may inflate to in all, for the calamine reader, which is handed
/// the whole package: the full-size synthetic référentiel inflates to 0.3 GB.
pub const MAX_PACKAGE_BYTES: u64 = 1 << 30;

/// The largest row of a sheet (its XML): the official rows take under 2 KB; a row is held whole while parsed.
pub const MAX_ROW_BYTES: usize = 16 << 20;

/// The limits a reading applies (the constants above; smaller in tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[doc(hidden)]
pub struct Limits {
    /// [`MAX_WORKBOOK_BYTES`].
    pub workbook: u64,
    /// [`MAX_PART_BYTES`].
    pub part: u64,
    /// [`MAX_SHEET_BYTES`].
    pub sheet: u64,
    /// [`MAX_PACKAGE_BYTES`].
    pub package: u64,
    /// [`MAX_ROW_BYTES`].
    pub row: usize,
}

impl Limits {
    /// The limits of every import.
    pub const DEFAULT: Limits = Limits {
        workbook: MAX_WORKBOOK_BYTES,
        part: MAX_PART_BYTES,
        sheet: MAX_SHEET_BYTES,
        package: MAX_PACKAGE_BYTES,
        row: MAX_ROW_BYTES,
    };
}

impl Default for Limits {
    fn default() -> Limits {
        Limits::DEFAULT
    }
}

thread_local! {
    /// Bytes inflated on this thread by [`Counted`] readers: what tests assert to bound a reading.
    static INFLATED: Cell<u64> = const { Cell::new(0) };
}

/// The bytes inflated on this thread so far (tests compare two readings of it).
#[doc(hidden)]
pub fn inflated_on_this_thread() -> u64 {
    INFLATED.with(Cell::get)
}

/// A reader that counts what it yields into [`inflated_on_this_thread`].
pub(crate) struct Counted<R>(pub R);

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.0.read(buf)?;
        INFLATED.with(|c| c.set(c.get() + n as u64));
        Ok(n)
    }
}

/// Reads `reader` to its end if it yields at most `cap` bytes; else `Err(None)` after `cap + 1` bytes at most
/// (`Err(Some(e))` for a reading error).
pub(crate) fn read_capped(
    reader: impl Read,
    cap: u64,
    reserve: u64,
) -> Result<Vec<u8>, Option<std::io::Error>> {
    // A declared size is only a hint: never more than the cap is reserved on its word.
    let mut out = Vec::with_capacity(reserve.min(cap).min(64 << 20) as usize);
    Counted(reader)
        .take(cap.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(Some)?;
    if out.len() as u64 > cap {
        return Err(None);
    }
    Ok(out)
}

/// Drains `reader` without keeping it: its size if at most `cap` bytes, else `Err(None)` after `cap + 1`.
pub(crate) fn size_capped(reader: impl Read, cap: u64) -> Result<u64, Option<std::io::Error>> {
    let n = std::io::copy(
        &mut Counted(reader).take(cap.saturating_add(1)),
        &mut std::io::sink(),
    )
    .map_err(Some)?;
    if n > cap {
        return Err(None);
    }
    Ok(n)
}

/// « 300 Mo » for a size in bytes (rounded up, so that a size just above a limit never reads as the limit).
pub(crate) fn megabytes(bytes: u64) -> String {
    let mb = bytes.div_ceil(1 << 20);
    format!("{mb} Mo")
}
