//! The printed ballots of a household ballot: one page per household, each with its code, the
//! question and the choices, and never the household; the distribution list pairs them.
#![cfg(feature = "pdf")]
#![expect(clippy::unwrap_used, reason = "a test stops at the first unexpected failure")]

#[expect(dead_code, reason = "this test uses only a part of the shared test support")]
mod common;

use common::{POPPLER, page_count, pdf_text, require_tool, scratch};
use coso_render::ballots::{BallotBatch, BallotSheet, render_ballots_pdf, render_distribution_pdf};

fn batch(households: usize) -> BallotBatch {
    BallotBatch {
        issuer: "THÔN ĐÔNG".into(),
        title: "Về mức đóng góp bê tông hóa đường trục thôn".into(),
        question: "Mỗi hộ đóng góp 500.000 đồng để bê tông hóa đường trục thôn Đông trong năm 2024 #[x]?".into(),
        choices: vec!["Đồng ý".into(), "Không đồng ý".into()],
        deadline_line: "Hạn nộp phiếu: ngày 08/03/2024".into(),
        sheets: (1..=households)
            .map(|i| BallotSheet {
                code: format!("K7M2-{i:04}-F"),
                village: "Thôn Đông".into(),
                household: format!("Nguyễn Văn Hộ{i} — HH-{i:03}"),
                address: format!("Số {i}, xóm Giữa"),
            })
            .collect(),
    }
}

#[test]
fn one_page_per_household_with_its_code_the_question_and_the_choices_but_not_the_household() {
    if !require_tool("pdftotext", POPPLER.0, POPPLER.1) {
        return;
    }
    let path = scratch("ballot_sheets").join("sheets.pdf");
    std::fs::write(&path, render_ballots_pdf(&batch(3)).unwrap()).unwrap();
    assert_eq!(page_count(&path), 3);
    let text = pdf_text(&path).split_whitespace().collect::<Vec<_>>().join(" ");
    for code in ["K7M2-0001-F", "K7M2-0002-F", "K7M2-0003-F"] {
        assert!(text.contains(code), "{code} missing in {text}");
    }
    assert!(text.contains("PHIẾU LẤY Ý KIẾN HỘ GIA ĐÌNH"), "{text}");
    assert!(text.contains("bê tông hóa đường trục thôn Đông trong năm 2024 #[x]?"), "{text}");
    assert!(text.contains("Không đồng ý") && text.contains("Phiếu số 3/3"), "{text}");
    assert!(!text.contains("Nguyễn Văn Hộ"), "a sheet must not name its household: {text}");
}

#[test]
fn the_distribution_list_pairs_each_code_with_its_household() {
    if !require_tool("pdftotext", POPPLER.0, POPPLER.1) {
        return;
    }
    let path = scratch("ballot_list").join("list.pdf");
    std::fs::write(&path, render_distribution_pdf(&batch(40)).unwrap()).unwrap();
    let text = pdf_text(&path).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("DANH SÁCH PHÁT PHIẾU"), "{text}");
    assert!(text.contains("K7M2-0040-F") && text.contains("Nguyễn Văn Hộ40"), "{text}");
    assert!(page_count(&path) >= 2, "40 households fill more than a page");
}

#[test]
fn the_counting_minutes_of_mau_04_print_in_the_decree_30_layout() {
    use coso_documents::ballot_count_minutes::{BallotCountMinutes, TallyCounts};
    if !require_tool("pdftotext", POPPLER.0, POPPLER.1) {
        return;
    }
    let day = |d| chrono::NaiveDate::from_ymd_opt(2024, 3, d).unwrap();
    let minutes = BallotCountMinutes {
        commune: "Xã Tân Lập".into(),
        community: "Thôn Đông".into(),
        place: "Tân Lập".into(),
        counted_on: day(9),
        title: "mức đóng góp làm đường".into(),
        question: "Mỗi hộ đóng góp 500.000 đồng?".into(),
        starts_on: day(1),
        ends_on: day(8),
        counting_team: vec!["Ông Nguyễn Văn An — Tổ trưởng".into(), "Bà Lê Thị Bình — Thành viên".into()],
        households: 120,
        issued: 120,
        collected: 110,
        counts: TallyCounts { yes: 66, no: 42, invalid: 2 },
        required: 61,
        comparison: "trên 50%".into(),
    };
    let doc = minutes.document();
    assert!(!coso_render::render_docx(&doc).unwrap().is_empty());
    let path = scratch("ballot_minutes").join("mau-04.pdf");
    std::fs::write(&path, coso_render::render_pdf(&doc).unwrap()).unwrap();
    let text = pdf_text(&path).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("BIÊN BẢN"), "{text}");
    assert!(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "{text}");
    assert!(text.contains("Số phiếu đồng ý: 66 phiếu, bằng 55,0% tổng số hộ gia đình."), "{text}");
    assert!(text.contains("TỔ TRƯỞNG TỔ KIỂM PHIẾU"), "{text}");
}
