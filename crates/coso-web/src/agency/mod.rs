//! Democracy inside agencies: the officials' pages `/quan-tri/don-vi/{code}/dan-chu-co-quan…`
//! (staff conferences with their outcome, one conference, the internal rules register, the staff's
//! accounts created and removed by the agency's officials), the
//! staff's page `/co-quan/{code}` (the agency's disclosures, rules and last conference), and
//! `/api/v1/units/{code}/staff-conferences`, `/api/v1/staff-conferences/{id}…`,
//! `/api/v1/units/{code}/internal-rules…`.

pub mod api;
mod forms;
mod pages;
mod views;
mod wire;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/quan-tri/don-vi/{code}/dan-chu-co-quan", get(pages::conferences).post(pages::record))
        .route("/quan-tri/don-vi/{code}/dan-chu-co-quan/hoi-nghi/{id}", get(pages::conference))
        .route("/quan-tri/don-vi/{code}/dan-chu-co-quan/quy-che", get(pages::rules).post(pages::register_rule))
        .route("/quan-tri/don-vi/{code}/dan-chu-co-quan/quy-che/{id}", post(pages::add_version))
        .route("/quan-tri/don-vi/{code}/dan-chu-co-quan/can-bo", get(pages::staff_accounts).post(pages::add_staff))
        .route("/quan-tri/don-vi/{code}/dan-chu-co-quan/can-bo/{id}/go", post(pages::remove_staff))
        .route("/co-quan/{code}", get(pages::staff))
        .route("/api/v1/units/{code}/staff-conferences", get(api::list).post(api::record))
        .route("/api/v1/staff-conferences/{id}", get(api::get))
        .route("/api/v1/staff-conferences/{id}/minutes.docx", get(api::minutes_docx))
        .route("/api/v1/units/{code}/internal-rules", get(api::rules).post(api::register_rule))
        .route("/api/v1/units/{code}/internal-rules/{id}/versions", post(api::add_version))
}
