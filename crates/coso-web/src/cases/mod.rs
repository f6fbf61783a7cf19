//! Citizen cases under `/api/v1/cases`: a unit's inbox, registering, reading one with its
//! deadlines, and every step of handling. The pages are built on the same use cases elsewhere.

pub mod api;
pub mod by_code;
mod wire;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/cases", get(api::list).post(api::create))
        .route("/api/v1/cases/{id}", get(api::get))
        .route("/api/v1/cases/code/{code}", get(by_code::get))
        .route("/api/v1/cases/{id}/accept", post(api::accept))
        .route("/api/v1/cases/{id}/refuse", post(api::refuse))
        .route("/api/v1/cases/{id}/forward", post(api::forward))
        .route("/api/v1/cases/{id}/assign", post(api::assign))
        .route("/api/v1/cases/{id}/verify", post(api::verify))
        .route("/api/v1/cases/{id}/extend", post(api::extend))
        .route("/api/v1/cases/{id}/answer", post(api::answer))
        .route("/api/v1/cases/{id}/close", post(api::close))
        .route("/api/v1/cases/{id}/withdraw", post(api::withdraw))
        .route("/api/v1/cases/{id}/reopen", post(api::reopen))
        .route("/api/v1/cases/{id}/files", post(api::add_file))
        .route("/api/v1/cases/{id}/files/{file}", get(api::download_file))
}
