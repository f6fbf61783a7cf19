//! The report pages: a unit's inbox, the report form, a sent report and its review.
//! All work without JavaScript.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::clock::vietnam_time_text;
use coso_app::reports::{self, InboxOverview, Sent, inbox};
use coso_app::units;
use coso_domain::report::{ReportContent, ReportInput, ScoreInput, SubmissionStatus, Template, Verdict};
use coso_domain::{OccurrenceId, SubmissionId};
use coso_store::UnitRow;
use serde::Deserialize;

use super::views::*;
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Path, Query};
use crate::page_context::redirect_with_notice;
use crate::reporting::access;
use crate::state::AppState;
use crate::views::{ErrorLink, Nav, vn_date};

#[derive(Deserialize, Default)]
pub struct UnitQuery {
    #[serde(rename = "don-vi", default)]
    pub unit: String,
    /// Show every item instead of the first ones.
    #[serde(rename = "tat-ca", default)]
    pub all: Option<String>,
}

/// Items an inbox shows before "show all": the overdue and the next ones due.
const INBOX_OPEN_SHOWN: usize = 40;
const INBOX_DONE_SHOWN: usize = 15;

fn due_text(due: Option<chrono::NaiveDate>) -> String {
    due.map_or_else(|| "không ghi hạn".to_string(), vn_date)
}

/// The inbox of the unit `code`, if the user may read it. It is the same for every official
/// of the unit and they reload it often, so it is kept a few seconds; the right to read it is
/// checked on every request, kept or not.
async fn inbox_data(state: &AppState, user: &CurrentUser, code: &str) -> Result<Arc<InboxOverview>, AppError> {
    let actor = user.actor();
    let data = state
        .inboxes
        .get_or_try_load(&format!("{code}@{}", state.app.today()), || async {
            let unit = units::by_code(&state.app, code).await?;
            let calendar = crate::calendar::current(state).await?;
            Ok::<_, AppError>(Arc::new(reports::overview(&state.app, &actor, &calendar, unit).await?))
        })
        .await?;
    data.check_readable(&actor)?;
    Ok(data)
}

pub async fn inbox_page(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<UnitQuery>,
) -> PageResult<InboxPage> {
    let data = inbox_data(&state, &user, &access::chosen_code(&user, &q.unit)?).await?;
    let unit = &data.unit;
    let line = |e: &inbox::InboxEntry| InboxLine {
        plan_id: e.plan_id,
        plan_label: e.plan_label.clone(),
        issuer: e.issuer.clone(),
        obligation: e.what.clone(),
        due_text: due_text(e.due),
        days_text: e.days_text.clone(),
        explanation: e.explanation.clone(),
        overdue: e.overdue,
        status: e.status_label().to_string(),
        href: format!("/quan-tri/hop-thu/{}?don-vi={}", e.occurrence_id, unit.code),
    };
    let all = q.all.is_some();
    let open: Vec<&inbox::InboxEntry> = data.entries.iter().filter(|e| e.is_open()).collect();
    let closed: Vec<&inbox::InboxEntry> = data.entries.iter().filter(|e| !e.is_open()).collect();
    let (open_n, done_n) = if all { (open.len(), closed.len()) } else { (INBOX_OPEN_SHOWN, INBOX_DONE_SHOWN) };
    let hidden = open.len().saturating_sub(open_n) + closed.len().saturating_sub(done_n);
    let due = open.into_iter().take(open_n).map(&line).collect();
    // The latest sent first.
    let done = closed.into_iter().rev().take(done_n).map(&line).collect();
    let received = data
        .received_for(&user.actor())
        .iter()
        .map(|r| ReceivedLine {
            submission_id: r.submission_id,
            unit_name: r.unit_name.clone(),
            obligation: inbox::what(r.kind, r.period_key),
            submitted: vietnam_time_text(r.submitted_at),
            status: SubmissionStatus::Submitted.label().to_string(),
        })
        .collect();
    let notifications =
        data.notifications.iter().map(|n| (n.title.clone(), n.body.clone(), vietnam_time_text(n.created_at))).collect();
    let units = access::unit_choices(&user, &unit.code);
    Ok(InboxPage { nav: Nav::of(Some(&user)), unit: unit.clone(), units, due, done, hidden, received, notifications })
}

/// What the form shows: the template's fields filled with `content` (typed so far, or the
/// last version), and the errors by field path.
fn report_fields(
    template: &Template,
    values: &ReportInput,
    errors: &BTreeMap<String, String>,
) -> (Vec<IndicatorField>, Vec<NarrativeField>, Vec<CriterionField>) {
    let err = |path: String| errors.get(&path).cloned().unwrap_or_default();
    let indicators = template
        .indicators
        .iter()
        .map(|i| IndicatorField {
            name: format!("i_{}", i.code),
            label: i.label.clone(),
            unit_of_measure: i.unit_of_measure.clone(),
            definition: i.definition.clone(),
            required: i.required,
            value: values.indicators.get(&i.code).cloned().unwrap_or_default(),
            error: err(format!("indicators.{}", i.code)),
        })
        .collect();
    let sections = template
        .sections
        .iter()
        .map(|s| NarrativeField {
            name: format!("n_{}", s.code),
            title: s.title.clone(),
            required: s.required,
            value: values.narrative.get(&s.code).cloned().unwrap_or_default(),
            error: err(format!("narrative.{}", s.code)),
        })
        .collect();
    let criteria = template
        .criteria
        .iter()
        .map(|c| {
            let ScoreInput { points, evidence } = values.assessment.get(&c.code).cloned().unwrap_or_default();
            CriterionField {
                name: format!("c_{}", c.code),
                evidence_name: format!("e_{}", c.code),
                label: c.label.clone(),
                max_points: coso_export::format_vn_number(c.max_points, 0),
                guidance: c.guidance.clone(),
                points,
                evidence,
                error: err(format!("assessment.{}", c.code)),
            }
        })
        .collect();
    (indicators, sections, criteria)
}

/// The form's fields back into a report input.
fn report_input_from_form(fields: &[(String, String)]) -> ReportInput {
    let mut input = ReportInput::default();
    let mut evidence: BTreeMap<String, String> = BTreeMap::new();
    for (k, v) in fields {
        if let Some(code) = k.strip_prefix("i_") {
            input.indicators.insert(code.to_string(), v.clone());
        } else if let Some(code) = k.strip_prefix("n_") {
            input.narrative.insert(code.to_string(), v.clone());
        } else if let Some(code) = k.strip_prefix("c_") {
            input.assessment.entry(code.to_string()).or_default().points = v.clone();
        } else if let Some(code) = k.strip_prefix("e_") {
            evidence.insert(code.to_string(), v.clone());
        }
    }
    for (code, e) in evidence {
        input.assessment.entry(code).or_default().evidence = e;
    }
    input
}

/// A stored version's content, as the form shows it.
fn input_from_content(c: &ReportContent) -> ReportInput {
    let num = |v: f64| if v.fract() == 0.0 { format!("{}", v as i64) } else { v.to_string().replace('.', ",") };
    ReportInput {
        indicators: c.indicators.iter().map(|(k, v)| (k.clone(), num(*v))).collect(),
        narrative: c.narrative.clone(),
        assessment: c
            .assessment
            .iter()
            .map(|a| (a.code.clone(), ScoreInput { points: num(a.points), evidence: a.evidence.clone() }))
            .collect(),
    }
}

/// The report form's id: where an error about the whole report links to.
const FORM_ID: &str = "bao-cao";

/// The first values of a report never sent: the counts of citizen cases.
fn prefilled(case_counts: &BTreeMap<String, i64>) -> ReportInput {
    let mut input = ReportInput::default();
    input.indicators.extend(case_counts.iter().map(|(code, n)| (code.clone(), n.to_string())));
    input
}

/// The form field of an error's path (`indicators.x` → `i_x`), as `report_fields` names them.
fn field_id(path: &str) -> String {
    let prefixes = [("indicators.", "i_"), ("narrative.", "n_"), ("assessment.", "c_")];
    prefixes
        .iter()
        .find_map(|(p, id)| path.strip_prefix(p).map(|code| format!("{id}{code}")))
        .unwrap_or_else(|| FORM_ID.to_string())
}

struct FormState {
    values: Option<ReportInput>,
    errors: Vec<coso_domain::PathError>,
    general: Vec<String>,
}

async fn report_form(
    state: &AppState,
    user: &CurrentUser,
    occurrence_id: i64,
    unit: UnitRow,
    f: FormState,
) -> Result<ReportFormPage, AppError> {
    let calendar = crate::calendar::current(state).await?;
    let form = reports::report_form(&state.app, &user.actor(), &calendar, OccurrenceId(occurrence_id), unit).await?;
    let occ = &form.occurrence;
    let (template_name, indicators, sections, criteria, bands) = match &form.template {
        Some(template) => {
            let last = form.last.as_ref().map(input_from_content);
            let values = f.values.or(last).unwrap_or_else(|| prefilled(&form.case_counts));
            let errs: BTreeMap<String, String> =
                f.errors.iter().map(|e| (e.field.clone(), e.message.clone())).collect();
            let (i, s, c) = report_fields(template, &values, &errs);
            let bands = template
                .rank_bands
                .iter()
                .map(|b| format!("{} từ {} điểm", b.rank, coso_export::format_vn_number(b.min_score, 0)))
                .collect::<Vec<_>>()
                .join("; ");
            (template.name.clone(), i, s, c, bands)
        }
        None => (String::new(), vec![], vec![], vec![], String::new()),
    };
    let mut errors: Vec<ErrorLink> = f.general.into_iter().map(|m| ErrorLink::new(FORM_ID, m)).collect();
    errors.extend(f.errors.iter().map(|e| ErrorLink::new(field_id(&e.field), e.message.clone())));
    Ok(ReportFormPage {
        nav: Nav::of(Some(user)),
        action: format!("/quan-tri/hop-thu/{occurrence_id}?don-vi={}", form.unit.code),
        plan_label: inbox::plan_label(occ.plan_number.as_deref(), &occ.plan_title),
        obligation: inbox::what(occ.kind, occ.period_key),
        due_text: due_text(occ.due_date),
        days_text: form.days_text.clone(),
        explanation: form.explanation.clone(),
        overdue: form.overdue,
        is_report: form.template.is_some(),
        prefilled_from_cases: !form.case_counts.is_empty() && form.last.is_none(),
        template_name,
        indicators,
        sections,
        criteria,
        bands,
        errors,
        returned_comment: form.returned_comment.clone(),
        status: form.status().map(|s| s.label().to_string()),
        can_submit: form.can_submit,
        implementing_plans: form.implementing_plans.clone(),
        unit: form.unit,
    })
}

pub async fn report_page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(occurrence_id): Path<i64>,
    Query(q): Query<UnitQuery>,
) -> PageResult<ReportFormPage> {
    let unit = units::by_code(&state.app, &q.unit).await?;
    Ok(report_form(&state, &user, occurrence_id, unit, FormState { values: None, errors: vec![], general: vec![] })
        .await?)
}

pub async fn report_submit(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(occurrence_id): Path<i64>,
    Query(q): Query<UnitQuery>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult<Response> {
    let csrf = fields.iter().find(|(k, _)| k == "csrf").map_or("", |(_, v)| v.as_str());
    user.check_csrf(csrf)?;
    let unit = units::by_code(&state.app, &q.unit).await?;
    // A missing or unreadable choice names no plan: the use case says it was not found.
    let plan_id =
        fields.iter().find(|(k, _)| k == "implementing_plan_id").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
    let input = report_input_from_form(&fields);
    let sent = Sent { report: input.clone(), implementing_plan_id: Some(plan_id) };
    let result = reports::send(&state.app, &user.actor(), &unit, OccurrenceId(occurrence_id), &sent).await;
    match result.map_err(AppError::from) {
        Ok(_) => Ok(redirect_with_notice(
            &format!("/quan-tri/hop-thu?don-vi={}", unit.code),
            "Đã gửi. Đơn vị nhận sẽ xem xét; kết quả hiện trong Hộp việc.",
        )),
        Err(AppError::Fields(errors)) => {
            let page = report_form(
                &state,
                &user,
                occurrence_id,
                unit,
                FormState { values: Some(input), errors, general: vec![] },
            )
            .await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(AppError::Conflict { message, .. }) => {
            let page = report_form(
                &state,
                &user,
                occurrence_id,
                unit,
                FormState { values: Some(input), errors: vec![], general: vec![message] },
            )
            .await?;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

async fn submission_page(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
    error: Option<String>,
) -> Result<SubmissionPage, AppError> {
    let v = reports::submission_view(&state.app, &user.actor(), SubmissionId(id)).await?;
    let d = &v.detail;
    let fmt = |v: f64| coso_export::format_vn_number(v, if v.fract() == 0.0 { 0 } else { 2 });
    let (mut indicators, mut narrative, mut assessment) = (vec![], vec![], vec![]);
    if let (Some(t), Some(c)) = (&v.template, &v.content) {
        for i in &t.indicators {
            if let Some(v) = c.indicators.get(&i.code) {
                indicators.push((i.label.clone(), format!("{} {}", fmt(*v), i.unit_of_measure)));
            }
        }
        for s in &t.sections {
            if let Some(text) = c.narrative.get(&s.code).filter(|t| !t.is_empty()) {
                narrative.push((s.title.clone(), text.clone()));
            }
        }
        for cr in &t.criteria {
            if let Some(a) = c.assessment.iter().find(|a| a.code == cr.code) {
                assessment.push((
                    cr.label.clone(),
                    format!("{}/{}", fmt(a.points), fmt(cr.max_points)),
                    a.evidence.clone(),
                ));
            }
        }
    }
    let occ = &d.occurrence;
    Ok(SubmissionPage {
        nav: Nav::of(Some(user)),
        submission_id: id,
        unit_name: d.unit.name.clone(),
        plan_id: occ.plan_id.0,
        plan_label: inbox::plan_label(occ.plan_number.as_deref(), &occ.plan_title),
        obligation: inbox::what(occ.kind, occ.period_key),
        status: d.status().map_or("Không rõ", SubmissionStatus::label).to_string(),
        timing: v.timing.label(),
        score: d.row.score.map_or("–".into(), fmt),
        rank: d.row.rank.clone().unwrap_or_else(|| "–".into()),
        indicators,
        narrative,
        assessment,
        versions: d
            .versions
            .iter()
            .map(|v| VersionLine {
                version: v.version,
                submitted: vietnam_time_text(v.submitted_at),
                by: v.submitted_by.clone(),
                score: v.score.map_or("–".into(), fmt),
                rank: v.rank.clone().unwrap_or_default(),
                review: SubmissionStatus::review_label(v.review, v.review_comment.as_deref()),
            })
            .collect(),
        can_review: v.can_review,
        error,
    })
}

pub async fn submission(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> PageResult<SubmissionPage> {
    Ok(submission_page(&state, &user, id, None).await?)
}

#[derive(Deserialize)]
pub struct ReviewForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub decision: String,
    #[serde(default)]
    pub comment: String,
}

pub async fn review(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<ReviewForm>,
) -> PageResult<Response> {
    user.check_csrf(&f.csrf)?;
    let verdict = Verdict::from_accept(f.decision == "accept");
    match reports::review(&state.app, &user.actor(), SubmissionId(id), verdict, &f.comment)
        .await
        .map_err(AppError::from)
    {
        Ok(_) => Ok(redirect_with_notice(&format!("/quan-tri/bao-cao/{id}"), verdict.notice())),
        Err(AppError::Fields(errs)) => {
            let msg = errs.into_iter().map(|e| e.message).collect::<Vec<_>>().join(" ");
            Ok((StatusCode::UNPROCESSABLE_ENTITY, submission_page(&state, &user, id, Some(msg)).await?).into_response())
        }
        Err(AppError::Conflict { message, .. }) => {
            Ok((StatusCode::CONFLICT, submission_page(&state, &user, id, Some(message)).await?).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}
