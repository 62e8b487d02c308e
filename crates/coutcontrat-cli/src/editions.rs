//! The editions of the référentiel a program carries: what `GET /v1/editions` and the npm package's
//! `editions()` give, in the same JSON.

use coutcontrat::referentiel::Coverage;
use coutcontrat::Referentiel;
use jiff::civil::Date;
use serde::Serialize;

/// One edition, without its rows (their count only).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EditionOut {
    /// The version tag.
    pub tag: String,
    /// The date France compétences published it.
    pub published: Date,
    /// The first date of conclusion it applies to.
    pub applies_from: Date,
    /// The last date of conclusion it applies to, when a later edition replaced it.
    pub applies_until: Option<Date>,
    /// The official file it was read from.
    pub source_file: String,
    /// The SHA-256 of that file, when known.
    pub source_sha256: Option<String>,
    /// Its legal basis.
    pub legal_basis: String,
    /// True for a generated table whose amounts are not real.
    pub synthetic: bool,
    /// The whole official workbook (`complete`), or an extract (`partial`) (D20).
    pub coverage: Coverage,
    /// A note on completeness or provenance.
    pub note: String,
    /// How many rows it holds.
    pub rows: usize,
    /// Whether it carries its own CPNE ↔ IDCC mapping.
    pub mapping: bool,
}

/// Every edition of `referentiel`, oldest first (the order of [`Referentiel::versions`]).
pub fn editions(referentiel: &Referentiel) -> Vec<EditionOut> {
    referentiel
        .versions()
        .iter()
        .map(|v| EditionOut {
            tag: v.tag.clone(),
            published: v.published,
            applies_from: v.applies_from,
            applies_until: v.applies_until,
            source_file: v.source_file.clone(),
            source_sha256: v.source_sha256.clone(),
            legal_basis: v.legal_basis.clone(),
            synthetic: v.synthetic,
            coverage: v.coverage,
            note: v.note.clone(),
            rows: v.rows.len(),
            mapping: v.mapping.is_some(),
        })
        .collect()
}
