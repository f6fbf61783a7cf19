//! Open311 GeoReport v2 (<http://wiki.open311.org/GeoReport_v2>), so that existing apps and
//! city tools can send and follow petitions: discovery, services (a unit's categories), and
//! service requests (petitions only; the id is the tracking code), in JSON and XML.
//!
//! It is an API for other applications, without cookies: no handler here reads a session, so
//! the cross-site check lets its form-encoded POST through (see `app.rs`), and the public
//! intake limit per address applies as on the form.

mod handlers;
mod wire;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;
use crate::ttl_cache::keeps_sessions;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/open311/v2/discovery.json", get(handlers::discovery_json))
        .route("/open311/v2/discovery.xml", get(handlers::discovery_xml))
        .route("/open311/v2/services.json", get(handlers::services_json))
        .route("/open311/v2/services.xml", get(handlers::services_xml))
        .route("/open311/v2/requests.json", keeps_sessions(get(handlers::list_json).post(handlers::create_json)))
        .route("/open311/v2/requests.xml", keeps_sessions(get(handlers::list_xml).post(handlers::create_xml)))
        .route("/open311/v2/requests/{id}", get(handlers::one))
}

/// Whether a request is for Open311 (exempt from the cross-site check: it carries no cookie
/// that anything here reads).
pub fn is_open311(path: &str) -> bool {
    path.starts_with("/open311/")
}
