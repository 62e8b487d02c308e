#!/usr/bin/env bash
# Builds the npm package (scripts/build-npm.sh) and runs its tests in Node (tests/npm/) against the CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-npm.sh
COUTCONTRAT_BIN="$PWD/target/debug/coutcontrat" COUTCONTRAT_COMPACT_BIN="$PWD/target/debug/coutcontrat-compact" node --test tests/npm/
