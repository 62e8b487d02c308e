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
# The documentation of the published crates builds with every warning denied (broken links, missing docs), as docs.rs would build it.
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps -p coutcontrat -p coutcontrat-referentiel -p coutcontrat-cli
# The publishable crates as crates.io would receive them: each packaged crate is built on its own
# (the data it needs inside it), the three together through cargo's local registry of the workspace.
# cargo unpacks the workspace's own crates from its local registry, and builds them, once per version, then
# reuses both however the sources changed (a registry crate never changes): remove them first (the unpacked
# copies of local registries, named "-<hash>", and what their own target directory built of them).
rm -rf "${CARGO_HOME:-$HOME/.cargo}"/registry/src/-*/coutcontrat* target/package
find target/packaged -name 'coutcontrat*' -prune -exec rm -rf {} + 2>/dev/null || true
CARGO_TARGET_DIR=target/packaged \
  cargo package --locked --allow-dirty -p coutcontrat -p coutcontrat-referentiel -p coutcontrat-cli
# Kept by default for the next run; CI (.ci/run) drops it to save disk.
if [[ -n ${COUTCONTRAT_DROP_PACKAGED:-} ]]; then rm -rf target/packaged; fi
scripts/build-web.sh
cargo test --workspace --locked
# The npm package (target/npm), in Node, against the CLI: every fixture, the errors, npm pack and its budget.
scripts/test-npm.sh
# The full-size référentiel's budget in the page (ignored by a plain `cargo test`: its input takes minutes to
# make) on the synthetic full-size table.
scripts/synthetic-compact.sh
cargo test --locked -p coutcontrat-web --test budget -- --ignored
# A bounded fuzz run of every target (FUZZ_SECONDS in all, 240 by default): anything found fails the run.
scripts/fuzz.sh "${FUZZ_SECONDS:-240}"
