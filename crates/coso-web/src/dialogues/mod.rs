//! Dialogues with the people (*đối thoại*): the residents' pages `/don-vi/{code}/doi-thoai`,
//! `/doi-thoai/{id}` (with the question form and, once published, the results notice as DOCX
//! and PDF) and `/don-vi/{code}/cam-ket` (the commitments of
//! the unit's subtree), the officials' pages under `/quan-tri/don-vi/{code}/doi-thoai…`, and
//! `/api/v1/…dialogues…`.

mod admin;
pub mod api;
mod files;
mod public;
mod views;
mod wire;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;
use crate::ttl_cache::keeps_sessions;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/don-vi/{code}/doi-thoai", get(public::list))
        .route("/don-vi/{code}/cam-ket", get(public::commitments))
        .route("/doi-thoai/{id}", get(public::page))
        .route("/doi-thoai/{id}/cau-hoi", keeps_sessions(post(public::ask)))
        .route("/doi-thoai/{id}/ket-qua.docx", get(files::public_docx))
        .route("/doi-thoai/{id}/ket-qua.pdf", get(files::public_pdf))
        .route("/quan-tri/don-vi/{code}/doi-thoai", get(admin::list).post(admin::create))
        .route("/quan-tri/don-vi/{code}/doi-thoai/de-nghi", post(admin::request))
        .route("/quan-tri/don-vi/{code}/doi-thoai/{id}", get(admin::manage))
        .route("/quan-tri/don-vi/{code}/doi-thoai/{id}/thong-bao", post(admin::announce))
        .route("/quan-tri/don-vi/{code}/doi-thoai/{id}/tra-loi", post(admin::answer))
        .route("/quan-tri/don-vi/{code}/doi-thoai/{id}/an", post(admin::hide))
        .route("/quan-tri/don-vi/{code}/doi-thoai/{id}/cam-ket", post(admin::commit))
        .route("/quan-tri/don-vi/{code}/doi-thoai/{id}/tien-do", post(admin::progress))
        .route("/quan-tri/don-vi/{code}/doi-thoai/{id}/ket-qua", post(admin::results))
        .route("/quan-tri/don-vi/{code}/doi-thoai/{id}/ket-qua.docx", get(files::official_docx))
        .route("/quan-tri/don-vi/{code}/doi-thoai/{id}/ket-qua.pdf", get(files::official_pdf))
        .route("/api/v1/units/{code}/dialogues", post(api::create))
        .route("/api/v1/units/{code}/dialogue-requests", post(api::request))
        .route("/api/v1/dialogues/{id}", get(api::get))
        .route("/api/v1/dialogues/{id}/announce", post(api::announce))
        .route("/api/v1/dialogues/{id}/questions", keeps_sessions(post(api::ask)))
        .route("/api/v1/dialogues/{id}/answers", post(api::answer))
        .route("/api/v1/dialogues/{id}/commitments", post(api::commit))
        .route("/api/v1/dialogues/{id}/progress", post(api::progress))
        .route("/api/v1/dialogues/{id}/results", post(api::results))
}
