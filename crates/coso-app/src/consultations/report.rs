//! The report on how opinions were taken into account (*báo cáo tiếp thu, giải trình ý kiến*):
//! every comment, grouped by section, with its answer and the counts villages brought, as a
//! `Document` in the Decree 30 layout. Authors appear as the comment shows them (initials or
//! the household), never by e-mail or phone.

use coso_documents::{Document, Section, Signer};
use coso_domain::unit::{UnitKind, sort_name};
use coso_store::UnitRow;

use super::view::{ManageView, SectionView, manage_view};
use crate::plans::summary::committee_of;
use crate::{Actor, App, Result};

fn vn(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// Who issues the report: the People's Committee of a commune, or the agency itself.
fn issuer_of(unit: &UnitRow) -> String {
    if matches!(unit.kind, UnitKind::Agency | UnitKind::Department) { unit.name.clone() } else { committee_of(unit) }
}

fn comment_lines(s: &SectionView) -> Vec<String> {
    let mut out = Vec::new();
    for (i, c) in s.comments.iter().enumerate() {
        let n = i + 1;
        match (&c.hidden_reason, &c.body) {
            (Some(reason), _) => out.push(format!("{n}. Ý kiến của {} đã bị ẩn: {reason}.", c.author)),
            (None, Some(body)) => {
                let supports =
                    if c.supports > 0 { format!(" ({} người ủng hộ)", c.supports) } else { String::new() };
                out.push(format!("{n}. Ý kiến của {}{supports}: «{}»", c.author, body.replace("\n\n", " ")));
                out.push(match &c.answer {
                    Some(a) => match &a.reason {
                        Some(r) => format!("Tiếp thu, giải trình: {}. {r}", a.kind.label()),
                        None => format!("Tiếp thu, giải trình: {}.", a.kind.label()),
                    },
                    None => "Tiếp thu, giải trình: chưa trả lời.".to_string(),
                });
            }
            (None, None) => {}
        }
    }
    for p in &s.papers {
        let note = p.note.as_ref().map(|n| format!(" Ý kiến khác: {n}")).unwrap_or_default();
        out.push(format!(
            "{} ({}, ngày {}): {} hộ đồng ý, {} hộ không đồng ý.{note}",
            p.village_name,
            p.method.label().to_lowercase(),
            vn(p.collected_on),
            p.agree,
            p.disagree
        ));
    }
    if out.is_empty() {
        out.push("Không có ý kiến.".to_string());
    }
    out
}

/// The report of consultation `id` of the unit `code`, for its officials (the officials' page
/// asks for the permit).
pub async fn report_document(app: &App, actor: &Actor, code: &str, id: i64) -> Result<Document> {
    let v = manage_view(app, actor, code, id).await?;
    Ok(build(&v, app.today()))
}

fn build(v: &ManageView, today: chrono::NaiveDate) -> Document {
    let c = &v.consultation;
    let issuer = issuer_of(&v.unit);
    let all: Vec<&SectionView> = v.sections.iter().chain(std::iter::once(&v.whole)).collect();
    let comments: usize = all.iter().map(|s| s.comments.len()).sum();
    let hidden: usize = all.iter().map(|s| s.comments.iter().filter(|c| c.hidden_reason.is_some()).count()).sum();
    let agree: i64 = all.iter().map(|s| s.agree).sum();
    let disagree: i64 = all.iter().map(|s| s.disagree).sum();
    let mut overview = vec![
        format!(
            "Thời gian lấy ý kiến: từ ngày {} đến ngày {}. Đối tượng: {}.",
            vn(c.opens_on),
            vn(c.closes_on),
            c.audience.label().to_lowercase()
        ),
        format!(
            "Số ý kiến góp ý trên cổng thông tin: {comments} (trong đó {hidden} ý kiến bị ẩn do vi phạm quy định)."
        ),
        format!("Số hộ gia đình cho ý kiến qua phiếu, cuộc họp: {agree} hộ đồng ý, {disagree} hộ không đồng ý."),
    ];
    if !v.villages.is_empty() {
        let names: Vec<&str> = v.villages.iter().map(|u| u.name.as_str()).collect();
        overview.push(format!("Các thôn, tổ dân phố được lấy ý kiến: {}.", names.join(", ")));
    }
    let per_section: Vec<Section> = all
        .iter()
        .map(|s| Section { heading: s.heading.clone(), paragraphs: comment_lines(s), children: vec![] })
        .collect();
    Document {
        doc_type: Some("BC".into()),
        issuer: Some(issuer.clone()),
        place: Some(sort_name(&v.unit.name).to_string()),
        date: Some(today.format("%Y-%m-%d").to_string()),
        title: Some(format!("Tiếp thu, giải trình ý kiến góp ý đối với {}", c.title)),
        preamble: vec![format!(
            "Thực hiện Luật Thực hiện dân chủ ở cơ sở, {issuer} đã tổ chức lấy ý kiến đối với {}. \
             {issuer} báo cáo kết quả tiếp thu, giải trình ý kiến như sau:",
            c.title
        )],
        body: vec![
            Section { heading: "I. KẾT QUẢ LẤY Ý KIẾN".into(), paragraphs: overview, children: vec![] },
            Section {
                heading: "II. TIẾP THU, GIẢI TRÌNH Ý KIẾN THEO TỪNG NỘI DUNG".into(),
                paragraphs: vec![],
                children: per_section,
            },
        ],
        sections: vec!["I. KẾT QUẢ LẤY Ý KIẾN".into(), "II. TIẾP THU, GIẢI TRÌNH Ý KIẾN THEO TỪNG NỘI DUNG".into()],
        closing: vec![format!("Trên đây là báo cáo tiếp thu, giải trình ý kiến góp ý của {issuer}./.")],
        recipients: vec![
            "Ban Thường trực Ủy ban Mặt trận Tổ quốc;".into(),
            "Ban Thanh tra nhân dân;".into(),
            "Lưu: VT.".into(),
        ],
        signer: Some(Signer {
            role_line: Some(if issuer.starts_with("Ủy ban") {
                "TM. ỦY BAN NHÂN DÂN".into()
            } else {
                "THỦ TRƯỞNG".into()
            }),
            position: Some(if issuer.starts_with("Ủy ban") {
                "CHỦ TỊCH".into()
            } else {
                "THỦ TRƯỞNG CƠ QUAN".into()
            }),
            name: None,
        }),
        ..Default::default()
    }
}
