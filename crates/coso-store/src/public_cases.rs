//! The public side of citizen cases: what a case sent by a resident carries besides the case
//! (its place, its photos; written by `Store::insert_case`), the published petitions of a
//! unit's subtree, the ratings per unit and the Open311 lists. None of these reads touches
//! the sender's identity.

use chrono::{DateTime, NaiveDate, Utc};
use coso_domain::CaseId;
use coso_domain::case::CaseStatus;
use serde::Serialize;

use crate::codes::Code;
use crate::dispatch::dispatch;
use crate::rows::word_prefix_pattern;
use crate::{Result, Store};

/// Where a petition is about, and the photo link an Open311 client gave.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CasePlace {
    pub place: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub media_url: Option<String>,
}

/// A file written with a new case (a petition's photo, the desk's scanned letter), already
/// checked and cleaned of its metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntakeFile {
    pub file_name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
    /// A denouncer's handwriting: only cleared readers.
    pub identity: bool,
    /// Shown with a published petition.
    pub public: bool,
}

/// A published petition as the public list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct PublishedRow {
    pub id: i64,
    pub code: String,
    pub unit_id: i64,
    pub unit_name: String,
    pub category: String,
    #[sqlx(try_from = "Code<CaseStatus>")]
    pub status: CaseStatus,
    pub received_on: NaiveDate,
    pub answered_on: Option<NaiveDate>,
    pub content: String,
    pub public_answer: Option<String>,
    pub place: Option<String>,
    pub rating: Option<i64>,
}

/// The filters of the public list.
#[derive(Debug, Clone, Default)]
pub struct PublishedFilter {
    /// The materialized path of the unit whose subtree is listed.
    pub unit_path: String,
    pub category: Option<String>,
    pub status: Option<CaseStatus>,
    /// Words typed, matched without diacritics at word starts.
    pub q: Option<String>,
    pub limit: i64,
    pub offset: i64,
}

/// A petition as Open311 shows it: its place only when it was published.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct Open311Row {
    pub code: String,
    pub unit_id: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub category: String,
    #[sqlx(try_from = "Code<CaseStatus>")]
    pub status: CaseStatus,
    pub content: String,
    pub publish: bool,
    pub public_answer: Option<String>,
    pub place: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub media_url: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The filters of Open311's `GET requests.json`.
#[derive(Debug, Clone, Default)]
pub struct Open311Filter {
    /// Only these tracking codes (as stored).
    pub codes: Vec<String>,
    /// The unit's own petitions (the jurisdiction), by its id.
    pub unit_id: Option<i64>,
    pub category: Option<String>,
    /// `Some(true)`: open ones; `Some(false)`: closed ones.
    pub open: Option<bool>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub limit: i64,
}

/// The ratings of the petitions of a unit's subtree.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct RatingSummary {
    pub count: i64,
    pub average: Option<f64>,
}

const OPEN311_SELECT: &str = "SELECT c.code, c.unit_id, u.code AS unit_code, u.name AS unit_name, c.category, c.status, c.content, \
    c.publish, c.public_answer, c.place, c.latitude, c.longitude, c.media_url, c.created_at, c.updated_at \
    FROM citizen_case c JOIN unit u ON u.id = c.unit_id ";

impl Store {
    /// The files of a case (name, content type, bytes), oldest first.
    pub async fn case_file_contents(&self, id: CaseId) -> Result<Vec<(String, String, Vec<u8>)>> {
        let rows = dispatch!(self, read, pool => {
            sqlx::query_as("SELECT file_name, content_type, data FROM case_file WHERE case_id = $1 ORDER BY id")
                .bind(id.0)
                .fetch_all(pool)
                .await?
        });
        Ok(rows)
    }

    /// The published petitions of a unit's subtree, newest first: one page, and whether
    /// another follows (one more row is read than shown).
    pub async fn published_petitions(&self, f: &PublishedFilter) -> Result<(Vec<PublishedRow>, bool)> {
        let prefix = format!("{}%", f.unit_path);
        let pattern = word_prefix_pattern(&f.q.as_deref().map(coso_text::fold).unwrap_or_default());
        let limit = f.limit.clamp(1, 100);
        let mut rows = dispatch!(self, read, pool => {
            sqlx::query_as::<_, PublishedRow>(
                "SELECT c.id, c.code, c.unit_id, u.name AS unit_name, c.category, c.status, c.received_on, c.answered_on, \
                 c.content, c.public_answer, c.place, c.rating \
                 FROM citizen_case c JOIN unit u ON u.id = c.unit_id \
                 WHERE c.publish AND c.kind = 'petition' AND u.path LIKE $1 \
                 AND ($2 = '' OR c.category = $2) AND ($3 = '' OR c.status = $3) \
                 AND c.search_text LIKE $4 ESCAPE '\\' \
                 ORDER BY c.received_on DESC, c.id DESC LIMIT $5 OFFSET $6",
            )
            .bind(&prefix)
            .bind(f.category.as_deref().unwrap_or(""))
            .bind(f.status.map(|s| s.as_str()).unwrap_or(""))
            .bind(&pattern)
            .bind(limit + 1)
            .bind(f.offset.max(0))
            .fetch_all(pool)
            .await?
        });
        let more = rows.len() as i64 > limit;
        rows.truncate(usize::try_from(limit).unwrap_or(0));
        Ok((rows, more))
    }

    /// The ratings given to the petitions of a unit's subtree.
    pub async fn rating_summary(&self, unit_path: &str) -> Result<RatingSummary> {
        let prefix = format!("{unit_path}%");
        let (count, average): (i64, Option<f64>) = dispatch!(self, read, pool => {
            sqlx::query_as(
                "SELECT COUNT(c.rating), AVG(CAST(c.rating AS DOUBLE PRECISION)) FROM citizen_case c \
                 JOIN unit u ON u.id = c.unit_id WHERE c.rating IS NOT NULL AND u.path LIKE $1",
            )
            .bind(&prefix)
            .fetch_one(pool)
            .await?
        });
        Ok(RatingSummary { count, average })
    }

    /// Petitions for Open311's `GET requests.json`, newest first.
    pub async fn open311_requests(&self, f: &Open311Filter) -> Result<Vec<Open311Row>> {
        // The codes asked for, each its own placeholder after the eight fixed ones.
        let codes: Vec<String> = (0..f.codes.len()).map(|i| format!("${}", i + 9)).collect();
        let by_code = if codes.is_empty() { String::new() } else { format!(" AND c.code IN ({})", codes.join(", ")) };
        let sql = format!(
            "{OPEN311_SELECT} WHERE c.kind = 'petition'{by_code} \
             AND ($1 = 0 OR c.unit_id = $1) AND ($2 = '' OR c.category = $2) \
             AND ($3 = '' OR ($3 = 'open') = (c.status IN ('received', 'accepted', 'forwarded'))) \
             AND ($4 = '' OR c.created_at >= $5) AND ($6 = '' OR c.created_at <= $7) \
             ORDER BY c.created_at DESC, c.id DESC LIMIT $8"
        );
        let rows = dispatch!(self, read, pool => {
            let mut q = sqlx::query_as::<_, Open311Row>(sqlx::AssertSqlSafe(sql.clone()))
                .bind(f.unit_id.unwrap_or(0))
                .bind(f.category.clone().unwrap_or_default())
                .bind(match f.open { Some(true) => "open", Some(false) => "closed", None => "" })
                .bind(if f.from.is_some() { "y" } else { "" })
                .bind(f.from.unwrap_or_default())
                .bind(if f.to.is_some() { "y" } else { "" })
                .bind(f.to.unwrap_or_default())
                .bind(f.limit.clamp(1, 1000));
            for code in &f.codes {
                q = q.bind(code.clone());
            }
            q.fetch_all(pool).await?
        });
        Ok(rows)
    }
}
