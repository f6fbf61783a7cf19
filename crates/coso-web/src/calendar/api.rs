//! The legal calendar under `/api/v1/calendar`: the same operations as `coso calendar`.

use axum::extract::State;
use axum::http::StatusCode;
use chrono::NaiveDate;
use coso_calendar::{Announcement, Circumstances, Complexity, LunarDate, RuleBook};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::wire::{AnnouncementBody, DeadlineOut, HolidayYearBody, LegalRuleBody, LunarDateBody};
use crate::auth::CurrentUser;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::extract::{Json, JsonText, Path, Query};
use crate::state::AppState;

fn bad_request(e: coso_calendar::CalendarError) -> AppError {
    AppError::BadRequest(e.to_string())
}

/// A date typed `dd/mm/yyyy`, `d/m/yyyy` or `yyyy-mm-dd`; the error names the field by `label`.
fn parse_date(field: &'static str, label: &str, raw: &str) -> Result<NaiveDate, AppError> {
    coso_domain::field::date(field, label, raw).map_err(|e| AppError::BadRequest(e.message))
}

#[derive(Deserialize, IntoParams)]
pub struct DateQuery {
    /// `dd/mm/yyyy` or `YYYY-MM-DD`
    pub date: String,
}

#[derive(Serialize, ToSchema)]
pub struct LunarOut {
    pub solar: String,
    pub lunar: LunarDateBody,
    pub year_name: String,
    /// e.g. "mùng 1 tháng Giêng năm Giáp Thìn (2024)"
    pub text: String,
}

/// Solar → lunar.
#[utoipa::path(get, path = "/api/v1/calendar/lunar", tag = "calendar", params(DateQuery),
    responses((status = 200, body = LunarOut), (status = 400, body = ErrorBody)))]
pub async fn lunar(Query(q): Query<DateQuery>) -> ApiResult<Json<LunarOut>> {
    let d = parse_date("date", "Ngày", &q.date)?;
    let l = coso_calendar::solar_to_lunar(d).map_err(bad_request)?;
    Ok(Json(LunarOut {
        solar: d.to_string(),
        year_name: coso_calendar::year_name(l.year),
        text: l.to_vietnamese_text(),
        lunar: l.into(),
    }))
}

#[derive(Deserialize, IntoParams)]
pub struct LunarQuery {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    #[serde(default)]
    pub leap: bool,
}

#[derive(Serialize, ToSchema)]
pub struct SolarOut {
    pub solar: String,
    pub lunar: LunarDateBody,
}

/// Lunar → solar. An impossible lunar date is a 400 error.
#[utoipa::path(get, path = "/api/v1/calendar/solar", tag = "calendar", params(LunarQuery),
    responses((status = 200, body = SolarOut), (status = 400, body = ErrorBody)))]
pub async fn solar(Query(q): Query<LunarQuery>) -> ApiResult<Json<SolarOut>> {
    let l = LunarDate::new(q.year, q.month, q.day, q.leap);
    let d = coso_calendar::lunar_to_solar(l).map_err(bad_request)?;
    Ok(Json(SolarOut { solar: d.to_string(), lunar: l.into() }))
}

/// Days off, working Saturdays and whether the year's announcement is known.
#[utoipa::path(get, path = "/api/v1/calendar/holidays/{year}", tag = "calendar", params(("year" = i32, Path)),
    responses((status = 200, body = HolidayYearBody), (status = 400, body = ErrorBody)))]
pub async fn holidays(State(state): State<AppState>, Path(year): Path<i32>) -> ApiResult<Json<HolidayYearBody>> {
    let cal = crate::calendar::current(&state).await?;
    Ok(Json(cal.year(year).map_err(bad_request)?.clone().into()))
}

#[derive(Deserialize, IntoParams)]
pub struct WorkingDaysQuery {
    pub from: String,
    pub n: u32,
}

#[derive(Serialize, ToSchema)]
pub struct DateOut {
    pub date: String,
}

/// N working days after a date (the start date is not counted).
#[utoipa::path(get, path = "/api/v1/calendar/working-days", tag = "calendar", params(WorkingDaysQuery),
    responses((status = 200, body = DateOut), (status = 400, body = ErrorBody)))]
pub async fn working_days(
    State(state): State<AppState>,
    Query(q): Query<WorkingDaysQuery>,
) -> ApiResult<Json<DateOut>> {
    let cal = crate::calendar::current(&state).await?;
    let d = cal.add_working_days(parse_date("from", "Ngày bắt đầu tính", &q.from)?, q.n).map_err(bad_request)?;
    Ok(Json(DateOut { date: d.to_string() }))
}

#[derive(Deserialize, IntoParams, Default)]
pub struct DeadlineQuery {
    /// The rule's id (see `/api/v1/calendar/rules`). Empty on the page until the form is sent.
    #[serde(default)]
    pub rule: String,
    /// `dd/mm/yyyy` or `YYYY-MM-DD`
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub complex: bool,
    #[serde(default)]
    pub especially_complex: bool,
    #[serde(default)]
    pub remote: bool,
}

impl DeadlineQuery {
    pub fn circumstances(&self) -> Circumstances {
        let complexity = if self.especially_complex {
            Complexity::EspeciallyComplex
        } else if self.complex {
            Complexity::Complex
        } else {
            Complexity::Normal
        };
        Circumstances { complexity, remote: self.remote }
    }
}

/// Computes a legal deadline, with its explanation.
pub async fn compute_deadline(state: &AppState, q: &DeadlineQuery) -> Result<coso_calendar::Deadline, AppError> {
    let cal = crate::calendar::current(state).await?;
    let from = parse_date("from", "Ngày bắt đầu tính", &q.from)?;
    coso_calendar::compute_deadline(RuleBook::builtin(), &cal, q.rule.trim(), from, q.circumstances())
        .map_err(bad_request)
}

/// A legal deadline with its explanation (start, rule and article, count, days skipped).
#[utoipa::path(get, path = "/api/v1/calendar/deadline", tag = "calendar", params(DeadlineQuery),
    responses((status = 200, body = DeadlineOut), (status = 400, body = ErrorBody)))]
pub async fn deadline(State(state): State<AppState>, Query(q): Query<DeadlineQuery>) -> ApiResult<Json<DeadlineOut>> {
    let d = compute_deadline(&state, &q).await?;
    let text = d.explanation.to_vietnamese_text_for_people();
    Ok(Json(DeadlineOut::new(d, text)))
}

/// Every deadline rule with its description, citation and validity.
#[utoipa::path(get, path = "/api/v1/calendar/rules", tag = "calendar", responses((status = 200, body = Vec<LegalRuleBody>)))]
pub async fn rules() -> Json<Vec<LegalRuleBody>> {
    Json(RuleBook::builtin().rules().iter().cloned().map(LegalRuleBody::from).collect())
}

/// Adds or replaces a year's announcement of days off (administrators).
#[utoipa::path(post, path = "/api/v1/calendar/announcements", tag = "calendar", request_body = AnnouncementBody,
    responses((status = 201), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn save_announcement(
    State(state): State<AppState>,
    user: CurrentUser,
    JsonText(body): JsonText,
) -> ApiResult<StatusCode> {
    // Read here rather than by `Announcement::from_json`, so that a wrong field is named in
    // Vietnamese, not in the JSON reader's English.
    let a: AnnouncementBody = crate::extract::parse_json(body.as_bytes()).map_err(|e| match e {
        AppError::Fields(f) => AppError::BadRequest(f.into_iter().map(|f| f.message).collect::<Vec<_>>().join(" ")),
        other => other,
    })?;
    coso_app::calendar::save_announcement(&state.app, &user.actor(), Announcement::from(a)).await?;
    state.calendar.invalidate();
    Ok(StatusCode::CREATED)
}
