//! The legal calendar: the deadline page ("Tính hạn giải quyết"), the month view, and
//! `/api/v1/calendar…`; and the holiday calendar in use, which other features count with.

pub mod api;
mod holidays;
mod pages;
mod views;
mod wire;

use axum::Router;
use axum::routing::{get, post};

pub use holidays::{CalendarCache, current};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/tinh-han", get(pages::deadline))
        .route("/lich", get(pages::month))
        .route("/api/v1/calendar/lunar", get(api::lunar))
        .route("/api/v1/calendar/solar", get(api::solar))
        .route("/api/v1/calendar/holidays/{year}", get(api::holidays))
        .route("/api/v1/calendar/working-days", get(api::working_days))
        .route("/api/v1/calendar/deadline", get(api::deadline))
        .route("/api/v1/calendar/rules", get(api::rules))
        .route("/api/v1/calendar/announcements", post(api::save_announcement))
}
