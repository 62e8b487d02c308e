//! Any text as a file of a data directory (`manifest.toml`, `npec.csv`, `cpne_idcc.csv`, `branches/*.csv`):
//! refused with an error naming the line, never a panic; what is accepted renders and reads back the same.
#![no_main]

use coutcontrat_referentiel::format::{
    parse_cpne_csv, parse_cpne_idcc_csv, parse_idcc_csv, parse_manifest, parse_npec_csv,
    render_cpne_csv, render_cpne_idcc_csv, render_idcc_csv, render_manifest, render_npec_csv,
    sort_rows,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(m) = parse_manifest(text, "manifest.toml") {
        let again = parse_manifest(&render_manifest(&m), "manifest.toml")
            .expect("a rendered manifest reads");
        assert_eq!(again, m);
    }
    if let Ok(mut rows) = parse_npec_csv(text, "npec.csv") {
        sort_rows(&mut rows);
        let again =
            parse_npec_csv(&render_npec_csv(&rows), "npec.csv").expect("rendered rows read");
        assert_eq!(again, rows);
    }
    // The lists are sets, written sorted (and the pairs without duplicates): what reads back is the same set,
    // and writing it again gives the same text.
    if let Ok(mut pairs) = parse_cpne_idcc_csv(text, "cpne_idcc.csv") {
        let written = render_cpne_idcc_csv(&pairs);
        let again = parse_cpne_idcc_csv(&written, "cpne_idcc.csv").expect("reads");
        pairs.sort_by_key(|p| (p.cpne, p.idcc));
        pairs.dedup();
        assert_eq!(again, pairs);
        assert_eq!(render_cpne_idcc_csv(&again), written);
    }
    if let Ok(list) = parse_idcc_csv(text, "idcc.csv") {
        let written = render_idcc_csv(&list);
        let again = parse_idcc_csv(&written, "idcc.csv").expect("reads");
        assert_eq!(again.len(), list.len());
        assert_eq!(render_idcc_csv(&again), written);
    }
    if let Ok(list) = parse_cpne_csv(text, "cpne.csv") {
        let written = render_cpne_csv(&list);
        let again = parse_cpne_csv(&written, "cpne.csv").expect("reads");
        assert_eq!(again.len(), list.len());
        assert_eq!(render_cpne_csv(&again), written);
    }
});
