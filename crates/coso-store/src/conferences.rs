//! Annual community conferences: one row per conference a village held, with its plan, notice
//! and minutes; the conferences of a commune's villages in a window of dates, for compliance.

use chrono::{DateTime, NaiveDate, Utc};
use coso_domain::authz::{Action, Permit};
use coso_domain::conference::ConferenceData;
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::units::UnitRow;
use crate::{Result, Store};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ConferenceRow {
    pub id: i64,
    pub unit_id: i64,
    pub held_on: NaiveDate,
    pub place: Option<String>,
    pub plan_sent_on: Option<NaiveDate>,
    pub notice_on: Option<NaiveDate>,
    pub minutes: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl ConferenceRow {
    /// The checked values the row holds, for the domain's checks.
    pub fn data(&self) -> ConferenceData {
        ConferenceData {
            held_on: self.held_on,
            place: self.place.clone(),
            plan_sent_on: self.plan_sent_on,
            notice_on: self.notice_on,
            minutes: self.minutes.clone(),
        }
    }
}

const CONFERENCE_SELECT: &str =
    "SELECT id, unit_id, held_on, place, plan_sent_on, notice_on, minutes, created_at FROM community_conference ";

impl Store {
    /// Records a conference of the village `unit`.
    pub async fn create_conference(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        data: &ConferenceData,
        actor: &Actor,
    ) -> Result<i64> {
        if !permit.covers(Action::HoldConferences, &unit.unit_path()) {
            return Err(StoreError::Forbidden);
        }
        let now = self.clock.now();
        let after = serde_json::json!({
            "ngày họp": data.held_on, "địa điểm": data.place, "gửi kế hoạch": data.plan_sent_on,
            "thông báo": data.notice_on, "có biên bản": data.minutes.is_some(),
        });
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO community_conference (unit_id, held_on, place, plan_sent_on, notice_on, minutes, created_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(unit.id)
            .bind(data.held_on)
            .bind(&data.place)
            .bind(data.plan_sent_on)
            .bind(data.notice_on)
            .bind(&data.minutes)
            .bind(actor.user_id.map(|u| u.0))
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let entry = AuditEntry {
                action: "conference.create",
                entity: "community_conference",
                entity_id: id.to_string(),
                unit_id: Some(unit.unit_id()),
                before: None,
                after: Some(after),
            };
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    pub async fn conference(&self, id: i64) -> Result<Option<ConferenceRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{CONFERENCE_SELECT} WHERE id = $1")))
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        Ok(row)
    }

    /// The conferences of a village, the latest first.
    pub async fn conferences_of_unit(&self, unit_id: i64) -> Result<Vec<ConferenceRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "{CONFERENCE_SELECT} WHERE unit_id = $1 ORDER BY held_on DESC, id DESC"
            )))
            .bind(unit_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// The conferences held from `from` to `to` (both included) by the units directly under
    /// `parent`, in date order.
    pub async fn conferences_under(&self, parent: i64, from: NaiveDate, to: NaiveDate) -> Result<Vec<ConferenceRow>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT c.id, c.unit_id, c.held_on, c.place, c.plan_sent_on, c.notice_on, c.minutes, c.created_at \
                 FROM community_conference c JOIN unit u ON u.id = c.unit_id \
                 WHERE u.parent_id = $1 AND c.held_on >= $2 AND c.held_on <= $3 ORDER BY c.held_on, c.id",
            )
            .bind(parent)
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }
}
