//! The conclusion (*kết luận kiểm tra*): recorded once every criterion is assessed, and written
//! as a notice of the conclusion in the Decree 30 layout (DOCX, PDF), signed for the inspecting
//! unit's People's Committee (or the agency) by the team's head.

use coso_documents::{Document, Section, Signer};
use coso_domain::disclosure::Level;
use coso_domain::inspection::{ConclusionData, ConclusionInput, InspectionKind, TeamRole, Verdict};
use coso_domain::unit::sort_name;
use coso_store::UnitRow;

use super::access::for_work;
use super::view::{InspectionView, view};
use crate::plans::summary::committee_of;
use crate::{Actor, App, Error, Result};

/// Concludes the inspection: every criterion must have its finding.
pub async fn conclude(app: &App, actor: &Actor, id: i64, input: &ConclusionInput) -> Result<()> {
    let work = for_work(app, actor, id).await?;
    let data = ConclusionData::parse(input).map_err(|e| Error::Validation(vec![e]))?;
    let unassessed = app.store().inspection_criteria(id).await?.iter().filter(|c| c.verdict.is_none()).count();
    work.row.status.conclude(unassessed).map_err(|e| Error::Conflict { field: e.field, message: e.message })?;
    Ok(app
        .store()
        .conclude_inspection(&work.permit, &work.unit, id, &data.conclusion, app.today(), actor.audit())
        .await?)
}

fn vn(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn issuer(unit: &UnitRow) -> String {
    match Level::of_unit(unit.kind) {
        Some(Level::Agency) => unit.name.clone(),
        _ => committee_of(unit),
    }
}

/// The paragraphs of the findings, one per criterion.
pub(crate) fn finding_lines(v: &InspectionView) -> Vec<String> {
    v.checklist
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let verdict = c.row.verdict.map(Verdict::label).unwrap_or("Chưa đánh giá");
            let note = c.row.note.as_deref().map(|n| format!(" {n}")).unwrap_or_default();
            let files = if c.evidence.is_empty() {
                String::new()
            } else {
                let names: Vec<&str> = c.evidence.iter().map(|f| f.file_name.as_str()).collect();
                format!(" (minh chứng: {})", names.join(", "))
            };
            format!("{}. {}: {}.{note}{files}", i + 1, c.row.label, verdict)
        })
        .collect()
}

/// The remediation tasks as paragraphs.
pub(crate) fn task_lines(v: &InspectionView) -> Vec<String> {
    v.remediation
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let r = &t.row;
            let state = match r.done_on {
                Some(on) => format!("đã hoàn thành ngày {}", vn(on)),
                None if t.overdue => "quá hạn, chưa hoàn thành".to_string(),
                None => "đang thực hiện".to_string(),
            };
            format!(
                "{}. {} — đơn vị chủ trì: {}; hạn hoàn thành {}; {}.",
                i + 1,
                r.title,
                r.lead_unit_name,
                vn(r.due_on),
                state
            )
        })
        .collect()
}

/// The conclusion as a document, once concluded.
pub async fn conclusion_document(app: &App, actor: &Actor, id: i64) -> Result<Document> {
    let v = view(app, actor, id).await?;
    document_of(app, &v).await
}

/// The conclusion of the inspection `v` as a `Document`, for a reader already allowed to see it.
pub(super) async fn document_of(app: &App, v: &InspectionView) -> Result<Document> {
    let r = &v.row;
    let Some(conclusion) = r.conclusion.clone() else {
        return Err(Error::Conflict { field: "status", message: "Cuộc kiểm tra chưa có kết luận.".into() });
    };
    let unit = crate::units::by_id(app, coso_domain::UnitId(r.unit_id)).await?;
    let head = v.team.iter().find(|m| m.role == TeamRole::Head).map(|m| m.name.clone());
    let when = match r.ends_on {
        Some(end) if end != r.starts_on => format!("từ ngày {} đến ngày {}", vn(r.starts_on), vn(end)),
        _ => format!("ngày {}", vn(r.starts_on)),
    };
    let how = match r.kind {
        InspectionKind::SelfInspection => format!("{} đã tự kiểm tra", r.unit_name),
        kind => format!("{} đã tiến hành {} tại {}", r.unit_name, kind.label().to_lowercase(), r.target_name),
    };
    let team: Vec<String> = v.team.iter().map(|m| format!("{} — {}", m.name, m.role.label())).collect();
    let tasks = if v.remediation.is_empty() {
        vec!["Chưa giao nhiệm vụ khắc phục.".to_string()]
    } else {
        task_lines(v)
    };
    let headings = ["I. KẾT QUẢ KIỂM TRA", "II. KẾT LUẬN", "III. NHIỆM VỤ KHẮC PHỤC"];
    Ok(Document {
        doc_type: Some("TB".into()),
        issuer: Some(issuer(&unit)),
        place: Some(sort_name(&unit.name).to_string()),
        date: Some(r.concluded_on.unwrap_or(app.today()).format("%Y-%m-%d").to_string()),
        title: Some(format!("Kết luận kiểm tra việc thực hiện dân chủ ở cơ sở tại {}", r.target_name)),
        preamble: vec![
            format!(
                "Thực hiện Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, {when}, {how} về {}.",
                r.subject.trim_end_matches('.')
            ),
            format!("Thành phần đoàn kiểm tra: {}.", team.join("; ")),
            "Kết quả kiểm tra và kết luận như sau:".to_string(),
        ],
        body: vec![
            Section { heading: headings[0].into(), paragraphs: finding_lines(v), children: vec![] },
            Section {
                heading: headings[1].into(),
                paragraphs: conclusion.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect(),
                children: vec![],
            },
            Section { heading: headings[2].into(), paragraphs: tasks, children: vec![] },
        ],
        sections: headings.iter().map(|h| h.to_string()).collect(),
        closing: vec![format!(
            "Đề nghị {} và các đơn vị liên quan thực hiện các nội dung khắc phục đúng thời hạn, báo cáo kết quả về {}./.",
            r.target_name, r.unit_name
        )],
        recipients: vec![format!("{};", r.target_name), "Lưu: VT, Đoàn kiểm tra.".into()],
        signer: Some(Signer { role_line: None, position: Some("TRƯỞNG ĐOÀN KIỂM TRA".into()), name: head }),
        ..Default::default()
    })
}
