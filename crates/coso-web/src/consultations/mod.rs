//! Consultation on drafts (*lấy ý kiến*): the residents' pages `/don-vi/{code}/lay-y-kien` and
//! `/lay-y-kien/{id}`, the officials' pages under `/quan-tri/don-vi/{code}/lay-y-kien…` (upload
//! and review of a draft, moderation, close, answers, the report, a village's counts), and
//! `/api/v1/consultations…`.

mod admin;
pub mod api;
mod public;
mod views;
mod wire;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;
use crate::ttl_cache::keeps_sessions;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/don-vi/{code}/lay-y-kien", get(public::list))
        .route("/lay-y-kien/{id}", get(public::page))
        .route("/lay-y-kien/{id}/y-kien", keeps_sessions(post(public::post_comment)))
        .route("/lay-y-kien/{id}/ung-ho", keeps_sessions(post(public::support)))
        .route("/quan-tri/don-vi/{code}/lay-y-kien", get(admin::list).post(admin::create))
        .route("/quan-tri/don-vi/{code}/lay-y-kien/{id}", get(admin::manage))
        .route("/quan-tri/don-vi/{code}/lay-y-kien/{id}/muc", post(admin::review))
        .route("/quan-tri/don-vi/{code}/lay-y-kien/{id}/mo", post(admin::open))
        .route("/quan-tri/don-vi/{code}/lay-y-kien/{id}/dong", post(admin::close))
        .route("/quan-tri/don-vi/{code}/lay-y-kien/{id}/an", post(admin::hide))
        .route("/quan-tri/don-vi/{code}/lay-y-kien/{id}/tra-loi", post(admin::answer))
        .route("/quan-tri/don-vi/{code}/lay-y-kien/{id}/phieu", get(admin::paper_form).post(admin::paper))
        .route("/quan-tri/don-vi/{code}/lay-y-kien/{id}/{file}", get(admin::report_file))
        .route("/api/v1/consultations", post(api::create))
        .route("/api/v1/consultations/{id}", get(api::get))
        .route("/api/v1/consultations/{id}/comments", keeps_sessions(post(api::comment)))
        .route("/api/v1/consultations/{id}/close", post(api::close))
        .route("/api/v1/consultations/{id}/answers", post(api::answers))
        .route("/api/v1/consultations/{id}/report.docx", get(api::report_docx))
        .route("/api/v1/consultations/{id}/report.pdf", get(api::report_pdf))
}
