//! Findings on the checklist's criteria and their evidence files (the evidence checks and size
//! limit of tasks' evidence).

use coso_domain::inspection::{FindingData, FindingInput};
use coso_store::{EvidenceOf, InspectionEvidenceMeta};

use super::access::for_work;
use crate::{Actor, App, Error, Result};

/// Records (or corrects) the finding on one criterion of the inspection's checklist; the first
/// finding puts the inspection under way. A criterion not in the checklist is refused, naming it.
pub async fn record_finding(app: &App, actor: &Actor, id: i64, input: &FindingInput) -> Result<()> {
    let work = for_work(app, actor, id).await?;
    let criteria = app.store().inspection_criteria(id).await?;
    let codes: Vec<&str> = criteria.iter().map(|c| c.code.as_str()).collect();
    let data = FindingData::parse(input, &codes).map_err(Error::Validation)?;
    work.row.status.takes_findings().map_err(|e| Error::Conflict { field: "status", message: e.message })?;
    Ok(app
        .store()
        .record_inspection_finding(
            &work.permit,
            &work.unit,
            id,
            &data.criterion,
            data.verdict,
            data.note.as_deref(),
            actor.audit(),
        )
        .await?)
}

/// Attaches an evidence file (PDF, JPEG, PNG, DOCX, XLSX, text; within the evidence size limit)
/// to the finding on the criterion `criterion` of the inspection.
pub async fn add_evidence(
    app: &App,
    actor: &Actor,
    id: i64,
    criterion: &str,
    file_name: &str,
    bytes: &[u8],
) -> Result<i64> {
    let work = for_work(app, actor, id).await?;
    let criteria = app.store().inspection_criteria(id).await?;
    let Some(c) = criteria.iter().find(|c| c.code == criterion) else {
        let shown: String = criterion.chars().take(40).collect();
        return Err(Error::field("criterion", format!("Tiêu chí «{shown}» không có trong danh mục kiểm tra.")));
    };
    work.row.status.takes_findings().map_err(|e| Error::Conflict { field: "status", message: e.message })?;
    let content_type = crate::tasks::evidence::check(file_name, bytes)?;
    let name = coso_text::clean(file_name);
    Ok(app
        .store()
        .add_inspection_evidence(
            &work.permit,
            &work.unit,
            id,
            EvidenceOf::Criterion(c.id),
            &name,
            content_type,
            bytes,
            actor.audit(),
        )
        .await?)
}

/// An evidence file with its bytes.
#[derive(Debug, Clone)]
pub struct EvidenceDownload {
    pub meta: InspectionEvidenceMeta,
    pub data: Vec<u8>,
}

/// One evidence file of the inspection, for those who may work on it.
pub async fn evidence_file(app: &App, actor: &Actor, id: i64, file_id: i64) -> Result<EvidenceDownload> {
    for_work(app, actor, id).await?;
    let (meta, data) = app.store().inspection_evidence_file(id, file_id).await?.ok_or(Error::NotFound)?;
    Ok(EvidenceDownload { meta, data })
}
