#!/usr/bin/env bash
# Installs what this machine lacks (scripts/setup.sh), builds the web calculator and serves it on
# http://127.0.0.1:8080/ with its HTTP headers (web/serve: the page may not be framed, the widget may);
# `trunk watch` rebuilds dist/ when a source file changes. Ctrl-C stops both.
# Not `trunk serve`: its `[serve] headers` go on every file alike, and the widget needs other headers
# than the page (web/README.md, « Headers »).
set -euo pipefail
cd "$(dirname "$0")/.."
# Serving needs no browser: the Chromium of the tests is left to scripts/test.sh.
SETUP_BROWSER=0 scripts/setup.sh
. scripts/env.sh
ADDRESS=127.0.0.1
PORT=${PORT:-8080}
scripts/build-web.sh
cargo build --quiet --locked -p coutcontrat-serve
trunk watch --release &
watcher=$!
trap 'kill "$watcher" 2>/dev/null || true' EXIT
echo "run: the calculator is at http://$ADDRESS:$PORT/ (the widget: http://$ADDRESS:$PORT/widget.js)"
cargo run --quiet --locked -p coutcontrat-serve -- dist "$ADDRESS:$PORT"
