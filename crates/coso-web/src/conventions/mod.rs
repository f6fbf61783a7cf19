//! Village conventions (*hương ước, quy ước*): the village's public page
//! `/don-vi/{code}/huong-uoc`; the officials' pages under `/quan-tri/don-vi/{code}/huong-uoc`
//! (the list, a new convention, one convention with the forms of the moves its state allows,
//! the diff of two versions); `/api/v1/units/{code}/conventions` and
//! `/api/v1/conventions/{id}…`.

pub mod api;
mod forms;
mod pages;
mod public;
mod views;
mod wire;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/don-vi/{code}/huong-uoc", get(public::page))
        .route("/quan-tri/don-vi/{code}/huong-uoc", get(pages::list).post(pages::create))
        .route("/quan-tri/don-vi/{code}/huong-uoc/moi", get(pages::new))
        .route("/quan-tri/don-vi/{code}/huong-uoc/{id}", get(pages::page))
        .route("/quan-tri/don-vi/{code}/huong-uoc/{id}/sua", post(pages::version))
        .route("/quan-tri/don-vi/{code}/huong-uoc/{id}/niem-yet", post(pages::posting))
        .route("/quan-tri/don-vi/{code}/huong-uoc/{id}/y-kien", post(pages::opinions))
        .route("/quan-tri/don-vi/{code}/huong-uoc/{id}/bieu-quyet", post(pages::vote))
        .route("/quan-tri/don-vi/{code}/huong-uoc/{id}/bieu-quyet-quyet-dinh", post(pages::vote_from_decision))
        .route("/quan-tri/don-vi/{code}/huong-uoc/{id}/gui-ho-so", post(pages::dossier))
        .route("/quan-tri/don-vi/{code}/huong-uoc/{id}/cong-nhan", post(pages::recognition))
        .route("/quan-tri/don-vi/{code}/huong-uoc/{id}/tra-lai", post(pages::return_dossier))
        .route("/quan-tri/don-vi/{code}/huong-uoc/{id}/ra-soat", post(pages::review))
        .route("/quan-tri/don-vi/{code}/huong-uoc/{id}/so-sanh", get(pages::diff))
        .route("/api/v1/units/{code}/conventions", post(api::create))
        .route("/api/v1/conventions/{id}", get(api::get))
        .route("/api/v1/conventions/{id}/versions", post(api::version))
        .route("/api/v1/conventions/{id}/posting", post(api::post))
        .route("/api/v1/conventions/{id}/opinions", post(api::opinions))
        .route("/api/v1/conventions/{id}/adoption", post(api::adoption))
        .route("/api/v1/conventions/{id}/adoption-decision", post(api::adoption_decision))
        .route("/api/v1/conventions/{id}/dossier", post(api::dossier))
        .route("/api/v1/conventions/{id}/recognition", post(api::recognition))
        .route("/api/v1/conventions/{id}/return", post(api::return_dossier))
        .route("/api/v1/conventions/{id}/review", post(api::review))
        .route("/api/v1/conventions/{id}/diff", get(api::diff))
        .route("/api/v1/conventions/{id}/dossier.docx", get(api::dossier_docx))
        .route("/api/v1/conventions/{id}/dossier.pdf", get(api::dossier_pdf))
}
