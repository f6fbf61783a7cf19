//! The coso web shell and JSON API.
//!
//! Handlers are thin adapters: parse the request → call a use case of `coso_app` (which
//! authorizes, validates, changes and audits) → render. Pages are typed askama templates in
//! Vietnamese that work without JavaScript; the API lives under `/api/v1` with an OpenAPI
//! document.
//!
//! One module per feature (`public`, `accounts`, `cua_toi`, `units`, `households`, `users`, `audit`,
//! `calendar`, `plans`, `reports`, `tasks`, `report_templates`, `design`, `system`), each with its pages, API, views
//! and `routes()`; its templates are in `templates/<feature>/`. The modules at the top are
//! what the features share: errors, state, sessions, caches, metrics, the upload reader.

mod accounts;
mod agency;
mod app;
mod audit;
mod auth;
mod boards;
mod calendar;
mod case_desk;
mod case_stats;
mod cases;
mod consultations;
mod conventions;
mod cua_toi;
mod decision_votes;
mod decisions;
mod design;
mod dialogues;
mod disclosures;
mod dissemination;
mod elections;
mod error;
mod extract;
mod forms;
mod headers;
mod households;
mod inspections;
mod metrics;
mod open311;
mod page_context;
mod petitions;
mod plans;
mod public;
mod reception;
mod report_templates;
mod reporting;
mod reports;
mod request_id;
mod shared_copy;
mod state;
mod steering;
mod system;
mod tasks;
mod ttl_cache;
mod units;
mod upload;
mod users;
mod views;
mod wire;

pub use app::router;
pub use coso_app::Clock;
pub use state::{AppState, Open311Client, Secret, WebSettings};

/// Hashes a password the way accounts store it (for tests that create accounts).
pub use coso_app::accounts::hash_password;
