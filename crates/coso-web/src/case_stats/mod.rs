//! The statistics of citizen cases: the page `/quan-tri/vu-viec/thong-ke` with its charts and
//! its XLSX and CSV downloads, and `/api/v1/cases/stats`. Built on `coso_app::cases::stats`.

pub mod api;
mod pages;
mod period;
mod views;
mod wire;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/quan-tri/vu-viec/thong-ke", get(pages::stats))
        .route("/quan-tri/vu-viec/thong-ke.xlsx", get(pages::xlsx))
        .route("/quan-tri/vu-viec/thong-ke.csv", get(pages::csv))
        .route("/api/v1/cases/stats", get(api::stats))
}
