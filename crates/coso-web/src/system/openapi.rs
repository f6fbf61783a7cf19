//! The OpenAPI document, generated from the handlers' annotations.

use axum::Json;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "coso API",
        description = "API của coso: đơn vị hành chính, hộ gia đình, người dùng, lịch, kế hoạch, báo cáo và đơn thư.",
        version = "1"
    ),
    paths(
        crate::units::api::list,
        crate::units::api::get,
        crate::units::api::children,
        crate::units::api::create,
        crate::units::api::import,
        crate::households::api::list,
        crate::households::api::create,
        crate::households::api::import,
        crate::users::api::list,
        crate::users::api::create,
        crate::accounts::sign_in::api_login,
        crate::accounts::sign_in::api_logout,
        super::health::healthz,
        crate::calendar::api::lunar,
        crate::calendar::api::solar,
        crate::calendar::api::holidays,
        crate::calendar::api::working_days,
        crate::calendar::api::deadline,
        crate::calendar::api::rules,
        crate::calendar::api::save_announcement,
        crate::plans::api::import_plan,
        crate::plans::api::create_plan,
        crate::plans::api::parse_plan,
        crate::plans::api::get_plan,
        crate::reports::api::unit_inbox,
        crate::reports::api::submit,
        crate::reports::api::get_submission,
        crate::reports::api::review,
        crate::plans::api::aggregate_view,
        crate::plans::api::aggregate_xlsx,
        crate::plans::api::aggregate_csv,
        crate::plans::api::summary_docx,
        crate::plans::api::summary_pdf,
        crate::tasks::follow_up::update,
        crate::tasks::follow_up::add_evidence,
        crate::report_templates::editor::list,
        crate::report_templates::editor::update,
        crate::reports::api::notifications,
        crate::reception::api::schedule,
        crate::reception::api::sessions,
        crate::reception::api::create_session,
        crate::reception::api::visits,
        crate::reception::api::create_visit,
        crate::reception::api::compliance,
        crate::disclosures::api::list,
        crate::disclosures::api::create,
        crate::disclosures::api::compliance,
        crate::cases::api::list,
        crate::case_stats::api::stats,
        crate::cases::api::create,
        crate::cases::api::get,
        crate::cases::by_code::get,
        crate::cases::api::accept,
        crate::cases::api::refuse,
        crate::cases::api::forward,
        crate::cases::api::assign,
        crate::cases::api::verify,
        crate::cases::api::extend,
        crate::cases::api::answer,
        crate::cases::api::close,
        crate::cases::api::withdraw,
        crate::cases::api::reopen,
        crate::cases::api::add_file,
        crate::cases::api::download_file,
    )
)]
pub struct ApiDoc;

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
