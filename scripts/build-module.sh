#!/usr/bin/env bash
# A WebAssembly module loaded only when a visitor asks for it, beside the calculator's in trunk's staging
# directory (post-build.sh): the référentiel's importer (web/importer, run by its Web Worker) and the export
# of a quote (web/export). Writes PREFIX-HASH.js and PREFIX-HASH_bg.wasm, and OUT (the script that loads
# them, from TEMPLATE with their names in place of __MODULE_JS__ and __MODULE_WASM__).
#
#   scripts/build-module.sh STAGING CRATE PREFIX TEMPLATE OUT
set -euo pipefail
cd "$(dirname "$0")/.."
staging=${1:?staging directory}
crate=${2:?crate}
prefix=${3:?file prefix}
template=${4:?template}
out=${5:?output name}
cargo build --offline --locked --target wasm32-unknown-unknown --profile web-release -p "$crate"
lib=${crate//-/_}
built=target/wasm32-unknown-unknown/web-release/$lib.wasm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$work" "$built"
wasm-opt -Oz "$work/${lib}_bg.wasm" -o "$work/opt.wasm"
hash=$(cat "$work/opt.wasm" "$work/$lib.js" | sha256sum | cut -c1-16)
js="$prefix-$hash.js"
wasm="$prefix-${hash}_bg.wasm"
cp "$work/$lib.js" "$staging/$js"
cp "$work/opt.wasm" "$staging/$wasm"
sed -e "s#__MODULE_JS__#$js#" -e "s#__MODULE_WASM__#$wasm#" "$template" > "$staging/$out"
grep -q "$wasm" "$staging/$out" || { echo "build-module: $out not written" >&2; exit 1; }
echo "build-module: $js, $wasm ($(gzip -9c "$staging/$wasm" | wc -c) B gzip), $out"
