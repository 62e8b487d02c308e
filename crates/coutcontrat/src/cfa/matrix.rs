//! Every branch at a glance: one certification at one price, quoted for each branch (CPNE) of the
//! edition in force, as a CFA's price list. Each row is the quote of that branch, nothing recomputed.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::contract::Contract;
use crate::money::Money;
use crate::quote::Quoter;
use crate::Error;

/// One branch of the matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BranchRow {
    /// The CPNE code.
    pub cpne: u32,
    /// Its label, when the data know it.
    pub cpne_label: Option<String>,
    /// The IDCC the CPNE covers in the mapping used.
    pub idcc: Vec<u32>,
    /// The annual NPEC retained.
    pub npec_annual: Option<Money>,
    /// What the OPCO pays in all (training, RQTH majoration, annexes).
    pub opco_total: Option<Money>,
    /// What remains for the employer, participation included.
    pub employer_total: Option<Money>,
    /// The NPEC is provisional (amorçage value or an earlier edition's row).
    pub provisional: bool,
    /// The référentiel version of the row, when the NPEC comes from a table.
    pub table_version: Option<String>,
    /// The codes of the quote's warnings.
    pub warnings: Vec<String>,
    /// Why this branch has no quote, when it has none.
    pub error: Option<String>,
}

/// The matrix of a contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Matrix {
    /// The version whose CPNE ↔ IDCC mapping lists the branches.
    pub mapping_version: String,
    /// One row per CPNE, by code.
    pub rows: Vec<BranchRow>,
}

/// Quotes `contract` (its certification, price, dates…) for every branch of the mapping in force on its
/// date of conclusion: the contract's own IDCC and CPNE are replaced by each CPNE in turn.
///
/// ```
/// use coutcontrat::{cfa::branch_matrix, ContractInput, Quoter, Referentiel};
/// let contract = ContractInput::from_json(r#"{"signed_on": "2026-09-14", "start": "2026-09-14",
///     "end": "2028-09-13", "npec": "8000", "price": "9000", "level": 5}"#).unwrap().parse().unwrap();
/// // Without a mapping in the data there is no branch to list.
/// assert!(branch_matrix(&Quoter::new(&Referentiel::default()), &contract).is_err());
/// ```
pub fn branch_matrix(quoter: &Quoter<'_>, contract: &Contract) -> Result<Matrix, Error> {
    let referentiel = quoter.referentiel();
    let (mapping, version) = referentiel.mapping_for(contract.signed_on).ok_or_else(|| {
        Error::new(
            crate::error::ErrorKind::Data,
            Some("signed_on"),
            "aucune correspondance CPNE ↔ IDCC dans les données pour cette date de conclusion : la liste \
             des branches est inconnue ; importez le référentiel officiel (coutcontrat import)"
                .to_owned(),
        )
    })?;
    let mut branches: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for pair in mapping {
        let idcc = branches.entry(pair.cpne).or_default();
        if !idcc.contains(&pair.idcc) {
            idcc.push(pair.idcc);
        }
    }
    let rows = branches
        .into_iter()
        .map(|(cpne, mut idcc)| {
            idcc.sort_unstable();
            let mut one = contract.clone();
            one.idcc = None;
            one.cpne = Some(cpne);
            let mut row = BranchRow {
                cpne,
                cpne_label: referentiel.cpne_label(cpne).map(str::to_owned),
                idcc,
                npec_annual: None,
                opco_total: None,
                employer_total: None,
                provisional: false,
                table_version: None,
                warnings: Vec::new(),
                error: None,
            };
            match quoter.quote(&one) {
                Ok(q) => {
                    row.npec_annual = Some(q.npec.annual);
                    row.opco_total = Some(q.totals.opco_all);
                    row.employer_total = Some(q.totals.employer);
                    row.provisional = q.npec.provisional;
                    row.table_version = q.npec.table_version.as_deref().map(str::to_owned);
                    row.warnings = q.warnings.iter().map(|w| w.code.to_string()).collect();
                }
                Err(e) => row.error = Some(e.message().to_owned()),
            }
            row
        })
        .collect();
    Ok(Matrix {
        mapping_version: version.to_owned(),
        rows,
    })
}
