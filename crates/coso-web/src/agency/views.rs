//! The askama pages of agencies: the officials' conferences, one conference's result, the rules
//! register; the staff's own page.

use askama::Template;
use askama_web::WebTemplate;
use chrono::NaiveDate;
use coso_app::agency::{RuleView, StaffConferenceView};
use coso_app::disclosures::DisclosureView;
use coso_domain::agency::{InternalRuleInput, RuleKind};
use coso_store::{StaffRow, UnitRow};

use super::forms::{ConferenceForm, StaffForm};
use crate::forms::FieldErrors;
use crate::views::{Nav, vn_date};

/// The path of an agency's democracy pages.
pub fn base(code: &str) -> String {
    format!("/quan-tri/don-vi/{code}/dan-chu-co-quan")
}

fn date(d: NaiveDate) -> String {
    vn_date(d)
}

#[derive(Template, WebTemplate)]
#[template(path = "agency/conferences.html")]
pub struct ConferencesPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub conferences: Vec<StaffConferenceView>,
    pub form: ConferenceForm,
    pub errors: FieldErrors,
}

impl ConferencesPage {
    pub fn base(&self) -> String {
        base(&self.unit.code)
    }

    pub fn date(&self, d: &NaiveDate) -> String {
        date(*d)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "agency/conference.html")]
pub struct ConferencePage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub c: StaffConferenceView,
}

impl ConferencePage {
    pub fn base(&self) -> String {
        base(&self.unit.code)
    }

    pub fn date(&self, d: &NaiveDate) -> String {
        date(*d)
    }

    pub fn held(&self) -> String {
        self.c.held_on.map_or_else(|| "Chưa ghi".to_string(), date)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "agency/rules.html")]
pub struct RulesPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub rules: Vec<RuleView>,
    pub form: InternalRuleInput,
    pub errors: FieldErrors,
    /// The rule a refused new version was for.
    pub version_of: Option<i64>,
}

impl RulesPage {
    pub fn base(&self) -> String {
        base(&self.unit.code)
    }

    pub fn date(&self, d: &NaiveDate) -> String {
        date(*d)
    }

    /// The kinds of rule, for the select.
    pub fn kinds(&self) -> Vec<(String, String, bool)> {
        let mut out = vec![(String::new(), "Chọn loại quy chế".to_string(), self.form.kind.is_empty())];
        out.extend(
            RuleKind::ALL.iter().map(|k| (k.as_str().to_string(), k.label().to_string(), self.form.kind == k.as_str())),
        );
        out
    }

    /// The errors of the new-rule form (not those of a refused version).
    pub fn new_errors(&self) -> FieldErrors {
        if self.version_of.is_none() { FieldErrors(self.errors.0.clone()) } else { FieldErrors::default() }
    }

    /// The errors of the version form of rule `id`.
    pub fn version_errors(&self, id: &i64) -> FieldErrors {
        if self.version_of == Some(*id) { FieldErrors(self.errors.0.clone()) } else { FieldErrors::default() }
    }
}

/// What a staff member reads of the agency: its disclosures, the rules in force, the last
/// conference.
#[derive(Template, WebTemplate)]
#[template(path = "agency/staff.html")]
pub struct StaffPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub disclosures: Vec<DisclosureView>,
    pub rules: Vec<RuleView>,
    pub conference: Option<StaffConferenceView>,
}

impl StaffPage {
    pub fn date(&self, d: &NaiveDate) -> String {
        date(*d)
    }
}

/// The accounts of the agency's staff with the form that creates one.
#[derive(Template, WebTemplate)]
#[template(path = "agency/staff_accounts.html")]
pub struct StaffAccountsPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub staff: Vec<StaffRow>,
    /// Whether the visitor may create and remove staff accounts.
    pub manages: bool,
    pub form: StaffForm,
    pub errors: FieldErrors,
}

impl StaffAccountsPage {
    pub fn base(&self) -> String {
        base(&self.unit.code)
    }
}
