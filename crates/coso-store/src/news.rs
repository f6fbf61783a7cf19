//! A unit's news posts and their images. Drafts are read only by the unit's officials (the
//! use cases ask for them with `published_only = false`); every change writes its audit row in
//! its transaction.

use chrono::{DateTime, NaiveDate, Utc};
use coso_domain::authz::{Action, Permit};
use coso_domain::dissemination::{NewsData, NewsStatus};
use serde::Serialize;

use crate::audit::{Actor, AuditEntry, write_audit};
use crate::codes::Code;
use crate::dispatch::dispatch;
use crate::error::StoreError;
use crate::rows::search_text;
use crate::units::UnitRow;
use crate::{Result, Store};

/// A stored post, with how many images it has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct NewsRow {
    pub id: i64,
    pub unit_id: i64,
    pub title: String,
    pub body: String,
    pub category: String,
    #[sqlx(try_from = "Code<NewsStatus>")]
    pub status: NewsStatus,
    pub published_on: Option<NaiveDate>,
    pub updated_at: DateTime<Utc>,
    pub images: i64,
}

/// An image of a post, its metadata already removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewsImage {
    pub file_name: String,
    pub content_type: String,
    pub data: Vec<u8>,
}

/// Which posts of a unit a list shows.
#[derive(Debug, Clone, Default)]
pub struct NewsFilter {
    /// Only published posts (the public side).
    pub published_only: bool,
    /// Only this category (as written).
    pub category: Option<String>,
    /// Words that must appear in the title or body, folded (without diacritics).
    pub search: Option<String>,
    pub offset: i64,
    pub limit: i64,
}

const SELECT: &str = "SELECT p.id, p.unit_id, p.title, p.body, p.category, p.status, p.published_on, p.updated_at, \
    (SELECT COUNT(*) FROM news_image i WHERE i.post_id = p.id) AS images FROM news_post p ";

/// A LIKE pattern finding `needle` (already folded) anywhere, with LIKE's wildcards escaped.
pub(crate) fn contains_pattern(needle: &str) -> String {
    let mut p = String::from("%");
    for c in needle.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

fn check(permit: &Permit, unit: &UnitRow) -> Result<()> {
    crate::audit::require(permit, Action::Disseminate, unit)
}

fn post_json(d: &NewsData) -> serde_json::Value {
    serde_json::json!({ "title": d.title, "news_category": d.category, "body_chars": d.body.chars().count() })
}

impl Store {
    /// Writes a new draft with its images.
    pub async fn create_news(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        d: &NewsData,
        images: &[NewsImage],
        actor: &Actor,
    ) -> Result<i64> {
        check(permit, unit)?;
        let now = self.clock.now();
        let search = search_text(&[&d.title, &d.body]);
        let id = dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO news_post (unit_id, title, body, category, status, published_on, search_text, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, NULL, $6, $7, $7) RETURNING id",
            )
            .bind(unit.id)
            .bind(&d.title)
            .bind(&d.body)
            .bind(&d.category)
            .bind(NewsStatus::Draft.as_str())
            .bind(&search)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            for (position, image) in images.iter().enumerate() {
                sqlx::query("INSERT INTO news_image (post_id, position, file_name, content_type, data) VALUES ($1, $2, $3, $4, $5)")
                    .bind(id)
                    .bind(i64::try_from(position).unwrap_or(i64::MAX))
                    .bind(&image.file_name)
                    .bind(&image.content_type)
                    .bind(&image.data)
                    .execute(&mut *tx)
                    .await?;
            }
            let entry = AuditEntry {
                action: "news.create",
                entity: "news_post",
                entity_id: id.to_string(),
                unit_id: Some(unit.unit_id()),
                before: None,
                after: Some(post_json(d)),
            };
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    /// Changes a post's texts and adds images after those it has; a post of another unit is
    /// not found.
    pub async fn update_news(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        id: i64,
        d: &NewsData,
        images: &[NewsImage],
        actor: &Actor,
    ) -> Result<()> {
        check(permit, unit)?;
        let before = self.news_post(unit, id, false).await?.ok_or(StoreError::NotFound)?;
        let now = self.clock.now();
        let search = search_text(&[&d.title, &d.body]);
        let entry = AuditEntry {
            action: "news.update",
            entity: "news_post",
            entity_id: id.to_string(),
            unit_id: Some(unit.unit_id()),
            before: Some(serde_json::json!({ "title": before.title, "news_category": before.category })),
            after: Some(post_json(d)),
        };
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("UPDATE news_post SET title = $1, body = $2, category = $3, search_text = $4, updated_at = $5 WHERE id = $6 AND unit_id = $7")
                .bind(&d.title)
                .bind(&d.body)
                .bind(&d.category)
                .bind(&search)
                .bind(now)
                .bind(id)
                .bind(unit.id)
                .execute(&mut *tx)
                .await?;
            let first = before.images;
            for (n, image) in images.iter().enumerate() {
                sqlx::query("INSERT INTO news_image (post_id, position, file_name, content_type, data) VALUES ($1, $2, $3, $4, $5)")
                    .bind(id)
                    .bind(first + i64::try_from(n).unwrap_or(i64::MAX - first))
                    .bind(&image.file_name)
                    .bind(&image.content_type)
                    .bind(&image.data)
                    .execute(&mut *tx)
                    .await?;
            }
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Publishes a post (dated `on` the first time) or takes it back to a draft.
    pub async fn set_news_status(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        id: i64,
        status: NewsStatus,
        on: NaiveDate,
        actor: &Actor,
    ) -> Result<()> {
        check(permit, unit)?;
        let before = self.news_post(unit, id, false).await?.ok_or(StoreError::NotFound)?;
        let now = self.clock.now();
        let entry = AuditEntry {
            action: match status {
                NewsStatus::Published => "news.publish",
                NewsStatus::Draft => "news.unpublish",
            },
            entity: "news_post",
            entity_id: id.to_string(),
            unit_id: Some(unit.unit_id()),
            before: Some(serde_json::json!({ "status": before.status.as_str() })),
            after: Some(serde_json::json!({ "status": status.as_str(), "title": before.title })),
        };
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "UPDATE news_post SET status = $1, published_on = CASE WHEN $1 = 'published' THEN COALESCE(published_on, $2) ELSE published_on END, \
                 updated_at = $3 WHERE id = $4 AND unit_id = $5",
            )
            .bind(status.as_str())
            .bind(on)
            .bind(now)
            .bind(id)
            .bind(unit.id)
            .execute(&mut *tx)
            .await?;
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Removes the image at `position` of a post of `unit`; the images after it move up one
    /// place, so that positions stay 0..n without a gap. A missing image is not found.
    pub async fn remove_news_image(
        &self,
        permit: &Permit,
        unit: &UnitRow,
        id: i64,
        position: i64,
        actor: &Actor,
    ) -> Result<()> {
        check(permit, unit)?;
        let before = self.news_post(unit, id, false).await?.ok_or(StoreError::NotFound)?;
        let now = self.clock.now();
        let entry = AuditEntry {
            action: "news.image_remove",
            entity: "news_post",
            entity_id: id.to_string(),
            unit_id: Some(unit.unit_id()),
            before: Some(serde_json::json!({ "title": before.title, "images": before.images, "position": position })),
            after: Some(serde_json::json!({ "images": before.images - 1 })),
        };
        dispatch!(self, write, pool => {
            let mut tx = pool.begin().await?;
            let removed = sqlx::query("DELETE FROM news_image WHERE post_id = $1 AND position = $2")
                .bind(id)
                .bind(position)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if removed == 0 {
                return Err(StoreError::NotFound);
            }
            // Two steps through negative positions: the unique (post, position) index would
            // refuse a shift done one row at a time.
            sqlx::query("UPDATE news_image SET position = -position WHERE post_id = $1 AND position > $2")
                .bind(id)
                .bind(position)
                .execute(&mut *tx)
                .await?;
            sqlx::query("UPDATE news_image SET position = -position - 1 WHERE post_id = $1 AND position < 0")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("UPDATE news_post SET updated_at = $1 WHERE id = $2")
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            write_audit!(&mut *tx, now, actor, &entry)?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// A post of `unit`; with `published_only`, a draft is not found.
    pub async fn news_post(&self, unit: &UnitRow, id: i64, published_only: bool) -> Result<Option<NewsRow>> {
        let row = dispatch!(self, read, pool => {
            sqlx::query_as::<_, NewsRow>(sqlx::AssertSqlSafe(format!(
                "{SELECT} WHERE p.id = $1 AND p.unit_id = $2 AND ($3 = 0 OR p.status = 'published')"
            )))
            .bind(id)
            .bind(unit.id)
            .bind(i64::from(published_only))
            .fetch_optional(pool)
            .await?
        });
        Ok(row)
    }

    /// A page of a unit's posts: published ones newest first, then drafts by their last change.
    pub async fn news_list(&self, unit: &UnitRow, f: &NewsFilter) -> Result<Vec<NewsRow>> {
        let category = f.category.clone().unwrap_or_default();
        let pattern = contains_pattern(f.search.as_deref().unwrap_or(""));
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, NewsRow>(sqlx::AssertSqlSafe(format!(
                "{SELECT} WHERE p.unit_id = $1 AND ($2 = 0 OR p.status = 'published') AND ($3 = '' OR p.category = $3) \
                 AND p.search_text LIKE $4 ESCAPE '\\' \
                 ORDER BY p.published_on IS NULL, p.published_on DESC, p.updated_at DESC, p.id DESC LIMIT $5 OFFSET $6"
            )))
            .bind(unit.id)
            .bind(i64::from(f.published_only))
            .bind(&category)
            .bind(&pattern)
            .bind(f.limit)
            .bind(f.offset)
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// The categories a unit's posts use (published ones only with `published_only`).
    pub async fn news_categories(&self, unit: &UnitRow, published_only: bool) -> Result<Vec<String>> {
        let rows: Vec<String> = dispatch!(self, read, pool => {
            sqlx::query_scalar(
                "SELECT DISTINCT category FROM news_post WHERE unit_id = $1 AND ($2 = 0 OR status = 'published')",
            )
            .bind(unit.id)
            .bind(i64::from(published_only))
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }

    /// The image at `position` of a post of `unit`; of a draft only without `published_only`.
    pub async fn news_image(
        &self,
        unit: &UnitRow,
        post: i64,
        position: i64,
        published_only: bool,
    ) -> Result<Option<NewsImage>> {
        let row: Option<(String, String, Vec<u8>)> = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT i.file_name, i.content_type, i.data FROM news_image i JOIN news_post p ON p.id = i.post_id \
                 WHERE i.post_id = $1 AND i.position = $2 AND p.unit_id = $3 AND ($4 = 0 OR p.status = 'published')",
            )
            .bind(post)
            .bind(position)
            .bind(unit.id)
            .bind(i64::from(published_only))
            .fetch_optional(pool)
            .await?
        });
        Ok(row.map(|(file_name, content_type, data)| NewsImage { file_name, content_type, data }))
    }
}
