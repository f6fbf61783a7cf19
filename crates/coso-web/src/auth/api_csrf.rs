//! The API's CSRF check. Pages send the session's token in a form field; API clients that sign
//! in with the cookie got the same token from `POST /api/v1/session` and must send it back in
//! `X-CSRF-Token` on every write (any method but GET, HEAD, OPTIONS, TRACE). The check sits in
//! front of every API route, so no handler can forget it.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::session::{self, MaybeUser};
use crate::error::ApiError;
use crate::state::AppState;

pub const HEADER: &str = "x-csrf-token";

/// Signing in opens the session, so it cannot carry its token yet.
fn is_sign_in(req: &Request) -> bool {
    req.method() == Method::POST && req.uri().path() == "/api/v1/session"
}

pub async fn require_token(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if !req.uri().path().starts_with("/api/")
        || req.method().is_safe()
        || is_sign_in(&req)
        || !session::carries_session(req.headers())
    {
        return next.run(req).await;
    }
    let (mut parts, body) = req.into_parts();
    match MaybeUser::from_request_parts(&mut parts, &state).await {
        Ok(MaybeUser(Some(user))) => {
            let sent = parts.headers.get(HEADER).and_then(|v| v.to_str().ok());
            if let Err(e) = user.check_api_csrf(sent) {
                tracing::warn!(user_id = user.id.0, "API write without the session's CSRF token");
                return ApiError(e).into_response();
            }
        }
        // An unknown or expired session: the handler answers 401 where it needs a user.
        Ok(MaybeUser(None)) => {}
        Err(rejection) => return rejection.into_response(),
    }
    next.run(Request::from_parts(parts, body)).await
}
