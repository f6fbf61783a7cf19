//! The minutes of a staff conference as a `Document` in the Decree 30 layout: attendance
//! against the staff, validity, each resolution with its votes and outcome.

use coso_documents::{Document, Section, Signer};
use coso_domain::unit::sort_name;

use super::StaffConferenceView;

fn vn(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// The minutes of `c`; dated the day it was held, or undated when that was not recorded.
pub fn document(c: &StaffConferenceView) -> Document {
    let when = c.held_on.map_or_else(String::new, |d| format!("ngày {}, ", vn(d)));
    let attendance = vec![
        format!("Tổng số cán bộ, công chức, viên chức, người lao động: {} người.", c.staff),
        format!("Số người dự hội nghị: {} người (cần ít nhất {} người, bằng 2/3).", c.present, c.quorum),
        c.reason.clone(),
    ];
    let resolutions: Vec<String> = c
        .resolutions
        .iter()
        .enumerate()
        .map(|(i, r)| format!("{}. {}: {} người tán thành. {}", i + 1, r.title, r.yes, r.reason))
        .collect();
    let mut body = vec![
        Section { heading: "I. THÀNH PHẦN THAM DỰ".into(), paragraphs: attendance, children: vec![] },
        Section { heading: "II. KẾT QUẢ BIỂU QUYẾT".into(), paragraphs: resolutions, children: vec![] },
    ];
    if let Some(minutes) = &c.minutes {
        let record: Vec<String> =
            minutes.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(str::to_string).collect();
        body.push(Section { heading: "III. DIỄN BIẾN HỘI NGHỊ".into(), paragraphs: record, children: vec![] });
    }
    let sections = body.iter().map(|s| s.heading.clone()).collect();
    Document {
        doc_type: Some("BB".into()),
        issuer: Some(c.unit_name.clone()),
        place: Some(sort_name(&c.unit_name).to_string()),
        date: c.held_on.map(|d| d.format("%Y-%m-%d").to_string()),
        title: Some(format!(
            "Hội nghị cán bộ, công chức, viên chức, người lao động năm {} của {}",
            c.work_year, c.unit_name
        )),
        preamble: vec![format!(
            "Thực hiện Điều 51 Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, {when}{} tổ chức hội nghị cán bộ, \
             công chức, viên chức, người lao động để tổng kết năm công tác {} (hạn tổ chức chậm nhất ngày {}).",
            c.unit_name,
            c.work_year,
            vn(c.due)
        )],
        body,
        sections,
        closing: vec!["Biên bản được thông qua trước hội nghị và lưu tại cơ quan, đơn vị./.".into()],
        recipients: vec!["Cán bộ, công chức, viên chức, người lao động;".into(), "Lưu.".into()],
        signer: Some(Signer { role_line: None, position: Some("CHỦ TRÌ HỘI NGHỊ".into()), name: None }),
        ..Default::default()
    }
}
