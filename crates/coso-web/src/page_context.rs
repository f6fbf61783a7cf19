//! What every page's layout needs to know about the request it answers, whichever handler
//! (or error) renders it: the path (to mark the current menu entry), the signed-in visitor (so
//! that an error page shows their menu and not "Đăng nhập"), and the one-time notice a
//! redirect after a successful form left in a short-lived cookie (Post/Redirect/Get).

use axum::extract::{FromRequestParts, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, SameSite};

use crate::auth::{CurrentUser, MaybeUser};
use crate::state::AppState;

/// The cookie that carries a notice from a successful POST to the page it redirects to.
const FLASH_COOKIE: &str = "coso_thong_bao";
/// Longer notices are cut: the cookie only ever carries a sentence written by coso.
const FLASH_MAX_CHARS: usize = 300;

#[derive(Debug, Clone, Default)]
pub struct PageContext {
    pub path: String,
    pub visitor: Option<CurrentUser>,
    pub flash: Option<String>,
}

tokio::task_local! {
    static CONTEXT: PageContext;
}

/// The context of the page being rendered, or an empty one outside a request.
pub fn current() -> PageContext {
    CONTEXT.try_with(Clone::clone).unwrap_or_default()
}

/// Runs the rest of the stack inside the request's page context (pages only, not the API or
/// the stylesheet), and forgets the notice once a page has shown it.
pub async fn provide(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    if path.starts_with("/api/") || path.starts_with("/static/") {
        return next.run(req).await;
    }
    let (mut parts, body) = req.into_parts();
    // A broken session or database shows on the page's own extractor; here it only means that
    // the layout does not know the visitor.
    let visitor = MaybeUser::from_request_parts(&mut parts, &state).await.ok().and_then(|MaybeUser(u)| u);
    let flash = flash_in(&parts.headers);
    let shown = flash.is_some();
    let context = PageContext { path, visitor, flash };
    let mut res = CONTEXT.scope(context, next.run(Request::from_parts(parts, body))).await;
    if shown
        && res.status() == StatusCode::OK
        && let Ok(v) = HeaderValue::from_str(&removal().to_string())
    {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

fn flash_in(headers: &axum::http::HeaderMap) -> Option<String> {
    let raw = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == FLASH_COOKIE)
        .map(|(_, v)| v.to_string())?;
    let text: String = form_urlencoded::parse(format!("m={raw}").as_bytes())
        .find(|(k, _)| k == "m")
        .map(|(_, v)| v.chars().take(FLASH_MAX_CHARS).collect())?;
    (!text.trim().is_empty()).then_some(text)
}

fn removal() -> Cookie<'static> {
    Cookie::build((FLASH_COOKIE, "")).path("/").max_age(time::Duration::ZERO).build()
}

/// The answer to a successful form: 303 to the page that shows the result, with `notice`
/// shown once at its top.
pub fn redirect_with_notice(to: &str, notice: &str) -> Response {
    let text: String = notice.chars().take(FLASH_MAX_CHARS).collect();
    let value: String = form_urlencoded::byte_serialize(text.as_bytes()).collect();
    let cookie = Cookie::build((FLASH_COOKIE, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .max_age(time::Duration::minutes(1))
        .build();
    let mut res = Redirect::to(to).into_response();
    if let Ok(v) = HeaderValue::from_str(&cookie.to_string()) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_survives_the_cookie() {
        let res = redirect_with_notice("/quan-tri", "Đã thêm Thôn Đông (mã T1; 2 hộ).");
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let set = res.headers().get(header::SET_COOKIE).and_then(|v| v.to_str().ok()).unwrap_or_default();
        let pair = set.split(';').next().unwrap_or_default();
        let mut headers = axum::http::HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_str(pair).expect("header"));
        assert_eq!(flash_in(&headers).as_deref(), Some("Đã thêm Thôn Đông (mã T1; 2 hộ)."));
    }
}
