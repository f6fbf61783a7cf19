//! Supervision boards: the officials' and members' pages under
//! `/quan-tri/don-vi/{code}/ban-giam-sat…`, the public page of a commune's boards
//! `/don-vi/{code}/ban-giam-sat`, and `/api/v1/…boards…`.

pub mod api;
mod pages;
mod views;
mod wire;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/don-vi/{code}/ban-giam-sat", get(pages::public))
        .route("/quan-tri/don-vi/{code}/ban-giam-sat", get(pages::list).post(pages::create))
        .route("/quan-tri/don-vi/{code}/ban-giam-sat/{id}", get(pages::page))
        .route("/quan-tri/don-vi/{code}/ban-giam-sat/{id}/kien-nghi", post(pages::send_finding))
        .route("/quan-tri/don-vi/{code}/ban-giam-sat/{id}/kien-nghi/{finding}", post(pages::finding_step))
        .route("/quan-tri/don-vi/{code}/ban-giam-sat/{id}/bao-cao", post(pages::send_report))
        .route("/quan-tri/don-vi/{code}/ban-giam-sat/{id}/ke-hoach", post(pages::save_plan))
        .route("/quan-tri/don-vi/{code}/ban-giam-sat/{id}/hoat-dong", post(pages::add_activity))
        .route("/quan-tri/don-vi/{code}/ban-giam-sat/{id}/giai-the", post(pages::dissolve))
        .route("/api/v1/units/{code}/boards", post(api::create))
        .route("/api/v1/boards/{id}", get(api::get))
        .route("/api/v1/boards/{id}/findings", post(api::send_finding))
        .route("/api/v1/boards/{id}/reports", post(api::send_report))
        .route("/api/v1/boards/{id}/reports/{period}/report.docx", get(api::report_docx))
        .route("/api/v1/boards/{id}/reports/{period}/report.pdf", get(api::report_pdf))
        .route("/api/v1/findings/{id}", get(api::finding))
        .route("/api/v1/findings/{id}/answer", post(api::answer))
        .route("/api/v1/findings/{id}/close", post(api::close))
}
