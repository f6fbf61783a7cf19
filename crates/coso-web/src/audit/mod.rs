//! The audit log page (administrators).

mod pages;
mod views;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/quan-tri/nhat-ky", get(pages::audit_log))
}
