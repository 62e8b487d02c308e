//! The NPEC référentiel in memory: table versions, CPNE ↔ IDCC mappings, and the lookup of D12.
//!
//! The core only holds and searches it; reading and writing files is the job of `coutcontrat-referentiel`.

mod absent;
mod codes;
mod lookup;
mod renewals;
mod search;
mod standing;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rustc_hash::FxHashMap;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Result};

pub use codes::{level_of_diploma_type, normalize_rncp, split_rncp_cell};
pub use lookup::{AbsentReason, FoundRow, TableLookup};
pub use renewals::Renewal;
pub use search::{fold, query_terms, words, CertificationIndex};
pub use standing::{Standing, Successor, SuccessorSource};

/// One row of a NPEC table: an amount for a (certification, CPNE) pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NpecRow {
    /// The RNCP codes of the cell, normalised (`RNCP1006`, `RNCP37239` for `RNCP1006/RNCP37239`).
    pub rncp: Vec<String>,
    /// The certification code cell exactly as published.
    pub rncp_cell: String,
    /// The code diplôme (CFD), in files that carry one.
    pub diploma_code: Option<String>,
    /// The certification label.
    pub label: String,
    /// The first certifier (2023+ files).
    pub certifier: String,
    /// The diploma type (`BP`, `TITRE`, `BTS`…).
    pub diploma_type: String,
    /// The CPNE code (`None` in the 2019-09 file, which has labels only).
    pub cpne: Option<u32>,
    /// The CPNE label as published in this version.
    pub cpne_label: String,
    /// The annual amount; `None` when the file says `NC`/`NR` or leaves it empty.
    pub amount: Option<Decimal>,
    /// The amount cell exactly as published.
    pub amount_raw: String,
    /// `A`, `CPNE`, `R`, `D`… (empty for rows of a wide matrix).
    pub status: String,
    /// The row's own applicability date; `None` for rows of a wide matrix (D12: the version's date applies).
    pub applicable_from: Option<Date>,
    /// Where the row comes from: sheet name and line in the source (1-based), or the data file and line.
    pub origin: RowOrigin,
}

/// Where a row was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowOrigin {
    /// The sheet of the official workbook (`Onglet 3 - référentiel NPEC`).
    pub sheet: String,
    /// The line of that sheet (1-based, as Excel shows it), when known.
    pub line: Option<u32>,
}

/// A CPNE ↔ IDCC pair of a mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CpneIdcc {
    /// The CPNE code.
    pub cpne: u32,
    /// The IDCC code (without leading zeros).
    pub idcc: u32,
}

/// How much of an edition a version holds (D20): absence from a partial extract proves nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Coverage {
    /// The whole official workbook, imported with its SHA-256.
    Complete,
    /// An extract (the default when a manifest says nothing).
    #[default]
    Partial,
}

impl Coverage {
    /// The word of the manifest (`complete`, `partial`).
    pub fn as_str(self) -> &'static str {
        match self {
            Coverage::Complete => "complete",
            Coverage::Partial => "partial",
        }
    }
}

/// One published version of the référentiel.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableVersion {
    /// The version tag (last line of « Me lire », e.g. `v_18.07.2024`).
    pub tag: String,
    /// The date France compétences published it.
    pub published: Date,
    /// The first date of conclusion it applies to; rows without their own date take it (D12).
    pub applies_from: Date,
    /// The last date of conclusion it applies to, when a later edition replaced it.
    pub applies_until: Option<Date>,
    /// The official file it was read from.
    pub source_file: String,
    /// The SHA-256 of that file, when known.
    pub source_sha256: Option<String>,
    /// Its legal basis (decree or arrêté).
    pub legal_basis: String,
    /// True for a generated table: its amounts are not real and must never be shown as such.
    pub synthetic: bool,
    /// The whole official workbook, or an extract (D20).
    pub coverage: Coverage,
    /// A note on completeness or provenance.
    pub note: String,
    /// The rows.
    pub rows: Vec<NpecRow>,
    /// The CPNE ↔ IDCC mapping of this edition, when it was published complete with it.
    pub mapping: Option<Vec<CpneIdcc>>,
}

/// What is known of an IDCC (a collective agreement).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IdccInfo {
    /// The IDCC code.
    pub idcc: u32,
    /// The collective agreement's name.
    pub label: String,
    /// The OPCO it belongs to, when known.
    pub opco: Option<String>,
}

/// A certification known to the référentiel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Certification {
    /// Normalised RNCP code.
    pub rncp: String,
    /// Its label in the newest version that names it.
    pub label: String,
    /// Its diploma type in that version.
    pub diploma_type: String,
    /// The level guessed from the diploma type, where it says it (`CAP` → 3, `BTS` → 5…).
    pub level_hint: Option<u8>,
    /// The publication date of the newest version that names it.
    pub published: Date,
}

/// A branch (CPNE) the user can choose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Branch {
    /// CPNE code.
    pub cpne: u32,
    /// CPNE label.
    pub label: String,
}

/// A hit of [`Referentiel::search_branches`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BranchHit {
    /// The IDCC, when the hit is a collective agreement.
    pub idcc: Option<u32>,
    /// Its label (agreement or CPNE).
    pub label: String,
    /// The OPCO, when known.
    pub opco: Option<String>,
    /// The CPNE it maps to in the latest mapping.
    pub cpne: Vec<Branch>,
}

/// All table versions, the CPNE ↔ IDCC mappings and the branch lists.
///
/// ```
/// use coutcontrat::referentiel::*;
/// use jiff::civil::date;
/// let mut r = Referentiel::default();
/// r.add_version(TableVersion {
///     tag: "demo".into(), published: date(2025, 9, 4), applies_from: date(2025, 9, 1),
///     applies_until: None, source_file: "demo.xlsx".into(), source_sha256: None,
///     legal_basis: String::new(), synthetic: true, coverage: Coverage::Partial, note: String::new(),
///     rows: vec![NpecRow::simple("RNCP41000", "BTS MOS", 204, "8828", date(2025, 9, 1))],
///     mapping: Some(vec![CpneIdcc { cpne: 204, idcc: 1351 }]),
/// });
/// let cpne = r.resolve_cpne(Some(1351), None, date(2025, 10, 1)).unwrap();
/// let found = r.lookup("RNCP41000", cpne, date(2025, 10, 1));
/// assert!(matches!(found, TableLookup::Found(f) if f.amount.to_string() == "8828"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Referentiel {
    versions: Vec<TableVersion>,
    /// Read at every quote that finds a row: hashed rather than ordered. Shared, as a quote keeps it.
    cpne_labels: FxHashMap<u32, Arc<str>>,
    /// Per version (same index as `versions`), the texts a quote keeps, shared rather than copied.
    shared: Vec<SharedVersion>,
    idcc: BTreeMap<u32, IdccInfo>,
    /// Every CPNE code some row, mapping or CPNE list names: a code outside it is a typo (D12).
    known_cpne: BTreeSet<u32>,
    /// rncp → its rows in every version, sorted by CPNE (in the order added within a CPNE). Fx rather
    /// than SipHash: keys come from the référentiel itself, and hashing was a tenth of a quote.
    index: FxHashMap<String, Vec<Hit>>,
    /// Per version (same index as `versions`), its CPNE ↔ IDCC pairs sorted by IDCC then CPNE.
    mapping_by_idcc: Vec<Option<Vec<(u32, u32)>>>,
    /// The edition and mapping in force from each date a version applies from, in date order: a quote
    /// finds them by bisection instead of comparing every version.
    in_force: Vec<InForce>,
    /// The mapping used before any version applies (the latest one shipped).
    mapping_before_any: Option<usize>,
    /// Renewed RNCP codes: old → its successors (D20).
    renewals: FxHashMap<String, Vec<Renewal>>,
    /// rncp → the versions that list it, in the order added: D20 asks it at every quote, and a code of a
    /// whole workbook has a row per CPNE.
    versions_of: FxHashMap<String, Vec<u32>>,
}

/// The texts of a version that a quote keeps: made once, when the version is added.
#[derive(Debug, Clone)]
pub(crate) struct SharedVersion {
    pub(crate) tag: Arc<str>,
    pub(crate) rows: Vec<SharedRow>,
}

/// The texts of a row that a quote keeps.
#[derive(Debug, Clone)]
pub(crate) struct SharedRow {
    pub(crate) rncp_cell: Arc<str>,
    pub(crate) label: Arc<str>,
    pub(crate) sheet: Arc<str>,
    pub(crate) status: Option<Arc<str>>,
}

impl SharedVersion {
    fn of(version: &TableVersion) -> SharedVersion {
        // A version has a few sheets: one text each.
        let mut sheets: Vec<Arc<str>> = Vec::new();
        let rows = version
            .rows
            .iter()
            .map(|row| {
                let sheet = match sheets.iter().find(|s| ***s == *row.origin.sheet) {
                    Some(s) => s.clone(),
                    None => {
                        let s: Arc<str> = row.origin.sheet.as_str().into();
                        sheets.push(s.clone());
                        s
                    }
                };
                SharedRow {
                    rncp_cell: row.rncp_cell.as_str().into(),
                    label: row.label.as_str().into(),
                    sheet,
                    status: Some(row.status.as_str())
                        .filter(|s| !s.is_empty())
                        .map(Arc::from),
                }
            })
            .collect();
        SharedVersion {
            tag: version.tag.as_str().into(),
            rows,
        }
    }
}

/// What applies to contracts concluded from a date on (until the next [`InForce`]).
#[derive(Debug, Clone, Copy)]
struct InForce {
    from: Date,
    edition: usize,
    mapping: Option<usize>,
}

/// One row of one version, as the index finds it.
#[derive(Debug, Clone, Copy)]
struct Hit {
    cpne: Option<u32>,
    version: u32,
    row: u32,
}

impl NpecRow {
    /// A row with a single RNCP code, an amount and a date: handy for tests and examples.
    pub fn simple(rncp: &str, label: &str, cpne: u32, amount: &str, from: Date) -> NpecRow {
        NpecRow {
            rncp: vec![rncp.to_owned()],
            rncp_cell: rncp.to_owned(),
            diploma_code: None,
            label: label.to_owned(),
            certifier: String::new(),
            diploma_type: String::new(),
            cpne: Some(cpne),
            cpne_label: String::new(),
            amount: amount.parse().ok(),
            amount_raw: amount.to_owned(),
            status: String::new(),
            applicable_from: Some(from),
            origin: RowOrigin {
                sheet: String::new(),
                line: None,
            },
        }
    }
}

impl Referentiel {
    /// Adds a table version; versions may come in any order.
    pub fn add_version(&mut self, version: TableVersion) {
        let vi = self.versions.len();
        // Labels drift between versions: the newest version's win.
        let newest = self
            .versions
            .iter()
            .all(|v| v.published <= version.published);
        self.known_cpne
            .extend(version.rows.iter().filter_map(|r| r.cpne));
        self.known_cpne
            .extend(version.mapping.iter().flatten().map(|p| p.cpne));
        for (ri, row) in version.rows.iter().enumerate() {
            if let (Some(cpne), false) = (row.cpne, row.cpne_label.is_empty()) {
                if newest {
                    self.cpne_labels
                        .insert(cpne, row.cpne_label.as_str().into());
                } else {
                    self.cpne_labels
                        .entry(cpne)
                        .or_insert_with(|| row.cpne_label.as_str().into());
                }
            }
            for code in &row.rncp {
                let listed = self.versions_of.entry(code.clone()).or_default();
                if listed.last() != Some(&(vi as u32)) {
                    listed.push(vi as u32);
                }
                self.index.entry(code.clone()).or_default().push(Hit {
                    cpne: row.cpne,
                    version: vi as u32,
                    row: ri as u32,
                });
            }
        }
        // Stable: within a CPNE, rows keep the order they were added in (lookup's tie order).
        for hits in self.index.values_mut() {
            if hits.last().is_some_and(|h| h.version as usize == vi) {
                hits.sort_by_key(|h| h.cpne);
            }
        }
        self.mapping_by_idcc.push(version.mapping.as_ref().map(|m| {
            let mut pairs: Vec<(u32, u32)> = m.iter().map(|p| (p.idcc, p.cpne)).collect();
            pairs.sort_unstable();
            pairs.dedup();
            pairs
        }));
        self.shared.push(SharedVersion::of(&version));
        self.versions.push(version);
        let mut starts: Vec<Date> = self.versions.iter().map(|v| v.applies_from).collect();
        starts.sort_unstable();
        starts.dedup();
        self.in_force = starts
            .into_iter()
            .filter_map(|from| {
                Some(InForce {
                    from,
                    edition: self.edition_scan(from)?,
                    mapping: self.mapping_scan(from),
                })
            })
            .collect();
        self.mapping_before_any = self.latest_mapping();
    }

    /// Sets a CPNE label (from a CPNE list), unless a table version already names it.
    pub fn add_cpne_label(&mut self, cpne: u32, label: &str) {
        self.known_cpne.insert(cpne);
        self.cpne_labels.entry(cpne).or_insert_with(|| label.into());
    }

    /// Records what is known of an IDCC (label, OPCO).
    pub fn add_idcc(&mut self, info: IdccInfo) {
        match self.idcc.get_mut(&info.idcc) {
            Some(known) => {
                if known.label.is_empty() {
                    known.label = info.label;
                }
                if known.opco.is_none() {
                    known.opco = info.opco;
                }
            }
            None => {
                self.idcc.insert(info.idcc, info);
            }
        }
    }

    /// The versions, in the order they were added.
    pub fn versions(&self) -> &[TableVersion] {
        &self.versions
    }

    /// What is known of an IDCC.
    pub fn idcc(&self, idcc: u32) -> Option<&IdccInfo> {
        self.idcc.get(&idcc)
    }

    /// The label of a CPNE.
    pub fn cpne_label(&self, cpne: u32) -> Option<&str> {
        self.cpne_labels.get(&cpne).map(|l| &**l)
    }

    /// The label of a CPNE, shared.
    pub(crate) fn shared_cpne_label(&self, cpne: u32) -> Option<&Arc<str>> {
        self.cpne_labels.get(&cpne)
    }

    /// The shared texts of a version and of one of its rows.
    pub(crate) fn shared_row(&self, (version, row): (u32, u32)) -> (&Arc<str>, &SharedRow) {
        let shared = &self.shared[version as usize];
        (&shared.tag, &shared.rows[row as usize])
    }

    /// True when the certification appears in some version.
    pub fn knows_certification(&self, rncp: &str) -> bool {
        self.index.contains_key(rncp)
    }

    /// The edition in force for a date of conclusion: the newest published version that applies to it.
    pub fn edition_for(&self, signed_on: Date) -> Option<&TableVersion> {
        self.edition_index_for(signed_on).map(|i| &self.versions[i])
    }

    /// The index of [`Referentiel::edition_for`]'s version.
    fn edition_index_for(&self, signed_on: Date) -> Option<usize> {
        let i = self.in_force.partition_point(|f| f.from <= signed_on);
        Some(self.in_force.get(i.checked_sub(1)?)?.edition)
    }

    /// [`Referentiel::edition_index_for`] by comparing every version (what `in_force` records).
    fn edition_scan(&self, signed_on: Date) -> Option<usize> {
        self.versions
            .iter()
            .enumerate()
            .filter(|(_, v)| v.applies_from <= signed_on)
            .max_by_key(|(_, v)| (v.published, v.applies_from))
            .map(|(i, _)| i)
    }

    /// The CPNE ↔ IDCC mapping used for a date of conclusion (D12): the edition's when it has one,
    /// else the latest one shipped. Returns the mapping and the tag of the version it comes from.
    pub fn mapping_for(&self, signed_on: Date) -> Option<(&[CpneIdcc], &str)> {
        let version = &self.versions[self.mapping_version_for(signed_on)?];
        Some((version.mapping.as_deref()?, &version.tag))
    }

    /// The index of the version whose mapping applies to a date of conclusion.
    fn mapping_version_for(&self, signed_on: Date) -> Option<usize> {
        match self.in_force.partition_point(|f| f.from <= signed_on) {
            0 => self.mapping_before_any,
            i => self.in_force[i - 1].mapping,
        }
    }

    /// [`Referentiel::mapping_version_for`] by comparing every version (what `in_force` records).
    fn mapping_scan(&self, signed_on: Date) -> Option<usize> {
        if let Some(i) = self.edition_scan(signed_on) {
            if self.versions[i].mapping.is_some() {
                return Some(i);
            }
        }
        self.latest_mapping()
    }

    fn latest_mapping(&self) -> Option<usize> {
        self.versions
            .iter()
            .enumerate()
            .filter(|(_, v)| v.mapping.is_some())
            .max_by_key(|(_, v)| v.published)
            .map(|(i, _)| i)
    }

    /// The CPNE of an IDCC in the mapping of a version, in increasing order.
    fn cpne_in_mapping(&self, version: Option<usize>, idcc: u32) -> &[(u32, u32)] {
        let Some(pairs) = version.and_then(|v| self.mapping_by_idcc[v].as_deref()) else {
            return &[];
        };
        let from = pairs.partition_point(|&(i, _)| i < idcc);
        let count = pairs[from..]
            .iter()
            .take_while(|&&(i, _)| i == idcc)
            .count();
        &pairs[from..from + count]
    }

    /// The CPNE of an IDCC for a date of conclusion.
    pub fn cpne_of_idcc(&self, idcc: u32, signed_on: Date) -> Vec<u32> {
        self.cpne_in_mapping(self.mapping_version_for(signed_on), idcc)
            .iter()
            .map(|&(_, cpne)| cpne)
            .collect()
    }

    /// True when some row, mapping or CPNE list of the référentiel names this CPNE code.
    pub fn knows_cpne(&self, cpne: u32) -> bool {
        self.known_cpne.contains(&cpne)
    }

    /// `code – label` for a CPNE, as a candidate of an error lists it.
    fn cpne_candidate(&self, cpne: u32) -> String {
        match self.cpne_label(cpne) {
            Some(label) => format!("{cpne} – {label}"),
            None => cpne.to_string(),
        }
    }

    /// The CPNE to use: the one named, or the only one the IDCC maps to (D12).
    ///
    /// # Errors
    ///
    /// A CPNE or an IDCC the référentiel does not know (with the known codes one typo away as the error's
    /// candidates), an IDCC with no CPNE, or with several (listed as the candidates), is an error that says
    /// what to do; so is a contract with neither an IDCC nor a CPNE.
    ///
    /// ```
    /// # use coutcontrat::referentiel::*;
    /// # use jiff::civil::date;
    /// let mut r = Referentiel::default();
    /// r.add_cpne_label(204, "Prévention et sécurité");
    /// assert_eq!(r.resolve_cpne(None, Some(204), date(2025, 10, 1)).unwrap(), 204);
    /// let typo = r.resolve_cpne(None, Some(240), date(2025, 10, 1)).unwrap_err();
    /// assert_eq!((typo.code(), typo.field()), ("unknown_branch", Some("cpne")));
    /// assert_eq!(typo.candidates(), ["204 – Prévention et sécurité"]);
    /// assert!(r.resolve_cpne(None, None, date(2025, 10, 1)).is_err());
    /// ```
    pub fn resolve_cpne(
        &self,
        idcc: Option<u32>,
        cpne: Option<u32>,
        signed_on: Date,
    ) -> Result<u32> {
        if let Some(cpne) = cpne {
            if self.knows_cpne(cpne) {
                return Ok(cpne);
            }
            let candidates: Vec<String> =
                codes::one_typo_away(cpne, self.known_cpne.iter().copied())
                    .into_iter()
                    .map(|c| self.cpne_candidate(c))
                    .collect();
            let close = if candidates.is_empty() {
                "aucun code connu n'en est proche".to_owned()
            } else {
                format!("codes proches : {}", candidates.join(" ; "))
            };
            // An IDCC typed where the CPNE goes is the likeliest slip: say so.
            let as_idcc: Vec<String> = self
                .cpne_of_idcc(cpne, signed_on)
                .into_iter()
                .map(|c| self.cpne_candidate(c))
                .collect();
            let message = if as_idcc.is_empty() {
                format!(
                    "CPNE {cpne} inconnue du référentiel ({close}) : vérifiez le code, ou indiquez plutôt l'IDCC \
                     de l'employeur (`idcc`) ; `coutcontrat branches` donne la CPNE d'un IDCC ou d'un nom de \
                     branche"
                )
            } else {
                format!(
                    "CPNE {cpne} inconnue du référentiel, mais {cpne} est un IDCC (CPNE {}) : indiquez-le dans \
                     `idcc` plutôt que dans `cpne` ({close})",
                    as_idcc.join(" ou ")
                )
            };
            return Err(Error::new(ErrorKind::UnknownBranch, Some("cpne"), message)
                .with_candidates(candidates));
        }
        let Some(idcc) = idcc else {
            return Err(Error::new(
                ErrorKind::Missing,
                Some("idcc"),
                "indiquez l'IDCC de la convention collective de l'employeur (case « code IDCC » du \
                 Cerfa, ou bulletin de paie) ou le code CPNE de la branche",
            ));
        };
        let mapping = self.mapping_version_for(signed_on);
        let source = || mapping.map_or("aucune", |v| self.versions[v].tag.as_str());
        match self.cpne_in_mapping(mapping, idcc) {
            [(_, one)] => Ok(*one),
            [] => {
                let mut candidates = Vec::new();
                let known = self.idcc.contains_key(&idcc);
                let message = if known {
                    format!(
                        "l'IDCC {idcc} n'est rattaché à aucune CPNE dans la correspondance CPNE–IDCC \
                         utilisée (version {}) : indiquez le code CPNE de la branche (`cpne`), \
                         que donne l'onglet « CPNE-IDCC » du référentiel ou l'OPCO",
                        source()
                    )
                } else {
                    let known = self.idcc.keys().copied().chain(
                        mapping
                            .and_then(|v| self.mapping_by_idcc[v].as_deref())
                            .into_iter()
                            .flatten()
                            .map(|&(i, _)| i),
                    );
                    candidates = codes::one_typo_away(idcc, known)
                        .into_iter()
                        .map(|i| match self.idcc.get(&i) {
                            Some(info) if !info.label.is_empty() => format!("{i} – {}", info.label),
                            _ => i.to_string(),
                        })
                        .collect();
                    let close = if candidates.is_empty() {
                        String::new()
                    } else {
                        format!(" (codes proches : {})", candidates.join(" ; "))
                    };
                    format!(
                        "IDCC {idcc} inconnu{close} : vérifiez le code (case « code IDCC » du Cerfa, 4 \
                         chiffres au plus) ou indiquez directement le code CPNE de la branche (`cpne`)"
                    )
                };
                Err(Error::new(ErrorKind::UnknownBranch, Some("idcc"), message)
                    .with_candidates(candidates))
            }
            many => {
                let candidates: Vec<String> =
                    many.iter().map(|&(_, c)| self.cpne_candidate(c)).collect();
                Err(Error::new(
                    ErrorKind::AmbiguousBranch,
                    Some("cpne"),
                    format!(
                        "l'IDCC {idcc} relève de plusieurs CPNE ({}) : indiquez celle de l'employeur (`cpne`)",
                        candidates.join(" ; ")
                    ),
                )
                .with_candidates(candidates))
            }
        }
    }
}
