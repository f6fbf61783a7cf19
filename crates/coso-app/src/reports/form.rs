//! What the report form shows a unit for one occurrence: the days left, what was sent before
//! (and the reviewer's comment when it was returned), and whether it may be sent now.

use std::collections::BTreeMap;

use coso_calendar::HolidayCalendar;
use coso_domain::plan::{ObligationKind, days_late};
use coso_domain::report::{ReportContent, SubmissionStatus, Template};
use coso_domain::{OccurrenceId, SubmissionId};
use coso_store::{SubmissionRow, UnitRow};

use super::inbox::{days_left, plan_label};
use super::submit::sendable;
use crate::plans::OccurrenceDetail;
use crate::{Actor, App, Error, Result, stored, templates};

pub struct ReportForm {
    pub occurrence: OccurrenceDetail,
    pub unit: UnitRow,
    pub existing: Option<SubmissionRow>,
    /// "Còn 5 ngày làm việc", "Không ghi hạn".
    pub days_text: String,
    /// How the days were counted.
    pub explanation: String,
    /// Past due and never sent.
    pub overdue: bool,
    /// The reviewer's comment when the report was returned.
    pub returned_comment: Option<String>,
    /// The content of the last version sent.
    pub last: Option<ReportContent>,
    /// Nothing sent yet, or returned for correction.
    pub can_submit: bool,
    /// The template of a report; `None` for an implementing plan.
    pub template: Option<Template>,
    /// For an implementing plan: the unit's own plans to choose from, (id, label).
    pub implementing_plans: Vec<(i64, String)>,
    /// Before anything was sent: the counts of the unit's citizen cases for the indicators
    /// that count them (the form's first values, still editable).
    pub case_counts: BTreeMap<String, i64>,
}

impl ReportForm {
    pub fn status(&self) -> Option<SubmissionStatus> {
        self.existing.as_ref().map(|s| s.status)
    }
}

/// The form of `occurrence_id` for `unit`, if the actor may send for it.
pub async fn report_form(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    occurrence_id: OccurrenceId,
    unit: UnitRow,
) -> Result<ReportForm> {
    let occ = sendable(app, actor, occurrence_id, &unit).await?;
    let store = app.store();
    let existing = store.submission_for(occurrence_id, unit.unit_id()).await?;
    let (days_text, explanation, overdue) = match occ.due_date {
        Some(d) => {
            let (_, words, text) = days_left(calendar, app.today(), d);
            (words, text, days_late(d, app.today()).is_some() && existing.is_none())
        }
        None => ("Không ghi hạn".to_string(), String::new(), false),
    };
    let status = existing.as_ref().map(|s| s.status);
    let mut returned_comment = None;
    let mut last = None;
    if let Some(s) = &existing {
        let versions = store.submission_versions(SubmissionId(s.id)).await?;
        if let Some(v) = versions.last() {
            if status == Some(SubmissionStatus::Returned) {
                returned_comment = v.review_comment.clone();
            }
            last = Some(stored::decode::<ReportContent>("submission_version.content", &v.content)?);
        }
    }
    let can_submit = existing.is_none() || SubmissionStatus::is_open(status);
    let (template, implementing_plans) = if occ.kind == ObligationKind::Report {
        (
            Some(
                templates::for_unit(app, occ.template_id.ok_or(Error::NotFound)?, occ.agency_template_id, &unit)
                    .await?,
            ),
            vec![],
        )
    } else {
        // The unit's own plans that may implement this one: not the plan itself, and not one
        // already sent as the implementing plan of another.
        let plans = store
            .plans_of_unit(unit.unit_id(), None)
            .await?
            .into_iter()
            .filter(|p| p.id != occ.plan_id.0 && p.parent_plan_id.is_none_or(|parent| parent == occ.plan_id.0))
            .map(|p| (p.id, plan_label(p.number.as_deref(), &p.title)))
            .collect();
        (None, plans)
    };
    let case_counts = match (&template, &last) {
        (Some(t), None) => super::case_indicators(app, t, &unit, occ.period_key)
            .await?
            .into_iter()
            .chain(super::training_prefill::training_indicators(app, t, &unit, occ.period_key).await?)
            .chain(super::dialogue_prefill::dialogue_indicators(app, t, &unit, occ.period_key).await?)
            .chain(super::inspection_prefill::inspection_indicators(app, t, &unit, occ.period_key).await?)
            .chain(super::convention_prefill::convention_indicators(app, t, &unit, occ.period_key).await?)
            .chain(super::decision_prefill::decision_indicators(app, t, &unit, occ.period_key).await?)
            .collect(),
        _ => BTreeMap::new(),
    };
    Ok(ReportForm {
        case_counts,
        occurrence: occ,
        unit,
        existing,
        days_text,
        explanation,
        overdue,
        returned_comment,
        last,
        can_submit,
        template,
        implementing_plans,
    })
}
