//! The router: the routes of every feature, and the layers every request passes through.

use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, StatusCode, header};
use axum::middleware;
use axum::response::IntoResponse;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::csrf::CsrfLayer;
use tower_http::sensitive_headers::SetSensitiveRequestHeadersLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::error::{AppError, PageError};
use crate::state::AppState;
use crate::{
    accounts, audit, calendar, case_stats, cases, cua_toi, design, households, open311, petitions, plans, public,
    report_templates, reports, system, tasks, units, users,
};

pub fn router(state: AppState) -> Router {
    let upload_limit = state.settings.max_upload_bytes + 64 * 1024;
    Router::new()
        .merge(public::routes())
        .merge(accounts::routes())
        .merge(units::routes())
        .merge(households::routes())
        .merge(crate::reception::routes())
        .merge(crate::consultations::routes())
        .merge(crate::dialogues::routes())
        .merge(crate::conventions::routes())
        .merge(crate::elections::routes())
        .merge(crate::boards::routes())
        .merge(crate::inspections::routes())
        .merge(crate::steering::routes())
        .merge(crate::agency::routes())
        .merge(crate::decisions::routes())
        .merge(crate::decision_votes::routes())
        .merge(crate::dissemination::routes())
        .merge(crate::disclosures::routes())
        .merge(cases::routes())
        .merge(petitions::routes())
        .merge(open311::routes())
        .merge(crate::case_desk::routes())
        .merge(case_stats::routes())
        .merge(users::routes())
        .merge(audit::routes())
        .merge(calendar::routes())
        .merge(plans::routes())
        .merge(tasks::routes())
        .merge(reports::routes())
        .merge(report_templates::routes())
        .merge(cua_toi::routes())
        .merge(design::routes())
        .merge(system::routes())
        .layer(middleware::from_fn_with_state(state.clone(), crate::page_context::provide))
        .layer(middleware::from_fn_with_state(state.clone(), crate::auth::api_csrf::require_token))
        .layer(middleware::from_fn_with_state(state.clone(), crate::ttl_cache::forget_after_writes))
        .layer(middleware::from_fn_with_state(state.clone(), crate::metrics::track))
        .layer(DefaultBodyLimit::max(upload_limit))
        // Open311 is an API for other applications: no handler of it reads a cookie, so a
        // cross-site form post there can do nothing the sender could not do directly.
        .layer(CsrfLayer::new().with_insecure_bypass(|_, uri| open311::is_open311(uri.path())))
        .layer(CompressionLayer::new())
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, Duration::from_secs(120)))
        .layer(CatchPanicLayer::custom(|_| {
            PageError(AppError::Internal(anyhow::anyhow!("panic in handler"))).into_response()
        }))
        .layer(TraceLayer::new_for_http())
        .layer(middleware::from_fn(crate::request_id::assign))
        .layer(middleware::from_fn_with_state(state.clone(), crate::headers::secure))
        .layer(SetSensitiveRequestHeadersLayer::new([
            header::COOKIE,
            header::AUTHORIZATION,
            HeaderName::from_static("x-csrf-token"),
        ]))
        .with_state(state)
}
