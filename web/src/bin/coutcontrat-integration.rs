//! Entry point of the integration page (`integration.html`, built by `scripts/build-integration.sh`): a
//! WebAssembly module of its own, so that the calculator's visitors never download the CFA's tools.

fn main() {
    // First: a panic from here on shows a message and a way to report it (crash.rs).
    #[cfg(target_arch = "wasm32")]
    coutcontrat_web::crash::install();
    #[cfg(target_arch = "wasm32")]
    {
        use coutcontrat_web::widget::integration_page::Integration;
        match web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("app"))
        {
            Some(root) => yew::Renderer::<Integration>::with_root(root).render(),
            None => yew::Renderer::<Integration>::new().render(),
        };
    }
}
