//! Test helpers: a minimal xlsx writer (inline strings and numbers), to build workbooks of the layouts that
//! have no real fixture and to break real layouts on purpose.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;

/// A cell of a test workbook.
#[derive(Clone, Debug)]
pub enum Cell {
    Text(String),
    Num(f64),
    Empty,
}

pub fn t(s: &str) -> Cell {
    Cell::Text(s.to_owned())
}

pub fn n(v: f64) -> Cell {
    Cell::Num(v)
}

pub fn e() -> Cell {
    Cell::Empty
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn col_letter(col: usize) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        out.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}

fn sheet_xml(rows: &[Vec<Cell>]) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (i, row) in rows.iter().enumerate() {
        xml.push_str(&format!(r#"<row r="{}">"#, i + 1));
        for (j, cell) in row.iter().enumerate() {
            let r = format!("{}{}", col_letter(j), i + 1);
            match cell {
                Cell::Text(s) => xml.push_str(&format!(
                    r#"<c r="{r}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                    escape(s)
                )),
                Cell::Num(v) => xml.push_str(&format!(r#"<c r="{r}"><v>{v}</v></c>"#)),
                Cell::Empty => {}
            }
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData></worksheet>");
    xml
}

/// An xlsx file with these sheets, in order.
pub fn xlsx(sheets: &[(&str, Vec<Vec<Cell>>)]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        let mut put = |name: &str, content: &str| {
            zip.start_file(name, opts).unwrap();
            zip.write_all(content.as_bytes()).unwrap();
        };
        let mut types = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
        );
        let mut book = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
        );
        let mut rels = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
        );
        for (i, (name, _)) in sheets.iter().enumerate() {
            let k = i + 1;
            types.push_str(&format!(r#"<Override PartName="/xl/worksheets/sheet{k}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#));
            book.push_str(&format!(
                r#"<sheet name="{}" sheetId="{k}" r:id="rId{k}"/>"#,
                escape(name)
            ));
            rels.push_str(&format!(r#"<Relationship Id="rId{k}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{k}.xml"/>"#));
        }
        types.push_str("</Types>");
        book.push_str("</sheets></workbook>");
        rels.push_str("</Relationships>");
        put("[Content_Types].xml", &types);
        put(
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        );
        put("xl/workbook.xml", &book);
        put("xl/_rels/workbook.xml.rels", &rels);
        for (i, (_, rows)) in sheets.iter().enumerate() {
            put(
                &format!("xl/worksheets/sheet{}.xml", i + 1),
                &sheet_xml(rows),
            );
        }
        zip.finish().unwrap();
    }
    buf.into_inner()
}

/// A zip holding one file.
pub fn zip_of(name: &str, bytes: &[u8]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
        zip.finish().unwrap();
    }
    buf.into_inner()
}

/// A « Me lire » sheet: a title, a decree, the tag on the last line.
pub fn me_lire(title: &str, tag: &str) -> Vec<Vec<Cell>> {
    vec![
        vec![],
        vec![t(title)],
        vec![],
        vec![t(
            "Valeurs fixées par le Décret n° 2025-860 du 29 août 2025 relatif aux niveaux.",
        )],
        vec![],
        vec![t(tag)],
    ]
}

/// The exact header of « Onglet 3 - référentiel NPEC » in the 2024-07 file.
pub fn current_header() -> Vec<Cell> {
    vec![
        t("RNCP"),
        t("Libellé de la formation"),
        t("Certificateur* \n(*liste non exhaustive - premier dans la fiche RNCP)"),
        t("Type de diplôme"),
        t("Code CPNE"),
        t("CPNE"),
        t("NPEC final"),
        t("Statut"),
        t("Date d'applicabilité des NPEC** \n(**hors contrats couverts par la valeur d'amorçage + voir onglet \"Me lire\")"),
    ]
}

/// A current-layout workbook: « Me lire », « Onglet 3 » with these data rows (from row 5), « Onglet 4 ».
pub fn current_workbook(tag: &str, data: Vec<Vec<Cell>>, mapping: Vec<(u32, u32)>) -> Vec<u8> {
    let mut onglet3 = vec![
        vec![],
        vec![t(
            "Niveaux de prise en charge applicables au 1er septembre 2025",
        )],
        vec![],
        current_header(),
    ];
    onglet3.extend(data);
    let mut onglet4 = vec![
        vec![e(), t("Code(s) IDCC rattaché(s) aux CPNE")],
        vec![],
        vec![t("Code CPNE"), t("CPNE"), t("IDCC")],
    ];
    onglet4.extend(
        mapping
            .into_iter()
            .map(|(c, i)| vec![n(c as f64), t(&format!("CPNE {c}")), n(i as f64)]),
    );
    xlsx(&[
        ("Me lire", me_lire("Clé de lecture du référentiel des niveaux de prise en charge applicables au 1er septembre 2025", tag)),
        ("Onglet 3 - référentiel NPEC", onglet3),
        ("Onglet 4 - CPNE-IDCC", onglet4),
    ])
}

/// The tag of the workbooks these tests generate (« Me lire », 2025-09 file).
pub const TAG: &str = "v_04.09.2025";

/// One « Onglet 3 » row of RNCP41000 × CPNE 204 with this amount and date of applicability.
pub fn bts_row(amount: f64, applicable: Cell) -> Vec<Cell> {
    vec![
        t("RNCP41000"),
        t("BTS MOS"),
        t("MINISTERE"),
        t("BTS"),
        n(204.0),
        t("CPNE 204"),
        n(amount),
        t("A"),
        applicable,
    ]
}

/// A current-layout workbook of tag [`TAG`] whose one row has this amount, written to `dir/name`.
pub fn one_row_workbook(dir: &std::path::Path, name: &str, amount: f64) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(
        &path,
        current_workbook(TAG, vec![bts_row(amount, e())], vec![]),
    )
    .unwrap();
    path
}

/// The workspace's `tests/fixtures/xlsx/` directory.
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/xlsx")
}

/// A fresh temporary directory for a test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ccref-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
