//! Inspections of how units carry out grassroots democracy: the officials' pages under
//! `/quan-tri/don-vi/{code}/kiem-tra…` and `/api/v1/…inspections…`; the inspected unit's side
//! under `/quan-tri/don-vi/{code}/duoc-kiem-tra…`.

pub mod api;
mod inspected;
mod pages;
mod views;
mod wire;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/quan-tri/don-vi/{code}/kiem-tra", get(pages::list).post(pages::create))
        .route("/quan-tri/don-vi/{code}/kiem-tra/{id}", get(pages::page))
        .route("/quan-tri/don-vi/{code}/kiem-tra/{id}/danh-gia", post(pages::record_finding))
        .route("/quan-tri/don-vi/{code}/kiem-tra/{id}/minh-chung", post(pages::add_evidence))
        .route("/quan-tri/don-vi/{code}/kiem-tra/{id}/ket-luan", post(pages::conclude))
        .route("/quan-tri/don-vi/{code}/kiem-tra/{id}/khac-phuc", post(pages::add_task))
        .route("/quan-tri/don-vi/{code}/kiem-tra/{id}/khac-phuc/{task}", post(pages::finish_task))
        .route("/quan-tri/don-vi/{code}/kiem-tra/{id}/buoc", post(pages::step))
        .route("/quan-tri/don-vi/{code}/duoc-kiem-tra", get(inspected::list))
        .route("/quan-tri/don-vi/{code}/duoc-kiem-tra/{id}", get(inspected::page))
        .route("/quan-tri/don-vi/{code}/duoc-kiem-tra/{id}/ket-luan.docx", get(inspected::conclusion_docx))
        .route("/quan-tri/don-vi/{code}/duoc-kiem-tra/{id}/ket-luan.pdf", get(inspected::conclusion_pdf))
        .route("/quan-tri/don-vi/{code}/duoc-kiem-tra/{id}/khac-phuc/{task}", post(inspected::finish_task))
        .route("/quan-tri/don-vi/{code}/duoc-kiem-tra/{id}/khac-phuc/{task}/minh-chung", post(inspected::task_evidence))
        .route("/api/v1/units/{code}/inspections", post(api::create))
        .route("/api/v1/inspections/{id}", get(api::get))
        .route("/api/v1/inspections/{id}/findings", post(api::record_finding))
        .route("/api/v1/inspections/{id}/findings/{criterion}/evidence", post(api::finding_evidence))
        .route("/api/v1/inspections/{id}/conclusion", post(api::conclude))
        .route("/api/v1/inspections/{id}/conclusion.docx", get(api::conclusion_docx))
        .route("/api/v1/inspections/{id}/conclusion.pdf", get(api::conclusion_pdf))
        .route("/api/v1/inspections/{id}/remediation", post(api::add_task))
        .route("/api/v1/inspections/{id}/remediation/{task}/done", post(api::finish_task))
        .route("/api/v1/inspections/{id}/remediation/{task}/evidence", post(api::task_evidence))
        .route("/api/v1/inspections/{id}/evidence/{file}", get(api::evidence))
        .route("/api/v1/inspections/{id}/publish", post(api::publish))
        .route("/api/v1/inspections/{id}/close", post(api::close))
}
