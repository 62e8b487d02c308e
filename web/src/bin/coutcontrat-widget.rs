//! Entry point of the widget's page (`widget.html`, built by `scripts/build-page.sh`): a WebAssembly module of
//! its own, so that neither the calculator's visitors nor the CFAs' download the other's code.

fn main() {
    #[cfg(target_arch = "wasm32")]
    coutcontrat_web::start::<coutcontrat_web::widget::view::Widget>();
}
