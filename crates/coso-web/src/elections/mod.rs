//! Village-head elections and annual community conferences: `/api/v1/units/{code}/elections`,
//! `/api/v1/elections/{id}…`, `/api/v1/units/{code}/dismissals`,
//! `/api/v1/units/{code}/conferences`, `/api/v1/conferences/{id}` and
//! `/api/v1/units/{code}/conference-compliance`.

pub mod api;
mod wire;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/units/{code}/elections", post(api::create))
        .route("/api/v1/elections/{id}", get(api::get))
        .route("/api/v1/elections/{id}/steps", post(api::step))
        .route("/api/v1/elections/{id}/result", post(api::result))
        .route("/api/v1/elections/{id}/recognition", post(api::recognition))
        .route("/api/v1/units/{code}/dismissals", post(api::dismiss))
        .route("/api/v1/units/{code}/conferences", post(api::record_conference))
        .route("/api/v1/conferences/{id}", get(api::conference))
        .route("/api/v1/units/{code}/conference-compliance", get(api::compliance))
}
