#!/usr/bin/env bash
# The last step of scripts/post-build.sh (Trunk.toml): a gzip (and, when the brotli command is there, a brotli) copy
# beside each text, script, WebAssembly and data file of the staging directory, so that a server sends
# them compressed without compressing on each request (web/serve does; web/README.md, « Headers »).
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk (post_build hook)}"
find "$dir" -type f \( -name '*.html' -o -name '*.js' -o -name '*.wasm' -o -name '*.css' -o -name '*.ccrc' -o -name '*.tsv' \) \
    -print0 | while IFS= read -r -d '' f; do
    gzip -9 -n -k -f "$f"
    if command -v brotli >/dev/null; then brotli -q 11 -k -f "$f"; fi
done
echo "precompress: $(find "$dir" -name '*.gz' | wc -l) gzip, $(find "$dir" -name '*.br' | wc -l) brotli files" >&2
