//! The resident's cases: the list "Đơn của tôi" and the form to send a case under one's name.

use askama::Template;
use askama_web::WebTemplate;
use coso_app::cases::MyCase;
use coso_domain::case::CaseStatus;

use crate::forms::FieldErrors;
use crate::views::{Nav, UnitHit, vn_date};

/// One of the resident's cases, as a line of the list.
#[derive(Debug, Clone)]
pub struct MyCaseLine {
    pub code: String,
    pub kind: &'static str,
    pub unit: String,
    pub status: &'static str,
    /// The status tag's kind: "wait" while open, "ok" once answered or closed.
    pub status_tag: &'static str,
    pub received: String,
    /// "Hạn xử lý 12/12/2026", "Trả lời ngày 10/12/2026", or "".
    pub when: String,
}

impl From<MyCase> for MyCaseLine {
    fn from(c: MyCase) -> MyCaseLine {
        let when = match (c.next_due, c.answered_on) {
            (Some(due), _) => format!("Hạn xử lý {}", vn_date(due)),
            (None, Some(answered)) => format!("Trả lời ngày {}", vn_date(answered)),
            (None, None) => String::new(),
        };
        let status_tag = match c.status {
            CaseStatus::Answered | CaseStatus::Closed => "ok",
            s if s.is_open() => "wait",
            _ => "",
        };
        MyCaseLine {
            code: c.code,
            kind: c.kind.label(),
            unit: c.unit_name,
            status: c.status.label(),
            status_tag,
            received: vn_date(c.received_on),
            when,
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "cua_toi/cases.html")]
pub struct MyCasesPage {
    pub nav: Nav,
    pub lines: Vec<MyCaseLine>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
}

impl MyCasesPage {
    /// The link to another page of the list; "" when there is none.
    pub fn page_href(&self, page: i64) -> String {
        if page < 1 || page > self.pages || page == self.page {
            String::new()
        } else {
            format!("{}?trang={page}", super::CASES_PATH)
        }
    }
}

/// The send form's values as typed.
#[derive(Debug, Clone, Default)]
pub struct SendValues {
    pub kind: String,
    pub unit: String,
    pub category: String,
    pub content: String,
    pub address: String,
    pub phone: String,
    pub id_number: String,
    pub publish: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "cua_toi/send.html")]
pub struct SendPage {
    pub nav: Nav,
    /// The account's name and e-mail: the sender's, not typed.
    pub name: String,
    pub email: String,
    pub values: SendValues,
    /// (code, label, chosen) of each kind a resident sends.
    pub kinds: Vec<(String, String, bool)>,
    /// The categories of the chosen unit (or the shipped ones before a unit is chosen).
    pub categories: Vec<(String, String, bool)>,
    pub unit_query: String,
    pub hits: Vec<UnitHit>,
    pub errors: FieldErrors,
    pub max_photo_mb: usize,
    pub max_photos: usize,
}
