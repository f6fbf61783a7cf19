//! What a subtree has let go past its deadline, for the overview of a province or a commune:
//! the dialogues' commitments not done by their due date, and how many overdue findings and
//! commitments each unit of the subtree has. Each is one query over the subtree, walked on the
//! partial indexes of what is still open (`board_finding_waiting`, `dialogue_commitment_open`).

use chrono::NaiveDate;
use coso_domain::dialogue::CommitmentStatus;
use serde::Serialize;

use crate::codes::Code;
use crate::dispatch::dispatch;
use crate::{Result, Store};

/// A commitment not done past its due date, with the dialogue and the unit that made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct OverdueCommitmentRow {
    pub id: i64,
    pub dialogue_id: i64,
    pub dialogue_unit_id: i64,
    pub dialogue_unit_code: String,
    pub dialogue_unit_name: String,
    pub held_on: NaiveDate,
    pub topic: Option<String>,
    pub owner_code: String,
    pub owner_name: String,
    pub body: String,
    pub due_on: NaiveDate,
    #[sqlx(try_from = "Code<CommitmentStatus>")]
    pub status: CommitmentStatus,
    pub percent: i64,
}

/// How many overdue items one unit of a subtree has (the unit that holds the board or the
/// dialogue).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct OverdueCountRow {
    pub unit_id: i64,
    pub code: String,
    pub name: String,
    /// The unit's place in Vietnamese alphabetical order.
    #[serde(skip)]
    pub sort_key: String,
    pub count: i64,
}

/// The findings waiting for their answer past their deadline, counted per board's unit.
const FINDING_COUNTS: &str = "SELECT bu.id AS unit_id, bu.code, bu.name, bu.sort_key, COUNT(*) AS count \
    FROM board_finding f JOIN board b ON b.id = f.board_id JOIN unit bu ON bu.id = b.unit_id \
    WHERE f.status = 'sent' AND f.due_on < $1 AND bu.path LIKE $2 \
    GROUP BY bu.id, bu.code, bu.name, bu.sort_key ORDER BY bu.sort_key, bu.id";

/// The commitments not done past their due date, counted per dialogue's unit.
const COMMITMENT_COUNTS: &str = "SELECT u.id AS unit_id, u.code, u.name, u.sort_key, COUNT(*) AS count \
    FROM dialogue_commitment c JOIN dialogue d ON d.id = c.dialogue_id JOIN unit u ON u.id = d.unit_id \
    WHERE c.status <> 'done' AND c.due_on < $1 AND u.path LIKE $2 \
    GROUP BY u.id, u.code, u.name, u.sort_key ORDER BY u.sort_key, u.id";

impl Store {
    /// The commitments of the dialogues of a subtree (the stored path of its top unit) not done
    /// after their due date, the longest overdue first, at most `limit`.
    pub async fn overdue_commitments(
        &self,
        unit_path: &str,
        today: NaiveDate,
        limit: i64,
    ) -> Result<Vec<OverdueCommitmentRow>> {
        let prefix = format!("{unit_path}%");
        Ok(dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT c.id, c.dialogue_id, d.unit_id AS dialogue_unit_id, u.code AS dialogue_unit_code, \
                 u.name AS dialogue_unit_name, d.held_on, d.topic, o.code AS owner_code, o.name AS owner_name, \
                 c.body, c.due_on, c.status, c.percent \
                 FROM dialogue_commitment c JOIN dialogue d ON d.id = c.dialogue_id JOIN unit u ON u.id = d.unit_id \
                 JOIN unit o ON o.id = c.owner_unit_id \
                 WHERE c.status <> 'done' AND c.due_on < $1 AND u.path LIKE $2 \
                 ORDER BY c.due_on, c.id LIMIT $3",
            )
            .bind(today)
            .bind(prefix)
            .bind(limit)
            .fetch_all(pool)
            .await?
        }))
    }

    /// How many findings of the boards of a subtree wait for their answer after `today`, per
    /// unit holding the board, in the units' order.
    pub async fn overdue_finding_counts(&self, unit_path: &str, today: NaiveDate) -> Result<Vec<OverdueCountRow>> {
        self.overdue_counts(FINDING_COUNTS, unit_path, today).await
    }

    /// How many commitments of the dialogues of a subtree are not done after `today`, per unit
    /// holding the dialogue, in the units' order.
    pub async fn overdue_commitment_counts(&self, unit_path: &str, today: NaiveDate) -> Result<Vec<OverdueCountRow>> {
        self.overdue_counts(COMMITMENT_COUNTS, unit_path, today).await
    }

    async fn overdue_counts(
        &self,
        sql: &'static str,
        unit_path: &str,
        today: NaiveDate,
    ) -> Result<Vec<OverdueCountRow>> {
        let prefix = format!("{unit_path}%");
        Ok(dispatch!(self, read, pool => {
            sqlx::query_as(sql).bind(today).bind(prefix).fetch_all(pool).await?
        }))
    }
}
