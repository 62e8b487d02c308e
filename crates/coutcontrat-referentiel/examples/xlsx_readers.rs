//! calamine's own streaming reader beside this crate's, on the long sheet of a workbook: each reads every cell
//! of « Onglet 3 - référentiel NPEC » on one thread (inflating included) and keeps nothing; best of RUNS runs,
//! wall time and CPU time (user + system) of this process.
//!
//! ```text
//! cargo run --release -p coutcontrat-referentiel --example xlsx_readers -- WORKBOOK [RUNS]
//! ```

use std::io::Cursor;
use std::time::Instant;

use calamine::{open_workbook_auto_from_rs, DataRef, Sheets};

const SHEET: &str = "Onglet 3 - référentiel NPEC";

/// CPU seconds (user + system) used by this process so far, from `/proc/self/stat` (Linux, 100 ticks a second).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").expect("Linux /proc");
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    let rest = &stat[stat.rfind(')').expect("stat format") + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    ticks as f64 / 100.0
}

/// calamine's `worksheet_cells_reader`: every cell, its value borrowed (no conversion).
fn calamine_cells(bytes: &[u8]) -> u64 {
    let Sheets::Xlsx(mut book) = open_workbook_auto_from_rs(Cursor::new(bytes)).unwrap() else {
        panic!("not an xlsx workbook");
    };
    let mut reader = book.worksheet_cells_reader(SHEET).unwrap();
    let mut cells = 0u64;
    while let Some(cell) = reader.next_cell().unwrap() {
        if !matches!(cell.get_value(), DataRef::Empty) {
            cells += 1;
        }
    }
    cells
}

fn best(runs: usize, f: impl Fn() -> u64) -> (u64, f64, f64) {
    let (mut wall, mut cpu, mut cells) = (f64::MAX, f64::MAX, 0);
    for _ in 0..runs {
        let (t, c) = (Instant::now(), cpu_seconds());
        cells = f();
        wall = wall.min(t.elapsed().as_secs_f64());
        cpu = cpu.min(cpu_seconds() - c);
    }
    (cells, wall, cpu)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bytes = std::fs::read(args.first().expect("WORKBOOK")).unwrap();
    let runs = args.get(1).map_or(3, |r| r.parse().expect("RUNS"));
    let ours = best(runs, || {
        coutcontrat_referentiel::import::count_sheet_cells(&bytes, SHEET).unwrap()
    });
    let theirs = best(runs, || calamine_cells(&bytes));
    assert_eq!(ours.0, theirs.0, "both readers see the same cells");
    println!("{} cells of « {SHEET} », best of {runs} runs:", ours.0);
    println!(
        "  coutcontrat xlsx reader : wall {:.2} s, CPU {:.2} s",
        ours.1, ours.2
    );
    println!(
        "  calamine cells reader   : wall {:.2} s, CPU {:.2} s",
        theirs.1, theirs.2
    );
    println!("  calamine / ours (CPU)   : {:.1}×", theirs.2 / ours.2);
}
