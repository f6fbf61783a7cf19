//! The officials' side of citizen cases: the inbox by deadline with its downloads, registering
//! a case at the desk, a case's page with one form per step its state allows, its documents,
//! and a unit's own categories. Built on `coso_app::cases`.

mod case_page;
mod categories;
mod documents;
mod inbox;
mod picker;
mod register;
mod steps;
mod views;

pub(crate) use picker::unit_hits;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

/// The inbox's path.
pub const PATH: &str = "/quan-tri/vu-viec";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/quan-tri/vu-viec", get(inbox::page))
        .route("/quan-tri/vu-viec/tai-ve/{file}", get(inbox::download_list))
        .route("/quan-tri/vu-viec/moi", get(register::form).post(register::submit))
        .route("/quan-tri/vu-viec/{id}", get(case_page::show))
        .route("/quan-tri/vu-viec/{id}/xu-ly", post(case_page::act))
        .route("/quan-tri/vu-viec/{id}/nguoi-to-cao", post(case_page::reveal))
        .route("/quan-tri/vu-viec/{id}/tep", get(case_page::file))
        .route("/quan-tri/vu-viec/{id}/van-ban/{file}", get(documents::download_document))
        .route("/quan-tri/don-vi/{code}/linh-vuc-don", get(categories::page).post(categories::save))
        .route("/quan-tri/don-vi/{code}/linh-vuc-don/ngung", post(categories::deactivate))
}
