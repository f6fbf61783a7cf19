//! A closed consultation's results become a disclosure of the commune's register (item 9,
//! «kết quả lấy ý kiến Nhân dân»), recorded by the system as the close's last step.
//!
//! The disclosure is written by the register's own use case, in its own transaction, so the
//! step is idempotent instead: the consultation keeps the disclosure's id, and closing again a
//! consultation whose results were not published (a failure after the close) publishes them.

use coso_domain::consultation::ConsultationStatus;
use coso_domain::disclosure::catalogue::CONSULTATION_RESULTS_ITEM;
use coso_domain::disclosure::{DisclosureInput, Level};
use coso_store::{ConsultationRow, UnitRow};

use crate::{Actor, App, Result};

/// The legal basis printed on the disclosure.
const LEGAL_BASIS: &str = "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, Điều 11 và Điều 25";

/// Whether the unit's register has the item of consultation results (communes, wards and
/// special zones).
pub fn publishes(unit: &UnitRow) -> bool {
    crate::disclosures::level_of(unit).ok() == Some(Level::Commune)
}

/// Publishes the results of a closed consultation of a commune-level unit once; returns the
/// disclosure's id, `None` for a unit without that item (an agency) or one already published.
pub async fn publish(app: &App, unit: &UnitRow, c: &ConsultationRow) -> Result<Option<i64>> {
    if c.disclosure_id.is_some() || c.status == ConsultationStatus::Draft || c.status == ConsultationStatus::Open {
        return Ok(None);
    }
    if !publishes(unit) {
        return Ok(None);
    }
    let store = app.store();
    let (counts, papers) = tokio::try_join!(store.consultation_comment_counts(c.id), store.consultation_papers(c.id))?;
    let comments: i64 = counts.iter().map(|r| r.comments).sum();
    let agree: i64 = papers.iter().map(|p| p.agree).sum();
    let disagree: i64 = papers.iter().map(|p| p.disagree).sum();
    let content = format!(
        "{} đã lấy ý kiến Nhân dân về {} từ ngày {} đến ngày {}.\n\n\
         Số ý kiến góp ý trên cổng thông tin: {comments}. Qua phiếu, cuộc họp ở thôn, tổ dân phố: {agree} hộ đồng ý, \
         {disagree} hộ không đồng ý.\n\n\
         Nội dung dự thảo, từng ý kiến và việc tiếp thu, giải trình được công khai tại trang /lay-y-kien/{}.",
        unit.name,
        c.title,
        c.opens_on.format("%d/%m/%Y"),
        c.closes_on.format("%d/%m/%Y"),
        c.id
    );
    let input = DisclosureInput {
        item: CONSULTATION_RESULTS_ITEM.to_string(),
        title: format!("Kết quả lấy ý kiến Nhân dân về {}", c.title),
        content,
        legal_basis: LEGAL_BASIS.into(),
        forms: vec!["portal".into()],
        posted_from: app.today().format("%Y-%m-%d").to_string(),
        ..Default::default()
    };
    let id = crate::disclosures::record(app, &Actor::system("consultation"), unit, &input).await?;
    store.link_consultation_disclosure(c.id, id.0).await?;
    Ok(Some(id.0))
}
