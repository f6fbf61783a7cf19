//! The DOCX, unzipped: page setup, fonts and every header, title and footer element of
//! Decree 30/2020 Annex I, checked against the decree's ranges.
#![expect(clippy::unwrap_used, reason = "a test stops at the first unexpected failure")]

#[expect(dead_code, reason = "this test uses only a part of the shared test support")]
mod common;

use common::ooxml::{find, first_attr, paragraphs};
use common::{PLAN, REPORT, load, part};
use coso_documents::Document;
use coso_render::{MOTTO, NATIONAL_TITLE, render_docx};

fn plan_docx() -> Vec<u8> {
    render_docx(&load(PLAN)).unwrap()
}

fn twips(xml: &str, element: &str, attribute: &str) -> u32 {
    first_attr(xml, element, attribute).unwrap_or_else(|| panic!("no {element}/@{attribute}")).parse().unwrap()
}

fn mm_to_twips(mm: f64) -> u32 {
    (mm * 1440.0 / 25.4).round() as u32
}

#[test]
fn page_is_a4_with_margins_inside_the_decree_ranges() {
    let document = part(&plan_docx(), "word/document.xml");
    assert_eq!(twips(&document, "pgSz", "w"), 11906);
    assert_eq!(twips(&document, "pgSz", "h"), 16838);
    let in_range = |attribute: &str, min_mm: f64, max_mm: f64| {
        let value = twips(&document, "pgMar", attribute);
        assert!(
            (mm_to_twips(min_mm)..=mm_to_twips(max_mm)).contains(&value),
            "margin {attribute} = {value} twips, outside {min_mm}–{max_mm} mm"
        );
    };
    in_range("top", 20.0, 25.0);
    in_range("bottom", 20.0, 25.0);
    in_range("left", 30.0, 35.0);
    in_range("right", 15.0, 20.0);
    assert!(
        twips(&document, "pgMar", "header") < twips(&document, "pgMar", "top"),
        "page number must sit in the top margin"
    );
}

#[test]
fn every_script_slot_names_times_new_roman() {
    let docx = plan_docx();
    let styles = part(&docx, "word/styles.xml");
    for slot in ["ascii", "hAnsi", "cs", "eastAsia"] {
        assert_eq!(first_attr(&styles, "rFonts", slot).as_deref(), Some("Times New Roman"), "rFonts/@{slot}");
    }
    // Body text 13–14 pt by default (half-points).
    assert!((26..=28).contains(&twips(&styles, "sz", "val")));
    // No run overrides the font.
    assert!(!part(&docx, "word/document.xml").contains("rFonts"));
    assert!(part(&docx, "word/fontTable.xml").contains(r#"w:name="Times New Roman""#));
}

#[test]
fn header_has_issuer_left_and_national_title_right() {
    let paras = paragraphs(&part(&plan_docx(), "word/document.xml"));
    for line in ["ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP"] {
        let p = find(&paras, line);
        assert_eq!(p.cell, Some((0, 0)), "{line} belongs in the left header column");
        assert!(p.runs.iter().all(|r| r.bold), "issuer is bold");
        assert_eq!(p.jc.as_deref(), Some("center"));
    }
    let title = find(&paras, NATIONAL_TITLE);
    assert_eq!(title.cell, Some((0, 1)));
    assert!(title.runs[0].bold);
    assert!(matches!(title.runs[0].size, Some(24..=26)), "national title 12–13 pt");
    let motto = find(&paras, MOTTO);
    assert_eq!(motto.cell, Some((0, 1)));
    assert!(motto.runs[0].bold && motto.runs[0].underline, "motto is bold and underlined");
    assert!(motto.runs[0].size > title.runs[0].size, "motto one size above the national title");
    // The short rule under the issuer: an empty paragraph with a bottom border in the left cell.
    let document = part(&plan_docx(), "word/document.xml");
    assert!(document.contains(r#"<w:pBdr><w:bottom w:val="single""#));
}

#[test]
fn number_has_a_leading_zero_and_the_date_line_is_italic() {
    let mut doc = load(PLAN);
    doc.number = Some("7/KH-UBND".into());
    let paras = paragraphs(&part(&render_docx(&doc).unwrap(), "word/document.xml"));
    let number = find(&paras, "Số: 07/KH-UBND");
    assert_eq!(number.cell, Some((0, 0)));
    let date = find(&paras, "Tân Lập, ngày 05 tháng 02 năm 2024");
    assert_eq!(date.cell, Some((0, 1)));
    assert!(date.runs.iter().all(|r| r.italic && !r.bold));
}

#[test]
fn blank_number_and_partial_date_keep_their_blanks() {
    let doc = Document {
        number_raw: Some("/KH-UBND".into()),
        doc_type: Some("KH".into()),
        issuer: Some("Ủy ban nhân dân thị xã Hồng Lĩnh".into()),
        place: Some("Hồng Lĩnh".into()),
        date_partial: Some("2022-06".into()),
        ..Document::default()
    };
    let document = part(&render_docx(&doc).unwrap(), "word/document.xml");
    let paras = paragraphs(&document);
    find(&paras, "Số:      /KH-UBND");
    find(&paras, "Hồng Lĩnh, ngày        tháng 6 năm 2022");
    assert!(document.contains(r#"<w:t xml:space="preserve">Số:      /KH-UBND</w:t>"#));
}

#[test]
fn type_name_and_abstract_are_centred_and_bold() {
    for (file, type_name, abstract_text) in [
        (PLAN, "KẾ HOẠCH", "Thực hiện dân chủ ở cơ sở trên địa bàn xã năm 2024"),
        (REPORT, "BÁO CÁO", "Kết quả thực hiện dân chủ ở cơ sở 6 tháng đầu năm 2024"),
    ] {
        let paras = paragraphs(&part(&render_docx(&load(file)).unwrap(), "word/document.xml"));
        for text in [type_name, abstract_text] {
            let p = find(&paras, text);
            assert_eq!(p.cell, None, "{text} is outside the header table");
            assert_eq!(p.jc.as_deref(), Some("center"), "{text} centred");
            assert!(p.runs.iter().all(|r| r.bold && matches!(r.size, Some(26..=28))), "{text} bold 13–14 pt");
        }
    }
}

#[test]
fn body_is_justified_with_a_first_line_indent() {
    let docx = plan_docx();
    let styles = roxmltree::Document::parse(&part(&docx, "word/styles.xml")).unwrap().input_text().to_owned();
    let doc = roxmltree::Document::parse(&styles).unwrap();
    let body = doc.descendants().find(|n| n.attribute((common::ooxml::W, "styleId")) == Some("CosoBody")).unwrap();
    let ppr_attr = |el: &str, at: &str| {
        body.descendants()
            .find(|n| n.has_tag_name((common::ooxml::W, el)))
            .and_then(|n| n.attribute((common::ooxml::W, at)))
            .unwrap()
            .to_owned()
    };
    assert_eq!(ppr_attr("jc", "val"), "both");
    let indent: u32 = ppr_attr("ind", "firstLine").parse().unwrap();
    assert!((mm_to_twips(10.0)..=mm_to_twips(12.7)).contains(&indent), "first-line indent 1–1.27 cm, got {indent}");
    let after: u32 = ppr_attr("spacing", "after").parse().unwrap();
    assert!(after >= 120, "at least 6 pt between paragraphs");
    let line: u32 = ppr_attr("spacing", "line").parse().unwrap();
    assert!((240..=360).contains(&line), "line spacing single to 1.5");

    let paras = paragraphs(&part(&docx, "word/document.xml"));
    let preamble = paras.iter().find(|p| p.text().starts_with("Căn cứ Luật Thực hiện dân chủ")).unwrap();
    assert_eq!(preamble.style.as_deref(), Some("CosoBody"));
    let heading = find(&paras, "I. MỤC ĐÍCH, YÊU CẦU");
    assert_eq!(heading.style.as_deref(), Some("CosoHeading1"));
    let closing = paras.iter().find(|p| p.text().starts_with("Trên đây là Kế hoạch")).unwrap();
    assert_eq!(closing.style.as_deref(), Some("CosoBody"));
}

#[test]
fn recipients_left_and_signer_right_at_the_foot() {
    let paras = paragraphs(&part(&plan_docx(), "word/document.xml"));
    let label = find(&paras, "Nơi nhận:");
    assert_eq!(label.cell, Some((1, 0)));
    assert!(label.runs[0].bold && label.runs[0].italic && label.runs[0].size == Some(24));
    let first = find(&paras, "- Phòng Nội vụ;");
    assert_eq!(first.runs[0].size, Some(22), "recipients 11 pt");
    let last = paras.iter().rfind(|p| p.cell == Some((1, 0))).unwrap();
    assert_eq!(last.text(), "- Lưu: VT.");
    for line in ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thị Hạnh"] {
        let p = find(&paras, line);
        assert_eq!(p.cell, Some((1, 1)), "{line} in the signer column");
        assert!(p.runs.iter().all(|r| r.bold), "{line} bold");
    }
}

#[test]
fn pages_after_the_first_are_numbered_at_the_top_centre() {
    let docx = plan_docx();
    let document = part(&docx, "word/document.xml");
    assert!(document.contains("<w:titlePg/>"), "different first page");
    let rels = part(&docx, "word/_rels/document.xml.rels");
    let target = |kind: &str| {
        let id = roxmltree::Document::parse(&document)
            .unwrap()
            .descendants()
            .find(|n| {
                n.has_tag_name((common::ooxml::W, "headerReference"))
                    && n.attribute((common::ooxml::W, "type")) == Some(kind)
            })
            .and_then(|n| n.attributes().find(|a| a.name() == "id").map(|a| a.value().to_owned()))
            .unwrap();
        let rels = roxmltree::Document::parse(&rels).unwrap();
        let rel = rels.descendants().find(|n| n.attribute("Id") == Some(id.as_str())).unwrap();
        format!("word/{}", rel.attribute("Target").unwrap())
    };
    let default = part(&docx, &target("default"));
    assert!(default.contains("> PAGE <"), "default header has a PAGE field");
    let default_paras = paragraphs(&default);
    let styles = part(&docx, "word/styles.xml");
    assert_eq!(default_paras[0].style.as_deref(), Some("Header"));
    assert!(styles.contains(
        r#"w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/>"#
    ));
    let first = part(&docx, &target("first"));
    assert!(!first.contains("PAGE"), "page 1 is not numbered");
}

#[test]
fn package_parts_are_declared_and_well_formed() {
    let docx = plan_docx();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&docx[..])).unwrap();
    let names: Vec<String> = archive.file_names().map(|n| n.unwrap().into_owned()).collect();
    assert_eq!(names[0], "[Content_Types].xml");
    let types = part(&docx, "[Content_Types].xml");
    for name in &names {
        let text = part(&docx, name);
        roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        if name.ends_with(".xml") && name != "[Content_Types].xml" {
            assert!(types.contains(&format!(r#"PartName="/{name}""#)), "{name} has a content type");
        }
        let file = archive.by_name(name).unwrap();
        assert_eq!(file.compression(), zip::CompressionMethod::Deflated);
    }
    let settings = part(&docx, "word/settings.xml");
    assert!(!settings.contains("rsid"), "no revision ids");
    assert!(!names.iter().any(|n| n.starts_with("docProps/")), "no document properties with dates");
}

#[test]
fn document_text_cannot_break_the_xml() {
    let doc = Document {
        title: Some("a < b && c > \"d\" 'e' <w:p/> ]]> \u{1} \u{b}".into()),
        preamble: vec!["</w:t></w:r></w:p><w:p><w:r><w:t>injected".into()],
        ..Document::default()
    };
    let document = part(&render_docx(&doc).unwrap(), "word/document.xml");
    let paras = paragraphs(&document);
    find(&paras, "V/v a < b && c > \"d\" 'e' <w:p/> ]]> ");
    find(&paras, "</w:t></w:r></w:p><w:p><w:r><w:t>injected");
    assert!(!paras.iter().any(|p| p.text() == "injected"));
}
