//! Entry point of the page (`trunk build` compiles it to WebAssembly).

fn main() {
    // First: a panic from here on shows a message and a way to report it (crash.rs).
    #[cfg(target_arch = "wasm32")]
    coutcontrat_web::crash::install();
    // Into #app of index.html, not <body>: yew empties its root, and #crash must stay.
    #[cfg(target_arch = "wasm32")]
    match web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    {
        Some(root) => yew::Renderer::<coutcontrat_web::Root>::with_root(root).render(),
        None => yew::Renderer::<coutcontrat_web::Root>::new().render(),
    };
}
