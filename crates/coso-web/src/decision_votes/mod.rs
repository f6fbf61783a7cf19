//! Household ballots and online votes of a community decision (issue 14, DEC-9 to DEC-11): the
//! officials' ballot page under `/quan-tri/don-vi/{code}/quyet-dinh/{id}/phat-phieu` (plan,
//! sheets and distribution list, collection, the two entries and their reconciliation, Mẫu 04)
//! and online page `…/truc-tuyen` (the close); the resident's `/cua-toi/bieu-quyet`; and
//! `/api/v1/decisions/{id}/…`.

mod admin;
pub mod api;
mod files;
mod resident;
mod views;
pub mod wire;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;
use crate::ttl_cache::keeps_sessions;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cua-toi/bieu-quyet", get(resident::list))
        .route("/cua-toi/bieu-quyet/{id}", keeps_sessions(post(resident::vote)))
        .route("/quan-tri/don-vi/{code}/quyet-dinh/{id}/phat-phieu", get(admin::page).post(admin::plan))
        .route("/quan-tri/don-vi/{code}/quyet-dinh/{id}/thu-phieu", post(admin::collect))
        .route("/quan-tri/don-vi/{code}/quyet-dinh/{id}/nhap-kiem-phieu", post(admin::tally))
        .route("/quan-tri/don-vi/{code}/quyet-dinh/{id}/truc-tuyen", get(admin::online))
        .route("/quan-tri/don-vi/{code}/quyet-dinh/{id}/truc-tuyen/ket-thuc", post(admin::close_online))
        .route("/quan-tri/don-vi/{code}/quyet-dinh/{id}/tep/{file}", get(admin::file))
        .route("/api/v1/decisions/{id}/ballot-plan", post(api::plan))
        .route("/api/v1/decisions/{id}/ballots", get(api::get))
        .route("/api/v1/decisions/{id}/ballots/collect", post(api::collect))
        .route("/api/v1/decisions/{id}/ballots.pdf", get(api::sheets_pdf))
        .route("/api/v1/decisions/{id}/distribution.pdf", get(api::distribution_pdf))
        .route("/api/v1/decisions/{id}/counting-minutes.docx", get(api::minutes_docx))
        .route("/api/v1/decisions/{id}/counting-minutes.pdf", get(api::minutes_pdf))
        .route("/api/v1/decisions/{id}/online-votes", keeps_sessions(post(api::vote)))
        .route("/api/v1/decisions/{id}/online-close", post(api::close))
}
