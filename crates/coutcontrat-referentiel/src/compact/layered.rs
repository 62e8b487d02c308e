//! Compact tables one above the other: the embedded default data, then the editions a visitor imported in
//! the browser. An edition of a table above replaces the edition of the same tag below (the complete official
//! 2026-09 file replaces the shipped extract of 2026-09); every other edition of every table stays.

use std::collections::HashSet;

use coutcontrat::referentiel::Certification;
use coutcontrat::Referentiel;

use super::CompactTable;
use crate::dataset::DataSet;
use crate::error::Result;

/// Compact tables, the first at the bottom.
pub struct Layered {
    tables: Vec<CompactTable>,
}

impl Layered {
    /// The tables, the first at the bottom.
    pub fn new(tables: Vec<CompactTable>) -> Layered {
        Layered { tables }
    }

    /// The tables, the first at the bottom.
    pub fn tables(&self) -> &[CompactTable] {
        &self.tables
    }

    /// True when some table has rows for this RNCP code.
    pub fn knows_certification(&self, code: &str) -> bool {
        self.tables.iter().any(|t| t.knows_certification(code))
    }

    /// Every certification known, once, labelled by the newest edition that names it (the upper table's
    /// when two editions of the same date name it).
    pub fn certifications(&self) -> Vec<Certification> {
        let mut out: Vec<Certification> = Vec::new();
        for (i, table) in self.tables.iter().enumerate() {
            out.extend(table.certifications_except(&self.tags_above(i)));
        }
        // Stable: for equal codes and dates the upper table comes last, and is kept.
        out.sort_by(|a, b| a.rncp.cmp(&b.rncp).then(a.published.cmp(&b.published)));
        let mut kept: Vec<Certification> = Vec::with_capacity(out.len());
        for c in out {
            match kept.last_mut() {
                Some(last) if last.rncp == c.rncp => *last = c,
                _ => kept.push(c),
            }
        }
        kept
    }

    /// A référentiel with every edition not replaced from above, every list and mapping, and the rows of the
    /// groups naming these codes (none: the rowless base of a page).
    pub fn referentiel_for(&self, codes: &[&str]) -> Result<Referentiel> {
        Layered::referentiel_of(&self.tables, codes)
    }

    fn tags_above(&self, i: usize) -> HashSet<&str> {
        tags_above(&self.tables, i)
    }

    pub(super) fn referentiel_of(tables: &[CompactTable], codes: &[&str]) -> Result<Referentiel> {
        let mut parts = Vec::with_capacity(tables.len());
        for (i, table) in tables.iter().enumerate() {
            let above = tags_above(tables, i);
            let mut part = table.part_for(codes)?;
            part.versions.retain(|v| !above.contains(v.tag.as_str()));
            part.cpne.retain(|e| !above.contains(e.version.as_str()));
            parts.push(part);
        }
        let mut r = Referentiel::default();
        for part in &mut parts {
            for v in std::mem::take(&mut part.versions) {
                r.add_version(v);
            }
        }
        // A label or an IDCC is kept as first given: the upper tables first.
        for table in tables.iter().rev() {
            for (c, label) in table.cpne_labels()? {
                r.add_cpne_label(c, &label);
            }
        }
        for part in parts.into_iter().rev() {
            DataSet {
                versions: Vec::new(),
                cpne: part.cpne,
                idcc: part.idcc,
                renewals: part.renewals,
                warnings: Vec::new(),
            }
            .add_to(&mut r);
        }
        Ok(r)
    }
}

/// The edition tags of the tables above table `i`.
fn tags_above(tables: &[CompactTable], i: usize) -> HashSet<&str> {
    tables[i + 1..]
        .iter()
        .flat_map(|t| t.version_tags())
        .collect()
}
