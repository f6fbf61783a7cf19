//! The tasks of a plan: status, progress, notes and evidence files, from the plan page and
//! from `/api/v1/plans/{id}/tasks…`.

pub mod follow_up;
mod wire;

use axum::Router;
use axum::routing::{get, patch, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/quan-tri/ke-hoach/{id}/nhiem-vu/{task}", post(follow_up::update_page))
        .route("/quan-tri/ke-hoach/{id}/nhiem-vu/{task}/minh-chung", post(follow_up::evidence_page))
        .route("/quan-tri/ke-hoach/{id}/minh-chung/{file}", get(follow_up::download_evidence))
        .route("/api/v1/plans/{id}/tasks/{task}", patch(follow_up::update))
        .route("/api/v1/plans/{id}/tasks/{task}/evidence", post(follow_up::add_evidence))
}
