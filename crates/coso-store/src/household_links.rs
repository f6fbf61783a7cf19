//! Links of resident accounts to the households they represent. A resident asks (with a
//! permit to take part in their village), the village head decides (with a permit to manage
//! the village's register), the resident ends. At most one confirmed account per household and
//! one open link per account: unique partial indexes keep both under concurrent requests.

use chrono::{DateTime, NaiveDate, Utc};
use coso_domain::authz::{Action, Permit};
use coso_domain::household_link::LinkStatus;
use coso_domain::{HouseholdId, UnitId, UserId};
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::codes::Code;
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::notifications::NewNotification;
use crate::rows::MAX_LIMIT;
use crate::units::UnitRow;
use crate::{Result, Store};

/// A link with its household, its village and its account: what the village head reads
/// beside the register, and what the resident's page shows of their own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct HouseholdLinkRow {
    pub id: i64,
    pub user_id: i64,
    pub household_id: i64,
    #[sqlx(try_from = "Code<LinkStatus>")]
    pub status: LinkStatus,
    pub requested_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    pub note: Option<String>,
    /// The account's name and address.
    pub display_name: String,
    pub email: String,
    /// The household's row of the register.
    pub household_code: String,
    pub representative: String,
    pub address: String,
    pub member_count: i64,
    pub valid_to: Option<NaiveDate>,
    pub village_id: i64,
    pub village_code: String,
    pub village_name: String,
    pub village_path: String,
}

const SELECT: &str = "SELECT l.id, l.user_id, l.household_id, l.status, l.requested_at, l.decided_at, l.note, \
    a.display_name, a.email, h.code AS household_code, h.representative, h.address, h.member_count, h.valid_to, \
    v.id AS village_id, v.code AS village_code, v.name AS village_name, v.path AS village_path \
    FROM household_link l JOIN app_user a ON a.id = l.user_id JOIN household h ON h.id = l.household_id \
    JOIN unit v ON v.id = h.village_id ";

/// The household a resident names, read only to compare it with what they typed.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct LinkCandidate {
    pub id: i64,
    pub representative: String,
}

/// What the village head decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkDecision {
    pub confirm: bool,
    pub note: Option<String>,
    /// The notification to the resident, written with the decision.
    pub notification: NewNotification,
}

fn check(permit: &Permit, action: Action, unit: &UnitRow) -> Result<()> {
    crate::audit::require(permit, action, unit)
}

fn one_open_link() -> StoreError {
    StoreError::Conflict {
        field: "household_code",
        message: "Bạn đã có một yêu cầu đang chờ hoặc đã liên kết với một hộ; hãy kết thúc liên kết đó trước.".into(),
    }
}

impl Store {
    /// The current household of the register of `village` with `code`, for a resident of the
    /// village (a permit to take part there) to compare with what they typed.
    pub async fn household_for_link(
        &self,
        permit: &Permit,
        village: &UnitRow,
        code: &str,
    ) -> Result<Option<LinkCandidate>> {
        check(permit, Action::Participate, village)?;
        let row = dispatch!(self, read, pool => {
            sqlx::query_as::<_, LinkCandidate>(
                "SELECT id, representative FROM household WHERE village_id = $1 AND code = $2 \
                 AND (valid_to IS NULL OR valid_to > $3)",
            )
            .bind(village.id)
            .bind(code)
            .bind(self.clock.today())
            .fetch_optional(pool)
            .await?
        });
        Ok(row)
    }

    /// Stores `user`'s pending request for `household` of `village`, audited.
    /// [`StoreError::Conflict`] when the account already has an open link.
    pub async fn request_household_link(
        &self,
        permit: &Permit,
        village: &UnitRow,
        household: HouseholdId,
        user: UserId,
        actor: &Actor,
    ) -> Result<i64> {
        check(permit, Action::Participate, village)?;
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let res = sqlx::query_scalar::<_, i64>(
                "INSERT INTO household_link (user_id, household_id, status, requested_at) VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(user.0)
            .bind(household.0)
            .bind(LinkStatus::Pending.as_str())
            .bind(now)
            .fetch_one(&mut *tx)
            .await;
            let id = match res {
                Ok(id) => id,
                Err(e) if StoreError::is_unique_violation(&e) => return Err(one_open_link()),
                Err(e) => return Err(e.into()),
            };
            let entry = AuditEntry {
                action: "household_link.request",
                entity: "household_link",
                entity_id: id.to_string(),
                unit_id: Some(village.unit_id()),
                before: None,
                after: Some(serde_json::json!({ "household_id": household.0, "user_id": user.0 })),
            };
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    /// The newest link of `user`, whatever its state.
    pub async fn latest_household_link(&self, user: UserId) -> Result<Option<HouseholdLinkRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as::<_, HouseholdLinkRow>(sqlx::AssertSqlSafe(format!(
                "{SELECT} WHERE l.user_id = $1 ORDER BY l.id DESC LIMIT 1"
            )))
            .bind(user.0)
            .fetch_optional(pool)
            .await?
        });
        Ok(row)
    }

    /// The confirmed link of `user`, if any.
    pub async fn confirmed_household_link(&self, user: UserId) -> Result<Option<HouseholdLinkRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as::<_, HouseholdLinkRow>(sqlx::AssertSqlSafe(format!(
                "{SELECT} WHERE l.user_id = $1 AND l.status = $2"
            )))
            .bind(user.0)
            .bind(LinkStatus::Confirmed.as_str())
            .fetch_optional(pool)
            .await?
        });
        Ok(row)
    }

    /// The link `id`, with its household and village (the caller authorizes on the village).
    pub async fn household_link(&self, id: i64) -> Result<Option<HouseholdLinkRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as::<_, HouseholdLinkRow>(sqlx::AssertSqlSafe(format!("{SELECT} WHERE l.id = $1")))
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        Ok(row)
    }

    /// The pending requests for households of `unit`'s subtree, oldest first, each with the
    /// household's row of the register.
    pub async fn pending_household_links(&self, permit: &Permit, unit: &UnitRow) -> Result<Vec<HouseholdLinkRow>> {
        check(permit, Action::ManageHouseholds, unit)?;
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, HouseholdLinkRow>(sqlx::AssertSqlSafe(format!(
                "{SELECT} WHERE l.status = $1 AND v.path LIKE $2 ORDER BY l.id LIMIT $3"
            )))
            .bind(LinkStatus::Pending.as_str())
            .bind(format!("{}%", unit.path))
            .bind(MAX_LIMIT)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Confirms or refuses the pending link `id` of a household of `village`, with the
    /// notification to the resident and the audit row, in one transaction.
    /// [`StoreError::NotFound`] when the link is not pending (or not of this village),
    /// [`StoreError::Conflict`] when the household already has a confirmed account.
    pub async fn decide_household_link(
        &self,
        permit: &Permit,
        village: &UnitRow,
        id: i64,
        decision: &LinkDecision,
        actor: &Actor,
    ) -> Result<()> {
        check(permit, Action::ManageHouseholds, village)?;
        let now = self.clock.now();
        let status = if decision.confirm { LinkStatus::Confirmed } else { LinkStatus::Refused };
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let res = sqlx::query_scalar::<_, i64>(
                "UPDATE household_link SET status = $1, decided_by = $2, decided_at = $3, note = $4 \
                 WHERE id = $5 AND status = $6 AND household_id IN (SELECT id FROM household WHERE village_id = $7) \
                 RETURNING household_id",
            )
            .bind(status.as_str())
            .bind(actor.user_id.map(|u| u.0))
            .bind(now)
            .bind(decision.note.as_deref())
            .bind(id)
            .bind(LinkStatus::Pending.as_str())
            .bind(village.id)
            .fetch_optional(&mut *tx)
            .await;
            let household = match res {
                Ok(Some(h)) => h,
                Ok(None) => return Err(StoreError::NotFound),
                Err(e) if StoreError::is_unique_violation(&e) => {
                    return Err(StoreError::Conflict {
                        field: "decision",
                        message: "Hộ này đã có một tài khoản đại diện được xác nhận; mỗi hộ chỉ có một tài khoản đại diện.".into(),
                    });
                }
                Err(e) => return Err(e.into()),
            };
            let n = &decision.notification;
            sqlx::query(
                "INSERT INTO notification (unit_id, user_id, kind, title, body, link, created_at, dedupe_key) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (dedupe_key) DO NOTHING",
            )
            .bind(n.unit_id)
            .bind(n.user_id)
            .bind(n.kind.as_str())
            .bind(&n.title)
            .bind(&n.body)
            .bind(&n.link)
            .bind(now)
            .bind(&n.dedupe_key)
            .execute(&mut *tx)
            .await?;
            let entry = AuditEntry {
                action: if decision.confirm { "household_link.confirm" } else { "household_link.refuse" },
                entity: "household_link",
                entity_id: id.to_string(),
                unit_id: Some(village.unit_id()),
                before: Some(serde_json::json!({ "status": LinkStatus::Pending.as_str() })),
                after: Some(serde_json::json!({ "status": status.as_str(), "household_id": household, "note": decision.note })),
            };
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Ends `user`'s open link (pending or confirmed), audited; `None` when there was none,
    /// else the village of the household.
    pub async fn end_household_link(&self, user: UserId, actor: &Actor) -> Result<Option<UnitId>> {
        let now = self.clock.now();
        let village = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let ended: Option<(i64, i64)> = sqlx::query_as(
                "UPDATE household_link SET status = $1, decided_by = $2, decided_at = $3 \
                 WHERE user_id = $2 AND status IN ($4, $5) RETURNING id, household_id",
            )
            .bind(LinkStatus::Ended.as_str())
            .bind(user.0)
            .bind(now)
            .bind(LinkStatus::Pending.as_str())
            .bind(LinkStatus::Confirmed.as_str())
            .fetch_optional(&mut *tx)
            .await?;
            let Some((id, household)) = ended else { return Ok(None) };
            let village: i64 = sqlx::query_scalar("SELECT village_id FROM household WHERE id = $1")
                .bind(household)
                .fetch_one(&mut *tx)
                .await?;
            let entry = AuditEntry {
                action: "household_link.end",
                entity: "household_link",
                entity_id: id.to_string(),
                unit_id: Some(UnitId(village)),
                before: None,
                after: Some(serde_json::json!({ "status": LinkStatus::Ended.as_str(), "household_id": household })),
            };
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
            village
        });
        Ok(Some(UnitId(village)))
    }
}
