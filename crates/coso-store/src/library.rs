//! A unit's legal library: documents with their number, date, issuer, expiry and file. The
//! public side reads the documents of a unit and of every unit above it.

use chrono::NaiveDate;
use coso_domain::authz::{Action, Permit};
use coso_domain::dissemination::{LibraryData, LibraryKind};
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::codes::Code;
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::news::contains_pattern;
use crate::rows::search_text;
use crate::units::UnitRow;
use crate::{Result, Store};

/// A stored document without its file's bytes, with the name of the unit that keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct LibraryRow {
    pub id: i64,
    pub unit_id: i64,
    pub unit_code: String,
    pub unit_name: String,
    #[sqlx(try_from = "Code<LibraryKind>")]
    pub kind: LibraryKind,
    pub number: String,
    pub title: String,
    pub issued_on: NaiveDate,
    pub issuer: String,
    pub expires_on: Option<NaiveDate>,
    pub file_name: Option<String>,
    pub content_type: Option<String>,
}

/// A document's file: its name, type and bytes, and the text read from it (empty when it
/// could not be read, as for a PDF).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryFile {
    pub file_name: String,
    pub content_type: String,
    pub data: Vec<u8>,
    pub text: String,
}

/// Which documents a list shows.
#[derive(Debug, Clone, Default)]
pub struct LibraryFilter {
    pub kind: Option<LibraryKind>,
    /// Words to find in the number, title, issuer or file text, folded.
    pub search: Option<String>,
    pub offset: i64,
    pub limit: i64,
}

const SELECT: &str = "SELECT d.id, d.unit_id, u.code AS unit_code, u.name AS unit_name, d.kind, d.number, d.title, \
    d.issued_on, d.issuer, d.expires_on, d.file_name, d.content_type FROM library_document d JOIN unit u ON u.id = d.unit_id ";

/// A file's columns as stored: name, content type, bytes (all NULL for a document without one).
type StoredFile = (Option<String>, Option<String>, Option<Vec<u8>>);

fn check(permit: &Permit, unit: &UnitRow) -> Result<()> {
    crate::audit::require(permit, Action::Disseminate, unit)
}

/// `1, 4, 9`: ids written into a query as a list (numbers only).
fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")
}

impl Store {
    /// Adds a document to a unit's library.
    pub async fn add_library_document(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        d: &LibraryData,
        file: Option<&LibraryFile>,
        actor: &Actor,
    ) -> Result<i64> {
        check(permit, unit)?;
        let now = self.clock.now();
        let text = file.map_or("", |f| f.text.as_str());
        let search = search_text(&[&d.number, &d.title, &d.issuer, text]);
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO library_document (unit_id, kind, number, title, issued_on, issuer, expires_on, file_name, content_type, data, search_text, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
            )
            .bind(unit.id)
            .bind(d.kind.as_str())
            .bind(&d.number)
            .bind(&d.title)
            .bind(d.issued_on)
            .bind(&d.issuer)
            .bind(d.expires_on)
            .bind(file.map(|f| f.file_name.clone()))
            .bind(file.map(|f| f.content_type.clone()))
            .bind(file.map(|f| f.data.clone()))
            .bind(&search)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let entry = AuditEntry {
                action: "library.add",
                entity: "library_document",
                entity_id: id.to_string(),
                unit_id: Some(unit.unit_id()),
                before: None,
                after: Some(serde_json::json!({ "kind": d.kind.as_str(), "number": d.number, "title": d.title,
                    "expires_on": d.expires_on, "file": file.map(|f| f.file_name.clone()) })),
            };
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    /// Sets or clears the day a document of the unit lapses.
    pub async fn set_library_expiry(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        id: i64,
        expires_on: Option<NaiveDate>,
        actor: &Actor,
    ) -> Result<()> {
        check(permit, unit)?;
        let before = self.library_document(&[unit.id], id).await?.ok_or(StoreError::NotFound)?;
        if before.unit_id != unit.id {
            return Err(StoreError::NotFound);
        }
        let now = self.clock.now();
        let entry = AuditEntry {
            action: "library.expire",
            entity: "library_document",
            entity_id: id.to_string(),
            unit_id: Some(unit.unit_id()),
            before: Some(serde_json::json!({ "expires_on": before.expires_on })),
            after: Some(serde_json::json!({ "expires_on": expires_on, "number": before.number })),
        };
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("UPDATE library_document SET expires_on = $1 WHERE id = $2 AND unit_id = $3")
                .bind(expires_on)
                .bind(id)
                .bind(unit.id)
                .execute(&mut *tx)
                .await?;
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Removes a document of the unit from its library.
    pub async fn remove_library_document(&self, permit: &Permit, unit: &UnitRow, id: i64, actor: &Actor) -> Result<()> {
        check(permit, unit)?;
        let before = self.library_document(&[unit.id], id).await?.ok_or(StoreError::NotFound)?;
        let now = self.clock.now();
        let entry = AuditEntry {
            action: "library.remove",
            entity: "library_document",
            entity_id: id.to_string(),
            unit_id: Some(unit.unit_id()),
            before: Some(serde_json::json!({ "number": before.number, "title": before.title })),
            after: None,
        };
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM library_document WHERE id = $1 AND unit_id = $2")
                .bind(id)
                .bind(unit.id)
                .execute(&mut *tx)
                .await?;
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// A page of the documents kept by any of `units`, the latest issued first.
    pub async fn library_documents(&self, units: &[i64], f: &LibraryFilter) -> Result<Vec<LibraryRow>> {
        if units.is_empty() {
            return Ok(Vec::new());
        }
        let kind = f.kind.map_or("", LibraryKind::as_str);
        let pattern = contains_pattern(f.search.as_deref().unwrap_or(""));
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, LibraryRow>(sqlx::AssertSqlSafe(format!(
                "{SELECT} WHERE d.unit_id IN ({}) AND ($1 = '' OR d.kind = $1) AND d.search_text LIKE $2 ESCAPE '\\' \
                 ORDER BY d.issued_on DESC, d.id DESC LIMIT $3 OFFSET $4",
                id_list(units)
            )))
            .bind(kind)
            .bind(&pattern)
            .bind(f.limit)
            .bind(f.offset)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// A document kept by one of `units`.
    pub async fn library_document(&self, units: &[i64], id: i64) -> Result<Option<LibraryRow>> {
        if units.is_empty() {
            return Ok(None);
        }
        let row = dispatch!(self, read, pool => {
            sqlx::query_as::<_, LibraryRow>(sqlx::AssertSqlSafe(format!(
                "{SELECT} WHERE d.id = $1 AND d.unit_id IN ({})",
                id_list(units)
            )))
            .bind(id)
            .fetch_optional(pool)
            .await?
        });
        Ok(row)
    }

    /// The file of a document kept by one of `units`, if it has one.
    pub async fn library_file(&self, units: &[i64], id: i64) -> Result<Option<(String, String, Vec<u8>)>> {
        if units.is_empty() {
            return Ok(None);
        }
        let row: Option<StoredFile> = dispatch!(self, read, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT file_name, content_type, data FROM library_document WHERE id = $1 AND unit_id IN ({})",
                id_list(units)
            )))
            .bind(id)
            .fetch_optional(pool)
            .await?
        });
        Ok(row.and_then(|(name, kind, data)| Some((name?, kind?, data?))))
    }
}
