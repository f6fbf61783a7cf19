//! Supervision boards: the board with its members, yearly plans, activities with photos,
//! findings sent to units with their answers, the escalation of overdue findings, and reports.
//! A board is recorded and dissolved under a permit to manage boards on its unit; a board's own
//! work under a permit to supervise (its members) or to manage boards; an answer under a permit
//! to manage boards on the unit that received the finding. Every change writes its audit row in
//! its transaction.

use chrono::{DateTime, NaiveDate, Utc};
use coso_domain::authz::{Action, Permit};
use coso_domain::board::{
    ActivityKind, BoardKind, BoardStatus, FindingStatus, MemberRole, MemberSource, Project, ReportCadence,
};
use coso_domain::notification::NotificationKind;
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::codes::Code;
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::units::UnitRow;
use crate::{Result, Store};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct BoardRow {
    pub id: i64,
    pub unit_id: i64,
    pub unit_code: String,
    pub unit_name: String,
    #[sqlx(try_from = "Code<BoardKind>")]
    pub kind: BoardKind,
    #[sqlx(try_from = "Code<BoardStatus>")]
    pub status: BoardStatus,
    #[sqlx(try_from = "Code<ReportCadence>")]
    pub reports: ReportCadence,
    pub elected_by: String,
    pub elected_on: NaiveDate,
    pub project_name: Option<String>,
    pub project_investor: Option<String>,
    pub project_budget: Option<i64>,
    pub project_contributions: Option<i64>,
    pub project_starts_on: Option<NaiveDate>,
    pub project_ends_on: Option<NaiveDate>,
    pub dissolved_on: Option<NaiveDate>,
    pub dissolved_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    /// The election whose recognised result formed the board or last renewed its members.
    pub election_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct MemberRow {
    pub id: i64,
    pub position: i64,
    pub name: String,
    #[sqlx(try_from = "Code<MemberRole>")]
    pub role: MemberRole,
    #[sqlx(try_from = "Code<MemberSource>")]
    pub source: MemberSource,
    pub village_id: Option<i64>,
    pub village_name: Option<String>,
    pub user_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct BoardPlanRow {
    pub year: i64,
    pub body: String,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct BoardActivityRow {
    pub id: i64,
    pub board_id: i64,
    #[sqlx(try_from = "Code<ActivityKind>")]
    pub kind: ActivityKind,
    pub subject: String,
    pub held_on: NaiveDate,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct BoardPhotoMeta {
    pub id: i64,
    pub activity_id: i64,
    pub file_name: String,
    pub content_type: String,
}

/// A finding with the unit it was sent to and the board's unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct FindingRow {
    pub id: i64,
    pub board_id: i64,
    #[sqlx(try_from = "Code<BoardKind>")]
    pub board_kind: BoardKind,
    pub board_unit_id: i64,
    pub board_unit_code: String,
    pub board_unit_name: String,
    pub activity_id: Option<i64>,
    pub to_unit_id: i64,
    pub to_unit_code: String,
    pub to_unit_name: String,
    pub subject: String,
    pub body: String,
    pub sent_on: NaiveDate,
    pub due_on: NaiveDate,
    #[sqlx(try_from = "Code<FindingStatus>")]
    pub status: FindingStatus,
    pub escalated_at: Option<DateTime<Utc>>,
    pub answer: Option<String>,
    pub answered_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct BoardReportRow {
    pub id: i64,
    pub board_id: i64,
    pub period_key: String,
    pub summary: String,
    pub sent_on: NaiveDate,
}

/// A member to record; the use case resolved the village and the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewMember {
    pub name: String,
    pub role: MemberRole,
    pub source: MemberSource,
    pub village_id: Option<i64>,
    pub user_id: Option<i64>,
}

/// A board to record, checked against its rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewBoard {
    pub kind: BoardKind,
    pub reports: ReportCadence,
    pub elected_by: String,
    pub elected_on: NaiveDate,
    pub project: Option<Project>,
    pub members: Vec<NewMember>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPhoto {
    pub file_name: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewActivity {
    pub kind: ActivityKind,
    pub subject: String,
    pub held_on: NaiveDate,
    pub notes: Option<String>,
    pub photos: Vec<NewPhoto>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewFinding {
    pub activity_id: Option<i64>,
    pub to_unit_id: i64,
    pub subject: String,
    pub body: String,
    pub sent_on: NaiveDate,
    pub due_on: NaiveDate,
}

/// An overdue finding going to the commune chairman: the notification of the board's unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Escalation {
    pub finding_id: i64,
    pub unit_id: i64,
    pub title: String,
    pub body: String,
    pub link: String,
}

const BOARD_SELECT: &str = "SELECT b.id, b.unit_id, u.code AS unit_code, u.name AS unit_name, b.kind, b.status, \
    b.reports, b.elected_by, b.elected_on, b.project_name, b.project_investor, b.project_budget, \
    b.project_contributions, b.project_starts_on, b.project_ends_on, b.dissolved_on, b.dissolved_reason, b.created_at, \
    b.election_id FROM board b JOIN unit u ON u.id = b.unit_id ";

const FINDING_SELECT: &str = "SELECT f.id, f.board_id, b.kind AS board_kind, b.unit_id AS board_unit_id, \
    bu.code AS board_unit_code, bu.name AS board_unit_name, f.activity_id, f.to_unit_id, tu.code AS to_unit_code, tu.name AS to_unit_name, \
    f.subject, f.body, f.sent_on, f.due_on, f.status, f.escalated_at, f.answer, f.answered_on, f.closed_on \
    FROM board_finding f JOIN board b ON b.id = f.board_id JOIN unit bu ON bu.id = b.unit_id \
    JOIN unit tu ON tu.id = f.to_unit_id ";

fn check(permit: &Permit, unit: &UnitRow, actions: &[Action]) -> Result<()> {
    let path = unit.unit_path();
    if actions.iter().any(|a| permit.covers(*a, &path)) { Ok(()) } else { Err(StoreError::Forbidden) }
}

/// The board's own work: its members supervise, the unit's officials manage.
const BOARD_WORK: [Action; 2] = [Action::Supervise, Action::ManageBoards];

fn entry(action: &'static str, entity: &'static str, id: i64, unit_id: i64, after: serde_json::Value) -> AuditEntry {
    AuditEntry::change(action, entity, id, coso_domain::UnitId(unit_id), after)
}

fn one_active(kind: BoardKind) -> StoreError {
    let message = match kind {
        BoardKind::Inspection => "Đơn vị đã có Ban Thanh tra nhân dân đang hoạt động (BTT-2).",
        BoardKind::Investment => "Dự án này đã có Ban Giám sát đầu tư của cộng đồng (GS-1).",
    };
    StoreError::Conflict { field: "kind", message: message.into() }
}

fn stale(message: &str) -> StoreError {
    StoreError::Conflict { field: "status", message: message.into() }
}

impl Store {
    /// Records a board with its members in one transaction. A second working People's
    /// Inspection Board of the unit, or a second board of one project, is a conflict.
    pub async fn create_board(&self, permit: &Permit, unit: &UnitRow, new: &NewBoard, actor: &Actor) -> Result<i64> {
        check(permit, unit, &[Action::ManageBoards])?;
        let now = self.clock.now();
        let project = new.project.as_ref();
        let inserted = dispatch!(self, write, pool => {
            async {
                let mut tx = pool.begin().await?;
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO board (unit_id, kind, status, reports, elected_by, elected_on, project_name, project_key, \
                     project_investor, project_budget, project_contributions, project_starts_on, project_ends_on, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
                )
                .bind(unit.id)
                .bind(new.kind.as_str())
                .bind(BoardStatus::Active.as_str())
                .bind(new.reports.as_str())
                .bind(&new.elected_by)
                .bind(new.elected_on)
                .bind(project.map(|p| p.name.as_str()))
                .bind(project.map(Project::key))
                .bind(project.map(|p| p.investor.as_str()))
                .bind(project.map(|p| p.budget))
                .bind(project.map(|p| p.contributions))
                .bind(project.map(|p| p.starts_on))
                .bind(project.map(|p| p.ends_on))
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                for (i, m) in new.members.iter().enumerate() {
                    sqlx::query(
                        "INSERT INTO board_member (board_id, position, name, sort_key, role, source, village_id, user_id) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    )
                    .bind(id)
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
                let after = serde_json::json!({ "kind": new.kind.label(), "members": new.members.len(),
                    "elected_by": new.elected_by, "project": project.map(|p| p.name.clone()) });
                write_audit!(&mut *tx, now, actor, &entry("board.create", "board", id, unit.id, after))?;
                tx.commit().await?;
                Ok::<i64, sqlx::Error>(id)
            }
            .await
        });
        match inserted {
            Ok(id) => Ok(id),
            Err(e) if StoreError::is_unique_violation(&e) => Err(one_active(new.kind)),
            Err(e) => Err(e.into()),
        }
    }

    /// Dissolves a working board (an investment board when its project ends).
    pub async fn dissolve_board(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        board_id: i64,
        on: NaiveDate,
        reason: &str,
        actor: &Actor,
    ) -> Result<()> {
        check(permit, unit, &[Action::ManageBoards])?;
        let now = self.clock.now();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(
                "UPDATE board SET status = $1, dissolved_on = $2, dissolved_reason = $3 \
                 WHERE id = $4 AND unit_id = $5 AND status = $6",
            )
            .bind(BoardStatus::Dissolved.as_str())
            .bind(on)
            .bind(reason)
            .bind(board_id)
            .bind(unit.id)
            .bind(BoardStatus::Active.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Err(stale("Ban đã giải thể."));
            }
            let after = serde_json::json!({ "dissolved_on": on, "reason": reason });
            write_audit!(&mut *tx, now, actor, &entry("board.dissolve", "board", board_id, unit.id, after))?;
            tx.commit().await?;
        });
        Ok(())
    }

    pub async fn board(&self, id: i64) -> Result<Option<BoardRow>> {
        Ok(dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{BOARD_SELECT} WHERE b.id = $1")))
                .bind(id)
                .fetch_optional(pool)
                .await?
        }))
    }

    /// The boards of a unit, working ones first, then by kind and project.
    pub async fn boards_of_unit(&self, unit_id: i64) -> Result<Vec<BoardRow>> {
        Ok(dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{BOARD_SELECT} WHERE b.unit_id = $1 ORDER BY b.status, b.kind, b.project_name, b.id"
            )))
            .bind(unit_id)
            .fetch_all(pool)
            .await?
        }))
    }

    /// The ids of the boards `user_id` sits on.
    pub async fn boards_of_user(&self, user_id: i64) -> Result<Vec<i64>> {
        Ok(dispatch!(self, read, pool => {
            sqlx::query_scalar("SELECT DISTINCT board_id FROM board_member WHERE user_id = $1 ORDER BY board_id")
                .bind(user_id)
                .fetch_all(pool)
                .await?
        }))
    }

    pub async fn board_members(&self, board_id: i64) -> Result<Vec<MemberRow>> {
        Ok(dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT m.id, m.position, m.name, m.role, m.source, m.village_id, v.name AS village_name, m.user_id \
                 FROM board_member m LEFT JOIN unit v ON v.id = m.village_id WHERE m.board_id = $1 ORDER BY m.position",
            )
            .bind(board_id)
            .fetch_all(pool)
            .await?
        }))
    }

    /// Writes the board's plan for a year, replacing an earlier version.
    pub async fn save_board_plan(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        board_id: i64,
        year: i32,
        body: &str,
        actor: &Actor,
    ) -> Result<()> {
        check(permit, unit, &BOARD_WORK)?;
        let now = self.clock.now();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "INSERT INTO board_plan (board_id, year, body, updated_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (board_id, year) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            )
            .bind(board_id)
            .bind(i64::from(year))
            .bind(body)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let after = serde_json::json!({ "year": year, "chars": body.chars().count() });
            write_audit!(&mut *tx, now, actor, &entry("board.plan", "board", board_id, unit.id, after))?;
            tx.commit().await?;
        });
        Ok(())
    }

    pub async fn board_plans(&self, board_id: i64) -> Result<Vec<BoardPlanRow>> {
        Ok(dispatch!(self, read, pool => {
            sqlx::query_as("SELECT year, body, updated_at FROM board_plan WHERE board_id = $1 ORDER BY year DESC")
                .bind(board_id)
                .fetch_all(pool)
                .await?
        }))
    }

    /// Records an activity with its photos.
    pub async fn add_board_activity(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        board_id: i64,
        new: &NewActivity,
        actor: &Actor,
    ) -> Result<i64> {
        check(permit, unit, &BOARD_WORK)?;
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO board_activity (board_id, kind, subject, held_on, notes, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(board_id)
            .bind(new.kind.as_str())
            .bind(&new.subject)
            .bind(new.held_on)
            .bind(new.notes.as_deref())
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            for p in &new.photos {
                sqlx::query(
                    "INSERT INTO board_photo (activity_id, file_name, content_type, data, created_at) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(id)
                .bind(&p.file_name)
                .bind(p.content_type)
                .bind(&p.bytes)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            let after = serde_json::json!({ "activity": id, "kind": new.kind.label(), "subject": new.subject,
                "held_on": new.held_on, "photos": new.photos.len() });
            write_audit!(&mut *tx, now, actor, &entry("board.activity", "board", board_id, unit.id, after))?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    pub async fn board_activities(&self, board_id: i64) -> Result<Vec<BoardActivityRow>> {
        Ok(dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT id, board_id, kind, subject, held_on, notes FROM board_activity WHERE board_id = $1 \
                 ORDER BY held_on DESC, id DESC",
            )
            .bind(board_id)
            .fetch_all(pool)
            .await?
        }))
    }

    /// The photos of a board's activities, without their bytes.
    pub async fn board_photos(&self, board_id: i64) -> Result<Vec<BoardPhotoMeta>> {
        Ok(dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT p.id, p.activity_id, p.file_name, p.content_type FROM board_photo p \
                 JOIN board_activity a ON a.id = p.activity_id WHERE a.board_id = $1 ORDER BY p.id",
            )
            .bind(board_id)
            .fetch_all(pool)
            .await?
        }))
    }

    /// One photo of the board's activities, with its bytes.
    pub async fn board_photo(&self, board_id: i64, photo_id: i64) -> Result<Option<(BoardPhotoMeta, Vec<u8>)>> {
        let row: Option<(i64, i64, String, String, Vec<u8>)> = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT p.id, p.activity_id, p.file_name, p.content_type, p.data FROM board_photo p \
                 JOIN board_activity a ON a.id = p.activity_id WHERE a.board_id = $1 AND p.id = $2",
            )
            .bind(board_id)
            .bind(photo_id)
            .fetch_optional(pool)
            .await?
        });
        Ok(row.map(|(id, activity_id, file_name, content_type, data)| {
            (BoardPhotoMeta { id, activity_id, file_name, content_type }, data)
        }))
    }

    /// Sends a finding to a unit.
    pub async fn send_finding(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        board_id: i64,
        new: &NewFinding,
        actor: &Actor,
    ) -> Result<i64> {
        check(permit, unit, &BOARD_WORK)?;
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO board_finding (board_id, activity_id, to_unit_id, subject, body, sent_on, due_on, status, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(board_id)
            .bind(new.activity_id)
            .bind(new.to_unit_id)
            .bind(&new.subject)
            .bind(&new.body)
            .bind(new.sent_on)
            .bind(new.due_on)
            .bind(FindingStatus::Sent.as_str())
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let after = serde_json::json!({ "finding": id, "to_unit": new.to_unit_id, "subject": new.subject,
                "due_on": new.due_on });
            write_audit!(&mut *tx, now, actor, &entry("board.finding.send", "board_finding", id, unit.id, after))?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    pub async fn finding(&self, id: i64) -> Result<Option<FindingRow>> {
        Ok(dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{FINDING_SELECT} WHERE f.id = $1")))
                .bind(id)
                .fetch_optional(pool)
                .await?
        }))
    }

    /// A board's findings, newest first.
    pub async fn board_findings(&self, board_id: i64) -> Result<Vec<FindingRow>> {
        Ok(dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{FINDING_SELECT} WHERE f.board_id = $1 ORDER BY f.sent_on DESC, f.id DESC"
            )))
            .bind(board_id)
            .fetch_all(pool)
            .await?
        }))
    }

    /// The findings of the boards of a subtree (the stored path of its top unit) still waiting
    /// for their answer after `today`, the longest overdue first, at most `limit`.
    pub async fn overdue_findings(&self, unit_path: &str, today: NaiveDate, limit: i64) -> Result<Vec<FindingRow>> {
        let prefix = format!("{unit_path}%");
        Ok(dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{FINDING_SELECT} WHERE f.status = 'sent' AND f.due_on < $1 AND bu.path LIKE $2 \
                 ORDER BY f.due_on, f.id LIMIT $3"
            )))
            .bind(today)
            .bind(prefix)
            .bind(limit)
            .fetch_all(pool)
            .await?
        }))
    }

    /// The overdue findings not yet sent to the commune chairman.
    pub async fn findings_to_escalate(&self, today: NaiveDate) -> Result<Vec<FindingRow>> {
        Ok(dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{FINDING_SELECT} WHERE f.status = 'sent' AND f.due_on < $1 AND f.escalated_at IS NULL ORDER BY f.id"
            )))
            .bind(today)
            .fetch_all(pool)
            .await?
        }))
    }

    /// Marks each finding escalated and puts its notification in its unit's inbox, in one
    /// transaction per finding (a finding answered in between is left alone). Returns how many
    /// were escalated.
    pub async fn escalate_findings(&self, escalations: &[Escalation], actor: &Actor) -> Result<u64> {
        let now = self.clock.now();
        let mut done = 0;
        for e in escalations {
            dispatch!(self, write, pool => {
                let mut tx = pool.begin().await?;
                let marked = sqlx::query(
                    "UPDATE board_finding SET escalated_at = $1 WHERE id = $2 AND status = 'sent' AND escalated_at IS NULL",
                )
                .bind(now)
                .bind(e.finding_id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if marked == 1 {
                    sqlx::query(
                        "INSERT INTO notification (unit_id, user_id, kind, title, body, link, occurrence_id, created_at, dedupe_key) \
                         VALUES ($1, NULL, $2, $3, $4, $5, NULL, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING",
                    )
                    .bind(e.unit_id)
                    .bind(NotificationKind::Overdue.as_str())
                    .bind(&e.title)
                    .bind(&e.body)
                    .bind(&e.link)
                    .bind(now)
                    .bind(format!("board-finding:{}:overdue", e.finding_id))
                    .execute(&mut *tx)
                    .await?;
                    let after = serde_json::json!({ "finding": e.finding_id, "to": e.unit_id });
                    write_audit!(&mut *tx, now, actor, &entry("board.finding.escalate", "board_finding", e.finding_id, e.unit_id, after))?;
                    done += 1;
                }
                tx.commit().await?;
            });
        }
        Ok(done)
    }

    /// Records the answer of the unit a finding was sent to; only a finding waiting for one.
    pub async fn answer_finding(
        &self,
        permit: &Permit,
        to_unit: &UnitRow,
        finding_id: i64,
        answer: &str,
        on: NaiveDate,
        actor: &Actor,
    ) -> Result<()> {
        check(permit, to_unit, &[Action::ManageBoards])?;
        let now = self.clock.now();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(
                "UPDATE board_finding SET status = $1, answer = $2, answered_on = $3, answered_by = $4 \
                 WHERE id = $5 AND to_unit_id = $6 AND status = $7",
            )
            .bind(FindingStatus::Answered.as_str())
            .bind(answer)
            .bind(on)
            .bind(actor.user_id.map(|u| u.0))
            .bind(finding_id)
            .bind(to_unit.id)
            .bind(FindingStatus::Sent.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Err(stale("Kiến nghị đã được trả lời."));
            }
            let after = serde_json::json!({ "finding": finding_id, "answered_on": on });
            write_audit!(&mut *tx, now, actor, &entry("board.finding.answer", "board_finding", finding_id, to_unit.id, after))?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Closes an answered finding: the board accepts that the answer settles it.
    pub async fn close_finding(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        finding_id: i64,
        on: NaiveDate,
        actor: &Actor,
    ) -> Result<()> {
        check(permit, unit, &BOARD_WORK)?;
        let now = self.clock.now();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query("UPDATE board_finding SET status = $1, closed_on = $2 WHERE id = $3 AND status = $4")
                .bind(FindingStatus::Closed.as_str())
                .bind(on)
                .bind(finding_id)
                .bind(FindingStatus::Answered.as_str())
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if done == 0 {
                return Err(stale("Kiến nghị chưa được trả lời hoặc đã kết thúc."));
            }
            let after = serde_json::json!({ "finding": finding_id, "closed_on": on });
            write_audit!(&mut *tx, now, actor, &entry("board.finding.close", "board_finding", finding_id, unit.id, after))?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Records the board's report for a period as sent to the commune Front; one per period.
    #[expect(clippy::too_many_arguments, reason = "one report is written whole in one transaction")]
    pub async fn send_board_report(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        board_id: i64,
        period_key: &str,
        summary: &str,
        on: NaiveDate,
        actor: &Actor,
    ) -> Result<i64> {
        check(permit, unit, &BOARD_WORK)?;
        let now = self.clock.now();
        let inserted = dispatch!(self, write, pool => {
            async {
                let mut tx = pool.begin().await?;
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO board_report (board_id, period_key, summary, sent_on, created_at) \
                     VALUES ($1, $2, $3, $4, $5) RETURNING id",
                )
                .bind(board_id)
                .bind(period_key)
                .bind(summary)
                .bind(on)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                let after = serde_json::json!({ "report_id": id, "period": period_key, "sent_on": on });
                write_audit!(&mut *tx, now, actor, &entry("board.report.send", "board", board_id, unit.id, after))?;
                tx.commit().await?;
                Ok::<i64, sqlx::Error>(id)
            }
            .await
        });
        match inserted {
            Ok(id) => Ok(id),
            Err(e) if StoreError::is_unique_violation(&e) => {
                Err(StoreError::Conflict { field: "period", message: "Ban đã gửi báo cáo kỳ này.".into() })
            }
            Err(e) => Err(e.into()),
        }
    }

    pub async fn board_reports(&self, board_id: i64) -> Result<Vec<BoardReportRow>> {
        Ok(dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT id, board_id, period_key, summary, sent_on FROM board_report WHERE board_id = $1 ORDER BY sent_on, id",
            )
            .bind(board_id)
            .fetch_all(pool)
            .await?
        }))
    }
}
