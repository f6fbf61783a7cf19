//! The disclosure register (*công khai*): the public list of a unit's disclosures with their
//! files and Atom feed, the officials' register with the record form and the year's compliance
//! (chart, CSV, XLSX), the edit page with its files, the village head's relay page, and
//! `/api/v1/units/{code}/disclosures…`.

mod admin;
pub mod api;
pub(crate) mod multipart;
mod public;
mod views;
mod wire;

use axum::Router;
use axum::routing::{get, post, put};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/don-vi/{code}/cong-khai", get(public::list))
        .route("/don-vi/{code}/cong-khai.atom", get(public::feed))
        .route("/don-vi/{code}/cong-khai/{id}", get(public::detail))
        .route("/don-vi/{code}/cong-khai/{id}/tep/{file}", get(public::file))
        .route("/don-vi/{code}/cong-khai/{id}/thong-bao.docx", get(public::notice_docx))
        .route("/don-vi/{code}/cong-khai/{id}/thong-bao.pdf", get(public::notice_pdf))
        .route("/quan-tri/don-vi/{code}/cong-khai", get(admin::register).post(admin::record))
        .route("/quan-tri/don-vi/{code}/cong-khai/{id}/sua", get(admin::edit).post(admin::save))
        .route("/quan-tri/don-vi/{code}/cong-khai/{id}/tep", post(admin::add_files))
        .route("/quan-tri/don-vi/{code}/cong-khai/tuan-thu", get(admin::compliance))
        .route("/quan-tri/don-vi/{code}/cong-khai/tuan-thu.csv", get(admin::compliance_csv))
        .route("/quan-tri/don-vi/{code}/cong-khai/tuan-thu.xlsx", get(admin::compliance_xlsx))
        .route("/quan-tri/don-vi/{code}/thong-tin-lai", get(admin::relays))
        .route("/quan-tri/don-vi/{code}/thong-tin-lai/{id}", post(admin::relay))
        .route("/api/v1/units/{code}/disclosures", get(api::list).post(api::create))
        .route("/api/v1/units/{code}/disclosures/{id}", put(api::update))
        .route("/api/v1/units/{code}/disclosures/{id}/files", post(api::add_files))
        .route("/api/v1/units/{code}/disclosure-compliance", get(api::compliance))
}
