//! Entry point of the page (`trunk build` compiles it to WebAssembly).

fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<coutcontrat_web::App>::new().render();
}
