//! The phase trace of an import, for benchmarks.

/// With `COUTCONTRAT_TRACE` set, the time of each phase of an import on standard error (for benchmarks).
pub(crate) fn trace(phase: &str, since: std::time::Instant) {
    if std::env::var_os("COUTCONTRAT_TRACE").is_some() {
        eprintln!("[import] {phase}: {:.3} s", since.elapsed().as_secs_f64());
    }
}
