//! The CFA's view (`cfa.html`, its own WebAssembly module): one certification at one price for every
//! branch of the edition in force, sortable, filterable and downloadable as CSV, and the cash flow of a
//! cohort read from its file of contracts (issue 22).

pub mod cohort;
mod cohort_view;
pub mod state;
mod view;

pub use view::CfaView;
