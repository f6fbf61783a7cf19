//! The coso web shell and JSON API.
//!
//! Handlers are thin adapters: parse the request → call a use case of `coso_app` (which
//! authorizes, validates, changes and audits) → render. Pages are typed askama templates in
//! Vietnamese that work without JavaScript; the API lives under `/api/v1` with an OpenAPI
//! document.

mod api;
mod app;
mod auth;
mod calendar;
mod error;
mod forms;
mod metrics;
mod pages;
mod reporting;
mod request_id;
mod state;
mod ttl_cache;
mod views;

pub use app::router;
pub use coso_app::Clock;
pub use state::{AppState, WebSettings};

/// Hashes a password the way accounts store it (for tests that create accounts).
pub use coso_app::accounts::hash_password;
