//! The public side of news: `/don-vi/{code}/tin-tuc` (10 posts a page, by category and words
//! without diacritics), a post, its images, and the Atom feed. Drafts are never shown here.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use coso_app::dissemination::news::{self, ListQuery};

use super::feed::news_feed;
use super::forms::NewsParams;
use super::views::{NewsListPage, NewsPostPage};
use crate::auth::{CurrentUser, MaybeUser};
use crate::error::{AppError, PageResult};
use crate::extract::{Path, Query};
use crate::shared_copy::{HTML, private, rendered, shared, site};
use crate::state::AppState;
use crate::views::Nav;

fn href(list: &news::PublicList, page: i64) -> String {
    let mut query: Vec<(&str, String)> = vec![];
    if !list.category.is_empty() {
        query.push(("chuyen-muc", list.category.clone()));
    }
    if !list.q.is_empty() {
        query.push(("q", list.q.clone()));
    }
    if page > 1 {
        query.push(("trang", page.to_string()));
    }
    let encoded = form_urlencoded::Serializer::new(String::new()).extend_pairs(query).finish();
    let base = format!("/don-vi/{}/tin-tuc", list.unit.code);
    if encoded.is_empty() { base } else { format!("{base}?{encoded}") }
}

async fn render(
    state: &AppState,
    user: Option<&CurrentUser>,
    code: &str,
    p: NewsParams,
) -> Result<NewsListPage, AppError> {
    let list = news::public_list(&state.app, code, &ListQuery { page: p.page, category: p.category, q: p.q }).await?;
    let prev_href = if list.page > 1 { href(&list, list.page - 1) } else { String::new() };
    let next_href = if list.has_next { href(&list, list.page + 1) } else { String::new() };
    Ok(NewsListPage { nav: Nav::of(user), list, prev_href, next_href })
}

/// The list; anonymous visitors share a rendered copy of each page for a few seconds.
pub async fn list(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(code): Path<String>,
    RawQuery(raw): RawQuery,
    Query(p): Query<NewsParams>,
) -> PageResult<Response> {
    if user.is_some() {
        return Ok(private(render(&state, user.as_ref(), &code, p).await?));
    }
    let key = format!("news:{code}?{}", raw.unwrap_or_default());
    Ok(shared(&state, &key, HTML, || async { rendered(&render(&state, None, &code, p).await?) }).await?)
}

pub async fn post(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path((code, id)): Path<(String, i64)>,
) -> PageResult<NewsPostPage> {
    let (unit, _, post) = news::public_post(&state.app, &code, id).await?;
    Ok(NewsPostPage { nav: Nav::of(user.as_ref()), unit, post })
}

/// An image of a post: anyone's for a published post, the unit's officials' for a draft.
pub async fn image(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path((code, id, n)): Path<(String, i64, i64)>,
) -> PageResult<Response> {
    let actor = user.as_ref().map(CurrentUser::actor);
    let image = news::image(&state.app, actor.as_ref(), &code, id, n).await?;
    let content_type = if image.content_type == "image/png" { "image/png" } else { "image/jpeg" };
    let cache = if user.is_some() { "private, no-store" } else { "public, max-age=60" };
    Ok(([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, cache)], image.data).into_response())
}

/// The base address of the feed's links: the configured public address, or this request's host.
/// The Atom feed of the unit's latest published posts, shared for a few seconds per host.
pub async fn atom(State(state): State<AppState>, Path(code): Path<String>, headers: HeaderMap) -> PageResult<Response> {
    let base = site(&state, &headers);
    let key = format!("news-atom:{code}@{base}");
    let load = || async {
        let (unit, posts) = news::feed(&state.app, &code).await?;
        Ok(Bytes::from(news_feed(&base, &unit, &posts, state.app.now())))
    };
    Ok(shared(&state, &key, coso_export::atom::CONTENT_TYPE, load).await?)
}
