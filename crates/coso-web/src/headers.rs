//! Security headers on every response, and no caching of anything a signed-in request sees.
//!
//! The pages have no script and no inline style (charts are inline SVG with presentation
//! attributes), so the policy allows scripts from nowhere and styles only from our stylesheet.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::auth::session;
use crate::state::AppState;

pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; \
     form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
const REFERRER_POLICY: &str = "same-origin";
/// One year; sent only when the site is served over HTTPS (secure cookies on).
const HSTS: &str = "max-age=31536000";

pub async fn secure(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let signed_in = session::carries_session(req.headers());
    let stylesheet = req.uri().path() == crate::system::STYLESHEET;
    let mut res = next.run(req).await;
    let sets_cookie = res.headers().contains_key(header::SET_COOKIE);
    let h = res.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CONTENT_SECURITY_POLICY));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static(REFERRER_POLICY));
    if state.settings.secure_cookies {
        h.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
    }
    // What a session sees may be personal (a household register, a report); a response that
    // opens a session carries its token. Neither may stay in a browser's or a proxy's cache.
    // The stylesheet is the same for everyone.
    if (signed_in && !stylesheet) || sets_cookie {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        h.remove(header::EXPIRES);
    }
    res
}
