//! The OpenAPI document, generated from the handlers' annotations.

use axum::Json;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(title = "coso API", description = "API của coso: đơn vị hành chính, hộ gia đình, người dùng.", version = "1"),
    paths(
        super::units::list, super::units::get, super::units::children, super::units::create, super::units::import,
        super::households::list, super::households::create, super::households::import,
        super::users::list, super::users::create,
        crate::auth::login::api_login, crate::auth::login::api_logout,
        super::health::healthz,
        super::calendar::lunar, super::calendar::solar, super::calendar::holidays, super::calendar::working_days,
        super::calendar::deadline, super::calendar::rules, super::calendar::save_announcement,
    )
)]
pub struct ApiDoc;

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
