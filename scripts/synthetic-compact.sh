#!/usr/bin/env bash
# Makes the SYNTHETIC full-size référentiel in the page's compact form, target/synthetic/compact-*.ccrc:
# the input of the full-size budget test (web/tests/budget.rs) and of page measurements. Its amounts are made
# up and labelled so; nothing here is ever written to data/. About 2 minutes the first time (release build).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/synthetic
WORKBOOK=$OUT/Referentiel-des-NPEC-SYNTHETIQUE-3400x205.xlsx
mkdir -p "$OUT"
cargo build --release -q --locked -p coutcontrat-referentiel --bin coutcontrat-synth --example compact_sizes
[ -f "$WORKBOOK" ] || target/release/coutcontrat-synth --out "$WORKBOOK" >&2
# Writes both compact files and checks 800 lookups of each against the table they come from.
target/release/examples/compact_sizes "$WORKBOOK"
