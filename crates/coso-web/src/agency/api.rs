//! `/api/v1/units/{code}/staff-conferences`, `/api/v1/staff-conferences/{id}` (with the minutes
//! as DOCX) and `/api/v1/units/{code}/internal-rules…`. An agency's disclosures to its staff are
//! `/api/v1/units/{code}/disclosures`, read by its staff and officials only.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use coso_app::agency;
use coso_domain::agency::{InternalRuleInput, ResolutionInput, StaffConferenceInput};

use super::wire::{Rule, RuleCreate, RuleList, StaffConference, StaffConferenceCreate, StaffConferenceList};
use crate::auth::CurrentUser;
use crate::error::{ApiResult, ErrorBody};
use crate::extract::{Json, Path};
use crate::plans::api::{DOCX, download};
use crate::state::AppState;

fn conference_input(b: StaffConferenceCreate) -> StaffConferenceInput {
    let mut resolutions: Vec<ResolutionInput> =
        b.resolutions.into_iter().map(|r| ResolutionInput { title: r.title, yes: r.yes.to_string() }).collect();
    if resolutions.is_empty()
        && let Some(yes) = b.yes
    {
        let title = b.title.unwrap_or_else(|| "Nghị quyết hội nghị".into());
        resolutions.push(ResolutionInput { title, yes: yes.to_string() });
    }
    StaffConferenceInput {
        work_year: b.work_year.to_string(),
        held_on: b.held_on,
        staff: b.staff.to_string(),
        present: b.present.to_string(),
        resolutions,
        minutes: b.minutes,
    }
}

/// Records the agency's staff conference (its officials). More present than staff, or more yes
/// than present, is refused naming the field (422) and nothing is saved.
#[utoipa::path(post, path = "/api/v1/units/{code}/staff-conferences", tag = "agencies", params(("code" = String, Path)), request_body = StaffConferenceCreate,
    responses((status = 201, body = StaffConference), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn record(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Json(b): Json<StaffConferenceCreate>,
) -> ApiResult<(StatusCode, Json<StaffConference>)> {
    let calendar = crate::calendar::current(&state).await?;
    let v = agency::conference::record(&state.app, &user.actor(), &calendar, &code, &conference_input(b)).await?;
    Ok((StatusCode::CREATED, Json((&v).into())))
}

/// The agency's staff conferences, the latest work year first (its officials and staff).
#[utoipa::path(get, path = "/api/v1/units/{code}/staff-conferences", tag = "agencies", params(("code" = String, Path)),
    responses((status = 200, body = StaffConferenceList), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> ApiResult<Json<StaffConferenceList>> {
    let calendar = crate::calendar::current(&state).await?;
    let (_, list) = agency::conference::list(&state.app, &user.actor(), &calendar, &code).await?;
    Ok(Json(StaffConferenceList { items: list.iter().map(Into::into).collect() }))
}

/// A staff conference with its deadline and outcome.
#[utoipa::path(get, path = "/api/v1/staff-conferences/{id}", tag = "agencies", params(("id" = i64, Path)),
    responses((status = 200, body = StaffConference), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<StaffConference>> {
    let calendar = crate::calendar::current(&state).await?;
    let v = agency::conference::get(&state.app, &user.actor(), &calendar, id).await?;
    Ok(Json((&v).into()))
}

/// The minutes of a staff conference, DOCX in the Decree 30 layout.
#[utoipa::path(get, path = "/api/v1/staff-conferences/{id}/minutes.docx", tag = "agencies", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body = Vec<u8>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn minutes_docx(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> ApiResult<Response> {
    let calendar = crate::calendar::current(&state).await?;
    let v = agency::conference::get(&state.app, &user.actor(), &calendar, id).await?;
    let doc = agency::minutes::document(&v);
    Ok(download(coso_app::plans::summary::docx(&doc)?, DOCX, &format!("bien-ban-hoi-nghi-can-bo-{id}.docx")))
}

fn rule_input(b: RuleCreate) -> InternalRuleInput {
    InternalRuleInput { kind: b.kind, title: b.title, number: b.number, issued_on: b.issued_on, summary: b.summary }
}

/// The agency's internal rules with their versions (its officials and staff).
#[utoipa::path(get, path = "/api/v1/units/{code}/internal-rules", tag = "agencies", params(("code" = String, Path)),
    responses((status = 200, body = RuleList), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn rules(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> ApiResult<Json<RuleList>> {
    let (_, list) = agency::rules::list(&state.app, &user.actor(), &code).await?;
    Ok(Json(RuleList { items: list.iter().map(Into::into).collect() }))
}

/// Registers an internal rule with its first version (the agency's officials).
#[utoipa::path(post, path = "/api/v1/units/{code}/internal-rules", tag = "agencies", params(("code" = String, Path)), request_body = RuleCreate,
    responses((status = 201, body = Rule), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn register_rule(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Json(b): Json<RuleCreate>,
) -> ApiResult<(StatusCode, Json<Rule>)> {
    let v = agency::rules::register(&state.app, &user.actor(), &code, &rule_input(b)).await?;
    Ok((StatusCode::CREATED, Json((&v).into())))
}

/// Adds the next version of an internal rule; the earlier versions stay in the register.
#[utoipa::path(post, path = "/api/v1/units/{code}/internal-rules/{id}/versions", tag = "agencies", params(("code" = String, Path), ("id" = i64, Path)), request_body = RuleCreate,
    responses((status = 201, body = Rule), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_version(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Json(b): Json<RuleCreate>,
) -> ApiResult<(StatusCode, Json<Rule>)> {
    let v = agency::rules::add_version(&state.app, &user.actor(), &code, id, &rule_input(b)).await?;
    Ok((StatusCode::CREATED, Json((&v).into())))
}
