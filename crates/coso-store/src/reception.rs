//! Citizen reception: the unit's schedule (public), the log of sessions and the visits received
//! (personal data: every read and write asks for a [`Permit`] to manage reception on the unit).

use chrono::NaiveDate;
use coso_domain::authz::{Action, Permit};
use coso_domain::reception::compliance::Held;
use coso_domain::reception::{
    Outcome, PartOfDay, Receiver, RefusalGround, ScheduleEntry, ScheduleKind, SessionData, SessionKind, VisitData,
};
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::codes::{Code, OptCode};
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::units::UnitRow;
use crate::{Result, Store};

/// A stored line of a unit's schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ReceptionScheduleRow {
    pub id: i64,
    pub unit_id: i64,
    #[sqlx(try_from = "Code<ScheduleKind>")]
    pub kind: ScheduleKind,
    pub weekday: Option<i64>,
    pub on_date: Option<NaiveDate>,
    #[sqlx(try_from = "OptCode<PartOfDay>")]
    pub part_of_day: Option<PartOfDay>,
    pub place: Option<String>,
    #[sqlx(try_from = "OptCode<Receiver>")]
    pub receiver_kind: Option<Receiver>,
    pub note: Option<String>,
}

impl ReceptionScheduleRow {
    pub fn entry(&self) -> ScheduleEntry {
        ScheduleEntry {
            kind: self.kind,
            weekday: self.weekday.and_then(|w| u32::try_from(w).ok()),
            on_date: self.on_date,
            part: self.part_of_day,
            place: self.place.clone(),
            receiver: self.receiver_kind,
            note: self.note.clone(),
        }
    }
}

/// A session of the log, with what its visits add up to (no personal data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ReceptionSessionRow {
    pub id: i64,
    pub unit_id: i64,
    pub held_on: NaiveDate,
    #[sqlx(try_from = "Code<Receiver>")]
    pub receiver_kind: Receiver,
    pub receiver_name: String,
    pub place: String,
    #[sqlx(try_from = "Code<SessionKind>")]
    pub kind: SessionKind,
    pub visits: i64,
    pub people: i64,
    pub crowded_visits: i64,
}

/// A visit received at a session: the visitors' personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ReceptionVisitRow {
    pub id: i64,
    pub session_id: i64,
    pub visitor_names: String,
    pub people_count: i64,
    pub crowded: bool,
    pub address: String,
    pub content: String,
    #[sqlx(try_from = "Code<Outcome>")]
    pub outcome: Outcome,
    #[sqlx(try_from = "OptCode<RefusalGround>")]
    pub refusal_ground: Option<RefusalGround>,
    pub note: Option<String>,
    /// The day the visitors' names and address were removed under the retention setting.
    pub personal_data_removed_on: Option<NaiveDate>,
}

/// A session held somewhere in a subtree, for the compliance rule.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct HeldRow {
    pub unit_id: i64,
    pub held_on: NaiveDate,
    #[sqlx(try_from = "Code<Receiver>")]
    pub receiver_kind: Receiver,
}

impl HeldRow {
    pub fn held(&self) -> Held {
        Held { date: self.held_on, receiver: self.receiver_kind }
    }
}

const SESSION_SELECT: &str = "SELECT s.id, s.unit_id, s.held_on, s.receiver_kind, s.receiver_name, s.place, s.kind, \
    (SELECT COUNT(*) FROM reception_visit v WHERE v.session_id = s.id) AS visits, \
    (SELECT CAST(COALESCE(SUM(v.people_count), 0) AS BIGINT) FROM reception_visit v WHERE v.session_id = s.id) AS people, \
    (SELECT COUNT(*) FROM reception_visit v WHERE v.session_id = s.id AND v.crowded) AS crowded_visits \
    FROM reception_session s ";

fn check(permit: &Permit, unit: &UnitRow) -> Result<()> {
    crate::audit::require(permit, Action::ManageReception, unit)
}

fn to_json<T: Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

impl Store {
    /// The schedule of a unit: weekly lines by weekday, then dated lines by date.
    pub async fn reception_schedule(&self, unit: &UnitRow) -> Result<Vec<ReceptionScheduleRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT id, unit_id, kind, weekday, on_date, part_of_day, place, receiver_kind, note \
                 FROM reception_schedule WHERE unit_id = $1 ORDER BY on_date IS NOT NULL, weekday, on_date, id",
            )
            .bind(unit.id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Adds a line to a unit's schedule.
    pub async fn add_schedule_entry(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        e: &ScheduleEntry,
        actor: &Actor,
    ) -> Result<i64> {
        check(permit, unit)?;
        let now = self.clock.now();
        let entry = AuditEntry {
            action: "reception.schedule_add",
            entity: "reception_schedule",
            entity_id: unit.code.clone(),
            unit_id: Some(unit.unit_id()),
            before: None,
            after: Some(to_json(e)),
        };
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO reception_schedule (unit_id, kind, weekday, on_date, part_of_day, place, receiver_kind, note, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(unit.id)
            .bind(e.kind.as_str())
            .bind(e.weekday.map(i64::from))
            .bind(e.on_date)
            .bind(e.part.map(|p| p.as_str()))
            .bind(&e.place)
            .bind(e.receiver.map(|r| r.as_str()))
            .bind(&e.note)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    /// Removes a line of a unit's schedule; a line of another unit is not found.
    pub async fn remove_schedule_entry(&self, permit: &Permit, unit: &UnitRow, id: i64, actor: &Actor) -> Result<()> {
        check(permit, unit)?;
        let now = self.clock.now();
        let before =
            self.reception_schedule(unit).await?.into_iter().find(|r| r.id == id).ok_or(StoreError::NotFound)?;
        let entry = AuditEntry {
            action: "reception.schedule_remove",
            entity: "reception_schedule",
            entity_id: unit.code.clone(),
            unit_id: Some(unit.unit_id()),
            before: Some(to_json(&before.entry())),
            after: None,
        };
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query("DELETE FROM reception_schedule WHERE id = $1 AND unit_id = $2")
                .bind(id)
                .bind(unit.id)
                .execute(&mut *tx)
                .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound);
            }
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Records a session held at a unit.
    pub async fn record_session(&self, permit: &Permit, unit: &UnitRow, s: &SessionData, actor: &Actor) -> Result<i64> {
        check(permit, unit)?;
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO reception_session (unit_id, held_on, receiver_kind, receiver_name, place, kind, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(unit.id)
            .bind(s.held_on)
            .bind(s.receiver.as_str())
            .bind(&s.receiver_name)
            .bind(&s.place)
            .bind(s.kind.as_str())
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let entry = AuditEntry {
                action: "reception.session_create",
                entity: "reception_session",
                entity_id: id.to_string(),
                unit_id: Some(unit.unit_id()),
                before: None,
                after: Some(to_json(s)),
            };
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    /// The sessions of a unit between two days, the latest first.
    pub async fn reception_sessions(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<ReceptionSessionRow>> {
        check(permit, unit)?;
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{SESSION_SELECT} WHERE s.unit_id = $1 AND s.held_on >= $2 AND s.held_on <= $3 ORDER BY s.held_on DESC, s.id DESC"
            )))
            .bind(unit.id)
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// One session of a unit; a session of another unit is not found.
    pub async fn reception_session(&self, permit: &Permit, unit: &UnitRow, id: i64) -> Result<ReceptionSessionRow> {
        check(permit, unit)?;
        let row: Option<ReceptionSessionRow> = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{SESSION_SELECT} WHERE s.id = $1 AND s.unit_id = $2")))
                .bind(id)
                .bind(unit.id)
                .fetch_optional(pool)
                .await?
        });
        row.ok_or(StoreError::NotFound)
    }

    /// Records a visit received at a session of the unit.
    pub async fn record_visit(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        session: i64,
        v: &VisitData,
        actor: &Actor,
    ) -> Result<i64> {
        self.reception_session(permit, unit, session).await?;
        let now = self.clock.now();
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO reception_visit (session_id, visitor_names, people_count, crowded, address, content, outcome, refusal_ground, note, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
            )
            .bind(session)
            .bind(&v.visitor_names)
            .bind(v.people_count)
            .bind(v.crowded)
            .bind(&v.address)
            .bind(&v.content)
            .bind(v.outcome.as_str())
            .bind(v.refusal_ground.map(|g| g.as_str()))
            .bind(&v.note)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let entry = AuditEntry {
                action: "reception.visit_create",
                entity: "reception_visit",
                entity_id: id.to_string(),
                unit_id: Some(unit.unit_id()),
                before: None,
                after: Some(to_json(v)),
            };
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    /// The visits of a session of the unit, in the order they were recorded.
    pub async fn reception_visits(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        session: i64,
    ) -> Result<Vec<ReceptionVisitRow>> {
        self.reception_session(permit, unit, session).await?;
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT id, session_id, visitor_names, people_count, crowded, address, content, outcome, refusal_ground, note, \
                 personal_data_removed_on FROM reception_visit WHERE session_id = $1 ORDER BY id",
            )
            .bind(session)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// Who received, and when, at every unit of `unit`'s subtree between two days: what the
    /// compliance rule reads (no personal data).
    pub async fn sessions_held_in_subtree(
        &self,
        unit: &UnitRow,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<HeldRow>> {
        let prefix = format!("{}%", unit.path);
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT s.unit_id, s.held_on, s.receiver_kind FROM reception_session s JOIN unit u ON u.id = s.unit_id \
                 WHERE u.path LIKE $1 AND s.held_on >= $2 AND s.held_on <= $3 ORDER BY s.held_on",
            )
            .bind(&prefix)
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }
}
