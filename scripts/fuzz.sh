#!/usr/bin/env bash
# A bounded fuzz run of every target of fuzz/ (cargo-fuzz, libFuzzer, AddressSanitizer):
#
#   scripts/fuzz.sh [SECONDS]     # SECONDS: the whole run's fuzzing time, split evenly (default 240)
#   scripts/fuzz.sh 60 batch_csv  # only the targets named
#
# Installs cargo-fuzz when missing; the stable toolchain builds the targets with RUSTC_BOOTSTRAP=1 (cargo-fuzz
# passes -Z flags). Seeds come from the real files: the official workbooks of tests/fixtures/xlsx, the contracts
# of tests/fixtures/quotes.toml (as JSON, as a CSV batch, as share links), the files of data/. The corpus grows in
# fuzz/corpus/ (not committed). Prints, per target, the inputs run and what was found; exits 1 if anything was
# (the input is in fuzz/artifacts/<target>/: `cargo fuzz run <target> <file>` replays it).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

TOTAL=${1:-240}
shift || true
CARGO_FUZZ_VERSION=0.13.2
ALL=(import_workbook import_cells import_nested_zip batch_csv contract_json contract_fields data_format share_link)
TARGETS=("$@")
[[ ${#TARGETS[@]} -gt 0 ]] || TARGETS=("${ALL[@]}")
say() { printf 'fuzz: %s (%ss)\n' "$*" "$SECONDS"; }

if [[ "$(cargo fuzz --version 2>/dev/null)" == "cargo-fuzz $CARGO_FUZZ_VERSION" ]]; then
  say "cargo-fuzz $CARGO_FUZZ_VERSION present"
else
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
  say "cargo-fuzz $CARGO_FUZZ_VERSION installed"
fi
export RUSTC_BOOTSTRAP=1

# The share-link parser lives in the web crate; without it, that target is skipped.
if [[ ! -f web/Cargo.toml ]]; then
  TARGETS=("${TARGETS[@]/share_link/}")
fi
TARGETS=($(printf '%s\n' "${TARGETS[@]}" | grep -v '^$' || true))
per=$(( TOTAL / ${#TARGETS[@]} ))
(( per >= 5 )) || per=5

# --- seeds ---------------------------------------------------------------------------------------------------
seeds=fuzz/seeds-generated
rm -rf "$seeds"
mkdir -p "$seeds"/{contract_json,batch_csv,share_link}
python3 - "$seeds" <<'PY'
import csv, io, json, sys, tomllib, urllib.parse
out = sys.argv[1]
cases = tomllib.load(open("tests/fixtures/quotes.toml", "rb"))["case"]
rows = []
for i, case in enumerate(cases):
    c = case["contract"]
    json.dump(c, open(f"{out}/contract_json/{i:03}.json", "w"), ensure_ascii=False)
    flat = {}
    for k, v in c.items():
        if isinstance(v, dict):
            flat.update({f"{k}.{kk}": vv for kk, vv in v.items()})
        else:
            flat[k] = v
    flat = {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in flat.items()}
    rows.append(flat)
    open(f"{out}/share_link/{i:03}.txt", "w").write(urllib.parse.urlencode(flat))
columns = sorted({k for r in rows for k in r})
for sep, name in ((",", "comma"), (";", "semicolon")):
    buf = io.StringIO()
    w = csv.DictWriter(buf, columns, delimiter=sep, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    open(f"{out}/batch_csv/all_{name}.csv", "w").write(buf.getvalue())
for i, r in enumerate(rows):
    buf = io.StringIO()
    w = csv.DictWriter(buf, list(r), lineterminator="\n")
    w.writeheader()
    w.writerow(r)
    open(f"{out}/batch_csv/{i:03}.csv", "w").write(buf.getvalue())
PY
# Small workbooks of every layout (the real ones take seconds each under the sanitizer): « Me lire », the long
# sheet with its official header and a few rows, the matrix and the CPNE-IDCC sheet; stored and deflated, and
# one inside a zip.
mkdir -p "$seeds/import_workbook"
python3 - "$seeds/import_workbook" <<'PY'
import io, sys, zipfile
from xml.sax.saxutils import escape
out = sys.argv[1]
def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s
def sheet(rows):
    x = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for i, row in enumerate(rows, 1):
        x.append(f'<row r="{i}">')
        for j, v in enumerate(row):
            r = f"{col(j)}{i}"
            if isinstance(v, (int, float)):
                x.append(f'<c r="{r}"><v>{v}</v></c>')
            elif v:
                x.append(f'<c r="{r}" t="inlineStr"><is><t xml:space="preserve">{escape(v)}</t></is></c>')
        x.append("</row>")
    x.append("</sheetData></worksheet>")
    return "".join(x)
def xlsx(sheets, method):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        ns = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
        rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
        z.writestr("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships {ns}><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        book = "".join(f'<sheet name="{escape(n)}" sheetId="{k}" r:id="rId{k}"/>' for k, (n, _) in enumerate(sheets, 1))
        z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{rel}"><sheets>{book}</sheets></workbook>')
        rels = "".join(f'<Relationship Id="rId{k}" Type="{rel}/worksheet" Target="worksheets/sheet{k}.xml"/>' for k in range(1, len(sheets) + 1))
        z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships {ns}>{rels}</Relationships>')
        for k, (_, rows) in enumerate(sheets, 1):
            z.writestr(f"xl/worksheets/sheet{k}.xml", sheet(rows))
    return buf.getvalue()
me_lire = [[], ["Clé de lecture du référentiel des niveaux de prise en charge applicables au 1er septembre 2025"], [],
           ["Valeurs fixées par le Décret n° 2025-860 du 29 août 2025 relatif aux niveaux."], [], ["v_04.09.2025"]]
layouts = {
    "current": (["Onglet 3 - référentiel NPEC"], 4, ["RNCP", "Libellé de la formation", "Certificateur*", "Type de diplôme", "Code CPNE", "CPNE", "NPEC final", "Statut", "Date d'applicabilité des NPEC**"],
                [["RNCP41000", "BTS MOS", "MINISTERE", "BTS", 204, "CPNE", 8828, "A", 45901], ["RNCP1006 / RNCP37239", "x", "y", "BP", 2, "CPNE 2", "NR", "A", "15/07/2024"]]),
    "sept2022": (["Onglet 3 - référentiel NPEC"], 4, ["Code RNCP", "Libellé de la formation", "Certificateur", "Libellé du Diplôme", "Code CPNE", "CPNE", "NPEC final", "Statut", "procédure"],
                 [["RNCP34826", "x", "y", "BTS", 3, "CPNE 3", "9 497 €", "A", "Procédure 2022"]]),
    "oct2021": (["Onglet 3a - référentiel NPEC", "Onglet 3b - NPEC historisées"], 3, ["NPEC historisée (\"H\")", "Code diplôme", "Code RNCP", "Libellé de la certification", "Code CPNE", "Libellé CPNE", "IDCC", "Valeur finale", "Statut", "Procédure"],
                [["", "32031309", "RNCP35190", "x", 5, "CPNE 5", "627, 749", 7000, "A", "Procédure 2021"], ["H", "32031309", "RNCP35190", "x", 5, "CPNE 5", "NA", 6500, "A", ""]]),
    "mar2021": (["Onglet 3 - par formation-CPNE"], 3, ["Valeur historisée (\"H\")", "Code diplôme", "Code RNCP", "Libellé de la certification", "Code CPNE", "Libellé CPNE", "IDCC", "Valeur finale", "Statut"],
                [["", "32031309", "RNCP35190", "x", 5, "CPNE 5", 1516, "8500,50", "A"]]),
    "feb2021": (["Onglet 2 - par formation-CPNE"], 2, ["Code diplôme", "Code RNCP", "Libellé de la certification", "Code CPNE", "Libellé CPNE", "Code IDCC", "Valeur finale", "Statut"],
                [["26X32502", "RNCP955", "x", 1, "CPNE 1", 478, 6079.3333, "A"]]),
    "oct2020": (["Onglet 3 - par formation-CPNE"], 2, ["Code diplôme/Code RNCP", "Libellé dde la certification", "Code CPNE", "Libellé CPNE", "Code IDCC", "Valeur finale", "Statut"],
                [["RNCP955", "x", 1, "CPNE 1", "478", 7000, "A"], ["26X32502", "x", 1, "CPNE 1", "478", "NC", "A"]]),
    "oct2019": (["Onglet 3 - par formation-CPNE"], 2, ["Code la formation", "Libellé de la formation", "Code CPNE", "Libellé CPNE", "Code IDCC", "Valeur finale", "Statut"],
                [["26X32502", "x", 1, "CPNE 1", "478, 1516", 7000, "A"]]),
    "sept2019": (["Onglet 3 - par formation-CPNE"], 2, ["Code la formation", "Libellé de la formation", "Libellé CPNE", "Valeur finale", "Statut"],
                 [["26X32502", "x", "CPNE des sociétés financières", 7000, "A"]]),
}
matrix = [["Code RNCP", "Intitulé de la certification", "Certificateur", "Type diplôme", 2, 4], [], ["", "", "", "", "CPNE 2", "CPNE 4"],
          ["RNCP1002", "x", "y", "BP", 9497, "NC"]]
mapping = [["", "Code(s) IDCC rattaché(s) aux CPNE"], [], ["Code CPNE", "CPNE", "IDCC"], [2, "CPNE 2", 478], [4, "CPNE 4", "627, 749"]]
for name, (sheets, header_row, header, data) in layouts.items():
    long = [[] for _ in range(header_row - 1)] + [header] + data
    book = [("Me lire", me_lire)] + [(s, long) for s in sheets] + [("Onglet 2 - global", matrix), ("Onglet 4 - CPNE-IDCC", mapping)]
    open(f"{out}/{name}.xlsx", "wb").write(xlsx(book, zipfile.ZIP_STORED))
    if name == "current":
        deflated = xlsx(book, zipfile.ZIP_DEFLATED)
        open(f"{out}/{name}-deflated.xlsx", "wb").write(deflated)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("Referentiel-des-NPEC.xlsx", deflated)
        open(f"{out}/{name}.zip", "wb").write(buf.getvalue())
PY
seed_dirs() {
  case $1 in
    import_workbook) echo "tests/fixtures/xlsx $seeds/import_workbook" ;;
    contract_json | batch_csv | share_link) echo "$seeds/$1" ;;
    data_format) echo data ;;
    *) ;;
  esac
}

# --- build, then run each target -----------------------------------------------------------------------------
# Every target but share_link in one build (they share everything); share_link with the web crate.
rm -rf fuzz/artifacts
mkdir -p fuzz/artifacts
status=0
summary=()
built=()
if (cd fuzz && cargo fuzz build -O >build.log 2>&1); then
  built+=(import_workbook import_cells import_nested_zip batch_csv contract_json contract_fields data_format)
  say "targets built"
else
  tail -30 fuzz/build.log
fi
if [[ " ${TARGETS[*]} " == *" share_link "* ]]; then
  if (cd fuzz && cargo fuzz build -O --features web share_link >build-web.log 2>&1); then
    built+=(share_link)
    say "share_link built"
  else
    tail -30 fuzz/build-web.log
  fi
fi
for t in "${TARGETS[@]}"; do
  if [[ " ${built[*]} " != *" $t "* ]]; then
    summary+=("$(printf '%-16s build failed (fuzz/build.log, fuzz/build-web.log)' "$t")")
    status=1
    continue
  fi
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  log="fuzz/run-$t.log"
  # The binary just built, run directly (no rebuild): bounded by libFuzzer's own clock, and by timeout.
  bin=fuzz/target/x86_64-unknown-linux-gnu/release/$t
  # shellcheck disable=SC2046
  timeout $(( per + 60 )) "$bin" -artifact_prefix="fuzz/artifacts/$t/" \
      -max_total_time="$per" -timeout=60 -rss_limit_mb=2048 -print_final_stats=1 \
      "fuzz/corpus/$t" $(seed_dirs "$t") >"$log" 2>&1 || true
  runs=$(awk '/stat::number_of_executed_units/ { print $2 }' "$log" | tail -1)
  # After a crash libFuzzer prints no final stats: its last status line (#N ...) counts the inputs.
  [[ -n $runs ]] || runs=$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  corpus=$(find "fuzz/corpus/$t" -type f | wc -l)
  found=$(find "fuzz/artifacts/$t" -type f | wc -l)
  if (( found > 0 )); then
    status=1
    summary+=("$(printf '%-16s %10s inputs in %ss, corpus %s: FOUND %s (fuzz/artifacts/%s/, log %s)' \
      "$t" "${runs:-?}" "$per" "$corpus" "$found" "$t" "$log")")
    grep -m3 -E "panicked at|ERROR: (AddressSanitizer|libFuzzer)|SUMMARY" "$log" | sed 's/^/    /' || true
  elif ! grep -q 'stat::number_of_executed_units' "$log"; then
    status=1
    summary+=("$(printf '%-16s did not finish (log %s)' "$t" "$log")")
    tail -20 "$log"
  else
    summary+=("$(printf '%-16s %10s inputs in %ss, corpus %s: nothing found' "$t" "$runs" "$per" "$corpus")")
  fi
  say "$t done"
done

echo "fuzz: summary (${SECONDS}s in all)"
printf '  %s\n' "${summary[@]}"
exit $status
