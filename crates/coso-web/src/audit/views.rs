//! The audit log page.

use askama::Template;
use askama_web::WebTemplate;
use coso_app::audit::LogPage;

use super::pages::LogParams;
use crate::forms::FieldErrors;
use crate::views::Nav;

/// One choice of the kind filter.
pub struct KindChoice {
    pub code: &'static str,
    pub label: &'static str,
    pub selected: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "audit/log.html")]
pub struct AuditPage {
    pub nav: Nav,
    pub params: LogParams,
    pub errors: FieldErrors,
    pub kinds: Vec<KindChoice>,
    pub page: LogPage,
    /// The filters as an address query, for the pages and the download.
    pub filter_query: String,
}

impl AuditPage {
    fn href(&self, page: i64) -> String {
        let sep = if self.filter_query.is_empty() { "" } else { "&" };
        format!("/quan-tri/nhat-ky?{}{sep}trang={page}", self.filter_query)
    }

    pub fn prev_href(&self) -> String {
        if self.page.page > 1 { self.href(self.page.page - 1) } else { String::new() }
    }

    pub fn next_href(&self) -> String {
        if self.page.page < self.page.pages { self.href(self.page.page + 1) } else { String::new() }
    }

    pub fn csv_href(&self) -> String {
        let sep = if self.filter_query.is_empty() { "" } else { "?" };
        format!("/quan-tri/nhat-ky/nhat-ky.csv{sep}{}", self.filter_query)
    }

    pub fn filtered(&self) -> bool {
        !self.filter_query.is_empty()
    }
}
