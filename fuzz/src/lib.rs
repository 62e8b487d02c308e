//! Helpers of the fuzz targets: a small xlsx writer, structure-aware inputs (workbooks in every official
//! layout, contracts near real ones) and the invariants a result must keep.
//!
//! The targets must never panic; beyond that, what they accept must survive a round trip (an imported version
//! written in the canonical format reads back the same) and the figures of a quote must add up.

use std::io::Write;

pub mod archive;

use arbitrary::{Arbitrary, Unstructured};
use coutcontrat::{Contract, ContractInput, Quote, Quoter};
use rust_decimal::Decimal;

// --- xlsx ----------------------------------------------------------------------------------------------------

/// A cell of a generated workbook.
#[derive(Clone, Debug)]
pub enum XCell {
    /// An inline string.
    Text(String),
    /// A number, written as Rust prints it (`NaN` and `inf` included: the reader must cope).
    Num(f64),
    /// No cell.
    Empty,
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `0` → `A`, `26` → `AA`.
pub fn col_letter(col: usize) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        out.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn sheet_xml(rows: &[Vec<XCell>], far: Option<(u32, u32)>) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (i, row) in rows.iter().enumerate() {
        xml.push_str(&format!(r#"<row r="{}">"#, i + 1));
        for (j, cell) in row.iter().enumerate() {
            let r = format!("{}{}", col_letter(j), i + 1);
            match cell {
                XCell::Text(s) => xml.push_str(&format!(
                    r#"<c r="{r}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                    escape(s)
                )),
                XCell::Num(v) => xml.push_str(&format!(r#"<c r="{r}"><v>{v}</v></c>"#)),
                XCell::Empty => {}
            }
        }
        xml.push_str("</row>");
    }
    // One cell far away: a sheet whose used range is much larger than its content.
    if let Some((row, col)) = far {
        let row = row.max(rows.len() as u32 + 1);
        xml.push_str(&format!(
            r#"<row r="{row}"><c r="{}{row}" t="inlineStr"><is><t>x</t></is></c></row>"#,
            col_letter(col as usize)
        ));
    }
    xml.push_str("</sheetData></worksheet>");
    xml
}

/// A sheet to write: its name, its rows, and maybe one cell far away (1-based row, 0-based column).
pub type XSheet = (String, Vec<Vec<XCell>>, Option<(u32, u32)>);

/// An xlsx file with these sheets, in order (entries stored, not compressed: faster to write and read).
pub fn xlsx(sheets: &[XSheet]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        let mut put = |name: &str, content: &str| {
            zip.start_file(name, opts).expect("in-memory zip");
            zip.write_all(content.as_bytes()).expect("in-memory zip");
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
        for (i, (name, _, _)) in sheets.iter().enumerate() {
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
        for (i, (_, rows, far)) in sheets.iter().enumerate() {
            put(
                &format!("xl/worksheets/sheet{}.xml", i + 1),
                &sheet_xml(rows, *far),
            );
        }
        zip.finish().expect("in-memory zip");
    }
    buf.into_inner()
}

// --- structure-aware workbooks -------------------------------------------------------------------------------

/// Texts the official workbooks put in cells: headers, codes, amounts, dates, statuses.
const WORDS: &[&str] = &[
    "RNCP41000",
    "RNCP1002",
    "RNCP31946/RNCP36989",
    "RNCP1006 / RNCP37239",
    "RNCP123/",
    "37239",
    "RNCP",
    "26X32502",
    "NC",
    "NR",
    "nc",
    "9 497 €",
    "9\u{a0}497,50 €",
    "8500,50",
    "6079.3333",
    "-12",
    "1e30",
    "79228162514264337593543950336",
    "15/07/2024",
    "2024-07-15",
    "2024-07-15 00:00:00",
    "31/02/2024",
    "01/01/1900",
    "15/07/24",
    "A",
    "H",
    "M",
    "Procédure 2021",
    "procédure 2022",
    "627, 749, 771",
    "NA",
    "-",
    "478",
    "0573",
    "abc",
    "",
    " ",
    "RNCP",
    "Code RNCP",
    "Libellé de la formation",
    "Certificateur* \n(*liste non exhaustive)",
    "Type de diplôme",
    "Libellé du Diplôme",
    "Code CPNE",
    "CPNE",
    "NPEC final",
    "Statut",
    "Date d'applicabilité des NPEC**",
    "procédure",
    "NPEC historisée (\"H\")",
    "Valeur historisée (\"H\")",
    "Code diplôme",
    "Code la formation",
    "Code formation",
    "Code diplôme/Code RNCP",
    "Libellé de la certification",
    "Libellé dde la certification",
    "Libellé CPNE",
    "Intitulé CPNE",
    "IDCC",
    "Code IDCC",
    "Code(s) IDCC",
    "Valeur finale",
    "Intitulé de la certification",
    "Type diplôme",
    "CNPE des sociétés financières",
    "BTS Management opérationnel de la sécurité",
    "Clé de lecture du référentiel des niveaux de prise en charge applicables au 1er septembre 2025",
    "applicables au 15 octobre ou 8 septembre 2023",
    "(cf. Décret n° 2024-695 du 5 juillet 2024 relatif à la fixation des niveaux)",
    "Valeurs fixées par le Décret n° 2025-860 du 29 août 2025 relatif aux niveaux.",
    "v_18.07.2024",
    "v29.01.21",
    "v 20191018",
    "vMAJ 28.05.2026",
    "2025-09 (vMAJ 28.05.2026)",
    "v_nov2020",
    "synthétique",
    "Décret n",
    "écret n° du 2024",
];

/// A cell drawn by the fuzzer.
#[derive(Debug, Clone, Arbitrary)]
pub enum FCell {
    /// No cell.
    Empty,
    /// A text of the official files.
    Word(u8),
    /// Any text.
    Text(String),
    /// Any number.
    Num(f64),
    /// An integer (codes, amounts).
    Int(i32),
    /// An Excel date serial around 2019–2030.
    Serial(u16),
}

impl FCell {
    fn cell(&self) -> XCell {
        match self {
            FCell::Empty => XCell::Empty,
            FCell::Word(i) => XCell::Text(WORDS[*i as usize % WORDS.len()].to_owned()),
            FCell::Text(s) => XCell::Text(xml_safe(s)),
            FCell::Num(v) => XCell::Num(*v),
            FCell::Int(i) => XCell::Num(f64::from(*i)),
            FCell::Serial(d) => XCell::Num(43_466.0 + f64::from(*d % 4_400)),
        }
    }
}

/// The characters XML 1.0 can carry (the writer is not under test).
fn xml_safe(s: &str) -> String {
    s.chars()
        .filter(|c| {
            matches!(c, '\t' | '\n' | '\r') || (*c >= ' ' && *c != '\u{fffe}' && *c != '\u{ffff}')
        })
        .collect()
}

/// Sheet names of the official files.
const SHEETS: &[&str] = &[
    "Me lire",
    "Lisez-moi",
    "Onglet 1 - Synthèse",
    "Onglet 2 - global",
    "Onglet 3 - référentiel NPEC",
    "Onglet 3a - référentiel NPEC",
    "Onglet 3b - NPEC historisées",
    "Onglet 3 - par formation-CPNE",
    "Onglet 2 - par formation-CPNE",
    "Onglet 4 - CPNE-IDCC",
    "Onglet 5 - IDCC-CPNE",
    "IDCC-CPNE",
    "Feuil1",
];

/// One layout of the long sheet: its sheet names, its header row and its header texts.
struct Template {
    sheets: &'static [&'static str],
    header_row: usize,
    header: &'static [&'static str],
}

const TEMPLATES: &[Template] = &[
    Template {
        sheets: &["Onglet 3 - référentiel NPEC"],
        header_row: 4,
        header: &[
            "RNCP",
            "Libellé de la formation",
            "Certificateur* \n(*liste non exhaustive - premier dans la fiche RNCP)",
            "Type de diplôme",
            "Code CPNE",
            "CPNE",
            "NPEC final",
            "Statut",
            "Date d'applicabilité des NPEC** \n(**hors contrats couverts par la valeur d'amorçage)",
        ],
    },
    Template {
        sheets: &["Onglet 3 - référentiel NPEC"],
        header_row: 4,
        header: &[
            "Code RNCP",
            "Libellé de la formation",
            "Certificateur",
            "Libellé du Diplôme",
            "Code CPNE",
            "CPNE",
            "NPEC final",
            "Statut",
            "procédure",
        ],
    },
    Template {
        sheets: &[
            "Onglet 3a - référentiel NPEC",
            "Onglet 3b - NPEC historisées",
        ],
        header_row: 3,
        header: &[
            "NPEC historisée (\"H\")",
            "Code diplôme",
            "Code RNCP",
            "Libellé de la certification",
            "Code CPNE",
            "Libellé CPNE",
            "IDCC",
            "Valeur finale",
            "Statut",
            "Procédure",
        ],
    },
    Template {
        sheets: &["Onglet 3 - par formation-CPNE"],
        header_row: 3,
        header: &[
            "Valeur historisée (\"H\")",
            "Code diplôme",
            "Code RNCP",
            "Libellé de la certification",
            "Code CPNE",
            "Libellé CPNE",
            "IDCC",
            "Valeur finale",
            "Statut",
        ],
    },
    Template {
        sheets: &["Onglet 2 - par formation-CPNE"],
        header_row: 2,
        header: &[
            "Code diplôme",
            "Code RNCP",
            "Libellé de la certification",
            "Code CPNE",
            "Libellé CPNE",
            "Code IDCC",
            "Valeur finale",
            "Statut",
        ],
    },
    Template {
        sheets: &["Onglet 3 - par formation-CPNE"],
        header_row: 2,
        header: &[
            "Code diplôme/Code RNCP",
            "Libellé dde la certification",
            "Code CPNE",
            "Libellé CPNE",
            "Code IDCC",
            "Valeur finale",
            "Statut",
        ],
    },
    Template {
        sheets: &["Onglet 3 - par formation-CPNE"],
        header_row: 2,
        header: &[
            "Code la formation",
            "Libellé de la formation",
            "Code CPNE",
            "Libellé CPNE",
            "Code IDCC",
            "Valeur finale",
            "Statut",
        ],
    },
    Template {
        sheets: &["Onglet 3 - par formation-CPNE"],
        header_row: 2,
        header: &[
            "Code la formation",
            "Libellé de la formation",
            "Libellé CPNE",
            "Valeur finale",
            "Statut",
        ],
    },
];

/// A sheet drawn by the fuzzer: a name (official or not) and its rows.
#[derive(Debug, Arbitrary)]
pub struct FSheet {
    /// An official name (index), or any name.
    pub name: Result<u8, String>,
    /// Rows of cells.
    pub rows: Vec<Vec<FCell>>,
}

/// A workbook in one of the official layouts, with the cells the fuzzer chose.
#[derive(Debug, Arbitrary)]
pub struct FWorkbook {
    /// Which layout.
    pub layout: u8,
    /// The « Me lire » lines (the last one is the tag); `None`: no « Me lire » sheet.
    pub readme: Option<Vec<FCell>>,
    /// Header cells replaced (column, new cell): a renamed or moved column.
    pub header_edits: Vec<(u8, FCell)>,
    /// Data rows of the long sheet(s).
    pub rows: Vec<Vec<FCell>>,
    /// The « Onglet 2 - global » matrix, as rows of cells.
    pub matrix: Option<Vec<Vec<FCell>>>,
    /// The « Onglet 4 - CPNE-IDCC » sheet.
    pub mapping: Option<Vec<Vec<FCell>>>,
    /// Other sheets.
    pub extra: Vec<FSheet>,
    /// A cell far from the others in the long sheet (row, column).
    pub far: Option<(u32, u16)>,
}

fn cap<T>(v: &[T], n: usize) -> &[T] {
    &v[..v.len().min(n)]
}

fn cells(rows: &[Vec<FCell>]) -> Vec<Vec<XCell>> {
    cap(rows, 64)
        .iter()
        .map(|r| cap(r, 16).iter().map(FCell::cell).collect())
        .collect()
}

impl FWorkbook {
    /// The xlsx bytes.
    pub fn to_xlsx(&self) -> Vec<u8> {
        let t = &TEMPLATES[self.layout as usize % TEMPLATES.len()];
        let mut sheets: Vec<XSheet> = Vec::new();
        if let Some(lines) = &self.readme {
            let rows = cap(lines, 12).iter().map(|c| vec![c.cell()]).collect();
            sheets.push(("Me lire".into(), rows, None));
        }
        let mut header: Vec<XCell> = t.header.iter().map(|h| XCell::Text((*h).into())).collect();
        for (col, cell) in cap(&self.header_edits, 4) {
            let col = *col as usize % (header.len() + 2);
            if col >= header.len() {
                header.resize(col + 1, XCell::Empty);
            }
            header[col] = cell.cell();
        }
        let mut long = vec![Vec::new(); t.header_row - 1];
        long[0] = vec![XCell::Text(
            "Niveaux de prise en charge applicables au 1er septembre 2025".into(),
        )];
        long.push(header);
        long.extend(cells(&self.rows));
        let far = self
            .far
            .map(|(r, c)| (r % 1_048_576 + 1, u32::from(c) % 16_384));
        for (i, name) in t.sheets.iter().enumerate() {
            sheets.push((
                (*name).into(),
                long.clone(),
                if i == 0 { far } else { None },
            ));
        }
        if let Some(m) = &self.matrix {
            sheets.push(("Onglet 2 - global".into(), cells(m), None));
        }
        if let Some(m) = &self.mapping {
            sheets.push(("Onglet 4 - CPNE-IDCC".into(), cells(m), None));
        }
        for s in cap(&self.extra, 3) {
            let name = match &s.name {
                Ok(i) => SHEETS[*i as usize % SHEETS.len()].to_owned(),
                Err(name) => xml_safe(name),
            };
            sheets.push((name, cells(&s.rows), None));
        }
        xlsx(&sheets)
    }
}

// --- contracts -----------------------------------------------------------------------------------------------

/// A value typed in a contract field: near the real ones most of the time, anything sometimes.
#[derive(Debug, Clone, Arbitrary)]
pub enum FValue {
    /// A date in 2018–2032, written in one of the accepted ways.
    Date { days: u16, style: u8 },
    /// An amount in cents.
    Cents(u32),
    /// A small integer.
    Small(i8),
    /// A word people type.
    Word(u8),
    /// Anything.
    Text(String),
}

const VALUE_WORDS: &[&str] = &[
    "true",
    "false",
    "oui",
    "non",
    "1",
    "0",
    "annual",
    "total",
    "RNCP41000",
    "RNCP1002",
    "RNCP34826",
    "RNCP99999998",
    "1351",
    "0573",
    "IDCC 1979",
    "3043",
    "65",
    "204",
    "80 %",
    "0.8",
    "0,5",
    "1 234,50 €",
    "-1",
    "1e3",
    "1e28",
    "79228162514264337593543950335",
    "-79228162514264337593543950335",
    "0.0000000000000000000000000001",
    "N6",
    "n5",
    "2025-02-30",
    "29/02/2024",
    "9999-12-31",
    "0001-01-01",
    "",
    " ",
];

impl FValue {
    fn text(&self) -> String {
        match self {
            FValue::Date { days, style } => {
                let d = jiff::civil::date(2018, 1, 1)
                    .checked_add(jiff::Span::new().days(i64::from(*days % 5_500)))
                    .unwrap_or(jiff::civil::date(2025, 9, 1));
                match style % 3 {
                    0 => d.to_string(),
                    1 => format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
                    _ => format!("{}/{}/{}", d.day(), d.month(), d.year()),
                }
            }
            FValue::Cents(c) => Decimal::new(i64::from(*c % 3_000_000), 2).to_string(),
            FValue::Small(i) => i.to_string(),
            FValue::Word(i) => VALUE_WORDS[*i as usize % VALUE_WORDS.len()].to_owned(),
            FValue::Text(s) => s.clone(),
        }
    }
}

/// A contract drawn by the fuzzer, field by field (`None`: the field is left out).
#[derive(Debug, Arbitrary)]
pub struct FContract {
    /// One value per field of [`coutcontrat::contract::INPUT_FIELDS`], in order.
    pub fields: [Option<FValue>; 27],
}

impl FContract {
    /// The (field, text) pairs.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        coutcontrat::contract::INPUT_FIELDS
            .iter()
            .zip(&self.fields)
            .filter_map(|(f, v)| v.as_ref().map(|v| (*f, v.text())))
            .collect()
    }

    /// The loose input (the library's own JSON reading of the pairs).
    pub fn input(&self) -> ContractInput {
        let mut root = serde_json::Map::new();
        let mut annexes = serde_json::Map::new();
        for (field, text) in self.pairs() {
            match field.strip_prefix("annexes.") {
                Some(inner) => {
                    annexes.insert(inner.into(), text.into());
                }
                None => {
                    root.insert(field.into(), text.into());
                }
            }
        }
        if !annexes.is_empty() {
            root.insert("annexes".into(), annexes.into());
        }
        ContractInput::from_json(&serde_json::Value::Object(root).to_string())
            .expect("every field of INPUT_FIELDS is known")
    }
}

/// An input drawn from raw bytes with `arbitrary` (for targets that take structured input).
pub fn draw<'a, T: Arbitrary<'a>>(data: &'a [u8]) -> Option<T> {
    T::arbitrary_take_rest(Unstructured::new(data)).ok()
}

// --- invariants ----------------------------------------------------------------------------------------------

fn is_cents(d: Decimal) -> bool {
    d.round_dp(2) == d
}

/// The figures of a quote add up (the same checks as the core's property tests, on any input the fuzzer
/// finds): year lines split the price, totals are the sums, the schedule pays exactly what the OPCO owes.
pub fn check_quote(c: &Contract, q: &Quote) {
    let d = coutcontrat::money::Money::to_decimal;
    for y in &q.years {
        assert_eq!(y.opco + y.employer, y.price, "year line {y:?}");
        assert!(y.opco <= y.npec, "opco {} > npec {}", y.opco, y.npec);
        for v in [
            y.npec,
            y.price,
            y.opco,
            y.employer,
            y.rqth,
            y.overseas_modulation,
        ] {
            assert!(d(v) >= Decimal::ZERO && is_cents(d(v)), "{v} in {y:?}");
        }
    }
    let sum = |f: fn(&coutcontrat::quote::YearLine) -> coutcontrat::money::Money| {
        q.years.iter().map(|y| d(f(y))).sum::<Decimal>()
    };
    assert_eq!(d(q.totals.npec), sum(|y| y.npec));
    assert_eq!(d(q.totals.price), sum(|y| y.price));
    // D23: the months in the CFA after a rupture are paid beside the execution years.
    let (post, post_rqth) = q
        .post_rupture
        .as_ref()
        .map_or((Decimal::ZERO, Decimal::ZERO), |p| (d(p.amount), d(p.rqth)));
    assert_eq!(d(q.totals.rqth), sum(|y| y.rqth) + post_rqth);
    // D22: the overseas modulation is paid on top of the NPEC, in the same instalments.
    let post_modulation = q
        .post_rupture
        .as_ref()
        .map_or(Decimal::ZERO, |p| d(p.overseas_modulation));
    assert_eq!(
        d(q.totals.overseas_modulation),
        sum(|y| y.overseas_modulation) + post_modulation
    );
    assert_eq!(
        d(q.totals.employer),
        sum(|y| y.employer) + d(q.participation)
    );
    let pre = q
        .precontract
        .as_ref()
        .map_or(Decimal::ZERO, |p| d(p.amount));
    assert_eq!(
        d(q.totals.opco),
        (sum(|y| y.opco) + pre - d(q.participation)).max(Decimal::ZERO) + post
    );
    assert!(d(q.totals.opco) >= Decimal::ZERO && d(q.totals.employer) >= Decimal::ZERO);
    let paid: Decimal = q.schedule.iter().map(|i| d(i.amount)).sum();
    assert_eq!(
        paid,
        d(q.totals.opco) + d(q.totals.rqth) + d(q.totals.overseas_modulation) + d(q.totals.annexes)
    );
    for i in &q.schedule {
        assert!(
            d(i.amount) > Decimal::ZERO && is_cents(d(i.amount)),
            "{i:?}"
        );
    }
    assert!(q.schedule.windows(2).all(|w| w[0].due <= w[1].due));
    let _ = c;
}

/// Parses and quotes a loose input on the embedded référentiel; an accepted contract must give figures that
/// add up and serialise.
pub fn quote_input(input: &ContractInput, quoter: &Quoter) {
    let Ok(contract) = input.parse() else {
        return;
    };
    if let Ok(quote) = quoter.quote(&contract) {
        check_quote(&contract, &quote);
        serde_json::to_string(&quote).expect("a quote serialises");
    }
}

/// An imported version written in the canonical format reads back the same: nothing the importer accepted is
/// lost or changed on its way to `data/`.
pub fn check_import(imported: &coutcontrat_referentiel::Imported) {
    use coutcontrat_referentiel::format::{
        parse_cpne_idcc_csv, parse_manifest, parse_npec_csv, render_cpne_idcc_csv, render_manifest,
        render_npec_csv, sort_rows,
    };
    use coutcontrat_referentiel::Manifest;
    let v = &imported.version;
    let manifest = Manifest::of(v);
    let text = render_manifest(&manifest);
    let again = parse_manifest(&text, "manifest.toml")
        .unwrap_or_else(|e| panic!("the manifest written does not read back: {e}\n{text}"));
    assert_eq!(again, manifest);
    let mut rows = v.rows.clone();
    sort_rows(&mut rows);
    let text = render_npec_csv(&rows);
    let again = parse_npec_csv(&text, "npec.csv")
        .unwrap_or_else(|e| panic!("the rows written do not read back: {e}\n{text}"));
    assert_eq!(again, rows);
    if let Some(mapping) = &v.mapping {
        let again = parse_cpne_idcc_csv(&render_cpne_idcc_csv(mapping), "cpne_idcc.csv")
            .expect("the mapping written reads back");
        assert_eq!(&again, mapping);
    }
}
