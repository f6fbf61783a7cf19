//! The residents' side: `/don-vi/{code}/lay-y-kien` (a unit's consultations, and for a village
//! those above that ask it) and `/lay-y-kien/{id}` (the draft by section with its comments,
//! supports and counts; a comment form per section and for the whole draft).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::consultations::{self, CommentPlace};
use coso_domain::consultation::CommentInput;
use serde::Deserialize;

use super::views::{DraftPage, ListPage, Typed};
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
    let (unit, mut rows) = consultations::list_for_unit(&state.app, None, &code).await?;
    rows.extend(consultations::asking_village(&state.app, &unit).await?);
    Ok(ListPage { nav: Nav::of(user.as_ref()), unit, rows })
}

/// `?muc=12` (or `chung`): every comment of that section.
#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    #[serde(default)]
    pub muc: String,
}

async fn render(
    state: &AppState,
    user: Option<&CurrentUser>,
    id: i64,
    focus: &str,
    typed: Typed,
    errors: FieldErrors,
) -> Result<DraftPage, AppError> {
    let focus = if focus.trim().is_empty() { None } else { CommentPlace::parse(focus).ok() };
    let actor = user.map(CurrentUser::actor);
    let key = format!("consultation:{id}?muc={}", focus.map_or(String::new(), |f| format!("{f:?}")));
    let draft = state.drafts.get_or_try_load(&key, || consultations::public_draft(&state.app, id, focus)).await?;
    let v = consultations::public_view_for(&state.app, actor.as_ref(), &draft).await?;
    Ok(DraftPage { nav: Nav::of(user), v, typed, errors, signed_in: user.is_some() })
}

/// The draft's page; anonymous visitors share a rendered copy for a few seconds (a link shared
/// in a village's chat group brings many at once), forgotten after any write of this instance.
pub async fn page(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(id): Path<i64>,
    Query(q): Query<PageQuery>,
) -> PageResult<Response> {
    if user.is_some() {
        return Ok(private(render(&state, user.as_ref(), id, &q.muc, Typed::default(), FieldErrors::default()).await?));
    }
    let key = format!("consultation:{id}?muc={}", q.muc.trim());
    let load =
        || async { rendered(&render(&state, None, id, &q.muc, Typed::default(), FieldErrors::default()).await?) };
    Ok(shared(&state, &key, HTML, load).await?)
}

#[derive(Debug, Default, Deserialize)]
pub struct CommentForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub section: String,
    #[serde(default)]
    pub body: String,
}

pub async fn post_comment(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(form): Form<CommentForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let typed = Typed { section: form.section.trim().to_string(), body: form.body.clone() };
    let place = CommentPlace::parse(&form.section);
    let result = match place {
        Ok(place) => {
            consultations::comment(&state.app, &user.actor(), id, place, &CommentInput { body: form.body }).await
        }
        Err(e) => Err(e),
    };
    match result.map_err(AppError::from) {
        Ok(comment) => {
            Ok(redirect_with_notice(&format!("/lay-y-kien/{id}#y-kien-{comment}"), "Đã gửi ý kiến của bạn."))
        }
        Err(AppError::Validation(errors)) => {
            let page = render(&state, Some(&user), id, "", typed, FieldErrors(errors)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct SupportForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub comment: String,
}

pub async fn support(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(form): Form<SupportForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let comment: i64 = form.comment.trim().parse().map_err(|_| AppError::NotFound)?;
    let added = consultations::support(&state.app, &user.actor(), id, comment).await?;
    let notice = if added {
        "Đã ghi nhận bạn ủng hộ ý kiến này."
    } else {
        "Bạn đã ủng hộ ý kiến này trước đó."
    };
    Ok(redirect_with_notice(&format!("/lay-y-kien/{id}#y-kien-{comment}"), notice))
}
