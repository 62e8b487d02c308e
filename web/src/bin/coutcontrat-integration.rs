//! Entry point of the integration page (`integration.html`, built by `scripts/build-page.sh`): a
//! WebAssembly module of its own, so that the calculator's visitors never download the CFA's tools.

fn main() {
    #[cfg(target_arch = "wasm32")]
    coutcontrat_web::start::<coutcontrat_web::widget::integration_page::Integration>();
}
