//! Entry point of the CFA's view (`cfa.html`, built by `scripts/build-page.sh`): every branch at a glance,
//! a WebAssembly module of its own, so that the calculator's visitors never download it.

fn main() {
    #[cfg(target_arch = "wasm32")]
    coutcontrat_web::start::<coutcontrat_web::cfa::CfaView>();
}
