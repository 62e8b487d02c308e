#!/usr/bin/env bash
# Installs what this machine lacks (scripts/setup.sh), then serves the web calculator on
# http://127.0.0.1:8080/ (release build; rebuilt when a source file changes). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
# Serving needs no browser: the Chromium of the tests is left to scripts/test.sh.
SETUP_BROWSER=0 scripts/setup.sh
. scripts/env.sh
cargo fetch --locked
ADDRESS=127.0.0.1
PORT=${PORT:-8080}
echo "run: the calculator will be at http://$ADDRESS:$PORT/ once built"
exec trunk serve --release --address "$ADDRESS" --port "$PORT"
