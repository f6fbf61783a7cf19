//! The summary report (báo cáo tổng hợp) of an aggregate view, and any plan, as official
//! documents rendered through the documents crate.

use chrono::NaiveDate;
use coso_documents::{Document, Section, Signer};
use coso_domain::plan::{PlanIssuer, period_label};
use coso_domain::unit::sort_name;
use coso_export::format_vn_number;
use coso_store::UnitRow;

use crate::reports::aggregate::AggregateView;
use crate::{Error, Result, stored};

/// "Ủy ban nhân dân tỉnh Hà Tĩnh" for the unit "Tỉnh Hà Tĩnh".
pub fn committee_of(unit: &UnitRow) -> String {
    let mut chars = unit.name.chars();
    let lower: String = chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default();
    format!("Ủy ban nhân dân {lower}")
}

/// The summary report of `view`, issued by `issuer` on `date`, for the plan `plan_label`.
pub fn summary_document(issuer: &UnitRow, plan_label: &str, view: &AggregateView, date: NaiveDate) -> Document {
    let period = period_label(&view.period_key);
    let c = view.counts;
    let late: Vec<String> = view
        .rows
        .iter()
        .filter(|r| r.status == "late")
        .map(|r| format!("{} ({})", r.unit_name, r.status_label.to_lowercase()))
        .collect();
    let missing: Vec<String> =
        view.rows.iter().filter(|r| r.status == "missing").map(|r| r.unit_name.clone()).collect();
    let mut sending = vec![format!(
        "Tổng số đơn vị phải báo cáo: {}. Đúng hạn: {}; trễ hạn: {}; chưa gửi (quá hạn): {}; chưa đến hạn: {}. Tỷ lệ đúng hạn: {}%.",
        c.total(),
        c.on_time,
        c.late,
        c.missing,
        c.pending,
        format_vn_number(view.on_time_rate(), 1)
    )];
    if !late.is_empty() {
        sending.push(format!("Các đơn vị gửi trễ hạn: {}.", late.join("; ")));
    }
    if !missing.is_empty() {
        sending.push(format!("Các đơn vị chưa gửi báo cáo: {}.", missing.join("; ")));
    }
    let results: Vec<String> = view
        .columns
        .iter()
        .zip(&view.totals)
        .map(|(col, total)| {
            format!(
                "- {}: {} {}.",
                col.label,
                format_vn_number(*total, if total.fract() == 0.0 { 0 } else { 2 }),
                col.unit_of_measure
            )
        })
        .collect();
    let mut ranking = vec![match view.mean_score {
        Some(m) => format!("Điểm tự chấm bình quân: {} điểm.", format_vn_number(m, 1)),
        None => "Chưa có đơn vị nào tự chấm điểm.".to_string(),
    }];
    ranking.extend(view.ranks.iter().map(|(rank, n)| format!("- {rank}: {n} đơn vị.")));
    let section =
        |heading: &str, paragraphs: Vec<String>| Section { heading: heading.to_string(), paragraphs, children: vec![] };
    Document {
        doc_type: Some("BC".into()),
        issuer: Some(committee_of(issuer)),
        place: Some(sort_name(&issuer.name).to_string()),
        date: Some(date.format("%Y-%m-%d").to_string()),
        title: Some(format!("Tổng hợp kết quả thực hiện {} — {}", plan_label, period.to_lowercase())),
        preamble: vec![format!("{} báo cáo tổng hợp kết quả thực hiện của các đơn vị như sau:", committee_of(issuer))],
        body: vec![
            section("I. TÌNH HÌNH GỬI BÁO CÁO", sending),
            section("II. KẾT QUẢ THỰC HIỆN", results),
            section("III. TỰ CHẤM ĐIỂM, XẾP LOẠI", ranking),
        ],
        sections: vec![
            "I. TÌNH HÌNH GỬI BÁO CÁO".into(),
            "II. KẾT QUẢ THỰC HIỆN".into(),
            "III. TỰ CHẤM ĐIỂM, XẾP LOẠI".into(),
        ],
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
