//! `/api/v1/cases/stats`: the statistics of a unit's subtree for a period, as JSON.

use axum::extract::State;
use coso_app::{cases, units};
use coso_domain::authz::Action;
use serde::Deserialize;
use utoipa::IntoParams;

use super::period::period;
use super::wire::CaseStatsBody;
use crate::auth::CurrentUser;
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::extract::{Json, Query};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
pub struct StatsQuery {
    /// The code of the unit; its whole subtree is counted, one line per child.
    pub unit: String,
    /// First day of receipt (yyyy-mm-dd or dd/mm/yyyy); default: the first of January.
    #[serde(default)]
    pub from: String,
    /// Last day of receipt; default: today.
    #[serde(default)]
    pub to: String,
}

/// Per kind (complaints and denunciations apart): received, accepted, resolved on time and
/// late, open and overdue; one line per child of the unit and the total; satisfaction; the
/// categories and places with most cases.
#[utoipa::path(get, path = "/api/v1/cases/stats", tag = "cases", params(StatsQuery),
    responses((status = 200, body = CaseStatsBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn stats(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<StatsQuery>,
) -> ApiResult<Json<CaseStatsBody>> {
    let unit = units::by_code(&state.app, &q.unit).await?;
    // Who may is decided before what is wrong with the period.
    user.authorize(&unit.unit_path(), Action::HandleCases)?;
    let (from, to) = period(&q.from, &q.to, state.app.today(), ("from", "to"))
        .map_err(|errors| AppError::from(coso_app::Error::Validation(errors)))?;
    Ok(Json(cases::stats(&state.app, &user.actor(), &unit, from, to).await?.into()))
}
