//! The summary report (báo cáo tổng hợp) of an aggregate view, and any plan, as official
//! documents rendered through the documents crate.

use chrono::NaiveDate;
use coso_documents::{Document, Section, Signer};
use coso_domain::plan::{PlanIssuer, period_label};
use coso_domain::unit::sort_name;
use coso_export::format_vn_number;
use coso_store::UnitRow;

use crate::reports::aggregate::{AgencySection, AggregateView, Column, Row, StatusCounts};
use crate::{Error, Result, stored};

/// "Ủy ban nhân dân tỉnh Hà Tĩnh" for the unit "Tỉnh Hà Tĩnh".
pub fn committee_of(unit: &UnitRow) -> String {
    let mut chars = unit.name.chars();
    let lower: String = chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default();
    format!("Ủy ban nhân dân {lower}")
}

/// The summary report of `view`, issued by `issuer` on `date`, for the plan `plan_label`.
///
/// Sections I to III speak of the units; the agencies among the targets, which report on
/// another template, get section IV of their own with the same three parts, so that their
/// figures are never read as the units'.
pub fn summary_document(issuer: &UnitRow, plan_label: &str, view: &AggregateView, date: NaiveDate) -> Document {
    let period = period_label(&view.period_key);
    let units = Part {
        noun: "đơn vị",
        rows: &view.rows,
        columns: &view.columns,
        totals: &view.totals,
        counts: view.counts,
        ranks: &view.ranks,
        mean_score: view.mean_score,
    };
    let mut body =
        vec![section(SENDING, sending(&units)), section(RESULTS, results(&units)), section(RANKING, ranking(&units))];
    body.extend(view.agencies.as_ref().map(agencies_section));
    Document {
        doc_type: Some("BC".into()),
        issuer: Some(committee_of(issuer)),
        place: Some(sort_name(&issuer.name).to_string()),
        date: Some(date.format("%Y-%m-%d").to_string()),
        title: Some(format!("Tổng hợp kết quả thực hiện {} — {}", plan_label, period.to_lowercase())),
        preamble: vec![format!("{} báo cáo tổng hợp kết quả thực hiện của các đơn vị như sau:", committee_of(issuer))],
        sections: body.iter().map(|s| s.heading.clone()).collect(),
        body,
        closing: vec![format!("Trên đây là báo cáo tổng hợp kết quả thực hiện của {}./.", committee_of(issuer))],
        recipients: vec!["Như trên;".into(), "Lưu: VT.".into()],
        signer: Some(Signer {
            role_line: Some("TM. ỦY BAN NHÂN DÂN".into()),
            position: Some("CHỦ TỊCH".into()),
            name: None,
        }),
        ..Default::default()
    }
}

const SENDING: &str = "I. TÌNH HÌNH GỬI BÁO CÁO";
const RESULTS: &str = "II. KẾT QUẢ THỰC HIỆN";
const RANKING: &str = "III. TỰ CHẤM ĐIỂM, XẾP LOẠI";
const AGENCIES: &str = "IV. CÁC CƠ QUAN, ĐƠN VỊ";

/// One group of targets the summary speaks of, named by `noun` in its sentences: the units,
/// or the agencies on their template.
struct Part<'a> {
    noun: &'a str,
    rows: &'a [Row],
    columns: &'a [Column],
    totals: &'a [f64],
    counts: StatusCounts,
    ranks: &'a [(String, i64)],
    mean_score: Option<f64>,
}

fn section(heading: &str, paragraphs: Vec<String>) -> Section {
    Section { heading: heading.to_string(), paragraphs, children: vec![] }
}

/// Section IV: which template the agencies report on, then their sending, results and
/// ranking as the units' sections I to III say them.
fn agencies_section(a: &AgencySection) -> Section {
    let part = Part {
        noun: "cơ quan, đơn vị",
        rows: &a.rows,
        columns: &a.columns,
        totals: &a.totals,
        counts: a.counts,
        ranks: &a.ranks,
        mean_score: a.mean_score,
    };
    Section {
        heading: AGENCIES.to_string(),
        paragraphs: vec![format!(
            "Các cơ quan, đơn vị báo cáo theo {}; số liệu được tổng hợp riêng, không cộng vào số liệu của các đơn vị nêu trên.",
            a.template_name
        )],
        children: vec![
            section("1. Tình hình gửi báo cáo", sending(&part)),
            section("2. Kết quả thực hiện", results(&part)),
            section("3. Tự chấm điểm, xếp loại", ranking(&part)),
        ],
    }
}

/// The counts by timing with the on-time rate, then the late and the missing by name.
fn sending(p: &Part<'_>) -> Vec<String> {
    let (c, noun) = (p.counts, p.noun);
    let late: Vec<String> = p
        .rows
        .iter()
        .filter(|r| r.status == "late")
        .map(|r| format!("{} ({})", r.unit_name, r.status_label.to_lowercase()))
        .collect();
    let missing: Vec<String> = p.rows.iter().filter(|r| r.status == "missing").map(|r| r.unit_name.clone()).collect();
    let mut out = vec![format!(
        "Tổng số {noun} phải báo cáo: {}. Đúng hạn: {}; trễ hạn: {}; chưa gửi (quá hạn): {}; chưa đến hạn: {}. Tỷ lệ đúng hạn: {}%.",
        c.total(),
        c.on_time,
        c.late,
        c.missing,
        c.pending,
        format_vn_number(c.on_time_rate(), 1)
    )];
    if !late.is_empty() {
        out.push(format!("Các {noun} gửi trễ hạn: {}.", late.join("; ")));
    }
    if !missing.is_empty() {
        out.push(format!("Các {noun} chưa gửi báo cáo: {}.", missing.join("; ")));
    }
    out
}

/// Every indicator's total with its unit of measure.
fn results(p: &Part<'_>) -> Vec<String> {
    p.columns
        .iter()
        .zip(p.totals)
        .map(|(col, total)| {
            format!(
                "- {}: {} {}.",
                col.label,
                format_vn_number(*total, if total.fract() == 0.0 { 0 } else { 2 }),
                col.unit_of_measure
            )
        })
        .collect()
}

/// The mean self-assessed score, then how many got each rank.
fn ranking(p: &Part<'_>) -> Vec<String> {
    let noun = p.noun;
    let mut out = vec![match p.mean_score {
        Some(m) => format!("Điểm tự chấm bình quân: {} điểm.", format_vn_number(m, 1)),
        None => format!("Chưa có {noun} nào tự chấm điểm."),
    }];
    out.extend(p.ranks.iter().map(|(rank, n)| format!("- {rank}: {n} {noun}.")));
    out
}

/// The document as DOCX (Decree 30 layout).
pub fn docx(doc: &Document) -> Result<Vec<u8>> {
    coso_render::render_docx(doc).map_err(|e| Error::Internal(format!("Không tạo được tệp: {e}")))
}

/// The document as PDF, typeset off the async runtime (typst takes a while).
#[cfg(feature = "pdf")]
pub async fn pdf(doc: Document) -> Result<Vec<u8>> {
    tokio::task::spawn_blocking(move || coso_render::render_pdf(&doc))
        .await
        .map_err(Error::internal)?
        .map_err(|e| Error::Internal(format!("Không tạo được tệp: {e}")))
}

/// A stored plan as an official document: the document it was read from, with the fields
/// the officials confirmed; or one built from those fields.
/// Stored JSON that does not fit the document is an error, never an empty document.
pub fn plan_document(plan: &coso_store::PlanRow, issuer: &UnitRow) -> Result<Document> {
    let mut doc: Document = match &plan.document {
        Some(d) => stored::decode("plan.document", d)?,
        None => Document::default(),
    };
    doc.doc_type = Some("KH".into());
    doc.number = plan.number.clone();
    doc.title = Some(plan.title.clone());
    doc.date = plan.issued_on.map(|d| d.format("%Y-%m-%d").to_string());
    // The body the officials chose wins over the header read from the file; a people's
    // committee plan keeps whatever issuer line the file had.
    let named = doc.issuer.as_deref().and_then(PlanIssuer::detect);
    let chosen_elsewhere = plan.issuer != PlanIssuer::PeopleCommittee && named != Some(plan.issuer);
    if doc.issuer.is_none() || chosen_elsewhere {
        doc.issuer = Some(plan.issuer.body_name(issuer.kind, &issuer.name));
    }
    if chosen_elsewhere {
        doc.parent_issuer = None;
        let (role_line, position) = plan.issuer.signer_lines();
        doc.signer = Some(Signer { role_line: Some(role_line.into()), position: Some(position.into()), name: None });
    }
    if doc.place.is_none() {
        doc.place = Some(sort_name(&issuer.name).to_string());
    }
    if doc.body.is_empty() {
        doc.body = stored::decode("plan.sections", &plan.sections)?;
    }
    if doc.legal_bases.is_empty() {
        doc.legal_bases = stored::decode("plan.legal_bases", &plan.legal_bases)?;
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use coso_domain::unit::UnitKind;

    fn commune() -> UnitRow {
        let day = NaiveDate::from_ymd_opt(2025, 7, 1).expect("date");
        UnitRow {
            id: 7,
            code: "X1".into(),
            name: "Xã An Phú".into(),
            kind: UnitKind::Commune,
            parent_id: None,
            parent_code: None,
            path: "/7/".into(),
            official: true,
            valid_from: day,
            valid_to: None,
        }
    }

    fn row(code: &str, name: &str, status: &'static str, label: &str, values: Vec<Option<f64>>) -> Row {
        Row {
            unit_code: code.into(),
            unit_name: name.into(),
            target_count: 1,
            status,
            days: None,
            status_label: label.into(),
            counts: StatusCounts::default(),
            values,
            score: None,
            rank: None,
            submission_id: None,
        }
    }

    fn indicator(label: &str) -> Column {
        Column { code: label.into(), label: label.into(), unit_of_measure: "cuộc".into() }
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 20).expect("date")
    }

    fn view(agencies: Option<AgencySection>) -> AggregateView {
        AggregateView {
            plan_id: 1,
            occurrence_id: 1,
            period_key: "2026".parse().expect("a period key"),
            due: Some(day()),
            today: day(),
            scope_code: "X1".into(),
            scope_name: "Xã An Phú".into(),
            columns: vec![indicator("Hội nghị thôn")],
            rows: vec![row("V1", "Thôn Một", "on_time", "Đúng hạn", vec![Some(3.0)])],
            totals: vec![3.0],
            counts: StatusCounts { on_time: 1, ..StatusCounts::default() },
            ranks: vec![("Tốt".into(), 1)],
            mean_score: Some(90.0),
            agencies,
        }
    }

    fn agencies() -> AgencySection {
        AgencySection {
            template_code: "co-quan".into(),
            template_name: "Mẫu báo cáo của cơ quan".into(),
            columns: vec![indicator("Hội nghị cán bộ")],
            rows: vec![
                row("CQA", "Văn phòng", "late", "Trễ 6 ngày", vec![Some(1.0)]),
                row("CQB", "Trạm Y tế", "missing", "Chưa nộp", vec![None]),
            ],
            totals: vec![1.0],
            counts: StatusCounts { late: 1, missing: 1, ..StatusCounts::default() },
            ranks: vec![("Tốt".into(), 0), ("Chưa xếp loại".into(), 2)],
            mean_score: None,
        }
    }

    #[test]
    fn without_agencies_the_report_has_three_sections() {
        let doc = summary_document(&commune(), "Kế hoạch 05", &view(None), day());
        assert_eq!(doc.sections, [SENDING, RESULTS, RANKING]);
        assert_eq!(doc.body[1].paragraphs, ["- Hội nghị thôn: 3 cuộc."]);
        assert_eq!(doc.body[2].paragraphs, ["Điểm tự chấm bình quân: 90,0 điểm.", "- Tốt: 1 đơn vị."]);
    }

    #[test]
    fn the_agencies_are_reported_in_a_section_of_their_own() {
        let doc = summary_document(&commune(), "Kế hoạch 05", &view(Some(agencies())), day());
        assert_eq!(doc.sections, [SENDING, RESULTS, RANKING, AGENCIES]);
        let section = &doc.body[3];
        assert!(section.paragraphs[0].contains("báo cáo theo Mẫu báo cáo của cơ quan"), "{:?}", section.paragraphs);
        let parts: Vec<&str> = section.children.iter().map(|c| c.heading.as_str()).collect();
        assert_eq!(parts, ["1. Tình hình gửi báo cáo", "2. Kết quả thực hiện", "3. Tự chấm điểm, xếp loại"]);
        assert_eq!(
            section.children[0].paragraphs,
            [
                "Tổng số cơ quan, đơn vị phải báo cáo: 2. Đúng hạn: 0; trễ hạn: 1; chưa gửi (quá hạn): 1; chưa đến hạn: 0. Tỷ lệ đúng hạn: 0,0%.",
                "Các cơ quan, đơn vị gửi trễ hạn: Văn phòng (trễ 6 ngày).",
                "Các cơ quan, đơn vị chưa gửi báo cáo: Trạm Y tế.",
            ]
        );
        assert_eq!(section.children[1].paragraphs, ["- Hội nghị cán bộ: 1 cuộc."]);
        assert_eq!(
            section.children[2].paragraphs,
            [
                "Chưa có cơ quan, đơn vị nào tự chấm điểm.",
                "- Tốt: 0 cơ quan, đơn vị.",
                "- Chưa xếp loại: 2 cơ quan, đơn vị."
            ]
        );
        // The units' sections say nothing of the agencies.
        assert!(!doc.body[..3].iter().flat_map(|s| &s.paragraphs).any(|p| p.contains("Văn phòng")));
    }
}
