#!/usr/bin/env bash
# Measures the web page (issue 9, « the web bundle » and « the référentiel in the page ») and prints tables:
#  1. sizes of the release build (dist/): WebAssembly and JS raw, gzip -9 and brotli 11, and the compact
#     référentiel the page fetches at start — the default data, and the SYNTHETIC full-size table;
#  2. in headless Chromium (web/examples/bench_page.rs): navigation → interactive calculator beside a blank page
#     of the same server (median of RUNS=5), and each keystroke of a certification search (ROUNDS=3 typings),
#     with the default data and with the synthetic full-size table put in place of it in a copy of dist/.
# A measurement: nothing is asserted (the size budgets are checked by web/tests/budget.rs).
#
# Needs the tools of scripts/setup.sh. NO_BUILD=1 skips scripts/build-web.sh. The synthetic table is
# target/synthetic/compact-synthetic+embedded.ccrc (scripts/bench-import.sh makes it; SYNTHETIC= another).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
# Measured at high priority, as scripts/bench-import.sh does: other builds share the machine.
NICE=${NICE-nice -n -20}
[ -n "${NO_BUILD:-}" ] || scripts/build-web.sh >/dev/null
SYNTHETIC=${SYNTHETIC:-target/synthetic/compact-synthetic+embedded.ccrc}
mkdir -p target

echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
# gzip -9 by the gzip command, as web/tests/budget.rs checks it (node's zlib at level 9 writes ~1 % more), and
# brotli 11 through node's zlib (node comes with scripts/setup.sh; no brotli binary needed).
sizes() {
    node -e '
      const z = require("zlib"), fs = require("fs"), path = require("path");
      const kb = n => (n / 1000).toFixed(1) + " KB";
      const rows = [];
      let total = [0, 0, 0];
      for (const arg of process.argv.slice(1)) {
        const i = arg.indexOf("="), label = arg.slice(0, i), file = arg.slice(i + 1);
        const b = fs.readFileSync(file);
        const g = require("child_process").execFileSync("gzip", ["-9", "-n", "-c", file]).length;
        const r = z.brotliCompressSync(b, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11,
                                                      [z.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;
        console.log(`| ${label.replace(/^\+/, "")} (${path.basename(file)}) | ${kb(b.length)} | ${kb(g)} | ${kb(r)} |`);
        if (label.startsWith("+")) { total[0] += b.length; total[1] += g; total[2] += r; }
      }
      if (total[0]) console.log(`| **WebAssembly + JS** | ${kb(total[0])} | **${kb(total[1])}** | ${kb(total[2])} |`);
    ' "$@"
}
wasm=$(ls dist/coutcontrat-web-*_bg.wasm)
js=$(ls dist/coutcontrat-web-*.js)
echo "| file | raw | gzip -9 | brotli 11 |"
echo "|---|---:|---:|---:|"
files=("+WebAssembly=$wasm" "+JS glue=$js" "boot.js=dist/boot.js" "référentiel, default data=dist/referentiel.ccrc")
[ ! -f "$SYNTHETIC" ] || files+=("référentiel, SYNTHETIC full size=$SYNTHETIC")
sizes "${files[@]}" | tee target/bench-web-sizes.md
echo
# The summary of scripts/bench.sh (BENCH_SUMMARY: measure, ours, baseline, ratio, target, verdict).
if [ -n "${BENCH_SUMMARY:-}" ]; then
    awk -F'|' '
      /WebAssembly \+ JS/ { gsub(/[ *]/, "", $4); v = $4 + 0
        printf "web bundle: WebAssembly + JS, gzip -9\t%s KB\t–\t–\t≤ 350 KB\t%s\n", v, (v <= 350 ? "met" : "missed by " v - 350 " KB") }
      /SYNTHETIC full size/ { gsub(/[ *]/, "", $4); v = $4 + 0
        printf "web: full-size référentiel before the first quote, gzip -9\t%s KB\t–\t–\t≤ 400 KB\t%s\n", v, (v <= 400 ? "met" : "missed by " v - 400 " KB") }
    ' target/bench-web-sizes.md >> "$BENCH_SUMMARY"
fi

# The page fetches referentiel.ccrc at start: a copy of dist/ with the synthetic table in its place.
cargo build -q --release --offline --locked -p coutcontrat-web --example bench_page
BIN=${CARGO_TARGET_DIR:-target}/release/examples/bench_page
$NICE env COUTCONTRAT_DIST=dist "$BIN" "default data"
echo
if [ -f "$SYNTHETIC" ]; then
    copy=target/bench-web/dist-synthetic
    rm -rf "$copy" && mkdir -p "$copy" && cp -r dist/. "$copy"/ && cp "$SYNTHETIC" "$copy/referentiel.ccrc"
    $NICE env COUTCONTRAT_DIST="$copy" "$BIN" "SYNTHETIC full-size table"
else
    echo "(no $SYNTHETIC: run scripts/bench-import.sh to make the synthetic full-size table)"
fi
