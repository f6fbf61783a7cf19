//! The inspected unit's side: the officials of a unit see, from their own unit's pages, the
//! inspections of which it is the subject (the plan, the team, the findings, the conclusion once
//! concluded and its document) and the remediation tasks it leads, and report on those tasks —
//! evidence, then done — to the inspecting unit. They read with the unit's administration
//! (`ViewAdmin`) and report with `SubmitReports`, the action by which a unit reports to the one
//! above; the findings and the conclusion stay the inspecting unit's (`ManageInspections` there).

use coso_documents::Document;
use coso_domain::authz::Action;
use coso_domain::inspection::{DoneData, DoneInput, RemediationState};
use coso_store::{EvidenceOf, InspectionRow, RemediationRow, UnitRow};

use super::conclusion::document_of;
use super::view::{InspectionView, RemediationView, assemble};
use crate::{Actor, App, Error, Result};

/// The inspections of a unit and the remediation tasks it leads, as its officials see them.
#[derive(Debug, Clone)]
pub struct Inspected {
    pub unit: UnitRow,
    /// The inspections whose subject is the unit (other than its self-inspections), newest first.
    pub inspections: Vec<InspectionRow>,
    /// The tasks the unit leads, soonest due first, with where each stands.
    pub tasks: Vec<RemediationView>,
    /// Whether the viewer reports on the tasks (not only reads).
    pub reports: bool,
}

/// One inspection of the unit, or one with a task it leads, for its officials.
#[derive(Debug, Clone)]
pub struct InspectedView {
    pub unit: UnitRow,
    pub v: InspectionView,
    /// Whether the viewer reports on the tasks the unit leads.
    pub reports: bool,
}

impl InspectedView {
    /// Whether the unit leads `task` (and so reports on it).
    pub fn leads(&self, task: &RemediationRow) -> bool {
        task.lead_unit_id == self.unit.id
    }
}

/// The inspections of the unit `code` and the tasks it leads, for those who see its
/// administration.
pub async fn inspected(app: &App, actor: &Actor, code: &str) -> Result<Inspected> {
    let unit = crate::units::by_code(app, code).await?;
    actor.authorize(&unit.unit_path(), Action::ViewAdmin)?;
    let inspections = app
        .store()
        .inspections_of_unit(unit.id)
        .await?
        .into_iter()
        .filter(|r| r.target_id == unit.id && r.unit_id != unit.id)
        .collect();
    let today = app.today();
    let tasks = app
        .store()
        .remediations_led_by(unit.id)
        .await?
        .into_iter()
        .map(|t| RemediationView::of(t, today, &[]))
        .collect();
    let reports = actor.may(&unit.unit_path(), Action::SubmitReports);
    Ok(Inspected { unit, inspections, tasks, reports })
}

/// The inspection `id` as the unit `code` sees it: it must be its subject or give it a task;
/// any other is not found.
pub async fn inspected_view(app: &App, actor: &Actor, code: &str, id: i64) -> Result<InspectedView> {
    let unit = crate::units::by_code(app, code).await?;
    actor.authorize(&unit.unit_path(), Action::ViewAdmin)?;
    let row = app.store().inspection(id).await?.ok_or(Error::NotFound)?;
    let v = assemble(app, row).await?;
    let subject = v.row.target_id == unit.id && v.row.unit_id != unit.id;
    if !subject && !v.remediation.iter().any(|t| t.row.lead_unit_id == unit.id) {
        return Err(Error::NotFound);
    }
    let reports = actor.may(&unit.unit_path(), Action::SubmitReports);
    Ok(InspectedView { unit, v, reports })
}

/// The conclusion's document, for the unit inspected once it is concluded.
pub async fn inspected_document(app: &App, actor: &Actor, code: &str, id: i64) -> Result<Document> {
    let seen = inspected_view(app, actor, code, id).await?;
    document_of(app, &seen.v).await
}

/// The task `task` of the inspection `id`, which the unit `code` leads.
async fn led_task(app: &App, actor: &Actor, code: &str, id: i64, task: i64) -> Result<(UnitRow, RemediationRow)> {
    let unit = crate::units::by_code(app, code).await?;
    actor.authorize(&unit.unit_path(), Action::ViewAdmin)?;
    let tasks = app.store().inspection_remediations(id).await?;
    let row = tasks.into_iter().find(|t| t.id == task && t.lead_unit_id == unit.id).ok_or(Error::NotFound)?;
    Ok((unit, row))
}

fn conflict(e: coso_domain::FieldError) -> Error {
    Error::Conflict { field: e.field, message: e.message }
}

/// Reports a task the unit leads done, with what was done.
pub async fn finish_led_task(
    app: &App,
    actor: &Actor,
    code: &str,
    id: i64,
    task: i64,
    input: &DoneInput,
) -> Result<()> {
    let (unit, row) = led_task(app, actor, code, id, task).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::SubmitReports)?;
    let data = DoneData::parse(input).map_err(|e| Error::Validation(vec![e]))?;
    let inspection = app.store().inspection(id).await?.ok_or(Error::NotFound)?;
    inspection.status.follows_remediation().map_err(conflict)?;
    RemediationState { status: row.status, due_on: row.due_on, done_on: row.done_on }.finish().map_err(conflict)?;
    Ok(app.store().finish_remediation(&permit, &unit, id, task, &data.note, app.today(), actor.audit()).await?)
}

/// Adds an evidence file to a task the unit leads (the checks and limit of tasks' evidence).
pub async fn add_led_task_evidence(
    app: &App,
    actor: &Actor,
    code: &str,
    id: i64,
    task: i64,
    file_name: &str,
    bytes: &[u8],
) -> Result<i64> {
    let (unit, _) = led_task(app, actor, code, id, task).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::SubmitReports)?;
    let content_type = crate::tasks::evidence::check(file_name, bytes)?;
    let name = coso_text::clean(file_name);
    Ok(app
        .store()
        .add_inspection_evidence(
            &permit,
            &unit,
            id,
            EvidenceOf::Remediation(task),
            &name,
            content_type,
            bytes,
            actor.audit(),
        )
        .await?)
}
