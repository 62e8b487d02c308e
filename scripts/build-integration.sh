#!/usr/bin/env bash
# The integration page (integration.html) as a WebAssembly module of its own, beside the calculator's in
# trunk's staging directory (post-build.sh): the CFA's tools weigh 16 KB gzip that the calculator's visitors
# need not download. The same profile and tools as trunk's build (Trunk.toml, web/index.html); the page is
# widget.html (index.html without its loading shell, written first by post-build.sh) with the module's files in
# place of the calculator's.
set -euo pipefail
cd "$(dirname "$0")/.."
staging=${1:?staging directory}
cargo build --offline --locked --target wasm32-unknown-unknown --profile web-release \
  -p coutcontrat-web --bin coutcontrat-integration
built=target/wasm32-unknown-unknown/web-release/coutcontrat-integration.wasm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$work" "$built"
wasm-opt -Oz "$work/coutcontrat-integration_bg.wasm" -o "$work/opt.wasm"
hash=$(cat "$work/opt.wasm" "$work/coutcontrat-integration.js" | sha256sum | cut -c1-16)
js="coutcontrat-integration-$hash.js"
wasm="coutcontrat-integration-${hash}_bg.wasm"
cp "$work/coutcontrat-integration.js" "$staging/$js"
cp "$work/opt.wasm" "$staging/$wasm"
# boot.js loads what data-js and data-wasm name; the calculator's preloads are not this page's.
sed -E \
  -e "s#data-js=\"([^\"]*/)?coutcontrat-web-[0-9a-f]+\.js\"#data-js=\"\1$js\"#" \
  -e "s#data-wasm=\"([^\"]*/)?coutcontrat-web-[0-9a-f]+_bg\.wasm\"#data-wasm=\"\1$wasm\"#" \
  -e 's#<link rel="(modulepreload|preload)" href="[^"]*coutcontrat-web-[^>]*>##g' \
  "$staging/widget.html" > "$staging/integration.html"
grep -q "data-js=\"[^\"]*$js\"" "$staging/integration.html" || { echo "build-integration: data-js not replaced" >&2; exit 1; }
grep -q "data-wasm=\"[^\"]*$wasm\"" "$staging/integration.html" || { echo "build-integration: data-wasm not replaced" >&2; exit 1; }
echo "build-integration: $js, $wasm ($(gzip -9c "$staging/$wasm" | wc -c) B gzip)"
