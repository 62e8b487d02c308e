#!/usr/bin/env python3
"""Writes data/renewals/rncp.csv (old,new,source) from the renewal links of France compétences' RNCP export.

Usage: scripts/rncp-renewals.py ../shared/reference-data/rncp/fc-export-2026-02-01 > \
    crates/coutcontrat-referentiel/data/renewals/rncp.csv

The export's `Ancienne_Nouvelle_Certification` member gives, per fiche, its predecessor or its successor
(one code per cell); both directions are read, RS codes (répertoire spécifique) are left out, and each
old → new pair is written once, sorted by number. Licence Ouverte 2.0 (data.gouv.fr).
"""
import csv
import re
import sys
from pathlib import Path

SOURCE = "fc-export-2026-02-01"
code = re.compile(r"^RNCP[0-9]+$")


def main(folder: str) -> None:
    path = Path(folder) / "export_fiches_CSV_Ancienne_Nouvelle_Certification_2026_02_01.csv"
    pairs = set()
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter=";")
        next(reader)
        for fiche, old, new in reader:
            fiche, old, new = fiche.strip(), old.strip(), new.strip()
            if old and code.match(old) and code.match(fiche):
                pairs.add((old, fiche))
            if new and code.match(new) and code.match(fiche):
                pairs.add((fiche, new))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["old", "new", "source"])
    for old, new in sorted(pairs, key=lambda p: (int(p[0][4:]), int(p[1][4:]))):
        if old != new:
            out.writerow([old, new, SOURCE])


if __name__ == "__main__":
    main(sys.argv[1])
