//! The CPNE → IDCC mapping sheets (« Onglet 4 - CPNE-IDCC », « IDCC-CPNE »…).

use std::collections::BTreeSet;

use calamine::Data;
use coutcontrat::referentiel::CpneIdcc;
use coutcontrat::text::quoted;

use super::cells::{cell_code, cell_text, norm_header, parse_idcc_list};
use super::sheet::Grid;
use crate::error::{ErrorKind, Result};

pub(super) fn read_mapping_sheet(
    grid: &Grid,
    file: &str,
    pairs: &mut Vec<CpneIdcc>,
    mapped: &mut BTreeSet<u32>,
) -> Result<()> {
    let mut header = None;
    for r in 1..=6.min(grid.last_row()) {
        let names: Vec<String> = (0..grid.width())
            .map(|c| norm_header(&grid.text(r, c)))
            .collect();
        let cpne = names.iter().position(|n| n == "code cpne");
        let idcc = names.iter().position(|n| n == "idcc" || n == "code idcc");
        if let (Some(c), Some(i)) = (cpne, idcc) {
            header = Some((r, c as u32, i as u32));
            break;
        }
    }
    let Some((h, cpne_col, idcc_col)) = header else {
        return Err(grid.error(
            ErrorKind::RenamedHeader,
            file,
            3,
            0,
            "en-têtes « Code CPNE » et « IDCC » introuvables : rétablissez les intitulés officiels de l'onglet",
        ));
    };
    for r in h + 1..=grid.last_row() {
        let d = grid.get(r, cpne_col);
        if matches!(d, Data::Empty) {
            continue;
        }
        let cpne = cell_code(d).ok_or_else(|| {
            grid.error(
                ErrorKind::InvalidValue,
                file,
                r,
                cpne_col,
                format!(
                    "« {} » n'est pas un code CPNE : attendu un nombre entier",
                    quoted(&cell_text(d))
                ),
            )
        })?;
        let idccs = parse_idcc_list(&grid.text(r, idcc_col))
            .map_err(|msg| grid.error(ErrorKind::InvalidValue, file, r, idcc_col, msg))?;
        mapped.insert(cpne);
        pairs.extend(idccs.into_iter().map(|idcc| CpneIdcc { cpne, idcc }));
    }
    Ok(())
}
