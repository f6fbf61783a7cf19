//! `/cua-toi`: a signed-in person's own page, phone-first. For a resident: their cases
//! ("Đơn của tôi", and a form to send one under their name), their household
//! (asking to be linked to one of their village's register, the request waiting, or the
//! confirmed household with a way to end the link), their notifications with mark-as-read
//! forms, and where they live; the capabilities to come (meetings, consultations, votes) add
//! their tasks here.

mod case_views;
mod cases;
mod household;
mod pages;
mod views;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

/// Where a resident lands after signing in.
pub const PATH: &str = "/cua-toi";
/// The resident's own cases.
pub const CASES_PATH: &str = "/cua-toi/don";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cua-toi", get(pages::home))
        .route("/cua-toi/ho-gia-dinh", post(household::request))
        .route("/cua-toi/ho-gia-dinh/ket-thuc", post(household::end))
        .route("/cua-toi/thong-bao/{id}/da-doc", post(pages::mark_read))
        .route("/cua-toi/don", get(cases::list))
        .route("/cua-toi/gui-don", get(cases::form).post(cases::submit))
}
