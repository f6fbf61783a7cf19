//! Community decisions (*Nhân dân bàn và quyết định*): the officials' pages under
//! `/quan-tri/don-vi/{code}/quyet-dinh…` (the list with the open form, a decision with its
//! outcome and deadlines, a meeting's attendance ticked per household or counted, its vote, the
//! close of a meeting that cannot reach the ratio, Mẫu 01–03 of a meeting) and `/api/v1/…/decisions`.

pub mod api;
pub mod documents;
mod pages;
mod views;
mod wire;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/quan-tri/don-vi/{code}/quyet-dinh", get(pages::list).post(pages::open))
        .route("/quan-tri/don-vi/{code}/quyet-dinh/{id}", get(pages::page))
        .route("/quan-tri/don-vi/{code}/quyet-dinh/{id}/du-hop", post(pages::attendance))
        .route("/quan-tri/don-vi/{code}/quyet-dinh/{id}/kiem-phieu", post(pages::tally))
        .route("/quan-tri/don-vi/{code}/quyet-dinh/{id}/ket-thuc", post(pages::close))
        .route("/api/v1/units/{code}/decisions", post(api::create))
        .route("/api/v1/decisions/{id}", get(api::get))
        .route("/api/v1/decisions/{id}/attendance", post(api::attendance))
        .route("/api/v1/decisions/{id}/tally", post(api::tally))
        .route("/api/v1/decisions/{id}/invitation.docx", get(documents::invitation_docx))
        .route("/api/v1/decisions/{id}/invitation.pdf", get(documents::invitation_pdf))
        .route("/api/v1/decisions/{id}/meeting-minutes.docx", get(documents::minutes_docx))
        .route("/api/v1/decisions/{id}/meeting-minutes.pdf", get(documents::minutes_pdf))
        .route("/api/v1/decisions/{id}/resolution.docx", get(documents::resolution_docx))
        .route("/api/v1/decisions/{id}/resolution.pdf", get(documents::resolution_pdf))
}
