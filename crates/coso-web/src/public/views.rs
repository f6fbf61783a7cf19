//! The public pages: home, search, a unit.

use askama::Template;
use askama_web::WebTemplate;
use coso_store::UnitRow;

use crate::views::{Nav, vn_date};

#[derive(Template, WebTemplate)]
#[template(path = "public/home.html")]
pub struct HomePage {
    pub nav: Nav,
    pub provinces: Vec<UnitRow>,
    pub counts: Vec<(String, i64)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "public/search.html")]
pub struct SearchPage {
    pub nav: Nav,
    pub q: String,
    pub kind: String,
    /// Each unit found with the units above it.
    pub results: Vec<coso_app::unit_search::Hit>,
    pub total: i64,
    pub within: Option<UnitRow>,
}

#[derive(Template, WebTemplate)]
#[template(path = "public/unit.html")]
pub struct UnitPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub children: Vec<UnitRow>,
    pub household_count: i64,
    pub can_admin: bool,
    /// The units that took over, for a unit that ceased.
    pub successors: Vec<coso_store::Succession>,
    /// The published schedule of citizen reception (TCD-5), when the unit has one.
    pub reception: Option<coso_app::reception::schedule::PublicSchedule>,
    /// The village's election meetings and conferences to come.
    pub meetings: Vec<coso_app::elections::ComingMeeting>,
    /// A village's decisions under way and recent results (none elsewhere).
    pub decisions: Vec<coso_app::decisions::public::PublicDecision>,
}

impl UnitPage {
    /// The outcome, or where the decision stands.
    pub fn decision_label(&self, d: &coso_app::decisions::public::PublicDecision) -> &'static str {
        d.outcome.map_or(d.status.label(), |o| o.label())
    }

    pub fn decision_kind(&self, d: &coso_app::decisions::public::PublicDecision) -> &'static str {
        match d.outcome {
            Some(coso_domain::decision::Outcome::Adopted) => "ok",
            Some(_) => "wait",
            None => "info",
        }
    }

    /// «10/03/2026», or the period of a ballot.
    pub fn decision_date(&self, d: &coso_app::decisions::public::PublicDecision) -> String {
        if d.ends_on == d.held_on {
            vn_date(d.held_on)
        } else {
            format!("{} – {}", vn_date(d.held_on), vn_date(d.ends_on))
        }
    }

    /// When the successors took over.
    pub fn succession_date(&self) -> String {
        self.successors.first().map(|s| vn_date(s.effective)).unwrap_or_default()
    }

    /// "từ 01/07/2025", or with the end for a unit that ceased.
    pub fn validity(&self) -> String {
        match self.unit.valid_to {
            Some(to) => format!("từ {} đến trước {} (đã chấm dứt)", vn_date(self.unit.valid_from), vn_date(to)),
            None => format!("từ {}", vn_date(self.unit.valid_from)),
        }
    }
}
