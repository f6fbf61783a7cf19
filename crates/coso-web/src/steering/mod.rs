//! Steering committees: a unit's committee with its members and their areas under
//! `/quan-tri/don-vi/{code}/ban-chi-dao…`, a member's «Địa bàn theo dõi» at `/quan-tri/theo-doi`,
//! and `/api/v1/units/{code}/steering-committee…`, `/api/v1/followed-areas`.

pub mod api;
mod pages;
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
}
