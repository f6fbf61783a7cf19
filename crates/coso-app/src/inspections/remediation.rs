//! Remediation tasks ordered by the conclusion: each led by a unit of the inspecting unit's
//! subtree with a deadline, its evidence, and its completion.

use coso_domain::FieldError;
use coso_domain::inspection::{DoneData, DoneInput, RemediationData, RemediationInput, RemediationState};
use coso_store::{EvidenceOf, RemediationRow};

use super::access::{Work, for_work};
use crate::{Actor, App, Error, Result};

fn conflict(e: FieldError) -> Error {
    Error::Conflict { field: e.field, message: e.message }
}

/// Sets a remediation task of a concluded inspection; the lead unit must be the inspecting unit
/// or one below it.
pub async fn add_task(app: &App, actor: &Actor, id: i64, input: &RemediationInput) -> Result<i64> {
    let work = for_work(app, actor, id).await?;
    let data = RemediationData::parse(input, app.today()).map_err(Error::Validation)?;
    let lead = app.store().unit_by_code(&data.lead_unit).await?;
    let lead = lead.filter(|u| work.unit.unit_path().contains(&u.unit_path())).ok_or_else(|| {
        Error::Validation(vec![FieldError::new(
            "lead_unit",
            format!("«{}» không phải đơn vị thuộc {}.", data.lead_unit, work.unit.name),
        )])
    })?;
    work.row.status.follows_remediation().map_err(conflict)?;
    Ok(app
        .store()
        .add_remediation(&work.permit, &work.unit, id, &data.title, lead.id, data.due_on, actor.audit())
        .await?)
}

async fn task_of(app: &App, work: &Work, task: i64) -> Result<RemediationRow> {
    let tasks = app.store().inspection_remediations(work.row.id).await?;
    tasks.into_iter().find(|t| t.id == task).ok_or(Error::NotFound)
}

/// Records a remediation task done, with what was done.
pub async fn finish_task(app: &App, actor: &Actor, id: i64, task: i64, input: &DoneInput) -> Result<()> {
    let work = for_work(app, actor, id).await?;
    let row = task_of(app, &work, task).await?;
    let data = DoneData::parse(input).map_err(|e| Error::Validation(vec![e]))?;
    work.row.status.follows_remediation().map_err(conflict)?;
    RemediationState { status: row.status, due_on: row.due_on, done_on: row.done_on }.finish().map_err(conflict)?;
    Ok(app
        .store()
        .finish_remediation(&work.permit, &work.unit, id, task, &data.note, app.today(), actor.audit())
        .await?)
}

/// Attaches an evidence file to a remediation task (the checks and limit of tasks' evidence).
pub async fn add_task_evidence(
    app: &App,
    actor: &Actor,
    id: i64,
    task: i64,
    file_name: &str,
    bytes: &[u8],
) -> Result<i64> {
    let work = for_work(app, actor, id).await?;
    task_of(app, &work, task).await?;
    let content_type = crate::tasks::evidence::check(file_name, bytes)?;
    let name = coso_text::clean(file_name);
    Ok(app
        .store()
        .add_inspection_evidence(
            &work.permit,
            &work.unit,
            id,
            EvidenceOf::Remediation(task),
            &name,
            content_type,
            bytes,
            actor.audit(),
        )
        .await?)
}
