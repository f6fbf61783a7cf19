//! Publishing a concluded inspection's result in the inspecting commune's disclosure register
//! (the inspection item of Law 10/2022 Art. 11), and closing the inspection once its remediation
//! tasks are done.
//!
//! The disclosure is written by the register's own use case as the system, in its own
//! transaction; the inspection then keeps its id, so a result is published once.

use coso_domain::disclosure::catalogue::INSPECTION_RESULTS_ITEM;
use coso_domain::disclosure::{DisclosureInput, Level};
use coso_domain::inspection::Verdict;

use super::access::for_work;
use super::conclusion::{finding_lines, task_lines};
use super::view::view;
use crate::{Actor, App, Error, Result};

/// The legal basis printed on the disclosure.
const LEGAL_BASIS: &str = "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, Điều 11";

/// Publishes the result of a concluded inspection as a disclosure of the inspecting commune;
/// returns the disclosure's id. An agency's or a province's inspection has no such item.
pub async fn publish(app: &App, actor: &Actor, id: i64) -> Result<i64> {
    let work = for_work(app, actor, id).await?;
    work.row.status.publishable().map_err(|e| Error::Conflict { field: e.field, message: e.message })?;
    if work.row.disclosure_id.is_some() {
        return Err(Error::Conflict {
            field: "status", message: "Kết quả kiểm tra đã được công khai.".into()
        });
    }
    if crate::disclosures::level_of(&work.unit).ok() != Some(Level::Commune) {
        return Err(Error::BadRequest(format!(
            "Sổ công khai của {} không có mục kết quả kiểm tra: chỉ xã, phường, đặc khu công khai theo Điều 11.",
            work.unit.name
        )));
    }
    let v = view(app, actor, id).await?;
    let r = &v.row;
    let count = |verdict: Verdict| v.checklist.iter().filter(|c| c.row.verdict == Some(verdict)).count();
    let mut content = vec![
        format!(
            "{} đã {} tại {} về {} (bắt đầu ngày {}).",
            r.unit_name,
            r.kind.label().to_lowercase(),
            r.target_name,
            r.subject.trim_end_matches('.'),
            r.starts_on.format("%d/%m/%Y")
        ),
        format!(
            "Kết quả: {} tiêu chí đạt, {} đạt một phần, {} chưa đạt.",
            count(Verdict::Met),
            count(Verdict::Partly),
            count(Verdict::NotMet)
        ),
        finding_lines(&v).join("\n"),
        format!("Kết luận: {}", r.conclusion.as_deref().unwrap_or_default()),
    ];
    if !v.remediation.is_empty() {
        content.push(format!("Nhiệm vụ khắc phục:\n{}", task_lines(&v).join("\n")));
    }
    let input = DisclosureInput {
        item: INSPECTION_RESULTS_ITEM.to_string(),
        title: format!("Kết quả kiểm tra việc thực hiện dân chủ ở cơ sở tại {}", r.target_name),
        content: content.join("\n\n"),
        legal_basis: LEGAL_BASIS.into(),
        forms: vec!["portal".into()],
        posted_from: app.today().format("%Y-%m-%d").to_string(),
        ..Default::default()
    };
    let disclosure = crate::disclosures::record(app, &Actor::system("inspection"), &work.unit, &input).await?;
    app.store().link_inspection_disclosure(&work.permit, &work.unit, id, disclosure.0, actor.audit()).await?;
    Ok(disclosure.0)
}

/// Closes a concluded inspection whose remediation tasks are all done.
pub async fn close(app: &App, actor: &Actor, id: i64) -> Result<()> {
    let work = for_work(app, actor, id).await?;
    let open = app.store().inspection_remediations(id).await?.iter().filter(|t| t.done_on.is_none()).count();
    work.row.status.close(open).map_err(|e| Error::Conflict { field: e.field, message: e.message })?;
    Ok(app.store().close_inspection(&work.permit, &work.unit, id, app.today(), actor.audit()).await?)
}
