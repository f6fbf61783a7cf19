//! What is not a feature of its own: `/healthz`, `/metrics`, the OpenAPI document, the style
//! sheet, and the answers for paths nothing else serves.

mod health;
mod not_found;
mod openapi;
mod openapi_answers;
mod openapi_codes;
mod style_sheet;

pub use style_sheet::STYLESHEET;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/metrics", get(health::metrics))
        .route("/api/v1/openapi.json", get(openapi::document))
        .route(STYLESHEET, get(style_sheet::css))
        .route("/api/v1/{*rest}", get(not_found::api_not_found).post(not_found::api_not_found))
        .fallback(not_found::page_not_found)
}
