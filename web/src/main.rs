//! Entry point of the page (`trunk build` compiles it to WebAssembly): the calculator, or the widget.

fn main() {
    #[cfg(target_arch = "wasm32")]
    coutcontrat_web::start::<coutcontrat_web::Root>();
}
