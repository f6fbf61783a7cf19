//! The askama views of the election and conference pages.

use askama::Template;
use askama_web::WebTemplate;
use chrono::NaiveDate;
use coso_app::conferences::{ComplianceView, ConferenceView};
use coso_app::elections::{DismissalView, ElectionSummary, ElectionView};
use coso_domain::conference::ConferenceInput;
use coso_domain::election::{DismissalInput, ElectionKind, ElectionStatus, Step, StepState};
use coso_store::UnitRow;

use super::forms::{ElectionForm, RecognitionForm, ResultForm, StepForm};
use crate::forms::FieldErrors;
use crate::views::{Nav, vn_date};

/// The options of a select: (code, label, selected).
type Choices = Vec<(String, String, bool)>;

/// The path of a village's elections.
pub fn elections_base(code: &str) -> String {
    format!("/quan-tri/don-vi/{code}/bau-truong-thon")
}

/// The path of a village's conferences.
pub fn conferences_base(code: &str) -> String {
    format!("/quan-tri/don-vi/{code}/hoi-nghi-cong-dong")
}

/// The tag colour of a step's state.
fn kind_of(state: StepState) -> &'static str {
    match state {
        StepState::Done => "ok",
        StepState::Late | StepState::Overdue => "late",
        StepState::Pending => "wait",
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "elections/list.html")]
pub struct ElectionsPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub elections: Vec<ElectionSummary>,
    pub dismissals: Vec<DismissalView>,
    pub form: ElectionForm,
    pub dismissal_form: DismissalInput,
    /// The working investment supervision boards of a commune: (id, project).
    pub investment_boards: Vec<(i64, String)>,
    pub errors: FieldErrors,
}

/// The path of a board's page.
pub fn board_path(code: &str, id: i64) -> String {
    format!("/quan-tri/don-vi/{code}/ban-giam-sat/{id}")
}

impl ElectionsPage {
    /// Whether the unit elects boards' members (a commune) rather than its head (a village).
    pub fn for_board(&self) -> bool {
        self.unit.kind.is_commune_level()
    }

    pub fn heading(&self) -> &'static str {
        if self.for_board() {
            "Bầu thành viên ban giám sát"
        } else {
            "Bầu trưởng thôn, tổ trưởng tổ dân phố"
        }
    }

    /// The kinds of election a commune holds.
    pub fn kinds(&self) -> Choices {
        [ElectionKind::InspectionBoard, ElectionKind::InvestmentBoard]
            .into_iter()
            .map(|k| (k.as_str().to_string(), k.label().to_string(), self.form.kind.trim() == k.as_str()))
            .collect()
    }

    pub fn boards(&self) -> Choices {
        std::iter::once((
            String::new(),
            "Không (bầu Ban Thanh tra nhân dân)".to_string(),
            self.form.board.trim().is_empty(),
        ))
        .chain(self.investment_boards.iter().map(|(id, project)| {
            let code = id.to_string();
            let selected = self.form.board.trim() == code;
            (code, format!("Ban Giám sát đầu tư của cộng đồng: {project}"), selected)
        }))
        .collect()
    }

    pub fn base(&self) -> String {
        elections_base(&self.unit.code)
    }

    pub fn date(&self, d: &NaiveDate) -> String {
        vn_date(*d)
    }

    pub fn status_kind(&self, s: &ElectionStatus) -> &'static str {
        match s {
            ElectionStatus::Recognised => "ok",
            ElectionStatus::Rerun => "late",
            ElectionStatus::Preparing | ElectionStatus::Held => "wait",
        }
    }

    pub fn state_kind(&self, s: &StepState) -> &'static str {
        kind_of(*s)
    }

    /// The dismissals an election may follow: those without one yet.
    pub fn open_dismissals(&self) -> Choices {
        std::iter::once((String::new(), "Không (bầu theo nhiệm kỳ)".to_string(), self.form.dismissal.trim().is_empty()))
            .chain(self.dismissals.iter().filter(|d| d.election_id.is_none()).map(|d| {
                let id = d.id.to_string();
                let selected = self.form.dismissal.trim() == id;
                (id, format!("Sau khi cho thôi làm {} ({})", d.head_name, vn_date(d.recognised_on)), selected)
            }))
            .collect()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "elections/election.html")]
pub struct ElectionPage {
    pub nav: Nav,
    pub ancestors: Vec<UnitRow>,
    pub e: ElectionView,
    pub step_form: StepForm,
    pub result_form: ResultForm,
    pub recognition_form: RecognitionForm,
    pub errors: FieldErrors,
}

impl ElectionPage {
    pub fn for_board(&self) -> bool {
        self.e.kind != ElectionKind::VillageHead
    }

    /// A new People's Inspection Board names its head when recognised.
    pub fn names_head(&self) -> bool {
        self.e.kind == ElectionKind::InspectionBoard
    }

    pub fn list_label(&self) -> &'static str {
        if self.for_board() { "Bầu thành viên ban giám sát" } else { "Bầu trưởng thôn" }
    }

    pub fn board_link(&self) -> Option<String> {
        self.e.board_id.map(|id| board_path(&self.e.unit_code, id))
    }

    pub fn candidate(&self, c: &coso_app::elections::CandidateView) -> String {
        let mut out = c.name.clone();
        if let Some(v) = &c.village {
            out.push_str(&format!(" ({v})"));
        }
        if let Some(n) = c.votes {
            out.push_str(&format!(": {n} phiếu"));
        }
        out
    }

    pub fn base(&self) -> String {
        format!("{}/{}", elections_base(&self.e.unit_code), self.e.id)
    }

    pub fn list(&self) -> String {
        elections_base(&self.e.unit_code)
    }

    pub fn date(&self, d: &NaiveDate) -> String {
        vn_date(*d)
    }

    pub fn state_kind(&self, s: &StepState) -> &'static str {
        kind_of(*s)
    }

    pub fn preparing(&self) -> bool {
        self.e.status == ElectionStatus::Preparing
    }

    pub fn held(&self) -> bool {
        self.e.status == ElectionStatus::Held
    }

    pub fn steps(&self) -> Choices {
        std::iter::once((String::new(), "Chọn bước".to_string(), self.step_form.step.trim().is_empty()))
            .chain(Step::ALL.iter().map(|s| {
                (
                    s.as_str().to_string(),
                    format!("{} ({})", s.label(), s.reference()),
                    s.as_str() == self.step_form.step.trim(),
                )
            }))
            .collect()
    }

    pub fn decisions(&self) -> Choices {
        let no = self.recognition_form.recognised.trim() == "no";
        vec![
            ("yes".to_string(), "Công nhận kết quả bầu".to_string(), !no),
            ("no".to_string(), "Không công nhận, tổ chức bầu lại".to_string(), no),
        ]
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "elections/conferences.html")]
pub struct ConferencesPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub conferences: Vec<ConferenceView>,
    pub form: ConferenceInput,
    pub errors: FieldErrors,
}

impl ConferencesPage {
    pub fn base(&self) -> String {
        conferences_base(&self.unit.code)
    }

    pub fn date(&self, d: &NaiveDate) -> String {
        vn_date(*d)
    }

    pub fn state_kind(&self, s: &StepState) -> &'static str {
        kind_of(*s)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "elections/compliance.html")]
pub struct CompliancePage {
    pub nav: Nav,
    pub ancestors: Vec<UnitRow>,
    pub view: ComplianceView,
}

impl CompliancePage {
    pub fn base(&self) -> String {
        format!("{}/tuan-thu", conferences_base(&self.view.unit_code))
    }

    pub fn date(&self, d: &NaiveDate) -> String {
        vn_date(*d)
    }
}
