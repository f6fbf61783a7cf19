//! Steering committees: a unit's committee, its members with their linked accounts, and the
//! areas (units) each member follows; what a member's areas have overdue. Every change is made
//! under a permit to manage the committee's unit and writes its audit row in its transaction.

use chrono::NaiveDate;
use coso_domain::UnitId;
use coso_domain::authz::{Action, Permit};
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, require, write_audit};
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::units::UnitRow;
use crate::{Result, Store};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct CommitteeRow {
    pub id: i64,
    pub unit_id: i64,
    pub name: String,
}

/// A member of a committee, with the e-mail of their linked account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct SteeringMemberRow {
    pub id: i64,
    pub committee_id: i64,
    pub name: String,
    pub position: String,
    pub user_id: Option<i64>,
    pub account: Option<String>,
}

/// One area a member follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct AreaRow {
    pub member_id: i64,
    pub unit_id: i64,
    pub code: String,
    pub name: String,
    pub path: String,
}

/// A member to add, with the ids of the areas found in the committee unit's subtree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSteeringMember {
    pub name: String,
    pub position: String,
    pub user_id: Option<i64>,
    pub area_unit_ids: Vec<i64>,
}

/// An area an account follows as a member of some committee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct FollowedArea {
    pub member_id: i64,
    pub position: String,
    pub committee_name: String,
    pub unit_id: i64,
    pub code: String,
    pub name: String,
    pub path: String,
}

/// A task of a plan led by a unit, past its due date and not done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct OverdueTaskRow {
    pub id: i64,
    pub plan_id: i64,
    pub lead_unit_id: i64,
    pub text: String,
    pub due_date: NaiveDate,
    pub progress: i64,
}

fn entry(action: &'static str, id: i64, unit_id: i64, after: serde_json::Value) -> AuditEntry {
    AuditEntry::change(action, "steering_committee", id, UnitId(unit_id), after)
}

impl Store {
    /// The steering committee of a unit, if it has one.
    pub async fn steering_committee(&self, UnitId(unit_id): UnitId) -> Result<Option<CommitteeRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as::<_, CommitteeRow>("SELECT id, unit_id, name FROM steering_committee WHERE unit_id = $1")
                .bind(unit_id)
                .fetch_optional(pool)
                .await?
        });
        Ok(row)
    }

    /// Sets up the unit's committee, or renames it. Returns its id.
    pub async fn save_steering_committee(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        name: &str,
        actor: &Actor,
    ) -> Result<i64> {
        require(permit, Action::ManageSteering, unit)?;
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let before: Option<(i64, String)> =
                sqlx::query_as("SELECT id, name FROM steering_committee WHERE unit_id = $1")
                    .bind(unit.id)
                    .fetch_optional(&mut *tx)
                    .await?;
            let id = match &before {
                Some((id, _)) => {
                    sqlx::query("UPDATE steering_committee SET name = $1, updated_at = $2 WHERE id = $3")
                        .bind(name)
                        .bind(now)
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                    *id
                }
                None => {
                    sqlx::query_scalar::<_, i64>(
                        "INSERT INTO steering_committee (unit_id, name, created_at, updated_at) VALUES ($1, $2, $3, $3) RETURNING id",
                    )
                    .bind(unit.id)
                    .bind(name)
                    .bind(now)
                    .fetch_one(&mut *tx)
                    .await?
                }
            };
            let mut e = entry("steering.save", id, unit.id, serde_json::json!({ "name": name }));
            e.before = before.map(|(_, old)| serde_json::json!({ "name": old }));
            write_audit!(&mut *tx, now, actor, &e)?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    /// The members of a committee, by name.
    pub async fn steering_members(&self, committee_id: i64) -> Result<Vec<SteeringMemberRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, SteeringMemberRow>(
                "SELECT m.id, m.committee_id, m.name, m.position, m.user_id, u.email AS account \
                 FROM steering_member m LEFT JOIN app_user u ON u.id = m.user_id \
                 WHERE m.committee_id = $1 ORDER BY m.sort_key, m.id",
            )
            .bind(committee_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// The areas of every member of a committee, by member then in Vietnamese order.
    pub async fn steering_areas(&self, committee_id: i64) -> Result<Vec<AreaRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, AreaRow>(
                "SELECT a.member_id, u.id AS unit_id, u.code, u.name, u.path FROM steering_area a \
                 JOIN steering_member m ON m.id = a.member_id JOIN unit u ON u.id = a.unit_id \
                 WHERE m.committee_id = $1 ORDER BY a.member_id, u.sort_key, u.code",
            )
            .bind(committee_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Adds a member with their areas to the unit's committee, in one transaction.
    pub async fn add_steering_member(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        committee_id: i64,
        m: &NewSteeringMember,
        actor: &Actor,
    ) -> Result<i64> {
        require(permit, Action::ManageSteering, unit)?;
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let owner: Option<i64> = sqlx::query_scalar("SELECT unit_id FROM steering_committee WHERE id = $1")
                .bind(committee_id)
                .fetch_optional(&mut *tx)
                .await?;
            if owner != Some(unit.id) {
                return Err(StoreError::NotFound);
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO steering_member (committee_id, name, sort_key, position, user_id, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(committee_id)
            .bind(&m.name)
            .bind(coso_text::sort_key(&m.name))
            .bind(&m.position)
            .bind(m.user_id)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let mut areas = m.area_unit_ids.clone();
            areas.sort_unstable();
            areas.dedup();
            for area in &areas {
                sqlx::query("INSERT INTO steering_area (member_id, unit_id) VALUES ($1, $2)")
                    .bind(id)
                    .bind(area)
                    .execute(&mut *tx)
                    .await?;
            }
            let after = serde_json::json!({ "member": id, "name": m.name, "position": m.position,
                "linked_account": m.user_id.is_some(), "areas": areas.len() });
            write_audit!(&mut *tx, now, actor, &entry("steering.member.add", committee_id, unit.id, after))?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    /// Removes a member of the unit's committee with their areas.
    pub async fn remove_steering_member(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        member_id: i64,
        actor: &Actor,
    ) -> Result<()> {
        require(permit, Action::ManageSteering, unit)?;
        let now = self.clock.now();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let found: Option<(i64, String)> = sqlx::query_as(
                "SELECT m.committee_id, m.name FROM steering_member m JOIN steering_committee c ON c.id = m.committee_id \
                 WHERE m.id = $1 AND c.unit_id = $2",
            )
            .bind(member_id)
            .bind(unit.id)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((committee_id, name)) = found else { return Err(StoreError::NotFound) };
            sqlx::query("DELETE FROM steering_area WHERE member_id = $1").bind(member_id).execute(&mut *tx).await?;
            sqlx::query("DELETE FROM steering_member WHERE id = $1").bind(member_id).execute(&mut *tx).await?;
            let mut e = entry("steering.member.remove", committee_id, unit.id, serde_json::json!({ "member": member_id }));
            e.before = Some(serde_json::json!({ "name": name }));
            write_audit!(&mut *tx, now, actor, &e)?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// The areas an account follows, over every committee it sits on, in Vietnamese order.
    pub async fn followed_areas(&self, user_id: i64) -> Result<Vec<FollowedArea>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, FollowedArea>(
                "SELECT m.id AS member_id, m.position, c.name AS committee_name, u.id AS unit_id, u.code, u.name, u.path \
                 FROM steering_member m JOIN steering_committee c ON c.id = m.committee_id \
                 JOIN steering_area a ON a.member_id = m.id JOIN unit u ON u.id = a.unit_id \
                 WHERE m.user_id = $1 ORDER BY u.sort_key, u.code, m.id",
            )
            .bind(user_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// The tasks led by `unit_id` past their due date on `today` and not done.
    pub async fn overdue_tasks_led_by(&self, UnitId(unit_id): UnitId, today: NaiveDate) -> Result<Vec<OverdueTaskRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, OverdueTaskRow>(
                "SELECT id, plan_id, lead_unit_id, text, due_date, progress FROM plan_task \
                 WHERE lead_unit_id = $1 AND due_date IS NOT NULL AND due_date < $2 AND status <> 'done' \
                 ORDER BY due_date, id",
            )
            .bind(unit_id)
            .bind(today)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// How many open citizen cases of the subtree at `path` are past their next step's due date.
    pub async fn overdue_case_count(&self, path: &str, today: NaiveDate) -> Result<i64> {
        let open = coso_domain::case::CaseStatus::OPEN
            .iter()
            .map(|s| format!("'{}'", s.as_str()))
            .collect::<Vec<_>>()
            .join(", ");
        let n = dispatch!(self, read, pool => {
            sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(format!(
                "SELECT COUNT(*) FROM citizen_case c JOIN unit u ON u.id = c.unit_id \
                 WHERE u.path LIKE $1 AND c.status IN ({open}) AND c.due_on IS NOT NULL AND c.due_on < $2"
            )))
            .bind(format!("{path}%"))
            .bind(today)
            .fetch_one(pool)
            .await?
        });
        Ok(n)
    }
}
