//! The officials' decision pages: a unit's decisions with the open form, and one decision
//! with its counts, outcome, deadlines, and the attendance and vote forms of a meeting.

use askama::Template;
use askama_web::WebTemplate;
use coso_app::decisions::DecisionView;
use coso_domain::decision::{DecisionForm, DecisionInput, DecisionStatus, Matter, Outcome, VotingMethod};
use coso_store::{ConventionRow, DecisionHouseholdRow, DecisionListed, UnitRow};

use crate::forms::FieldErrors;
use crate::views::{Nav, vn_date};

/// The options of a select: (code, label, selected).
pub type Choices = Vec<(String, &'static str, bool)>;

/// The path of a unit's decision pages.
pub fn admin_base(code: &str) -> String {
    format!("/quan-tri/don-vi/{code}/quyet-dinh")
}

/// The tag kind of an outcome.
pub fn outcome_kind(outcome: Option<Outcome>) -> &'static str {
    match outcome {
        Some(Outcome::Adopted) => "ok",
        Some(Outcome::NotAdopted) => "late",
        Some(Outcome::RatioUnreachable) => "wait",
        None => "info",
    }
}

/// What people read for an outcome, or where the decision stands.
pub fn outcome_label(outcome: Option<Outcome>, status: DecisionStatus) -> &'static str {
    outcome.map_or(status.label(), Outcome::label)
}

#[derive(Template, WebTemplate)]
#[template(path = "decisions/admin_list.html")]
pub struct ListPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub rows: Vec<DecisionListed>,
    pub manages: bool,
    pub form: DecisionInput,
    pub errors: FieldErrors,
}

impl ListPage {
    pub fn base(&self) -> String {
        admin_base(&self.unit.code)
    }
    pub fn href(&self, d: &DecisionListed) -> String {
        format!("{}/{}", admin_base(&d.unit_code), d.decision.id)
    }
    pub fn date(&self, d: &DecisionListed) -> String {
        vn_date(d.decision.held_on)
    }
    pub fn outcome_kind(&self, d: &DecisionListed) -> &'static str {
        outcome_kind(d.decision.outcome)
    }
    pub fn outcome_label(&self, d: &DecisionListed) -> &'static str {
        outcome_label(d.decision.outcome, d.decision.status)
    }
    pub fn matters(&self) -> Choices {
        Matter::ALL
            .into_iter()
            .map(|m| (m.number().to_string(), m.label(), m.number().to_string() == self.form.matter.trim()))
            .collect()
    }
    pub fn forms(&self) -> Choices {
        DecisionForm::ALL
            .into_iter()
            .map(|f| (f.as_str().to_string(), f.label(), f.as_str() == self.form.form.trim()))
            .collect()
    }
}

/// The vote form as typed, kept when it is refused.
#[derive(Debug, Clone, Default)]
pub struct TallyTyped {
    pub yes: String,
    pub no: String,
    pub invalid: String,
    pub method: String,
    pub secretary: String,
    pub secretary_votes: String,
    pub board: String,
    pub board_votes: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "decisions/admin_page.html")]
pub struct DecisionPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub v: DecisionView,
    pub manages: bool,
    pub households: Vec<DecisionHouseholdRow>,
    /// The convention whose vote was taken from this decision (matter 3), if any.
    pub convention: Option<ConventionRow>,
    pub typed: TallyTyped,
    pub errors: FieldErrors,
}

impl DecisionPage {
    /// The commune a matter-5 decision (electing supervision boards) points to, where the
    /// members are elected and the boards they form are kept: the decision's commune, or the
    /// commune above its village.
    pub fn boards_commune(&self) -> Option<String> {
        if self.v.matter != coso_domain::decision::Matter::SupervisionBoards {
            return None;
        }
        if self.unit.kind.is_commune_level() { Some(self.unit.code.clone()) } else { self.unit.parent_code.clone() }
    }

    /// Whether the decision is on a convention's contents (matter 3), whose vote it may give.
    pub fn on_convention(&self) -> bool {
        self.v.matter == Matter::Convention
    }

    /// The page of the convention adopted (or not) by this decision.
    pub fn convention_href(&self, c: &ConventionRow) -> String {
        format!("/quan-tri/don-vi/{}/huong-uoc/{}", self.unit.code, c.id)
    }

    pub fn base(&self) -> String {
        format!("{}/{}", admin_base(&self.unit.code), self.v.id)
    }
    pub fn open_meeting(&self) -> bool {
        self.manages && self.v.status == DecisionStatus::Open && self.v.form == DecisionForm::Meeting
    }
    pub fn date(&self) -> String {
        if self.v.ends_on == self.v.date {
            vn_date(self.v.date)
        } else {
            format!("{} – {}", vn_date(self.v.date), vn_date(self.v.ends_on))
        }
    }
    pub fn due(&self, d: &coso_app::decisions::DecisionDeadline) -> String {
        vn_date(d.due)
    }
    pub fn count(&self, n: &Option<i64>) -> String {
        n.map_or_else(|| "—".to_string(), |n| n.to_string())
    }
    pub fn outcome_kind(&self) -> &'static str {
        outcome_kind(self.v.outcome)
    }
    pub fn outcome_label(&self) -> &'static str {
        outcome_label(self.v.outcome, self.v.status)
    }
    pub fn comparison(&self) -> String {
        let verified =
            if self.v.comparison_unverified { " (tỷ lệ chưa được xác minh trong văn bản)" } else { "" };
        format!("{} tổng số hộ gia đình{verified}", self.v.comparison.label())
    }
    pub fn methods(&self) -> Choices {
        VotingMethod::ALL
            .into_iter()
            .map(|m| (m.as_str().to_string(), m.label(), m.as_str() == self.typed.method.trim()))
            .collect()
    }
    pub fn present_value(&self) -> String {
        self.v.present.map(|n| n.to_string()).unwrap_or_default()
    }
    pub fn board(&self) -> String {
        self.v.counting_board.join(", ")
    }
    /// The meeting's documents that can be made now, as (file name, label): the invitation
    /// from the start, the count's minutes once the meeting voted, the resolution once it has
    /// its result.
    pub fn documents(&self) -> Vec<(&'static str, &'static str)> {
        if !self.manages || self.v.form != DecisionForm::Meeting {
            return Vec::new();
        }
        let mut files = vec![
            ("giay-moi-hop.docx", "Giấy mời họp (Mẫu 01, DOCX)"),
            ("giay-moi-hop.pdf", "Giấy mời họp (Mẫu 01, PDF)"),
        ];
        if self.v.status == DecisionStatus::Closed && self.v.yes.is_some() {
            files.push(("bien-ban-kiem-phieu-hop.docx", "Biên bản kiểm phiếu (Mẫu 02, DOCX)"));
            files.push(("bien-ban-kiem-phieu-hop.pdf", "Biên bản kiểm phiếu (Mẫu 02, PDF)"));
        }
        if self.v.status == DecisionStatus::Closed {
            files.push(("nghi-quyet-hop.docx", "Nghị quyết, biên bản cuộc họp (Mẫu 03, DOCX)"));
            files.push(("nghi-quyet-hop.pdf", "Nghị quyết, biên bản cuộc họp (Mẫu 03, PDF)"));
        }
        files
    }
}
