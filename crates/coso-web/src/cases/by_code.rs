//! `GET /api/v1/cases/code/{code}`: a case by its tracking code, for those who handle it.

use axum::extract::State;
use coso_app::cases;

use super::wire::CaseBody;
use crate::auth::CurrentUser;
use crate::error::{ApiResult, ErrorBody};
use crate::extract::{Json, Path};
use crate::state::AppState;

/// A case by its tracking code (`XXXX-XXXX-XXXX-XXXX`, case and dashes not needed), as
/// `GET /api/v1/cases/{id}` gives it.
#[utoipa::path(get, path = "/api/v1/cases/code/{code}", tag = "cases", params(("code" = String, Path)),
    responses((status = 200, body = CaseBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> ApiResult<Json<CaseBody>> {
    let calendar = crate::calendar::current(&state).await?;
    Ok(Json(cases::get_by_code(&state.app, &user.actor(), &calendar, &code).await?.into()))
}
