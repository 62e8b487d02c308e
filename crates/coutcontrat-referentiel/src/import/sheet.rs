//! A sheet read whole by calamine into a grid addressed as the messages count (1-based rows, 0-based columns).

use std::io::Cursor;

use calamine::{Data, Range, Reader, Sheets};
use jiff::civil::Date;

use super::cells::{cell_text, col_letter, date_value};
use crate::error::{Error, ErrorKind, Result};
use crate::xlsx::range_of;

pub(super) type Book<'a> = Sheets<Cursor<&'a [u8]>>;

/// A sheet in memory with 1-based rows and 0-based columns, as the messages count them.
pub(super) struct Grid {
    pub(super) name: String,
    pub(super) range: Range<Data>,
}

pub(super) const EMPTY: Data = Data::Empty;

impl Grid {
    pub(super) fn read(book: &mut Book<'_>, file: &str, name: &str) -> Result<Grid> {
        let unreadable = |e: String| Error::new(ErrorKind::Unreadable, file, e).sheet(name);
        // Cell by cell, so that a stray cell far from the data is refused before the grid is allocated.
        let mut cells = Vec::new();
        let range = match book {
            Sheets::Xlsx(x) => {
                let mut reader = x
                    .worksheet_cells_reader(name)
                    .map_err(|e| unreadable(format!("onglet illisible : {e}")))?;
                while let Some(c) = reader
                    .next_cell()
                    .map_err(|e| unreadable(format!("onglet illisible : {e}")))?
                {
                    let d = Data::from(c.get_value().clone());
                    if d != Data::Empty {
                        cells.push(calamine::Cell::new(c.get_position(), d));
                    }
                }
                range_of(cells).map_err(unreadable)?
            }
            Sheets::Xlsb(x) => {
                let mut reader = x
                    .worksheet_cells_reader(name)
                    .map_err(|e| unreadable(format!("onglet illisible : {e}")))?;
                while let Some(c) = reader
                    .next_cell()
                    .map_err(|e| unreadable(format!("onglet illisible : {e}")))?
                {
                    let d = Data::from(c.get_value().clone());
                    if d != Data::Empty {
                        cells.push(calamine::Cell::new(c.get_position(), d));
                    }
                }
                range_of(cells).map_err(unreadable)?
            }
            _ => book
                .worksheet_range(name)
                .map_err(|e| unreadable(format!("onglet illisible : {e}")))?,
        };
        Ok(Grid {
            name: name.to_owned(),
            range,
        })
    }

    pub(super) fn get(&self, row: u32, col: u32) -> &Data {
        if row == 0 {
            return &EMPTY;
        }
        self.range.get_value((row - 1, col)).unwrap_or(&EMPTY)
    }

    pub(super) fn text(&self, row: u32, col: u32) -> String {
        cell_text(self.get(row, col))
    }

    /// The last row with a cell (1-based; 0 when empty).
    pub(super) fn last_row(&self) -> u32 {
        self.range.end().map_or(0, |(r, _)| r + 1)
    }

    /// One past the last column with a cell.
    pub(super) fn width(&self) -> u32 {
        self.range.end().map_or(0, |(_, c)| c + 1)
    }

    pub(super) fn error(
        &self,
        kind: ErrorKind,
        file: &str,
        row: u32,
        col: u32,
        message: impl Into<String>,
    ) -> Error {
        Error::new(kind, file, message)
            .sheet(&self.name)
            .at(row, col_letter(col))
    }
}

pub(super) fn cell_date(grid: &Grid, file: &str, row: u32, col: u32) -> Result<Option<Date>> {
    date_value(grid.get(row, col))
        .map_err(|msg| grid.error(ErrorKind::InvalidDate, file, row, col, msg))
}
