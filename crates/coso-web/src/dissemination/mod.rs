//! Dissemination (*phổ biến, tuyên truyền*): a unit's news (`/don-vi/{code}/tin-tuc`, its
//! Atom feed, and the officials' desk under `/quan-tri/don-vi/{code}/tin-tuc`), its legal
//! library (`/don-vi/{code}/van-ban`, with the documents of the units above it), the log of
//! its trainings (`/quan-tri/don-vi/{code}/tap-huan`), and `/api/v1/units/{code}/news`,
//! `…/library`, `…/trainings`.

pub mod api;
mod feed;
mod forms;
mod library_pages;
mod news_desk;
mod news_public;
mod training_pages;
mod views;
mod wire;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/don-vi/{code}/tin-tuc", get(news_public::list))
        .route("/don-vi/{code}/tin-tuc.atom", get(news_public::atom))
        .route("/don-vi/{code}/tin-tuc/{id}", get(news_public::post))
        .route("/don-vi/{code}/tin-tuc/{id}/anh/{file}", get(news_public::image))
        .route("/don-vi/{code}/van-ban", get(library_pages::public))
        .route("/don-vi/{code}/van-ban/{id}/tep", get(library_pages::file))
        .route("/quan-tri/don-vi/{code}/tin-tuc", get(news_desk::desk).post(news_desk::create))
        .route("/quan-tri/don-vi/{code}/tin-tuc/{id}", get(news_desk::edit).post(news_desk::update))
        .route("/quan-tri/don-vi/{code}/tin-tuc/{id}/dang", post(news_desk::publish))
        .route("/quan-tri/don-vi/{code}/tin-tuc/{id}/go", post(news_desk::unpublish))
        .route("/quan-tri/don-vi/{code}/tin-tuc/{id}/anh/{position}/xoa", post(news_desk::remove_image))
        .route("/quan-tri/don-vi/{code}/van-ban", get(library_pages::desk).post(library_pages::add))
        .route("/quan-tri/don-vi/{code}/van-ban/{id}/het-hieu-luc", post(library_pages::expire))
        .route("/quan-tri/don-vi/{code}/van-ban/{id}/xoa", post(library_pages::remove))
        .route("/quan-tri/don-vi/{code}/tap-huan", get(training_pages::log).post(training_pages::record))
        .route("/api/v1/units/{code}/news", get(api::news))
        .route("/api/v1/units/{code}/library", get(api::library))
        .route("/api/v1/units/{code}/trainings", get(api::trainings).post(api::record_training))
}
