#!/usr/bin/env bash
# Builds the npm package `coutcontrat` into target/npm/ (a folder `npm pack` takes as is): the engine and its
# default data compiled to WebAssembly (crates/coutcontrat-js), the JavaScript around it (crates/coutcontrat-js/js),
# and types.d.ts generated from the Rust declarations by `coutcontrat schema --typescript`.
# Needs the tools of scripts/setup.sh (wasm-bindgen, wasm-opt).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
out=target/npm
version=$(cargo metadata --format-version 1 --no-deps --locked \
  | python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "coutcontrat-js"))')
cargo build --locked -p coutcontrat-js --target wasm32-unknown-unknown --profile web-release
cargo build --locked -p coutcontrat-cli --bin coutcontrat
cargo build --locked -p coutcontrat-referentiel --bin coutcontrat-compact
rm -rf "$out"
mkdir -p "$out/wasm"
wasm-bindgen --target web --no-typescript --out-dir "$out/wasm" --out-name coutcontrat \
  target/wasm32-unknown-unknown/web-release/coutcontrat_js.wasm
# The features of the Rust target, as trunk passes them for the page.
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  -o "$out/wasm/coutcontrat_bg.wasm" "$out/wasm/coutcontrat_bg.wasm"
cp crates/coutcontrat-js/js/{api.js,node.js,browser.js,index.d.ts,README.md} "$out/"
sed "s/@VERSION@/$version/" crates/coutcontrat-js/js/package.json.in > "$out/package.json"
target/debug/coutcontrat schema --typescript > "$out/types.d.ts"
echo "build-npm: $out ready, coutcontrat@$version ($(du -sh "$out" | cut -f1))"
