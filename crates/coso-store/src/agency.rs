//! Democracy inside agencies: the yearly staff conference with its resolutions, and the
//! register of internal rules whose versions are kept (a new version adds a row, never replaces
//! one). Written under a permit to hold conferences on the agency; every change writes its audit
//! row in its transaction.

use chrono::{DateTime, NaiveDate, Utc};
use coso_domain::agency::{InternalRuleData, RuleKind, StaffConferenceData};
use coso_domain::authz::{Action, Permit};
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, require, write_audit};
use crate::codes::Code;
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::units::UnitRow;
use crate::{Result, Store};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct StaffConferenceRow {
    pub id: i64,
    pub unit_id: i64,
    pub work_year: i64,
    pub held_on: Option<NaiveDate>,
    pub staff: i64,
    pub present: i64,
    pub minutes: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ResolutionRow {
    pub conference_id: i64,
    pub position: i64,
    pub title: String,
    pub yes: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct InternalRuleRow {
    pub id: i64,
    pub unit_id: i64,
    #[sqlx(try_from = "Code<RuleKind>")]
    pub kind: RuleKind,
    pub title: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct RuleVersionRow {
    pub rule_id: i64,
    pub version: i64,
    pub number: Option<String>,
    pub issued_on: NaiveDate,
    pub summary: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// An account working at an agency: granted the `resident` role on the agency itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct StaffRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub active: bool,
}

const CONFERENCE_SELECT: &str =
    "SELECT id, unit_id, work_year, held_on, staff, present, minutes, created_at FROM staff_conference ";
const RULE_SELECT: &str = "SELECT id, unit_id, kind, title, created_at FROM internal_rule ";
const VERSION_SELECT: &str =
    "SELECT rule_id, version, number, issued_on, summary, created_at FROM internal_rule_version ";

impl Store {
    /// Records a staff conference of the agency `unit` with its resolutions.
    pub async fn create_staff_conference(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        data: &StaffConferenceData,
        actor: &Actor,
    ) -> Result<i64> {
        require(permit, Action::HoldConferences, unit)?;
        let now = self.clock.now();
        let after = serde_json::json!({
            "năm công tác": data.work_year, "tổng số": data.staff, "số dự": data.present,
            "số nghị quyết": data.resolutions.len(),
        });
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO staff_conference (unit_id, work_year, held_on, staff, present, minutes, created_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(unit.id)
            .bind(i64::from(data.work_year))
            .bind(data.held_on)
            .bind(i64::from(data.staff))
            .bind(i64::from(data.present))
            .bind(&data.minutes)
            .bind(actor.user_id.map(|u| u.0))
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            for (i, r) in data.resolutions.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO staff_conference_resolution (conference_id, position, title, yes) VALUES ($1, $2, $3, $4)",
                )
                .bind(id)
                .bind(i as i64 + 1)
                .bind(&r.title)
                .bind(i64::from(r.yes))
                .execute(&mut *tx)
                .await?;
            }
            let entry = AuditEntry::change("staff_conference.create", "staff_conference", id, unit.unit_id(), after);
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    pub async fn staff_conference(&self, id: i64) -> Result<Option<StaffConferenceRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{CONFERENCE_SELECT} WHERE id = $1")))
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        Ok(row)
    }

    /// The staff conferences of an agency, the latest work year first.
    pub async fn staff_conferences_of_unit(&self, unit_id: i64) -> Result<Vec<StaffConferenceRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{CONFERENCE_SELECT} WHERE unit_id = $1 ORDER BY work_year DESC, id DESC"
            )))
            .bind(unit_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// The resolutions of some conferences, in their order.
    pub async fn staff_conference_resolutions(&self, ids: &[i64]) -> Result<Vec<ResolutionRow>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT conference_id, position, title, yes FROM staff_conference_resolution \
                 WHERE conference_id IN ({list}) ORDER BY conference_id, position"
            )))
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Registers a new internal rule of the agency `unit`, of `kind` and named `title`, with
    /// `data` as its first version.
    pub async fn create_internal_rule(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        (kind, title): (RuleKind, &str),
        data: &InternalRuleData,
        actor: &Actor,
    ) -> Result<i64> {
        require(permit, Action::HoldConferences, unit)?;
        let now = self.clock.now();
        let after = serde_json::json!({ "loại": kind.label(), "tên": title, "phiên bản": 1,
            "ngày ban hành": data.issued_on });
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO internal_rule (unit_id, kind, title, sort_key, created_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(unit.id)
            .bind(kind.as_str())
            .bind(title)
            .bind(coso_text::sort_key(title))
            .bind(actor.user_id.map(|u| u.0))
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO internal_rule_version (rule_id, version, number, issued_on, summary, created_by, created_at) \
                 VALUES ($1, 1, $2, $3, $4, $5, $6)",
            )
            .bind(id)
            .bind(&data.number)
            .bind(data.issued_on)
            .bind(&data.summary)
            .bind(actor.user_id.map(|u| u.0))
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let entry = AuditEntry::change("internal_rule.create", "internal_rule", id, unit.unit_id(), after);
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    /// Adds the next version of the rule `rule` of `unit`, keeping the earlier ones; returns its number.
    pub async fn add_internal_rule_version(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        rule: &InternalRuleRow,
        data: &InternalRuleData,
        actor: &Actor,
    ) -> Result<i64> {
        require(permit, Action::HoldConferences, unit)?;
        if rule.unit_id != unit.id {
            return Err(StoreError::Forbidden);
        }
        let now = self.clock.now();
        let version = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let version: i64 = sqlx::query_scalar(
                "INSERT INTO internal_rule_version (rule_id, version, number, issued_on, summary, created_by, created_at) \
                 SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4, $5, $6 FROM internal_rule_version WHERE rule_id = $1 \
                 RETURNING version",
            )
            .bind(rule.id)
            .bind(&data.number)
            .bind(data.issued_on)
            .bind(&data.summary)
            .bind(actor.user_id.map(|u| u.0))
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let after = serde_json::json!({ "tên": rule.title, "phiên bản": version, "ngày ban hành": data.issued_on });
            let entry = AuditEntry::change("internal_rule.version", "internal_rule", rule.id, unit.unit_id(), after);
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
            version
        });
        Ok(version)
    }

    pub async fn internal_rule(&self, id: i64) -> Result<Option<InternalRuleRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{RULE_SELECT} WHERE id = $1")))
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        Ok(row)
    }

    /// The internal rules of an agency in Vietnamese alphabetical order, with all their
    /// versions, the latest first.
    pub async fn internal_rules_of_unit(&self, unit_id: i64) -> Result<(Vec<InternalRuleRow>, Vec<RuleVersionRow>)> {
        let (rules, versions) = dispatch!(self, read, pool => {
            let rules: Vec<InternalRuleRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{RULE_SELECT} WHERE unit_id = $1 ORDER BY sort_key, id"
            )))
            .bind(unit_id)
            .fetch_all(pool)
            .await?;
            let versions: Vec<RuleVersionRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{VERSION_SELECT} WHERE rule_id IN (SELECT id FROM internal_rule WHERE unit_id = $1) \
                 ORDER BY rule_id, version DESC"
            )))
            .bind(unit_id)
            .fetch_all(pool)
            .await?;
            (rules, versions)
        });
        Ok((rules, versions))
    }

    /// The accounts working at the agency `unit_id` (the `resident` role granted on it), by e-mail.
    pub async fn agency_staff(&self, unit_id: i64) -> Result<Vec<StaffRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT u.id, u.email, u.display_name, u.active FROM app_user u \
                 WHERE u.id IN (SELECT g.user_id FROM role_grant g WHERE g.unit_id = $1 AND g.role = 'resident') \
                 ORDER BY u.email",
            )
            .bind(unit_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }
}
