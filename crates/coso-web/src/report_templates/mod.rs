//! Report templates: everyone signed in reads them; administrators edit them in a page or
//! through `/api/v1/report-templates…`.

pub mod editor;
mod form;
mod views;
mod wire;

use axum::Router;
use axum::routing::{get, put};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/quan-tri/mau-bao-cao", get(editor::edit_default_template))
        .route("/quan-tri/mau-bao-cao/{id}", get(editor::edit_page).post(editor::save_page))
        .route("/api/v1/report-templates", get(editor::list))
        .route("/api/v1/report-templates/{id}", put(editor::update))
}
