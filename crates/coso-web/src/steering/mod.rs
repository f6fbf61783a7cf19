//! Steering committees: a unit's committee with its members and their areas under
//! `/quan-tri/don-vi/{code}/ban-chi-dao…`, a member's «Địa bàn theo dõi» at `/quan-tri/theo-doi`,
//! the register of commendations and models under `/quan-tri/don-vi/{code}/khen-thuong…` (a
//! unit's models in public at `/don-vi/{code}/mo-hinh`), and `/api/v1/units/{code}/steering-committee…`,
//! `/api/v1/followed-areas`, `/api/v1/units/{code}/{commendations,models}`.

pub mod api;
mod pages;
mod register;
mod views;
mod wire;

use axum::Router;
use axum::routing::{delete, get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/quan-tri/theo-doi", get(pages::follow))
        .route("/quan-tri/don-vi/{code}/ban-chi-dao", get(pages::committee).post(pages::save))
        .route("/quan-tri/don-vi/{code}/ban-chi-dao/thanh-vien", post(pages::add_member))
        .route("/quan-tri/don-vi/{code}/ban-chi-dao/thanh-vien/{id}/xoa", post(pages::remove_member))
        .route("/api/v1/units/{code}/steering-committee", get(api::get).put(api::save))
        .route("/api/v1/units/{code}/steering-committee/members", post(api::add_member))
        .route("/api/v1/units/{code}/steering-committee/members/{id}", delete(api::remove_member))
        .route("/api/v1/followed-areas", get(api::followed))
        .route("/don-vi/{code}/mo-hinh", get(register::public))
        .route("/quan-tri/don-vi/{code}/khen-thuong", get(register::page).post(register::record_commendation))
        .route("/quan-tri/don-vi/{code}/khen-thuong/mo-hinh", post(register::record_model))
        .route("/quan-tri/don-vi/{code}/khen-thuong/khen-thuong.csv", get(register::commendations_csv))
        .route("/quan-tri/don-vi/{code}/khen-thuong/khen-thuong.xlsx", get(register::commendations_xlsx))
        .route("/quan-tri/don-vi/{code}/khen-thuong/mo-hinh.csv", get(register::models_csv))
        .route("/quan-tri/don-vi/{code}/khen-thuong/mo-hinh.xlsx", get(register::models_xlsx))
        .route("/api/v1/units/{code}/commendations", get(api::commendations).post(api::record_commendation))
        .route("/api/v1/units/{code}/models", get(api::models).post(api::record_model))
}
