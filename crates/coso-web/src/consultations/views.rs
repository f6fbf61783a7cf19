//! The consultation pages: a unit's list and a draft's page for residents; the officials' list
//! with the create form, a consultation's page, and a village's counts form.

use askama::Template;
use askama_web::WebTemplate;
use coso_app::consultations::{ManageView, PublicView, SectionView};
use coso_domain::consultation::{AnswerKind, Audience, CollectionMethod, ConsultationInput, DraftKind, PaperInput};
use coso_store::{ConsultationRow, SectionRow, UnitRow};

use crate::forms::FieldErrors;
use crate::views::{Nav, vn_date};

/// The options of a select: (code, label, selected).
pub type Choices = Vec<(String, &'static str, bool)>;

fn choices(items: impl IntoIterator<Item = (&'static str, &'static str)>, value: &str) -> Choices {
    items.into_iter().map(|(code, label)| (code.to_string(), label, code == value.trim())).collect()
}

/// The path of a unit's consultation pages in the admin area.
pub fn admin_base(code: &str) -> String {
    format!("/quan-tri/don-vi/{code}/lay-y-kien")
}

/// «01/03/2026 – 30/03/2026».
pub fn period(c: &ConsultationRow) -> String {
    format!("{} – {}", vn_date(c.opens_on), vn_date(c.closes_on))
}

/// The tag kind of a status.
pub fn status_kind(c: &ConsultationRow) -> &'static str {
    match c.status {
        coso_domain::consultation::ConsultationStatus::Open => "ok",
        coso_domain::consultation::ConsultationStatus::Draft => "wait",
        _ => "",
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "consultations/list.html")]
pub struct ListPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub rows: Vec<ConsultationRow>,
}

impl ListPage {
    pub fn period(&self, c: &ConsultationRow) -> String {
        period(c)
    }
    pub fn status_kind(&self, c: &ConsultationRow) -> &'static str {
        status_kind(c)
    }
}

/// The comment form of the page as posted, kept when it is refused.
#[derive(Debug, Clone, Default)]
pub struct Typed {
    pub section: String,
    pub body: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "consultations/page.html")]
pub struct DraftPage {
    pub nav: Nav,
    pub v: PublicView,
    pub typed: Typed,
    pub errors: FieldErrors,
    pub signed_in: bool,
}

impl DraftPage {
    pub fn period(&self) -> String {
        period(&self.v.consultation)
    }
    pub fn status_kind(&self) -> &'static str {
        status_kind(&self.v.consultation)
    }
    /// The text typed in the form of `s`, kept after a refusal.
    pub fn typed_for(&self, s: &SectionView) -> &str {
        if self.typed.section == s.key() { &self.typed.body } else { "" }
    }
    /// The error of the form of `s`.
    pub fn error_for(&self, s: &SectionView) -> &str {
        if self.typed.section == s.key() { self.errors.get("body") } else { "" }
    }
    pub fn base(&self) -> String {
        format!("/lay-y-kien/{}", self.v.consultation.id)
    }
    /// The sections of the draft, then the whole draft.
    pub fn all_sections(&self) -> Vec<&SectionView> {
        self.v.sections.iter().chain(std::iter::once(&self.v.whole)).collect()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "consultations/admin_list.html")]
pub struct AdminListPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    /// Whether the visitor manages the unit's consultations (the create form).
    pub manages: bool,
    pub rows: Vec<ConsultationRow>,
    /// For a village: the consultations above that ask it, for its counts.
    pub asking: Vec<ConsultationRow>,
    /// The unit's villages, for the audience's checkboxes.
    pub villages: Vec<UnitRow>,
    pub form: ConsultationInput,
    pub errors: FieldErrors,
}

impl AdminListPage {
    pub fn base(&self) -> String {
        admin_base(&self.unit.code)
    }
    pub fn period(&self, c: &ConsultationRow) -> String {
        period(c)
    }
    pub fn status_kind(&self, c: &ConsultationRow) -> &'static str {
        status_kind(c)
    }
    pub fn kinds(&self) -> Choices {
        choices(DraftKind::ALL.iter().map(|k| (k.as_str(), k.label())), &self.form.kind)
    }
    pub fn audiences(&self) -> Choices {
        choices(Audience::ALL.iter().map(|k| (k.as_str(), k.label())), &self.form.audience)
    }
    /// The counts form of the village for `c`.
    pub fn paper_href(&self, c: &ConsultationRow) -> String {
        format!("{}/{}/phieu", self.base(), c.id)
    }
    pub fn village_checked(&self, code: &str) -> bool {
        self.form.villages.iter().any(|v| v == code)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "consultations/admin_page.html")]
pub struct AdminPage {
    pub nav: Nav,
    pub v: ManageView,
    pub errors: FieldErrors,
}

impl AdminPage {
    pub fn base(&self) -> String {
        format!("{}/{}", admin_base(&self.v.unit.code), self.v.consultation.id)
    }
    pub fn period(&self) -> String {
        period(&self.v.consultation)
    }
    pub fn status_kind(&self) -> &'static str {
        status_kind(&self.v.consultation)
    }
    pub fn is(&self, status: &str) -> bool {
        self.v.consultation.status == status
    }
    pub fn answer_kinds(&self) -> Choices {
        choices(AnswerKind::ALL.iter().map(|k| (k.as_str(), k.label())), "")
    }
    pub fn all_sections(&self) -> Vec<&SectionView> {
        self.v.sections.iter().chain(std::iter::once(&self.v.whole)).collect()
    }
    /// The review form's field of section `i` (1-based): `h3`, `b3`.
    pub fn name(&self, prefix: &str, i: impl std::fmt::Display) -> String {
        format!("{prefix}{i}")
    }
    /// The index of the empty section that adds one.
    pub fn next_index(&self) -> usize {
        self.v.sections.len() + 1
    }
    /// A section's text as its review field shows it.
    pub fn text_of(&self, s: &SectionView) -> String {
        s.paragraphs.join("\n\n")
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "consultations/paper.html")]
pub struct PaperPage {
    pub nav: Nav,
    pub village: UnitRow,
    pub consultation: ConsultationRow,
    pub sections: Vec<SectionRow>,
    pub form: PaperInput,
    pub errors: FieldErrors,
}

impl PaperPage {
    pub fn methods(&self) -> Choices {
        choices(CollectionMethod::ALL.iter().map(|k| (k.as_str(), k.label())), &self.form.method)
    }
    pub fn sections(&self) -> Vec<(String, String, bool)> {
        std::iter::once((String::new(), "Toàn bộ dự thảo".to_string(), self.form.section.is_empty()))
            .chain(
                self.sections
                    .iter()
                    .map(|s| (s.id.to_string(), s.heading.clone(), s.id.to_string() == self.form.section)),
            )
            .collect()
    }
    pub fn period(&self) -> String {
        period(&self.consultation)
    }
}
