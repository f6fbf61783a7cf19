//! The router: every route of coso, and the layers every request passes through.

use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, StatusCode, header};
use axum::middleware;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::csrf::CsrfLayer;
use tower_http::sensitive_headers::SetSensitiveRequestHeadersLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::api;
use crate::auth::login;
use crate::error::{AppError, PageError};
use crate::pages::{admin, households, public, users};
use crate::reporting::api as ra;
use crate::reporting::pages as rp;
use crate::reporting::plan_pages as pp;
use crate::state::AppState;

const CSS: &str = include_str!("../static/coso.css");
/// Where the stylesheet is served: the only style source the pages' policy allows.
pub const STYLESHEET: &str = "/static/coso.css";

pub fn router(state: AppState) -> Router {
    let upload_limit = state.settings.max_upload_bytes + 64 * 1024;
    let pages = Router::new()
        .route("/", get(public::home))
        .route("/don-vi", get(public::search))
        .route("/don-vi/{code}", get(public::unit))
        .route("/don-vi/{code}/tim", get(public::search_within))
        .route("/dang-nhap", get(login::login_page).post(login::login_submit))
        .route("/dang-xuat", post(login::logout))
        .route("/quan-tri", get(admin::index))
        .route("/quan-tri/don-vi/{code}", get(admin::unit))
        .route("/quan-tri/don-vi/{code}/them", post(admin::create_unit))
        .route("/quan-tri/don-vi/{code}/nhap", post(admin::import_units))
        .route("/quan-tri/don-vi/{code}/ho-gia-dinh", get(households::list))
        .route("/quan-tri/don-vi/{code}/ho-gia-dinh/them", post(households::create))
        .route("/quan-tri/don-vi/{code}/ho-gia-dinh/nhap", post(households::import))
        .route("/quan-tri/nguoi-dung", get(users::list).post(users::create))
        .route("/quan-tri/nhat-ky", get(admin::audit))
        .route("/quan-tri/hop-thu", get(rp::inbox_page))
        .route("/quan-tri/mau-bao-cao", get(crate::reporting::templates::first))
        .route(
            "/quan-tri/mau-bao-cao/{id}",
            get(crate::reporting::templates::edit_page).post(crate::reporting::templates::save_page),
        )
        .route("/quan-tri/hop-thu/{occurrence}", get(rp::report_page).post(rp::report_submit))
        .route("/quan-tri/bao-cao/{id}", get(rp::submission))
        .route("/quan-tri/bao-cao/{id}/xem-xet", post(rp::review))
        .route("/quan-tri/ke-hoach", get(pp::plans))
        .route("/quan-tri/ke-hoach/nhap", post(pp::import_upload))
        .route("/quan-tri/ke-hoach/ban-hanh", post(pp::issue))
        .route("/quan-tri/ke-hoach/{id}", get(pp::plan))
        .route("/quan-tri/ke-hoach/{id}/tong-hop", get(pp::aggregate))
        .route("/quan-tri/ke-hoach/{id}/nhiem-vu/{task}", post(crate::reporting::tasks::update_page))
        .route("/quan-tri/ke-hoach/{id}/nhiem-vu/{task}/minh-chung", post(crate::reporting::tasks::evidence_page))
        .route("/quan-tri/ke-hoach/{id}/minh-chung/{file}", get(crate::reporting::tasks::download))
        .route("/quan-tri/ke-hoach/{id}/{file}", get(pp::plan_or_aggregate_file))
        .route("/tinh-han", get(crate::pages::calendar::deadline))
        .route("/lich", get(crate::pages::calendar::month))
        .route(STYLESHEET, get(css));
    let api = Router::new()
        .route("/api/v1/openapi.json", get(api::openapi::document))
        .route("/api/v1/session", post(login::api_login).delete(login::api_logout))
        .route("/api/v1/units", get(api::units::list))
        .route("/api/v1/units/{code}", get(api::units::get))
        .route("/api/v1/units/{code}/children", get(api::units::children).post(api::units::create))
        .route("/api/v1/units/{code}/children/import", post(api::units::import))
        .route("/api/v1/units/{code}/households", get(api::households::list).post(api::households::create))
        .route("/api/v1/units/{code}/households/import", post(api::households::import))
        .route("/api/v1/users", get(api::users::list).post(api::users::create))
        .route("/api/v1/calendar/lunar", get(api::calendar::lunar))
        .route("/api/v1/calendar/solar", get(api::calendar::solar))
        .route("/api/v1/calendar/holidays/{year}", get(api::calendar::holidays))
        .route("/api/v1/calendar/working-days", get(api::calendar::working_days))
        .route("/api/v1/calendar/deadline", get(api::calendar::deadline))
        .route("/api/v1/calendar/rules", get(api::calendar::rules))
        .route("/api/v1/calendar/announcements", post(api::calendar::save_announcement))
        .route("/api/v1/plans", post(ra::create_plan))
        .route("/api/v1/plans/import", post(ra::import_plan))
        .route("/api/v1/plans/parse", post(ra::parse_plan))
        .route("/api/v1/plans/{id}", get(ra::get_plan))
        .route("/api/v1/plans/{id}/aggregate", get(ra::aggregate_view))
        .route("/api/v1/plans/{id}/aggregate.xlsx", get(ra::aggregate_xlsx))
        .route("/api/v1/plans/{id}/aggregate.csv", get(ra::aggregate_csv))
        .route("/api/v1/plans/{id}/summary.docx", get(ra::summary_docx))
        .route("/api/v1/plans/{id}/summary.pdf", get(ra::summary_pdf))
        .route("/api/v1/plans/{id}/tasks/{task}", axum::routing::patch(crate::reporting::tasks::update))
        .route("/api/v1/plans/{id}/tasks/{task}/evidence", post(crate::reporting::tasks::add_evidence))
        .route("/api/v1/units/{code}/inbox", get(ra::unit_inbox))
        .route("/api/v1/report-templates", get(crate::reporting::templates::list))
        .route("/api/v1/report-templates/{id}", axum::routing::put(crate::reporting::templates::update))
        .route("/api/v1/notifications", get(ra::notifications))
        .route("/api/v1/units/{code}/submissions", post(ra::submit))
        .route("/api/v1/submissions/{id}", get(ra::get_submission))
        .route("/api/v1/submissions/{id}/review", post(ra::review))
        .route("/api/v1/{*rest}", get(api_not_found).post(api_not_found))
        .route_layer(middleware::from_fn_with_state(state.clone(), crate::auth::api_csrf::require_token));
    Router::new()
        .merge(pages)
        .merge(api)
        .route("/healthz", get(api::health::healthz))
        .route("/metrics", get(api::health::metrics))
        .fallback(page_not_found)
        .layer(middleware::from_fn_with_state(state.clone(), crate::ttl_cache::forget_after_writes))
        .layer(middleware::from_fn_with_state(state.clone(), crate::metrics::track))
        .layer(DefaultBodyLimit::max(upload_limit))
        .layer(CsrfLayer::new())
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

async fn css() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")], CSS)
}

async fn page_not_found() -> PageError {
    PageError(AppError::NotFound)
}

async fn api_not_found() -> crate::error::ApiError {
    crate::error::ApiError(AppError::NotFound)
}
