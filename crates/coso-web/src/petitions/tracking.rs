//! `/theo-doi`: following a case by its tracking code. The code is read leniently (lower
//! case, without dashes); the page holds no personal data, so an anonymous visitor's copy is
//! shared from the page cache for a few seconds and costs no database read. After an answer,
//! whoever holds the code rates it once.

use askama::Template;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use coso_app::cases;
use coso_domain::case::TrackingCode;
use serde::Deserialize;
use std::net::SocketAddr;

use super::views::{LookupPage, SentPage, TrackPage};
use crate::auth::{CurrentUser, MaybeUser};
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Path, Query};
use crate::forms::FieldErrors;
use crate::page_context::redirect_with_notice;
use crate::plans::api::{DOCX, download, pdf};
use crate::state::AppState;
use crate::views::Nav;

#[derive(Deserialize, Default)]
pub struct LookupQuery {
    #[serde(default)]
    pub ma: String,
}

/// The lookup form; with `?ma=…`, the page of that code.
pub async fn lookup(MaybeUser(user): MaybeUser, Query(q): Query<LookupQuery>) -> PageResult<Response> {
    let typed = q.ma.trim();
    if typed.is_empty() {
        return Ok(
            LookupPage { nav: Nav::of(user.as_ref()), typed: String::new(), error: String::new() }.into_response()
        );
    }
    match typed.parse::<TrackingCode>() {
        Ok(code) => Ok(Redirect::to(&format!("/theo-doi/{}", code.display())).into_response()),
        Err(e) => Ok(not_found(user.as_ref(), typed, e.to_string())),
    }
}

/// The 404 of an unknown code: the form again, with what was typed.
fn not_found(user: Option<&CurrentUser>, typed: &str, error: String) -> Response {
    let page = LookupPage { nav: Nav::of(user), typed: typed.chars().take(40).collect(), error };
    (StatusCode::NOT_FOUND, page).into_response()
}

fn unknown(code: &str) -> String {
    format!(
        "Không tìm thấy đơn có mã theo dõi «{}». Hãy kiểm tra lại mã trên giấy biên nhận hoặc thư báo.",
        code.chars().take(40).collect::<String>()
    )
}

async fn track_page(state: &AppState, user: Option<&CurrentUser>, code: &str) -> Result<TrackPage, AppError> {
    let case = cases::public_view(&state.app, code).await?;
    Ok(TrackPage { nav: Nav::of(user), case, errors: FieldErrors::default(), comment: String::new() })
}

/// The public timeline of a case.
pub async fn page(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(code): Path<String>,
) -> PageResult<Response> {
    let Ok(parsed) = code.parse::<TrackingCode>() else {
        return Ok(not_found(user.as_ref(), &code, unknown(&code)));
    };
    let shown = parsed.display();
    if code != shown {
        return Ok(Redirect::permanent(&format!("/theo-doi/{shown}")).into_response());
    }
    if user.is_some() {
        return match track_page(&state, user.as_ref(), &shown).await {
            Ok(page) => Ok(([(header::CACHE_CONTROL, "private, no-store")], page).into_response()),
            Err(AppError::NotFound) => Ok(not_found(user.as_ref(), &shown, unknown(&shown))),
            Err(e) => Err(e.into()),
        };
    }
    let body = state
        .pages
        .get_or_try_load(&format!("track:{shown}"), || async {
            let page = track_page(&state, None, &shown).await?;
            Ok::<_, AppError>(Bytes::from(page.render().map_err(|e| AppError::Internal(e.into()))?))
        })
        .await;
    match body {
        Ok(body) => Ok((
            [(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "private, max-age=10")],
            body,
        )
            .into_response()),
        Err(AppError::NotFound) => Ok(not_found(None, &shown, unknown(&shown))),
        Err(e) => Err(e.into()),
    }
}

/// The confirmation after sending, and the receipt as PDF or DOCX.
pub async fn file(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path((code, file)): Path<(String, String)>,
) -> PageResult<Response> {
    let name = |ext: &str| format!("bien-nhan-{}.{ext}", code.replace('-', ""));
    match file.as_str() {
        "da-gui" => {
            let case = cases::public_view(&state.app, &code).await?;
            Ok(([(header::CACHE_CONTROL, "private, no-store")], SentPage { nav: Nav::of(user.as_ref()), case })
                .into_response())
        }
        "bien-nhan.docx" => {
            let doc = cases::receipt(&state.app, &code).await?;
            Ok(download(coso_app::plans::summary::docx(&doc)?, DOCX, &name("docx")))
        }
        "bien-nhan.pdf" => {
            let doc = cases::receipt(&state.app, &code).await?;
            Ok(download(pdf(doc).await?, "application/pdf", &name("pdf")))
        }
        _ => Err(PageError(AppError::NotFound)),
    }
}

#[derive(Deserialize)]
pub struct RatingForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub rating: String,
    #[serde(default)]
    pub comment: String,
}

/// Rates the answer, once; a refused rating shows the page again with its errors.
pub async fn rate(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    MaybeUser(user): MaybeUser,
    Path(code): Path<String>,
    Form(form): Form<RatingForm>,
) -> PageResult<Response> {
    state.check_intake(addr.ip())?;
    if let Some(u) = &user {
        u.check_csrf(&form.csrf)?;
    }
    let request_id = crate::request_id::current();
    let actor = user.as_ref().map(|u| u.actor());
    match cases::rate(&state.app, actor.as_ref(), Some(&request_id), &code, &form.rating, &form.comment).await {
        Ok(_) => {
            let shown = code.parse::<TrackingCode>().map(|c| c.display()).unwrap_or(code);
            Ok(redirect_with_notice(&format!("/theo-doi/{shown}"), "Cảm ơn bạn đã đánh giá kết quả giải quyết."))
        }
        Err(coso_app::Error::Validation(errors)) => {
            let mut page = track_page(&state, user.as_ref(), &code).await?;
            page.errors = FieldErrors(errors);
            page.comment = form.comment;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
