//! `/api/v1/units/{code}/reception/…`: the published schedule, the log (the unit's officials;
//! reading visits is audited) and the compliance result.

use axum::extract::State;
use axum::http::StatusCode;
use chrono::{Days, NaiveDate};
use coso_app::reception::{compliance, log, schedule};
use coso_app::units;
use coso_domain::reception::{SessionInput, VisitInput};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::pages::period_of;
use super::wire::{ComplianceResult, Schedule, SessionList, VisitList};
use crate::auth::CurrentUser;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::extract::{Json, Path, Query};
use crate::state::AppState;
use crate::wire::Created;

/// The published schedule of a unit and its sessions of the next four weeks (a session on a
/// day off is listed as not held). No personal data; no sign-in needed.
#[utoipa::path(get, path = "/api/v1/units/{code}/reception/schedule", tag = "reception", params(("code" = String, Path)),
    responses((status = 200, body = Schedule), (status = 404, body = ErrorBody)))]
pub async fn schedule(State(state): State<AppState>, Path(code): Path<String>) -> ApiResult<Json<Schedule>> {
    let unit = units::by_code(&state.app, &code).await?;
    let calendar = crate::calendar::current(&state).await?;
    let s = schedule::public(&state.app, &unit, &calendar).await?;
    Ok(Json(Schedule {
        regular: s.regular.iter().map(Into::into).collect(),
        upcoming: s.upcoming.iter().map(Into::into).collect(),
    }))
}

#[derive(Deserialize, IntoParams)]
pub struct SessionQuery {
    /// First day, `yyyy-mm-dd` or `dd/mm/yyyy`; default a year before `to`.
    pub from: Option<String>,
    /// Last day; default today.
    pub to: Option<String>,
}

fn day(field: &'static str, label: &str, raw: Option<&str>) -> Result<Option<NaiveDate>, AppError> {
    raw.map(|r| coso_domain::field::date(field, label, r)).transpose().map_err(|e| AppError::Validation(vec![e]))
}

/// The sessions of a unit's reception log, the latest first (officials of the unit).
#[utoipa::path(get, path = "/api/v1/units/{code}/reception/sessions", tag = "reception", params(("code" = String, Path), SessionQuery),
    responses((status = 200, body = SessionList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn sessions(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Query(q): Query<SessionQuery>,
) -> ApiResult<Json<SessionList>> {
    let unit = units::by_code(&state.app, &code).await?;
    let to = day("to", "Đến ngày", q.to.as_deref())?.unwrap_or(state.app.today());
    let from = day("from", "Từ ngày", q.from.as_deref())?.unwrap_or(to.checked_sub_days(Days::new(366)).unwrap_or(to));
    let rows = log::sessions(&state.app, &user.actor(), &unit, from, to).await?;
    Ok(Json(SessionList { items: rows.into_iter().map(Into::into).collect() }))
}

/// A session to record; codes as in the answers.
#[derive(Deserialize, ToSchema)]
pub struct SessionCreate {
    /// `yyyy-mm-dd` or `dd/mm/yyyy`; not after today.
    pub held_on: String,
    pub receiver: String,
    pub receiver_name: String,
    pub place: String,
    pub kind: String,
}

/// Records a session of the unit's reception log.
#[utoipa::path(post, path = "/api/v1/units/{code}/reception/sessions", tag = "reception", params(("code" = String, Path)), request_body = SessionCreate,
    responses((status = 201, body = Created), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_session(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Json(b): Json<SessionCreate>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let unit = units::by_code(&state.app, &code).await?;
    let input = SessionInput {
        held_on: b.held_on,
        receiver: b.receiver,
        receiver_name: b.receiver_name,
        place: b.place,
        kind: b.kind,
    };
    let id = log::record_session(&state.app, &user.actor(), &unit, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// The visits of a session, with the visitors' personal data (officials of the unit; every
/// read is audited).
#[utoipa::path(get, path = "/api/v1/units/{code}/reception/sessions/{id}/visits", tag = "reception",
    params(("code" = String, Path), ("id" = i64, Path)),
    responses((status = 200, body = VisitList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn visits(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
) -> ApiResult<Json<VisitList>> {
    let unit = units::by_code(&state.app, &code).await?;
    let (session, visits) = log::visits(&state.app, &user.actor(), &unit, id).await?;
    Ok(Json(VisitList { session: session.into(), items: visits.into_iter().map(Into::into).collect() }))
}

/// A visit to record; codes as in the answers.
#[derive(Deserialize, ToSchema)]
pub struct VisitCreate {
    pub visitor_names: String,
    pub people_count: i64,
    #[serde(default)]
    pub crowded: bool,
    pub address: String,
    pub content: String,
    pub outcome: String,
    /// Required when `outcome` is `refused`.
    #[serde(default)]
    pub refusal_ground: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Records a visit received at a session.
#[utoipa::path(post, path = "/api/v1/units/{code}/reception/sessions/{id}/visits", tag = "reception",
    params(("code" = String, Path), ("id" = i64, Path)), request_body = VisitCreate,
    responses((status = 201, body = Created), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_visit(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Json(b): Json<VisitCreate>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let unit = units::by_code(&state.app, &code).await?;
    let input = VisitInput {
        visitor_names: b.visitor_names,
        people_count: b.people_count.to_string(),
        crowded: if b.crowded { "on".into() } else { String::new() },
        address: b.address,
        content: b.content,
        outcome: b.outcome,
        refusal_ground: b.refusal_ground.unwrap_or_default(),
        note: b.note.unwrap_or_default(),
    };
    let id = log::record_visit(&state.app, &user.actor(), &unit, id, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

#[derive(Deserialize, IntoParams)]
pub struct CompliancePeriodQuery {
    /// `2026` or `2026-Q1`; default the current quarter.
    pub period: Option<String>,
}

/// Whether the chairman received citizens as the law asks (a commune 1 day every ISO week,
/// TCD-1; a province 1 day every month, TCD-2; a vice-chairman never counts from 2026-07-01,
/// TCD-6), for the unit and the units below it that receive citizens.
#[utoipa::path(get, path = "/api/v1/units/{code}/reception/compliance", tag = "reception",
    params(("code" = String, Path), CompliancePeriodQuery),
    responses((status = 200, body = ComplianceResult), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn compliance(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Query(q): Query<CompliancePeriodQuery>,
) -> ApiResult<Json<ComplianceResult>> {
    let period = period_of(&state, q.period.as_deref().unwrap_or_default())?;
    let calendar = crate::calendar::current(&state).await?;
    let view = compliance::view(&state.app, &user.actor(), &code, period, &calendar).await?;
    Ok(Json((&view).into()))
}
