//! The OpenAPI document, generated from the handlers' annotations.

use axum::Json;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "coso API",
        description = "API của coso: đơn vị hành chính, hộ gia đình, người dùng, lịch, kế hoạch và báo cáo.",
        version = "1"
    ),
    paths(
        super::units::list,
        super::units::get,
        super::units::children,
        super::units::create,
        super::units::import,
        super::households::list,
        super::households::create,
        super::households::import,
        super::users::list,
        super::users::create,
        crate::auth::login::api_login,
        crate::auth::login::api_logout,
        super::health::healthz,
        super::calendar::lunar,
        super::calendar::solar,
        super::calendar::holidays,
        super::calendar::working_days,
        super::calendar::deadline,
        super::calendar::rules,
        super::calendar::save_announcement,
        crate::reporting::api::import_plan,
        crate::reporting::api::create_plan,
        crate::reporting::api::parse_plan,
        crate::reporting::api::get_plan,
        crate::reporting::api::unit_inbox,
        crate::reporting::api::submit,
        crate::reporting::api::get_submission,
        crate::reporting::api::review,
        crate::reporting::api::aggregate_view,
        crate::reporting::api::aggregate_xlsx,
        crate::reporting::api::aggregate_csv,
        crate::reporting::api::summary_docx,
        crate::reporting::api::summary_pdf,
        crate::reporting::tasks::update,
        crate::reporting::tasks::add_evidence,
        crate::reporting::templates::list,
        crate::reporting::templates::update,
        crate::reporting::api::notifications,
    )
)]
pub struct ApiDoc;

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
