//! The public web calculator of coutcontrat: a yew app, compiled to WebAssembly by trunk.
//!
//! [`state`] is the whole logic of the page, a pure reducer tested on the host; [`components`] only
//! render it, and [`browser`] is the little the page asks of the browser (today's date, the address bar).
#![deny(missing_docs)]

pub mod browser;
pub mod components;
pub mod crash;
pub mod data;
pub mod format;
pub mod query;
pub mod state;
pub mod widget;

pub use components::app::App;
pub use widget::Root;
