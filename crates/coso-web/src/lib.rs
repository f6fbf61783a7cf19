//! The coso web shell and JSON API.
//!
//! Handlers are thin: parse → authorize (coso-domain) → call the store → render. Pages are
//! typed askama templates in Vietnamese that work without JavaScript; the API lives under
//! `/api/v1` with an OpenAPI document.

mod actions;
mod api;
mod app;
mod auth;
mod calendar;
mod clock;
mod error;
mod extract;
mod forms;
mod headers;
mod metrics;
mod pages;
mod reporting;
mod request_id;
mod state;
mod ttl_cache;
mod views;

pub use app::router;
pub use clock::Clock;
pub use state::{AppState, Secret, WebSettings};

/// Hashes a password with argon2id off the async runtime (for the CLI and tests).
pub use auth::password::hash as hash_password;
