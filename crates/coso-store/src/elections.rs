//! Village-head elections: the election with its timeline's dates, its candidates and team,
//! the meeting's count and the commune's decision; dismissals with their interim heads. Every
//! change asks for a [`Permit`] to run elections on the village and writes its audit row in the
//! change's transaction; a change that finds the election in another state changes nothing.

use chrono::{DateTime, NaiveDate, Utc};
use coso_domain::authz::{Action, Permit};
use coso_domain::board::{BoardKind, BoardStatus, ReportCadence};
use coso_domain::election::{
    DismissalData, ElectionData, ElectionKind, ElectionStatus, PersonRole, RecognitionData, ResultData, Step, StepData,
};
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::codes::Code;
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::units::UnitRow;
use crate::{Result, Store};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ElectionRow {
    pub id: i64,
    pub unit_id: i64,
    pub title: String,
    pub meeting_on: NaiveDate,
    #[sqlx(try_from = "Code<ElectionStatus>")]
    pub status: ElectionStatus,
    pub dismissal_id: Option<i64>,
    pub plan_on: Option<NaiveDate>,
    pub team_on: Option<NaiveDate>,
    pub notice_on: Option<NaiveDate>,
    pub candidates_on: Option<NaiveDate>,
    pub households: Option<i64>,
    pub present: Option<i64>,
    pub received_on: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    #[sqlx(try_from = "Code<ElectionKind>")]
    pub kind: ElectionKind,
    pub seats: i64,
    /// The board the election fills (an investment board from the start, an inspection board
    /// once its result is recognised).
    pub board_id: Option<i64>,
}

impl ElectionRow {
    /// The day a step of the timeline was recorded done.
    pub fn done_on(&self, step: Step) -> Option<NaiveDate> {
        match step {
            Step::Plan => self.plan_on,
            Step::Team => self.team_on,
            Step::Notice => self.notice_on,
            Step::Candidates => self.candidates_on,
        }
    }
}

/// A candidate (with their votes once counted) or a member of the election team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ElectionPersonRow {
    #[sqlx(try_from = "Code<PersonRole>")]
    pub role: PersonRole,
    pub position: i64,
    pub name: String,
    pub votes: Option<i64>,
    /// The village a board's candidate would represent.
    pub village_id: Option<i64>,
    pub village_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct DismissalRow {
    pub id: i64,
    pub unit_id: i64,
    pub head_name: String,
    pub recognised_on: NaiveDate,
    pub interim_name: String,
    pub interim_from: NaiveDate,
    /// The election held after it, once decided.
    pub election_id: Option<i64>,
}

/// What a recognised board election does to its board: form it (a commune's People's
/// Inspection Board without one) or renew its members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BoardFromElection {
    pub kind: BoardKind,
    /// The board to renew; a new one is formed when `None`.
    pub board_id: Option<i64>,
    /// What the board shows as the record of its election.
    pub elected_by: String,
    pub elected_on: NaiveDate,
    /// Every member the board has afterwards, checked against its rules by the use case.
    pub members: Vec<crate::boards::NewMember>,
}

const ELECTION_SELECT: &str = "SELECT id, unit_id, title, meeting_on, status, dismissal_id, plan_on, team_on, notice_on, \
    candidates_on, households, present, received_on, decided_on, created_at, kind, seats, board_id FROM village_election ";
const DISMISSAL_SELECT: &str = "SELECT d.id, d.unit_id, d.head_name, d.recognised_on, d.interim_name, d.interim_from, \
    e.id AS election_id FROM village_head_dismissal d LEFT JOIN village_election e ON e.dismissal_id = d.id ";

fn check(permit: &Permit, unit: &UnitRow) -> Result<()> {
    crate::audit::require(permit, Action::ManageElections, unit)
}

fn to_json<T: Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

fn entry(action: &'static str, entity: &'static str, id: i64, unit: &UnitRow, after: serde_json::Value) -> AuditEntry {
    AuditEntry::change(action, entity, id, unit.unit_id(), after)
}

fn moved(status: ElectionStatus) -> StoreError {
    StoreError::Conflict {
        field: "status",
        message: format!("Cuộc bầu cử không còn ở trạng thái «{}».", status.label()),
    }
}

impl Store {
    /// Records a dismissal the commune recognised, with its interim head.
    pub async fn create_dismissal(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        data: &DismissalData,
        actor: &Actor,
    ) -> Result<i64> {
        check(permit, unit)?;
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO village_head_dismissal (unit_id, head_name, recognised_on, interim_name, interim_from, created_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(unit.id)
            .bind(&data.head_name)
            .bind(data.recognised_on)
            .bind(&data.interim_name)
            .bind(data.interim_from)
            .bind(actor.user_id.map(|u| u.0))
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            write_audit!(&mut *tx, now, actor, &entry("election.dismissal", "village_head_dismissal", id, unit, to_json(data)))?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    pub async fn dismissal(&self, id: i64) -> Result<Option<DismissalRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{DISMISSAL_SELECT} WHERE d.id = $1")))
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        Ok(row)
    }

    /// The dismissals of a village, latest first.
    pub async fn dismissals_of_unit(&self, unit_id: i64) -> Result<Vec<DismissalRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{DISMISSAL_SELECT} WHERE d.unit_id = $1 ORDER BY d.recognised_on DESC, d.id DESC"
            )))
            .bind(unit_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Creates an election in preparation; one that follows a dismissal takes it, once.
    pub async fn create_election(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        data: &ElectionData,
        actor: &Actor,
    ) -> Result<i64> {
        check(permit, unit)?;
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            if let Some(d) = data.dismissal {
                let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM village_election WHERE dismissal_id = $1")
                    .bind(d)
                    .fetch_optional(&mut *tx)
                    .await?;
                if taken.is_some() {
                    return Err(StoreError::Conflict {
                        field: "dismissal",
                        message: "Đã có cuộc bầu cử được tổ chức sau việc cho thôi làm này.".into(),
                    });
                }
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO village_election (unit_id, title, meeting_on, status, dismissal_id, created_by, created_at, updated_at, \
                 kind, seats, board_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10) RETURNING id",
            )
            .bind(unit.id)
            .bind(&data.title)
            .bind(data.meeting_on)
            .bind(ElectionStatus::Preparing.as_str())
            .bind(data.dismissal)
            .bind(actor.user_id.map(|u| u.0))
            .bind(now)
            .bind(data.kind.as_str())
            .bind(i64::from(data.seats))
            .bind(data.board)
            .fetch_one(&mut *tx)
            .await?;
            write_audit!(&mut *tx, now, actor, &entry("election.create", "village_election", id, unit, to_json(data)))?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    pub async fn election(&self, id: i64) -> Result<Option<ElectionRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{ELECTION_SELECT} WHERE id = $1")))
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        Ok(row)
    }

    /// The elections of a village, the latest meeting first.
    pub async fn elections_of_unit(&self, unit_id: i64) -> Result<Vec<ElectionRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{ELECTION_SELECT} WHERE unit_id = $1 ORDER BY meeting_on DESC, id DESC"
            )))
            .bind(unit_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// The elections of a village whose meeting is on or after `from`, soonest first (the coming
    /// meetings its public page lists).
    pub async fn elections_from(&self, unit_id: i64, from: NaiveDate) -> Result<Vec<ElectionRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{ELECTION_SELECT} WHERE unit_id = $1 AND meeting_on >= $2 ORDER BY meeting_on, id"
            )))
            .bind(unit_id)
            .bind(from)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// The candidates and the team of an election, each in their list's order.
    pub async fn election_people(&self, id: i64) -> Result<Vec<ElectionPersonRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT p.role, p.position, p.name, p.votes, p.village_id, u.name AS village_name FROM village_election_person p \
                 LEFT JOIN unit u ON u.id = p.village_id WHERE p.election_id = $1 ORDER BY p.role, p.position",
            )
            .bind(id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Records a step of the timeline done, with the candidates or the team it names (replacing
    /// an earlier list), while the election is in preparation; `villages` the unit each person
    /// would represent (a board's candidates), by position.
    pub async fn record_election_step(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        id: i64,
        data: &StepData,
        villages: &[Option<i64>],
        actor: &Actor,
    ) -> Result<()> {
        check(permit, unit)?;
        let now = self.clock.now();
        let column = match data.step {
            Step::Plan => "plan_on",
            Step::Team => "team_on",
            Step::Notice => "notice_on",
            Step::Candidates => "candidates_on",
        };
        let role = match data.step {
            Step::Team => Some(PersonRole::Team),
            Step::Candidates => Some(PersonRole::Candidate),
            Step::Plan | Step::Notice => None,
        };
        let after = serde_json::json!({ "bước": data.step.label(), "ngày": data.done_on, "người": data.people });
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE village_election SET {column} = $1, updated_at = $2 WHERE id = $3 AND unit_id = $4 AND status = $5"
            )))
            .bind(data.done_on)
            .bind(now)
            .bind(id)
            .bind(unit.id)
            .bind(ElectionStatus::Preparing.as_str())
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(moved(ElectionStatus::Preparing));
            }
            if let Some(role) = role {
                sqlx::query("DELETE FROM village_election_person WHERE election_id = $1 AND role = $2")
                    .bind(id)
                    .bind(role.as_str())
                    .execute(&mut *tx)
                    .await?;
                for (i, name) in data.people.iter().enumerate() {
                    sqlx::query(
                        "INSERT INTO village_election_person (election_id, role, position, name, village_id) VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind(id)
                    .bind(role.as_str())
                    .bind(i as i64 + 1)
                    .bind(name)
                    .bind(villages.get(i).copied().flatten())
                    .execute(&mut *tx)
                    .await?;
                }
            }
            write_audit!(&mut *tx, now, actor, &entry("election.step", "village_election", id, unit, after))?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Records the meeting's count: the election moves from preparation to held.
    pub async fn record_election_result(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        id: i64,
        data: &ResultData,
        actor: &Actor,
    ) -> Result<()> {
        check(permit, unit)?;
        let now = self.clock.now();
        let after = serde_json::json!({
            "số hộ": data.households, "số dự họp": data.present, "phiếu": data.votes, "ngày nhận": data.received_on,
        });
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(
                "UPDATE village_election SET status = $1, households = $2, present = $3, received_on = $4, updated_at = $5 \
                 WHERE id = $6 AND unit_id = $7 AND status = $8",
            )
            .bind(ElectionStatus::Held.as_str())
            .bind(i64::from(data.households))
            .bind(i64::from(data.present))
            .bind(data.received_on)
            .bind(now)
            .bind(id)
            .bind(unit.id)
            .bind(ElectionStatus::Preparing.as_str())
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(moved(ElectionStatus::Preparing));
            }
            for (i, (_, votes)) in data.votes.iter().enumerate() {
                sqlx::query("UPDATE village_election_person SET votes = $1 WHERE election_id = $2 AND role = $3 AND position = $4")
                    .bind(i64::from(*votes))
                    .bind(id)
                    .bind(PersonRole::Candidate.as_str())
                    .bind(i as i64 + 1)
                    .execute(&mut *tx)
                    .await?;
            }
            write_audit!(&mut *tx, now, actor, &entry("election.result", "village_election", id, unit, after))?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// The commune's decision on a held election: recognised, or to be held again.
    pub async fn decide_election(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        id: i64,
        data: &RecognitionData,
        actor: &Actor,
    ) -> Result<()> {
        check(permit, unit)?;
        let now = self.clock.now();
        let to = if data.recognised { ElectionStatus::Recognised } else { ElectionStatus::Rerun };
        let after = serde_json::json!({ "quyết định": to.label(), "ngày": data.decided_on });
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(
                "UPDATE village_election SET status = $1, decided_on = $2, updated_at = $3 WHERE id = $4 AND unit_id = $5 AND status = $6",
            )
            .bind(to.as_str())
            .bind(data.decided_on)
            .bind(now)
            .bind(id)
            .bind(unit.id)
            .bind(ElectionStatus::Held.as_str())
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(moved(ElectionStatus::Held));
            }
            write_audit!(&mut *tx, now, actor, &entry("election.recognition", "village_election", id, unit, after))?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Recognises a held board election and, in the same transaction, forms its board or renews
    /// the board's members from the elected; the board then names the election. Nothing is
    /// changed when the election moved, the board was dissolved, or the commune already has a
    /// working People's Inspection Board to form.
    #[expect(clippy::too_many_arguments, reason = "two permits: the election's and the board's")]
    pub async fn recognise_board_election(
        &self,
        permit: &Permit,
        board_permit: &Permit,
        unit: &UnitRow,
        id: i64,
        data: &RecognitionData,
        change: &BoardFromElection,
        actor: &Actor,
    ) -> Result<i64> {
        check(permit, unit)?;
        crate::audit::require(board_permit, Action::ManageBoards, unit)?;
        let now = self.clock.now();
        let after = serde_json::json!({ "quyết định": ElectionStatus::Recognised.label(), "ngày": data.decided_on });
        let board_id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(
                "UPDATE village_election SET status = $1, decided_on = $2, updated_at = $3 WHERE id = $4 AND unit_id = $5 AND status = $6",
            )
            .bind(ElectionStatus::Recognised.as_str())
            .bind(data.decided_on)
            .bind(now)
            .bind(id)
            .bind(unit.id)
            .bind(ElectionStatus::Held.as_str())
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(moved(ElectionStatus::Held));
            }
            write_audit!(&mut *tx, now, actor, &entry("election.recognition", "village_election", id, unit, after))?;
            let board_id: i64 = match change.board_id {
                None => {
                    let working: Option<i64> = sqlx::query_scalar(
                        "SELECT id FROM board WHERE unit_id = $1 AND kind = $2 AND status = $3",
                    )
                    .bind(unit.id)
                    .bind(change.kind.as_str())
                    .bind(BoardStatus::Active.as_str())
                    .fetch_optional(&mut *tx)
                    .await?;
                    if working.is_some() {
                        return Err(StoreError::Conflict {
                            field: "status",
                            message: "Đơn vị đã có Ban Thanh tra nhân dân đang hoạt động (BTT-2).".into(),
                        });
                    }
                    let board_id: i64 = sqlx::query_scalar(
                        "INSERT INTO board (unit_id, kind, status, reports, elected_by, elected_on, election_id, created_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                    )
                    .bind(unit.id)
                    .bind(change.kind.as_str())
                    .bind(BoardStatus::Active.as_str())
                    .bind(ReportCadence::Quarterly.as_str())
                    .bind(&change.elected_by)
                    .bind(change.elected_on)
                    .bind(id)
                    .bind(now)
                    .fetch_one(&mut *tx)
                    .await?;
                    let audit = serde_json::json!({ "kind": change.kind.label(), "members": change.members.len(),
                        "elected_by": change.elected_by, "election": id });
                    write_audit!(&mut *tx, now, actor, &entry("board.create", "board", board_id, unit, audit))?;
                    board_id
                }
                Some(board_id) => {
                    let renewed = sqlx::query(
                        "UPDATE board SET elected_by = $1, elected_on = $2, election_id = $3 \
                         WHERE id = $4 AND unit_id = $5 AND status = $6",
                    )
                    .bind(&change.elected_by)
                    .bind(change.elected_on)
                    .bind(id)
                    .bind(board_id)
                    .bind(unit.id)
                    .bind(BoardStatus::Active.as_str())
                    .execute(&mut *tx)
                    .await?;
                    if renewed.rows_affected() == 0 {
                        return Err(StoreError::Conflict { field: "board", message: "Ban đã giải thể.".into() });
                    }
                    sqlx::query("DELETE FROM board_member WHERE board_id = $1").bind(board_id).execute(&mut *tx).await?;
                    let audit = serde_json::json!({ "members": change.members.len(), "election": id });
                    write_audit!(&mut *tx, now, actor, &entry("board.members_elected", "board", board_id, unit, audit))?;
                    board_id
                }
            };
            for (i, m) in change.members.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO board_member (board_id, position, name, sort_key, role, source, village_id, user_id) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(board_id)
                .bind(i as i64 + 1)
                .bind(&m.name)
                .bind(coso_text::sort_key(&m.name))
                .bind(m.role.as_str())
                .bind(m.source.as_str())
                .bind(m.village_id)
                .bind(m.user_id)
                .execute(&mut *tx)
                .await?;
            }
            sqlx::query("UPDATE village_election SET board_id = $1 WHERE id = $2")
                .bind(board_id)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            board_id
        });
        Ok(board_id)
    }
}
