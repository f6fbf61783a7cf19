//! The public side of citizen cases: the resident's petition form, the tracking pages with
//! the receipt and the rating of an answer, and a unit's public list of petitions. Nobody needs
//! an account; a signed-in resident is linked to what they send.

mod form;
mod list;
pub(crate) mod multipart;
mod tracking;
mod views;

pub use form::limits;
/// The petition form's reader, shared by the resident's own form (`/cua-toi/gui-don`).
pub use multipart::{PetitionForm, read as read_form};

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;
use crate::ttl_cache::keeps_sessions;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/don-vi/{code}/phan-anh", get(list::page))
        .route("/don-vi/{code}/phan-anh/gui", keeps_sessions(get(form::show).post(form::submit)))
        .route("/theo-doi", get(tracking::lookup))
        .route("/theo-doi/{code}", get(tracking::page))
        .route("/theo-doi/{code}/danh-gia", post(tracking::rate))
        .route("/theo-doi/{code}/{file}", get(tracking::file))
}
