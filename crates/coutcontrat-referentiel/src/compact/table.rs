//! The compact form held as bytes, decoded on demand: whole, or one certification at a time.

use std::collections::HashMap;

use coutcontrat::referentiel::{split_rncp_cell, IdccInfo, NpecRow, Renewal};
use coutcontrat::Referentiel;

use crate::dataset::{CpneEntry, DataSet};
use crate::error::Result;

use super::read::{bad, label_rows, read_group, read_version_head, GroupHead, In, VersionHead};
use super::{FORMAT, MAGIC};

/// Sorts certifications by code, keeping the order of equal ones (one function for every caller: each sort
/// of its own would add its code to the page).
pub(super) fn sort_by_code(list: &mut [coutcontrat::referentiel::Certification]) {
    list.sort_by(|a, b| a.rncp.cmp(&b.rncp));
}

/// A compact référentiel held as is: certifications known at once, rows decoded per certification on demand.
///
/// Decoding every row of a full-size table into a [`Referentiel`] takes seconds (700,000 rows); a page needs
/// only the certifications for its search, then the rows of the certification chosen:
/// [`CompactTable::referentiel_for`] gives a référentiel with every version, mapping and branch list but only
/// the rows of that certification, whose lookups are those of the whole table.
pub struct CompactTable {
    bytes: Vec<u8>,
    strings: Vec<(usize, usize)>,
    cpne: Vec<CpneEntry>,
    idcc: Vec<IdccInfo>,
    renewals: Vec<Renewal>,
    versions: Vec<VersionHead>,
    groups: Vec<GroupHead>,
    by_code: HashMap<String, Vec<usize>>,
    /// Each CPNE's label as the whole table's référentiel ends with it (string id): a part keeps them.
    pub(super) labels: HashMap<u32, usize>,
}

impl CompactTable {
    /// Reads the tables and the certification headers (the rows stay encoded).
    pub fn new(bytes: Vec<u8>) -> Result<CompactTable> {
        if bytes.len() < 5 || &bytes[..4] != MAGIC {
            return Err(bad("signature absente"));
        }
        let mut inp = In {
            bytes: &bytes,
            pos: 4,
        };
        if inp.uint()? != u128::from(FORMAT) {
            return Err(bad("version de format inconnue"));
        }
        let n = inp.len()?;
        let mut strings = Vec::with_capacity(n);
        for _ in 0..n {
            let len = inp.len()?;
            let end = inp.pos + len;
            bytes
                .get(inp.pos..end)
                .and_then(|b| std::str::from_utf8(b).ok())
                .ok_or_else(|| bad("texte"))?;
            strings.push((inp.pos, end));
            inp.pos = end;
        }
        let text = |i: usize| -> Result<String> {
            let (a, b) = *strings.get(i).ok_or_else(|| bad("texte inconnu"))?;
            Ok(String::from_utf8_lossy(&bytes[a..b]).into_owned())
        };
        let mut cpne = Vec::new();
        for _ in 0..inp.len()? {
            cpne.push(CpneEntry {
                cpne: inp.u32()?,
                label: text(inp.u()?)?,
                version: text(inp.u()?)?,
            });
        }
        let mut idcc = Vec::new();
        for _ in 0..inp.len()? {
            idcc.push(IdccInfo {
                idcc: inp.u32()?,
                label: text(inp.u()?)?,
                opco: inp.opt()?.map(text).transpose()?,
            });
        }
        let mut versions = Vec::new();
        let mut groups = Vec::new();
        for vi in 0..inp.len()? {
            let head = read_version_head(&mut inp, &text)?;
            for _ in 0..inp.len()? {
                let mut g = read_group(&mut inp, &head, &text, None)?;
                g.version = vi;
                groups.push(g);
            }
            versions.push(head);
        }
        let mut renewals = Vec::new();
        for _ in 0..inp.len()? {
            renewals.push(Renewal {
                old: text(inp.u()?)?,
                new: text(inp.u()?)?,
                source: text(inp.u()?)?,
            });
        }
        if inp.pos != bytes.len() {
            return Err(bad("octets en trop"));
        }
        // `Referentiel::add_version` over every row: the newest version so far overwrites, an older one
        // only fills a gap; within a version that is its last label, or its first one. An empty first
        // label means no row of the version named the CPNE.
        let mut labels: HashMap<u32, usize> = HashMap::new();
        for (vi, head) in versions.iter().enumerate() {
            let published = head.version.published;
            let newest = versions[..vi]
                .iter()
                .all(|v| v.version.published <= published);
            for &(cpne, first, last) in &head.universe {
                let Some(cpne) = cpne else { continue };
                if text(first)?.is_empty() {
                    continue;
                }
                if newest {
                    labels.insert(cpne, last);
                } else {
                    labels.entry(cpne).or_insert(first);
                }
            }
        }
        let mut by_code: HashMap<String, Vec<usize>> = HashMap::new();
        for (gi, g) in groups.iter().enumerate() {
            for code in split_rncp_cell(&text(g.cell)?) {
                by_code.entry(code).or_default().push(gi);
            }
        }
        Ok(CompactTable {
            bytes,
            strings,
            cpne,
            idcc,
            renewals,
            versions,
            groups,
            by_code,
            labels,
        })
    }

    pub(super) fn text(&self, i: usize) -> Result<String> {
        let (a, b) = *self.strings.get(i).ok_or_else(|| bad("texte inconnu"))?;
        Ok(String::from_utf8_lossy(&self.bytes[a..b]).into_owned())
    }

    /// True when some version has rows for this RNCP code.
    pub fn knows_certification(&self, code: &str) -> bool {
        self.by_code.contains_key(code)
    }

    /// The number of certification groups (cells) of every version.
    pub fn groups(&self) -> usize {
        self.groups.len()
    }

    /// Every certification known, as [`Referentiel::certifications`] lists them (labelled by the newest
    /// version that names them), for a search index.
    pub fn certifications(&self) -> Vec<coutcontrat::referentiel::Certification> {
        self.certifications_except(&[])
    }

    /// [`CompactTable::certifications`] without the versions of these tags (replaced by a table above).
    pub(super) fn certifications_except(
        &self,
        hidden: &[&str],
    ) -> Vec<coutcontrat::referentiel::Certification> {
        let mut out: Vec<coutcontrat::referentiel::Certification> = self
            .by_code
            .iter()
            .filter_map(|(code, groups)| {
                // The last group of the newest version, as the core's `max_by_key` picks the last row.
                let g = groups
                    .iter()
                    .map(|&g| &self.groups[g])
                    .filter(|g| !hidden.contains(&self.versions[g.version].version.tag.as_str()))
                    .max_by_key(|g| self.versions[g.version].version.published)?;
                let label = self.text(g.label).ok()?;
                let diploma_type = self.text(g.diploma_type).ok()?;
                Some(coutcontrat::referentiel::Certification {
                    rncp: code.clone(),
                    level_hint: coutcontrat::referentiel::level_of_diploma_type(&diploma_type),
                    label,
                    diploma_type,
                    published: self.versions[g.version].version.published,
                })
            })
            .collect();
        sort_by_code(&mut out);
        out
    }

    /// A référentiel with every version, mapping and list, the CPNE labels of the whole table, and the rows
    /// of the groups naming these codes (none: the rowless base of a page).
    pub fn referentiel_for(&self, codes: &[&str]) -> Result<Referentiel> {
        super::Layered::referentiel_of(std::slice::from_ref(self), codes)
    }

    /// Every version, list and mapping, with the rows of the groups naming these codes, each row labelled
    /// with its CPNE's label of the whole table.
    pub(super) fn part_for(&self, codes: &[&str]) -> Result<DataSet> {
        // D20: the codes grouped with these and their renewals decide where they stand, and their amounts
        // are the candidates of a superseded code's error.
        let mut codes: Vec<String> = codes.iter().map(|c| (*c).to_owned()).collect();
        let mut i = 0;
        while i < codes.len() && codes.len() < 64 {
            let code = codes[i].clone();
            let mut more: Vec<String> = self
                .renewals
                .iter()
                .filter(|r| r.old == code)
                .map(|r| r.new.clone())
                .collect();
            for &g in self.by_code.get(&code).into_iter().flatten() {
                more.extend(split_rncp_cell(&self.text(self.groups[g].cell)?));
            }
            for m in more {
                if !codes.contains(&m) {
                    codes.push(m);
                }
            }
            i += 1;
        }
        let mut wanted: Vec<usize> = codes
            .iter()
            .filter_map(|c| self.by_code.get(c.as_str()))
            .flatten()
            .copied()
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut set = self.decode(Some(&wanted))?;
        // The CPNE labels of the whole table, not of these rows alone: on the rows (which give them to the
        // référentiel), then for the CPNE they do not name, before the lists fill the gaps (`add_to`).
        let label = |c: Option<u32>| -> Result<String> {
            c.and_then(|c| self.labels.get(&c))
                .map_or(Ok(String::new()), |&l| self.text(l))
        };
        for v in &mut set.versions {
            for row in &mut v.rows {
                row.cpne_label = label(row.cpne)?;
            }
        }
        Ok(set)
    }

    /// The tags of its versions.
    pub fn version_tags(&self) -> impl Iterator<Item = &str> {
        self.versions.iter().map(|v| v.version.tag.as_str())
    }

    /// Every row: the whole data set.
    pub fn dataset(&self) -> Result<DataSet> {
        self.decode(None)
    }

    pub(super) fn decode(&self, only: Option<&[usize]>) -> Result<DataSet> {
        let text = |i: usize| self.text(i);
        let mut set = DataSet {
            cpne: self.cpne.clone(),
            idcc: self.idcc.clone(),
            renewals: self.renewals.clone(),
            warnings: Vec::new(),
            versions: Vec::with_capacity(self.versions.len()),
        };
        let mut rows_of: Vec<Vec<NpecRow>> = vec![Vec::new(); self.versions.len()];
        let all: Vec<usize>;
        let groups = match only {
            Some(g) => g,
            None => {
                all = (0..self.groups.len()).collect();
                &all
            }
        };
        for &gi in groups {
            let g = &self.groups[gi];
            let mut inp = In {
                bytes: &self.bytes,
                pos: g.offset,
            };
            read_group(
                &mut inp,
                &self.versions[g.version],
                &text,
                Some(&mut rows_of[g.version]),
            )?;
        }
        for (head, mut rows) in self.versions.iter().zip(rows_of) {
            label_rows(head, &mut rows, &text)?;
            let mut v = head.version.clone();
            v.rows = rows;
            set.versions.push(v);
        }
        Ok(set)
    }
}
