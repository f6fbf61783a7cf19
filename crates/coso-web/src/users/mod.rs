//! Accounts: the list and the creation form (administrators), and `/api/v1/users`.

pub mod api;
mod clearance;
mod forms;
mod pages;
mod views;
mod wire;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/quan-tri/nguoi-dung", get(pages::list).post(pages::create))
        .route("/quan-tri/nguoi-dung/quyen-to-cao", get(clearance::page).post(clearance::grant))
        .route("/quan-tri/nguoi-dung/quyen-to-cao/thu-hoi", post(clearance::revoke))
        .route("/api/v1/users", get(api::list).post(api::create))
}
