//! Writes the compact form of the synthetic full-size référentiel (alone, and with the embedded real versions)
//! to `target/synthetic/`, and prints its raw size and decoding time. The benchmark script adds gzip/brotli.
//!
//! ```text
//! cargo run --release -p coutcontrat-referentiel --example compact_sizes -- WORKBOOK
//! ```

use std::time::Instant;

use coutcontrat::referentiel::TableLookup;
use coutcontrat_referentiel::compact::{from_compact, to_compact, CompactTable};
use coutcontrat_referentiel::{embedded_dataset, import_workbook, DataSet, ImportOptions};

fn main() {
    let workbook = std::env::args().nth(1).expect("WORKBOOK");
    let imported = import_workbook(workbook.as_ref(), &ImportOptions::default()).unwrap();
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/synthetic");
    std::fs::create_dir_all(&out).unwrap();
    let alone = DataSet {
        versions: vec![imported.version.clone()],
        ..DataSet::default()
    };
    let mut with_real = embedded_dataset().unwrap();
    with_real.versions.push(imported.version);
    for (name, set) in [
        ("synthetic-only", &alone),
        ("synthetic+embedded", &with_real),
    ] {
        let started = Instant::now();
        let bytes = to_compact(set);
        let encode = started.elapsed().as_secs_f64();
        let started = Instant::now();
        let table = CompactTable::new(bytes.clone()).unwrap();
        let index = started.elapsed().as_secs_f64();
        let started = Instant::now();
        let certifications = table.certifications();
        let list = started.elapsed().as_secs_f64();
        let started = Instant::now();
        let code = certifications[certifications.len() / 2].rncp.clone();
        let part = table.referentiel_for(&[&code]).unwrap();
        let one = started.elapsed().as_secs_f64();
        let started = Instant::now();
        let r = from_compact(&bytes).unwrap();
        let decode = started.elapsed().as_secs_f64();
        let d0 = jiff::civil::date(2024, 9, 1);
        for cpne in [2, 65, 134] {
            assert_eq!(
                format!("{:?}", part.lookup(&code, cpne, d0)),
                format!("{:?}", r.lookup(&code, cpne, d0))
            );
        }
        let path = out.join(format!("compact-{name}.ccrc"));
        std::fs::write(&path, &bytes).unwrap();
        // A spot check of the round trip on the first certifications.
        let full = set.to_referentiel();
        let d = jiff::civil::date(2024, 9, 1);
        let mut same = 0;
        for c in full.certifications().iter().take(200) {
            for cpne in [2, 65, 134, 204] {
                let a = full.lookup(&c.rncp, cpne, d);
                let b = r.lookup(&c.rncp, cpne, d);
                let amount = |l: &TableLookup| match l {
                    TableLookup::Found(f) => Some((f.amount, f.applicable_from)),
                    TableLookup::Absent(_) => None,
                };
                assert_eq!(amount(&a), amount(&b));
                same += 1;
            }
        }
        println!(
            "{name}: {} bytes raw, {} rows, {} certifications; encode {encode:.3} s; page: index {index:.4} s + \
             certification list {list:.4} s + one certification's rows {one:.5} s; whole decode {decode:.3} s; \
             {same} lookups checked → {}",
            bytes.len(),
            set.versions.iter().map(|v| v.rows.len()).sum::<usize>(),
            certifications.len(),
            path.display()
        );
    }
}
