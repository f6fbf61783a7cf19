//! Public pages that anonymous visitors share: one rendered copy per key for a few seconds (a
//! link passed around a village's chat group brings many visitors at once), forgotten after any
//! write of this instance (`ttl_cache.rs`). A signed-in visitor always gets a page of their own.

use std::future::Future;

use askama::Template;
use axum::body::Bytes;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};

use crate::error::AppError;
use crate::state::AppState;

/// The content type of a shared HTML page.
pub const HTML: &str = "text/html; charset=utf-8";

/// Answers with the copy kept under `key`, made by `load` when there is none yet.
pub async fn shared<Fut>(
    state: &AppState,
    key: &str,
    content_type: &'static str,
    load: impl FnOnce() -> Fut,
) -> Result<Response, AppError>
where
    Fut: Future<Output = Result<Bytes, AppError>>,
{
    let body = state.pages.get_or_try_load(key, load).await?;
    Ok(([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "public, max-age=10")], body).into_response())
}

/// A page rendered once, to be kept as the shared copy.
pub fn rendered(page: &impl Template) -> Result<Bytes, AppError> {
    Ok(Bytes::from(page.render().map_err(|e| AppError::Internal(e.into()))?))
}

/// A signed-in visitor's own copy, which neither the browser nor a proxy keeps.
pub fn private(body: impl IntoResponse) -> Response {
    ([(header::CACHE_CONTROL, "private, no-store")], body).into_response()
}

/// The address feeds link back to: the configured base URL, or else the request's host.
pub fn site(state: &AppState, headers: &HeaderMap) -> String {
    if let Some(base) = state.app.settings().base_url.as_deref() {
        return base.trim_end_matches('/').to_owned();
    }
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    format!("http://{host}")
}
