//! The board pages: a unit's boards with the overdue findings of its subtree and the form that
//! records a board; one board with its work and forms; the public list of a commune's boards.

use askama::Template;
use askama_web::WebTemplate;
use coso_app::boards::{BoardView, FindingView, OverdueOverview, PublicBoard, ReportDue};
use coso_domain::board::{BoardKind, BoardStatus, FindingStatus, MemberRole};
use coso_store::{BoardRow, FindingRow, UnitRow};

use crate::forms::FieldErrors;
use crate::views::{Nav, vn_date};

/// The path of a unit's board pages in the admin area.
pub fn admin_base(code: &str) -> String {
    format!("/quan-tri/don-vi/{code}/ban-giam-sat")
}

/// What a board is called: its kind, and its project for an investment board.
pub fn board_title(b: &BoardRow) -> String {
    match &b.project_name {
        Some(p) => format!("{} · {p}", b.kind.label()),
        None => b.kind.label().to_string(),
    }
}

fn finding_tag(f: &FindingView) -> (&'static str, &'static str) {
    match f.row.status {
        FindingStatus::Sent if f.overdue => ("Quá hạn trả lời", "late"),
        FindingStatus::Sent => ("Chờ trả lời", "wait"),
        FindingStatus::Answered if f.answered_late => ("Đã trả lời (quá hạn)", "info"),
        FindingStatus::Answered => ("Đã trả lời", "info"),
        FindingStatus::Closed => ("Đã kết thúc", "ok"),
    }
}

/// The create form as typed: `members` one per line, `Họ tên; chức danh; thôn; thành phần; email`.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct BoardForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub members: String,
    #[serde(default)]
    pub elected_by: String,
    #[serde(default)]
    pub elected_on: String,
    #[serde(default)]
    pub reports: String,
    #[serde(default, rename = "project.name")]
    pub project_name: String,
    #[serde(default, rename = "project.investor")]
    pub project_investor: String,
    #[serde(default, rename = "project.budget")]
    pub project_budget: String,
    #[serde(default, rename = "project.contributions")]
    pub project_contributions: String,
    #[serde(default, rename = "project.starts_on")]
    pub project_starts_on: String,
    #[serde(default, rename = "project.ends_on")]
    pub project_ends_on: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "boards/admin_list.html")]
pub struct ListPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub manages: bool,
    pub boards: Vec<BoardRow>,
    pub overdue: OverdueOverview,
    pub form: BoardForm,
    pub errors: FieldErrors,
}

impl ListPage {
    pub fn base(&self) -> String {
        admin_base(&self.unit.code)
    }
    pub fn title(&self, b: &BoardRow) -> String {
        board_title(b)
    }
    pub fn status_kind(&self, b: &BoardRow) -> &'static str {
        if b.status == BoardStatus::Active { "ok" } else { "" }
    }
    pub fn date(&self, d: &chrono::NaiveDate) -> String {
        vn_date(*d)
    }
    pub fn kinds(&self) -> Vec<(String, &'static str, bool)> {
        BoardKind::ALL.into_iter().map(|k| (k.as_str().to_string(), k.label(), k.as_str() == self.form.kind)).collect()
    }
    pub fn cadences(&self) -> Vec<(String, &'static str, bool)> {
        coso_domain::board::ReportCadence::ALL
            .into_iter()
            .map(|c| (c.as_str().to_string(), c.label(), c.as_str() == self.form.reports))
            .collect()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "boards/board.html")]
pub struct BoardPage {
    pub nav: Nav,
    pub v: BoardView,
    pub unit: UnitRow,
    /// The units a finding may be sent to: the board's unit and those below it.
    pub targets: Vec<UnitRow>,
    pub errors: FieldErrors,
    /// The upload limit of one photo, in bytes.
    pub photo_limit: usize,
}

impl BoardPage {
    pub fn base(&self) -> String {
        format!("{}/{}", admin_base(&self.unit.code), self.v.board.id)
    }
    pub fn title(&self) -> String {
        board_title(&self.v.board)
    }
    pub fn date(&self, d: &chrono::NaiveDate) -> String {
        vn_date(*d)
    }
    pub fn opt_date(&self, d: &Option<chrono::NaiveDate>) -> String {
        d.map(vn_date).unwrap_or_default()
    }
    pub fn working(&self) -> bool {
        self.v.board.status == BoardStatus::Active
    }
    /// The largest photo an activity takes, in MB, as the hint says it.
    pub fn photo_limit_mb(&self) -> String {
        format!("{:.0}", self.photo_limit as f64 / 1_048_576.0)
    }
    pub fn money(&self, v: &Option<i64>) -> String {
        v.map(|n| format!("{} đồng", coso_export::charts::format_vn_number(n as f64, 0))).unwrap_or_default()
    }
    pub fn tag_text(&self, f: &FindingView) -> &'static str {
        finding_tag(f).0
    }
    pub fn tag_kind(&self, f: &FindingView) -> &'static str {
        finding_tag(f).1
    }
    pub fn waiting(&self, f: &FindingView) -> bool {
        f.row.status == FindingStatus::Sent
    }
    pub fn answered(&self, f: &FindingView) -> bool {
        f.row.status == FindingStatus::Answered
    }
    pub fn report_tag(&self, r: &ReportDue) -> (&'static str, &'static str) {
        match (r.sent_on, r.overdue) {
            (Some(_), _) => ("Đã gửi", "ok"),
            (None, true) => ("Quá hạn", "late"),
            (None, false) => ("Chưa gửi", "wait"),
        }
    }
    pub fn photos_of(&self, activity: &i64) -> usize {
        self.v.photos.iter().filter(|p| p.activity_id == *activity).count()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "boards/public.html")]
pub struct PublicPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub boards: Vec<PublicBoard>,
}

impl PublicPage {
    pub fn title(&self, b: &BoardRow) -> String {
        board_title(b)
    }
    pub fn date(&self, d: &Option<chrono::NaiveDate>) -> String {
        d.map(vn_date).unwrap_or_default()
    }
    pub fn head_first(&self, b: &PublicBoard) -> Vec<(String, &'static str)> {
        let mut m: Vec<(String, &'static str, u8)> = b
            .members
            .iter()
            .map(|m| {
                let rank = match m.role {
                    MemberRole::Head => 0,
                    MemberRole::Deputy => 1,
                    MemberRole::Member => 2,
                };
                (m.name.clone(), m.role.label(), rank)
            })
            .collect();
        m.sort_by_key(|x| x.2);
        m.into_iter().map(|(n, l, _)| (n, l)).collect()
    }
    pub fn closed(&self, b: &PublicBoard) -> Vec<FindingRow> {
        b.closed.clone()
    }
}
