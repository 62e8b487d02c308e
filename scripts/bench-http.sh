#!/usr/bin/env bash
# Load of `coutcontrat serve` over loopback with keep-alive (wrk, from Debian): quotes per second and p50/p99
# latency of POST /v1/quote, beside a minimal axum handler answering the same bytes as a constant
# (crates/coutcontrat-cli/examples/constant_server.rs) on the same machine, in the same run. A measurement:
# nothing is asserted. BENCHMARKS.md records it. DURATION (10 s), CONNECTIONS (16), THREADS (1) tune wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-1}
if ! command -v wrk > /dev/null; then
  SUDO=; [[ $(id -u) -eq 0 ]] || SUDO=sudo
  wrk_install() { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk; }
  wrk_install >&2 || { $SUDO apt-get update >&2 && wrk_install >&2; } ||
    { echo "bench-http: wrk is needed and could not be installed (apt-get install wrk)" >&2; exit 1; }
fi
cargo build -q --release -p coutcontrat-cli --bin coutcontrat --example constant_server
out=target/bench
mkdir -p "$out"

# The contract of scripts/bench-npm.sh: a two-year BTS contract looked up in the embedded référentiel.
contract=$out/http-contract.json
printf '%s' '{"signed_on": "2026-09-14", "start": "2026-09-01", "end": "2028-08-31", "rncp": "RNCP41000", "idcc": "1351", "price": "9000", "level": 5, "birth_date": "2006-05-10", "company_headcount": 10}' > "$contract"
target/release/coutcontrat quote --json < "$contract" > "$out/http-quote.json"
lua=$out/http-post.lua
node -e 'const fs = require("fs"); fs.writeFileSync(process.argv[2],
  `wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = ${JSON.stringify(fs.readFileSync(process.argv[1], "utf8"))}\n`)' "$contract" "$lua"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_up() { # PORT: until the service answers, at most 10 s
  for _ in $(seq 100); do
    curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' --data-binary "@$contract" "http://127.0.0.1:$1/v1/quote" && return 0
    sleep 0.1
  done
  echo "bench-http: nothing answers on port $1" >&2; return 1
}
# load NAME PORT → "requests_per_s p50_ms p99_ms non2xx"
load() {
  local log=$out/http-$1.log
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$lua" "http://127.0.0.1:$2/v1/quote" > "$log"
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
    /Non-2xx/ { bad = $NF }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, bad }' "$log"
}

pids=()
trap 'kill "${pids[@]}" 2> /dev/null || true' EXIT
port=$(free_port)
target/release/coutcontrat serve --port "$port" 2> "$out/http-serve-stderr.log" & pids+=($!)
wait_up "$port"
read -r ours p50 p99 bad < <(load serve "$port")
lines=$(grep -c '"route"' "$out/http-serve-stderr.log" || true)
kill "${pids[0]}"; wait "${pids[0]}" 2> /dev/null || true

base_port=$(free_port)
target/release/examples/constant_server "$base_port" "$out/http-quote.json" & pids+=($!)
wait_up "$base_port"
read -r base base_p50 base_p99 base_bad < <(load constant "$base_port")

fmt() { printf '%.0f' "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
echo "## HTTP, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), wrk -t$THREADS -c$CONNECTIONS -d$DURATION, keep-alive"
echo
echo "| service | requests/s | p50 (ms) | p99 (ms) | non-2xx |"
echo "|---|---:|---:|---:|---:|"
echo "| coutcontrat serve, POST /v1/quote (log on) | $(fmt "$ours") | $p50 | $p99 | $bad |"
echo "| constant axum handler, same bytes | $(fmt "$base") | $base_p50 | $base_p99 | $base_bad |"
echo
echo "ours / constant: $(awk -v a="$ours" -v b="$base" 'BEGIN { printf "%.2f", a / b }'); $(fmt "$lines") log lines written; response $(wc -c < "$out/http-quote.json") bytes."
if [ -n "${BENCH_SUMMARY:-}" ]; then
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "HTTP POST /v1/quote, keep-alive, $CONNECTIONS connections (requests/s; p50/p99 ms)" \
    "$(fmt "$ours") ($p50 / $p99)" "$(fmt "$base") ($base_p50 / $base_p99) (constant axum handler)" \
    "$(awk -v a="$ours" -v b="$base" 'BEGIN { printf "%.2f", a / b }')" "–" "–" >> "$BENCH_SUMMARY"
fi
