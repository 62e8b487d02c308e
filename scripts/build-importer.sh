#!/usr/bin/env bash
# The référentiel's importer for the page (web/importer, issue 18) as a WebAssembly module of its own, beside
# the calculator's in trunk's staging directory (post-build.sh): only its Web Worker loads it, when a visitor
# imports a file. Writes coutcontrat-importer-HASH.js and _bg.wasm, import-worker.js naming them, and
# import.js (the page's side, loaded by boot.js on first use).
set -euo pipefail
cd "$(dirname "$0")/.."
staging=${1:?staging directory}
cargo build --offline --locked --target wasm32-unknown-unknown --profile web-release -p coutcontrat-web-importer
built=target/wasm32-unknown-unknown/web-release/coutcontrat_web_importer.wasm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$work" "$built"
wasm-opt -Oz "$work/coutcontrat_web_importer_bg.wasm" -o "$work/opt.wasm"
hash=$(cat "$work/opt.wasm" "$work/coutcontrat_web_importer.js" | sha256sum | cut -c1-16)
js="coutcontrat-importer-$hash.js"
wasm="coutcontrat-importer-${hash}_bg.wasm"
cp "$work/coutcontrat_web_importer.js" "$staging/$js"
cp "$work/opt.wasm" "$staging/$wasm"
sed -e "s#__IMPORTER_JS__#$js#" -e "s#__IMPORTER_WASM__#$wasm#" web/import-worker.js > "$staging/import-worker.js"
grep -q "$wasm" "$staging/import-worker.js" || { echo "build-importer: import-worker.js not written" >&2; exit 1; }
cp web/import.js "$staging/import.js"
echo "build-importer: $js, $wasm ($(gzip -9c "$staging/$wasm" | wc -c) B gzip)"
