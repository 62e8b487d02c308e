//! # coutcontrat
//!
//! The financing of a French apprenticeship contract: what the OPCO pays the CFA (the *niveau de prise en
//! charge*, NPEC, prorated by execution year), what remains for the employer, and when it is paid.
//!
//! The crate is pure: no clock, no disk, no network, no floats. Every figure the law fixes is a dated
//! parameter read from `data/parameters/financing.toml` (embedded); every choice the texts leave open is a
//! [`Policy`] option whose defaults are the decision table of `RULES.md` section 0.
//!
//! ```
//! use coutcontrat::{ContractInput, Quoter, Referentiel};
//! let input = ContractInput::from_json(r#"{
//!     "signed_on": "2025-08-15", "start": "2025-09-01", "end": "2027-02-28",
//!     "npec": "7000", "price": "9000", "level": 6
//! }"#).unwrap();
//! let referentiel = Referentiel::default();
//! let quote = Quoter::new(&referentiel).quote(&input.parse().unwrap()).unwrap();
//! assert_eq!(quote.years[1].npec.to_string(), "3471.23");
//! assert_eq!(quote.participation.to_string(), "750.00");
//! assert_eq!(quote.schedule[0].amount.to_string(), "2050.00");
//! ```
#![deny(missing_docs)]

pub mod case;
pub mod cfa;
pub mod codes;
pub mod contract;
pub mod dates;
pub mod employer;
pub mod error;
#[cfg(test)]
mod generate;
pub mod money;
pub mod quote;
pub mod referentiel;
pub mod rules;
pub mod text;

pub use contract::{Contract, ContractInput};
pub use error::{Error, Result};
pub use quote::{Policy, Quote, Quoter};
pub use referentiel::Referentiel;

// The README's examples are compiled and run as doctests.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
