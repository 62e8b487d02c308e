#!/usr/bin/env bash
# Import benchmark (issue 9, "import" target): the synthetic full-size référentiel (current layout, ~700,000 rows,
# shared strings) imported into the canonical data format, beside what an analyst would run on the same file in
# the same run — pandas read_excel (openpyxl and calamine engines), python-calamine's raw read — and the time
# merely to inflate the sheet's XML. Prints one table (best wall time of RUNS runs for the fast tools, one run for
# the slow ones; peak RSS from /usr/bin/time -v), then the compact form's sizes (issue 3 item 6).
#
#   scripts/bench-import.sh            # RUNS=3 by default
#   RUNS=5 BENCH_CALAMINE=1 scripts/bench-import.sh   # also time this crate's calamine path (whole sheets in memory)
#
# Needs: cargo, python3 (a venv with pandas, openpyxl, python-calamine is made in target/bench-venv if missing),
# /usr/bin/time. Everything it writes stays under target/ (the synthetic workbook is never shipped).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${RUNS:-3}
OUT=$ROOT/target/synthetic
WORKBOOK=$OUT/Referentiel-des-NPEC-SYNTHETIQUE-3400x205.xlsx
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench-import: /usr/bin/time is needed (apt-get install time)" >&2; exit 1; }
# On a shared machine (other builds, fuzzers), every measured command, ours and the baselines alike, runs at the
# highest priority when allowed (root), so that wall times are not mostly waiting: NICE= to turn it off.
# With autogroup scheduling (kernel.sched_autogroup_enabled=1), nice only ranks processes within their session:
# each measured command then runs in a session of its own whose autogroup is given nice -20 too, or the others'
# sessions still get an equal share of the 2 cores whatever the nice value.
NICE=${NICE-auto}
if [ "$NICE" = auto ]; then
  if [ "$(id -u)" = 0 ]; then NICE="nice -n -20"; else NICE=""; fi
fi
PRIO=()
if [ -n "$NICE" ] && [ "$(cat /proc/sys/kernel/sched_autogroup_enabled 2>/dev/null)" = 1 ] && command -v setsid > /dev/null; then
  PRIO=(setsid -w sh -c 'echo -20 > /proc/self/autogroup 2> /dev/null; exec "$@"' sh)
fi

cargo build --release -q -p coutcontrat-referentiel --bin coutcontrat-synth \
  --example import_bench --example phases --example compact_sizes
BIN=$ROOT/target/release
[ -f "$WORKBOOK" ] || "$BIN/coutcontrat-synth" --out "$WORKBOOK" >&2

PY=${PYTHON:-python3}
if ! "$PY" -c "import pandas, openpyxl, python_calamine" 2>/dev/null; then
  VENV=$ROOT/target/bench-venv
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV" >&2
    "$VENV/bin/pip" install -q pandas openpyxl python-calamine brotli >&2
  fi
  PY=$VENV/bin/python
fi

RESULTS=$(mktemp)
trap 'rm -f "$RESULTS"' EXIT

# measure NAME KIND RUNS COMMAND...: best wall time and the peak RSS of that run.
measure() {
  local name=$1 kind=$2 runs=$3
  shift 3
  local best="" rss="" log
  log=$(mktemp)
  for _ in $(seq "$runs"); do
    rm -rf "$OUT/bench-data"
    "${PRIO[@]}" $NICE "$TIME" -v "$@" > /dev/null 2> "$log" || { cat "$log" >&2; echo "bench-import: $name failed" >&2; exit 1; }
    local wall peak
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log")
    peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; rss=$peak; fi
  done
  rm -f "$log"
  echo "$name|$kind|$best|$rss|$runs" >> "$RESULTS"
}

SHEET="Onglet 3 - référentiel NPEC"
measure "coutcontrat import (streaming, into data/ format)" ours "$RUNS" \
  "$BIN/examples/import_bench" "$WORKBOOK" "$OUT/bench-data"
if [ "${BENCH_CALAMINE:-0}" = 1 ]; then
  measure "coutcontrat, calamine path (read only)" ours 1 \
    "$BIN/examples/import_bench" "$WORKBOOK" "$OUT/bench-data" calamine
fi
measure "inflate the sheet's XML (Rust, zlib-rs)" floor "$RUNS" "$BIN/examples/phases" "$WORKBOOK"
measure "inflate the sheet's XML (Python zipfile)" floor "$RUNS" "$PY" -c "
import zipfile, sys
with zipfile.ZipFile(sys.argv[1]) as z, z.open('xl/worksheets/sheet3.xml') as f:
    while f.read(1 << 20): pass" "$WORKBOOK"
measure "python-calamine raw read" baseline 1 "$PY" -c "
import sys
from python_calamine import CalamineWorkbook
rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_name(sys.argv[2]).to_python()
print(len(rows))" "$WORKBOOK" "$SHEET"
measure "pandas read_excel, engine=calamine" baseline 1 "$PY" -c "
import sys, pandas
df = pandas.read_excel(sys.argv[1], sheet_name=sys.argv[2], header=3, engine='calamine')
print(len(df))" "$WORKBOOK" "$SHEET"
measure "pandas read_excel, engine=openpyxl" baseline 1 "$PY" -c "
import sys, pandas
df = pandas.read_excel(sys.argv[1], sheet_name=sys.argv[2], header=3, engine='openpyxl')
print(len(df))" "$WORKBOOK" "$SHEET"

echo
echo "Import of the synthetic full-size workbook ($(stat -c %s "$WORKBOOK" | awk '{printf "%.1f MB", $1/1e6}'), $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg), ${NICE:-normal priority}${PRIO:+, autogroup nice -20})"
awk -F'|' '
  { name[NR]=$1; kind[NR]=$2; wall[NR]=$3; rss[NR]=$4; runs[NR]=$5
    if ($2 == "baseline" && (fastest == "" || $3 < fastest)) fastest = $3
    if ($2 == "floor" && (floor == "" || $3 < floor)) floor = $3 }
  END {
    printf "| %-52s | %9s | %13s | %14s | %13s | %4s |\n", "tool", "wall (s)", "peak RSS (MB)", "vs fastest baseline", "vs inflate floor", "runs"
    printf "|%s|%s|%s|%s|%s|%s|\n", "------------------------------------------------------", "-----------", "---------------", "----------------", "---------------", "------"
    for (i = 1; i <= NR; i++)
      printf "| %-52s | %9.2f | %13.0f | %13.2fx | %12.2fx | %4d |\n", name[i], wall[i], rss[i] / 1024, wall[i] / fastest, wall[i] / floor, runs[i]
  }' "$RESULTS"

echo
echo "Compact form for the page (issue 3 item 6):"
"${PRIO[@]}" $NICE "$BIN/examples/compact_sizes" "$WORKBOOK" | sed 's/^/  /'
for f in "$OUT"/compact-*.ccrc; do
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$("$PY" -c "import brotli,sys; print(len(brotli.compress(open(sys.argv[1],'rb').read(), quality=11)))" "$f" 2>/dev/null || echo "n/a")
  printf "  %-40s raw %8d B   gzip -9 %8d B   brotli 11 %8s B\n" "$(basename "$f")" "$(stat -c %s "$f")" "$gz" "$br"
done
