#!/usr/bin/env bash
# The official référentiel imported in the browser (issue 18), beside the command line on the same file in
# the same run: the synthetic full-size workbook (scripts/bench-import.sh's, made if missing) imported by
# `coutcontrat import` (wall time, peak RSS), then through the page in headless Chromium (from the file chosen
# to the edition listed after the page reloads on it; the renderer's peak RSS, where the Web Worker runs).
# Needs dist/ (scripts/build-web.sh) and Chromium (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORKBOOK=$ROOT/target/synthetic/Referentiel-des-NPEC-SYNTHETIQUE-3400x205.xlsx
TIME=/usr/bin/time
cargo build --release -q -p coutcontrat-referentiel --bin coutcontrat-synth
cargo build --release -q -p coutcontrat-cli
[ -f "$WORKBOOK" ] || target/release/coutcontrat-synth --out "$WORKBOOK" >&2
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
log=$(mktemp)
"$TIME" -v target/release/coutcontrat import "$WORKBOOK" --out "$data" > /dev/null 2> "$log"
cli_wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log")
cli_rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2/1024}' "$log")
rm -f "$log"
web=$(COUTCONTRAT_BENCH_WORKBOOK="$WORKBOOK" cargo test -q -p coutcontrat-web --test import \
  bench_the_synthetic_full_size_workbook_through_the_page -- --ignored --nocapture 2>/dev/null | grep '^web import:')
web_wall=$(echo "$web" | sed -E 's/^web import: ([0-9.]+) s.*/\1/')
web_rss=$(echo "$web" | sed -E 's/.*renderer peak RSS ([0-9]+) MB.*/\1/')
echo "Import of $(basename "$WORKBOOK") ($(stat -c %s "$WORKBOOK" | awk '{printf "%.1f MB", $1/1e6}'), SYNTHETIC amounts), $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| import | wall (s) | peak RSS (MB) |"
echo "|---|---:|---:|"
echo "| coutcontrat import (native, threads) | $cli_wall | $cli_rss |"
echo "| the page (WebAssembly in a Web Worker, one thread; until the page reloaded on it) | $web_wall | $web_rss (renderer) |"
awk "BEGIN { printf \"page / native: %.2f×\n\", $web_wall / $cli_wall }"
echo "$web"
