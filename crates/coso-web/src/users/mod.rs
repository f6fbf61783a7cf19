//! Accounts: the list and the creation form (administrators), and `/api/v1/users`.

pub mod api;
mod forms;
mod pages;
mod views;
mod wire;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/quan-tri/nguoi-dung", get(pages::list).post(pages::create))
        .route("/api/v1/users", get(api::list).post(api::create))
}
