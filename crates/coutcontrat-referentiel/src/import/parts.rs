//! What a workbook reader gives (either path), and its assembly into a version: warnings, the matrix cells
//! kept, the mapping, and what « Me lire » says.

use std::collections::BTreeSet;

use coutcontrat::referentiel::fold;
use coutcontrat::referentiel::{CpneIdcc, TableVersion};
use coutcontrat::text::quoted;
use jiff::civil::Date;

use super::long::RowNotes;
use super::readme::{date_in_tag, french_dates, legal_basis};
use super::{ImportOptions, Imported, Layout, MatrixRows};
use crate::error::{Error, ErrorKind, Result};
use crate::store::{self, CRow, RowStore};

/// Everything read from a workbook, before it is assembled into a version.
pub(super) struct Parts {
    pub(super) layout: Layout,
    pub(super) main_sheet: String,
    /// The long-sheet rows (and, after assembly, the matrix rows kept).
    pub(super) store: RowStore,
    pub(super) skipped_hist: usize,
    pub(super) no_year: usize,
    pub(super) notes: RowNotes,
    pub(super) pairs: Vec<CpneIdcc>,
    pub(super) mapped: BTreeSet<u32>,
    /// The matrix: its header's codes and mapping, and every cell (ids of `store`).
    pub(super) matrix: Option<MatrixParts>,
    /// The pairs of the mapping sheets.
    pub(super) sheet_pairs: Vec<CpneIdcc>,
    pub(super) sheet_mapped: BTreeSet<u32>,
    pub(super) readme: Vec<String>,
}

pub(super) struct MatrixParts {
    pub(super) codes: BTreeSet<u32>,
    pub(super) pairs: Vec<CpneIdcc>,
    pub(super) mapped: BTreeSet<u32>,
    pub(super) cells: Vec<CRow>,
}

/// A workbook read into compact rows: the version (without its rows) and the rows.
pub(crate) struct CompactImport {
    pub version: TableVersion,
    pub store: RowStore,
    pub layout: Layout,
    pub mapping_read: Vec<CpneIdcc>,
    pub mapping_complete: bool,
    pub warnings: Vec<String>,
}

impl CompactImport {
    pub(super) fn into_imported(self) -> Imported {
        let mut version = self.version;
        version.rows = self.store.npec_rows();
        Imported {
            version,
            layout: self.layout,
            mapping_read: self.mapping_read,
            mapping_complete: self.mapping_complete,
            warnings: self.warnings,
        }
    }
}

/// Puts the parts read together: warnings, the matrix cells kept, the mapping, « Me lire » (tag, dates, basis).
pub(super) fn assemble(
    file: &str,
    parts: Parts,
    sha256: String,
    options: &ImportOptions,
) -> Result<CompactImport> {
    let Parts {
        layout,
        main_sheet,
        mut store,
        skipped_hist,
        no_year,
        notes,
        mut pairs,
        mut mapped,
        matrix,
        sheet_pairs,
        sheet_mapped,
        readme,
    } = parts;
    let mut warnings = Vec::new();
    if skipped_hist > 0 {
        warnings.push(format!(
            "{skipped_hist} ligne(s) « H » (valeurs historisées, sans date) écartée(s) : elles relèvent des versions précédentes"
        ));
    }
    if no_year > 0 {
        warnings.push(format!(
            "{no_year} ligne(s) sans année de procédure lisible : la date de la version s'applique"
        ));
    }
    let RowNotes {
        not_rncp,
        no_amount,
        no_date,
    } = notes;
    if not_rncp.count > 0 {
        warnings.push(format!(
            "{} ligne(s) dont le code n'est pas un code RNCP{} : gardées, mais introuvables par code RNCP",
            not_rncp.count,
            not_rncp.first_cell()
        ));
    }
    if no_amount.count > 0 {
        warnings.push(format!(
            "{} ligne(s) sans montant{} : lues comme NC (pas de valeur définie) ; un devis sur l'une d'elles \
             retient la valeur d'amorçage, avec un avertissement",
            no_amount.count,
            no_amount.first_cell()
        ));
    }
    if no_date.count > 0 {
        warnings.push(format!(
            "{} ligne(s) sans date d'applicabilité{} : la date de la version s'applique",
            no_date.count,
            no_date.first_cell()
        ));
    }

    // The wide matrix, when there is one.
    let mut named: BTreeSet<u32> = store
        .rows
        .iter()
        .filter(|r| r.cpne != store::NONE)
        .map(|r| r.cpne)
        .collect();
    let long_count = store.rows.len();
    let mut matrix_count = 0;
    if let Some(matrix) = matrix {
        named.extend(&matrix.codes);
        mapped.extend(&matrix.mapped);
        pairs.extend(matrix.pairs);
        let mut in_long = if options.matrix == MatrixRows::FillGaps {
            store::PairSet::of_rows(&mut store, 0..long_count)
        } else {
            store::PairSet::default()
        };
        for cell in matrix.cells {
            let keep = match options.matrix {
                MatrixRows::All => true,
                MatrixRows::FillGaps => !in_long.contains(&mut store, &cell),
                MatrixRows::Skip => false,
            };
            if keep {
                matrix_count += 1;
                store.push(cell);
            }
        }
    }
    pairs.extend(sheet_pairs);
    mapped.extend(sheet_mapped);
    pairs.sort_by_key(|p| (p.cpne, p.idcc));
    pairs.dedup();
    named.extend(&mapped);
    // A trimmed or partial mapping would hide every IDCC it lacks (D12 takes the edition's mapping first), so it
    // is attached only when it covers most CPNE the workbook names — a real one covers hundreds.
    let mapping_complete = mapped.len() >= 20 && mapped.len() * 2 >= named.len();
    if !pairs.is_empty() && !mapping_complete {
        warnings.push(format!(
            "la correspondance CPNE–IDCC du classeur ne couvre que {} CPNE ({} nommées dans le classeur) : trop \
             partielle, elle n'est pas retenue (la dernière correspondance complète s'appliquera)",
            mapped.len(),
            named.len()
        ));
    }

    // « Me lire »: version tag, dates, legal basis.
    let lines = readme;
    let tag = match (&options.tag, lines.last()) {
        (Some(tag), _) => tag.clone(),
        (None, Some(last)) if last.chars().count() <= 40 => last.trim().to_owned(),
        (None, Some(last)) => {
            return Err(Error::new(
                ErrorKind::UnknownWorkbook,
                file,
                format!(
                    "la dernière ligne de « Me lire » (« {} ») n'est pas une étiquette de version : indiquez la version \
                     (option tag)",
                    quoted(last)
                ),
            )
            .sheet("Me lire"))
        }
        (None, None) => {
            return Err(Error::new(
                ErrorKind::MissingSheet,
                file,
                "onglet « Me lire » (ou « Lisez-moi ») absent ou vide : sa dernière ligne donne la version ; \
                 indiquez-la (option tag)",
            ))
        }
    };
    let published = match options.published.or_else(|| date_in_tag(&tag)) {
        Some(d) => d,
        None => {
            return Err(Error::new(
                ErrorKind::UnknownWorkbook,
                file,
                format!(
                    "l'étiquette « {} » ne dit pas la date de publication : indiquez-la (option published)",
                    quoted(&tag)
                ),
            ))
        }
    };
    // The title (« … applicables au 15 juillet 2024 »); later lines also date the decrees.
    let title_dates: Vec<Date> = lines.first().map(|l| french_dates(l)).unwrap_or_default();
    let applies_from = options
        .applies_from
        .or_else(|| title_dates.iter().min().copied())
        .unwrap_or(published);
    let synthetic = lines
        .iter()
        .chain(std::iter::once(&tag))
        .any(|l| fold(l).contains("synthetique") || fold(l).contains("synthetic"));

    let source_file = options
        .source_file
        .clone()
        .unwrap_or_else(|| file.to_owned());
    let note = options.note.clone().unwrap_or_else(|| {
        let mut note = format!(
            "Importé de {source_file} (mise en page {}) : {long_count} ligne(s) de l'onglet « {} »",
            layout.describe(),
            main_sheet
        );
        if matrix_count > 0 {
            note.push_str(&format!(", {matrix_count} cellule(s) de la matrice « Onglet 2 - global » (sans date propre)"));
        }
        note.push('.');
        note
    });
    let version = TableVersion {
        tag,
        published,
        applies_from,
        applies_until: options.applies_until,
        source_file,
        source_sha256: Some(sha256),
        legal_basis: options
            .legal_basis
            .clone()
            .or_else(|| legal_basis(&lines))
            .unwrap_or_default(),
        synthetic,
        // A whole workbook, its SHA-256 recorded (D20).
        coverage: coutcontrat::referentiel::Coverage::Complete,
        note,
        rows: Vec::new(),
        mapping: mapping_complete.then(|| pairs.clone()),
    };
    Ok(CompactImport {
        version,
        store,
        layout,
        mapping_read: pairs,
        mapping_complete,
        warnings,
    })
}
