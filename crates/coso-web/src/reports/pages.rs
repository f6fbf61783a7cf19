//! The report pages: a unit's inbox, the report form, a sent report and its review.
//! All work without JavaScript.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coso_domain::authz::Action;
use coso_domain::report::{ReportContent, ReportInput, ScoreInput, Template};
use coso_reporting::{inbox, submit, templates};
use coso_store::UnitRow;
use serde::Deserialize;

use super::api::readable_submission;
use super::views::*;
use crate::actions;
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Path, Query};
use crate::reporting::access;
use crate::state::AppState;
use crate::views::{Nav, vn_date};

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

/// What a unit's inbox shows, read in one go and kept for a few seconds: officials reload
/// it often, and it is the same for every official of the unit.
pub struct InboxData {
    unit: UnitRow,
    entries: Vec<inbox::InboxEntry>,
    received: Vec<coso_store::ReceivedItem>,
    notifications: Vec<coso_store::NotificationRow>,
}

/// Notifications an inbox shows.
const NOTIFICATIONS_SHOWN: usize = 20;

/// The inbox of the unit `code`, if the user may read it.
async fn inbox_data(state: &AppState, user: &CurrentUser, code: &str) -> Result<Arc<InboxData>, AppError> {
    let today = state.clock.today();
    let data = state
        .inboxes
        .get_or_try_load(&format!("{code}@{today}"), || async {
            let unit = actions::unit_or_not_found(state, code).await?;
            // Nothing is read for someone who may not see it.
            user.authorize(&unit.unit_path(), Action::ReadPlans)?;
            let calendar = crate::calendar::current(state).await?;
            let (entries, received, mut notifications) = tokio::try_join!(
                async { Ok::<_, AppError>(inbox::inbox(state.store(), &calendar, unit.id, today).await?) },
                async { Ok(state.store().received(unit.id).await?) },
                async { Ok(state.store().notifications_of_unit(coso_domain::UnitId(unit.id)).await?) },
            )?;
            notifications.truncate(NOTIFICATIONS_SHOWN);
            Ok::<_, AppError>(Arc::new(InboxData { unit, entries, received, notifications }))
        })
        .await?;
    user.authorize(&data.unit.unit_path(), Action::ReadPlans)?;
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
    let local = chrono::FixedOffset::east_opt(7 * 3600).expect("UTC+7");
    let received = if user.authorize(&unit.unit_path(), Action::ReviewReports).is_ok() {
        data.received
            .iter()
            .map(|r| ReceivedLine {
                submission_id: r.submission_id,
                unit_name: r.unit_name.clone(),
                obligation: inbox::what(&r.kind, &r.period_key),
                submitted: r.submitted_at.with_timezone(&local).format("%H:%M %d/%m/%Y").to_string(),
                status: "Chờ xem xét".to_string(),
            })
            .collect()
    } else {
        vec![]
    };
    let notifications = data
        .notifications
        .iter()
        .map(|n| {
            (n.title.clone(), n.body.clone(), n.created_at.with_timezone(&local).format("%H:%M %d/%m/%Y").to_string())
        })
        .collect();
    let units = access::unit_choices(&user, &unit.code);
    Ok(InboxPage {
        nav: Nav::of(Some(&user)),
        unit: unit.clone(),
        units,
        due,
        done,
        hidden,
        received,
        notifications,
        notice: None,
    })
}

pub fn status_label(s: &str) -> &'static str {
    match s {
        "submitted" => "Chờ xem xét",
        "accepted" => "Đã chấp nhận",
        "returned" => "Đã trả lại",
        _ => "Không rõ",
    }
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
    let occ = access::sendable(state, user, occurrence_id, &unit).await?;
    let existing = state.store().submission_for(occurrence_id, unit.id).await?;
    let calendar = crate::calendar::current(state).await?;
    let today = state.clock.today();
    let (days_text, explanation, overdue) = match occ.due_date {
        Some(d) => {
            let (n, words, text) = inbox::days_left(&calendar, today, d);
            (words, text, n.is_some_and(|n| n < 0) && existing.is_none())
        }
        None => ("Không ghi hạn".to_string(), String::new(), false),
    };
    let mut returned_comment = None;
    let mut last: Option<ReportInput> = None;
    if let Some(s) = &existing {
        let versions = state.store().submission_versions(s.id).await?;
        if let Some(v) = versions.last() {
            if s.status == "returned" {
                returned_comment = v.review_comment.clone();
            }
            last = serde_json::from_value::<ReportContent>(v.content.clone()).ok().map(|c| input_from_content(&c));
        }
    }
    let can_submit = existing.as_ref().is_none_or(|s| s.status == "returned");
    let is_report = occ.kind == "report";
    let (template_name, indicators, sections, criteria, bands) = if is_report {
        let template = templates::load(state.store(), occ.template_id.ok_or(AppError::NotFound)?).await?;
        let values = f.values.or(last).unwrap_or_default();
        let errs: BTreeMap<String, String> = f.errors.iter().map(|e| (e.field.clone(), e.message.clone())).collect();
        let (i, s, c) = report_fields(&template, &values, &errs);
        let bands = template
            .rank_bands
            .iter()
            .map(|b| format!("{} từ {} điểm", b.rank, coso_export::format_vn_number(b.min_score, 0)))
            .collect::<Vec<_>>()
            .join("; ");
        (template.name.clone(), i, s, c, bands)
    } else {
        (String::new(), vec![], vec![], vec![], String::new())
    };
    let implementing_plans = if is_report {
        vec![]
    } else {
        state
            .store()
            .plans_of_unit(unit.id, None)
            .await?
            .into_iter()
            .map(|p| (p.id, inbox::plan_label(p.number.as_deref(), &p.title)))
            .collect()
    };
    let mut errors = f.general;
    errors.extend(f.errors.iter().map(|e| e.message.clone()));
    Ok(ReportFormPage {
        nav: Nav::of(Some(user)),
        action: format!("/quan-tri/hop-thu/{occurrence_id}?don-vi={}", unit.code),
        plan_label: inbox::plan_label(occ.plan_number.as_deref(), &occ.plan_title),
        obligation: inbox::what(&occ.kind, &occ.period_key),
        due_text: due_text(occ.due_date),
        days_text,
        explanation,
        overdue,
        is_report,
        template_name,
        indicators,
        sections,
        criteria,
        bands,
        errors,
        returned_comment,
        status: existing.as_ref().map(|s| status_label(&s.status).to_string()),
        can_submit,
        implementing_plans,
        unit,
    })
}

pub async fn report_page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(occurrence_id): Path<i64>,
    Query(q): Query<UnitQuery>,
) -> PageResult<ReportFormPage> {
    let unit = actions::unit_or_not_found(&state, &q.unit).await?;
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
    let unit = actions::unit_or_not_found(&state, &q.unit).await?;
    let occ = access::sendable(&state, &user, occurrence_id, &unit).await?;
    let actor = user.actor();
    let sending = submit::Sending {
        occurrence: &occ,
        unit: &unit,
        actor: &actor,
        now: state.clock.now(),
        today: state.clock.today(),
    };
    let input = report_input_from_form(&fields);
    let result = if occ.kind == "report" {
        let template =
            templates::load(state.store(), occ.template_id.ok_or(AppError::NotFound)?).await.map_err(AppError::from)?;
        submit::submit_report(state.store(), &template, sending, &input).await
    } else {
        let plan_id =
            fields.iter().find(|(k, _)| k == "implementing_plan_id").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
        submit::submit_implementing_plan(state.store(), sending, plan_id).await
    };
    match result.map_err(AppError::from) {
        Ok(_) => Ok(Redirect::to(&format!("/quan-tri/hop-thu?don-vi={}", unit.code)).into_response()),
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
    notice: Option<String>,
) -> Result<SubmissionPage, AppError> {
    let (row, unit, occ) = readable_submission(state, user, id).await?;
    let receiver = access::unit_by_id(state, occ.receiver_unit_id).await?;
    let versions = state.store().submission_versions(id).await?;
    let template = match occ.template_id {
        Some(t) => Some(templates::load(state.store(), t).await?),
        None => None,
    };
    let content: Option<ReportContent> = versions.last().and_then(|v| serde_json::from_value(v.content.clone()).ok());
    let fmt = |v: f64| coso_export::format_vn_number(v, if v.fract() == 0.0 { 0 } else { 2 });
    let (mut indicators, mut narrative, mut assessment) = (vec![], vec![], vec![]);
    if let (Some(t), Some(c)) = (&template, &content) {
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
    let calendar_today = state.clock.today();
    let timing = coso_domain::plan::classify(occ.due_date, Some(row.first_submitted_on), calendar_today).label();
    let local = |t: chrono::DateTime<chrono::Utc>| {
        t.with_timezone(&chrono::FixedOffset::east_opt(7 * 3600).expect("UTC+7")).format("%H:%M %d/%m/%Y").to_string()
    };
    Ok(SubmissionPage {
        nav: Nav::of(Some(user)),
        submission_id: id,
        unit_name: unit.name,
        plan_id: occ.plan_id,
        plan_label: inbox::plan_label(occ.plan_number.as_deref(), &occ.plan_title),
        obligation: inbox::what(&occ.kind, &occ.period_key),
        status: status_label(&row.status).to_string(),
        timing,
        score: row.score.map_or("–".into(), fmt),
        rank: row.rank.clone().unwrap_or_else(|| "–".into()),
        indicators,
        narrative,
        assessment,
        versions: versions
            .iter()
            .map(|v| VersionLine {
                version: v.version,
                submitted: local(v.submitted_at),
                by: v.submitted_by.clone(),
                score: v.score.map_or("–".into(), fmt),
                rank: v.rank.clone().unwrap_or_default(),
                review: match (v.review.as_deref(), &v.review_comment) {
                    (Some("accepted"), _) => "Đã chấp nhận".to_string(),
                    (Some("returned"), Some(c)) => format!("Trả lại: {c}"),
                    (Some("returned"), None) => "Trả lại".to_string(),
                    _ => "Chờ xem xét".to_string(),
                },
            })
            .collect(),
        can_review: row.status == "submitted" && user.authorize(&receiver.unit_path(), Action::ReviewReports).is_ok(),
        error,
        notice,
    })
}

pub async fn submission(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> PageResult<SubmissionPage> {
    Ok(submission_page(&state, &user, id, None, None).await?)
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
    access::reviewable(&state, &user, id).await?;
    let accept = f.decision == "accept";
    match submit::review(state.store(), id, accept, &f.comment, state.clock.now(), &user.actor())
        .await
        .map_err(AppError::from)
    {
        Ok(_) => {
            let notice = if accept {
                "Đã chấp nhận báo cáo."
            } else {
                "Đã trả lại báo cáo để đơn vị chỉnh sửa."
            };
            Ok(submission_page(&state, &user, id, None, Some(notice.into())).await?.into_response())
        }
        Err(AppError::Fields(errs)) => {
            let msg = errs.into_iter().map(|e| e.message).collect::<Vec<_>>().join(" ");
            Ok((StatusCode::UNPROCESSABLE_ENTITY, submission_page(&state, &user, id, Some(msg), None).await?)
                .into_response())
        }
        Err(AppError::Conflict { message, .. }) => {
            Ok((StatusCode::CONFLICT, submission_page(&state, &user, id, Some(message), None).await?).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}
