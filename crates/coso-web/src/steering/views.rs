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

/// The path of a unit's register in the admin area.
pub fn register_base(code: &str) -> String {
    format!("/quan-tri/don-vi/{code}/khen-thuong")
}

/// The model form as typed; its fields carry a `model.` prefix.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct ModelForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default, rename = "model.name")]
    pub name: String,
    #[serde(default, rename = "model.unit")]
    pub unit: String,
    #[serde(default, rename = "model.year")]
    pub year: String,
    #[serde(default, rename = "model.description")]
    pub description: String,
    #[serde(default, rename = "model.status")]
    pub status: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "steering/register.html")]
pub struct RegisterPage {
    pub nav: Nav,
    pub ancestors: Vec<UnitRow>,
    pub view: coso_app::steering::recognition::RegisterView,
    pub query: super::register::RegisterQuery,
    pub manages: bool,
    pub commendation: coso_domain::steering::CommendationInput,
    pub model: ModelForm,
    pub errors: FieldErrors,
}

impl RegisterPage {
    pub fn base(&self) -> String {
        register_base(&self.view.unit.code)
    }
    /// The filter as a query string, for the downloads.
    pub fn filter_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(y) = self.view.year {
            parts.push(format!("nam={y}"));
        }
        if self.view.scope.id != self.view.unit.id {
            parts.push(format!("don-vi={}", self.view.scope.code));
        }
        if parts.is_empty() { String::new() } else { format!("?{}", parts.join("&")) }
    }
    pub fn day(&self, d: &chrono::NaiveDate) -> String {
        vn_date(*d)
    }
    pub fn forms(&self) -> Vec<(String, &'static str, bool)> {
        let mut options = vec![(String::new(), "— Chọn hình thức —", self.commendation.form.is_empty())];
        options.extend(
            coso_domain::steering::CommendationForm::ALL
                .into_iter()
                .map(|f| (f.as_str().to_string(), f.label(), f.as_str() == self.commendation.form)),
        );
        options
    }
    pub fn statuses(&self) -> Vec<(String, &'static str, bool)> {
        coso_domain::steering::ModelStatus::ALL
            .into_iter()
            .map(|s| (s.as_str().to_string(), s.label(), s.as_str() == self.model.status))
            .collect()
    }
    /// Who was commended: the unit, or the person.
    pub fn recipient(&self, c: &coso_store::CommendationRow) -> String {
        match (&c.recipient_name, &c.recipient_person) {
            (Some(u), Some(p)) => format!("{p} ({u})"),
            (Some(u), None) => u.clone(),
            (None, Some(p)) => p.clone(),
            (None, None) => String::new(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "steering/public_models.html")]
pub struct PublicModelsPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub models: Vec<coso_store::ModelRow>,
}
