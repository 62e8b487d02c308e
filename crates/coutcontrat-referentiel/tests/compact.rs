//! The compact form gives the same lookups as the full form: for every certification, CPNE and date of a
//! sample, the same row (amount, date, status, version, tie, sheet and line), the same absence; and the same
//! certifications and CPNE labels.
#![cfg(feature = "import")]

use coutcontrat::referentiel::TableLookup;
use coutcontrat_referentiel::compact::{from_compact, to_compact, CompactTable};
use coutcontrat_referentiel::import::{import_bytes_via, Via};
use coutcontrat_referentiel::synth::{write_synthetic, SynthOptions};
use coutcontrat_referentiel::{embedded_dataset, DataSet, ImportOptions};
use jiff::civil::{date, Date};

/// What a lookup tells a quote (the row minus where it was read and the exact text of its amount cell).
fn seen(l: TableLookup) -> String {
    match l {
        TableLookup::Found(f) => format!(
            "{} {} {} {} {} {:?} | {:?} {} {} {} {} {:?} {:?} {} {} {:?}",
            f.version,
            f.synthetic,
            f.amount,
            f.applicable_from,
            f.cpne,
            f.tie_with,
            f.row.rncp,
            f.row.rncp_cell,
            f.row.label,
            f.row.diploma_type,
            f.row.certifier,
            f.row.cpne,
            f.row.applicable_from,
            f.row.status,
            f.row.origin.sheet,
            f.row.origin.line,
        ),
        TableLookup::Absent(a) => format!("{a:?}"),
    }
}

fn same_lookups(set: &DataSet, dates: &[Date]) -> usize {
    let full = set.to_referentiel();
    let bytes = to_compact(set);
    let compact = from_compact(&bytes).unwrap();
    assert_eq!(full.certifications(), compact.certifications());
    let table = CompactTable::new(bytes.clone()).unwrap();
    assert_eq!(full.certifications(), table.certifications());
    let mut cpnes: Vec<u32> = set
        .versions
        .iter()
        .flat_map(|v| v.rows.iter().filter_map(|r| r.cpne))
        .collect();
    cpnes.sort_unstable();
    cpnes.dedup();
    cpnes.push(99_999);
    for c in &cpnes {
        assert_eq!(full.cpne_label(*c), compact.cpne_label(*c), "CPNE {c}");
    }
    let mut checked = 0;
    let mut codes: Vec<String> = full.certifications().into_iter().map(|c| c.rncp).collect();
    codes.push("RNCP1".into());
    for code in &codes {
        // Only this certification's rows, decoded on demand.
        let part = table.referentiel_for(&[code]).unwrap();
        for c in &cpnes {
            assert_eq!(full.cpne_label(*c), part.cpne_label(*c), "{code}: CPNE {c}");
        }
        for c in &cpnes {
            for d in dates {
                let expected = seen(full.lookup(code, *c, *d));
                assert_eq!(
                    expected,
                    seen(compact.lookup(code, *c, *d)),
                    "{code} × {c} on {d}"
                );
                assert_eq!(
                    expected,
                    seen(part.lookup(code, *c, *d)),
                    "{code} × {c} on {d} (part)"
                );
                checked += 1;
            }
        }
    }
    for d in dates {
        for idcc in [478, 1979, 3043, 1351, 9998] {
            assert_eq!(
                full.resolve_cpne(Some(idcc), None, *d).ok(),
                compact.resolve_cpne(Some(idcc), None, *d).ok()
            );
        }
    }
    checked
}

fn dates() -> Vec<Date> {
    vec![
        date(2019, 9, 1),
        date(2020, 1, 15),
        date(2022, 9, 1),
        date(2023, 10, 15),
        date(2024, 7, 14),
        date(2024, 7, 15),
        date(2025, 9, 1),
        date(2026, 9, 14),
    ]
}

#[test]
fn the_embedded_data_round_trip() {
    let set = embedded_dataset().unwrap();
    assert!(same_lookups(&set, &dates()) > 1000);
}

#[test]
fn a_synthetic_table_round_trips_with_the_real_versions() {
    let mut out = std::io::Cursor::new(Vec::new());
    let opts = SynthOptions {
        certifications: 60,
        cpne: 40,
        ..SynthOptions::default()
    };
    write_synthetic(&opts, &mut out).unwrap();
    let imported = import_bytes_via(
        "synthetic.xlsx",
        out.get_ref(),
        &ImportOptions::default(),
        Via::Stream,
    )
    .unwrap();
    let mut set = embedded_dataset().unwrap();
    set.versions.push(imported.version);
    assert!(same_lookups(&set, &dates()) > 10_000);
    // The compact form is a small fraction of the canonical text.
    let text: usize = set
        .versions
        .iter()
        .map(|v| coutcontrat_referentiel::format::render_npec_csv(&v.rows).len())
        .sum();
    let compact = to_compact(&set).len();
    assert!(
        compact * 10 < text,
        "{compact} bytes for {text} of npec.csv"
    );
}

#[test]
fn damaged_bytes_are_an_error_not_a_panic() {
    let set = embedded_dataset().unwrap();
    let bytes = to_compact(&set);
    for cut in [0, 3, 10, bytes.len() / 2, bytes.len() - 1] {
        assert!(from_compact(&bytes[..cut]).is_err());
    }
    let mut flipped = bytes.clone();
    flipped[bytes.len() / 3] ^= 0xff;
    let _ = from_compact(&flipped);
}

/// D20: the page's compact form keeps each version's coverage and the renewals its certifications need, and a
/// référentiel made for one code holds its successors' rows.
#[test]
fn coverage_and_renewals_survive_the_compact_form() {
    use coutcontrat::referentiel::{Coverage, Standing};
    let mut set = embedded_dataset().unwrap();
    set.versions.last_mut().unwrap().coverage = Coverage::Complete;
    let bytes = to_compact(&set);
    let back = coutcontrat_referentiel::compact::dataset_from_compact(&bytes).unwrap();
    let coverages: Vec<Coverage> = back.versions.iter().map(|v| v.coverage).collect();
    let expected: Vec<Coverage> = set.versions.iter().map(|v| v.coverage).collect();
    assert_eq!(coverages, expected);
    // Only the renewals reachable from a code some version lists: a handful, not the 9 000 lines.
    assert!(back
        .renewals
        .iter()
        .any(|r| r.old == "RNCP35393" && r.new == "RNCP41000"));
    assert!(back.renewals.len() < 50, "{}", back.renewals.len());
    let table = CompactTable::new(bytes).unwrap();
    let part = table.referentiel_for(&["RNCP35393"]).unwrap();
    assert_eq!(
        part.standing("RNCP35393", jiff::civil::date(2026, 9, 14)),
        table
            .dataset()
            .unwrap()
            .to_referentiel()
            .standing("RNCP35393", jiff::civil::date(2026, 9, 14))
    );
    assert!(matches!(
        part.standing("RNCP35393", jiff::civil::date(2026, 9, 14)),
        Standing::Superseded { .. }
    ));
}

/// The page's tables one above the other (the shipped data, then an edition imported in the browser): an
/// edition above replaces the one of the same tag below, the others stay, and every lookup is the one of the
/// data set that holds the upper edition in place of the lower.
#[test]
fn an_edition_imported_above_replaces_the_same_edition_below() {
    use coutcontrat_referentiel::compact::Layered;
    let base = embedded_dataset().unwrap();
    let replaced = base.versions.last().unwrap().clone();
    let mut out = std::io::Cursor::new(Vec::new());
    let opts = SynthOptions {
        certifications: 30,
        cpne: 20,
        ..SynthOptions::default()
    };
    write_synthetic(&opts, &mut out).unwrap();
    let options = ImportOptions {
        tag: Some(replaced.tag.clone()),
        published: Some(replaced.published),
        applies_from: Some(replaced.applies_from),
        ..ImportOptions::default()
    };
    let imported =
        import_bytes_via("synthetic.xlsx", out.get_ref(), &options, Via::Stream).unwrap();
    let upper = DataSet {
        versions: vec![imported.version.clone()],
        ..DataSet::default()
    };
    let layered = Layered::new(vec![
        CompactTable::new(to_compact(&base)).unwrap(),
        CompactTable::new(to_compact(&upper)).unwrap(),
    ]);
    let mut expected = base.clone();
    expected.versions.retain(|v| v.tag != replaced.tag);
    expected.versions.push(imported.version.clone());
    let full = expected.to_referentiel();

    let tags = |r: &coutcontrat::Referentiel| {
        let mut t: Vec<String> = r.versions().iter().map(|v| v.tag.clone()).collect();
        t.sort();
        t
    };
    assert_eq!(tags(&layered.referentiel_for(&[]).unwrap()), tags(&full));
    let codes: Vec<String> = full.certifications().into_iter().map(|c| c.rncp).collect();
    assert_eq!(
        codes,
        layered
            .certifications()
            .into_iter()
            .map(|c| c.rncp)
            .collect::<Vec<_>>()
    );
    let mut cpnes: Vec<u32> = expected
        .versions
        .iter()
        .flat_map(|v| v.rows.iter().filter_map(|r| r.cpne))
        .collect();
    cpnes.sort_unstable();
    cpnes.dedup();
    cpnes.truncate(12);
    cpnes.push(99_999);
    let mut checked = 0;
    for code in &codes {
        let part = layered.referentiel_for(&[code]).unwrap();
        for &cpne in &cpnes {
            for d in dates() {
                assert_eq!(
                    seen(full.lookup(code, cpne, d)),
                    seen(part.lookup(code, cpne, d)),
                    "{code} × CPNE {cpne} on {d}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 1000);
}
