//! The residents' side: `/don-vi/{code}/doi-thoai` (the unit's dialogues to come and held),
//! `/doi-thoai/{id}` (one dialogue with its questions, answers and commitments, and the
//! question form, open to visitors without an account) and `/don-vi/{code}/cam-ket` (the
//! commitments of the unit's subtree with their progress).

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::dialogues::{self, Asker};
use coso_domain::dialogue::QuestionInput;
use serde::Deserialize;

use super::views::{CommitmentsListPage, DialoguePage, ListPage, Typed};
use crate::auth::{CurrentUser, MaybeUser};
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Path, Query};
use crate::forms::FieldErrors;
use crate::page_context::redirect_with_notice;
use crate::shared_copy::{HTML, private, rendered, shared};
use crate::state::AppState;
use crate::views::Nav;

pub async fn list(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(code): Path<String>,
) -> PageResult<ListPage> {
    let (unit, upcoming, past) = dialogues::list_for_unit(&state.app, &code).await?;
    Ok(ListPage { nav: Nav::of(user.as_ref()), unit, upcoming, past })
}

async fn render(
    state: &AppState,
    user: Option<&CurrentUser>,
    id: i64,
    typed: Typed,
    errors: FieldErrors,
) -> Result<DialoguePage, AppError> {
    let (unit, _) = dialogues::unit_of(&state.app, id).await?;
    let calendar = crate::calendar::current(state).await?;
    let v = dialogues::public_view(&state.app, &calendar, &unit.code, id).await?;
    Ok(DialoguePage { nav: Nav::of(user), v, typed, errors })
}

/// The dialogue's page; anonymous visitors share a rendered copy for a few seconds.
pub async fn page(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<i64>,
) -> PageResult<Response> {
    if user.is_some() {
        return Ok(private(render(&state, user.as_ref(), id, Typed::default(), FieldErrors::default()).await?));
    }
    let load = || async { rendered(&render(&state, None, id, Typed::default(), FieldErrors::default()).await?) };
    Ok(shared(&state, &format!("dialogue:{id}"), HTML, load).await?)
}

#[derive(Debug, Default, Deserialize)]
pub struct QuestionForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub name: String,
}

/// A question from the page, with or without an account; limited per address like the
/// petition form, and checked against the session's token when one is signed in.
pub async fn ask(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<i64>,
    Form(form): Form<QuestionForm>,
) -> PageResult<Response> {
    state.check_intake(addr.ip())?;
    if let Some(u) = &user {
        u.check_csrf(&form.csrf)?;
    }
    let typed = Typed { body: form.body.clone(), name: form.name.clone() };
    let input = QuestionInput { body: form.body, name: form.name };
    let actor = user.as_ref().map(CurrentUser::actor);
    let request_id = crate::request_id::current();
    let who = match &actor {
        Some(a) => Asker::Account(a),
        None => Asker::Public { request_id: Some(&request_id) },
    };
    match dialogues::ask(&state.app, who, id, &input).await.map_err(AppError::from) {
        Ok(q) => Ok(redirect_with_notice(&format!("/doi-thoai/{id}#cau-hoi-{q}"), "Đã gửi câu hỏi của bạn.")),
        Err(AppError::Validation(errors)) => {
            let page = render(&state, user.as_ref(), id, typed, FieldErrors(errors)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

/// `?trang=2`: the page of commitments.
#[derive(Debug, Default, Deserialize)]
pub struct CommitmentsQuery {
    #[serde(default)]
    pub trang: Option<i64>,
}

/// The commitments of the unit's subtree; anonymous visitors share a rendered copy.
pub async fn commitments(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(code): Path<String>,
    Query(q): Query<CommitmentsQuery>,
) -> PageResult<Response> {
    let page = q.trang.unwrap_or(1).clamp(1, 10_000);
    if user.is_some() {
        let p = dialogues::commitments_page(&state.app, &code, page).await?;
        return Ok(private(CommitmentsListPage { nav: Nav::of(user.as_ref()), p }));
    }
    let load = || async {
        let p = dialogues::commitments_page(&state.app, &code, page).await?;
        rendered(&CommitmentsListPage { nav: Nav::of(None), p })
    };
    Ok(shared(&state, &format!("commitments:{code}?trang={page}"), HTML, load).await?)
}
