//! The committee page (members, their areas, the forms) and the member's followed areas.

use askama::Template;
use askama_web::WebTemplate;
use coso_app::steering::{AreaView, CommitteeView, FollowView};
use coso_domain::steering::MemberInput;
use coso_store::UnitRow;

use crate::forms::FieldErrors;
use crate::views::{Nav, vn_date};

/// The path of a unit's committee pages in the admin area.
pub fn admin_base(code: &str) -> String {
    format!("/quan-tri/don-vi/{code}/ban-chi-dao")
}

#[derive(Template, WebTemplate)]
#[template(path = "steering/committee.html")]
pub struct CommitteePage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub view: CommitteeView,
    /// The name as typed (or stored).
    pub name: String,
    pub member: MemberInput,
    pub errors: FieldErrors,
}

impl CommitteePage {
    pub fn base(&self) -> String {
        admin_base(&self.unit.code)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "steering/follow.html")]
pub struct FollowPage {
    pub nav: Nav,
    pub view: FollowView,
}

impl FollowPage {
    pub fn date(&self, d: &Option<chrono::NaiveDate>) -> String {
        d.map(vn_date).unwrap_or_else(|| "Không ghi hạn".into())
    }
    pub fn day(&self, d: &chrono::NaiveDate) -> String {
        vn_date(*d)
    }
    /// The tag kind of an inbox entry: late when overdue and still to send, done once sent.
    pub fn kind(&self, e: &coso_app::reports::inbox::InboxEntry) -> &'static str {
        if e.overdue && e.is_open() {
            "late"
        } else if e.is_open() {
            "wait"
        } else {
            "ok"
        }
    }
    pub fn overdue_total(&self, a: &AreaView) -> usize {
        a.overdue_count()
    }
}
