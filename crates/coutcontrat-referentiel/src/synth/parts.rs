//! The fixed parts of the package (content types, workbook, relations, styles, properties).

use super::xml::{MAIN_NS, REL_NS};

pub(super) fn content_types() -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Types \
         xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" \
         ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" \
         ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" \
         ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>",
    );
    for k in 1..=4 {
        s.push_str(&format!(
            "<Override PartName=\"/xl/worksheets/sheet{k}.xml\" \
             ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        ));
    }
    s.push_str(
        "<Override PartName=\"/xl/styles.xml\" \
         ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/><Override \
         PartName=\"/xl/sharedStrings.xml\" \
         ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/><Override \
         PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
         <Override PartName=\"/docProps/app.xml\" \
         ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>",
    );
    s
}

pub(super) fn workbook() -> String {
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<workbook xmlns=\"{MAIN_NS}\" \
         xmlns:r=\"{REL_NS}\"><workbookPr defaultThemeVersion=\"166925\"/><bookViews><workbookView xWindow=\"0\" \
         yWindow=\"0\" windowWidth=\"28800\" windowHeight=\"12300\"/></bookViews><sheets>"
    );
    for (k, name) in [
        "Me lire",
        "Onglet 2 - global",
        "Onglet 3 - référentiel NPEC",
        "Onglet 4 - CPNE-IDCC",
    ]
    .iter()
    .enumerate()
    {
        s.push_str(&format!(
            "<sheet name=\"{name}\" sheetId=\"{}\" r:id=\"rId{}\"/>",
            k + 1,
            k + 1
        ));
    }
    s.push_str("</sheets><calcPr calcId=\"191029\"/></workbook>");
    s
}

pub(super) const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Relationships \
    xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId3\" \
    Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" \
    Target=\"docProps/app.xml\"/><Relationship Id=\"rId2\" \
    Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" \
    Target=\"docProps/core.xml\"/><Relationship Id=\"rId1\" \
    Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" \
    Target=\"xl/workbook.xml\"/></Relationships>";

pub(super) const WORKBOOK_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Relationships \
    xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" \
    Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" \
    Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" \
    Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" \
    Target=\"worksheets/sheet2.xml\"/><Relationship Id=\"rId3\" \
    Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" \
    Target=\"worksheets/sheet3.xml\"/><Relationship Id=\"rId4\" \
    Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" \
    Target=\"worksheets/sheet4.xml\"/><Relationship Id=\"rId5\" \
    Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
    <Relationship Id=\"rId6\" \
    Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" \
    Target=\"sharedStrings.xml\"/></Relationships>";

pub(super) const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<styleSheet \
    xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts count=\"1\"><numFmt \
    numFmtId=\"164\" formatCode=\"#,##0\\ &quot;€&quot;\"/></numFmts><fonts count=\"2\"><font><sz val=\"11\"/><name \
    val=\"Aptos Narrow\"/><family val=\"2\"/></font><font><b/><sz val=\"11\"/><name val=\"Aptos Narrow\"/><family \
    val=\"2\"/></font></fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill \
    patternType=\"gray125\"/></fill></fills><borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/>\
    </border></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>\
    </cellStyleXfs><cellXfs count=\"5\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf \
    numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"0\" \
    fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment \
    wrapText=\"1\"/></xf><xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" \
    applyNumberFormat=\"1\"/><xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" \
    applyNumberFormat=\"1\"/></cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" \
    builtinId=\"0\"/></cellStyles></styleSheet>";

pub(super) const APP: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Properties \
    xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>Microsoft \
    Excel</Application></Properties>";

pub(super) const CORE: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<cp:coreProperties \
    xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>[SYNTHÉTIQUE] Référentiel des NPEC – données \
    générées, aucune valeur réelle</dc:title><dc:creator>coutcontrat-synth</dc:creator></cp:coreProperties>";
