#!/usr/bin/env bash
# Run by scripts/post-build.sh (Trunk.toml): writes the compact référentiel the page fetches at start,
# referentiel.ccrc, into trunk's staging directory — the default data of data/, made by coutcontrat-compact.
# COUTCONTRAT_WEB_DATA=FILE.ccrc copies that file instead: for measurements with the SYNTHETIC full-size
# table only (its amounts are labelled synthetic on the page); never for a deployment.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${TRUNK_STAGING_DIR:?run by trunk (post_build hook)}/referentiel.ccrc"
if [ -n "${COUTCONTRAT_WEB_DATA:-}" ]; then
    cp "$COUTCONTRAT_WEB_DATA" "$out"
    echo "web-data: $out from $COUTCONTRAT_WEB_DATA ($(stat -c%s "$out") bytes)" >&2
else
    # Offline, as trunk builds (Trunk.toml): scripts/build-web.sh fetched every crate first.
    cargo run --quiet --offline --locked -p coutcontrat-referentiel --no-default-features --features text \
        --bin coutcontrat-compact -- "$out"
fi
# The certification index the page searches by name, fetched on the first use of its search (issue 18).
cargo run --quiet --offline --locked -p coutcontrat-referentiel --no-default-features --features text \
    --bin coutcontrat-certifications -- "${TRUNK_STAGING_DIR}/certifications.tsv"
