//! Reports: a unit's inbox of what it must send, the report form, a sent report with its
//! versions and the receiving unit's review, notifications, and their API.

pub mod api;
pub mod pages;
mod views;
mod wire;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/quan-tri/hop-thu", get(pages::inbox_page))
        .route("/quan-tri/hop-thu/{occurrence}", get(pages::report_page).post(pages::report_submit))
        .route("/quan-tri/bao-cao/{id}", get(pages::submission))
        .route("/quan-tri/bao-cao/{id}/xem-xet", post(pages::review))
        .route("/api/v1/units/{code}/inbox", get(api::unit_inbox))
        .route("/api/v1/notifications", get(api::notifications))
        .route("/api/v1/units/{code}/submissions", post(api::submit))
        .route("/api/v1/submissions/{id}", get(api::get_submission))
        .route("/api/v1/submissions/{id}/review", post(api::review))
}
