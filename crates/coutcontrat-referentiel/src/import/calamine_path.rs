//! The calamine path: every layout, each sheet read whole into a grid.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Cursor;

use calamine::Reader;
use coutcontrat::text::quoted;

use super::cells::{check_sheet_names, norm_sheet};
use super::layouts::{LongSpec, SPECS};
use super::long::{
    best_header, read_long, renamed_header_error, required, LongRows, Match, RowNotes,
};
use super::mapping::read_mapping_sheet;
use super::matrix::read_matrix;
use super::parts::{MatrixParts, Parts};
use super::readme::read_readme;
use super::sheet::{Book, Grid};
use crate::error::{Error, ErrorKind, Result};
use crate::store::RowStore;
use crate::xlsx::limits::{megabytes, size_capped, Limits};
use crate::xlsx::{part_too_large, Package, SheetRows, XError};

/// Refuses a package with a part over `limits.part` bytes, or parts over `limits.package` bytes in all, once
/// inflated (counted, not kept): calamine reads a part whole, and a 3.8 MB workbook whose shared strings
/// inflated to gigabytes took 6 GB of memory. A file that is not a zip (`.xls`) is left to calamine.
fn check_part_sizes(file: &str, inner: &[u8], limits: Limits) -> Result<()> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(inner)) else {
        return Ok(());
    };
    let refuse = |e: crate::xlsx::XError| Error::new(ErrorKind::Unreadable, file, e.to_string());
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        // An entry that does not open is calamine's to report.
        let Ok(entry) = zip.by_index(i) else {
            continue;
        };
        let name = entry.name().to_owned();
        if entry.size() > limits.part {
            let declared = format!("{} octets", entry.size());
            return Err(refuse(part_too_large(&name, &declared, limits.part)));
        }
        let cap = limits.part.min(limits.package - total);
        match size_capped(entry, cap) {
            Ok(n) => total += n,
            Err(Some(_)) => continue,
            Err(None) if cap < limits.part => {
                return Err(Error::new(
                    ErrorKind::Unreadable,
                    file,
                    format!(
                        "les parties du classeur font plus de {} une fois décompressées (la partie {name} dépasse \
                         ce total) : le fichier est endommagé ou n'est pas un référentiel",
                        megabytes(limits.package)
                    ),
                ))
            }
            Err(None) => {
                let size = format!("plus de {} octets", limits.part);
                return Err(refuse(part_too_large(&name, &size, limits.part)));
            }
        }
    }
    Ok(())
}

/// Refuses a sheet with a row or cell number beyond an Excel sheet (issue 17: calamine wraps such a number, and
/// a row could be dropped or land on another). Scanned by the streaming reader, which stops at the first
/// thing it does not expect (calamine's to report); a file that is not an xlsx package is left to calamine.
fn check_cell_references(file: &str, inner: &[u8], limits: Limits) -> Result<()> {
    let Ok(pkg) = Package::open_with(inner, limits) else {
        return Ok(());
    };
    for (name, _) in &pkg.sheets {
        let scanned = pkg.with_sheet(name, limits.sheet, |r| {
            let mut rows = SheetRows::new(r).max_row(limits.row);
            let mut cells = Vec::new();
            loop {
                match rows.next_row(&mut cells) {
                    Ok(Some(_)) => {}
                    Ok(None) => return Ok(()),
                    Err(XError::BeyondSheet(why)) => return Err(why),
                    Err(_) => return Ok(()),
                }
            }
        });
        if let Ok(Err(why)) = scanned {
            return Err(Error::new(
                ErrorKind::Unreadable,
                file,
                format!("onglet « {} » : {why}", quoted(name)),
            ));
        }
    }
    Ok(())
}

/// Why an xlsx package that calamine cannot open is damaged, part named, when the streaming reader can tell:
/// calamine then tries every format and says only « Cannot detect file format ».
fn diagnosis(inner: &[u8], limits: Limits) -> Option<String> {
    let zip = zip::ZipArchive::new(Cursor::new(inner)).ok()?;
    zip.index_for_name("xl/workbook.xml")?;
    let package = Package::open_with(inner, limits).map_err(|e| e.to_string());
    package
        .and_then(|p| p.shared_strings().map_err(|e| e.to_string()))
        .err()
}

/// The workbook, as calamine reads it: `.xlsx` or `.xlsb`, and with the feature `legacy-formats` (the command
/// line's) `.xls` and `.ods` too. The browser's importer goes without them: the code pages of `.xls` would
/// double its download, and France compétences publishes `.xlsx`.
fn open_book(inner: &[u8]) -> std::result::Result<Book<'_>, String> {
    #[cfg(feature = "legacy-formats")]
    return calamine::open_workbook_auto_from_rs(Cursor::new(inner)).map_err(|e| e.to_string());
    #[cfg(not(feature = "legacy-formats"))]
    {
        let binary = zip::ZipArchive::new(Cursor::new(inner))
            .map(|z| {
                z.file_names()
                    .any(|n| n.eq_ignore_ascii_case("xl/workbook.bin"))
            })
            .unwrap_or(false);
        if binary {
            calamine::Xlsb::new(Cursor::new(inner))
                .map(calamine::Sheets::Xlsb)
                .map_err(|e| e.to_string())
        } else {
            calamine::Xlsx::new(Cursor::new(inner))
                .map(calamine::Sheets::Xlsx)
                .map_err(|e| {
                    // Only for what is an .xls (OLE) or an .ods (OpenDocument): not for any damaged file.
                    let ole = inner.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
                    let ods = zip::ZipArchive::new(Cursor::new(inner))
                        .is_ok_and(|z| z.file_names().any(|n| n == "mimetype"));
                    if ole || ods {
                        format!("{e} ; un classeur .xls ou .ods est à enregistrer en .xlsx dans un tableur")
                    } else {
                        e.to_string()
                    }
                })
        }
    }
}

/// Reads a workbook with calamine, every layout.
pub(super) fn read_parts(file: &str, inner: &[u8], limits: Limits) -> Result<Parts> {
    check_part_sizes(file, inner, limits)?;
    check_cell_references(file, inner, limits)?;
    let mut book: Book<'_> = open_book(inner).map_err(|e| {
        let why = diagnosis(inner, limits).unwrap_or(e);
        Error::new(
            ErrorKind::Unreadable,
            file,
            format!("classeur illisible ({why}) : attendu le fichier .xlsx (ou .zip) publié par France compétences"),
        )
    })?;
    let names = book.sheet_names();
    check_sheet_names(file, &names)?;
    let normalized: Vec<String> = names.iter().map(|n| norm_sheet(n)).collect();
    let sheet_named = |wanted: &str| {
        normalized
            .iter()
            .position(|n| n == wanted)
            .map(|i| names[i].clone())
    };

    // The layout: the first spec (newest first) whose sheet exists and whose header matches completely.
    let mut best: Option<(&LongSpec, Match, String)> = None;
    let mut grids: BTreeMap<String, Grid> = BTreeMap::new();
    for spec in SPECS {
        let Some(name) = sheet_named(spec.sheets[0]) else {
            continue;
        };
        if !grids.contains_key(&name) {
            grids.insert(name.clone(), Grid::read(&mut book, file, &name)?);
        }
        let m = best_header(&grids[&name], spec);
        let complete = m.required_found == required(spec);
        let better = match &best {
            None => true,
            Some((b, bm, _)) => {
                let b_complete = bm.required_found == required(b);
                (complete, m.found, m.required_found) > (b_complete, bm.found, bm.required_found)
            }
        };
        if better {
            best = Some((spec, m, name));
        }
    }
    let Some((spec, m, main_sheet)) = best else {
        let listed = names
            .iter()
            .map(|n| format!("« {} »", quoted(n)))
            .collect::<Vec<_>>()
            .join(", ");
        let looks_like = normalized
            .iter()
            .any(|n| n.starts_with("onglet") || n == "melire" || n == "lisez-moi");
        let (kind, message) = if looks_like {
            (
                ErrorKind::MissingSheet,
                format!(
                    "aucun onglet de NPEC : attendu « Onglet 3 - référentiel NPEC » (2022 et suivantes) ou \
                     « Onglet 3 - par formation-CPNE » / « Onglet 2 - par formation-CPNE » (2019–2021) ; onglets \
                     présents : {listed}. Importez le référentiel complet tel que publié."
                ),
            )
        } else {
            (
                ErrorKind::UnknownWorkbook,
                format!(
                    "ce classeur n'est pas un référentiel des NPEC de France compétences (onglets : {listed}) : \
                     téléchargez « Référentiel unique des NPEC » sur francecompetences.fr"
                ),
            )
        };
        return Err(Error::new(kind, file, message));
    };
    if m.required_found < required(spec) {
        return Err(renamed_header_error(&grids[&main_sheet], file, spec, &m));
    }
    let layout = spec.layout;

    let mut long = LongRows {
        rows: Vec::new(),
        pairs: Vec::new(),
        mapped: BTreeSet::new(),
        skipped_hist: 0,
        no_year: 0,
        notes: RowNotes::default(),
    };
    read_long(&grids[&main_sheet], file, &m, &mut long)?;
    for other in &spec.sheets[1..] {
        if let Some(name) = sheet_named(other) {
            let grid = Grid::read(&mut book, file, &name)?;
            let m = best_header(&grid, spec);
            if m.required_found < required(spec) {
                return Err(renamed_header_error(&grid, file, spec, &m));
            }
            read_long(&grid, file, &m, &mut long)?;
        }
    }
    let mut store = RowStore::default();
    for r in &long.rows {
        store.push_row(r);
    }
    drop(grids);
    let matrix = match sheet_named("onglet2-global") {
        Some(name) => {
            let grid = Grid::read(&mut book, file, &name)?;
            let m = read_matrix(&grid, file)?;
            let cells = m.rows.iter().map(|r| store.crow_of(r)).collect();
            Some(MatrixParts {
                codes: m.codes,
                pairs: m.pairs,
                mapped: m.mapped,
                cells,
            })
        }
        None => None,
    };
    // Mapping sheets: « Onglet 4 - CPNE-IDCC », « Onglet 5 - IDCC-CPNE », « IDCC-CPNE »…
    let (mut sheet_pairs, mut sheet_mapped) = (Vec::new(), BTreeSet::new());
    for (i, n) in normalized.iter().enumerate() {
        if n.contains("cpne-idcc") || n.contains("idcc-cpne") {
            let grid = Grid::read(&mut book, file, &names[i])?;
            read_mapping_sheet(&grid, file, &mut sheet_pairs, &mut sheet_mapped)?;
        }
    }
    let readme = read_readme(&mut book, file, &names)?;
    Ok(Parts {
        layout,
        main_sheet,
        store,
        skipped_hist: long.skipped_hist,
        no_year: long.no_year,
        notes: long.notes,
        pairs: long.pairs,
        mapped: long.mapped,
        matrix,
        sheet_pairs,
        sheet_mapped,
        readme: readme.map(|r| r.lines).unwrap_or_default(),
    })
}
