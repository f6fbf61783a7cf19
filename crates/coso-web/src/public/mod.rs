//! What everyone sees without signing in: the home page, unit search and the page of every unit.

mod pages;
mod views;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(pages::home))
        .route("/don-vi", get(pages::search))
        .route("/don-vi/{code}", get(pages::unit))
        .route("/don-vi/{code}/tim", get(pages::search_within))
}
