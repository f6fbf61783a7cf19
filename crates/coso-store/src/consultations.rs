//! Consultations on drafts: the consultation with its villages and sections, residents'
//! comments and supports, counts brought from paper or meetings, moderation and answers. Every
//! change an official makes asks for a [`Permit`] to manage consultations on the unit and writes
//! its audit row in the change's transaction.

use chrono::{DateTime, NaiveDate, Utc};
use coso_domain::authz::{Action, Permit};
use coso_domain::consultation::{
    AnswerData, AnswerKind, Audience, CollectionMethod, ConsultationData, ConsultationStatus, DraftKind, DraftSection,
    PaperData,
};
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, INSERT_AUDIT_OF_LAST_INSERT, push_audit_with, write_audit};
use crate::batch::Batch;
use crate::codes::Code;
use crate::connect::Pools;
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::units::UnitRow;
use crate::{Result, Store};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ConsultationRow {
    pub id: i64,
    pub unit_id: i64,
    pub title: String,
    #[sqlx(try_from = "Code<DraftKind>")]
    pub kind: DraftKind,
    #[sqlx(try_from = "Code<Audience>")]
    pub audience: Audience,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    #[sqlx(try_from = "Code<ConsultationStatus>")]
    pub status: ConsultationStatus,
    pub file_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
    pub answered_at: Option<DateTime<Utc>>,
    /// The disclosure its results were published as.
    pub disclosure_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct SectionRow {
    pub id: i64,
    pub position: i64,
    pub heading: String,
    pub body: String,
}

/// A comment. `section_id` is `None` for a comment on the whole draft; a hidden comment keeps
/// its text here, and the views show only the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct CommentRow {
    pub id: i64,
    pub consultation_id: i64,
    pub section_id: Option<i64>,
    pub author_id: i64,
    pub author_label: String,
    pub village_id: Option<i64>,
    pub body: String,
    pub supports: i64,
    pub hidden_reason: Option<String>,
    pub answer_id: Option<i64>,
    pub created_at: DateTime<Utc>,
}

/// How many comments a section (or the whole draft, `None`) has, hidden ones included.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SectionCount {
    pub section_id: Option<i64>,
    pub comments: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct PaperRow {
    pub id: i64,
    pub section_id: Option<i64>,
    pub village_id: i64,
    pub village_name: String,
    pub agree: i64,
    pub disagree: i64,
    #[sqlx(try_from = "Code<CollectionMethod>")]
    pub method: CollectionMethod,
    pub collected_on: NaiveDate,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct AnswerRow {
    pub id: i64,
    #[sqlx(try_from = "Code<AnswerKind>")]
    pub kind: AnswerKind,
    pub reason: Option<String>,
}

/// A comment to add, as the use case decided it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewComment {
    pub section_id: Option<i64>,
    pub author_id: i64,
    pub author_label: String,
    pub village_id: Option<i64>,
    pub body: String,
}

const CONSULTATION_SELECT: &str = "SELECT id, unit_id, title, kind, audience, opens_on, closes_on, status, file_name, \
    created_at, closed_at, answered_at, disclosure_id FROM consultation ";
const COMMENT_COLUMNS: &str = "id, consultation_id, section_id, author_id, author_label, village_id, body, supports, \
    hidden_reason, answer_id, created_at";

fn check(permit: &Permit, unit: &UnitRow) -> Result<()> {
    crate::audit::require(permit, Action::ManageConsultations, unit)
}

fn to_json<T: Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

/// A comment, inserted only while its consultation is open and its section (if any) is one of
/// the draft's; returns its id, or no row when refused.
const INSERT_COMMENT: &str = "INSERT INTO consultation_comment \
    (consultation_id, section_id, author_id, author_label, village_id, body, created_at) \
    SELECT $1, $2, $3, $4, $5, $6, $7 WHERE EXISTS (SELECT 1 FROM consultation WHERE id = $1 AND status = 'open') \
    AND ($2 IS NULL OR EXISTS (SELECT 1 FROM consultation_section WHERE id = $2 AND consultation_id = $1)) \
    RETURNING id";

fn entry(action: &'static str, entity: &'static str, id: i64, unit: &UnitRow, after: serde_json::Value) -> AuditEntry {
    AuditEntry::change(action, entity, id, unit.unit_id(), after)
}

impl Store {
    /// Creates a consultation with its villages and sections, in `status` (a draft to review,
    /// or open at once when the sections were given checked).
    #[expect(clippy::too_many_arguments, reason = "one consultation is written whole in one transaction")]
    pub async fn create_consultation(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        data: &ConsultationData,
        villages: &[i64],
        sections: &[DraftSection],
        file_name: Option<&str>,
        status: ConsultationStatus,
        actor: &Actor,
    ) -> Result<i64> {
        check(permit, unit)?;
        let now = self.clock.now();
        let opened_at = (status == ConsultationStatus::Open).then_some(now);
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO consultation (unit_id, title, kind, audience, opens_on, closes_on, status, file_name, created_by, created_at, opened_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
            )
            .bind(unit.id)
            .bind(&data.title)
            .bind(data.kind.as_str())
            .bind(data.audience.as_str())
            .bind(data.opens_on)
            .bind(data.closes_on)
            .bind(status.as_str())
            .bind(file_name)
            .bind(actor.user_id.map(|u| u.0))
            .bind(now)
            .bind(opened_at)
            .fetch_one(&mut *tx)
            .await?;
            for v in villages {
                sqlx::query("INSERT INTO consultation_village (consultation_id, village_id) VALUES ($1, $2)")
                    .bind(id)
                    .bind(v)
                    .execute(&mut *tx)
                    .await?;
            }
            for (i, s) in sections.iter().enumerate() {
                sqlx::query("INSERT INTO consultation_section (consultation_id, position, heading, body) VALUES ($1, $2, $3, $4)")
                    .bind(id)
                    .bind(i as i64 + 1)
                    .bind(&s.heading)
                    .bind(&s.body)
                    .execute(&mut *tx)
                    .await?;
            }
            let after = serde_json::json!({ "consultation": data, "sections": sections.len(), "status": status.label() });
            write_audit!(&mut *tx, now, actor, &entry("consultation.create", "consultation", id, unit, after))?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    pub async fn consultation(&self, id: i64) -> Result<Option<ConsultationRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{CONSULTATION_SELECT} WHERE id = $1")))
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        Ok(row)
    }

    /// The consultations of a unit, the latest opened first; drafts only when asked.
    pub async fn consultations_of_unit(&self, unit_id: i64, with_drafts: bool) -> Result<Vec<ConsultationRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{CONSULTATION_SELECT} WHERE unit_id = $1 AND ($2 OR status <> 'draft') ORDER BY opens_on DESC, id DESC"
            )))
            .bind(unit_id)
            .bind(with_drafts)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// The villages a consultation asks, by id.
    pub async fn consultation_villages(&self, id: i64) -> Result<Vec<i64>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_scalar("SELECT village_id FROM consultation_village WHERE consultation_id = $1 ORDER BY village_id")
                .bind(id)
                .fetch_all(pool)
                .await?
        });
        Ok(rows)
    }

    pub async fn consultation_sections(&self, id: i64) -> Result<Vec<SectionRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT id, position, heading, body FROM consultation_section WHERE consultation_id = $1 ORDER BY position",
            )
            .bind(id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Replaces the sections of a draft as corrected in review; a consultation no longer in
    /// draft is a conflict.
    pub async fn replace_consultation_sections(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        id: i64,
        sections: &[DraftSection],
        actor: &Actor,
    ) -> Result<()> {
        check(permit, unit)?;
        let now = self.clock.now();
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let draft: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM consultation WHERE id = $1 AND unit_id = $2 AND status = 'draft'",
            )
            .bind(id)
            .bind(unit.id)
            .fetch_optional(&mut *tx)
            .await?;
            if draft.is_none() {
                return Err(StoreError::Conflict { field: "sections", message: "Chỉ sửa được các mục khi dự thảo chưa đưa ra lấy ý kiến.".into() });
            }
            sqlx::query("DELETE FROM consultation_section WHERE consultation_id = $1").bind(id).execute(&mut *tx).await?;
            for (i, s) in sections.iter().enumerate() {
                sqlx::query("INSERT INTO consultation_section (consultation_id, position, heading, body) VALUES ($1, $2, $3, $4)")
                    .bind(id)
                    .bind(i as i64 + 1)
                    .bind(&s.heading)
                    .bind(&s.body)
                    .execute(&mut *tx)
                    .await?;
            }
            let headings: Vec<&str> = sections.iter().map(|s| s.heading.as_str()).collect();
            let after = serde_json::json!({ "headings": headings });
            write_audit!(&mut *tx, now, actor, &entry("consultation.sections_review", "consultation", id, unit, after))?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Moves a consultation of the unit from `from` to `to`, stamping the move's time; a
    /// consultation elsewhere is not found, one no longer in `from` a conflict.
    pub async fn move_consultation(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        id: i64,
        from: ConsultationStatus,
        to: ConsultationStatus,
        actor: &Actor,
    ) -> Result<()> {
        check(permit, unit)?;
        let now = self.clock.now();
        let (action, stamp) = match to {
            ConsultationStatus::Open => ("consultation.open", "opened_at"),
            ConsultationStatus::Closed => ("consultation.close", "closed_at"),
            ConsultationStatus::Answered => ("consultation.answered", "answered_at"),
            ConsultationStatus::Draft => {
                return Err(StoreError::Conflict {
                    field: "status", message: "Không thể đưa về bản nháp.".into()
                });
            }
        };
        // Labels, not codes: the audit log shows top-level values as they are.
        let after = serde_json::json!({ "from": from.label(), "to": to.label() });
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE consultation SET status = $1, {stamp} = $2 WHERE id = $3 AND unit_id = $4 AND status = $5"
            )))
            .bind(to.as_str())
            .bind(now)
            .bind(id)
            .bind(unit.id)
            .bind(from.as_str())
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::Conflict { field: "status", message: format!("Cuộc lấy ý kiến không còn ở trạng thái «{}».", from.label()) });
            }
            write_audit!(&mut *tx, now, actor, &entry(action, "consultation", id, unit, after))?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Adds a comment while the consultation is open and its section is one of the draft's
    /// (checked in the insert itself, so a close at the same moment wins, and no read goes
    /// before it); `None` when either fails.
    pub async fn add_consultation_comment(
        &self,
        consultation: &ConsultationRow,
        unit: &UnitRow,
        c: &NewComment,
        actor: &Actor,
    ) -> Result<Option<i64>> {
        let now = self.clock.now();
        let after = || serde_json::json!({ "consultation_id": consultation.id, "section_id": c.section_id });
        if let Pools::Sqlite { write, .. } = &self.backend {
            // The comment and its audit row as one batch, committed with the other short
            // writes waiting for the writer; the audit row takes the comment's id from it.
            let mut batch = Batch::default();
            batch.push(
                INSERT_COMMENT,
                vec![
                    consultation.id.into(),
                    c.section_id.into(),
                    c.author_id.into(),
                    c.author_label.as_str().into(),
                    c.village_id.into(),
                    c.body.as_str().into(),
                    now.into(),
                ],
            );
            let mut audit = entry("consultation.comment", "consultation_comment", 0, unit, after());
            audit.entity_id = String::new();
            push_audit_with(&mut batch, INSERT_AUDIT_OF_LAST_INSERT, now, actor, &audit);
            return match self.grouped.run_returning(write, batch).await {
                Ok(id) => Ok(Some(id)),
                // The guard of the insert refused it: the consultation closed, or the section
                // is not the draft's.
                Err(sqlx::Error::RowNotFound) => Ok(None),
                Err(e) => Err(e.into()),
            };
        }
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: Option<i64> = sqlx::query_scalar(INSERT_COMMENT)
            .bind(consultation.id)
            .bind(c.section_id)
            .bind(c.author_id)
            .bind(&c.author_label)
            .bind(c.village_id)
            .bind(&c.body)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(id) = id else { return Ok(None) };
            write_audit!(&mut *tx, now, actor, &entry("consultation.comment", "consultation_comment", id, unit, after()))?;
            tx.commit().await?;
            Some(id)
        });
        Ok(id)
    }

    pub async fn consultation_comment(&self, id: i64) -> Result<Option<CommentRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {COMMENT_COLUMNS} FROM consultation_comment WHERE id = $1")))
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        Ok(row)
    }

    /// Records `user`'s support of a comment once; `false` when they had already supported it.
    pub async fn support_consultation_comment(&self, comment: i64, user: i64) -> Result<bool> {
        let now = self.clock.now();
        let added = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(
                "INSERT INTO consultation_support (comment_id, user_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            )
            .bind(comment)
            .bind(user)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let added = done.rows_affected() == 1;
            if added {
                sqlx::query("UPDATE consultation_comment SET supports = supports + 1 WHERE id = $1")
                    .bind(comment)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            added
        });
        Ok(added)
    }

    /// The comments `user` supports in a consultation, by comment id.
    pub async fn supported_by(&self, consultation: i64, user: i64) -> Result<Vec<i64>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_scalar(
                "SELECT s.comment_id FROM consultation_support s JOIN consultation_comment c ON c.id = s.comment_id \
                 WHERE c.consultation_id = $1 AND s.user_id = $2",
            )
            .bind(consultation)
            .bind(user)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// The first `per_section` comments of each section and of the whole draft, in the order
    /// they were given.
    pub async fn consultation_comments_head(&self, consultation: i64, per_section: i64) -> Result<Vec<CommentRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {COMMENT_COLUMNS} FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY section_id ORDER BY id) AS n \
                 FROM consultation_comment WHERE consultation_id = $1) c WHERE n <= $2 ORDER BY section_id, id"
            )))
            .bind(consultation)
            .bind(per_section)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Every comment of a consultation, by section then order given.
    pub async fn consultation_comments(&self, consultation: i64) -> Result<Vec<CommentRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {COMMENT_COLUMNS} FROM consultation_comment WHERE consultation_id = $1 ORDER BY section_id, id"
            )))
            .bind(consultation)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// The comments of one section (`None`: the whole draft), in the order given.
    pub async fn consultation_section_comments(
        &self,
        consultation: i64,
        section: Option<i64>,
    ) -> Result<Vec<CommentRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {COMMENT_COLUMNS} FROM consultation_comment WHERE consultation_id = $1 \
                 AND (section_id = $2 OR ($2 IS NULL AND section_id IS NULL)) ORDER BY id"
            )))
            .bind(consultation)
            .bind(section)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// How many comments each section has.
    pub async fn consultation_comment_counts(&self, consultation: i64) -> Result<Vec<SectionCount>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT section_id, COUNT(*) AS comments FROM consultation_comment WHERE consultation_id = $1 GROUP BY section_id",
            )
            .bind(consultation)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Hides a comment of a consultation of the unit, with the reason shown in its place.
    pub async fn hide_consultation_comment(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        comment: &CommentRow,
        reason: &str,
        actor: &Actor,
    ) -> Result<()> {
        check(permit, unit)?;
        let now = self.clock.now();
        let audit = AuditEntry {
            action: "consultation.comment_hide",
            entity: "consultation_comment",
            entity_id: comment.id.to_string(),
            unit_id: Some(unit.unit_id()),
            before: Some(serde_json::json!({ "body": comment.body })),
            after: Some(serde_json::json!({ "hidden_reason": reason })),
        };
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("UPDATE consultation_comment SET hidden_reason = $1, hidden_at = $2 WHERE id = $3")
                .bind(reason)
                .bind(now)
                .bind(comment.id)
                .execute(&mut *tx)
                .await?;
            write_audit!(&mut *tx, now, actor, &audit)?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Records the counts a village brought. The permit is to collect opinions on the village.
    pub async fn add_consultation_paper(
        &self,
        permit: &Permit,
        village: &UnitRow,
        consultation: i64,
        data: &PaperData,
        actor: &Actor,
    ) -> Result<i64> {
        if !permit.covers(Action::CollectOpinions, &village.unit_path()) {
            return Err(StoreError::Forbidden);
        }
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO consultation_paper (consultation_id, section_id, village_id, agree, disagree, method, collected_on, note, entered_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
            )
            .bind(consultation)
            .bind(data.section)
            .bind(village.id)
            .bind(data.agree)
            .bind(data.disagree)
            .bind(data.method.as_str())
            .bind(data.collected_on)
            .bind(&data.note)
            .bind(actor.user_id.map(|u| u.0))
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let after = serde_json::json!({ "consultation_id": consultation, "paper": to_json(data) });
            write_audit!(&mut *tx, now, actor, &entry("consultation.paper", "consultation_paper", id, village, after))?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    /// The counts brought for a consultation, by section then village.
    pub async fn consultation_papers(&self, consultation: i64) -> Result<Vec<PaperRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT p.id, p.section_id, p.village_id, u.name AS village_name, p.agree, p.disagree, p.method, p.collected_on, p.note \
                 FROM consultation_paper p JOIN unit u ON u.id = p.village_id WHERE p.consultation_id = $1 \
                 ORDER BY p.section_id, u.sort_key, p.id",
            )
            .bind(consultation)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Answers a group of comments of a closed consultation of the unit. Comments of another
    /// consultation, hidden or already answered are refused as a conflict; when no visible
    /// comment is left unanswered the consultation becomes answered, in the same transaction.
    /// Returns the answer's id and whether the consultation is now answered.
    pub async fn answer_consultation_comments(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        consultation: i64,
        data: &AnswerData,
        actor: &Actor,
    ) -> Result<(i64, bool)> {
        check(permit, unit)?;
        let now = self.clock.now();
        let out = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let closed: Option<i64> =
                sqlx::query_scalar("SELECT id FROM consultation WHERE id = $1 AND unit_id = $2 AND status = 'closed'")
                    .bind(consultation)
                    .bind(unit.id)
                    .fetch_optional(&mut *tx)
                    .await?;
            if closed.is_none() {
                return Err(StoreError::Conflict { field: "comments", message: "Chỉ trả lời ý kiến khi đã kết thúc lấy ý kiến.".into() });
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO consultation_answer (consultation_id, kind, reason, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(consultation)
            .bind(data.kind.as_str())
            .bind(&data.reason)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            for c in &data.comments {
                let done = sqlx::query(
                    "UPDATE consultation_comment SET answer_id = $1 WHERE id = $2 AND consultation_id = $3 \
                     AND answer_id IS NULL AND hidden_reason IS NULL",
                )
                .bind(id)
                .bind(c)
                .bind(consultation)
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 0 {
                    return Err(StoreError::Conflict { field: "comments", message: format!("Ý kiến số {c} không thể trả lời: đã được trả lời, đã bị ẩn hoặc không thuộc dự thảo này.") });
                }
            }
            let after = serde_json::json!({ "comments": data.comments, "kind": data.kind.label(), "reason": data.reason });
            write_audit!(&mut *tx, now, actor, &entry("consultation.answer", "consultation_answer", id, unit, after))?;
            let finished = sqlx::query(
                "UPDATE consultation SET status = 'answered', answered_at = $1 WHERE id = $2 AND status = 'closed' \
                 AND NOT EXISTS (SELECT 1 FROM consultation_comment WHERE consultation_id = $2 AND hidden_reason IS NULL AND answer_id IS NULL)",
            )
            .bind(now)
            .bind(consultation)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if finished {
                let after = serde_json::json!({
                    "from": ConsultationStatus::Closed.label(),
                    "to": ConsultationStatus::Answered.label()
                });
                write_audit!(&mut *tx, now, actor, &entry("consultation.answered", "consultation", consultation, unit, after))?;
            }
            tx.commit().await?;
            (id, finished)
        });
        Ok(out)
    }

    /// Links the disclosure of a consultation's results, once: `false` when one was already
    /// linked (the caller published twice).
    pub async fn link_consultation_disclosure(&self, id: i64, disclosure: i64) -> Result<bool> {
        let done = dispatch!(self, write, pool => {
            sqlx::query("UPDATE consultation SET disclosure_id = $1 WHERE id = $2 AND disclosure_id IS NULL")
                .bind(disclosure)
                .bind(id)
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(done == 1)
    }

    /// The answers given in a consultation.
    pub async fn consultation_answers(&self, consultation: i64) -> Result<Vec<AnswerRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as("SELECT id, kind, reason FROM consultation_answer WHERE consultation_id = $1 ORDER BY id")
                .bind(consultation)
                .fetch_all(pool)
                .await?
        });
        Ok(rows)
    }
}
