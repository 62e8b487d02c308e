#!/usr/bin/env bash
# A page with a WebAssembly module of its own, beside the calculator's in trunk's staging directory
# (post-build.sh): `build-page.sh STAGING BIN SOURCE_HTML OUT_HTML`. The integration page (the CFA's tools,
# 16 KB gzip) and the widget (34 KB gzip of its own code) each leave the calculator's module, which their
# visitors need not download, and the other way round. The same profile and tools as trunk's build
# (Trunk.toml, web/index.html); OUT_HTML is SOURCE_HTML with the module's files in place of the calculator's.
set -euo pipefail
cd "$(dirname "$0")/.."
staging=${1:?staging directory}
bin=${2:?binary of web/src/bin}
source_html=${3:?page to start from}
out_html=${4:?page to write}
cargo build --offline --locked --target wasm32-unknown-unknown --profile web-release \
  -p coutcontrat-web --bin "$bin"
built=target/wasm32-unknown-unknown/web-release/$bin.wasm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$work" "$built"
wasm-opt -Oz "$work/${bin}_bg.wasm" -o "$work/opt.wasm"
hash=$(cat "$work/opt.wasm" "$work/$bin.js" | sha256sum | cut -c1-16)
js="$bin-$hash.js"
wasm="$bin-${hash}_bg.wasm"
cp "$work/$bin.js" "$staging/$js"
cp "$work/opt.wasm" "$staging/$wasm"
# boot.js loads what data-js and data-wasm name; the calculator's preloads are not this page's.
sed -E \
  -e "s#data-js=\"([^\"]*/)?coutcontrat-web-[0-9a-f]+\.js\"#data-js=\"\1$js\"#" \
  -e "s#data-wasm=\"([^\"]*/)?coutcontrat-web-[0-9a-f]+_bg\.wasm\"#data-wasm=\"\1$wasm\"#" \
  -e 's#<link rel="(modulepreload|preload)" href="[^"]*coutcontrat-web-[^>]*>##g' \
  "$staging/$source_html" > "$work/page.html"
grep -q "data-js=\"[^\"]*$js\"" "$work/page.html" || { echo "build-page: $out_html: data-js not replaced" >&2; exit 1; }
grep -q "data-wasm=\"[^\"]*$wasm\"" "$work/page.html" || { echo "build-page: $out_html: data-wasm not replaced" >&2; exit 1; }
mv "$work/page.html" "$staging/$out_html"
echo "build-page: $out_html: $js, $wasm ($(gzip -9c "$staging/$wasm" | wc -c) B gzip)"
