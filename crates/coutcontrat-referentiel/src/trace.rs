//! The phase trace of an import, for benchmarks.

/// When a phase started: WebAssembly in a browser has no `Instant` (it panics), and no trace to write.
#[derive(Clone, Copy)]
pub(crate) struct Started(#[cfg(not(target_arch = "wasm32"))] std::time::Instant);

impl Started {
    pub(crate) fn now() -> Started {
        Started(
            #[cfg(not(target_arch = "wasm32"))]
            std::time::Instant::now(),
        )
    }
}

/// With `COUTCONTRAT_TRACE` set, the time of each phase of an import on standard error (for benchmarks).
pub(crate) fn trace(phase: &str, since: Started) {
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::var_os("COUTCONTRAT_TRACE").is_some() {
        eprintln!("[import] {phase}: {:.3} s", since.0.elapsed().as_secs_f64());
    }
    #[cfg(target_arch = "wasm32")]
    let _ = (phase, since);
}
