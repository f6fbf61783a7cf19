//! `/cua-toi`: a resident's home. It starts with where they live (the unit of their grant; a
//! household is not linked to an account yet) and the public calendar and deadlines; the
//! capabilities to come (meetings, consultations, votes) add their tasks here.

mod pages;
mod views;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

/// Where a resident lands after signing in.
pub const PATH: &str = "/cua-toi";

pub fn routes() -> Router<AppState> {
    Router::new().route("/cua-toi", get(pages::home))
}
