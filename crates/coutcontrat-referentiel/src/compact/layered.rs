//! Compact tables one above the other: the embedded default data, then the editions a visitor imported in
//! the browser. An edition of a table above replaces the edition of the same tag below (the complete official
//! 2026-09 file replaces the shipped extract of 2026-09); every other edition of every table stays.

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

    /// True when some table has rows for this RNCP code.
    pub fn knows_certification(&self, code: &str) -> bool {
        self.tables.iter().any(|t| t.knows_certification(code))
    }

    /// Every certification known, once, labelled by the newest edition that names it (the upper table's
    /// when two editions of the same date name it).
    pub fn certifications(&self) -> Vec<Certification> {
        let mut out: Vec<Certification> = Vec::new();
        for (i, table) in self.tables.iter().enumerate() {
            out.extend(table.certifications_except(&tags_above(&self.tables, i)));
        }
        // Stable: for equal codes the upper table's comes last.
        super::table::sort_by_code(&mut out);
        let mut kept: Vec<Certification> = Vec::with_capacity(out.len());
        for c in out {
            match kept.last_mut() {
                Some(last) if last.rncp == c.rncp => {
                    if c.published >= last.published {
                        *last = c;
                    }
                }
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

    pub(super) fn referentiel_of(tables: &[CompactTable], codes: &[&str]) -> Result<Referentiel> {
        let mut parts = Vec::with_capacity(tables.len());
        for (i, table) in tables.iter().enumerate() {
            let above = tags_above(tables, i);
            let mut part = table.part_for(codes)?;
            part.versions.retain(|v| !above.contains(&v.tag.as_str()));
            part.cpne.retain(|e| !above.contains(&e.version.as_str()));
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
            for (&c, &l) in &table.labels {
                r.add_cpne_label(c, &table.text(l)?);
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

/// The edition tags of the tables above table `i` (a few: a list, not a hash set, for the page's size).
fn tags_above(tables: &[CompactTable], i: usize) -> Vec<&str> {
    tables[i + 1..]
        .iter()
        .flat_map(|t| t.version_tags())
        .collect()
}
