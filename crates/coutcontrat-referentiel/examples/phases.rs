//! Times the phases of a streaming import separately (inflate only, parse only) for the benchmark table.
use std::io::Read;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("WORKBOOK");
    let bytes = std::fs::read(&path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.as_slice())).unwrap();
    let t = Instant::now();
    let mut f = zip.by_name("xl/worksheets/sheet3.xml").unwrap();
    let mut buf = vec![0u8; 1 << 20];
    let mut total = 0usize;
    loop {
        let n = f.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        total += n;
    }
    println!(
        "inflate sheet3: {total} bytes in {:.3} s",
        t.elapsed().as_secs_f64()
    );
}
