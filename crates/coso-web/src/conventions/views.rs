//! The askama views of the officials' convention pages: a village's list, the new convention,
//! one convention with the forms of the moves its state allows, and the diff of two versions.

use askama::Template;
use askama_web::WebTemplate;
use chrono::NaiveDate;
use coso_app::conventions::{ConventionView, DeadlineView, VersionDiff};
use coso_domain::convention::{AdoptionForm, Change, ConventionKind, ConventionStatus, DiffLine, Outcome, Step, next};
use coso_store::{ConventionRow, ConventionVersionRow, DecisionRow, UnitRow};

use super::forms::ConventionForm;
use crate::forms::FieldErrors;
use crate::views::{Nav, vn_date};

/// The options of a select: (code, label, selected).
type Choices = Vec<(String, String, bool)>;

/// The path of a village's conventions.
pub fn admin_base(code: &str) -> String {
    format!("/quan-tri/don-vi/{code}/huong-uoc")
}

/// The tag colour of a status.
fn status_kind(s: ConventionStatus) -> &'static str {
    match s {
        ConventionStatus::InForce => "ok",
        ConventionStatus::Returned => "late",
        ConventionStatus::Posted => "wait",
        ConventionStatus::Adopted | ConventionStatus::Submitted => "info",
        ConventionStatus::Proposed | ConventionStatus::Drafting => "",
    }
}

fn kinds(selected: &str) -> Choices {
    std::iter::once((String::new(), "Chọn tên gọi".to_string(), selected.trim().is_empty()))
        .chain(
            ConventionKind::ALL
                .iter()
                .map(|k| (k.as_str().to_string(), k.label().to_string(), k.as_str() == selected.trim())),
        )
        .collect()
}

#[derive(Template, WebTemplate)]
#[template(path = "conventions/admin_list.html")]
pub struct ListPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub rows: Vec<ConventionRow>,
}

impl ListPage {
    pub fn base(&self) -> String {
        admin_base(&self.unit.code)
    }

    pub fn status_kind(&self, c: &ConventionRow) -> &'static str {
        status_kind(c.state.status)
    }

    pub fn updated(&self, c: &ConventionRow) -> String {
        vn_date(coso_domain::clock::date_in_vietnam(c.updated_at))
    }

    /// Whether a text of the convention is in force, besides where its latest round stands.
    pub fn in_force(&self, c: &ConventionRow) -> bool {
        c.state.in_force_version.is_some() && c.state.status != ConventionStatus::InForce
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "conventions/admin_new.html")]
pub struct NewPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub form: ConventionForm,
    pub errors: FieldErrors,
}

impl NewPage {
    pub fn base(&self) -> String {
        admin_base(&self.unit.code)
    }

    pub fn kinds(&self) -> Choices {
        kinds(&self.form.kind)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "conventions/admin_page.html")]
pub struct ConventionPage {
    pub nav: Nav,
    pub ancestors: Vec<UnitRow>,
    pub v: ConventionView,
    pub today: NaiveDate,
    pub form: ConventionForm,
    pub errors: FieldErrors,
}

impl ConventionPage {
    pub fn base(&self) -> String {
        format!("{}/{}", admin_base(&self.v.unit.code), self.v.convention.id)
    }

    pub fn list(&self) -> String {
        admin_base(&self.v.unit.code)
    }

    pub fn status(&self) -> ConventionStatus {
        self.v.convention.state.status
    }

    pub fn status_kind(&self) -> &'static str {
        status_kind(self.status())
    }

    /// Whether the convention's state allows `step` now, and the visitor may take it (the
    /// commune's officials recognise and return).
    pub fn allowed(&self, step: &str) -> bool {
        let s = &self.v.convention.state;
        let step = match step {
            "edit" => Step::Edit,
            "post" => Step::Post,
            "opinions" => Step::Opinions,
            "vote" => Step::Vote(Outcome::NotAdopted),
            "submit" => Step::Submit,
            "recognise" | "return" if !self.v.may_recognise => return false,
            "recognise" => Step::Recognise,
            "return" => Step::Return,
            "review" => Step::Review,
            _ => return false,
        };
        next(s.status, s.in_force_version.is_some(), step).is_ok()
    }

    /// Whether any move is open to the visitor.
    pub fn any_move(&self) -> bool {
        ["edit", "post", "opinions", "vote", "submit", "recognise", "return", "review"].iter().any(|s| self.allowed(s))
    }

    pub fn date(&self, d: &NaiveDate) -> String {
        vn_date(*d)
    }

    /// The day a version was saved, in Vietnam.
    pub fn created(&self, x: &ConventionVersionRow) -> String {
        vn_date(coso_domain::clock::date_in_vietnam(x.created_at))
    }

    pub fn opt_date(&self, d: &Option<NaiveDate>) -> String {
        d.map_or_else(|| "—".to_string(), vn_date)
    }

    pub fn count(&self, n: &Option<i64>) -> String {
        n.map_or_else(|| "—".to_string(), |n| n.to_string())
    }

    /// Where a deadline stands, in words.
    pub fn deadline_label(&self, d: &DeadlineView) -> &'static str {
        if d.earliest {
            match d.met_on {
                Some(_) => "Đã biểu quyết",
                None if self.today >= d.due => "Đã đủ thời gian niêm yết",
                None => "Chưa đủ thời gian niêm yết",
            }
        } else if d.late(self.today) {
            if d.met_on.is_some() { "Trễ hạn" } else { "Quá hạn" }
        } else if d.met_on.is_some() {
            "Đúng hạn"
        } else {
            "Chưa đến hạn"
        }
    }

    pub fn deadline_kind(&self, d: &DeadlineView) -> &'static str {
        if d.earliest {
            if d.met_on.is_some() || self.today >= d.due { "ok" } else { "wait" }
        } else if d.late(self.today) {
            "late"
        } else if d.met_on.is_some() {
            "ok"
        } else {
            "wait"
        }
    }

    /// What a version is in the convention's life: current, posted, adopted, in force.
    pub fn version_marks(&self, number: &i64) -> String {
        let s = &self.v.convention.state;
        let mut marks = Vec::new();
        if s.current_version == *number {
            marks.push("Bản hiện hành");
        }
        if s.posted_version == Some(*number) {
            marks.push("Đã niêm yết");
        }
        if s.adopted_version == Some(*number) {
            marks.push("Đã được thông qua");
        }
        if s.in_force_version == Some(*number) {
            marks.push("Đang có hiệu lực");
        }
        marks.join(" · ")
    }

    /// The diff of version `number` with the one before it.
    pub fn diff_href(&self, number: &i64) -> String {
        format!("{}/so-sanh?tu={}&den={number}", self.base(), number - 1)
    }

    /// The text shown in the edit form: as typed, or the current version.
    pub fn text_value(&self) -> String {
        if self.form.text.is_empty() { self.v.text().to_string() } else { self.form.text.clone() }
    }

    pub fn vote_forms(&self) -> Choices {
        let typed = self.form.vote_form.trim();
        let lacked = self.v.convention.state.meeting_lacked_on.is_some();
        AdoptionForm::ALL
            .iter()
            .map(|f| {
                let selected =
                    if typed.is_empty() { (*f == AdoptionForm::Ballot) == lacked } else { f.as_str() == typed };
                (f.as_str().to_string(), f.label().to_string(), selected)
            })
            .collect()
    }

    /// The community decisions of matter 3 the vote may be taken from.
    pub fn decisions(&self) -> Choices {
        let typed = self.form.decision.trim();
        std::iter::once((String::new(), "Chọn quyết định".to_string(), typed.is_empty()))
            .chain(self.v.vote_decisions.iter().map(|d| {
                let id = d.id.to_string();
                let selected = id == typed;
                (id, decision_label(d), selected)
            }))
            .collect()
    }

    /// The decision the last vote was taken from, as a link to its page.
    pub fn vote_decision_href(&self) -> Option<String> {
        self.v
            .convention
            .state
            .vote_decision_id
            .map(|id| format!("/quan-tri/don-vi/{}/quyet-dinh/{id}", self.v.unit.code))
    }

    pub fn vote_form_label(&self) -> &'static str {
        self.v.convention.state.vote_form.map_or("—", AdoptionForm::label)
    }

    pub fn outcome_kind(&self) -> &'static str {
        match self.v.vote.as_ref().map(|j| j.outcome) {
            Some(Outcome::Adopted) => "ok",
            Some(Outcome::NotAdopted) => "late",
            Some(Outcome::RatioUnreachable) => "wait",
            None => "",
        }
    }

    /// Whether the dossier can be made: a version was adopted by a vote.
    pub fn has_dossier(&self) -> bool {
        self.v.convention.state.adopted_version.is_some() && self.v.vote.is_some()
    }

    pub fn dossier_href(&self, ext: &str) -> String {
        format!("/api/v1/conventions/{}/dossier.{ext}", self.v.convention.id)
    }
}

/// «Họp thông qua hương ước (Họp cộng đồng dân cư, 03/04/2024): Được thông qua».
fn decision_label(d: &DecisionRow) -> String {
    let outcome = d.outcome.map_or("", |o| o.label());
    format!("{} ({}, {}): {outcome}", d.title, d.form.label(), vn_date(d.held_on))
}

#[derive(Template, WebTemplate)]
#[template(path = "conventions/admin_diff.html")]
pub struct DiffPage {
    pub nav: Nav,
    pub ancestors: Vec<UnitRow>,
    pub v: ConventionView,
    pub diff: VersionDiff,
}

impl DiffPage {
    pub fn base(&self) -> String {
        format!("{}/{}", admin_base(&self.v.unit.code), self.v.convention.id)
    }

    pub fn list(&self) -> String {
        admin_base(&self.v.unit.code)
    }

    pub fn versions(&self, selected: &i64) -> Choices {
        self.v
            .versions
            .iter()
            .map(|x| (x.number.to_string(), format!("Phiên bản {}", x.number), x.number == *selected))
            .collect()
    }

    pub fn change(&self, l: &DiffLine) -> &'static str {
        match l.change {
            Change::Added => "added",
            Change::Removed => "removed",
            Change::Same => "",
        }
    }

    pub fn sign(&self, l: &DiffLine) -> &'static str {
        match l.change {
            Change::Added => "+",
            Change::Removed => "−",
            Change::Same => "",
        }
    }

    pub fn added(&self) -> usize {
        self.diff.lines.iter().filter(|l| l.change == Change::Added).count()
    }

    pub fn removed(&self) -> usize {
        self.diff.lines.iter().filter(|l| l.change == Change::Removed).count()
    }
}
