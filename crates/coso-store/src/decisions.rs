//! Community decisions: the decision, the villages a whole-commune decision asks, the households
//! eligible (a snapshot of the register on the day it is opened, with each representative's
//! name), attendance and the result. Every change asks for a [`Permit`] to manage decisions on
//! the unit, is guarded on the decision still being open, and writes its audit row in the
//! change's transaction. The ballot forms keep their own tables and write their result through
//! [`Store::record_decision_result`].

use chrono::{DateTime, NaiveDate, Utc};
use coso_domain::authz::{Action, Permit};
use coso_domain::decision::{Comparison, DecisionData, DecisionForm, DecisionStatus, Matter, Outcome, VotingMethod};
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::codes::{Code, OptCode};
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::units::UnitRow;
use crate::{Result, Store};

/// A decision as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct DecisionRow {
    pub id: i64,
    pub unit_id: i64,
    #[sqlx(try_from = "i64")]
    pub matter: Matter,
    #[sqlx(try_from = "Code<DecisionForm>")]
    pub form: DecisionForm,
    pub title: String,
    /// The day of the meeting, or the first day of a ballot or online vote.
    pub held_on: NaiveDate,
    /// The last day of a ballot or online vote; the meeting's day for a meeting.
    pub ends_on: NaiveDate,
    #[sqlx(try_from = "Code<DecisionStatus>")]
    pub status: DecisionStatus,
    #[sqlx(try_from = "Code<Comparison>")]
    pub comparison: Comparison,
    /// The size of the snapshot: every household counts, present or not (DEC-6).
    pub households: i64,
    pub present: Option<i64>,
    pub yes_votes: Option<i64>,
    pub no_votes: Option<i64>,
    pub invalid_votes: Option<i64>,
    #[sqlx(try_from = "OptCode<Outcome>")]
    pub outcome: Option<Outcome>,
    pub reason: Option<String>,
    #[sqlx(try_from = "OptCode<VotingMethod>")]
    pub voting_method: Option<VotingMethod>,
    pub secretary: Option<String>,
    pub secretary_votes: Option<i64>,
    /// The counting board's names as a JSON array.
    pub counting_board: Option<String>,
    pub board_votes: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub tallied_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
}

/// A decision with the unit it belongs to, for lists across a subtree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct DecisionListed {
    #[sqlx(flatten)]
    pub decision: DecisionRow,
    pub unit_code: String,
    pub unit_name: String,
}

/// One household of a decision's snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct DecisionHouseholdRow {
    pub household_id: i64,
    pub village_id: i64,
    pub village_name: String,
    pub household_code: String,
    /// The representative's name on the day the decision was opened (DEC-4).
    pub representative: String,
    pub attended: bool,
}

/// How attendance is recorded: a count, or the households ticked (the list may come later and
/// replace the count).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    Count(i64),
    Households(Vec<i64>),
}

/// How a meeting voted, kept with its result (DEC-5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeetingRecord {
    pub method: VotingMethod,
    pub secretary: Option<String>,
    pub secretary_votes: Option<i64>,
    pub board: Vec<String>,
    pub board_votes: Option<i64>,
}

/// The result to record, as the form's use case computed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecisionResult {
    /// Yes, no and invalid; `None` when the decision closes without a vote (a meeting whose
    /// attendance cannot reach the ratio).
    pub votes: Option<(i64, i64, i64)>,
    pub meeting: Option<MeetingRecord>,
    pub outcome: Outcome,
    pub reason: String,
    /// The attendance the result was computed with; the write fails if it changed meanwhile.
    pub present: Option<i64>,
}

const SELECT: &str = "SELECT d.id, d.unit_id, d.matter, d.form, d.title, d.held_on, d.ends_on, d.status, d.comparison, \
    d.households, d.present, d.yes_votes, d.no_votes, d.invalid_votes, d.outcome, d.reason, d.voting_method, \
    d.secretary, d.secretary_votes, d.counting_board, d.board_votes, d.created_at, d.tallied_at, d.closed_at \
    FROM decision d ";
const LISTED: &str = "SELECT d.id, d.unit_id, d.matter, d.form, d.title, d.held_on, d.ends_on, d.status, d.comparison, \
    d.households, d.present, d.yes_votes, d.no_votes, d.invalid_votes, d.outcome, d.reason, d.voting_method, \
    d.secretary, d.secretary_votes, d.counting_board, d.board_votes, d.created_at, d.tallied_at, d.closed_at, \
    u.code AS unit_code, u.name AS unit_name FROM decision d JOIN unit u ON u.id = d.unit_id ";

fn check(permit: &Permit, unit: &UnitRow) -> Result<()> {
    crate::audit::require(permit, Action::ManageDecisions, unit)
}

fn entry(action: &'static str, id: i64, unit: &UnitRow, after: serde_json::Value) -> AuditEntry {
    AuditEntry::change(action, "decision", id, unit.unit_id(), after)
}

fn closed() -> StoreError {
    StoreError::Conflict {
        field: "status", message: "Quyết định này đã có kết quả; không thể ghi thêm.".into()
    }
}

impl Store {
    /// Opens a decision on `unit` with the households of `villages` in force on `today` as its
    /// electorate, each with its representative's name as the register has it now. A snapshot
    /// without any household is refused and nothing is written.
    pub async fn open_decision(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        data: &DecisionData,
        comparison: Comparison,
        villages: &[i64],
        actor: &Actor,
    ) -> Result<i64> {
        check(permit, unit)?;
        let now = self.clock.now();
        let today = self.clock.today();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO decision (unit_id, matter, form, title, held_on, ends_on, status, comparison, households, created_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9, $10) RETURNING id",
            )
            .bind(unit.id)
            .bind(i64::from(data.matter.number()))
            .bind(data.form.as_str())
            .bind(&data.title)
            .bind(data.held_on)
            .bind(data.ends_on)
            .bind(DecisionStatus::Open.as_str())
            .bind(comparison.as_str())
            .bind(actor.user_id.map(|u| u.0))
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let mut households: u64 = 0;
            for village in villages {
                sqlx::query("INSERT INTO decision_village (decision_id, village_id) VALUES ($1, $2)")
                    .bind(id)
                    .bind(village)
                    .execute(&mut *tx)
                    .await?;
                households += sqlx::query(
                    "INSERT INTO decision_household (decision_id, household_id, village_id, household_code, representative, sort_key) \
                     SELECT $1, h.id, h.village_id, h.code, h.representative, h.sort_key FROM household h \
                     WHERE h.village_id = $2 AND h.valid_from <= $3 AND (h.valid_to IS NULL OR h.valid_to > $3)",
                )
                .bind(id)
                .bind(village)
                .bind(today)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            }
            if households == 0 {
                return Err(StoreError::Conflict {
                    field: "villages",
                    message: "Sổ hộ gia đình của nơi biểu quyết chưa có hộ nào; hãy nhập sổ hộ trước khi mở.".into(),
                });
            }
            let households = i64::try_from(households).unwrap_or(i64::MAX);
            sqlx::query("UPDATE decision SET households = $1 WHERE id = $2")
                .bind(households)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            let after = serde_json::json!({
                "matter": data.matter.number(),
                "form": data.form.label(),
                "title": data.title,
                "held_on": data.held_on,
                "ends_on": data.ends_on,
                "households": households,
                "comparison": comparison.label(),
            });
            write_audit!(&mut *tx, now, actor, &entry("decision.open", id, unit, after))?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    pub async fn decision(&self, id: i64) -> Result<Option<DecisionRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE d.id = $1")))
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        Ok(row)
    }

    /// The decisions of `unit` and the units below it, the latest first.
    pub async fn decisions_in_subtree(&self, unit: &UnitRow) -> Result<Vec<DecisionListed>> {
        let prefix = format!("{}%", unit.path);
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{LISTED} WHERE u.path LIKE $1 ORDER BY d.held_on DESC, d.id DESC"
            )))
            .bind(&prefix)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// The decisions held by the units whose ids are given (a village and the commune above
    /// it, for a public page) from `from` on, and those closed since `from`, soonest first.
    pub async fn decisions_of_units_since(&self, unit_ids: &[i64], from: NaiveDate) -> Result<Vec<DecisionListed>> {
        let mut out: Vec<DecisionListed> = Vec::new();
        for unit_id in unit_ids {
            let rows: Vec<DecisionListed> = dispatch!(self, read, pool => {
                sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "{LISTED} WHERE d.unit_id = $1 AND d.ends_on >= $2 ORDER BY d.held_on, d.id"
                )))
                .bind(unit_id)
                .bind(from)
                .fetch_all(pool)
                .await?
            });
            out.extend(rows);
        }
        out.sort_by_key(|d| (d.decision.held_on, d.decision.id));
        Ok(out)
    }

    /// The villages a decision asks, by id.
    pub async fn decision_villages(&self, id: i64) -> Result<Vec<i64>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_scalar("SELECT village_id FROM decision_village WHERE decision_id = $1 ORDER BY village_id")
                .bind(id)
                .fetch_all(pool)
                .await?
        });
        Ok(rows)
    }

    /// The households of a decision, by village then the representative's name in Vietnamese
    /// order. Names are personal data: a permit to manage the decision's unit is asked.
    pub async fn decision_households(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        id: i64,
    ) -> Result<Vec<DecisionHouseholdRow>> {
        check(permit, unit)?;
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT dh.household_id, dh.village_id, v.name AS village_name, dh.household_code, dh.representative, dh.attended \
                 FROM decision_household dh JOIN decision d ON d.id = dh.decision_id JOIN unit v ON v.id = dh.village_id \
                 WHERE dh.decision_id = $1 AND d.unit_id = $2 ORDER BY v.sort_key, v.id, dh.sort_key, dh.household_id",
            )
            .bind(id)
            .bind(unit.id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Records attendance while the decision is open: a count (at most the snapshot's size),
    /// or the households present, each of the snapshot, which replaces an earlier count or list.
    pub async fn record_decision_attendance(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        id: i64,
        attendance: &Attendance,
        actor: &Actor,
    ) -> Result<i64> {
        check(permit, unit)?;
        let now = self.clock.now();
        let present = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let open: Option<i64> = sqlx::query_scalar(
                "SELECT households FROM decision WHERE id = $1 AND unit_id = $2 AND status = $3",
            )
            .bind(id)
            .bind(unit.id)
            .bind(DecisionStatus::Open.as_str())
            .fetch_optional(&mut *tx)
            .await?;
            let Some(households) = open else {
                let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM decision WHERE id = $1 AND unit_id = $2")
                    .bind(id)
                    .bind(unit.id)
                    .fetch_optional(&mut *tx)
                    .await?;
                return Err(if exists.is_some() { closed() } else { StoreError::NotFound });
            };
            sqlx::query("UPDATE decision_household SET attended = $1 WHERE decision_id = $2")
                .bind(false)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            let present = match attendance {
                Attendance::Count(n) => {
                    if *n < 0 || *n > households {
                        return Err(StoreError::Conflict {
                            field: "present",
                            message: format!("Số hộ dự họp phải từ 0 đến {households} (số hộ của danh sách)."),
                        });
                    }
                    *n
                }
                Attendance::Households(ids) => {
                    for household in ids {
                        let ticked = sqlx::query(
                            "UPDATE decision_household SET attended = $1 WHERE decision_id = $2 AND household_id = $3",
                        )
                        .bind(true)
                        .bind(id)
                        .bind(household)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                        if ticked == 0 {
                            return Err(StoreError::Conflict {
                                field: "households",
                                message: format!("Hộ số {household} không có trong danh sách hộ của quyết định này."),
                            });
                        }
                    }
                    sqlx::query_scalar("SELECT COUNT(*) FROM decision_household WHERE decision_id = $1 AND attended = $2")
                        .bind(id)
                        .bind(true)
                        .fetch_one(&mut *tx)
                        .await?
                }
            };
            sqlx::query("UPDATE decision SET present = $1 WHERE id = $2")
                .bind(present)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            let listed = matches!(attendance, Attendance::Households(_));
            let after = serde_json::json!({ "present": present, "households": households, "list": listed });
            write_audit!(&mut *tx, now, actor, &entry("decision.attendance", id, unit, after))?;
            tx.commit().await?;
            present
        });
        Ok(present)
    }

    /// Records the result and closes the decision, if it is still open with the attendance the
    /// result was computed from. Every form writes its result here: a meeting's counts from
    /// its tally, a ballot's from its reconciled entries.
    pub async fn record_decision_result(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        id: i64,
        result: &DecisionResult,
        actor: &Actor,
    ) -> Result<()> {
        check(permit, unit)?;
        let now = self.clock.now();
        let (yes, no, invalid) = match result.votes {
            Some((y, n, i)) => (Some(y), Some(n), Some(i)),
            None => (None, None, None),
        };
        let meeting = result.meeting.as_ref();
        let board = meeting
            .filter(|m| m.method == VotingMethod::SecretBallot)
            .map(|m| serde_json::Value::from(m.board.clone()).to_string());
        let action = if result.votes.is_some() { "decision.tally" } else { "decision.close" };
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(
                "UPDATE decision SET yes_votes = $1, no_votes = $2, invalid_votes = $3, outcome = $4, reason = $5, \
                 voting_method = $6, secretary = $7, secretary_votes = $8, counting_board = $9, board_votes = $10, \
                 status = $11, tallied_at = $12, closed_at = $12 \
                 WHERE id = $13 AND unit_id = $14 AND status = $15 AND COALESCE(present, -1) = $16",
            )
            .bind(yes)
            .bind(no)
            .bind(invalid)
            .bind(result.outcome.as_str())
            .bind(&result.reason)
            .bind(meeting.map(|m| m.method.as_str()))
            .bind(meeting.and_then(|m| m.secretary.as_deref()))
            .bind(meeting.and_then(|m| m.secretary_votes))
            .bind(board)
            .bind(meeting.and_then(|m| m.board_votes))
            .bind(DecisionStatus::Closed.as_str())
            .bind(now)
            .bind(id)
            .bind(unit.id)
            .bind(DecisionStatus::Open.as_str())
            .bind(result.present.unwrap_or(-1))
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(closed());
            }
            let after = serde_json::json!({
                "present": result.present,
                "yes": yes,
                "no": no,
                "invalid": invalid,
                "outcome": result.outcome.label(),
                "reason": result.reason,
            });
            write_audit!(&mut *tx, now, actor, &entry(action, id, unit, after))?;
            tx.commit().await?;
        });
        Ok(())
    }
}
