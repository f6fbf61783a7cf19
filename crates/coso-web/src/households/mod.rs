//! Household registers: the register page of a village (or of a subtree, for reading), adding
//! households by form or CSV, the residents' requests to represent a household, and
//! `/api/v1/units/{code}/households…`.

pub mod api;
mod forms;
mod links;
mod pages;
mod views;
mod wire;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/quan-tri/don-vi/{code}/ho-gia-dinh", get(pages::list))
        .route("/quan-tri/don-vi/{code}/ho-gia-dinh/them", post(pages::create))
        .route("/quan-tri/don-vi/{code}/ho-gia-dinh/nhap", post(pages::import))
        .route("/quan-tri/don-vi/{code}/ho-gia-dinh/yeu-cau-lien-ket", get(links::pending))
        .route("/quan-tri/don-vi/{code}/ho-gia-dinh/yeu-cau-lien-ket/{id}", post(links::decide))
        .route("/api/v1/units/{code}/households", get(api::list).post(api::create))
        .route("/api/v1/units/{code}/households/import", post(api::import))
}
