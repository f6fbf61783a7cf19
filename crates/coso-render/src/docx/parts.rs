//! The fixed parts of the package: content types, relationships, styles, settings, font table and
//! the two page headers. Only `word/document.xml` (in `body.rs`) depends on the document.

use crate::layout::{self, mm_to_twips, pt_to_half_points, size};

use super::xml::twentieths;

pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Relationship ids used by `document.xml`'s section properties.
pub const HEADER_DEFAULT_ID: &str = "rIdHeaderDefault";
pub const HEADER_FIRST_ID: &str = "rIdHeaderFirst";

/// Style ids, referenced from `body.rs`.
pub mod style {
    pub const BODY: &str = "CosoBody";
    pub const HEADING: [&str; 3] = ["CosoHeading1", "CosoHeading2", "CosoHeading3"];
    pub const PAGE_HEADER: &str = "Header";
}

/// The font every run uses (FMT-2). All four script slots are named so that Word never falls back
/// to a theme font for Vietnamese (which Word may classify as complex-script or East Asian text).
pub const FONT: &str = "Times New Roman";

pub const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>"#;

pub const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

pub const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdFontTable" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rIdHeaderDefault" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdHeaderFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/></Relationships>"#;

/// No revision ids (`w:rsid*`) and no dates: the same document gives the same bytes.
pub const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="vi-VN"/></w:settings>"#;

pub const FONT_TABLE: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>"#;

/// The header of pages 2 onwards: the page number, centred in the top margin (FMT-3).
pub fn header_with_page_number() -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<w:hdr xmlns:w="{w}"><w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#,
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
            r#"<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"#,
            r#"<w:r><w:t>2</w:t></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>"#
        ),
        w = W_NS,
        style = style::PAGE_HEADER
    )
}

/// The first page's header: empty, because page 1 is not numbered (FMT-3).
pub fn empty_header() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr xmlns:w=\"{W_NS}\"><w:p><w:pPr><w:pStyle w:val=\"{}\"/></w:pPr></w:p></w:hdr>",
        style::PAGE_HEADER
    )
}

/// `styles.xml`: Times New Roman everywhere, body text justified with a first-line indent.
pub fn styles() -> String {
    let body_size = pt_to_half_points(size::BODY);
    let page_number_size = pt_to_half_points(size::PAGE_NUMBER);
    let indent = mm_to_twips(layout::FIRST_LINE_INDENT_MM);
    let after = twentieths(layout::PARAGRAPH_SPACING_PT);
    let line = (240.0 * layout::LINE_SPACING).round() as u32;
    let heading = |id: &str, name: &str, level: u8, run: &str| {
        format!(
            r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="{body}"/><w:next w:val="{body}"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="{level}"/></w:pPr><w:rPr>{run}</w:rPr></w:style>"#,
            body = style::BODY
        )
    };
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<w:styles xmlns:w="{w}">"#,
            r#"<w:docDefaults><w:rPrDefault><w:rPr>"#,
            r#"<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}" w:eastAsia="{font}"/>"#,
            r#"<w:sz w:val="{body_size}"/><w:szCs w:val="{body_size}"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/>"#,
            r#"</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#,
            r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="{body}"><w:name w:val="Coso Body"/><w:basedOn w:val="Normal"/><w:qFormat/>"#,
            r#"<w:pPr><w:spacing w:before="0" w:after="{after}" w:line="{line}" w:lineRule="auto"/><w:ind w:firstLine="{indent}"/><w:jc w:val="both"/></w:pPr></w:style>"#,
            "{h1}{h2}{h3}",
            r#"<w:style w:type="paragraph" w:styleId="{header}"><w:name w:val="header"/><w:basedOn w:val="Normal"/>"#,
            r#"<w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="{page_number_size}"/><w:szCs w:val="{page_number_size}"/></w:rPr></w:style>"#,
            r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>"#,
            r#"<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#,
            r#"</w:styles>"#
        ),
        w = W_NS,
        font = FONT,
        body = style::BODY,
        header = style::PAGE_HEADER,
        h1 = heading(style::HEADING[0], "Coso Heading 1", 0, "<w:b/><w:bCs/>"),
        h2 = heading(style::HEADING[1], "Coso Heading 2", 1, "<w:b/><w:bCs/>"),
        h3 = heading(style::HEADING[2], "Coso Heading 3", 2, "<w:i/><w:iCs/>"),
        body_size = body_size,
        page_number_size = page_number_size,
        indent = indent,
        after = after,
        line = line,
    )
}
