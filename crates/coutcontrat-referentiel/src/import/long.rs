//! The long sheets (one row per certification × CPNE, every layout): finding the header row, reading the rows.

use std::collections::{BTreeSet, HashSet};

use calamine::Data;
use coutcontrat::referentiel::{split_rncp_cell, CpneIdcc, NpecRow, RowOrigin};
use coutcontrat::text::quoted;
use jiff::civil::Date;

use super::cells::{
    cell_code, cell_text, col_letter, is_code_text, norm_header, not_a_code, parse_idcc_list,
    procedure_date, NO_CPNE,
};
use super::layouts::{Field, LongSpec};
use super::sheet::{cell_date, Grid};
use crate::error::{Error, ErrorKind, Result};
use crate::format::parse_cell_amount;

/// Where each field of a spec sits in a header row.
pub(super) struct Match {
    pub(super) row: u32,
    pub(super) cols: Vec<(Field, Option<u32>)>,
    pub(super) required_found: usize,
    pub(super) found: usize,
}

pub(super) fn match_header(grid: &Grid, spec: &LongSpec, row: u32) -> Match {
    let headers: Vec<String> = (0..grid.width().max(spec.cols.len() as u32))
        .map(|c| norm_header(&grid.text(row, c)))
        .collect();
    let mut used = HashSet::new();
    let mut cols = Vec::new();
    let (mut required_found, mut found) = (0, 0);
    for (i, c) in spec.cols.iter().enumerate() {
        let at = |j: usize| {
            headers
                .get(j)
                .is_some_and(|h| c.names.contains(&h.as_str()))
        };
        // The expected position first; else anywhere in the row (a column inserted or moved).
        let pos = if at(i) && !used.contains(&i) {
            Some(i)
        } else {
            (0..headers.len()).find(|&j| at(j) && !used.contains(&j))
        };
        if let Some(p) = pos {
            used.insert(p);
            found += 1;
            if c.required {
                required_found += 1;
            }
        }
        cols.push((c.field, pos.map(|p| p as u32)));
    }
    Match {
        row,
        cols,
        required_found,
        found,
    }
}

pub(super) fn best_header(grid: &Grid, spec: &LongSpec) -> Match {
    let mut best: Option<Match> = None;
    for row in 1..=8.min(grid.last_row().max(1)) {
        let m = match_header(grid, spec, row);
        let better = match &best {
            None => true,
            Some(b) => {
                (m.required_found, m.found, m.row == spec.header_row)
                    > (b.required_found, b.found, b.row == spec.header_row)
            }
        };
        if better {
            best = Some(m);
        }
    }
    best.unwrap_or(Match {
        row: spec.header_row,
        cols: Vec::new(),
        required_found: 0,
        found: 0,
    })
}

pub(super) fn required(spec: &LongSpec) -> usize {
    spec.cols.iter().filter(|c| c.required).count()
}

pub(super) fn renamed_header_error(grid: &Grid, file: &str, spec: &LongSpec, m: &Match) -> Error {
    let row = if m.found == 0 { spec.header_row } else { m.row };
    let (i, missing) = spec
        .cols
        .iter()
        .enumerate()
        .find(|(i, c)| c.required && m.cols.get(*i).is_none_or(|(_, p)| p.is_none()))
        .unwrap_or((0, &spec.cols[0]));
    let found = grid.text(row, i as u32);
    let found = if found.is_empty() {
        "une cellule vide".to_owned()
    } else {
        format!("« {} »", quoted(&found))
    };
    grid.error(
        ErrorKind::RenamedHeader,
        file,
        row,
        i as u32,
        format!(
            "en-tête {found} où la mise en page {} attend « {} » : rétablissez l'intitulé officiel de la colonne \
             (ou importez le fichier tel que publié par France compétences)",
            spec.layout.describe(),
            missing.shown
        ),
    )
}

/// Rows of one kind worth a warning: how many, and the first one's place (sheet, row, column).
#[derive(Debug, Clone, Default)]
pub(super) struct Tally {
    pub(super) count: usize,
    pub(super) first: Option<(String, u32, u32)>,
}

impl Tally {
    pub(super) fn add(&mut self, sheet: &str, row: u32, col: u32) {
        self.count += 1;
        if self.first.is_none() {
            self.first = Some((sheet.to_owned(), row, col));
        }
    }

    /// The rows of a later part of the sheet.
    pub(super) fn merge(&mut self, later: Tally) {
        self.count += later.count;
        if self.first.is_none() {
            self.first = later.first;
        }
    }

    /// « (la première : onglet « … », cellule G7) ».
    pub(super) fn first_cell(&self) -> String {
        self.first
            .as_ref()
            .map(|(sheet, row, col)| {
                format!(
                    " (la première : onglet « {} », cellule {}{row})",
                    quoted(sheet),
                    col_letter(*col)
                )
            })
            .unwrap_or_default()
    }
}

/// The long-sheet rows that are read but deserve a warning (issue 17: they were read without a word).
#[derive(Debug, Clone, Default)]
pub(super) struct RowNotes {
    /// A certification cell none of whose codes is a RNCP code.
    pub(super) not_rncp: Tally,
    /// An empty amount cell (read as NC: no value defined).
    pub(super) no_amount: Tally,
    /// An empty date of applicability (the version's date applies).
    pub(super) no_date: Tally,
}

impl RowNotes {
    pub(super) fn merge(&mut self, later: RowNotes) {
        self.not_rncp.merge(later.not_rncp);
        self.no_amount.merge(later.no_amount);
        self.no_date.merge(later.no_date);
    }
}

pub(super) struct LongRows {
    pub(super) rows: Vec<NpecRow>,
    pub(super) pairs: Vec<CpneIdcc>,
    pub(super) mapped: BTreeSet<u32>,
    pub(super) skipped_hist: usize,
    pub(super) no_year: usize,
    pub(super) notes: RowNotes,
}

/// What makes two long-sheet rows the same row but for their IDCC: certification cell, code diplôme, CPNE,
/// raw amount, status, date.
pub(super) type RowIdentity = (String, String, Option<u32>, String, String, Option<Date>);

pub(super) fn read_long(grid: &Grid, file: &str, m: &Match, out: &mut LongRows) -> Result<()> {
    let pos = |f: Field| m.cols.iter().find(|(g, _)| *g == f).and_then(|(_, p)| *p);
    let text = |row: u32, f: Field| pos(f).map(|c| grid.text(row, c)).unwrap_or_default();
    let has_date = pos(Field::Procedure).is_some() || pos(Field::Date).is_some();
    let with_idcc = pos(Field::Idcc).is_some();
    // One row per certification × CPNE × IDCC in 2019–2022 files: keep one per certification × CPNE.
    let mut seen: HashSet<RowIdentity> = HashSet::new();
    let used: Vec<u32> = m.cols.iter().filter_map(|(_, p)| *p).collect();
    for row in m.row + 1..=grid.last_row() {
        if used
            .iter()
            .all(|&c| matches!(grid.get(row, c), Data::Empty))
            || used.iter().all(|&c| grid.text(row, c).is_empty())
        {
            continue;
        }
        if !text(row, Field::Hist).is_empty() && !has_date {
            // A superseded value with no date of its own would tie with the current one (REFERENTIEL § 3.3).
            out.skipped_hist += 1;
            continue;
        }
        let (mut rncp_cell, mut diploma_code) =
            (text(row, Field::Rncp), text(row, Field::DiplomaCode));
        let either = text(row, Field::DiplomaOrRncp);
        if !either.is_empty() {
            if either.to_ascii_uppercase().starts_with("RNCP") {
                rncp_cell = either;
            } else {
                diploma_code = either;
            }
        }
        if rncp_cell.is_empty() && diploma_code.is_empty() {
            let c = pos(Field::Rncp)
                .or(pos(Field::DiplomaCode))
                .or(pos(Field::DiplomaOrRncp))
                .unwrap_or(0);
            return Err(grid.error(
                ErrorKind::InvalidValue,
                file,
                row,
                c,
                "ligne sans code de certification (RNCP ou code diplôme) : complétez-le ou supprimez la ligne",
            ));
        }
        let rncp_col = pos(Field::Rncp).or(pos(Field::DiplomaOrRncp)).unwrap_or(0);
        if !is_code_text(&rncp_cell) {
            return Err(grid.error(
                ErrorKind::InvalidValue,
                file,
                row,
                rncp_col,
                not_a_code(&rncp_cell),
            ));
        }
        let rncp = split_rncp_cell(&rncp_cell);
        let cpne = match pos(Field::Cpne) {
            None => None,
            Some(c) => match grid.get(row, c) {
                Data::Empty => {
                    return Err(grid.error(ErrorKind::InvalidValue, file, row, c, NO_CPNE))
                }
                d => Some(cell_code(d).ok_or_else(|| {
                    grid.error(
                        ErrorKind::InvalidValue,
                        file,
                        row,
                        c,
                        format!(
                            "« {} » n'est pas un code CPNE : attendu un nombre entier",
                            quoted(&cell_text(d))
                        ),
                    )
                })?),
            },
        };
        let amount_col = pos(Field::Amount).unwrap_or(0);
        let amount_raw = grid.text(row, amount_col);
        let amount = parse_cell_amount(&amount_raw)
            .map_err(|msg| grid.error(ErrorKind::InvalidAmount, file, row, amount_col, msg))?;
        let applicable_from = match (pos(Field::Date), pos(Field::Procedure)) {
            (Some(c), _) => cell_date(grid, file, row, c)?,
            (None, Some(c)) => {
                let p = grid.text(row, c);
                let d = procedure_date(&p);
                if d.is_none() {
                    out.no_year += 1;
                }
                d
            }
            _ => None,
        };
        let status = text(row, Field::Status);
        if with_idcc {
            let c = pos(Field::Idcc).unwrap_or(0);
            let idccs = parse_idcc_list(&grid.text(row, c))
                .map_err(|msg| grid.error(ErrorKind::InvalidValue, file, row, c, msg))?;
            if let Some(cpne) = cpne {
                out.mapped.insert(cpne);
                out.pairs
                    .extend(idccs.into_iter().map(|idcc| CpneIdcc { cpne, idcc }));
            }
            let key = (
                rncp_cell.clone(),
                diploma_code.clone(),
                cpne,
                amount_raw.clone(),
                status.clone(),
                applicable_from,
            );
            if !seen.insert(key) {
                continue;
            }
        }
        if !rncp_cell.is_empty() && rncp.is_empty() {
            out.notes.not_rncp.add(&grid.name, row, rncp_col);
        }
        if amount_raw.is_empty() {
            out.notes.no_amount.add(&grid.name, row, amount_col);
        }
        if let (Some(c), None) = (pos(Field::Date), applicable_from) {
            out.notes.no_date.add(&grid.name, row, c);
        }
        out.rows.push(NpecRow {
            rncp,
            rncp_cell,
            diploma_code: (!diploma_code.is_empty()).then_some(diploma_code),
            label: text(row, Field::Label),
            certifier: text(row, Field::Certifier),
            diploma_type: text(row, Field::DiplomaType),
            cpne,
            cpne_label: text(row, Field::CpneLabel),
            amount,
            amount_raw,
            status,
            applicable_from,
            origin: RowOrigin {
                sheet: grid.name.clone(),
                line: Some(row),
            },
        });
    }
    Ok(())
}
