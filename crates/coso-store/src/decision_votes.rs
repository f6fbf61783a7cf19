//! Household ballots and online votes of a community decision: the ballot plan, one ballot per
//! household of the snapshot with its short code, collection, the count entered twice and
//! reconciled, and the online votes, one per household, replaced when it votes again. Officials'
//! changes ask for a [`Permit`] to manage decisions on the unit; a vote is cast by the household
//! the use case found the account to represent. Every change is guarded on the decision still
//! being open and writes its audit row in its transaction.

use chrono::{DateTime, NaiveDate, Utc};
use coso_domain::authz::{Action, Permit};
use coso_domain::decision::ballot::{BallotPlan, EntrySlot, TallyCounts};
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, push_audit_with, write_audit};
use crate::batch::Batch;
use crate::connect::Pools;
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::units::UnitRow;
use crate::{Result, Store};

/// Rows per multi-row insert.
const INSERT_CHUNK: usize = 500;
/// The stored status of an open decision (`coso_domain::decision::DecisionStatus::Open`).
const OPEN: &str = "open";

/// A ballot plan as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct BallotPlanRow {
    pub purpose: String,
    pub content: String,
    pub participants: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub created_at: DateTime<Utc>,
}

/// One household's ballot, with what the distribution list shows of the household.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct BallotRow {
    pub household_id: i64,
    pub household_code: String,
    pub representative: String,
    pub village_name: String,
    pub code: String,
    pub collected_on: Option<NaiveDate>,
}

/// How many ballots went out and came back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, sqlx::FromRow)]
pub struct BallotCounts {
    pub issued: i64,
    pub collected: i64,
}

/// One entry of the count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct TallyEntryRow {
    pub slot: String,
    pub yes_votes: i64,
    pub no_votes: i64,
    pub invalid_votes: i64,
    pub entered_by: i64,
    pub entered_by_name: String,
    pub entered_at: DateTime<Utc>,
}

/// The online votes of a decision so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, sqlx::FromRow)]
pub struct OnlineCount {
    pub yes: i64,
    pub no: i64,
}

/// A household's vote as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct OnlineVoteRow {
    pub choice: String,
    pub voted_at: DateTime<Utc>,
    pub changes: i64,
}

fn check(permit: &Permit, unit: &UnitRow) -> Result<()> {
    crate::audit::require(permit, Action::ManageDecisions, unit)
}

/// What an online vote is checked against: the decision's unit, status, form and last day, and
/// whether the household is of its snapshot.
type VoteContext = (i64, String, String, NaiveDate, bool);

/// The [`VoteContext`] of decision `$1` for household `$2`.
const VOTE_CONTEXT: &str = "SELECT d.unit_id, d.status, d.form, d.ends_on, \
     EXISTS (SELECT 1 FROM decision_household h WHERE h.decision_id = d.id AND h.household_id = $2) \
     FROM decision d WHERE d.id = $1";

async fn read_vote_context(pool: &sqlx::SqlitePool, id: i64, household: i64) -> Result<Option<VoteContext>> {
    Ok(sqlx::query_as(VOTE_CONTEXT).bind(id).bind(household).fetch_optional(pool).await?)
}

/// The decision's unit, or why the household cannot vote.
fn check_online_vote(context: Option<VoteContext>, today: NaiveDate) -> Result<i64> {
    let Some((unit_id, status, form, ends_on, listed)) = context else { return Err(StoreError::NotFound) };
    if form != "online" {
        return Err(StoreError::NotFound);
    }
    if status != OPEN || today > ends_on {
        return Err(vote_closed());
    }
    if !listed {
        return Err(StoreError::Conflict {
            field: "choice",
            message: "Hộ của bạn không có trong danh sách hộ của cuộc biểu quyết này.".into(),
        });
    }
    Ok(unit_id)
}

fn vote_closed() -> StoreError {
    StoreError::Conflict {
        field: "choice",
        message: "Cuộc biểu quyết trực tuyến này đã kết thúc; không thể biểu quyết nữa.".into(),
    }
}

/// A household's online vote, cast or replaced, only while the decision is an open online vote
/// not past its last day (`$6` open, `$7` today) and the household is of its snapshot; returns
/// how many times the vote was changed (0 for a first vote), or no row when refused.
const UPSERT_VOTE_WHILE_OPEN: &str = "INSERT INTO decision_online_vote \
    (decision_id, household_id, choice, voted_by, voted_at, changes) \
    SELECT $1, $2, $3, $4, $5, 0 \
    WHERE EXISTS (SELECT 1 FROM decision d WHERE d.id = $1 AND d.form = 'online' AND d.status = $6 AND d.ends_on >= $7) \
    AND EXISTS (SELECT 1 FROM decision_household h WHERE h.decision_id = $1 AND h.household_id = $2) \
    ON CONFLICT (decision_id, household_id) DO UPDATE SET choice = excluded.choice, \
    voted_by = excluded.voted_by, voted_at = excluded.voted_at, changes = decision_online_vote.changes + 1 \
    RETURNING changes";

/// The audit row of the vote written just before it in a SQLite batch: `$9` is the household's
/// id, and whether the vote replaced an earlier one is read from the vote itself. The choice
/// stays out of the trail: the count is the result, not who chose what. Nothing is written when
/// the vote was refused.
const INSERT_VOTE_AUDIT: &str = "INSERT INTO audit_log \
    (at, actor_user_id, actor, action, entity, entity_id, unit_id, before_json, after_json, request_id) \
    SELECT $1, $2, $3, $4, $5, $6, $7, $8, json_object('household_id', CAST($9 AS INTEGER), 'replaced', \
    json(CASE WHEN (SELECT changes FROM decision_online_vote WHERE decision_id = CAST($6 AS INTEGER) \
    AND household_id = CAST($9 AS INTEGER)) > 0 THEN 'true' ELSE 'false' END)), $10 WHERE changes() = 1";

fn entry(action: &'static str, id: i64, unit_id: i64, after: serde_json::Value) -> AuditEntry {
    AuditEntry::change(action, "decision", id, coso_domain::ids::UnitId(unit_id), after)
}

fn closed() -> StoreError {
    StoreError::Conflict {
        field: "status", message: "Quyết định này đã kết thúc; không thể ghi thêm.".into()
    }
}

/// The decision is `unit`'s, of `form`, and open; or why not.
macro_rules! require_open {
    ($tx:expr, $id:expr, $unit_id:expr, $form:expr) => {{
        let status: Option<(String, String)> =
            sqlx::query_as("SELECT status, form FROM decision WHERE id = $1 AND unit_id = $2")
                .bind($id)
                .bind($unit_id)
                .fetch_optional(&mut *$tx)
                .await?;
        match status {
            None => return Err(StoreError::NotFound),
            Some((_, form)) if form != $form => return Err(StoreError::NotFound),
            Some((status, _)) if status != OPEN => return Err(closed()),
            Some(_) => {}
        }
    }};
}

impl Store {
    /// Records the ballot plan and issues one ballot per household of the snapshot with the
    /// codes given (as many as the households, drawn by the caller), in one transaction. A plan
    /// is made once: a second one is refused and nothing changes.
    pub async fn issue_ballots(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        id: i64,
        plan: &BallotPlan,
        codes: &[String],
        actor: &Actor,
    ) -> Result<i64> {
        check(permit, unit)?;
        let now = self.clock.now();
        let issued = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            require_open!(tx, id, unit.id, "ballot");
            let planned: Option<i64> = sqlx::query_scalar("SELECT decision_id FROM decision_ballot_plan WHERE decision_id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
            if planned.is_some() {
                return Err(StoreError::Conflict {
                    field: "purpose",
                    message: "Cuộc lấy ý kiến này đã có kế hoạch và đã phát phiếu.".into(),
                });
            }
            sqlx::query(
                "INSERT INTO decision_ballot_plan (decision_id, purpose, content, participants, starts_on, ends_on, created_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(id)
            .bind(&plan.purpose)
            .bind(&plan.content)
            .bind(&plan.participants)
            .bind(plan.starts_on)
            .bind(plan.ends_on)
            .bind(actor.user_id.map(|u| u.0))
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let households: Vec<i64> = sqlx::query_scalar(
                "SELECT household_id FROM decision_household WHERE decision_id = $1 ORDER BY village_id, sort_key, household_id",
            )
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
            if households.len() != codes.len() {
                return Err(StoreError::Conflict {
                    field: "codes",
                    message: "Số mã phiếu không bằng số hộ của danh sách.".into(),
                });
            }
            let pairs: Vec<(i64, &String)> = households.iter().copied().zip(codes).collect();
            for chunk in pairs.chunks(INSERT_CHUNK) {
                let mut qb = sqlx::QueryBuilder::new("INSERT INTO decision_ballot (decision_id, household_id, code) ");
                qb.push_values(chunk, |mut b, (household, code)| {
                    b.push_bind(id).push_bind(*household).push_bind(code.as_str());
                });
                qb.build().execute(&mut *tx).await?;
            }
            let issued = i64::try_from(households.len()).unwrap_or(i64::MAX);
            let after = serde_json::json!({
                "purpose": plan.purpose, "content": plan.content, "participants": plan.participants,
                "starts_on": plan.starts_on, "ends_on": plan.ends_on, "issued": issued,
            });
            write_audit!(&mut *tx, now, actor, &entry("ballot.issue", id, unit.id, after))?;
            tx.commit().await?;
            issued
        });
        Ok(issued)
    }

    /// The ballot plan of a decision, if any.
    pub async fn ballot_plan(&self, id: i64) -> Result<Option<BallotPlanRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT purpose, content, participants, starts_on, ends_on, created_at FROM decision_ballot_plan WHERE decision_id = $1",
            )
            .bind(id)
            .fetch_optional(pool)
            .await?
        });
        Ok(row)
    }

    /// The ballots with their households, in the order of the printed sheets: by village, then
    /// the representative's name. Names are personal data: a permit on the unit is asked.
    pub async fn ballots(&self, permit: &Permit, unit: &UnitRow, id: i64) -> Result<Vec<BallotRow>> {
        check(permit, unit)?;
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT b.household_id, dh.household_code, dh.representative, v.name AS village_name, b.code, b.collected_on \
                 FROM decision_ballot b \
                 JOIN decision_household dh ON dh.decision_id = b.decision_id AND dh.household_id = b.household_id \
                 JOIN decision d ON d.id = b.decision_id JOIN unit v ON v.id = dh.village_id \
                 WHERE b.decision_id = $1 AND d.unit_id = $2 ORDER BY dh.village_id, dh.sort_key, dh.household_id",
            )
            .bind(id)
            .bind(unit.id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// How many ballots went out and came back.
    pub async fn ballot_counts(&self, id: i64) -> Result<BallotCounts> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT COUNT(*) AS issued, COUNT(collected_on) AS collected FROM decision_ballot WHERE decision_id = $1",
            )
            .bind(id)
            .fetch_one(pool)
            .await?
        });
        Ok(row)
    }

    /// Marks the ballots of `codes` as back on `on`, while the decision is open and its count
    /// not begun. A code not of this decision is refused naming it, and nothing changes; a
    /// ballot already back stays as it was. Returns how many came back now.
    pub async fn collect_ballots(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        id: i64,
        codes: &[String],
        on: NaiveDate,
        actor: &Actor,
    ) -> Result<i64> {
        check(permit, unit)?;
        let now = self.clock.now();
        let collected = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            require_open!(tx, id, unit.id, "ballot");
            let entries: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM decision_tally_entry WHERE decision_id = $1")
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
            if entries > 0 {
                return Err(StoreError::Conflict {
                    field: "codes",
                    message: "Đã bắt đầu nhập kết quả kiểm phiếu; không thể thu thêm phiếu.".into(),
                });
            }
            let mut collected: i64 = 0;
            for code in codes {
                let known: Option<Option<NaiveDate>> =
                    sqlx::query_scalar("SELECT collected_on FROM decision_ballot WHERE decision_id = $1 AND code = $2")
                        .bind(id)
                        .bind(code)
                        .fetch_optional(&mut *tx)
                        .await?;
                match known {
                    None => {
                        return Err(StoreError::Conflict {
                            field: "codes",
                            message: format!("Mã phiếu {code} không thuộc cuộc lấy ý kiến này."),
                        });
                    }
                    Some(Some(_)) => {}
                    Some(None) => {
                        sqlx::query("UPDATE decision_ballot SET collected_on = $1 WHERE decision_id = $2 AND code = $3")
                            .bind(on)
                            .bind(id)
                            .bind(code)
                            .execute(&mut *tx)
                            .await?;
                        collected += 1;
                    }
                }
            }
            let after = serde_json::json!({ "collected": collected, "on": on });
            write_audit!(&mut *tx, now, actor, &entry("ballot.collect", id, unit.id, after))?;
            tx.commit().await?;
            collected
        });
        Ok(collected)
    }

    /// The entries of the count, with who made each.
    pub async fn tally_entries(&self, id: i64) -> Result<Vec<TallyEntryRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT e.slot, e.yes_votes, e.no_votes, e.invalid_votes, e.entered_by, u.display_name AS entered_by_name, e.entered_at \
                 FROM decision_tally_entry e JOIN app_user u ON u.id = e.entered_by WHERE e.decision_id = $1 ORDER BY e.entered_at, e.slot",
            )
            .bind(id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Records one entry of the count while the decision is open; a slot is filled once, and
    /// the number of ballots back must not have changed since the caller checked the counts
    /// against it.
    #[expect(clippy::too_many_arguments, reason = "the permit, the decision, the entry and its guard")]
    pub async fn record_tally_entry(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        id: i64,
        slot: EntrySlot,
        counts: TallyCounts,
        collected: i64,
        actor: &Actor,
    ) -> Result<()> {
        check(permit, unit)?;
        let user = actor.user_id.ok_or(StoreError::Forbidden)?;
        let now = self.clock.now();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            require_open!(tx, id, unit.id, "ballot");
            let back: i64 = sqlx::query_scalar("SELECT COUNT(collected_on) FROM decision_ballot WHERE decision_id = $1")
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
            if back != collected {
                return Err(StoreError::Conflict {
                    field: "status",
                    message: "Số phiếu thu về vừa thay đổi; hãy tải lại trang và nhập lại.".into(),
                });
            }
            let taken: Option<String> =
                sqlx::query_scalar("SELECT slot FROM decision_tally_entry WHERE decision_id = $1 AND slot = $2")
                    .bind(id)
                    .bind(slot.as_str())
                    .fetch_optional(&mut *tx)
                    .await?;
            if taken.is_some() {
                return Err(StoreError::Conflict {
                    field: "status",
                    message: format!("{} đã được ghi; không thể ghi lại.", slot.label()),
                });
            }
            sqlx::query(
                "INSERT INTO decision_tally_entry (decision_id, slot, yes_votes, no_votes, invalid_votes, entered_by, entered_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(id)
            .bind(slot.as_str())
            .bind(i64::from(counts.yes))
            .bind(i64::from(counts.no))
            .bind(i64::from(counts.invalid))
            .bind(user.0)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let after = serde_json::json!({
                "slot": slot.label(), "yes": counts.yes, "no": counts.no, "invalid": counts.invalid,
            });
            write_audit!(&mut *tx, now, actor, &entry("ballot.tally_entry", id, unit.id, after))?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Casts or replaces `household`'s online vote on decision `id`, while the decision is an
    /// open online vote whose period has not ended and the household is of its snapshot.
    /// Returns whether an earlier vote was replaced.
    pub async fn cast_online_vote(&self, id: i64, household: i64, choice: &str, actor: &Actor) -> Result<bool> {
        let user = actor.user_id.ok_or(StoreError::Forbidden)?;
        let now = self.clock.now();
        let today = self.clock.today();
        if let Pools::Sqlite { read, write } = &self.backend {
            // The checks read first, then the vote and its audit row as one batch committed
            // with the other short writes waiting for the writer; the vote's insert checks the
            // decision and the household again, so a close in between still wins.
            let unit_id = check_online_vote(read_vote_context(read, id, household).await?, today)?;
            let mut batch = Batch::default();
            batch.push(
                UPSERT_VOTE_WHILE_OPEN,
                vec![id.into(), household.into(), choice.into(), user.0.into(), now.into(), OPEN.into(), today.into()],
            );
            let audit = entry("decision.online_vote", id, unit_id, serde_json::json!(household));
            push_audit_with(&mut batch, INSERT_VOTE_AUDIT, now, actor, &audit);
            return match self.grouped.run_returning(write, batch).await {
                Ok(changes) => Ok(changes > 0),
                // Closed, or taken off the list, since the checks read.
                Err(sqlx::Error::RowNotFound) => {
                    check_online_vote(read_vote_context(read, id, household).await?, today)?;
                    Err(vote_closed())
                }
                Err(e) => Err(e.into()),
            };
        }
        let replaced = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            // One read for the decision and the household's place in its snapshot (the reason
            // of a refusal), then the vote, whose insert checks them again.
            let context: Option<VoteContext> = sqlx::query_as(VOTE_CONTEXT)
            .bind(id)
            .bind(household)
            .fetch_optional(&mut *tx)
            .await?;
            let unit_id = check_online_vote(context, today)?;
            // Whether an earlier vote was replaced is read from the vote as written, which two
            // first votes of one household at the same moment cannot both get wrong.
            let changes: Option<i64> = sqlx::query_scalar(UPSERT_VOTE_WHILE_OPEN)
                .bind(id)
                .bind(household)
                .bind(choice)
                .bind(user.0)
                .bind(now)
                .bind(OPEN)
                .bind(today)
                .fetch_optional(&mut *tx)
                .await?;
            let Some(changes) = changes else { return Err(vote_closed()) };
            let replaced = changes > 0;
            // The choice stays out of the trail: the count is the result, not who chose what.
            let after = serde_json::json!({ "household_id": household, "replaced": replaced });
            write_audit!(&mut *tx, now, actor, &entry("decision.online_vote", id, unit_id, after))?;
            tx.commit().await?;
            replaced
        });
        Ok(replaced)
    }

    /// The vote of `household` on decision `id`, if it voted.
    pub async fn online_vote(&self, id: i64, household: i64) -> Result<Option<OnlineVoteRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT choice, voted_at, changes FROM decision_online_vote WHERE decision_id = $1 AND household_id = $2",
            )
            .bind(id)
            .bind(household)
            .fetch_optional(pool)
            .await?
        });
        Ok(row)
    }

    /// The online votes counted: one per household, the last it cast.
    pub async fn online_count(&self, id: i64) -> Result<OnlineCount> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT COALESCE(SUM(CASE WHEN choice = 'yes' THEN 1 ELSE 0 END), 0) AS yes, \
                 COALESCE(SUM(CASE WHEN choice = 'no' THEN 1 ELSE 0 END), 0) AS no \
                 FROM decision_online_vote WHERE decision_id = $1",
            )
            .bind(id)
            .fetch_one(pool)
            .await?
        });
        Ok(row)
    }

    /// The online votes whose snapshot holds `household`, the open ones first, then the latest.
    pub async fn online_votes_of_household(&self, household: i64) -> Result<Vec<i64>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_scalar(
                "SELECT d.id FROM decision d JOIN decision_household dh ON dh.decision_id = d.id \
                 WHERE dh.household_id = $1 AND d.form = 'online' \
                 ORDER BY CASE WHEN d.status = 'open' THEN 0 ELSE 1 END, d.ends_on DESC, d.id DESC LIMIT 50",
            )
            .bind(household)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }
}
