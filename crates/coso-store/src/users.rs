//! Accounts and the roles granted to them on units.

use chrono::{DateTime, Utc};
use coso_domain::authz::{Action, Grant, Permit, Role};
use coso_domain::unit::UnitKind;
use coso_domain::unit_path::UnitPath;
use coso_domain::{UnitId, UserId};
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::codes::Code;
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::rows::{Page, clamp_limit};
use crate::units::UnitRow;
use crate::{Result, Store};

/// A stored account. The password hash never leaves the store except for verification.
#[derive(Clone, sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub active: bool,
    pub failed_logins: i64,
    pub locked_until: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// When the owner proved the address; `None` for a resident who signed up and has not
    /// opened the mailed link yet (accounts made by administrators are verified at once).
    pub email_verified_at: Option<DateTime<Utc>>,
}

impl std::fmt::Debug for UserRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserRow").field("id", &self.id).field("email", &self.email).finish_non_exhaustive()
    }
}

impl UserRow {
    pub fn user_id(&self) -> UserId {
        UserId(self.id)
    }

    pub fn is_verified(&self) -> bool {
        self.email_verified_at.is_some()
    }
}

/// A role on a unit, with the unit's identity for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct GrantRow {
    pub user_id: i64,
    #[sqlx(try_from = "Code<Role>")]
    pub role: Role,
    pub unit_id: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub unit_path: String,
}

impl GrantRow {
    pub fn grant(&self) -> Grant {
        Grant { role: self.role, unit: UnitPath::from_stored(self.unit_path.clone()) }
    }
}

/// A validated new account.
pub struct NewUser {
    pub email: String,
    pub display_name: String,
    /// An argon2 PHC string; hashing is the caller's (it is slow and belongs off the runtime).
    pub password_hash: String,
    pub grants: Vec<(Role, UnitId)>,
}

pub(crate) const USER_COLUMNS: &str =
    "id, email, display_name, password_hash, active, failed_logins, locked_until, created_at, email_verified_at";

impl Store {
    /// Creates an account made by an administrator, the command line or the demo loader:
    /// its address counts as verified.
    pub async fn create_user(&self, u: &NewUser, actor: &Actor) -> Result<UserId> {
        self.insert_user(u, actor, "user.create").await
    }

    /// Creates the account of someone working at the agency `unit` (an officials' act, audited
    /// as such): the `resident` role on the agency, its address verified.
    pub async fn create_agency_staff(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        email: &str,
        display_name: &str,
        password_hash: String,
        actor: &Actor,
    ) -> Result<UserId> {
        crate::audit::require(permit, Action::ManageAgencyStaff, unit)?;
        if unit.kind != UnitKind::Agency {
            return Err(StoreError::Forbidden);
        }
        let new = NewUser {
            email: email.to_string(),
            display_name: display_name.to_string(),
            password_hash,
            grants: vec![(Role::Resident, unit.unit_id())],
        };
        self.insert_user(&new, actor, "user.staff_add").await
    }

    /// Removes the `resident` role an account holds on the agency `unit` (the account and its
    /// other roles stay); `NotFound` when it holds none there.
    pub async fn remove_agency_staff(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        user: UserId,
        actor: &Actor,
    ) -> Result<()> {
        crate::audit::require(permit, Action::ManageAgencyStaff, unit)?;
        let now = self.clock.now();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query("DELETE FROM role_grant WHERE user_id = $1 AND unit_id = $2 AND role = $3")
                .bind(user.0)
                .bind(unit.id)
                .bind(Role::Resident.as_str())
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if done == 0 {
                return Err(StoreError::NotFound);
            }
            let entry = AuditEntry {
                action: "user.staff_remove",
                entity: "user",
                entity_id: user.0.to_string(),
                unit_id: Some(unit.unit_id()),
                before: Some(serde_json::json!({ "role": Role::Resident.as_str(), "unit_id": unit.id })),
                after: None,
            };
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
        });
        Ok(())
    }

    async fn insert_user(&self, u: &NewUser, actor: &Actor, action: &'static str) -> Result<UserId> {
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let res = sqlx::query_scalar::<_, i64>(
                "INSERT INTO app_user (email, display_name, password_hash, active, failed_logins, created_at, email_verified_at) \
                 VALUES ($1, $2, $3, $4, 0, $5, $5) RETURNING id",
            )
            .bind(&u.email)
            .bind(&u.display_name)
            .bind(&u.password_hash)
            .bind(true)
            .bind(now)
            .fetch_one(&mut *tx)
            .await;
            let id = match res {
                Ok(id) => id,
                Err(e) if StoreError::is_unique_violation(&e) => {
                    return Err(StoreError::Conflict { field: "email", message: format!("Địa chỉ e-mail «{}» đã được dùng.", u.email) });
                }
                Err(e) => return Err(e.into()),
            };
            for (role, unit) in &u.grants {
                sqlx::query("INSERT INTO role_grant (user_id, role, unit_id, created_at) VALUES ($1, $2, $3, $4)")
                    .bind(id)
                    .bind(role.as_str())
                    .bind(unit.0)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
            let entry = AuditEntry {
                action,
                entity: "user",
                entity_id: id.to_string(),
                unit_id: u.grants.first().map(|g| g.1),
                before: None,
                after: Some(serde_json::json!({
                    "email": u.email, "display_name": u.display_name,
                    "grants": u.grants.iter().map(|(r, unit)| serde_json::json!({"role": r.as_str(), "unit_id": unit.0})).collect::<Vec<_>>(),
                })),
            };
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
            id
        });
        Ok(UserId(id))
    }

    pub async fn user_by_email(&self, email: &str) -> Result<Option<UserRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as::<_, UserRow>(sqlx::AssertSqlSafe(format!("SELECT {USER_COLUMNS} FROM app_user WHERE email = $1")))
                .bind(email)
                .fetch_optional(pool)
                .await?
        });
        Ok(row)
    }

    pub async fn user_by_id(&self, id: UserId) -> Result<Option<UserRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as::<_, UserRow>(sqlx::AssertSqlSafe(format!("SELECT {USER_COLUMNS} FROM app_user WHERE id = $1")))
                .bind(id.0)
                .fetch_optional(pool)
                .await?
        });
        Ok(row)
    }

    pub async fn grants_of(&self, user: UserId) -> Result<Vec<GrantRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, GrantRow>(
                "SELECT g.user_id, g.role, g.unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path \
                 FROM role_grant g JOIN unit u ON u.id = g.unit_id WHERE g.user_id = $1 ORDER BY g.id",
            )
            .bind(user.0)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Every grant of every account, with its unit, by account then grant order: the
    /// administrators' list of accounts shows them in one read.
    pub async fn all_grants(&self) -> Result<Vec<GrantRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, GrantRow>(
                "SELECT g.user_id, g.role, g.unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path \
                 FROM role_grant g JOIN unit u ON u.id = g.unit_id ORDER BY g.user_id, g.id",
            )
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Users with at least one grant inside the subtree at `within` (every user when `None`).
    pub async fn list_users(
        &self,
        within: Option<&str>,
        limit: Option<i64>,
        offset: Option<i64>,
    ) -> Result<Page<UserRow>> {
        let prefix = within.map(|p| format!("{p}%"));
        let limit = clamp_limit(limit, 50);
        let offset = offset.unwrap_or(0).max(0);
        let page = dispatch!(self, read, pool => {
            let items: Vec<UserRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {USER_COLUMNS} FROM app_user WHERE $1 IS NULL OR id IN \
                 (SELECT g.user_id FROM role_grant g JOIN unit u ON u.id = g.unit_id WHERE u.path LIKE $1) \
                 ORDER BY email LIMIT $2 OFFSET $3"
            )))
            .bind(prefix.as_deref())
            .bind(limit)
            .bind(offset)
            .fetch_all(pool)
            .await?;
            let total: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM app_user WHERE $1 IS NULL OR id IN \
                 (SELECT g.user_id FROM role_grant g JOIN unit u ON u.id = g.unit_id WHERE u.path LIKE $1)",
            )
            .bind(prefix.as_deref())
            .fetch_one(pool)
            .await?;
            Page { items, total }
        });
        Ok(page)
    }

    /// Counts a failed login; after `max` failures in a row the account is locked until `lock_until`.
    pub async fn record_login_failure(&self, user: UserId, max: i64, lock_until: DateTime<Utc>) -> Result<()> {
        dispatch!(self, write, pool => {
            sqlx::query(
                "UPDATE app_user SET failed_logins = failed_logins + 1, \
                 locked_until = CASE WHEN failed_logins + 1 >= $2 THEN $3 ELSE locked_until END WHERE id = $1",
            )
            .bind(user.0)
            .bind(max)
            .bind(lock_until)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    pub async fn record_login_success(&self, user: UserId) -> Result<()> {
        dispatch!(self, write, pool => {
            sqlx::query("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = $1 AND failed_logins <> 0")
                .bind(user.0)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Whether the database holds anything beyond the official units (for the demo loader).
    pub async fn has_user_data(&self) -> Result<bool> {
        let n = dispatch!(self, read, pool => {
            sqlx::query_scalar::<_, i64>(
                "SELECT (SELECT COUNT(*) FROM app_user) + (SELECT COUNT(*) FROM household) + \
                 (SELECT COUNT(*) FROM unit WHERE official = $1)",
            )
            .bind(false)
            .fetch_one(pool)
            .await?
        });
        Ok(n > 0)
    }
}
