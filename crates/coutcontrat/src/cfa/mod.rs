//! Tools for a CFA (issue 22), on top of the quote: the same figures, for many branches at once.

pub mod matrix;

pub use matrix::{branch_matrix, BranchRow, Matrix};
