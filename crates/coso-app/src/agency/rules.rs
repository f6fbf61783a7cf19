//! The register of an agency's internal rules: a new rule with its first version, later
//! versions that keep the earlier ones, and the register read by the agency's officials and staff.

use chrono::NaiveDate;
use coso_domain::agency::{InternalRuleData, InternalRuleInput, RuleKind};
use coso_domain::authz::Action;
use coso_store::{RuleVersionRow, UnitRow};
use serde::Serialize;

use super::access::{require_agency, require_read};
use crate::{Actor, App, Error, Result};

/// A rule with its versions, the latest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleView {
    pub id: i64,
    pub kind: RuleKind,
    pub kind_label: &'static str,
    pub title: String,
    pub versions: Vec<RuleVersionView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleVersionView {
    pub version: i64,
    pub number: Option<String>,
    pub issued_on: NaiveDate,
    pub summary: Option<String>,
}

impl RuleView {
    /// The version in force: the latest.
    pub fn current(&self) -> Option<&RuleVersionView> {
        self.versions.first()
    }
}

fn version(v: &RuleVersionRow) -> RuleVersionView {
    RuleVersionView { version: v.version, number: v.number.clone(), issued_on: v.issued_on, summary: v.summary.clone() }
}

/// Registers a new internal rule of the agency `code` with its first version.
pub async fn register(app: &App, actor: &Actor, code: &str, input: &InternalRuleInput) -> Result<RuleView> {
    let unit = crate::units::by_code(app, code).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::HoldConferences)?;
    require_agency(&unit)?;
    let data = InternalRuleData::parse_new(input).map_err(Error::Validation)?;
    let (Some(kind), Some(title)) = (data.kind, data.title.as_deref()) else {
        return Err(Error::internal("a parsed new rule has its kind and title"));
    };
    let id = app.store().create_internal_rule(&permit, &unit, (kind, title), &data, actor.audit()).await?;
    one(app, &unit, id).await
}

/// Adds the next version of the rule `id` of the agency `code`; the earlier ones stay.
pub async fn add_version(app: &App, actor: &Actor, code: &str, id: i64, input: &InternalRuleInput) -> Result<RuleView> {
    let unit = crate::units::by_code(app, code).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::HoldConferences)?;
    require_agency(&unit)?;
    let rule = app.store().internal_rule(id).await?.filter(|r| r.unit_id == unit.id).ok_or(Error::NotFound)?;
    let data = InternalRuleData::parse_version(input).map_err(Error::Validation)?;
    app.store().add_internal_rule_version(&permit, &unit, &rule, &data, actor.audit()).await?;
    one(app, &unit, id).await
}

async fn one(app: &App, unit: &UnitRow, id: i64) -> Result<RuleView> {
    all(app, unit).await?.into_iter().find(|r| r.id == id).ok_or(Error::NotFound)
}

async fn all(app: &App, unit: &UnitRow) -> Result<Vec<RuleView>> {
    let (rules, versions) = app.store().internal_rules_of_unit(unit.id).await?;
    Ok(rules
        .into_iter()
        .map(|r| RuleView {
            id: r.id,
            kind: r.kind,
            kind_label: r.kind.label(),
            versions: versions.iter().filter(|v| v.rule_id == r.id).map(version).collect(),
            title: r.title,
        })
        .collect())
}

/// The register of the agency `code`, for its officials and staff.
pub async fn list(app: &App, actor: &Actor, code: &str) -> Result<(UnitRow, Vec<RuleView>)> {
    let unit = crate::units::by_code(app, code).await?;
    require_read(actor, &unit)?;
    require_agency(&unit)?;
    let rules = all(app, &unit).await?;
    Ok((unit, rules))
}
