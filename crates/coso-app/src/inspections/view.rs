//! An inspection as its page and the API show it, the inspections of a unit, and the count that
//! pre-fills the report.

use chrono::NaiveDate;
use coso_domain::authz::Action;
use coso_domain::inspection::{REMEDIATION_RULE, RemediationState, RemediationStatus};
use coso_store::{CriterionRow, InspectionEvidenceMeta, InspectionMemberRow, InspectionRow, RemediationRow, UnitRow};
use serde::Serialize;

use super::access::for_work;
use crate::{Actor, App, Result};

/// A deadline as the API shows it: the rule id and the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub rule: &'static str,
    pub due: NaiveDate,
}

/// A criterion of the checklist with its finding and evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CriterionView {
    #[serde(flatten)]
    pub row: CriterionRow,
    pub evidence: Vec<InspectionEvidenceMeta>,
}

/// A remediation task with where it stands today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RemediationView {
    #[serde(flatten)]
    pub row: RemediationRow,
    pub overdue: bool,
    pub done_late: bool,
    pub evidence: Vec<InspectionEvidenceMeta>,
}

impl RemediationView {
    pub(super) fn of(row: RemediationRow, today: NaiveDate, files: &[InspectionEvidenceMeta]) -> RemediationView {
        let s = RemediationState { status: row.status, due_on: row.due_on, done_on: row.done_on };
        let evidence = files.iter().filter(|f| f.remediation_id == Some(row.id)).cloned().collect();
        RemediationView { overdue: s.overdue(today), done_late: s.done_late(), evidence, row }
    }
}

/// One inspection: its team, checklist with findings, remediation tasks and their deadlines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InspectionView {
    pub row: InspectionRow,
    pub team: Vec<InspectionMemberRow>,
    pub checklist: Vec<CriterionView>,
    pub remediation: Vec<RemediationView>,
    /// The deadlines of the remediation tasks still open (`inspection.remediation`).
    pub deadlines: Vec<Deadline>,
    /// Criteria not yet assessed.
    pub unassessed: usize,
    /// Remediation tasks not done.
    pub open_tasks: usize,
}

/// The inspection `id`, for the officials who manage inspections on its inspecting unit.
pub async fn view(app: &App, actor: &Actor, id: i64) -> Result<InspectionView> {
    let work = for_work(app, actor, id).await?;
    assemble(app, work.row).await
}

/// The view of the inspection `row`, for a reader already allowed to see it.
pub(super) async fn assemble(app: &App, row: InspectionRow) -> Result<InspectionView> {
    let id = row.id;
    let store = app.store();
    let (team, criteria, tasks, files) = tokio::try_join!(
        store.inspection_team(id),
        store.inspection_criteria(id),
        store.inspection_remediations(id),
        store.inspection_evidence(id)
    )?;
    let today = app.today();
    let unassessed = criteria.iter().filter(|c| c.verdict.is_none()).count();
    let checklist = criteria
        .into_iter()
        .map(|row| {
            let evidence = files.iter().filter(|f| f.criterion_id == Some(row.id)).cloned().collect();
            CriterionView { row, evidence }
        })
        .collect();
    let remediation: Vec<RemediationView> = tasks.into_iter().map(|t| RemediationView::of(t, today, &files)).collect();
    let open: Vec<&RemediationView> = remediation.iter().filter(|t| t.row.status == RemediationStatus::Open).collect();
    let deadlines = open.iter().map(|t| Deadline { rule: REMEDIATION_RULE, due: t.row.due_on }).collect();
    let open_tasks = open.len();
    Ok(InspectionView { row, team, checklist, remediation, deadlines, unassessed, open_tasks })
}

/// The inspections `unit` carries out and those of which it is the subject, newest first, for
/// the officials who manage inspections on it (those of an inspection from above only when the
/// actor manages inspections on the inspecting unit too).
pub async fn list_for_unit(app: &App, actor: &Actor, unit: &UnitRow) -> Result<Vec<InspectionRow>> {
    actor.authorize(&unit.unit_path(), Action::ManageInspections)?;
    let rows = app.store().inspections_of_unit(unit.id).await?;
    let mut seen = Vec::new();
    for r in rows {
        if r.unit_id == unit.id {
            seen.push(r);
            continue;
        }
        let by = crate::units::by_id(app, coso_domain::UnitId(r.unit_id)).await?;
        if actor.may(&by.unit_path(), Action::ManageInspections) {
            seen.push(r);
        }
    }
    Ok(seen)
}

/// How many inspections the unit's subtree carried out between two dates, both included.
pub async fn held_count(app: &App, unit: &UnitRow, from: NaiveDate, to: NaiveDate) -> Result<i64> {
    Ok(app.store().inspections_held(unit, from, to).await?)
}
