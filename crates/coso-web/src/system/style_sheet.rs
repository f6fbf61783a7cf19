//! The one style sheet, compiled into the binary.

use axum::http::header;
use axum::response::IntoResponse;

const CSS: &str = include_str!("../../static/coso.css");
/// Where the stylesheet is served: the only style source the pages' policy allows.
pub const STYLESHEET: &str = "/static/coso.css";

pub async fn css() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")], CSS)
}
