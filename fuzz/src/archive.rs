//! Zip archives around a workbook, as `import` is handed them: the workbook under a name the fuzzer chooses,
//! beside other entries, zipped again up to three times, padded (a small zip inflating to much more) or
//! damaged by one byte.

use std::io::Write;

use arbitrary::Arbitrary;

use crate::FWorkbook;

/// Entry names an archive of the référentiel may hold: the workbook, a copy in a folder, macOS and Office
/// droppings, other workbook types, a workbook's own parts, an archive inside.
const NAMES: &[&str] = &[
    "Referentiel-des-NPEC.xlsx",
    "dossier/Referentiel.XLSX",
    "__MACOSX/._Referentiel-des-NPEC.xlsx",
    "~$Referentiel-des-NPEC.xlsx",
    "dossier/~$verrou.xlsx",
    "Referentiel.xlsb",
    "Referentiel.xlsm",
    "notes.txt",
    "xl/workbook.xml",
    "Referentiel.zip",
    "",
    "../../evil.xlsx",
];

/// An entry name: one of [`NAMES`], or any.
#[derive(Debug, Clone, Arbitrary)]
pub enum FName {
    /// An index into the usual names.
    Usual(u8),
    /// Any name.
    Any(String),
}

impl FName {
    /// The name.
    pub fn name(&self) -> String {
        match self {
            FName::Usual(i) => NAMES[*i as usize % NAMES.len()].to_owned(),
            FName::Any(s) => s.chars().take(64).collect(),
        }
    }

    /// Whether the importer takes an entry of this name for the workbook inside (see `import/archive.rs`).
    fn is_inner_workbook(&self) -> bool {
        coutcontrat_referentiel::import::is_inner_workbook(&self.name())
    }

    /// Whether an entry of this name changes which workbook is read: another one inside, or a part that makes
    /// the archive itself a workbook.
    fn changes_the_workbook(&self) -> bool {
        let lower = self.name().to_ascii_lowercase();
        self.is_inner_workbook() || lower == "xl/workbook.xml" || lower == "xl/workbook.bin"
    }
}

/// A workbook inside zip archives.
#[derive(Debug, Arbitrary)]
pub struct FArchive {
    /// The workbook.
    pub book: FWorkbook,
    /// Its entry name.
    pub name: FName,
    /// Other entries of the outermost archive (name, content).
    pub others: Vec<(FName, Vec<u8>)>,
    /// Archives around the workbook: 1 to 3.
    pub depth: u8,
    /// Deflated rather than stored.
    pub deflate: bool,
    /// Zeros appended to the workbook, in units of 16 KB (a bomb, over the limit or not).
    pub padding: u8,
    /// One byte of the outermost archive replaced (position, value).
    pub damage: Option<(u16, u8)>,
}

/// A zip of these entries.
fn zip(entries: &[(String, &[u8])], deflate: bool) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let method = if deflate {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        let opts = zip::write::SimpleFileOptions::default().compression_method(method);
        for (name, content) in entries {
            // A name the writer refuses (a duplicate) is skipped: the writer is not under test.
            if zip.start_file(name.as_str(), opts).is_ok() {
                zip.write_all(content).expect("in-memory zip");
            }
        }
        zip.finish().expect("in-memory zip");
    }
    buf.into_inner()
}

impl FArchive {
    /// The bytes given to the importer.
    pub fn to_zip(&self) -> Vec<u8> {
        let mut bytes = self.book.to_xlsx();
        bytes.resize(bytes.len() + usize::from(self.padding) * (16 << 10), 0);
        let depth = 1 + self.depth % 3;
        for level in 0..depth {
            let mut entries = vec![(self.name.name(), bytes.as_slice())];
            let others: Vec<(String, &[u8])> = if level + 1 == depth {
                self.others
                    .iter()
                    .take(4)
                    .map(|(n, c)| (n.name(), &c[..c.len().min(4096)]))
                    .collect()
            } else {
                Vec::new()
            };
            entries.extend(others);
            bytes = zip(&entries, self.deflate);
        }
        if let Some((at, value)) = self.damage {
            if !bytes.is_empty() {
                let at = usize::from(at) % bytes.len();
                bytes[at] = value;
            }
        }
        bytes
    }

    /// Whether the archive is the workbook zipped once and nothing else the importer would pick: it must then
    /// read as the workbook itself.
    pub fn is_plain(&self) -> bool {
        let names: Vec<String> = self.others.iter().take(4).map(|(n, _)| n.name()).collect();
        // A name of the fuzzer's own may be one the zip writer refuses: only the usual ones are compared.
        self.depth.is_multiple_of(3)
            && self.padding == 0
            && self.damage.is_none()
            && matches!(self.name, FName::Usual(_))
            && self.name.is_inner_workbook()
            && self
                .others
                .iter()
                .take(4)
                .all(|(n, _)| !n.changes_the_workbook())
            && !names.contains(&self.name.name())
    }
}
