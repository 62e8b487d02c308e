//! Tools for a CFA (issue 22), on top of the quote: the same figures, for many branches at once.

pub mod cashflow;
pub mod matrix;

pub use cashflow::{by_month, payments_of, totals_by, Month, Payment};
pub use matrix::{branch_matrix, BranchRow, Matrix};
