//! The cases of a session's visits, from the session's page: registering a case from a visit,
//! and linking an existing case by its tracking code.

use axum::extract::State;
use axum::response::Response;
use coso_app::reception::visit_cases::{self, CaseFromVisit};
use coso_app::units;
use serde::Deserialize;

use super::pages::{refused, session_page};
use super::views::base;
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Path};
use crate::forms::FieldErrors;
use crate::page_context::redirect_with_notice;
use crate::state::AppState;

/// The two forms of the session's page that lead a visit to a case, kept when refused.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct VisitCaseForms {
    #[serde(default)]
    pub csrf: String,
    /// Registering: the visit, the kind and the category.
    #[serde(default)]
    pub case_visit: String,
    #[serde(default)]
    pub case_kind: String,
    #[serde(default)]
    pub case_category: String,
    /// Linking: the visit and the tracking code.
    #[serde(default)]
    pub link_visit: String,
    #[serde(default)]
    pub link_code: String,
}

pub async fn register_case(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<VisitCaseForms>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let unit = units::by_code(&state.app, &code).await?;
    let calendar = crate::calendar::current(&state).await?;
    let input = CaseFromVisit {
        visit: form.case_visit.clone(),
        kind: form.case_kind.clone(),
        category: form.case_category.clone(),
    };
    let made = visit_cases::register_from_visit(&state.app, &user.actor(), &calendar, &unit, id, &input).await;
    answer(&state, &user, &code, id, form, made.map_err(AppError::from), "Đã lập vụ việc từ lượt tiếp").await
}

pub async fn link_case(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<VisitCaseForms>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let unit = units::by_code(&state.app, &code).await?;
    let calendar = crate::calendar::current(&state).await?;
    let linked =
        visit_cases::link_by_code(&state.app, &user.actor(), &calendar, &unit, id, &form.link_visit, &form.link_code)
            .await;
    answer(&state, &user, &code, id, form, linked.map_err(AppError::from), "Đã liên kết vụ việc với lượt tiếp").await
}

/// Back to the session with a notice naming the case, or the session's page with the errors.
async fn answer(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    id: i64,
    form: VisitCaseForms,
    done: Result<coso_app::cases::CaseView, AppError>,
    what: &str,
) -> PageResult<Response> {
    match done {
        Ok(view) => {
            Ok(redirect_with_notice(&format!("{}/so/{id}", base(code)), &format!("{what}: mã {}.", view.case.code)))
        }
        Err(AppError::Validation(errors)) => {
            let page = session_page(state, user, code, id, Default::default(), FieldErrors(errors), form).await?;
            Ok(refused(page))
        }
        Err(e) => Err(PageError(e)),
    }
}
