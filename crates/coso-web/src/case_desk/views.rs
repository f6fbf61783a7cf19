//! The desk's pages: the inbox, the registration form, a case's page, the unit's categories.

use askama::Template;
use askama_web::WebTemplate;
use coso_store::{CaseCategoryRow, UnitRow};

use super::steps::FieldKind;
use crate::forms::FieldErrors;
use crate::views::{ErrorLink, Nav, UnitHit};

/// A choice of a select or radio group: value, label, chosen.
#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

impl Choice {
    pub fn new(value: impl Into<String>, label: impl Into<String>, chosen: &str) -> Choice {
        let value = value.into();
        Choice { selected: value == chosen, value, label: label.into() }
    }
}

/// One line of the inbox, as shown.
#[derive(Debug, Clone)]
pub struct InboxRow {
    /// The case's page, or "" for a user who only registers cases.
    pub href: String,
    pub code: String,
    pub kind: &'static str,
    pub category: String,
    pub unit: String,
    pub received: String,
    pub status: &'static str,
    pub status_tag: &'static str,
    /// "15/12/2026 · còn 3 ngày làm việc", "quá hạn 2 ngày", or "".
    pub due: String,
    pub due_tag: &'static str,
    pub flags: Vec<&'static str>,
    pub handler: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "case_desk/inbox.html")]
pub struct InboxPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub rows: Vec<InboxRow>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    pub kinds: Vec<Choice>,
    pub statuses: Vec<Choice>,
    pub categories: Vec<Choice>,
    pub handlers: Vec<Choice>,
    pub q: String,
    pub unit_query: String,
    pub hits: Vec<UnitHit>,
    /// The filters as a query string (without the page), for the pages and the downloads.
    pub filter_query: String,
    pub can_handle: bool,
    pub errors: FieldErrors,
}

impl InboxPage {
    /// The link to another page of the list; "" when there is none.
    pub fn page_href(&self, page: i64) -> String {
        if page < 1 || page > self.pages || page == self.page {
            String::new()
        } else {
            format!("{}?{}&trang={page}", super::PATH, self.filter_query)
        }
    }
}

/// What the registration form shows: the values typed, as text.
#[derive(Debug, Clone, Default)]
pub struct RegisterValues {
    pub kind: String,
    pub channel: String,
    pub unit: String,
    pub category: String,
    pub received_on: String,
    pub content: String,
    pub name: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub id_number: String,
    pub decision_received_on: String,
    pub anonymous: bool,
    pub remote: bool,
    pub complex: bool,
    pub crowded: bool,
    pub over_level: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "case_desk/register.html")]
pub struct RegisterPage {
    pub nav: Nav,
    pub values: RegisterValues,
    pub kinds: Vec<Choice>,
    pub channels: Vec<Choice>,
    pub categories: Vec<Choice>,
    pub unit_query: String,
    pub hits: Vec<UnitHit>,
    pub errors: FieldErrors,
    /// The largest scanned letter, in MB.
    pub max_letter_mb: usize,
}

impl RegisterPage {
    /// The sender's text fields: id, label, value, autocomplete, input type.
    pub fn sender_fields(&self) -> Vec<(&'static str, &'static str, &str, &'static str, &'static str)> {
        let v = &self.values;
        vec![
            ("sender.name", "Họ và tên", v.name.as_str(), "name", "text"),
            ("sender.address", "Địa chỉ", v.address.as_str(), "street-address", "text"),
            ("sender.phone", "Số điện thoại", v.phone.as_str(), "tel", "tel"),
            ("sender.email", "Thư điện tử", v.email.as_str(), "email", "email"),
            ("sender.id_number", "Số định danh cá nhân, CCCD", v.id_number.as_str(), "off", "text"),
        ]
    }

    /// The flags: id, label, checked.
    pub fn flags(&self) -> Vec<(&'static str, &'static str, bool)> {
        let v = &self.values;
        vec![
            ("anonymous", "Người gửi không nêu danh tính (đơn nặc danh)", v.anonymous),
            ("remote", "Vùng sâu, vùng xa (để trống: theo đơn vị)", v.remote),
            ("complex", "Vụ việc phức tạp", v.complex),
            ("crowded", "Đông người", v.crowded),
            ("over_level", "Vượt cấp", v.over_level),
        ]
    }
}

/// One deadline of a case, as shown.
#[derive(Debug, Clone)]
pub struct DeadlineRow {
    pub title: String,
    pub due: String,
    pub state: String,
    pub tag: &'static str,
    pub explanation: String,
    pub citation: String,
}

/// One step of a case's timeline, as shown.
#[derive(Debug, Clone)]
pub struct TimelineRow {
    pub on: String,
    pub label: &'static str,
    pub actor: String,
    pub note: String,
    pub detail: String,
}

/// A file of a case, as listed.
#[derive(Debug, Clone)]
pub struct FileRow {
    pub href: String,
    pub name: String,
    pub size: String,
}

/// A document of a case: its label and its downloads.
#[derive(Debug, Clone)]
pub struct DocumentLink {
    pub label: &'static str,
    pub docx: String,
    pub pdf: String,
}

/// The sender block of a case page.
#[derive(Debug, Clone)]
pub enum SenderBlock {
    /// The identity, for those entitled to it: (label, value) lines.
    Shown(Vec<(&'static str, String)>),
    /// A denunciation: kept secret; `may_reveal` for a cleared user.
    Secret { may_reveal: bool },
    /// Nobody identified the sender.
    Anonymous,
    /// Removed under the retention setting on that day.
    Removed(String),
}

#[derive(Template, WebTemplate)]
#[template(path = "case_desk/case.html")]
pub struct CasePageView {
    pub nav: Nav,
    pub id: i64,
    pub code: String,
    pub kind: &'static str,
    pub summary: Vec<(&'static str, String)>,
    pub content: String,
    pub public_answer: String,
    pub sender: SenderBlock,
    pub deadlines: Vec<DeadlineRow>,
    pub timeline: Vec<TimelineRow>,
    pub files: Vec<FileRow>,
    pub documents: Vec<DocumentLink>,
    /// The forms of the steps allowed now.
    pub steps: Vec<super::steps::StepForm>,
    /// The refused step's errors, on its fields' ids.
    pub errors: Vec<ErrorLink>,
    /// What the forward picker searched, and the units found.
    pub unit_query: String,
    pub hits: Vec<UnitHit>,
}

#[derive(Template, WebTemplate)]
#[template(path = "case_desk/categories.html")]
pub struct CategoriesPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub shipped: Vec<CaseCategoryRow>,
    pub own: Vec<CaseCategoryRow>,
    pub code: String,
    pub name: String,
    pub errors: FieldErrors,
}
