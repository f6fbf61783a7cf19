//! `/healthz` and `/metrics`.

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, State};
use axum::http::{Extensions, HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::error::{ApiError, AppError};
use crate::state::{AppState, Secret};

#[derive(Serialize, utoipa::ToSchema)]
pub struct Health {
    /// `ok` or `degraded`.
    pub status: &'static str,
    /// `ok` or `unreachable`.
    pub database: &'static str,
    /// `sqlite` or `postgres`.
    pub backend: &'static str,
    pub version: &'static str,
}

/// Reports whether the server and its database answer.
#[utoipa::path(get, path = "/healthz", tag = "operations", responses((status = 200, body = Health), (status = 503, body = Health)))]
pub async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    let db_ok = state.store().ping().await.is_ok();
    let backend = match state.store().backend() {
        coso_store::Backend::Sqlite => "sqlite",
        coso_store::Backend::Postgres => "postgres",
    };
    let body = Health {
        status: if db_ok { "ok" } else { "degraded" },
        database: if db_ok { "ok" } else { "unreachable" },
        backend,
        version: env!("CARGO_PKG_VERSION"),
    };
    (if db_ok { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE }, Json(body))
}

/// Prometheus text metrics. They tell how many logins failed and what administrators did, so
/// only a scraper with the configured bearer token, or a client on this machine, reads them.
pub async fn metrics(State(state): State<AppState>, headers: HeaderMap, extensions: Extensions) -> Response {
    let peer = extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0);
    if !may_read_metrics(state.settings.metrics_token.as_ref(), &headers, peer) {
        let mut res = ApiError(AppError::Unauthorized).into_response();
        res.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"metrics\""));
        return res;
    }
    let db_ok = state.store().ping().await.is_ok();
    let text = state.metrics.render(state.started.elapsed().as_secs_f64(), db_ok);
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], text).into_response()
}

/// Headers a reverse proxy adds: a request that has them came from elsewhere, even when the
/// connection is from this machine.
const FORWARDING: [&str; 3] = ["forwarded", "x-forwarded-for", "x-real-ip"];

fn may_read_metrics(token: Option<&Secret>, headers: &HeaderMap, peer: Option<SocketAddr>) -> bool {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    let has_token = matches!((token, bearer), (Some(t), Some(sent)) if t.matches(sent));
    let local = peer.is_some_and(|p| p.ip().is_loopback()) && !FORWARDING.iter().any(|h| headers.contains_key(*h));
    has_token || local
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs.iter().map(|&(k, v)| (header::HeaderName::from_static(k), HeaderValue::from_static(v))).collect()
    }

    #[test]
    fn metrics_are_for_the_token_or_this_machine() {
        let token = Secret::new("s3cret-metrics-token");
        let local: Option<SocketAddr> = "127.0.0.1:50000".parse().ok();
        let remote: Option<SocketAddr> = "203.0.113.9:50000".parse().ok();
        assert!(may_read_metrics(None, &headers(&[]), local));
        assert!(!may_read_metrics(None, &headers(&[]), remote));
        assert!(!may_read_metrics(None, &headers(&[]), None));
        assert!(!may_read_metrics(None, &headers(&[("x-forwarded-for", "203.0.113.9")]), local), "through a proxy");
        let bearer = headers(&[("authorization", "Bearer s3cret-metrics-token")]);
        assert!(may_read_metrics(Some(&token), &bearer, remote));
        assert!(!may_read_metrics(None, &bearer, remote), "no token configured: none is accepted");
        let wrong = headers(&[("authorization", "Bearer s3cret-metrics-tokem")]);
        assert!(!may_read_metrics(Some(&token), &wrong, remote));
    }
}
