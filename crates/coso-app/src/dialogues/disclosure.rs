//! Published results become a disclosure of the commune's register (item 14, «other
//! information the commune deems necessary»: the catalogue has no item for a dialogue's
//! results), recorded by the system with the results notice attached as DOCX.
//!
//! The disclosure is written by the register's own use case, in its own transaction, so the
//! step is idempotent instead, as for consultations: the dialogue keeps the disclosure's id,
//! and publishing again results whose disclosure is missing (a failure after the publication)
//! records it.

use coso_calendar::HolidayCalendar;
use coso_domain::dialogue::{DialogueStatus, RESULTS_DISCLOSURE_ITEM};
use coso_domain::disclosure::{DisclosureInput, Level};
use coso_store::UnitRow;

use super::document::results_document;
use super::view::public_view;
use crate::disclosures::Upload;
use crate::{Actor, App, Result};

/// The legal basis printed on the disclosure (DLG-4).
const LEGAL_BASIS: &str = "Luật Tổ chức chính quyền địa phương số 72/2025/QH15, Điều 43; Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, Điều 11";

/// The longest title the register takes.
const TITLE_MAX_CHARS: usize = 300;

/// Records the disclosure of the published results of the dialogue `id` of `unit` once;
/// returns its id, `None` for a unit without a commune register or results already disclosed.
pub async fn publish(app: &App, calendar: &HolidayCalendar, unit: &UnitRow, id: i64) -> Result<Option<i64>> {
    if crate::disclosures::level_of(unit).ok() != Some(Level::Commune) {
        return Ok(None);
    }
    let v = public_view(app, calendar, &unit.code, id).await?;
    let d = &v.dialogue;
    let Some(published_on) = d.published_on.filter(|_| d.status == DialogueStatus::Published) else {
        return Ok(None);
    };
    if d.disclosure_id.is_some() {
        return Ok(None);
    }
    let notice = crate::plans::summary::docx(&results_document(&v, published_on))?;
    let title: String = format!("Kết quả hội nghị đối thoại: {}", v.title).chars().take(TITLE_MAX_CHARS).collect();
    let mut content = d.results.clone().unwrap_or_default();
    content.push_str(&format!(
        "\n\nHội nghị đối thoại ngày {}: {} câu hỏi được trả lời, {} cam kết. Các câu hỏi, câu trả lời và cam kết \
         có trong thông báo kèm theo và tại trang /doi-thoai/{id}; tiến độ các cam kết tại trang /don-vi/{}/cam-ket.",
        d.held_on.format("%d/%m/%Y"),
        v.questions.iter().filter(|q| q.answer.is_some() && q.hidden_reason.is_none()).count(),
        v.commitments.len(),
        unit.code
    ));
    let input = DisclosureInput {
        item: RESULTS_DISCLOSURE_ITEM.to_string(),
        title,
        content,
        legal_basis: LEGAL_BASIS.into(),
        forms: vec!["posting".into(), "portal".into(), "village_head".into()],
        place: format!("Trụ sở {}", crate::plans::summary::committee_of(unit)),
        posted_from: published_on.format("%Y-%m-%d").to_string(),
        ..Default::default()
    };
    let file = Upload { file_name: format!("ket-qua-doi-thoai-{id}.docx"), bytes: notice };
    let disclosure =
        crate::disclosures::record_with_files(app, &Actor::system("dialogue"), unit, &input, &[file], &[]).await?;
    app.store().link_dialogue_disclosure(id, disclosure.0).await?;
    Ok(Some(disclosure.0))
}
