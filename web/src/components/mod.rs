//! The page's components: they render the [`State`](crate::state::State) and send
//! [`Action`](crate::state::Action)s, nothing more.

pub mod app;
pub mod combobox;
pub mod cost_chart;
pub mod data_import;
pub mod data_panel;
pub mod export;
pub mod form;
pub mod net_cost;
pub mod part;
pub mod print_link;
pub mod results;
pub mod settle;
pub mod widgets;
