//! The unit tree: the admin area's home, a unit's admin page (children, adding them by form or
//! CSV, the remote-area flag) and `/api/v1/units…`.

pub mod api;
mod capabilities;
mod forms;
mod pages;
mod remote;
mod views;
mod wire;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/quan-tri", get(pages::admin_home))
        .route("/quan-tri/don-vi/{code}", get(pages::admin_unit))
        .route("/quan-tri/don-vi/{code}/them", post(pages::create_unit))
        .route("/quan-tri/don-vi/{code}/nhap", post(pages::import_units))
        .route("/quan-tri/don-vi/{code}/vung-sau", post(remote::set_remote))
        .route("/api/v1/units", get(api::list))
        .route("/api/v1/units/{code}", get(api::get))
        .route("/api/v1/units/{code}/children", get(api::children).post(api::create))
        .route("/api/v1/units/{code}/children/import", post(api::import))
}
