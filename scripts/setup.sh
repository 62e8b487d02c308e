#!/usr/bin/env bash
# Install the tools to build and browser-test the web app (see TOOLCHAIN notes).
# Idempotent: every step skips itself when its tool is already at the pinned version.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
say() { printf 'setup: %-13s %-40s (%ss)\n' "$1" "$2" "$SECONDS"; }

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132   # must match web/tools/package.json

# RUSTUP_AUTO_INSTALL=0 on these machines: the target is never added implicitly.
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say wasm-target "present, skipped"
else
  rustup target add wasm32-unknown-unknown; say wasm-target "installed"
fi

# wasm-opt from npm: trunk's own download comes from GitHub, which is unreachable here. The same
# package.json pins axe-core, which the browser tests inject to check accessibility.
AXE_VERSION=$(sed -n 's/.*"axe-core": "\(.*\)".*/\1/p' web/tools/package.json)
if web/tools/node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION\b" \
  && grep -q "\"version\": \"$AXE_VERSION\"" web/tools/node_modules/axe-core/package.json 2>/dev/null; then
  say npm-tools "binaryen $BINARYEN_VERSION, axe-core $AXE_VERSION present, skipped"
else
  npm ci --prefix web/tools --no-audit --no-fund
  say npm-tools "binaryen $BINARYEN_VERSION, axe-core $AXE_VERSION installed"
fi
# The oracle of the contributions tests: mon-entreprise's rules and their engine, pinned in tests/oracle.
ORACLE_VERSION=$(sed -n 's/.*"modele-social": "\(.*\)".*/\1/p' tests/oracle/package.json)
if grep -q "\"version\": \"$ORACLE_VERSION\"" tests/oracle/node_modules/modele-social/package.json 2>/dev/null; then
  say oracle "modele-social $ORACLE_VERSION present, skipped"
else
  npm ci --prefix tests/oracle --no-audit --no-fund
  say oracle "modele-social $ORACLE_VERSION installed"
fi
say PATH "add $PWD/web/tools/node_modules/.bin (or: . scripts/env.sh)"
# On GitHub Actions, later steps get it too.
if [[ -n ${GITHUB_PATH:-} ]]; then echo "$PWD/web/tools/node_modules/.bin" >> "$GITHUB_PATH"; fi

if [[ ${SETUP_BROWSER:-1} == 0 ]]; then
  say chromium "not needed to serve the page, skipped"
elif [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  say chromium "present, skipped"
else
  SUDO=; [[ $(id -u) -eq 0 ]] || SUDO=sudo
  apt_install() { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver; }
  # Only refresh the package lists when the install fails without it (stale or empty lists).
  apt_install || { $SUDO apt-get update && apt_install; }
  say chromium "installed"
fi

# The build writes brotli copies of the page's files beside the gzip ones (scripts/precompress.sh).
if command -v brotli >/dev/null; then
  say brotli "present, skipped"
else
  SUDO=; [[ $(id -u) -eq 0 ]] || SUDO=sudo
  brotli_install() { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends brotli; }
  brotli_install || { $SUDO apt-get update && brotli_install; }
  say brotli "installed"
fi

if [[ "$(trunk --version 2>/dev/null)" == "trunk $TRUNK_VERSION" ]]; then
  say trunk "$TRUNK_VERSION present, skipped"
else
  # 0.22 needs a newer rustc. A debug build: its own speed does not matter (it waits on cargo and
  # wasm-opt), and on 2 cores it compiles in about 8 minutes instead of 28. rustls instead of native-tls:
  # no OpenSSL headers needed.
  say trunk "compiling $TRUNK_VERSION (debug build, ~8 min on 2 cores)"
  CARGO_PROFILE_DEV_DEBUG=0 cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features --features rustls --debug
  say trunk "$TRUNK_VERSION installed"
fi

# trunk requires wasm-bindgen-cli at exactly the version of the crate in Cargo.lock.
# (0.2.130 --locked fails on this registry: keep the crate pinned to =0.2.129.)
WB_VERSION=0.2.129
if [[ -f Cargo.lock ]]; then
  v=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  WB_VERSION=${v:-$WB_VERSION}
fi
if [[ "$(wasm-bindgen --version 2>/dev/null)" == "wasm-bindgen $WB_VERSION" ]]; then
  say wasm-bindgen "$WB_VERSION present, skipped"
else
  # Also provides wasm-bindgen-test-runner for the in-browser component tests. Debug build: 2 minutes
  # instead of 7, and it still processes the page's module in about a second (BENCHMARKS.md).
  say wasm-bindgen "compiling $WB_VERSION (debug build, ~2 min on 2 cores)"
  CARGO_PROFILE_DEV_DEBUG=0 cargo install wasm-bindgen-cli --version "$WB_VERSION" --locked --debug
  say wasm-bindgen "$WB_VERSION installed"
fi

# Trunk.toml sets offline = true, so every crate must already be in the cargo cache.
if [[ -f Cargo.lock ]]; then
  cargo fetch --locked; say cargo-fetch "done"
else
  say cargo-fetch "no Cargo.lock, skipped"
fi
