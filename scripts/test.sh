#!/usr/bin/env bash
# The one command that passes every test: set-up, formatting, lints, docs, packaging, the web build, then all tests
# (library, fixtures, properties, command line, and the browser end-to-end tests against the release build),
# then a bounded fuzz run (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/env.sh
cargo fmt --all --check
cargo fmt --manifest-path fuzz/Cargo.toml --check
cargo clippy --workspace --all-targets --locked -- -D warnings
# The library documentation builds with every warning denied (broken links, missing docs).
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps -p coutcontrat -p coutcontrat-referentiel
# The publishable crates as crates.io would receive them: each packaged crate is built on its own
# (the data it needs inside it), the three together through cargo's local registry of the workspace.
cargo package --locked --allow-dirty -p coutcontrat -p coutcontrat-referentiel -p coutcontrat-cli
scripts/build-web.sh
cargo test --workspace --locked
# The full-size référentiel's budget in the page (ignored by a plain `cargo test`: its input takes minutes to
# make) on the synthetic full-size table.
scripts/synthetic-compact.sh
cargo test --locked -p coutcontrat-web --test budget -- --ignored
# A bounded fuzz run of every target (FUZZ_SECONDS in all, 240 by default): anything found fails the run.
scripts/fuzz.sh "${FUZZ_SECONDS:-240}"
