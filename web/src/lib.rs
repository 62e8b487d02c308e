//! The public web calculator of coutcontrat: a yew app, compiled to WebAssembly by trunk.
//!
//! [`state`] is the whole logic of the page, a pure reducer tested on the host; [`components`] only
//! render it, and [`browser`] is the little the page asks of the browser (today's date, the address bar).
#![deny(missing_docs)]

pub mod browser;
pub mod cfa;
pub mod components;
pub mod crash;
pub mod data;
pub mod format;
pub mod imported;
pub mod query;
pub mod registry;
pub mod state;
pub mod widget;

pub use components::app::App;
pub use widget::Root;

/// Starts a page's component: first the panic message (crash.rs), then the component into `#app` of the
/// HTML, not `<body>` (yew empties its root, and `#crash` must stay).
#[cfg(target_arch = "wasm32")]
pub fn start<C>()
where
    C: yew::BaseComponent,
    C::Properties: Default,
{
    crash::install();
    match web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    {
        Some(root) => yew::Renderer::<C>::with_root(root).render(),
        None => yew::Renderer::<C>::new().render(),
    };
}
