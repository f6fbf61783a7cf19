//! A fingerprint of every table's content, to tell whether two databases hold the same data
//! (a backup and its restore, on SQLite or PostgreSQL).

use sha2::{Digest, Sha256};

use crate::Result;
use crate::connect::{Pools, Store};
use crate::sqlite_file::quote_ident;

/// One table: its row count and the SHA-256 of its rows as text, in sorted order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableDigest {
    pub table: String,
    pub rows: i64,
    pub sha256: String,
}

impl Store {
    /// Every table of the schema (the migrations' own included), by name, with its digest.
    pub async fn table_digests(&self) -> Result<Vec<TableDigest>> {
        let mut out = Vec::new();
        match &self.backend {
            Pools::Sqlite { read, .. } => {
                let tables: Vec<String> = sqlx::query_scalar(
                    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
                )
                .fetch_all(read)
                .await?;
                for table in tables {
                    let columns: Vec<String> =
                        sqlx::query_scalar("SELECT name FROM pragma_table_info($1) ORDER BY cid")
                            .bind(&table)
                            .fetch_all(read)
                            .await?;
                    // quote() renders every value, blobs included, as an unambiguous literal.
                    let row = columns.iter().map(|c| format!("quote({})", quote_ident(c))).collect::<Vec<_>>();
                    let sql = format!("SELECT {} FROM {} ORDER BY 1", row.join(" || ',' || "), quote_ident(&table));
                    let rows: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_all(read).await?;
                    out.push(digest(table, rows));
                }
            }
            Pools::Postgres(pool) => {
                let tables: Vec<String> = sqlx::query_scalar(
                    "SELECT table_name::text FROM information_schema.tables \
                     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
                )
                .fetch_all(pool)
                .await?;
                for table in tables {
                    let sql = format!("SELECT t::text FROM {} t ORDER BY 1", quote_ident(&table));
                    let rows: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_all(pool).await?;
                    out.push(digest(table, rows));
                }
            }
        }
        Ok(out)
    }
}

fn digest(table: String, rows: Vec<String>) -> TableDigest {
    let mut hash = Sha256::new();
    for row in &rows {
        hash.update(row.as_bytes());
        hash.update(b"\n");
    }
    let sha256 = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    TableDigest { table, rows: rows.len() as i64, sha256 }
}
