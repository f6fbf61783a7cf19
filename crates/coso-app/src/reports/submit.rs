//! A target unit sends its report or implementing plan; the receiving unit accepts it or
//! returns it with a comment. Every version is kept by the store; the domain's
//! `SubmissionStatus` decides which moves are allowed.

use chrono::NaiveDate;
use coso_domain::authz::Action;
use coso_domain::plan::ObligationKind;
use coso_domain::report::{ReportInput, Template, Verdict, validate};
use coso_domain::{OccurrenceId, PlanId, SubmissionId, UnitId};
use coso_store::{NewSubmission, SubmissionRow, UnitRow};

use crate::plans::{OccurrenceDetail, occurrence};
use crate::{Actor, App, Error, Result, templates, units};

/// What a unit sends: a report, or for an implementing-plan obligation one of its own plans.
#[derive(Debug, Clone, Default)]
pub struct Sent {
    pub report: ReportInput,
    pub implementing_plan_id: Option<i64>,
}

/// The occurrence, if the actor may send for `unit` and `unit` is a target of its plan: what a
/// unit is not asked to send (another unit's plan, with its number, title, due date and
/// template) does not exist for it. Every use case that reads an occurrence for a unit loads
/// it here.
pub async fn sendable(
    app: &App,
    actor: &Actor,
    occurrence_id: OccurrenceId,
    unit: &UnitRow,
) -> Result<OccurrenceDetail> {
    actor.authorize(&unit.unit_path(), Action::SubmitReports)?;
    let occurrence = occurrence(app, occurrence_id).await?;
    if !app.store().targets_unit(occurrence.plan_id, unit.unit_id()).await? {
        return Err(Error::NotFound);
    }
    Ok(occurrence)
}

/// Sends what `unit` owes for an occurrence, judged on today's date. Nothing is saved when a
/// field is wrong: the errors name each field in Vietnamese.
pub async fn send(
    app: &App,
    actor: &Actor,
    unit: &UnitRow,
    occurrence_id: OccurrenceId,
    sent: &Sent,
) -> Result<SubmissionRow> {
    let occ = sendable(app, actor, occurrence_id, unit).await?;
    if occ.kind == ObligationKind::ImplementingPlan {
        let plan_id = sent
            .implementing_plan_id
            .ok_or_else(|| Error::field("implementing_plan_id", "Chưa chọn kế hoạch thực hiện của đơn vị."))?;
        send_implementing_plan(app, actor, &occ, unit, plan_id).await
    } else {
        let template =
            templates::for_unit(app, occ.template_id.ok_or(Error::NotFound)?, occ.agency_template_id, unit).await?;
        send_report_on(app, actor, &template, &occ, unit, &sent.report, app.today()).await
    }
}

/// Validates a report against its template and stores it as sent on `on` (today, or an
/// earlier day for demo data).
pub async fn send_report_on(
    app: &App,
    actor: &Actor,
    template: &Template,
    occ: &OccurrenceDetail,
    unit: &UnitRow,
    input: &ReportInput,
    on: NaiveDate,
) -> Result<SubmissionRow> {
    actor.authorize(&unit.unit_path(), Action::SubmitReports)?;
    if occ.kind != ObligationKind::Report {
        return Err(Error::BadRequest("Yêu cầu này là kế hoạch thực hiện, không phải báo cáo.".into()));
    }
    let v = validate(template, input).map_err(Error::Fields)?;
    let content = serde_json::to_value(&v.content).map_err(Error::internal)?;
    let values = serde_json::to_value(&v.content.indicators).map_err(Error::internal)?;
    let new = NewSubmission {
        occurrence_id: occ.id.0,
        unit_id: unit.id,
        content,
        indicator_values: values,
        score: v.score,
        rank: v.rank.clone(),
        implementing_plan_id: None,
        submitted_on: on,
        now: app.now(),
    };
    Ok(app.store().submit(&new, actor.audit()).await?)
}

/// Sends the unit's implementing plan: one of its own plans, linked to the parent plan so the
/// cascade can be walked both ways.
async fn send_implementing_plan(
    app: &App,
    actor: &Actor,
    occ: &OccurrenceDetail,
    unit: &UnitRow,
    plan_id: i64,
) -> Result<SubmissionRow> {
    let store = app.store();
    let plan = store
        .plan(PlanId(plan_id))
        .await?
        .ok_or_else(|| Error::field("implementing_plan_id", "Không tìm thấy kế hoạch đã chọn."))?;
    if plan.unit_id != unit.id {
        return Err(Error::field("implementing_plan_id", "Kế hoạch đã chọn không phải của đơn vị này."));
    }
    store.link_implementing_plan(PlanId(plan_id), occ.plan_id, actor.audit()).await?;
    let content = serde_json::json!({ "implementing_plan_id": plan_id, "title": plan.title, "number": plan.number });
    let new = NewSubmission {
        occurrence_id: occ.id.0,
        unit_id: unit.id,
        content,
        indicator_values: serde_json::json!({}),
        score: None,
        rank: None,
        implementing_plan_id: Some(plan_id),
        submitted_on: app.today(),
        now: app.now(),
    };
    Ok(store.submit(&new, actor.audit()).await?)
}

/// The submission and its occurrence, if the actor reviews reports at the occurrence's
/// receiving unit.
pub async fn reviewable(
    app: &App,
    actor: &Actor,
    submission_id: SubmissionId,
) -> Result<(SubmissionRow, OccurrenceDetail)> {
    let row = app.store().submission(submission_id).await?.ok_or(Error::NotFound)?;
    let occ = occurrence(app, OccurrenceId(row.occurrence_id)).await?;
    let receiver = units::by_id(app, occ.receiver_unit_id).await?;
    actor.authorize(&receiver.unit_path(), Action::ReviewReports)?;
    Ok((row, occ))
}

/// Accepts or returns a submission. Returning needs a comment that says what to correct.
/// Returns the reviewed submission and its sending unit.
pub async fn review(
    app: &App,
    actor: &Actor,
    submission_id: SubmissionId,
    verdict: Verdict,
    comment: &str,
) -> Result<(SubmissionRow, UnitRow)> {
    let (row, _) = reviewable(app, actor, submission_id).await?;
    let unit = units::by_id(app, UnitId(row.unit_id)).await?;
    let comment = verdict.comment(Some(comment))?;
    let accept = verdict == Verdict::Accept;
    let row = app.store().review(submission_id, accept, comment.as_deref(), app.now(), actor.audit()).await?;
    Ok((row, unit))
}
