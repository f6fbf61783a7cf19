//! The dialogue pages: a unit's dialogues, one dialogue with the question form and the unit's
//! public commitments for residents; the officials' list with the create and request forms, and
//! a dialogue's page with its answers, commitments, progress and results.

use askama::Template;
use askama_web::WebTemplate;
use coso_app::dialogues::{CommitmentView, CommitmentsPage, DialogueSummary, DialogueView};
use coso_domain::dialogue::{CommitmentStatus, DialogueInput, DialogueStatus, RequestInput};
use coso_store::{DialogueRequestRow, UnitRow};

use crate::forms::FieldErrors;
use crate::views::{Nav, vn_date};

/// The path of a unit's dialogue pages in the admin area.
pub fn admin_base(code: &str) -> String {
    format!("/quan-tri/don-vi/{code}/doi-thoai")
}

/// The tag kind of a dialogue's status.
fn dialogue_kind(s: DialogueStatus) -> &'static str {
    match s {
        DialogueStatus::Announced => "ok",
        DialogueStatus::Planned => "wait",
        DialogueStatus::Published => "",
    }
}

/// The tag kind of a commitment's status.
fn commitment_kind(s: CommitmentStatus) -> &'static str {
    match s {
        CommitmentStatus::Done => "ok",
        CommitmentStatus::Late => "late",
        CommitmentStatus::InProgress => "wait",
        CommitmentStatus::Planned => "",
    }
}

/// Where a dialogue is held, as read.
fn where_held(place: Option<&str>, online: bool) -> String {
    match (place, online) {
        (Some(p), true) => format!("{p} và trực tuyến"),
        (Some(p), false) => p.to_string(),
        (None, true) => "Trực tuyến".to_string(),
        (None, false) => "Chưa công bố địa điểm".to_string(),
    }
}

/// Shared helpers of the pages.
pub trait DialogueText {
    fn date(&self, d: &chrono::NaiveDate) -> String {
        vn_date(*d)
    }
    fn held(&self, d: &DialogueSummary) -> String {
        where_held(d.place.as_deref(), d.online)
    }
    fn dialogue_tag(&self, s: &DialogueStatus) -> &'static str {
        dialogue_kind(*s)
    }
    fn commitment_tag(&self, s: &CommitmentStatus) -> &'static str {
        commitment_kind(*s)
    }
    fn percent(&self, c: &CommitmentView) -> String {
        format!("{}%", c.percent)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "dialogues/list.html")]
pub struct ListPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub upcoming: Vec<DialogueSummary>,
    pub past: Vec<DialogueSummary>,
}

impl DialogueText for ListPage {}

/// The question form as posted, kept when it is refused.
#[derive(Debug, Clone, Default)]
pub struct Typed {
    pub body: String,
    pub name: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "dialogues/page.html")]
pub struct DialoguePage {
    pub nav: Nav,
    pub v: DialogueView,
    pub typed: Typed,
    pub errors: FieldErrors,
}

impl DialogueText for DialoguePage {}

impl DialoguePage {
    pub fn where_held(&self) -> String {
        where_held(self.v.dialogue.place.as_deref(), self.v.dialogue.online)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "dialogues/commitments.html")]
pub struct CommitmentsListPage {
    pub nav: Nav,
    pub p: CommitmentsPage,
}

impl DialogueText for CommitmentsListPage {}

impl CommitmentsListPage {
    pub fn prev_href(&self) -> String {
        if self.p.page > 1 {
            format!("/don-vi/{}/cam-ket?trang={}", self.p.unit.code, self.p.page - 1)
        } else {
            String::new()
        }
    }
    pub fn next_href(&self) -> String {
        if self.p.has_more {
            format!("/don-vi/{}/cam-ket?trang={}", self.p.unit.code, self.p.page + 1)
        } else {
            String::new()
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "dialogues/admin_list.html")]
pub struct AdminListPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub rows: Vec<DialogueSummary>,
    pub requests: Vec<DialogueRequestRow>,
    /// The unit's villages, for a dialogue held for an area.
    pub villages: Vec<UnitRow>,
    pub form: DialogueInput,
    pub request_form: RequestInput,
    pub errors: FieldErrors,
}

impl DialogueText for AdminListPage {}

impl AdminListPage {
    pub fn base(&self) -> String {
        admin_base(&self.unit.code)
    }
    pub fn village_checked(&self, code: &str) -> bool {
        self.form.villages.iter().any(|v| v == code)
    }
    pub fn online_checked(&self) -> bool {
        !self.form.online.trim().is_empty()
    }
    /// What a request is waiting for, as read.
    pub fn request_state(&self, r: &DialogueRequestRow) -> &'static str {
        match (r.required, r.dialogue_id) {
            (_, Some(_)) => "Đã tổ chức đối thoại",
            (true, None) => "Bắt buộc tổ chức đối thoại",
            (false, None) => "Chưa đủ 10% cử tri đề nghị",
        }
    }
}

/// Which form of the officials' page a refusal belongs to (`tra-loi-12`, `cam-ket`…).
#[derive(Debug, Clone, Default)]
pub struct Focus {
    pub form: String,
    pub errors: FieldErrors,
}

#[derive(Template, WebTemplate)]
#[template(path = "dialogues/admin_page.html")]
pub struct AdminPage {
    pub nav: Nav,
    pub v: DialogueView,
    pub focus: Focus,
}

impl DialogueText for AdminPage {}

impl AdminPage {
    pub fn base(&self) -> String {
        format!("{}/{}", admin_base(&self.v.unit.code), self.v.dialogue.id)
    }
    pub fn where_held(&self) -> String {
        where_held(self.v.dialogue.place.as_deref(), self.v.dialogue.online)
    }
    pub fn is(&self, status: &str) -> bool {
        self.v.dialogue.status == status
    }
    /// The error of `field` in the form `form`, if the refusal was that form's.
    pub fn error(&self, form: impl AsRef<str>, field: &str) -> &str {
        if self.focus.form == form.as_ref() { self.focus.errors.get(field) } else { "" }
    }
    pub fn key(&self, prefix: &str, id: &i64) -> String {
        format!("{prefix}-{id}")
    }
    /// The statuses an official may choose in a progress update.
    pub fn statuses(&self, c: &CommitmentView) -> Vec<(String, &'static str, bool)> {
        [CommitmentStatus::Planned, CommitmentStatus::InProgress, CommitmentStatus::Done]
            .into_iter()
            .map(|s| {
                (
                    s.as_str().to_string(),
                    s.label(),
                    s == c.status || (c.status == CommitmentStatus::Late && s == CommitmentStatus::InProgress),
                )
            })
            .collect()
    }
    /// The questions a commitment may answer: none, or one of the visible ones.
    pub fn question_choices(&self) -> Vec<(String, String, bool)> {
        std::iter::once((String::new(), "Không gắn với câu hỏi".to_string(), true))
            .chain(self.v.questions.iter().filter(|q| q.hidden_reason.is_none()).map(|q| {
                let text: String = q.body.clone().unwrap_or_default().chars().take(80).collect();
                (q.id.to_string(), format!("Câu hỏi {}: {text}", q.id), false)
            }))
            .collect()
    }
}
