//! The audit log page.

use askama::Template;
use askama_web::WebTemplate;
use coso_store::AuditRecord;

use crate::views::Nav;

#[derive(Template, WebTemplate)]
#[template(path = "audit/log.html")]
pub struct AuditPage {
    pub nav: Nav,
    pub entries: Vec<AuditRecord>,
    pub total: i64,
}
