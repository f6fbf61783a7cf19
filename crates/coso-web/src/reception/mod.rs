//! Citizen reception (*tiếp công dân*): the unit's schedule of reception days, the log of
//! sessions and visits, the compliance view with its downloads, and
//! `/api/v1/units/{code}/reception/…`. The public page of a unit shows the schedule.

pub mod api;
mod forms;
mod pages;
mod views;
mod visit_cases;
mod wire;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/quan-tri/don-vi/{code}/tiep-cong-dan/lich", get(pages::schedule).post(pages::add_schedule))
        .route("/quan-tri/don-vi/{code}/tiep-cong-dan/lich/{id}/xoa", post(pages::remove_schedule))
        .route("/quan-tri/don-vi/{code}/tiep-cong-dan/so", get(pages::log).post(pages::record_session))
        .route("/quan-tri/don-vi/{code}/tiep-cong-dan/so/{id}", get(pages::session).post(pages::record_visit))
        .route("/quan-tri/don-vi/{code}/tiep-cong-dan/so/{id}/vu-viec", post(visit_cases::register_case))
        .route("/quan-tri/don-vi/{code}/tiep-cong-dan/so/{id}/lien-ket", post(visit_cases::link_case))
        .route("/quan-tri/don-vi/{code}/tiep-cong-dan/tuan-thu", get(pages::compliance))
        .route("/quan-tri/don-vi/{code}/tiep-cong-dan/tuan-thu.csv", get(pages::compliance_csv))
        .route("/quan-tri/don-vi/{code}/tiep-cong-dan/tuan-thu.xlsx", get(pages::compliance_xlsx))
        .route("/api/v1/units/{code}/reception/schedule", get(api::schedule))
        .route("/api/v1/units/{code}/reception/sessions", get(api::sessions).post(api::create_session))
        .route("/api/v1/units/{code}/reception/sessions/{id}/visits", get(api::visits).post(api::create_visit))
        .route("/api/v1/units/{code}/reception/compliance", get(api::compliance))
}
