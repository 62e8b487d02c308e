# Source this (`. scripts/env.sh`) to get the project's pinned tools first on PATH:
# cargo-installed trunk / wasm-bindgen, and wasm-opt from the npm package binaryen@132
# (Debian's binaryen 108 fails on current Rust output, so it must never win).
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$_root/web/tools/node_modules/.bin:$PATH"
unset _root
