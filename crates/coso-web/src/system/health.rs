//! `/healthz` and `/metrics`.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use serde::Serialize;

use crate::state::AppState;

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

/// Prometheus text metrics.
pub async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    let db_ok = state.store().ping().await.is_ok();
    let text = state.metrics.render(state.started.elapsed().as_secs_f64(), db_ok);
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], text)
}
