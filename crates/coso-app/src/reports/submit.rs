//! A target unit sends its report or implementing plan; the receiving unit accepts it or
//! returns it with a comment. Every version is kept by the store.

use chrono::{DateTime, NaiveDate, Utc};
use coso_domain::report::{ReportInput, Template, validate};
use coso_store::{Actor, NewSubmission, Store, SubmissionRow, UnitRow};

use crate::OccurrenceDetail;

use crate::{ReportingError, Result};

/// Who sends what, and when.
pub struct Sending<'a> {
    pub occurrence: &'a OccurrenceDetail,
    pub unit: &'a UnitRow,
    pub actor: &'a Actor,
    pub now: DateTime<Utc>,
    /// The local date (UTC+7) the submission is judged on.
    pub today: NaiveDate,
}

/// Validates a report against its template and stores it. Nothing is saved when a field is
/// wrong: the errors name each field in Vietnamese.
pub async fn submit_report(
    store: &Store,
    template: &Template,
    s: Sending<'_>,
    input: &ReportInput,
) -> Result<SubmissionRow> {
    if s.occurrence.kind != "report" {
        return Err(ReportingError::BadInput("Yêu cầu này là kế hoạch thực hiện, không phải báo cáo.".into()));
    }
    let v = validate(template, input).map_err(ReportingError::Invalid)?;
    let content = serde_json::to_value(&v.content).map_err(|e| ReportingError::Export(e.to_string()))?;
    let values = serde_json::to_value(&v.content.indicators).map_err(|e| ReportingError::Export(e.to_string()))?;
    let new = NewSubmission {
        occurrence_id: s.occurrence.id,
        unit_id: s.unit.id,
        content,
        indicator_values: values,
        score: v.score,
        rank: v.rank.clone(),
        implementing_plan_id: None,
        submitted_on: s.today,
        now: s.now,
    };
    Ok(store.submit(&new, s.actor).await?)
}

/// Sends the unit's implementing plan: one of its own plans, linked to the parent plan so the
/// cascade can be walked both ways.
pub async fn submit_implementing_plan(store: &Store, s: Sending<'_>, plan_id: i64) -> Result<SubmissionRow> {
    if s.occurrence.kind != "implementing_plan" {
        return Err(ReportingError::BadInput("Yêu cầu này là báo cáo, không phải kế hoạch thực hiện.".into()));
    }
    let plan = store
        .plan(plan_id)
        .await?
        .ok_or_else(|| ReportingError::field("implementing_plan_id", "Không tìm thấy kế hoạch đã chọn."))?;
    if plan.unit_id != s.unit.id {
        return Err(ReportingError::field("implementing_plan_id", "Kế hoạch đã chọn không phải của đơn vị này."));
    }
    store.link_implementing_plan(plan_id, s.occurrence.plan_id, s.actor).await?;
    let content = serde_json::json!({ "implementing_plan_id": plan_id, "title": plan.title, "number": plan.number });
    let new = NewSubmission {
        occurrence_id: s.occurrence.id,
        unit_id: s.unit.id,
        content,
        indicator_values: serde_json::json!({}),
        score: None,
        rank: None,
        implementing_plan_id: Some(plan_id),
        submitted_on: s.today,
        now: s.now,
    };
    Ok(store.submit(&new, s.actor).await?)
}

/// Accepts or returns a submission. Returning needs a comment that says what to correct.
pub async fn review(
    store: &Store,
    submission_id: i64,
    accept: bool,
    comment: &str,
    now: DateTime<Utc>,
    actor: &Actor,
) -> Result<SubmissionRow> {
    let comment = coso_text::clean(comment);
    if !accept && comment.is_empty() {
        return Err(ReportingError::field("comment", "Khi trả lại báo cáo, hãy ghi ý kiến: cần sửa gì."));
    }
    let comment = (!comment.is_empty()).then_some(comment);
    Ok(store.review(submission_id, accept, comment.as_deref(), now, actor).await?)
}
