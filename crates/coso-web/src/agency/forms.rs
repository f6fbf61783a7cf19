//! The officials' forms: a staff conference with up to three resolutions, an internal rule or a
//! new version of one, and a staff account.

use coso_app::agency::staff::StaffInput;
use coso_domain::agency::{InternalRuleInput, ResolutionInput, StaffConferenceInput};
use serde::Deserialize;

/// A staff conference as typed; a resolution left blank (no title, no votes) is not one.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ConferenceForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub work_year: String,
    #[serde(default)]
    pub held_on: String,
    #[serde(default)]
    pub staff: String,
    #[serde(default)]
    pub present: String,
    #[serde(default)]
    pub title_1: String,
    #[serde(default)]
    pub yes_1: String,
    #[serde(default)]
    pub title_2: String,
    #[serde(default)]
    pub yes_2: String,
    #[serde(default)]
    pub title_3: String,
    #[serde(default)]
    pub yes_3: String,
    #[serde(default)]
    pub minutes: String,
}

impl ConferenceForm {
    pub fn input(&self) -> StaffConferenceInput {
        let resolutions = [(&self.title_1, &self.yes_1), (&self.title_2, &self.yes_2), (&self.title_3, &self.yes_3)]
            .into_iter()
            .filter(|(t, y)| !t.trim().is_empty() || !y.trim().is_empty())
            .map(|(t, y)| ResolutionInput { title: t.clone(), yes: y.clone() })
            .collect();
        StaffConferenceInput {
            work_year: self.work_year.clone(),
            held_on: self.held_on.clone(),
            staff: self.staff.clone(),
            present: self.present.clone(),
            resolutions,
            minutes: self.minutes.clone(),
        }
    }
}

/// A new rule, or (with `kind` and `title` left out) a new version of one.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RuleForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: InternalRuleInput,
}

/// A new staff account: name, e-mail and initial password.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct StaffForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: StaffInput,
}

/// Removing an account from the agency's staff.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RemoveForm {
    #[serde(default)]
    pub csrf: String,
}
