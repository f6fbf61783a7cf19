//! Village conventions (*hương ước, quy ước*): the village's public page
//! `/don-vi/{code}/huong-uoc`, `/api/v1/units/{code}/conventions` and
//! `/api/v1/conventions/{id}…`.

pub mod api;
mod public;
mod wire;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/don-vi/{code}/huong-uoc", get(public::page))
        .route("/api/v1/units/{code}/conventions", post(api::create))
        .route("/api/v1/conventions/{id}", get(api::get))
        .route("/api/v1/conventions/{id}/versions", post(api::version))
        .route("/api/v1/conventions/{id}/posting", post(api::post))
        .route("/api/v1/conventions/{id}/opinions", post(api::opinions))
        .route("/api/v1/conventions/{id}/adoption", post(api::adoption))
        .route("/api/v1/conventions/{id}/dossier", post(api::dossier))
        .route("/api/v1/conventions/{id}/recognition", post(api::recognition))
        .route("/api/v1/conventions/{id}/return", post(api::return_dossier))
        .route("/api/v1/conventions/{id}/review", post(api::review))
        .route("/api/v1/conventions/{id}/diff", get(api::diff))
        .route("/api/v1/conventions/{id}/dossier.docx", get(api::dossier_docx))
        .route("/api/v1/conventions/{id}/dossier.pdf", get(api::dossier_pdf))
}
