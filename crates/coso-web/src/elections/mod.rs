//! Village-head elections and annual community conferences: `/api/v1/units/{code}/elections`,
//! `/api/v1/elections/{id}…`, `/api/v1/units/{code}/dismissals`,
//! `/api/v1/units/{code}/conferences`, `/api/v1/conferences/{id}` and
//! `/api/v1/units/{code}/conference-compliance`; the officials' pages
//! `/quan-tri/don-vi/{code}/bau-truong-thon…` (a village's elections, one election's timeline,
//! count and decision, dismissals) and `/quan-tri/don-vi/{code}/hoi-nghi-cong-dong…` (a
//! village's conferences; the compliance of a commune with its CSV).

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
        .route("/quan-tri/don-vi/{code}/bau-truong-thon", get(pages::list).post(pages::create))
        .route("/quan-tri/don-vi/{code}/bau-truong-thon/cho-thoi-lam", post(pages::dismiss))
        .route("/quan-tri/don-vi/{code}/bau-truong-thon/{id}", get(pages::election))
        .route("/quan-tri/don-vi/{code}/bau-truong-thon/{id}/buoc", post(pages::step))
        .route("/quan-tri/don-vi/{code}/bau-truong-thon/{id}/ket-qua", post(pages::result))
        .route("/quan-tri/don-vi/{code}/bau-truong-thon/{id}/cong-nhan", post(pages::recognition))
        .route("/quan-tri/don-vi/{code}/hoi-nghi-cong-dong", get(pages::conference_list).post(pages::record_conference))
        .route("/quan-tri/don-vi/{code}/hoi-nghi-cong-dong/tuan-thu", get(pages::compliance))
        .route("/quan-tri/don-vi/{code}/hoi-nghi-cong-dong/tuan-thu.csv", get(pages::compliance_csv))
        .route("/api/v1/units/{code}/elections", get(api::list).post(api::create))
        .route("/api/v1/elections/{id}", get(api::get))
        .route("/api/v1/elections/{id}/steps", post(api::step))
        .route("/api/v1/elections/{id}/result", post(api::result))
        .route("/api/v1/elections/{id}/recognition", post(api::recognition))
        .route("/api/v1/elections/{id}/mau-05.docx", get(api::candidates_docx))
        .route("/api/v1/elections/{id}/mau-05.pdf", get(api::candidates_pdf))
        .route("/api/v1/units/{code}/dismissals", post(api::dismiss))
        .route("/api/v1/units/{code}/conferences", post(api::record_conference))
        .route("/api/v1/conferences/{id}", get(api::conference))
        .route("/api/v1/conferences/{id}/minutes.docx", get(api::minutes_docx))
        .route("/api/v1/conferences/{id}/minutes.pdf", get(api::minutes_pdf))
        .route("/api/v1/units/{code}/conference-compliance", get(api::compliance))
}
