//! `/cua-toi/bieu-quyet`: the online votes of the resident's household, each open one with two
//! buttons that work without script on a phone, each closed one with its result. A second vote
//! replaces the first.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::decisions::online;
use coso_domain::decision::online_vote::Choice;
use serde::Deserialize;

use super::views::{MyVote, MyVotesPage};
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Path};
use crate::forms::FieldErrors;
use crate::page_context::redirect_with_notice;
use crate::state::AppState;
use crate::views::Nav;

/// The page's path.
const PATH: &str = "/cua-toi/bieu-quyet";

#[derive(Debug, Default, Deserialize)]
pub struct VoteForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub choice: String,
}

async fn page(state: &AppState, user: &CurrentUser, errors: FieldErrors) -> Result<MyVotesPage, AppError> {
    let votes = online::of_my_household(&state.app, &user.actor()).await?;
    let represented = coso_app::households::representative_of(&state.app, user.id).await?;
    Ok(MyVotesPage {
        nav: Nav::of(Some(user)),
        linked: represented.is_some(),
        votes: votes.into_iter().map(MyVote::from).collect(),
        errors,
    })
}

pub async fn list(State(state): State<AppState>, user: CurrentUser) -> PageResult<MyVotesPage> {
    Ok(page(&state, &user, FieldErrors::default()).await?)
}

pub async fn vote(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(form): Form<VoteForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let cast = match Choice::parse(&form.choice) {
        Ok(choice) => online::vote(&state.app, &user.actor(), id, choice).await.map_err(AppError::from),
        Err(e) => Err(AppError::Validation(vec![e])),
    };
    match cast {
        Ok(replaced) => {
            let notice = if replaced {
                "Đã thay biểu quyết của hộ bằng lựa chọn mới; chỉ lựa chọn sau cùng được tính."
            } else {
                "Đã ghi biểu quyết của hộ. Bạn có thể đổi lựa chọn cho đến khi kết thúc biểu quyết."
            };
            Ok(redirect_with_notice(&format!("{PATH}#bieu-quyet-{id}"), notice))
        }
        Err(AppError::Validation(errors)) => refused(&state, &user, errors).await,
        Err(AppError::Conflict { message, .. }) => {
            refused(&state, &user, vec![coso_domain::FieldError::new("choice", message)]).await
        }
        Err(e) => Err(PageError(e)),
    }
}

async fn refused(state: &AppState, user: &CurrentUser, errors: Vec<coso_domain::FieldError>) -> PageResult<Response> {
    let page = page(state, user, FieldErrors(errors)).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}
