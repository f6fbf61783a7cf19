//! Plans: a unit's list of plans, import with a review step, issuing, the plan page, the
//! aggregate view with charts and downloads, and `/api/v1/plans…`.

pub mod api;
pub mod documents;
pub mod pages;
mod views;
mod wire;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/quan-tri/ke-hoach", get(pages::list))
        .route("/quan-tri/ke-hoach/nhap", post(pages::import_upload))
        .route("/quan-tri/ke-hoach/ban-hanh", get(pages::issue_form).post(pages::issue))
        .route("/quan-tri/ke-hoach/{id}", get(pages::plan))
        .route("/quan-tri/ke-hoach/{id}/tong-hop", get(pages::aggregate))
        .route("/quan-tri/ke-hoach/{id}/{file}", get(pages::plan_or_aggregate_file))
        .route("/api/v1/plans", post(api::create_plan))
        .route("/api/v1/plans/import", post(api::import_plan))
        .route("/api/v1/plans/parse", post(api::parse_plan))
        .route("/api/v1/plans/{id}", get(api::get_plan))
        .route("/api/v1/plans/{id}/aggregate", get(api::aggregate_view))
        .route("/api/v1/plans/{id}/aggregate.xlsx", get(api::aggregate_xlsx))
        .route("/api/v1/plans/{id}/aggregate.csv", get(api::aggregate_csv))
        .route("/api/v1/plans/{id}/summary.docx", get(api::summary_docx))
        .route("/api/v1/plans/{id}/summary.pdf", get(api::summary_pdf))
}
