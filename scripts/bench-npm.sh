#!/usr/bin/env bash
# Quotes per second of the npm package in Node (scripts/bench-npm.mjs), beside the same function compiled
# natively (crates/coutcontrat-js/examples/quote_json_loop.rs: JSON text in, JSON text out) and beside
# mon-entreprise's engine (npm modele-social + publicodes, pinned below) evaluating the apprentice's
# « coût total employeur » for the same contract. A measurement: nothing is asserted. BENCHMARKS.md records it.
# NO_BUILD=1 reuses target/npm; QUOTES sets the number of quotes of each loop (20,000).
set -euo pipefail
cd "$(dirname "$0")/.."
MODELE_SOCIAL=11.1.0
PUBLICODES=1.10.3
QUOTES=${QUOTES:-20000}
out=target/bench
mkdir -p "$out"
[ "${NO_BUILD:-}" = 1 ] || scripts/build-npm.sh >&2
cargo build -q --release -p coutcontrat-js --example quote_json_loop

oracle=$out/oracle
if [ "$(node -p "try { require('./$oracle/node_modules/modele-social/package.json').version } catch { '' }")" != "$MODELE_SOCIAL" ] ||
   [ "$(node -p "try { require('./$oracle/node_modules/publicodes/package.json').version } catch { '' }")" != "$PUBLICODES" ]; then
  mkdir -p "$oracle"
  echo '{"name": "coutcontrat-bench-oracle", "private": true}' > "$oracle/package.json"
  (cd "$oracle" && npm install --no-audit --no-fund --silent "modele-social@$MODELE_SOCIAL" "publicodes@$PUBLICODES") >&2
fi

# A two-year BTS contract looked up in the embedded référentiel, with the salary and the hiring aid.
contract=$out/npm-contract.json
cat > "$contract" <<'JSON'
{"signed_on": "2026-09-14", "start": "2026-09-01", "end": "2028-08-31", "rncp": "RNCP41000", "idcc": "1351",
 "price": "9000", "level": 5, "birth_date": "2006-05-10", "company_headcount": 10}
JSON

NICE=${NICE-auto}
if [ "$NICE" = auto ]; then
  if [ "$(id -u)" = 0 ]; then NICE="nice -n -20"; else NICE=""; fi
fi
native=$($NICE target/release/examples/quote_json_loop "$contract" "$QUOTES")
node_json=$(QUOTES=$QUOTES $NICE node scripts/bench-npm.mjs target/npm/node.js "$oracle" "$contract")
field() { node -e 'const o = JSON.parse(process.argv[1]); console.log(o[process.argv[2]])' "$node_json" "$1"; }
package=$(field package_quotes_per_second)
months=$(field quote_months)
situation_ms=$(field oracle_situation_ms)
contracts=$(field oracle_contracts_per_second)
engine_s=$(field oracle_engine_seconds)

fmt() { printf '%.0f' "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
echo "## npm package, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), node $(node --version)"
echo
echo "| measure | quotes/s | / native |"
echo "|---|---:|---:|"
echo "| native library, quoteJson (Rust, same code) | $(fmt "$native") | 1.00 |"
echo "| npm package in Node, quote(object) | $(fmt "$package") | $(awk -v a="$package" -v b="$native" 'BEGIN { printf "%.2f", a / b }') |"
echo "| modele-social $MODELE_SOCIAL + publicodes $PUBLICODES, $months situations (one per month) | $(awk -v c="$contracts" 'BEGIN { printf "%.2f", c }') | $(awk -v c="$contracts" -v b="$native" 'BEGIN { printf "%.6f", c / b }') |"
echo
echo "mon-entreprise: $(awk -v m="$situation_ms" 'BEGIN { printf "%.0f", m }') ms a situation (setSituation + evaluate « salarié . coût total employeur »), engine built in $(awk -v s="$engine_s" 'BEGIN { printf "%.2f", s }') s."
if [ -n "${BENCH_SUMMARY:-}" ]; then
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "npm package in Node (quotes/s, 2-year contract, with explanations)" "$(fmt "$package")" \
    "$(fmt "$native") (same code, native)" "$(awk -v a="$package" -v b="$native" 'BEGIN { printf "%.2f", a / b }')" "–" "–" >> "$BENCH_SUMMARY"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "npm package vs modele-social + publicodes (contracts/s)" "$(fmt "$package")" \
    "$(awk -v c="$contracts" 'BEGIN { printf "%.2f", c }') ($months situations of $(awk -v m="$situation_ms" 'BEGIN { printf "%.0f", m }') ms)" \
    "$(awk -v a="$package" -v c="$contracts" 'BEGIN { printf "%.0f", a / c }')" "–" "–" >> "$BENCH_SUMMARY"
fi
