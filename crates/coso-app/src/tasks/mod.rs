//! Task follow-up by the issuing unit's officials: status, progress, notes and evidence files.

pub mod evidence;

use coso_domain::authz::Action;
use coso_domain::plan::{TaskStatus, parse_progress};
use coso_domain::{EvidenceId, FieldError, PlanId, TaskId};
use coso_store::{EvidenceFile, EvidenceMeta, EvidenceOwner, TaskRow};

use crate::{Actor, App, Error, Result, plans};

/// A change to a task, as typed; every field is optional.
#[derive(Debug, Clone, Default)]
pub struct TaskChange {
    /// not_started | in_progress | done; empty keeps the stored one (or follows the progress).
    pub status: Option<String>,
    /// Percent, 0 to 100.
    pub progress: Option<String>,
    /// A note added to the task's log.
    pub note: Option<String>,
}

/// The task, after checking it belongs to the plan and the actor manages the plan.
async fn managed(app: &App, actor: &Actor, plan_id: PlanId, task_id: TaskId) -> Result<TaskRow> {
    let (_, issuer) = plans::readable(app, actor, plan_id).await?;
    actor.authorize(&issuer.unit_path(), Action::ManagePlans)?;
    app.store().plan_tasks(plan_id).await?.into_iter().find(|t| t.id == task_id.0).ok_or(Error::NotFound)
}

/// Applies a change; every field is checked before anything is written.
pub async fn update(app: &App, actor: &Actor, plan_id: PlanId, task_id: TaskId, change: &TaskChange) -> Result<()> {
    let task = managed(app, actor, plan_id, task_id).await?;
    let mut errors = Vec::new();
    let progress = match &change.progress {
        None => task.progress as u8,
        Some(raw) => parse_progress(raw).unwrap_or_else(|e| {
            errors.push(e);
            0
        }),
    };
    let status = match change.status.as_deref().filter(|s| !s.is_empty()) {
        None if change.progress.is_some() => TaskStatus::suggested_by(progress),
        None => task.status,
        Some(s) => TaskStatus::parse(s).unwrap_or_else(|| {
            errors.push(FieldError::new(
                "status",
                "Trạng thái nhiệm vụ không hợp lệ (chưa thực hiện, đang thực hiện, hoàn thành).",
            ));
            TaskStatus::NotStarted
        }),
    };
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    app.store().update_task(TaskId(task.id), status.as_str(), i64::from(progress), actor.audit()).await?;
    if let Some(note) = change.note.as_deref().map(coso_text::clean).filter(|n| !n.is_empty()) {
        app.store().add_task_note(TaskId(task.id), &note, actor.audit()).await?;
    }
    Ok(())
}

/// Attaches an evidence file to a task, checked by its content (see [`evidence::check`]).
pub async fn add_evidence(
    app: &App,
    actor: &Actor,
    plan_id: PlanId,
    task_id: TaskId,
    file_name: &str,
    bytes: &[u8],
) -> Result<EvidenceMeta> {
    let task = managed(app, actor, plan_id, task_id).await?;
    let content_type = evidence::check(file_name, bytes)?;
    let name = coso_text::clean(file_name);
    Ok(app.store().add_evidence(EvidenceOwner::Task(task.id), &name, content_type, bytes, actor.audit()).await?)
}

/// An evidence file of one of the plan's tasks, for those who may read the plan.
pub async fn evidence_file(app: &App, actor: &Actor, plan_id: PlanId, file_id: EvidenceId) -> Result<EvidenceFile> {
    plans::readable(app, actor, plan_id).await?;
    let f = app.store().evidence(file_id).await?.ok_or(Error::NotFound)?;
    let tasks = app.store().plan_tasks(plan_id).await?;
    if !f.meta.task_id.is_some_and(|t| tasks.iter().any(|x| x.id == t)) {
        return Err(Error::NotFound);
    }
    Ok(f)
}
