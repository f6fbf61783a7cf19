//! The PDF, looked at: page 1 rasterised at 50 dpi must show the Decree 30 layout (header
//! blocks, empty margins, centred title, the motto's underline), the faces must be embedded
//! Liberation Serif, and the Vietnamese text must extract intact.
//!
//! Positions are checked against the decree's ranges and the two-column structure, not against
//! the renderer's own constants. Needs poppler-utils (`pdftoppm`, `pdffonts`, `pdftotext`,
//! `pdfinfo`); without them the tests fail with what to install, unless COSO_SKIP_POPPLER=1.
#![cfg(feature = "pdf")]
#![expect(clippy::unwrap_used, reason = "a test stops at the first unexpected failure")]

#[expect(dead_code, reason = "this test uses only a part of the shared test support")]
mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{PLAN, POPPLER, REPORT, Raster, load, page_count, pdf_text, require_tool, run, scratch};
use coso_documents::Document;
use coso_render::{MOTTO, NATIONAL_TITLE, render_pdf};

/// Centre of the text area: left margin 30 mm, right margin 15 mm.
const TEXT_CENTRE_MM: f64 = 30.0 + (210.0 - 30.0 - 15.0) / 2.0;

fn poppler() -> bool {
    require_tool("pdftoppm", POPPLER.0, POPPLER.1)
}

fn write_pdf(test: &str, name: &str, doc: &Document) -> PathBuf {
    let path = scratch(test).join(format!("{name}.pdf"));
    std::fs::write(&path, render_pdf(doc).unwrap()).unwrap();
    path
}

fn near(value: f64, target: f64, tolerance: f64) -> bool {
    (value - target).abs() <= tolerance
}

#[test]
fn page_one_shows_the_decree_30_layout() {
    if !poppler() {
        return;
    }
    let pdf = write_pdf("layout", "plan", &load(PLAN));
    let page = Raster::of_page(&pdf, 1, &pdf.with_file_name("plan-page1"));
    assert!(page.width.abs_diff(page.px(210.0)) <= 1 && page.height.abs_diff(page.px(297.0)) <= 1, "A4 portrait");

    // Margins (FMT-1), with 1 mm for anti-aliasing; page 1 carries no number (FMT-3).
    assert_eq!(page.ink_in(0.0, 0.0, 29.0, 297.0), 0, "left margin of 30 mm is empty");
    assert_eq!(page.ink_in(196.0, 0.0, 210.0, 297.0), 0, "right margin of 15 mm is empty");
    assert_eq!(page.ink_in(0.0, 0.0, 210.0, 19.0), 0, "top margin of 20 mm is empty on page 1");
    assert_eq!(page.ink_in(0.0, 278.0, 210.0, 297.0), 0, "bottom margin of 20 mm is empty");

    // The two header blocks, apart from each other.
    assert!(page.ink_in(30.0, 19.0, 90.0, 42.0) > 100, "issuing body and number at the top left");
    assert!(page.ink_in(96.0, 19.0, 195.0, 42.0) > 100, "national title, motto and date at the top right");
    assert_eq!(page.ink_in(88.0, 19.0, 96.0, 32.0), 0, "a gap between the header columns");

    // The motto's solid underline: as long as the motto (about 60 mm), centred in the right column.
    let (motto_rule, motto_centre) = page.longest_run(96.0, 19.0, 195.0, 42.0);
    assert!((45.0..75.0).contains(&motto_rule), "motto underline {motto_rule} mm");
    assert!(near(motto_centre, 95.0 + 100.0 / 2.0, 4.0), "motto underline centred at {motto_centre} mm");
    // The short rule under the issuing body, centred under it in the left column.
    let (issuer_rule, issuer_centre) = page.longest_run(30.0, 19.0, 95.0, 42.0);
    assert!((10.0..35.0).contains(&issuer_rule), "rule under the issuer {issuer_rule} mm");
    assert!(near(issuer_centre, 30.0 + 65.0 / 2.0, 4.0), "issuer rule centred at {issuer_centre} mm");

    // Type name and abstract (bands taller than 2.5 mm: lines of text, not a row of accents or
    // descenders) and the rule under them, between header and body, centred on the text area.
    let title: Vec<(f64, f64)> = page
        .bands(30.0, 195.0)
        .into_iter()
        .filter(|&(top, bottom)| (43.0..64.0).contains(&top) && bottom - top > 2.5)
        .filter_map(|(top, bottom)| page.ink_extent(top, bottom))
        .collect();
    assert_eq!(title.len(), 2, "type name and a one-line abstract: {title:?}");
    for (left, right) in &title {
        assert!(*left > 45.0, "title block does not start at the margin: {title:?}");
        assert!(near((left + right) / 2.0, TEXT_CENTRE_MM, 3.0), "title block centred: {title:?}");
    }
    let (title_rule, title_rule_centre) = page.longest_run(30.0, 43.0, 195.0, 66.0);
    assert!(title_rule >= 15.0, "a rule under the abstract: {title_rule} mm");
    assert!(near(title_rule_centre, TEXT_CENTRE_MM, 3.0), "rule under the abstract centred: {title_rule_centre} mm");

    // Body: justified lines run from margin to margin; paragraphs start with a 1–1.27 cm indent.
    let body: Vec<(f64, f64)> = page
        .bands(30.0, 195.0)
        .into_iter()
        .filter(|&(top, bottom)| top > 64.0 && bottom - top > 3.0)
        .filter_map(|(top, bottom)| page.ink_extent(top, bottom))
        .collect();
    let full = body.iter().filter(|(l, r)| near(*l, 30.0, 1.0) && near(*r, 195.0, 1.5)).count();
    assert!(full >= 5, "justified lines reach both margins: {body:?}");
    let indented = body.iter().filter(|(l, _)| (39.5..43.8).contains(l)).count();
    assert!(indented >= 5, "first-line indents: {body:?}");
}

#[test]
fn pages_after_the_first_are_numbered_at_the_top_centre() {
    if !poppler() {
        return;
    }
    let pdf = write_pdf("numbers", "plan", &load(PLAN));
    assert!(page_count(&pdf) >= 2, "the plan runs over two pages");
    let page = Raster::of_page(&pdf, 2, &pdf.with_file_name("plan-page2"));
    let number = page.ink_extent(5.0, 19.0).expect("a page number in the top margin");
    assert!(near((number.0 + number.1) / 2.0, TEXT_CENTRE_MM, 3.0), "centred: {number:?}");
    assert!(number.1 - number.0 < 5.0, "just the number: {number:?}");
    let text = pdf_text(&pdf);
    let second = text.split('\u{c}').nth(1).unwrap();
    assert_eq!(second.lines().map(str::trim).find(|l| !l.is_empty()), Some("2"));
}

#[test]
fn fonts_are_embedded_liberation_serif() {
    if !poppler() {
        return;
    }
    let pdf = write_pdf("fonts", "plan", &load(PLAN));
    let listing = run(Command::new("pdffonts").arg(&pdf));
    let fonts: Vec<Vec<&str>> = listing.lines().skip(2).map(|l| l.split_whitespace().collect()).collect();
    assert!(fonts.len() >= 3, "regular, bold and italic are used: {listing}");
    for tokens in &fonts {
        assert!(tokens[0].contains("LiberationSerif"), "only Liberation Serif: {listing}");
        assert_eq!(tokens[tokens.len() - 5], "yes", "embedded: {listing}");
    }
}

#[test]
fn vietnamese_text_extracts_intact() {
    if !poppler() {
        return;
    }
    for (file, expected) in [
        (
            PLAN,
            &[
                "Số: 07/KH-UBND",
                "Tân Lập, ngày 05 tháng 02 năm 2024",
                "KẾ HOẠCH",
                "Thực hiện dân chủ ở cơ sở trên địa bàn xã năm 2024",
                "ỦY BAN NHÂN DÂN",
                "XÃ TÂN LẬP",
                "Nơi nhận:",
                "- Lưu: VT.",
                "TM. ỦY BAN NHÂN DÂN",
                "KT. CHỦ TỊCH",
                "Nguyễn Thị Hạnh",
            ][..],
        ),
        (REPORT, &["Số: 15/BC-UBND", "Tân Lập, ngày 16 tháng 5 năm 2024", "BÁO CÁO", "CHỦ TỊCH", "Trần Văn Bình"][..]),
    ] {
        let pdf = write_pdf("text", file.trim_end_matches(".json"), &load(file));
        let text = pdf_text(&pdf);
        for needle in [NATIONAL_TITLE, MOTTO].iter().chain(expected) {
            assert!(text.contains(needle), "{file}: {needle:?} not in\n{text}");
        }
    }
}

#[test]
fn blank_number_and_day_keep_their_room() {
    if !poppler() {
        return;
    }
    let doc = Document {
        number_raw: Some("/KH-UBND".into()),
        doc_type: Some("KH".into()),
        place: Some("Hồng Lĩnh".into()),
        date_partial: Some("2022-06".into()),
        ..Document::default()
    };
    // `pdftotext -layout` turns a gap into spaces in proportion to its width.
    let text = pdf_text(&write_pdf("blanks", "draft", &doc)).replace('\u{a0}', " ");
    let gap = |before: &str, after: &str| {
        let rest = text.split(before).nth(1).unwrap_or_else(|| panic!("no {before:?} in {text}"));
        let gap = rest.split(after).next().unwrap();
        assert!(gap.len() >= 3 && gap.trim().is_empty(), "room between {before:?} and {after:?}: {gap:?}");
    };
    gap("Số:", "/KH-UBND");
    gap("Hồng Lĩnh, ngày", "tháng 6 năm 2022");
}

#[test]
fn typst_markup_in_the_text_prints_as_itself() {
    if !poppler() {
        return;
    }
    let hostile = r#"#set page(fill: red) *đậm* _nghiêng_ $x^2$ @ref <nhãn> [a] \ `raw` // chú thích /* */ = Đề mục"#;
    let doc = Document {
        doc_type: Some("TB".into()),
        issuer: Some("#panic(\"x\")".into()),
        title: Some(hostile.into()),
        preamble: vec![hostile.into(), "#{ let x = 1 } #import \"a.typ\"".into()],
        recipients: vec!["#include \"/etc/passwd\"".into()],
        ..Document::default()
    };
    let pdf = write_pdf("markup", "hostile", &doc);
    let text = pdf_text(&pdf).split_whitespace().collect::<Vec<_>>().join(" ");
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains(&squeeze(hostile)), "{text}");
    assert!(text.contains("#PANIC(\"X\")"), "{text}");
    assert!(text.contains("#{ let x = 1 } #import \"a.typ\""), "{text}");
    assert!(text.contains("- #include \"/etc/passwd\";"), "{text}");
}
