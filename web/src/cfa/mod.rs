//! The CFA's view (`cfa.html`, its own WebAssembly module): one certification at one price for every
//! branch of the edition in force, sortable, filterable and downloadable as CSV (issue 22).

pub mod state;
mod view;

pub use view::CfaView;
