//! The wide matrix « Onglet 2 - global » (one column per CPNE): its header, and its cells as rows.

use std::collections::{BTreeMap, BTreeSet};

use calamine::Data;
use coutcontrat::referentiel::fold;
use coutcontrat::referentiel::{split_rncp_cell, CpneIdcc, NpecRow, RowOrigin};

use super::cells::{cell_code, cell_text, norm_header, parse_idcc_list};
use super::sheet::Grid;
use crate::error::{ErrorKind, Result};
use crate::format::parse_cell_amount;

pub(super) struct MatrixRead {
    pub(super) rows: Vec<NpecRow>,
    pub(super) codes: BTreeSet<u32>,
    pub(super) pairs: Vec<CpneIdcc>,
    pub(super) mapped: BTreeSet<u32>,
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Fixed {
    Code,
    Label,
    Certifier,
    DiplomaType,
}

/// The header of a matrix: fixed columns, branch columns with their codes and labels, the first data row.
pub(super) struct MatrixHead {
    pub(super) by_rncp: bool,
    pub(super) fixed: Vec<(u32, Fixed)>,
    pub(super) branch_cols: Vec<u32>,
    pub(super) codes_of: BTreeMap<u32, Option<u32>>,
    pub(super) labels_of: BTreeMap<u32, String>,
    pub(super) first_data: u32,
    pub(super) codes: BTreeSet<u32>,
    pub(super) pairs: Vec<CpneIdcc>,
    pub(super) mapped: BTreeSet<u32>,
}

pub(super) const MATRIX_KEYS: [&str; 5] = [
    "code rncp",
    "rncp",
    "code formation",
    "code la formation",
    "code diplome",
];

pub(super) fn read_matrix(grid: &Grid, file: &str) -> Result<MatrixRead> {
    let head = matrix_head(grid, file)?;
    let mut out = MatrixRead {
        rows: Vec::new(),
        codes: head.codes.clone(),
        pairs: head.pairs.clone(),
        mapped: head.mapped.clone(),
    };
    let MatrixHead {
        by_rncp,
        fixed,
        branch_cols,
        codes_of,
        labels_of,
        first_data,
        ..
    } = head;
    let fixed_text = |row: u32, kind: Fixed| {
        fixed
            .iter()
            .find(|(_, k)| *k == kind)
            .map(|(c, _)| grid.text(row, *c))
            .unwrap_or_default()
    };
    for row in first_data..=grid.last_row() {
        let code = grid.text(row, 0);
        if code.is_empty() {
            continue;
        }
        let (rncp_cell, diploma_code) = if by_rncp {
            (code, None)
        } else {
            (String::new(), Some(code))
        };
        let rncp = split_rncp_cell(&rncp_cell);
        for &c in &branch_cols {
            let cell = grid.get(row, c);
            if matches!(cell, Data::Empty) {
                continue;
            }
            let amount_raw = cell_text(cell);
            if amount_raw.is_empty() {
                continue;
            }
            let amount = parse_cell_amount(&amount_raw)
                .map_err(|msg| grid.error(ErrorKind::InvalidAmount, file, row, c, msg))?;
            out.rows.push(NpecRow {
                rncp: rncp.clone(),
                rncp_cell: rncp_cell.clone(),
                diploma_code: diploma_code.clone(),
                label: fixed_text(row, Fixed::Label),
                certifier: fixed_text(row, Fixed::Certifier),
                diploma_type: fixed_text(row, Fixed::DiplomaType),
                cpne: codes_of.get(&c).copied().flatten(),
                cpne_label: labels_of.get(&c).cloned().unwrap_or_default(),
                amount,
                amount_raw,
                status: String::new(),
                applicable_from: None,
                origin: RowOrigin {
                    sheet: grid.name.clone(),
                    line: Some(row),
                },
            });
        }
    }
    Ok(out)
}

pub(super) fn matrix_head(grid: &Grid, file: &str) -> Result<MatrixHead> {
    let key_headers = MATRIX_KEYS;
    let Some(h) = (1..=10.min(grid.last_row()))
        .find(|&r| key_headers.contains(&norm_header(&grid.text(r, 0)).as_str()))
    else {
        return Err(grid.error(
            ErrorKind::RenamedHeader,
            file,
            4,
            0,
            "en-tête de la matrice introuvable : la colonne A doit s'intituler « Code RNCP » (2022 et suivantes) \
             ou « Code formation » (2019) ; rétablissez l'intitulé officiel",
        ));
    };
    let by_rncp = norm_header(&grid.text(h, 0)).contains("rncp");
    let width = grid.width();
    // CPNE columns: numeric codes in the header row (2019-10, 2022+), else labels (2019-09).
    let first_code = (1..width).find(|&c| cell_code(grid.get(h, c)).is_some());
    let mut fixed: Vec<(u32, Fixed)> = vec![(0, Fixed::Code)];
    let branch_cols: Vec<u32>;
    let mut codes_of: BTreeMap<u32, Option<u32>> = BTreeMap::new();
    let mut labels_of: BTreeMap<u32, String> = BTreeMap::new();
    let mut idcc_row = None;
    let first_data;
    match first_code {
        Some(fc) => {
            for c in 1..fc {
                let n = norm_header(&grid.text(h, c));
                let kind = if n.starts_with("certificateur") {
                    Fixed::Certifier
                } else if n.starts_with("type diplome") || n.starts_with("libelle du diplome") {
                    Fixed::DiplomaType
                } else {
                    // « Intitulé de la certification », or in 2019-10 the « Code CPNE » row title above labels.
                    Fixed::Label
                };
                fixed.push((c, kind));
            }
            branch_cols = (fc..width)
                .filter(|&c| cell_code(grid.get(h, c)).is_some())
                .collect();
            for &c in &branch_cols {
                codes_of.insert(c, cell_code(grid.get(h, c)));
            }
            // Title rows under the codes: the IDCC lists (2019-10) and the labels; data start at the first row
            // with a certification code.
            let mut r = h + 1;
            while r <= grid.last_row() && grid.text(r, 0).is_empty() {
                let is_idcc = (0..fc).any(|c| fold(&grid.text(r, c)).contains("idcc"));
                if is_idcc {
                    idcc_row = Some(r);
                } else if labels_of.is_empty() {
                    for &c in &branch_cols {
                        labels_of.insert(c, grid.text(r, c));
                    }
                }
                r += 1;
            }
            first_data = r;
        }
        None => {
            let mut c = 1;
            while c < width {
                let n = norm_header(&grid.text(h, c));
                if n.starts_with("libelle de la formation") || n.starts_with("intitule") {
                    fixed.push((c, Fixed::Label));
                } else if n.starts_with("certificateur") {
                    fixed.push((c, Fixed::Certifier));
                } else if n.starts_with("type diplome") || n.starts_with("libelle du diplome") {
                    fixed.push((c, Fixed::DiplomaType));
                } else {
                    break;
                }
                c += 1;
            }
            branch_cols = (c..width)
                .filter(|&c| !grid.text(h, c).is_empty())
                .collect();
            for &c in &branch_cols {
                codes_of.insert(c, None);
                labels_of.insert(c, grid.text(h, c));
            }
            first_data = h + 1;
        }
    }
    let mut head = MatrixHead {
        by_rncp,
        codes: codes_of.values().flatten().copied().collect(),
        fixed,
        branch_cols,
        codes_of,
        labels_of,
        first_data,
        pairs: Vec::new(),
        mapped: BTreeSet::new(),
    };
    if let Some(r) = idcc_row {
        for &c in &head.branch_cols {
            if let Some(Some(cpne)) = head.codes_of.get(&c) {
                let idccs = parse_idcc_list(&grid.text(r, c))
                    .map_err(|msg| grid.error(ErrorKind::InvalidValue, file, r, c, msg))?;
                head.mapped.insert(*cpne);
                head.pairs
                    .extend(idccs.into_iter().map(|idcc| CpneIdcc { cpne: *cpne, idcc }));
            }
        }
    }
    Ok(head)
}
