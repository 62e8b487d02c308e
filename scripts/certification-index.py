#!/usr/bin/env python3
"""Writes data/certifications/index.csv, a partial, dated index of RNCP certifications by code.

Usage: python3 scripts/certification-index.py [RNCP_DIR] [--out FILE]

RNCP_DIR defaults to ../shared/reference-data/rncp relative to the repository root (the project's shared reference
data; see its SOURCE.md). Only the sources whose licence allows redistribution are read (data/certifications/SOURCE.md
says which and why):

- fc-export-2026-02-01: member `Ancienne_Nouvelle_Certification` of France compétences' daily RNCP export of
  2026-02-01 (data.gouv.fr, Licence Ouverte 2.0): renewal links only (no title, level or status).
- mna-rncp-info-2021-02: `rncp_info.v1.4.csv`, Mission Apprentissage's extract of the official RNCP export of about
  January 2021 (GitHub mission-apprentissage/tables-correspondances, MIT; the data is France compétences', Licence
  Ouverte 2.0): titles, levels, abbreviations, status and end dates, renewal links.

Columns: rncp,title,level,abbreviation,active,successor,source (see SOURCE.md). Rows are sorted by the number of the
code; the output is written through a temporary file and depends only on the input files (no clock, no locale).
Standard library only.
"""
import csv
import datetime
import hashlib
import io
import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = ROOT / ".." / "shared" / "reference-data" / "rncp"
DEFAULT_OUTPUT = ROOT / "data" / "certifications" / "index.csv"

FC = "fc-export-2026-02-01"
FC_FILE = Path(FC) / "export_fiches_CSV_Ancienne_Nouvelle_Certification_2026_02_01.csv"
FC_HEADER = ["Numero_Fiche", "Ancienne_Certification", "Nouvelle_Certification"]

MNA = "mna-rncp-info-2021-02"
MNA_FILE = Path(MNA) / "rncp_info.v1.4.csv"
MNA_HEADER = [
    "CodeRNCP", "intituleDiplome", "date_fin_validite_enregistrement", "ActiveInactive", "EtatFiche",
    "NiveauEurope", "CodeTypeCertif", "TypeCertif", "AncienneFiche", "NouvelleFiche", "TypeEnregistrement",
]

# `active` is 0 when the registration had ended by this day, the date of the newest source read.
STATUS_DATE = datetime.date(2026, 2, 1)

HEADER = ["rncp", "title", "level", "abbreviation", "active", "successor", "source"]
CODE = re.compile(r"^RNCP([0-9]+)$")
SPACE = re.compile(r"\s+")
LEVEL = re.compile(r"^niveau([3-8])$")
MDY = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{2})$")


class SourceError(Exception):
    pass


def number(code: str) -> int:
    return int(code[4:])


def code_or_none(cell: str):
    """The cell as an RNCP code, or None (empty, RS code, anything else)."""
    cell = cell.strip()
    m = CODE.match(cell)
    return "RNCP%d" % int(m.group(1)) if m else None


def blob_id(data: bytes) -> str:
    """The git blob id of the bytes (SOURCE.md gives each copied file's)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def read_rows(path: Path, data: str, header: list):
    reader = csv.reader(io.StringIO(data, newline=""), delimiter=";")
    first = next(reader, None)
    if first != header:
        raise SourceError(f"{path}: header {first!r}, expected {header!r}")
    for line, row in enumerate(reader, start=2):
        if len(row) != len(header):
            raise SourceError(f"{path}: record {line}: {len(row)} fields, expected {len(header)}")
        yield row


def read_fc(folder: Path, blobs: dict) -> dict:
    """old code -> set of new codes, from both directions of each link; RS codes left out."""
    path = folder / FC_FILE
    raw = path.read_bytes()
    blobs[FC] = blob_id(raw)
    links = {}
    for fiche, old, new in read_rows(path, raw.decode("utf-8"), FC_HEADER):
        fiche, old, new = code_or_none(fiche), code_or_none(old), code_or_none(new)
        if fiche is None:
            continue
        if old and old != fiche:
            links.setdefault(old, set()).add(fiche)
        if new and new != fiche:
            links.setdefault(fiche, set()).add(new)
    return links


def mdy(path: Path, text: str):
    """`8/31/16` (month/day/two-digit year, all 20xx) as a date; empty as None."""
    if not text:
        return None
    m = MDY.match(text)
    if not m:
        raise SourceError(f"{path}: date {text!r} is not m/d/yy")
    return datetime.date(2000 + int(m.group(3)), int(m.group(1)), int(m.group(2)))


def clean_title(title: str, abbreviation: str) -> str:
    """White space runs (the titles' newlines included) as one space; a leading `<abbreviation> - ` removed."""
    title = SPACE.sub(" ", title).strip()
    if abbreviation and title.startswith(abbreviation + " - "):
        title = title[len(abbreviation) + 3:].strip()
    return title


def read_mna(folder: Path, blobs: dict):
    """(code -> record, old code -> set of new codes). Duplicate rows differ only by their links."""
    path = folder / MNA_FILE
    raw = path.read_bytes()
    blobs[MNA] = blob_id(raw)
    records, links = {}, {}
    # Roughly Windows-1252 (SOURCE.md): decode with replacement; CR and LF both end lines.
    for row in read_rows(path, raw.decode("cp1252", errors="replace"), MNA_HEADER):
        code = code_or_none(row[0])
        if code is None:
            raise SourceError(f"{path}: code {row[0]!r} is not an RNCP code")
        abbreviation = SPACE.sub(" ", row[6]).strip()
        level_match = LEVEL.match(row[5].strip())
        if row[5].strip() and not level_match:
            raise SourceError(f"{path}: {code}: level {row[5]!r} is not niveau3..niveau8")
        status = row[3].strip()
        if status not in ("ACTIVE", "INACTIVE"):
            raise SourceError(f"{path}: {code}: status {status!r}")
        end = mdy(path, row[2].strip())
        # 0: inactive in 2021, or its registration ended before STATUS_DATE. An ACTIVE fiche whose end date is
        # later stays unknown: a renewal can end a registration early (RNCP34956, ACTIVE to 8/31/26 in 2021, was
        # INACTIVE to 31/08/2024 in the Kit Apprentissage of 2025), so 2021 cannot say it is active in 2026.
        active = "0" if status == "INACTIVE" or (end is not None and end < STATUS_DATE) else ""
        record = {
            "title": clean_title(row[1], abbreviation),
            "level": level_match.group(1) if level_match else "",
            "abbreviation": abbreviation,
            "active": active,
        }
        if records.setdefault(code, record) != record:
            raise SourceError(f"{path}: {code} has rows that differ beyond their links")
        old, new = code_or_none(row[8]), code_or_none(row[9])
        if old and old != code:
            links.setdefault(old, set()).add(code)
        if new and new != code:
            links.setdefault(code, set()).add(new)
    return records, links


def build(folder: Path):
    blobs = {}
    fc_links = read_fc(folder, blobs)
    records, mna_links = read_mna(folder, blobs)
    # Successors: the 2026 export's links where it has any for the code, else the 2021 extract's.
    successors, successor_source = {}, Counter()
    for old in set(fc_links) | set(mna_links):
        chosen, source = (fc_links[old], FC) if old in fc_links else (mna_links[old], MNA)
        successors[old] = max(chosen, key=number)
        successor_source[source] += 1
    codes = set(records)
    for old, news in list(fc_links.items()) + [(o, n) for o, n in mna_links.items() if o not in fc_links]:
        codes.add(old)
        codes.update(news)
    rows = []
    for code in sorted(codes, key=number):
        record = records.get(code)
        if record is not None and record["title"]:
            source = MNA
        else:
            source = FC if (code in fc_links or any(code in n for n in fc_links.values())) else MNA
        record = record or {"title": "", "level": "", "abbreviation": "", "active": ""}
        rows.append([
            code, record["title"], record["level"], record["abbreviation"], record["active"],
            successors.get(code, ""), source,
        ])
    return rows, blobs, successor_source


def write(rows, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".index-", suffix=".csv", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(HEADER)
            writer.writerows(rows)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        os.unlink(tmp)
        raise


def summary(rows, blobs, successor_source, out: Path) -> None:
    active = Counter(r[4] for r in rows)
    print(f"wrote {out}")
    for source in sorted(blobs):
        print(f"  input {source}: git blob {blobs[source]}")
    print(f"rows: {len(rows)}")
    print(f"with title: {sum(1 for r in rows if r[1])}")
    print(f"with level: {sum(1 for r in rows if r[2])}")
    print(f"with abbreviation: {sum(1 for r in rows if r[3])}")
    print(f"active (1/0/unknown, on {STATUS_DATE}): {active['1']}/{active['0']}/{active['']}")
    print(f"with successor: {sum(1 for r in rows if r[5])} (links from "
          + ", ".join(f"{s}: {n}" for s, n in sorted(successor_source.items())) + ")")
    for source, n in sorted(Counter(r[6] for r in rows).items()):
        print(f"source {source}: {n}")


def main(argv) -> int:
    args, out = [], DEFAULT_OUTPUT
    it = iter(argv)
    for arg in it:
        if arg == "--out":
            out = Path(next(it, ""))
        elif arg in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            args.append(arg)
    if len(args) > 1:
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(args[0]) if args else DEFAULT_INPUT
    try:
        rows, blobs, successor_source = build(folder)
    except (OSError, SourceError, UnicodeDecodeError) as e:
        print(f"certification-index: {e}", file=sys.stderr)
        return 1
    write(rows, out)
    summary(rows, blobs, successor_source, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
