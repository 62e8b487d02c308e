//! The NPEC référentiel in memory: table versions, CPNE ↔ IDCC mappings, and the lookup of D12.
//!
//! The core only holds and searches it; reading and writing files is the job of `coutcontrat-referentiel`.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::{Error, ErrorKind, Result};
use crate::text::{fold, words};

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

/// The table row chosen for a contract (D12), or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub enum TableLookup<'a> {
    /// A row with an amount.
    Found(FoundRow<'a>),
    /// No usable amount: the amorçage value applies (D11).
    Absent(AbsentReason),
}

impl<'a> TableLookup<'a> {
    /// The answer for the row D12 selected: its amount, or « not defined » when the cell says `NC`.
    fn of_selected(
        version: &'a TableVersion,
        row: &'a NpecRow,
        applicable_from: Date,
        cpne: u32,
        tie_with: Option<Decimal>,
    ) -> TableLookup<'a> {
        match row.amount {
            Some(amount) => TableLookup::Found(FoundRow {
                version: &version.tag,
                synthetic: version.synthetic,
                row,
                amount,
                applicable_from,
                cpne,
                tie_with,
            }),
            None => TableLookup::Absent(AbsentReason::NotDefined {
                cpne,
                version: version.tag.clone(),
                raw: row.amount_raw.clone(),
            }),
        }
    }
}

/// A row chosen by [`Referentiel::lookup`].
#[derive(Debug, Clone, PartialEq)]
pub struct FoundRow<'a> {
    /// The version's tag.
    pub version: &'a str,
    /// Whether the version is synthetic.
    pub synthetic: bool,
    /// The row.
    pub row: &'a NpecRow,
    /// The amount.
    pub amount: Decimal,
    /// The date it applies from (the row's, or the version's for a wide-matrix row).
    pub applicable_from: Date,
    /// The CPNE used, and how it was found.
    pub cpne: u32,
    /// When the version has another amount for the pair, that amount (D12: the higher one is taken).
    pub tie_with: Option<Decimal>,
}

/// Why a certification has no NPEC for a contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AbsentReason {
    /// The certification is in no table version.
    NotInTable,
    /// The certification is known, but no row for this CPNE applies on the date of conclusion.
    NoRowForBranch {
        /// The CPNE looked up.
        cpne: u32,
    },
    /// The applicable row says `NC`/`NR`.
    NotDefined {
        /// The CPNE looked up.
        cpne: u32,
        /// The version of the row.
        version: String,
        /// The raw amount cell.
        raw: String,
    },
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
///     legal_basis: String::new(), synthetic: true, note: String::new(),
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
    /// Read at every quote that finds a row: hashed rather than ordered.
    cpne_labels: FxHashMap<u32, String>,
    idcc: BTreeMap<u32, IdccInfo>,
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
}

/// What applies to contracts concluded from a date on (until the next [`InForce`]).
#[derive(Debug, Clone, Copy)]
struct InForce {
    from: Date,
    edition: usize,
    mapping: Option<usize>,
}

/// The rows of one certification, found once for [`Referentiel::lookup_in`].
#[derive(Clone, Copy)]
pub(crate) struct CertificationRows<'r>(&'r [Hit]);

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

/// Normalises an RNCP code as typed or published: `rncp 34826`, `34826` → `RNCP34826`.
///
/// ```
/// assert_eq!(coutcontrat::referentiel::normalize_rncp(" rncp34826 ").as_deref(), Some("RNCP34826"));
/// assert_eq!(coutcontrat::referentiel::normalize_rncp("34826").as_deref(), Some("RNCP34826"));
/// assert_eq!(coutcontrat::referentiel::normalize_rncp("BTS"), None);
/// ```
pub fn normalize_rncp(text: &str) -> Option<String> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let upper = compact.to_ascii_uppercase();
    let digits = upper.strip_prefix("RNCP").unwrap_or(&upper);
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return None;
    }
    Some(format!("RNCP{digits}"))
}

/// Splits a published certification cell into its RNCP codes (`RNCP1006/RNCP37239`, `RNCP123/`, `37239`).
///
/// ```
/// assert_eq!(coutcontrat::referentiel::split_rncp_cell("RNCP1006/ 37239/"), vec!["RNCP1006", "RNCP37239"]);
/// ```
pub fn split_rncp_cell(cell: &str) -> Vec<String> {
    let mut codes: Vec<String> = cell
        .split(['/', ',', ';', '\n'])
        .filter_map(normalize_rncp)
        .collect();
    codes.dedup();
    codes
}

/// The level a diploma type states, when it states one.
///
/// ```
/// assert_eq!(coutcontrat::referentiel::level_of_diploma_type("BTS"), Some(5));
/// assert_eq!(coutcontrat::referentiel::level_of_diploma_type("TITRE"), None);
/// ```
pub fn level_of_diploma_type(diploma_type: &str) -> Option<u8> {
    let t = fold(diploma_type);
    let t = t.trim();
    let level = match t {
        "cap" | "bep" | "cap agricole" | "capa" | "mc3" => 3,
        "bp" | "bac pro" | "baccalaureat professionnel" | "bt" | "btm" | "bma" | "bpa" => 4,
        "bts" | "btsa" | "dut" | "deust" | "bm" => 5,
        "licence" | "licence professionnelle" | "lp" | "but" => 6,
        "master" | "titre ingenieur" | "diplome d'ingenieur" => 7,
        "doctorat" => 8,
        _ => return None,
    };
    Some(level)
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
        for (ri, row) in version.rows.iter().enumerate() {
            if let (Some(cpne), false) = (row.cpne, row.cpne_label.is_empty()) {
                if newest {
                    self.cpne_labels.insert(cpne, row.cpne_label.clone());
                } else {
                    self.cpne_labels
                        .entry(cpne)
                        .or_insert_with(|| row.cpne_label.clone());
                }
            }
            for code in &row.rncp {
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
        self.cpne_labels
            .entry(cpne)
            .or_insert_with(|| label.to_owned());
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
        self.cpne_labels.get(&cpne).map(String::as_str)
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

    /// The CPNE to use: the one named, or the only one the IDCC maps to (D12).
    ///
    /// An IDCC with no CPNE, or with several, is an error that says what to do.
    pub fn resolve_cpne(
        &self,
        idcc: Option<u32>,
        cpne: Option<u32>,
        signed_on: Date,
    ) -> Result<u32> {
        if let Some(cpne) = cpne {
            return Ok(cpne);
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
                let known = self.idcc.contains_key(&idcc);
                let message = if known {
                    format!(
                        "l'IDCC {idcc} n'est rattaché à aucune CPNE dans la correspondance CPNE–IDCC \
                         utilisée (version {}) : indiquez le code CPNE de la branche (`cpne`), \
                         que donne l'onglet « CPNE-IDCC » du référentiel ou l'OPCO",
                        source()
                    )
                } else {
                    format!(
                        "IDCC {idcc} inconnu : vérifiez le code (case « code IDCC » du Cerfa, 4 chiffres \
                         au plus) ou indiquez directement le code CPNE de la branche (`cpne`)"
                    )
                };
                Err(Error::new(ErrorKind::UnknownBranch, Some("idcc"), message))
            }
            many => {
                let candidates: Vec<String> = many
                    .iter()
                    .map(|&(_, c)| match self.cpne_label(c) {
                        Some(label) => format!("{c} – {label}"),
                        None => c.to_string(),
                    })
                    .collect();
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

    /// The row that gives the NPEC of a certification in a branch for a date of conclusion (D12).
    pub fn lookup(&self, rncp: &str, cpne: u32, signed_on: Date) -> TableLookup<'_> {
        match self.rows_of(rncp) {
            Some(rows) => self.lookup_in(rows, cpne, signed_on),
            None => TableLookup::Absent(AbsentReason::NotInTable),
        }
    }

    /// The rows of a certification in every version, `None` when no version has it.
    pub(crate) fn rows_of(&self, rncp: &str) -> Option<CertificationRows<'_>> {
        self.index.get(rncp).map(|hits| CertificationRows(hits))
    }

    /// [`Referentiel::lookup`] among the rows of one certification.
    pub(crate) fn lookup_in(
        &self,
        rows: CertificationRows<'_>,
        cpne: u32,
        signed_on: Date,
    ) -> TableLookup<'_> {
        let hits = rows.0;
        let from = hits.partition_point(|h| h.cpne < Some(cpne));
        let to = from
            + hits[from..]
                .iter()
                .take_while(|h| h.cpne == Some(cpne))
                .count();
        // Eligible rows: this CPNE, applicable on or before the date of conclusion. Newest version by
        // publication, then latest date, then a row naming the code alone, then a row with an amount; among
        // what remains tied, the higher amount (then a long-sheet row, with its own date and status, then
        // the first added), and the next lower amount of the tie is reported. One pass.
        type Candidate<'r> = (&'r TableVersion, &'r NpecRow, Date);
        let mut best: Option<((Date, Date, bool, bool), Candidate)> = None;
        let mut tie: Option<Decimal> = None;
        let rank = |r: &NpecRow| (r.amount, r.applicable_from.is_some());
        for h in &hits[from..to] {
            let version = &self.versions[h.version as usize];
            let row = &version.rows[h.row as usize];
            let date = row.applicable_from.unwrap_or(version.applies_from);
            if date > signed_on {
                continue;
            }
            let slot = (
                version.published,
                date,
                row.rncp.len() == 1,
                row.amount.is_some(),
            );
            match &mut best {
                Some((top, chosen)) if slot == *top => {
                    // Every amount set aside is below the chosen one, which only grows.
                    let set_aside = if rank(row) > rank(chosen.1) {
                        std::mem::replace(chosen, (version, row, date)).1.amount
                    } else {
                        row.amount
                    };
                    if set_aside != chosen.1.amount {
                        tie = tie.max(set_aside);
                    }
                }
                Some((top, _)) if slot < *top => {}
                _ => {
                    best = Some((slot, (version, row, date)));
                    tie = None;
                }
            }
        }
        let Some((_, (version, row, date))) = best else {
            return TableLookup::Absent(AbsentReason::NoRowForBranch { cpne });
        };
        TableLookup::of_selected(version, row, date, cpne, tie)
    }

    /// Every certification known, one entry per RNCP code, labelled by the newest version.
    pub fn certifications(&self) -> Vec<Certification> {
        let mut out: Vec<Certification> = self
            .index
            .iter()
            .filter_map(|(code, hits)| {
                // The last row added of the newest version.
                let hit = hits.iter().max_by_key(|h| {
                    (
                        self.versions[h.version as usize].published,
                        h.version,
                        h.row,
                    )
                })?;
                let (vi, ri) = (hit.version as usize, hit.row as usize);
                let row = &self.versions[vi].rows[ri];
                Some(Certification {
                    rncp: code.clone(),
                    label: row.label.clone(),
                    diploma_type: row.diploma_type.clone(),
                    level_hint: level_of_diploma_type(&row.diploma_type),
                    published: self.versions[vi].published,
                })
            })
            .collect();
        out.sort_by(|a, b| a.rncp.cmp(&b.rncp));
        out
    }

    /// Certifications matching a code or words of the label, accent- and case-insensitive, best first.
    ///
    /// ```
    /// # use coutcontrat::referentiel::*;
    /// # use jiff::civil::date;
    /// let mut r = Referentiel::default();
    /// # r.add_version(TableVersion { tag: "t".into(), published: date(2025, 9, 4), applies_from: date(2025, 9, 1),
    /// #   applies_until: None, source_file: String::new(), source_sha256: None, legal_basis: String::new(),
    /// #   synthetic: true, note: String::new(), mapping: None,
    /// #   rows: vec![NpecRow::simple("RNCP41000", "BTS Management opérationnel de la sécurité", 204, "8828", date(2025, 9, 1))] });
    /// let hits = r.search_certifications("securite management", 10);
    /// assert_eq!(hits[0].rncp, "RNCP41000");
    /// assert_eq!(r.search_certifications("4100", 10)[0].rncp, "RNCP41000");
    /// ```
    pub fn search_certifications(&self, query: &str, limit: usize) -> Vec<Certification> {
        let all = self.certifications();
        CertificationIndex::new(all).search(query, limit)
    }

    /// Branches matching an IDCC, a CPNE code or words of a label.
    pub fn search_branches(&self, query: &str, signed_on: Date, limit: usize) -> Vec<BranchHit> {
        let terms = words(query);
        let number: Option<u32> = query.trim().parse().ok();
        let mut hits: Vec<(u32, BranchHit)> = Vec::new();
        let branch = |cpne: u32| Branch {
            cpne,
            label: self.cpne_label(cpne).unwrap_or_default().to_owned(),
        };
        let mut idccs: Vec<u32> = self.idcc.keys().copied().collect();
        if let Some((mapping, _)) = self.mapping_for(signed_on) {
            idccs.extend(mapping.iter().map(|p| p.idcc));
        }
        idccs.sort_unstable();
        idccs.dedup();
        for idcc in idccs {
            let info = self.idcc.get(&idcc);
            let label = info.map(|i| i.label.clone()).unwrap_or_default();
            let cpne: Vec<Branch> = self
                .cpne_of_idcc(idcc, signed_on)
                .into_iter()
                .map(branch)
                .collect();
            let haystack = fold(&format!(
                "{label} {}",
                cpne.iter()
                    .map(|b| b.label.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            ));
            let score = if number == Some(idcc) {
                1000
            } else if number.is_some() && idcc.to_string().starts_with(query.trim()) {
                500
            } else if !terms.is_empty() && terms.iter().all(|t| haystack.contains(t.as_str())) {
                100
            } else {
                continue;
            };
            hits.push((
                score,
                BranchHit {
                    idcc: Some(idcc),
                    label,
                    opco: info.and_then(|i| i.opco.clone()),
                    cpne,
                },
            ));
        }
        // CPNE without an IDCC can still be chosen by code or name.
        let mut labels: Vec<(&u32, &String)> = self.cpne_labels.iter().collect();
        labels.sort_unstable_by_key(|&(cpne, _)| *cpne);
        for (&cpne, label) in labels {
            let folded = fold(label);
            let score = if number == Some(cpne) {
                300
            } else if !terms.is_empty() && terms.iter().all(|t| folded.contains(t.as_str())) {
                50
            } else {
                continue;
            };
            hits.push((
                score,
                BranchHit {
                    idcc: None,
                    label: label.clone(),
                    opco: None,
                    cpne: vec![branch(cpne)],
                },
            ));
        }
        hits.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.label.cmp(&b.1.label)));
        hits.into_iter().take(limit).map(|(_, h)| h).collect()
    }
}

/// A prepared search index over certifications, for search-as-you-type.
#[derive(Debug, Clone, Default)]
pub struct CertificationIndex {
    entries: Vec<(Certification, String, Vec<String>)>,
}

impl CertificationIndex {
    /// Folds every label once.
    pub fn new(certifications: Vec<Certification>) -> CertificationIndex {
        let entries = certifications
            .into_iter()
            .map(|c| {
                let folded = fold(&format!("{} {}", c.label, c.diploma_type));
                let label_words = words(&folded);
                (c, folded, label_words)
            })
            .collect();
        CertificationIndex { entries }
    }

    /// How many certifications it holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when it holds none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Best matches first: exact code, code prefix, then labels where every word of the query starts a
    /// word of the label (whole words and earlier words rank higher).
    pub fn search(&self, query: &str, limit: usize) -> Vec<Certification> {
        let q = query.trim();
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        let code = normalize_rncp(q);
        let digits = code.as_deref().map(|c| &c[4..]);
        let terms = words(q);
        let mut scored: Vec<(i64, &Certification)> = Vec::new();
        for (cert, _, label_words) in &self.entries {
            let mut score: i64 = 0;
            if let Some(code) = &code {
                if &cert.rncp == code {
                    score = 10_000;
                } else if cert.rncp[4..].starts_with(digits.unwrap_or_default()) {
                    score = 5_000 - cert.rncp.len() as i64;
                }
            }
            if score == 0 && !terms.is_empty() {
                let mut total = 0i64;
                let mut all = true;
                for term in &terms {
                    let best = label_words
                        .iter()
                        .enumerate()
                        .filter_map(|(i, w)| {
                            if w == term {
                                Some(100 - i.min(50) as i64)
                            } else if w.starts_with(term.as_str()) {
                                Some(60 - i.min(50) as i64)
                            } else {
                                None
                            }
                        })
                        .max();
                    match best {
                        Some(s) => total += s,
                        None => {
                            all = false;
                            break;
                        }
                    }
                }
                if all {
                    score = 1_000 + total - label_words.len() as i64;
                }
            }
            if score > 0 {
                scored.push((score, cert));
            }
        }
        // Equal scores: the certification of the newest version first (a former code shares its label).
        let order = |a: &(i64, &Certification), b: &(i64, &Certification)| {
            b.0.cmp(&a.0)
                .then_with(|| b.1.published.cmp(&a.1.published))
                .then_with(|| a.1.rncp.cmp(&b.1.rncp))
        };
        // A first letter matches thousands of a full-size table: pick the best `limit`, then sort those
        // (a total order, so the same list as sorting them all).
        if scored.len() > limit {
            scored.select_nth_unstable_by(limit - 1, order);
            scored.truncate(limit);
        }
        scored.sort_by(order);
        scored
            .into_iter()
            .take(limit)
            .map(|(_, c)| c.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::add_days;
    use crate::{Contract, ErrorKind, Quoter};
    use jiff::civil::date;

    fn version(
        tag: &str,
        published: Date,
        rows: Vec<NpecRow>,
        mapping: Vec<(u32, u32)>,
    ) -> TableVersion {
        TableVersion {
            tag: tag.into(),
            published,
            applies_from: published,
            applies_until: None,
            source_file: String::new(),
            source_sha256: None,
            legal_basis: String::new(),
            synthetic: false,
            note: String::new(),
            rows,
            mapping: Some(
                mapping
                    .into_iter()
                    .map(|(cpne, idcc)| CpneIdcc { cpne, idcc })
                    .collect(),
            ),
        }
    }

    fn two_branches() -> Referentiel {
        let mut r = Referentiel::default();
        let d = date(2026, 9, 1);
        let mut rows = vec![
            NpecRow::simple("RNCP41000", "BTS MOS", 433, "8000", d),
            NpecRow::simple("RNCP41000", "BTS MOS", 434, "8100", d),
        ];
        rows[0].cpne_label = "CPNE A".into();
        rows[1].cpne_label = "CPNE B".into();
        r.add_version(version(
            "2026",
            date(2026, 8, 31),
            rows,
            vec![(433, 3252), (434, 3252), (204, 1351)],
        ));
        r
    }

    fn contract(idcc: u32) -> Contract {
        Contract::new(
            date(2026, 9, 14),
            date(2026, 9, 1),
            date(2027, 8, 31),
            Decimal::from(9000),
        )
        .with_certification("RNCP41000", idcc)
        .with_level(5)
    }

    #[test]
    fn an_idcc_with_several_cpne_is_an_error_listing_them() {
        let r = two_branches();
        let err = Quoter::new(&r).quote(&contract(3252)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::AmbiguousBranch);
        assert_eq!(err.field(), Some("cpne"));
        assert_eq!(err.candidates(), ["433 – CPNE A", "434 – CPNE B"]);
        let mut chosen = contract(3252);
        chosen.cpne = Some(434);
        assert_eq!(
            Quoter::new(&r).quote(&chosen).unwrap().npec.annual,
            Decimal::from(8100)
        );
    }

    #[test]
    fn an_unknown_idcc_says_how_to_find_the_cpne() {
        let r = two_branches();
        let err = Quoter::new(&r).quote(&contract(9998)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnknownBranch);
        assert!(err.message().contains("CPNE"), "{}", err.message());
    }

    #[test]
    fn a_known_certification_without_a_row_for_the_branch_falls_back_to_amorcage() {
        let r = two_branches();
        let q = Quoter::new(&r).quote(&contract(1351)).unwrap();
        assert_eq!(q.npec.source, crate::NpecSource::Amorcage);
        assert_eq!(q.npec.annual, Decimal::from(6000));
        assert!(q.warnings.iter().any(|w| w.code == "amorcage"));
    }

    #[test]
    fn two_amounts_in_one_version_take_the_higher_with_a_warning() {
        let d = date(2026, 9, 1);
        let mut r = Referentiel::default();
        r.add_version(version(
            "dup",
            date(2026, 8, 31),
            vec![
                NpecRow::simple("RNCP41000", "BTS MOS", 204, "8000", d),
                NpecRow::simple("RNCP41000", "BTS MOS", 204, "8500", d),
            ],
            vec![(204, 1351)],
        ));
        let q = Quoter::new(&r).quote(&contract(1351)).unwrap();
        assert_eq!(q.npec.annual, Decimal::from(8500));
        let w = q
            .warnings
            .iter()
            .find(|w| w.code == "table_tie")
            .expect("tie warning");
        assert!(
            w.message.contains("8\u{a0}000,00") && w.message.contains("8\u{a0}500,00"),
            "{}",
            w.message
        );
    }

    #[test]
    fn a_newer_version_wins_and_a_row_dated_after_the_conclusion_does_not_apply() {
        let mut r = Referentiel::default();
        r.add_version(version(
            "old",
            date(2025, 9, 4),
            vec![NpecRow::simple(
                "RNCP41000",
                "BTS MOS",
                204,
                "8828",
                date(2025, 9, 1),
            )],
            vec![(204, 1351)],
        ));
        r.add_version(version(
            "new",
            date(2026, 8, 31),
            vec![NpecRow::simple(
                "RNCP41000",
                "BTS MOS",
                204,
                "8765",
                date(2026, 9, 1),
            )],
            vec![(204, 1351)],
        ));
        let mut c = contract(1351);
        assert_eq!(
            Quoter::new(&r).quote(&c).unwrap().npec.annual,
            Decimal::from(8765)
        );
        c.signed_on = date(2026, 8, 31);
        let q = Quoter::new(&r).quote(&c).unwrap();
        assert_eq!(q.npec.annual, Decimal::from(8828));
        assert_eq!(q.npec.table_version.as_deref(), Some("old"));
    }

    #[test]
    fn the_first_suggestions_are_the_best_of_all_matches() {
        // Many labels share their words, scores tie, versions differ: the short list must be the head of
        // the full ranking.
        let words = [
            "gestion",
            "commerce",
            "management",
            "technicien",
            "conducteur",
        ];
        let certifications: Vec<Certification> = (0..300u32)
            .map(|i| Certification {
                rncp: format!("RNCP{}", 30_000 + (i * 7919) % 1000),
                label: format!(
                    "{} {} {}",
                    words[(i % 5) as usize],
                    words[(i / 5 % 5) as usize],
                    "x ".repeat((i % 3) as usize)
                ),
                diploma_type: "TITRE".into(),
                level_hint: None,
                published: date(2020 + (i % 4) as i16, 1, 1),
            })
            .collect();
        let index = CertificationIndex::new(certifications);
        for query in ["g", "ge", "gestion", "commerce gestion", "t", "RNCP30", "3"] {
            let all = index.search(query, usize::MAX);
            for limit in [1, 8, 20] {
                let head: Vec<_> = all.iter().take(limit).cloned().collect();
                assert_eq!(index.search(query, limit), head, "{query} × {limit}");
            }
        }
    }

    /// D12's selection written plainly, in several passes over the rows: what `lookup` must agree with.
    fn lookup_by_passes<'a>(
        r: &'a Referentiel,
        rncp: &str,
        cpne: u32,
        signed_on: Date,
    ) -> TableLookup<'a> {
        let eligible = || {
            r.versions.iter().flat_map(move |v| {
                v.rows.iter().filter_map(move |row| {
                    let date = row.applicable_from.unwrap_or(v.applies_from);
                    (row.cpne == Some(cpne)
                        && row.rncp.iter().any(|c| c == rncp)
                        && date <= signed_on)
                        .then_some((v, row, date))
                })
            })
        };
        let slot = |(v, row, d): &(&TableVersion, &NpecRow, Date)| {
            (v.published, *d, row.rncp.len() == 1, row.amount.is_some())
        };
        let Some(top) = eligible().map(|c| slot(&c)).max() else {
            return TableLookup::Absent(AbsentReason::NoRowForBranch { cpne });
        };
        let tied: Vec<_> = eligible().filter(|c| slot(c) == top).collect();
        let mut chosen = tied[0];
        for c in &tied[1..] {
            if (c.1.amount, c.1.applicable_from.is_some())
                > (chosen.1.amount, chosen.1.applicable_from.is_some())
            {
                chosen = *c;
            }
        }
        let (v, row, date) = chosen;
        let tie = tied
            .iter()
            .filter_map(|c| c.1.amount)
            .filter(|a| Some(*a) != row.amount)
            .max();
        TableLookup::of_selected(v, row, date, cpne, tie)
    }

    proptest::proptest! {
        #[test]
        fn lookup_selects_as_decision_d12_reads(
            rows in proptest::collection::vec(
                // version, CPNE, amount (0 = NC), own date (0 = the version's), alone in its cell
                (0usize..3, 1u32..3, 0u32..4, 0i8..4, proptest::bool::ANY),
                1..24,
            ),
            same_publication in proptest::bool::ANY,
            signed_month in 1i8..13,
        ) {
            let mut tables: Vec<Vec<NpecRow>> = vec![Vec::new(); 3];
            for (line, &(v, cpne, amount, month, alone)) in rows.iter().enumerate() {
                let mut row = NpecRow::simple("RNCP1", "label", cpne, "1", date(2025, 1, 1));
                row.amount = (amount > 0).then(|| Decimal::from(1000 * amount));
                row.amount_raw = if amount > 0 { amount.to_string() } else { "NC".into() };
                row.applicable_from = (month > 0).then(|| date(2025, 3 * month, 1));
                if !alone {
                    row.rncp.push("RNCP2".into());
                }
                row.origin.line = Some(line as u32 + 1); // rows differ, so equality is identity
                tables[v].push(row);
            }
            let mut r = Referentiel::default();
            for (i, rows) in tables.into_iter().enumerate() {
                let published = if same_publication { date(2025, 1, 1) } else { date(2025, 1 + i as i8, 1) };
                r.add_version(version(&format!("v{i}"), published, rows, vec![(1, 1), (2, 2)]));
            }
            let signed_on = date(2025, signed_month, 15);
            for cpne in 1..3 {
                proptest::prop_assert_eq!(
                    r.lookup("RNCP1", cpne, signed_on),
                    lookup_by_passes(&r, "RNCP1", cpne, signed_on)
                );
            }
        }

        #[test]
        fn the_edition_in_force_is_the_one_every_version_compared_gives(
            // published (days after 2025-01-01), applies from (days after it), has a mapping
            versions in proptest::collection::vec((0i64..200, 0i64..200, proptest::bool::ANY), 1..8),
            signed_days in proptest::collection::vec(-30i64..450, 1..20),
        ) {
            let mut r = Referentiel::default();
            for (i, &(published, delay, mapped)) in versions.iter().enumerate() {
                let mut v = version(&format!("v{i}"), add_days(date(2025, 1, 1), published), Vec::new(), vec![(1, 1)]);
                v.applies_from = add_days(v.published, delay);
                if !mapped {
                    v.mapping = None;
                }
                r.add_version(v);
                for &days in &signed_days {
                    let signed_on = add_days(date(2025, 1, 1), days);
                    proptest::prop_assert_eq!(r.edition_index_for(signed_on), r.edition_scan(signed_on));
                    proptest::prop_assert_eq!(r.mapping_version_for(signed_on), r.mapping_scan(signed_on));
                }
            }
        }
    }
}
