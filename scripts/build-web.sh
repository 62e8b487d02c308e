#!/usr/bin/env bash
# Builds the web calculator for release into dist/ (trunk + wasm-bindgen + wasm-opt -Oz, all from PATH).
# Needs the tools of scripts/setup.sh. Extra arguments go to `trunk build`.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
# Trunk.toml builds offline: every crate must already be in cargo's cache.
cargo fetch --locked
trunk build --release "$@"
echo "build-web: dist/ ready ($(du -sh dist | cut -f1))"
