//! A resident's household link from their page: asking for one, ending it.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::households;
use coso_domain::household_link::LinkRequestInput;
use serde::Deserialize;

use super::pages::my_page;
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::Form;
use crate::forms::{CsrfOnly, FieldErrors};
use crate::page_context::redirect_with_notice;
use crate::state::AppState;

/// Where the household section starts.
const SECTION: &str = "/cua-toi#ho-gia-dinh";

#[derive(Debug, Default, Deserialize)]
pub struct LinkForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: LinkRequestInput,
}

pub async fn request(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(form): Form<LinkForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    match households::request_link(&state.app, &user.actor(), &form.input).await.map_err(AppError::from) {
        Ok(()) => Ok(redirect_with_notice(
            SECTION,
            "Đã gửi yêu cầu liên kết với hộ gia đình. Trưởng thôn, tổ trưởng tổ dân phố sẽ đối chiếu với sổ hộ và xác nhận; bạn sẽ nhận thông báo tại đây.",
        )),
        Err(AppError::Validation(errors)) => refused(&state, &user, form.input, errors).await,
        // The form is not shown while a link is open: the summary points at the section.
        Err(AppError::Conflict { message, .. }) => {
            refused(&state, &user, form.input, vec![coso_domain::FieldError::new("ho-gia-dinh", message)]).await
        }
        Err(e) => Err(PageError(e)),
    }
}

async fn refused(
    state: &AppState,
    user: &CurrentUser,
    typed: LinkRequestInput,
    errors: Vec<coso_domain::FieldError>,
) -> PageResult<Response> {
    let page = my_page(state, user, typed, FieldErrors(errors)).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

pub async fn end(State(state): State<AppState>, user: CurrentUser, Form(form): Form<CsrfOnly>) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let ended = households::end_link(&state.app, &user.actor()).await?;
    let notice = if ended {
        "Đã kết thúc liên kết với hộ gia đình."
    } else {
        "Tài khoản không có liên kết nào để kết thúc."
    };
    Ok(redirect_with_notice(SECTION, notice))
}
