//! Contracts used by the benchmarks, so that every bench measures the same inputs.

use coutcontrat::Contract;
use jiff::civil::date;

/// A one-year contract whose NPEC comes from the embedded référentiel (RNCP41000 × IDCC 1351, 2026 edition).
pub fn one_year_with_lookup() -> Contract {
    Contract::new(
        date(2026, 9, 1),
        date(2026, 9, 1),
        date(2027, 8, 31),
        9000.into(),
    )
    .with_certification("RNCP41000", 1351)
    .with_level(5)
}

/// A three-year contract whose NPEC comes from the embedded référentiel.
pub fn three_years_with_lookup() -> Contract {
    let mut c = one_year_with_lookup();
    c.end = date(2029, 8, 31);
    c
}

/// The same three-year contract with its NPEC given: the baseline without table lookup.
pub fn three_years_manual() -> Contract {
    let mut c = three_years_with_lookup();
    c.rncp = None;
    c.idcc = None;
    c.npec = Some(8765.into());
    c
}

/// The one-year contract with its NPEC given: the baseline without table lookup.
pub fn one_year_manual() -> Contract {
    let mut c = one_year_with_lookup();
    c.rncp = None;
    c.idcc = None;
    c.npec = Some(8765.into());
    c
}

/// The three-year contract with the employer's whole cost asked for (a birth date and a headcount): the
/// salary, the contributions of its 36 months and the aids on top of the training quote (issue 21).
pub fn three_years_net_cost() -> Contract {
    let mut c = three_years_with_lookup();
    c.birth_date = Some(date(2007, 3, 2));
    c.company_headcount = Some(20);
    c
}
