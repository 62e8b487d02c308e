//! The référentiel's tests: building, mappings, lookup and search.

use super::*;
use crate::dates::add_days;
use crate::{error::ErrorKind, Contract, Quoter};
use jiff::civil::date;

fn version(
    tag: &str,
    published: Date,
    rows: Vec<NpecRow>,
    mapping: Vec<(u32, u32)>,
) -> TableVersion {
    TableVersion {
        tag: tag.into(),
        published,
        applies_from: published,
        applies_until: None,
        source_file: String::new(),
        source_sha256: None,
        legal_basis: String::new(),
        synthetic: false,
        coverage: Default::default(),
        note: String::new(),
        rows,
        mapping: Some(
            mapping
                .into_iter()
                .map(|(cpne, idcc)| CpneIdcc { cpne, idcc })
                .collect(),
        ),
    }
}

fn two_branches() -> Referentiel {
    let mut r = Referentiel::default();
    let d = date(2026, 9, 1);
    let mut rows = vec![
        NpecRow::simple("RNCP41000", "BTS MOS", 433, "8000", d),
        NpecRow::simple("RNCP41000", "BTS MOS", 434, "8100", d),
    ];
    rows[0].cpne_label = "CPNE A".into();
    rows[1].cpne_label = "CPNE B".into();
    r.add_version(version(
        "2026",
        date(2026, 8, 31),
        rows,
        vec![(433, 3252), (434, 3252), (204, 1351)],
    ));
    r
}

fn contract(idcc: u32) -> Contract {
    Contract::new(
        date(2026, 9, 14),
        date(2026, 9, 1),
        date(2027, 8, 31),
        Decimal::from(9000),
    )
    .with_certification("RNCP41000", idcc)
    .with_level(5)
}

#[test]
fn an_idcc_with_several_cpne_is_an_error_listing_them() {
    let r = two_branches();
    let err = Quoter::new(&r).quote(&contract(3252)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::AmbiguousBranch);
    assert_eq!(err.field(), Some("cpne"));
    assert_eq!(err.candidates(), ["433 – CPNE A", "434 – CPNE B"]);
    let mut chosen = contract(3252);
    chosen.cpne = Some(434);
    assert_eq!(
        Quoter::new(&r)
            .quote(&chosen)
            .unwrap()
            .npec
            .annual
            .to_decimal(),
        Decimal::from(8100)
    );
}

#[test]
fn an_unknown_idcc_says_how_to_find_the_cpne() {
    let r = two_branches();
    let err = Quoter::new(&r).quote(&contract(9998)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnknownBranch);
    assert!(err.message().contains("CPNE"), "{}", err.message());
}

/// Issue 17: an unknown CPNE code silently gave the amorçage value (« no row for CPNE 4333 »), where an
/// unknown IDCC is an error. It is `unknown_branch` on `cpne`, listing the known codes one typo away.
#[test]
fn an_unknown_cpne_is_an_error_listing_the_close_codes() {
    let r = two_branches();
    let mut c = contract(1351);
    c.cpne = Some(4333);
    let err = Quoter::new(&r).quote(&c).unwrap_err();
    assert_eq!(
        (err.kind(), err.field()),
        (ErrorKind::UnknownBranch, Some("cpne"))
    );
    assert_eq!(err.candidates(), ["433 – CPNE A"]);
    assert!(err.message().contains("433 – CPNE A"), "{}", err.message());
    // An IDCC typed as the CPNE is named as such.
    c.cpne = Some(3252);
    let err = Quoter::new(&r).quote(&c).unwrap_err();
    assert!(
        err.message().contains("3252 est un IDCC"),
        "{}",
        err.message()
    );
    // A known CPNE without a label, from the mapping alone, is a CPNE.
    c.cpne = Some(204);
    assert!(Quoter::new(&r).quote(&c).is_ok());
    // An unknown IDCC lists its close codes the same way.
    let err = Quoter::new(&r).quote(&contract(1315)).unwrap_err();
    assert_eq!(err.candidates(), ["1351"]);
}

/// D12 (amended by D20 b): a certification in no version goes to the amorçage value whatever the branch,
/// so an unknown CPNE (like an unknown IDCC) is not looked at then.
#[test]
fn a_certification_in_no_version_is_amorcage_whatever_the_branch() {
    let r = two_branches();
    let mut c = contract(9998).with_certification("RNCP99999", 9998);
    c.cpne = Some(4333);
    let q = Quoter::new(&r).quote(&c).unwrap();
    assert_eq!(q.npec.source, crate::quote::NpecSource::Amorcage);
}

/// Labels in both Unicode forms: « Sécurité » composed (NFC) and « Propreté » decomposed (NFD, `e` + U+0301).
fn accented() -> Referentiel {
    let mut r = Referentiel::default();
    let d = date(2026, 9, 1);
    let mut rows = vec![
        NpecRow::simple(
            "RNCP41000",
            "BTS Management opérationnel de la sécurité",
            204,
            "8000",
            d,
        ),
        NpecRow::simple(
            "RNCP35000",
            "CAP Agent de proprete\u{301} et d'hygie\u{300}ne",
            3043,
            "7000",
            d,
        ),
    ];
    rows[0].cpne_label = "CPNEFP de la Prévention Sécurité".into();
    rows[1].cpne_label = "CPNE de la proprete\u{301}".into();
    r.add_version(version(
        "2026",
        date(2026, 8, 31),
        rows,
        vec![(204, 1351), (3043, 3043)],
    ));
    r
}

/// Issue 17: `search` found nothing for a query with decomposed accents (NFD) where `branches` did (its
/// substring test matched the pieces « se » and « curite » by chance). One folding serves both, and it
/// drops combining marks: either form finds either form.
#[test]
fn decomposed_and_composed_accents_find_the_same_labels() {
    let r = accented();
    let on = date(2026, 9, 14);
    for query in ["se\u{301}curite\u{301}", "sécurité", "securite"] {
        let hits = r.search_certifications(query, 10);
        assert_eq!(hits.len(), 1, "{query:?}: {hits:?}");
        assert_eq!(hits[0].rncp, "RNCP41000", "{query:?}");
        let branches = r.search_branches(query, on, 10);
        assert!(
            branches.iter().any(|b| b.idcc == Some(1351)),
            "{query:?}: {branches:?}"
        );
    }
    for query in [
        "propreté hygiène",
        "proprete\u{301} hygie\u{300}ne",
        "proprete hygiene",
    ] {
        let hits = r.search_certifications(query, 10);
        assert_eq!(hits.len(), 1, "{query:?}: {hits:?}");
        assert_eq!(hits[0].rncp, "RNCP35000", "{query:?}");
    }
    assert!(r
        .search_branches("propreté", on, 10)
        .iter()
        .any(|b| b.idcc == Some(3043)));
}

/// Issue 17: `branches` took 7.9 s on 1 MB of repeated words: each word of the query was looked for in every
/// label, again for each repetition. A word repeated is matched once: on 1 MB of « de » (in every label), the
/// searches compare each label with one word, not 333,333.
#[test]
fn a_query_of_repeated_words_costs_one_comparison_per_label() {
    let r = accented();
    let on = date(2026, 9, 14);
    let query = "de ".repeat(333_333);
    assert_eq!(query_terms(&query), ["de"]);
    let counted = |f: &dyn Fn()| {
        search::COMPARISONS.with(|c| c.set(0));
        f();
        search::COMPARISONS.with(|c| c.get())
    };
    // Two IDCC and two CPNE labels; two certifications.
    let branches = counted(&|| assert_eq!(r.search_branches(&query, on, 10).len(), 4));
    assert!(branches <= 4, "{branches} comparisons");
    let certifications = counted(&|| assert_eq!(r.search_certifications(&query, 10).len(), 2));
    assert!(certifications <= 2, "{certifications} comparisons");
}

#[test]
fn a_known_certification_without_a_row_for_the_branch_falls_back_to_amorcage() {
    let r = two_branches();
    let q = Quoter::new(&r).quote(&contract(1351)).unwrap();
    assert_eq!(q.npec.source, crate::quote::NpecSource::Amorcage);
    assert_eq!(q.npec.annual.to_decimal(), Decimal::from(6000));
    assert!(q.warnings.iter().any(|w| w.code == "amorcage"));
}

#[test]
fn two_amounts_in_one_version_take_the_higher_with_a_warning() {
    let d = date(2026, 9, 1);
    let mut r = Referentiel::default();
    r.add_version(version(
        "dup",
        date(2026, 8, 31),
        vec![
            NpecRow::simple("RNCP41000", "BTS MOS", 204, "8000", d),
            NpecRow::simple("RNCP41000", "BTS MOS", 204, "8500", d),
        ],
        vec![(204, 1351)],
    ));
    let q = Quoter::new(&r).quote(&contract(1351)).unwrap();
    assert_eq!(q.npec.annual.to_decimal(), Decimal::from(8500));
    let w = q
        .warnings
        .iter()
        .find(|w| w.code == "table_tie")
        .expect("tie warning");
    assert!(
        w.message.contains("8\u{a0}000,00") && w.message.contains("8\u{a0}500,00"),
        "{}",
        w.message
    );
}

#[test]
fn a_newer_version_wins_and_a_row_dated_after_the_conclusion_does_not_apply() {
    let mut r = Referentiel::default();
    r.add_version(version(
        "old",
        date(2025, 9, 4),
        vec![NpecRow::simple(
            "RNCP41000",
            "BTS MOS",
            204,
            "8828",
            date(2025, 9, 1),
        )],
        vec![(204, 1351)],
    ));
    r.add_version(version(
        "new",
        date(2026, 8, 31),
        vec![NpecRow::simple(
            "RNCP41000",
            "BTS MOS",
            204,
            "8765",
            date(2026, 9, 1),
        )],
        vec![(204, 1351)],
    ));
    let mut c = contract(1351);
    assert_eq!(
        Quoter::new(&r).quote(&c).unwrap().npec.annual.to_decimal(),
        Decimal::from(8765)
    );
    c.signed_on = date(2026, 8, 31);
    let q = Quoter::new(&r).quote(&c).unwrap();
    assert_eq!(q.npec.annual.to_decimal(), Decimal::from(8828));
    assert_eq!(q.npec.table_version.as_deref(), Some("old"));
}

#[test]
fn the_first_suggestions_are_the_best_of_all_matches() {
    // Many labels share their words, scores tie, versions differ: the short list must be the head of
    // the full ranking.
    let words = [
        "gestion",
        "commerce",
        "management",
        "technicien",
        "conducteur",
    ];
    let certifications: Vec<Certification> = (0..300u32)
        .map(|i| Certification {
            rncp: format!("RNCP{}", 30_000 + (i * 7919) % 1000),
            label: format!(
                "{} {} {}",
                words[(i % 5) as usize],
                words[(i / 5 % 5) as usize],
                "x ".repeat((i % 3) as usize)
            ),
            diploma_type: "TITRE".into(),
            level_hint: None,
            published: date(2020 + (i % 4) as i16, 1, 1),
        })
        .collect();
    let index = CertificationIndex::new(certifications);
    for query in ["g", "ge", "gestion", "commerce gestion", "t", "RNCP30", "3"] {
        let all = index.search(query, usize::MAX);
        for limit in [1, 8, 20] {
            let head: Vec<_> = all.iter().take(limit).cloned().collect();
            assert_eq!(index.search(query, limit), head, "{query} × {limit}");
        }
    }
}

/// D12's selection written plainly, in several passes over the rows: what `lookup` must agree with.
fn lookup_by_passes<'a>(
    r: &'a Referentiel,
    rncp: &str,
    cpne: u32,
    signed_on: Date,
) -> TableLookup<'a> {
    let eligible = || {
        r.versions.iter().enumerate().flat_map(move |(vi, v)| {
            v.rows.iter().enumerate().filter_map(move |(ri, row)| {
                let date = row.applicable_from.unwrap_or(v.applies_from);
                (row.cpne == Some(cpne) && row.rncp.iter().any(|c| c == rncp) && date <= signed_on)
                    .then_some((v, row, date, (vi as u32, ri as u32)))
            })
        })
    };
    let slot = |(v, row, d, _): &(&TableVersion, &NpecRow, Date, (u32, u32))| {
        (v.published, *d, row.rncp.len() == 1, row.amount.is_some())
    };
    let Some(top) = eligible().map(|c| slot(&c)).max() else {
        return TableLookup::Absent(AbsentReason::NoRowForBranch { cpne });
    };
    let tied: Vec<_> = eligible().filter(|c| slot(c) == top).collect();
    let mut chosen = tied[0];
    for c in &tied[1..] {
        if (c.1.amount, c.1.applicable_from.is_some())
            > (chosen.1.amount, chosen.1.applicable_from.is_some())
        {
            chosen = *c;
        }
    }
    let (v, row, date, at) = chosen;
    let tie = tied
        .iter()
        .filter_map(|c| c.1.amount)
        .filter(|a| Some(*a) != row.amount)
        .max();
    TableLookup::of_selected(at, v, row, date, cpne, tie)
}

proptest::proptest! {
    #[test]
    fn lookup_selects_as_decision_d12_reads(
        rows in proptest::collection::vec(
            // version, CPNE, amount (0 = NC), own date (0 = the version's), alone in its cell
            (0usize..3, 1u32..3, 0u32..4, 0i8..4, proptest::bool::ANY),
            1..24,
        ),
        same_publication in proptest::bool::ANY,
        signed_month in 1i8..13,
    ) {
        let mut tables: Vec<Vec<NpecRow>> = vec![Vec::new(); 3];
        for (line, &(v, cpne, amount, month, alone)) in rows.iter().enumerate() {
            let mut row = NpecRow::simple("RNCP1", "label", cpne, "1", date(2025, 1, 1));
            row.amount = (amount > 0).then(|| Decimal::from(1000 * amount));
            row.amount_raw = if amount > 0 { amount.to_string() } else { "NC".into() };
            row.applicable_from = (month > 0).then(|| date(2025, 3 * month, 1));
            if !alone {
                row.rncp.push("RNCP2".into());
            }
            row.origin.line = Some(line as u32 + 1); // rows differ, so equality is identity
            tables[v].push(row);
        }
        let mut r = Referentiel::default();
        for (i, rows) in tables.into_iter().enumerate() {
            let published = if same_publication { date(2025, 1, 1) } else { date(2025, 1 + i as i8, 1) };
            r.add_version(version(&format!("v{i}"), published, rows, vec![(1, 1), (2, 2)]));
        }
        let signed_on = date(2025, signed_month, 15);
        for cpne in 1..3 {
            proptest::prop_assert_eq!(
                r.lookup("RNCP1", cpne, signed_on),
                lookup_by_passes(&r, "RNCP1", cpne, signed_on)
            );
        }
    }

    #[test]
    fn the_edition_in_force_is_the_one_every_version_compared_gives(
        // published (days after 2025-01-01), applies from (days after it), has a mapping
        versions in proptest::collection::vec((0i64..200, 0i64..200, proptest::bool::ANY), 1..8),
        signed_days in proptest::collection::vec(-30i64..450, 1..20),
    ) {
        let mut r = Referentiel::default();
        for (i, &(published, delay, mapped)) in versions.iter().enumerate() {
            let mut v = version(&format!("v{i}"), add_days(date(2025, 1, 1), published), Vec::new(), vec![(1, 1)]);
            v.applies_from = add_days(v.published, delay);
            if !mapped {
                v.mapping = None;
            }
            r.add_version(v);
            for &days in &signed_days {
                let signed_on = add_days(date(2025, 1, 1), days);
                proptest::prop_assert_eq!(r.edition_index_for(signed_on), r.edition_scan(signed_on));
                proptest::prop_assert_eq!(r.mapping_version_for(signed_on), r.mapping_scan(signed_on));
            }
        }
    }
}

/// D20 (c) by a grouped row: the 2025 edition grouped RNCP30001 with RNCP30002, which the 2026 edition
/// lists alone: the old code is refused, the successor and its amount named, the old row too.
#[test]
fn a_code_grouped_earlier_with_a_listed_one_is_superseded() {
    let mut r = Referentiel::default();
    let mut grouped = NpecRow::simple("RNCP30001", "Titre", 204, "7500", date(2025, 9, 1));
    grouped.rncp = vec!["RNCP30001".into(), "RNCP30002".into()];
    grouped.rncp_cell = "RNCP30001/RNCP30002".into();
    let mut v2025 = version(
        "2025-09",
        date(2025, 9, 1),
        vec![grouped],
        vec![(204, 1351)],
    );
    v2025.coverage = Coverage::Complete;
    r.add_version(v2025);
    let v2026 = version(
        "2026-09",
        date(2026, 9, 1),
        vec![NpecRow::simple(
            "RNCP30002",
            "Titre",
            204,
            "7600",
            date(2026, 9, 1),
        )],
        vec![(204, 1351)],
    );
    r.add_version(v2026);
    let on = date(2026, 9, 14);
    let Standing::Superseded {
        successors,
        last_listed,
    } = r.standing("RNCP30001", on)
    else {
        panic!("{:?}", r.standing("RNCP30001", on))
    };
    assert_eq!(last_listed, "2025-09");
    assert_eq!(
        successors,
        [Successor {
            rncp: "RNCP30002".into(),
            how: SuccessorSource::Grouped("2025-09".into())
        }]
    );
    let mut c = contract(1351);
    c.rncp = Some("RNCP30001".into());
    let err = Quoter::new(&r).quote(&c).unwrap_err();
    assert_eq!(
        (err.kind(), err.field()),
        (ErrorKind::CertificationSuperseded, Some("rncp"))
    );
    assert_eq!(err.candidates(), ["RNCP30002 – 7\u{a0}600,00\u{a0}€"]);
    let m = err.message();
    assert!(
        m.contains("l'édition 2025-09 le groupait avec RNCP30002"),
        "{m}"
    );
    assert!(m.contains("7\u{a0}500,00"), "{m}");
    // Under the 2025 edition (complete, listing it) it quotes; RNCP30002 in 2026 too.
    c.signed_on = date(2025, 10, 1);
    c.start = date(2025, 10, 1);
    assert!(Quoter::new(&r).quote(&c).is_ok());
    // The 2026 edition is partial (the default), so a code in no edition warns referentiel_partial.
    c.rncp = Some("RNCP99999".into());
    c.signed_on = on;
    let q = Quoter::new(&r).quote(&c).unwrap();
    let codes: Vec<&str> = q.warnings.iter().map(|w| w.code).collect();
    assert!(codes.contains(&"referentiel_partial"), "{codes:?}");
    assert_eq!(q.npec.coverage, Some(Coverage::Partial));
}
