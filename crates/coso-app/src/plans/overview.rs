//! What the plan screens show: a unit's plans, and one plan with its tasks (files, notes,
//! status as shown), obligations with their counts, targets and the cascade.

use coso_documents::{CitedDocument, Document, Section};
use coso_domain::authz::Action;
use coso_domain::plan::{DisplayStatus, Due, TaskStatus};
use coso_domain::{PlanId, TaskId};
use coso_store::{EvidenceMeta, PlanRow, PlanSummary, TaskNoteRow, TaskRow, UnitRow};

use super::plan_json::{PlanJson, plan_json};
use super::readable;
use crate::reports::inbox::plan_label;
use crate::{Actor, App, Result, stored};

/// A plan with, per occurrence, the count of target units on time, late, missing and not yet due.
pub async fn get(app: &App, actor: &Actor, plan_id: PlanId) -> Result<PlanJson> {
    readable(app, actor, plan_id).await?;
    plan_json(app, plan_id, Some(app.today())).await
}

/// The plans a unit issued, for those who read plans there.
pub struct UnitPlans {
    pub unit: UnitRow,
    pub plans: Vec<PlanSummary>,
    /// Whether the actor may issue plans for the unit.
    pub can_manage: bool,
}

pub async fn of_unit(app: &App, actor: &Actor, unit: UnitRow) -> Result<UnitPlans> {
    actor.authorize(&unit.unit_path(), Action::ReadPlans)?;
    let plans = app.store().plans_of_unit(unit.unit_id(), None).await?;
    let can_manage = actor.may(&unit.unit_path(), Action::ManagePlans);
    Ok(UnitPlans { unit, plans, can_manage })
}

/// One task with its files, its notes and the status shown (overdue when not done in time).
pub struct TaskView {
    pub task: TaskRow,
    pub due: Due,
    pub status: TaskStatus,
    pub shown: DisplayStatus,
    pub files: Vec<EvidenceMeta>,
    pub notes: Vec<TaskNoteRow>,
}

/// Everything the plan page shows.
pub struct PlanOverview {
    pub plan: PlanRow,
    pub issuer: UnitRow,
    pub json: PlanJson,
    pub tasks: Vec<TaskView>,
    /// (code, name) of every target unit.
    pub targets: Vec<(String, String)>,
    /// The plan this one implements: (id, label).
    pub parent: Option<(i64, String)>,
    /// The implementing plans of the targets: (id, label, unit name).
    pub children: Vec<(i64, String, String)>,
    pub legal_bases: Vec<String>,
    pub sections: Vec<String>,
    /// What the reader noticed in the document the plan came from.
    pub warnings: Vec<String>,
    /// Whether the actor may follow up the tasks.
    pub can_manage: bool,
}

pub async fn overview(app: &App, actor: &Actor, plan_id: PlanId) -> Result<PlanOverview> {
    let (plan, issuer) = readable(app, actor, plan_id).await?;
    let today = app.today();
    let store = app.store();
    let json = plan_json(app, plan_id, Some(today)).await?;
    let mut tasks = Vec::new();
    for task in store.plan_tasks(plan_id).await? {
        let (files, notes) =
            tokio::try_join!(store.evidence_of_task(TaskId(task.id)), store.task_notes(TaskId(task.id)))?;
        let due = Due::from_columns(task.due_date.map(|d| d.to_string()).as_deref(), task.due_recurring.as_deref())
            .unwrap_or(Due::Unset);
        let status = task.status;
        let shown = DisplayStatus::of(status, due.in_year(plan.year), today);
        tasks.push(TaskView { task, due, status, shown, files, notes });
    }
    let targets = store.plan_target_units(plan_id).await?;
    let parent = match plan.parent_plan_id {
        Some(p) => store.plan(PlanId(p)).await?.map(|pp| (pp.id, plan_label(pp.number.as_deref(), &pp.title))),
        None => None,
    };
    let children = store
        .child_plans(plan_id)
        .await?
        .into_iter()
        .map(|c| (c.id, plan_label(c.number.as_deref(), &c.title), c.unit_name))
        .collect();
    let legal_bases = stored::decode::<Vec<CitedDocument>>("plan.legal_bases", &plan.legal_bases)?
        .into_iter()
        .map(|b| b.raw)
        .collect();
    let sections =
        stored::decode::<Vec<Section>>("plan.sections", &plan.sections)?.into_iter().map(|s| s.heading).collect();
    let warnings = match &plan.document {
        Some(d) => stored::decode::<Document>("plan.document", d)?.warnings,
        None => Vec::new(),
    };
    let can_manage = actor.may(&issuer.unit_path(), Action::ManagePlans);
    Ok(PlanOverview {
        plan,
        issuer,
        json,
        tasks,
        targets,
        parent,
        children,
        legal_bases,
        sections,
        warnings,
        can_manage,
    })
}
