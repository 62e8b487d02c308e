#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml): the steps that must follow one another, in the staging directory.
set -euo pipefail
cd "$(dirname "$0")/.."
staging="${TRUNK_STAGING_DIR:?run by trunk (post_build hook)}"
scripts/web-data.sh
# The widget's page: a CFA's page would flash the calculator's title (index.html's loading shell).
sed '/<!-- shell:/,/<!-- \/shell -->/d' "$staging/index.html" > "$staging/widget.html"
# The integration page, the CFA's view and the widget, each its own module (they keep the CFA's tools and the widget out of
# the calculator's download), made from widget.html: the same page without the shell. The integration page
# first, while widget.html still names the calculator's module.
scripts/build-page.sh "$staging" coutcontrat-integration widget.html integration.html
scripts/build-page.sh "$staging" coutcontrat-cfa widget.html cfa.html
scripts/build-page.sh "$staging" coutcontrat-widget widget.html widget.html
# Modules loaded only when asked for: the référentiel's importer, by its Web Worker (issue 18), and the
# export of a quote (issue 22); the pages' scripts that load them.
scripts/build-module.sh "$staging" coutcontrat-web-importer coutcontrat-importer web/import-worker.js import-worker.js
cp web/import.js "$staging/import.js"
scripts/build-module.sh "$staging" coutcontrat-web-export coutcontrat-export web/export.js export.js
scripts/precompress.sh
