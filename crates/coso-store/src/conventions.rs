//! Village conventions: the convention with its state, every version of its text and the
//! opinions collected while posted. The use cases decide each move (`coso_domain::convention`)
//! and hand the new state whole; the store writes it under a guard on the state it was decided
//! from, with the new version if any and the audit row, in one transaction. Every change asks
//! for a [`Permit`] to manage conventions covering the village.

use chrono::{DateTime, NaiveDate, Utc};
use coso_domain::authz::{Action, Permit};
use coso_domain::convention::{AdoptionForm, ConventionKind, ConventionStatus, OpinionData, Outcome};
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::case_queries::subtree_bounds;
use crate::codes::{Code, OptCode};
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::units::UnitRow;
use crate::{Result, Store};

/// What changes as a convention moves: where it stands and the dates and counts of each step.
/// Version columns hold a version's number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ConventionState {
    #[sqlx(try_from = "Code<ConventionStatus>")]
    pub status: ConventionStatus,
    pub current_version: i64,
    pub posted_version: Option<i64>,
    pub posted_on: Option<NaiveDate>,
    pub posting_place: Option<String>,
    #[sqlx(try_from = "OptCode<AdoptionForm>")]
    pub vote_form: Option<AdoptionForm>,
    pub vote_on: Option<NaiveDate>,
    pub households: Option<i64>,
    pub present: Option<i64>,
    pub yes: Option<i64>,
    #[sqlx(try_from = "OptCode<Outcome>")]
    pub outcome: Option<Outcome>,
    /// When a meeting of this posting lacked more than half of the households: a household
    /// ballot may follow.
    pub meeting_lacked_on: Option<NaiveDate>,
    pub adopted_version: Option<i64>,
    pub adopted_on: Option<NaiveDate>,
    pub submitted_on: Option<NaiveDate>,
    pub returned_on: Option<NaiveDate>,
    pub return_reason: Option<String>,
    pub in_force_version: Option<i64>,
    pub recognised_on: Option<NaiveDate>,
    pub decision_number: Option<String>,
    pub reviewed_on: Option<NaiveDate>,
    pub review_note: Option<String>,
    /// The community decision of matter 3 whose recorded result filled the vote, if the vote
    /// was taken from one rather than typed.
    pub vote_decision_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ConventionRow {
    pub id: i64,
    pub unit_id: i64,
    #[sqlx(try_from = "Code<ConventionKind>")]
    pub kind: ConventionKind,
    pub title: String,
    #[sqlx(flatten)]
    pub state: ConventionState,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ConventionVersionRow {
    pub number: i64,
    pub body: String,
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ConventionOpinionRow {
    pub id: i64,
    pub version_number: i64,
    pub received_on: NaiveDate,
    pub opinions: i64,
    pub source: String,
    pub summary: String,
}

/// A new version of the text, numbered after the current one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewVersion {
    pub body: String,
    pub note: Option<String>,
}

const STATE_COLUMNS: &str = "status, current_version, posted_version, posted_on, posting_place, vote_form, vote_on, \
    households, present, yes, outcome, meeting_lacked_on, adopted_version, adopted_on, submitted_on, returned_on, \
    return_reason, in_force_version, recognised_on, decision_number, reviewed_on, review_note, vote_decision_id";

fn select() -> String {
    format!("SELECT id, unit_id, kind, title, {STATE_COLUMNS}, created_at, updated_at FROM convention ")
}

fn check(permit: &Permit, unit: &UnitRow) -> Result<()> {
    crate::audit::require(permit, Action::ManageConventions, unit)
}

fn entry(action: &'static str, id: i64, unit: &UnitRow, after: serde_json::Value) -> AuditEntry {
    AuditEntry::change(action, "convention", id, unit.unit_id(), after)
}

fn moved() -> StoreError {
    StoreError::Conflict {
        field: "status",
        message: "Hương ước, quy ước vừa được người khác thay đổi; hãy tải lại trang và thử lại.".into(),
    }
}

impl Store {
    /// Proposes a convention for the village `unit`, its basic contents as version 1.
    pub async fn create_convention(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        kind: ConventionKind,
        title: &str,
        body: &str,
        actor: &Actor,
    ) -> Result<i64> {
        check(permit, unit)?;
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO convention (unit_id, kind, title, status, current_version, created_by, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, 1, $5, $6, $6) RETURNING id",
            )
            .bind(unit.id)
            .bind(kind.as_str())
            .bind(title)
            .bind(ConventionStatus::Proposed.as_str())
            .bind(actor.user_id.map(|u| u.0))
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query("INSERT INTO convention_version (convention_id, number, body, created_by, created_at) VALUES ($1, 1, $2, $3, $4)")
                .bind(id)
                .bind(body)
                .bind(actor.user_id.map(|u| u.0))
                .bind(now)
                .execute(&mut *tx)
                .await?;
            let after = serde_json::json!({ "title": title, "kind": kind.label(), "status": ConventionStatus::Proposed.label() });
            write_audit!(&mut *tx, now, actor, &entry("convention.propose", id, unit, after))?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    /// Writes the state `to` of a convention of `unit` decided from `from`, with a new version
    /// of its text when given; a convention changed since is a conflict.
    #[expect(clippy::too_many_arguments, reason = "one move is written whole in one transaction")]
    pub async fn move_convention(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        from: &ConventionRow,
        to: &ConventionState,
        version: Option<&NewVersion>,
        action: &'static str,
        after: serde_json::Value,
        actor: &Actor,
    ) -> Result<()> {
        check(permit, unit)?;
        if from.unit_id != unit.id {
            return Err(StoreError::Forbidden);
        }
        let now = self.clock.now();
        let s = to;
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(
                "UPDATE convention SET status = $1, current_version = $2, posted_version = $3, posted_on = $4, \
                 posting_place = $5, vote_form = $6, vote_on = $7, households = $8, present = $9, yes = $10, outcome = $11, \
                 meeting_lacked_on = $12, adopted_version = $13, adopted_on = $14, submitted_on = $15, returned_on = $16, \
                 return_reason = $17, in_force_version = $18, recognised_on = $19, decision_number = $20, reviewed_on = $21, \
                 review_note = $22, vote_decision_id = $23, updated_at = $24 \
                 WHERE id = $25 AND unit_id = $26 AND status = $27 AND current_version = $28 AND updated_at = $29",
            )
            .bind(s.status.as_str())
            .bind(s.current_version)
            .bind(s.posted_version)
            .bind(s.posted_on)
            .bind(s.posting_place.as_deref())
            .bind(s.vote_form.map(AdoptionForm::as_str))
            .bind(s.vote_on)
            .bind(s.households)
            .bind(s.present)
            .bind(s.yes)
            .bind(s.outcome.map(Outcome::as_str))
            .bind(s.meeting_lacked_on)
            .bind(s.adopted_version)
            .bind(s.adopted_on)
            .bind(s.submitted_on)
            .bind(s.returned_on)
            .bind(s.return_reason.as_deref())
            .bind(s.in_force_version)
            .bind(s.recognised_on)
            .bind(s.decision_number.as_deref())
            .bind(s.reviewed_on)
            .bind(s.review_note.as_deref())
            .bind(s.vote_decision_id)
            .bind(now)
            .bind(from.id)
            .bind(unit.id)
            .bind(from.state.status.as_str())
            .bind(from.state.current_version)
            .bind(from.updated_at)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(moved());
            }
            if let Some(v) = version {
                sqlx::query("INSERT INTO convention_version (convention_id, number, body, note, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
                    .bind(from.id)
                    .bind(s.current_version)
                    .bind(&v.body)
                    .bind(v.note.as_deref())
                    .bind(actor.user_id.map(|u| u.0))
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
            write_audit!(&mut *tx, now, actor, &entry(action, from.id, unit, after))?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Records opinions on the posted version while the convention is posted (checked in the
    /// insert itself, so a vote at the same moment wins).
    pub async fn add_convention_opinion(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        convention: &ConventionRow,
        data: &OpinionData,
        actor: &Actor,
    ) -> Result<i64> {
        check(permit, unit)?;
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: Option<i64> = sqlx::query_scalar(
                "INSERT INTO convention_opinion (convention_id, version_number, received_on, opinions, source, summary, created_at) \
                 SELECT id, current_version, $1, $2, $3, $4, $5 FROM convention WHERE id = $6 AND unit_id = $7 AND status = 'posted' \
                 RETURNING id",
            )
            .bind(data.received_on)
            .bind(i64::from(data.count))
            .bind(&data.source)
            .bind(&data.summary)
            .bind(now)
            .bind(convention.id)
            .bind(unit.id)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(id) = id else {
                return Err(StoreError::Conflict {
                    field: "count",
                    message: "Chỉ ghi nhận ý kiến khi dự thảo đang được niêm yết.".into(),
                });
            };
            write_audit!(&mut *tx, now, actor, &entry("convention.opinions", convention.id, unit, serde_json::json!(data)))?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    pub async fn convention(&self, id: i64) -> Result<Option<ConventionRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{} WHERE id = $1", select())))
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        Ok(row)
    }

    /// The convention whose vote was taken from the decision `decision_id`, if any.
    pub async fn convention_voted_by(&self, decision_id: i64) -> Result<Option<ConventionRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{} WHERE vote_decision_id = $1 ORDER BY id LIMIT 1", select())))
                .bind(decision_id)
                .fetch_optional(pool)
                .await?
        });
        Ok(row)
    }

    /// The conventions of a village, the latest changed first.
    pub async fn conventions_of_unit(&self, unit_id: i64) -> Result<Vec<ConventionRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{} WHERE unit_id = $1 ORDER BY updated_at DESC, id DESC", select())))
                .bind(unit_id)
                .fetch_all(pool)
                .await?
        });
        Ok(rows)
    }

    /// Every version of a convention's text, the first first.
    pub async fn convention_versions(&self, id: i64) -> Result<Vec<ConventionVersionRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as("SELECT number, body, note, created_at FROM convention_version WHERE convention_id = $1 ORDER BY number")
                .bind(id)
                .fetch_all(pool)
                .await?
        });
        Ok(rows)
    }

    pub async fn convention_opinions(&self, id: i64) -> Result<Vec<ConventionOpinionRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT id, version_number, received_on, opinions, source, summary FROM convention_opinion \
                 WHERE convention_id = $1 ORDER BY received_on, id",
            )
            .bind(id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// How many conventions of the units of `unit`'s subtree were adopted, recognised or
    /// reviewed in `[from, to]`: built, amended or reviewed in the period.
    pub async fn conventions_worked_on(&self, unit: &UnitRow, from: NaiveDate, to: NaiveDate) -> Result<i64> {
        let (low, high) = subtree_bounds(&unit.path);
        let n: i64 = dispatch!(self, read, pool => {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM convention c JOIN unit u ON u.id = c.unit_id \
                 WHERE u.path >= $1 AND u.path < $2 AND ((c.adopted_on >= $3 AND c.adopted_on <= $4) \
                 OR (c.recognised_on >= $3 AND c.recognised_on <= $4) OR (c.reviewed_on >= $3 AND c.reviewed_on <= $4))",
            )
            .bind(&low)
            .bind(&high)
            .bind(from)
            .bind(to)
            .fetch_one(pool)
            .await?
        });
        Ok(n)
    }
}
