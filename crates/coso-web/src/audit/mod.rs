//! The audit log page and its CSV download (administrators).

mod pages;
mod views;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/quan-tri/nhat-ky", get(pages::audit_log))
        .route("/quan-tri/nhat-ky/{file}", get(pages::audit_file))
}
