//! D12: the row that gives the NPEC of a certification in a branch for a date of conclusion.

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::{Coverage, Hit, NpecRow, Referentiel, TableVersion};

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
    pub(super) fn of_selected(
        at: (u32, u32),
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
                coverage: version.coverage,
                row,
                amount,
                applicable_from,
                cpne,
                tie_with,
                at,
            }),
            None => TableLookup::Absent(AbsentReason::NotDefined {
                cpne,
                version: version.tag.clone(),
                raw: row.amount_raw.clone(),
            }),
        }
    }
}

/// A row chosen by [`Referentiel::lookup`]. Two are equal when they say the same, whatever référentiel they
/// come from (the indices of `at` are only where this one keeps its texts).
#[derive(Clone)]
pub struct FoundRow<'a> {
    /// The version's tag.
    pub version: &'a str,
    /// Whether the version is synthetic.
    pub synthetic: bool,
    /// The version's coverage (D20).
    pub coverage: Coverage,
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
    /// The version's and the row's indices, for their shared texts.
    pub(crate) at: (u32, u32),
}

impl PartialEq for FoundRow<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version
            && self.synthetic == other.synthetic
            && self.coverage == other.coverage
            && self.row == other.row
            && self.amount == other.amount
            && self.applicable_from == other.applicable_from
            && self.cpne == other.cpne
            && self.tie_with == other.tie_with
    }
}

impl std::fmt::Debug for FoundRow<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FoundRow")
            .field("version", &self.version)
            .field("synthetic", &self.synthetic)
            .field("coverage", &self.coverage)
            .field("row", &self.row)
            .field("amount", &self.amount)
            .field("applicable_from", &self.applicable_from)
            .field("cpne", &self.cpne)
            .field("tie_with", &self.tie_with)
            .finish()
    }
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

/// The rows of one certification, found once for [`Referentiel::lookup_in`].
#[derive(Clone, Copy)]
pub(crate) struct CertificationRows<'r>(&'r [Hit]);

impl Referentiel {
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
        type Candidate<'r> = (&'r TableVersion, &'r NpecRow, Date, (u32, u32));
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
                        std::mem::replace(chosen, (version, row, date, (h.version, h.row)))
                            .1
                            .amount
                    } else {
                        row.amount
                    };
                    if set_aside != chosen.1.amount {
                        tie = tie.max(set_aside);
                    }
                }
                Some((top, _)) if slot < *top => {}
                _ => {
                    best = Some((slot, (version, row, date, (h.version, h.row))));
                    tie = None;
                }
            }
        }
        let Some((_, (version, row, date, at))) = best else {
            return TableLookup::Absent(AbsentReason::NoRowForBranch { cpne });
        };
        TableLookup::of_selected(at, version, row, date, cpne, tie)
    }
}
