//! Reading back what an import wrote, against what it meant to write.

use std::fs;
use std::path::Path;

use coutcontrat::referentiel::TableVersion;

use crate::checksum::Checksum;
use crate::error::{Error, ErrorKind, Result};
use crate::format::parse_manifest;

/// A CSV file read back: its data records (the header not counted), byte count and [`Checksum`].
#[derive(Debug)]
struct ReadBack {
    records: usize,
    bytes: u64,
    sum: u64,
}

/// Reads a CSV file back in blocks: records are counted by a quote-aware scan of the line ends (a line end
/// inside a quoted field does not end a record), as the `csv` crate would count them, without parsing fields.
fn read_back(path: &Path, shown: &str) -> Result<ReadBack> {
    use std::io::Read;
    let mut file =
        fs::File::open(path).map_err(|e| Error::io(shown, &e, "relecture impossible"))?;
    let mut buf = vec![0u8; 1 << 20];
    let mut sum = Checksum::default();
    let (mut lines, mut quoted, mut open_line) = (0usize, false, false);
    loop {
        let n = match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Error::io(shown, &e, "relecture impossible")),
        };
        let block = &buf[..n];
        sum.update(block);
        let mut at = 0;
        for i in memchr::memchr2_iter(b'"', b'\n', block) {
            if block[i] == b'"' {
                quoted = !quoted;
            } else if !quoted {
                // An empty line is no record (the `csv` crate skips it).
                if open_line || i > at {
                    lines += 1;
                }
                open_line = false;
                at = i + 1;
            }
        }
        // What follows the last record end starts the next record.
        open_line |= at < n;
    }
    if quoted {
        return Err(Error::new(
            ErrorKind::Format,
            shown,
            "CSV illisible : guillemet non refermé en fin de fichier",
        ));
    }
    let records = lines + usize::from(open_line);
    let (bytes, sum) = sum.finish();
    Ok(ReadBack {
        records: records.saturating_sub(1),
        bytes,
        sum,
    })
}

/// Reads back a version directory just written and checks it against what was meant: the manifest reads and
/// records the tag and source checksum of `version`, and the files hold the rows and pairs it announces.
pub fn check_written(dir: &Path, version: &TableVersion, rows: usize) -> Result<()> {
    check_written_sum(dir, version, rows, None)
}

/// [`check_written`], and `npec.csv` has the byte count and [`Checksum`] of what was written, when given.
pub(crate) fn check_written_sum(
    dir: &Path,
    version: &TableVersion,
    rows: usize,
    npec: Option<(u64, u64)>,
) -> Result<()> {
    let shown = |file: &str| dir.join(file).display().to_string();
    let text = fs::read_to_string(dir.join("manifest.toml"))
        .map_err(|e| Error::io(shown("manifest.toml"), &e, "relecture impossible"))?;
    let m = parse_manifest(&text, &shown("manifest.toml"))?;
    let wrong = |file: &str, what: String| {
        Error::new(
            ErrorKind::Format,
            shown(file),
            format!("écriture incomplète ou altérée : {what} ; relancez l'import"),
        )
    };
    if m.tag != version.tag || m.source_sha256 != version.source_sha256 || m.rows != rows {
        return Err(wrong(
            "manifest.toml",
            format!(
                "le manifeste relu annonce « {} », {} lignes, empreinte {:?} ; attendu « {} », {rows} lignes, {:?}",
                m.tag, m.rows, m.source_sha256, version.tag, version.source_sha256
            ),
        ));
    }
    let count = |file: &str| -> Result<usize> {
        let mut reader = csv::ReaderBuilder::new()
            .from_path(dir.join(file))
            .map_err(|e| {
                Error::new(
                    ErrorKind::Io,
                    shown(file),
                    format!("relecture impossible : {e}"),
                )
            })?;
        let mut record = csv::ByteRecord::new();
        let mut n = 0;
        while reader.read_byte_record(&mut record).map_err(|e| {
            Error::new(
                ErrorKind::Format,
                shown(file),
                format!("CSV illisible : {e}"),
            )
        })? {
            n += 1;
        }
        Ok(n)
    };
    let npec_path = dir.join("npec.csv");
    let back = read_back(&npec_path, &shown("npec.csv"))?;
    if back.records != rows {
        return Err(wrong(
            "npec.csv",
            format!("{} lignes relues, {rows} écrites", back.records),
        ));
    }
    if let Some((bytes, sum)) = npec {
        if back.bytes != bytes {
            return Err(wrong(
                "npec.csv",
                format!("{} octets relus, {bytes} écrits", back.bytes),
            ));
        }
        if back.sum != sum {
            return Err(wrong(
                "npec.csv",
                "le contenu relu diffère de ce qui a été écrit (somme de contrôle)".into(),
            ));
        }
    }
    if let Some(pairs) = m.mapping_pairs {
        let written = count("cpne_idcc.csv")?;
        if written != pairs {
            return Err(wrong(
                "cpne_idcc.csv",
                format!("{written} paires relues, {pairs} annoncées"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checksum::tests::sum_of;

    #[test]
    fn records_are_counted_as_the_csv_crate_counts_them() {
        let dir = std::env::temp_dir().join(format!("ccref-readback-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("x.csv");
        let csv_count = |text: &str| {
            let mut r = csv::ReaderBuilder::new().from_reader(text.as_bytes());
            let mut n = 0;
            for record in r.byte_records() {
                record.unwrap();
                n += 1;
            }
            n
        };
        for text in [
            "a,b\n",
            "a,b",
            "a,b\n1,2\n",
            "a,b\n1,2",
            "a,b\n\"x\ny\",2\n3,\"a,\"\"b\"\"\n\"\n",
            "a,b\n\n1,2\n\n",
            "",
        ] {
            fs::write(&path, text).unwrap();
            let back = read_back(&path, "x.csv").unwrap();
            assert_eq!(back.records, csv_count(text), "{text:?}");
            assert_eq!(
                (back.bytes, back.sum),
                sum_of(&[text.as_bytes()]),
                "{text:?}"
            );
        }
        fs::write(&path, "a,b\n\"open,2\n").unwrap();
        assert_eq!(
            read_back(&path, "x.csv").unwrap_err().kind,
            ErrorKind::Format
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_altered_npec_csv_of_the_same_size_is_refused() {
        use coutcontrat::referentiel::NpecRow;
        use jiff::civil::date;
        let d = date(2025, 9, 1);
        let version = TableVersion {
            tag: "t".into(),
            published: d,
            applies_from: d,
            applies_until: None,
            source_file: "t.xlsx".into(),
            source_sha256: Some("0".repeat(64)),
            legal_basis: String::new(),
            synthetic: true,
            coverage: Default::default(),
            note: String::new(),
            rows: vec![
                NpecRow::simple("RNCP1", "a", 2, "8828", d),
                NpecRow::simple("RNCP2", "b, \"c\"", 3, "7000", d),
            ],
            mapping: None,
        };
        let dir = std::env::temp_dir()
            .join(format!("ccref-altered-{}", std::process::id()))
            .join("t");
        crate::write_version(&dir, &version).unwrap();
        let npec = dir.join("npec.csv");
        let bytes = fs::read(&npec).unwrap();
        let sum = sum_of(&[&bytes]);
        check_written_sum(&dir, &version, 2, Some(sum)).unwrap();
        let mut altered = bytes.clone();
        let at = altered.iter().rposition(|b| *b == b'8').unwrap();
        altered[at] = b'9';
        fs::write(&npec, &altered).unwrap();
        // The count alone does not see it; the sum does.
        check_written(&dir, &version, 2).unwrap();
        let err = check_written_sum(&dir, &version, 2, Some(sum)).unwrap_err();
        assert!(err.message.contains("somme de contrôle"), "{err}");
        fs::write(&npec, &bytes[..bytes.len() - 1]).unwrap();
        let err = check_written_sum(&dir, &version, 2, Some(sum)).unwrap_err();
        assert!(err.message.contains("octets relus"), "{err}");
        fs::remove_dir_all(dir.parent().unwrap()).unwrap();
    }
}
