//! A SQLite database as a file: a consistent copy of a running database (`VACUUM INTO`), the
//! checks that a file is a coso database, and replacing the configured database by a copy.
//!
//! Every copy is written under a temporary name beside its destination, synced to disk and
//! then renamed, so a crash leaves the old file or the new one, never half of one.

use std::path::{Path, PathBuf};
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection, SqliteLockingMode};
use sqlx::{ConnectOptions, Connection};

use crate::connect::SQLITE_MIGRATOR;

/// What can go wrong with a database file; the messages are shown to the administrator.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("không có cơ sở dữ liệu SQLite tại {0}")]
    Missing(PathBuf),
    #[error("{0} đã có; thêm --force để ghi đè")]
    Exists(PathBuf),
    #[error("{0} là chính cơ sở dữ liệu đang dùng; hãy chọn tệp khác")]
    SameFile(PathBuf),
    #[error("{0} không phải là cơ sở dữ liệu SQLite đọc được: {1}")]
    Unreadable(PathBuf, String),
    #[error("{0} bị hỏng (PRAGMA integrity_check): {1}")]
    Corrupt(PathBuf, String),
    #[error("{0} không phải là cơ sở dữ liệu coso: không có bảng migration")]
    NotCoso(PathBuf),
    #[error(
        "{path} có cấu trúc phiên bản {found}, mới hơn phiên bản {known} mà bản coso này biết; hãy dùng bản coso mới hơn"
    )]
    Newer { path: PathBuf, found: i64, known: i64 },
    #[error("{0} đang được một tiến trình khác (coso serve?) mở; hãy dừng máy chủ trước khi khôi phục")]
    InUse(PathBuf),
    #[error("{0} đang có dữ liệu; thêm --force để thay thế")]
    NotEmpty(PathBuf),
    #[error("lỗi đọc ghi tệp {0}: {1}")]
    Io(PathBuf, std::io::Error),
    #[error("lỗi cơ sở dữ liệu: {0}")]
    Database(#[from] sqlx::Error),
}

/// The rows of one table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRows {
    pub table: String,
    pub rows: i64,
}

/// A checked coso database file.
#[derive(Debug, Clone)]
pub struct FileSummary {
    pub path: PathBuf,
    pub bytes: u64,
    /// The latest migration applied to it.
    pub schema_version: i64,
    /// Every table with its row count, by name.
    pub tables: Vec<TableRows>,
}

/// The file of a `sqlite:` URL (`sqlite://path`, `sqlite:path`, options after `?` ignored).
pub fn sqlite_path(url: &str) -> Option<PathBuf> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or(rest);
    (!path.is_empty()).then(|| PathBuf::from(path))
}

/// The latest SQLite migration this build knows.
pub fn latest_sqlite_migration() -> i64 {
    SQLITE_MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

/// Copies the database at `db` into `to` while other connections (a running server) read and
/// write it: `VACUUM INTO` reads one snapshot, so the copy is consistent. Refuses an existing
/// `to` unless `overwrite`.
pub async fn backup(db: &Path, to: &Path, overwrite: bool) -> Result<FileSummary, FileError> {
    if !db.is_file() {
        return Err(FileError::Missing(db.to_path_buf()));
    }
    if to.exists() {
        if same_file(db, to) {
            return Err(FileError::SameFile(to.to_path_buf()));
        }
        if !overwrite {
            return Err(FileError::Exists(to.to_path_buf()));
        }
    }
    let mut source = open_read_only(db).await?;
    let copied = vacuum_into_then_rename(&mut source, to).await;
    source.close().await?;
    copied?;
    inspect(to).await
}

/// Checks that `file` is a sound coso database this build can open: `PRAGMA integrity_check`,
/// the migrations table, and a schema no newer than this build's.
pub async fn inspect(file: &Path) -> Result<FileSummary, FileError> {
    if !file.is_file() {
        return Err(FileError::Missing(file.to_path_buf()));
    }
    let mut conn = open_read_only(file).await?;
    let summary = summarize(&mut conn, file).await;
    conn.close().await?;
    summary
}

/// Replaces the database at `db` by a copy of the coso database `from`. Refuses while another
/// process has `db` open (it cannot take an exclusive lock) and, unless `replace_data`, when
/// `db` holds any row besides its migrations.
pub async fn restore(from: &Path, db: &Path, replace_data: bool) -> Result<FileSummary, FileError> {
    inspect(from).await?;
    if db.exists() {
        ensure_replaceable(db, replace_data).await?;
    } else if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| FileError::Io(dir.to_path_buf(), e))?;
    }
    // A write-ahead log left beside `db` would be replayed into the new file: the lock check
    // above checkpointed it into the old one, so it goes first.
    remove_if_present(&sidecar(db, "-wal"))?;
    remove_if_present(&sidecar(db, "-shm"))?;
    let mut source = open_read_only(from).await?;
    let copied = vacuum_into_then_rename(&mut source, db).await;
    source.close().await?;
    copied?;
    inspect(db).await
}

/// Takes an exclusive lock on `db`, which fails at once while any other connection has it
/// open (in WAL mode each one keeps a shared lock), and looks for data.
async fn ensure_replaceable(db: &Path, replace_data: bool) -> Result<(), FileError> {
    let opts = SqliteConnectOptions::new()
        .filename(db)
        .locking_mode(SqliteLockingMode::Exclusive)
        .busy_timeout(Duration::ZERO)
        .disable_statement_logging();
    let mut conn = opts.connect().await.map_err(|e| in_use_or(db, e))?;
    let checked = async {
        sqlx::raw_sql("BEGIN EXCLUSIVE").execute(&mut conn).await.map_err(|e| in_use_or(db, e))?;
        let has_data = !replace_data && holds_rows(&mut conn).await?;
        sqlx::raw_sql("COMMIT").execute(&mut conn).await?;
        if has_data {
            return Err(FileError::NotEmpty(db.to_path_buf()));
        }
        Ok(())
    }
    .await;
    conn.close().await?;
    checked
}

fn in_use_or(db: &Path, e: sqlx::Error) -> FileError {
    // SQLITE_BUSY (5) or SQLITE_LOCKED (6), with or without an extended code.
    let primary = |c: &str| c.parse::<i32>().map(|c| c & 0xff).ok();
    let busy = matches!(&e, sqlx::Error::Database(d) if matches!(d.code().as_deref().and_then(primary), Some(5 | 6)));
    if busy { FileError::InUse(db.to_path_buf()) } else { FileError::Database(e) }
}

async fn holds_rows(conn: &mut SqliteConnection) -> Result<bool, FileError> {
    for table in tables(conn).await? {
        if table.starts_with("_sqlx") {
            continue;
        }
        let sql = format!("SELECT EXISTS (SELECT 1 FROM {})", quote_ident(&table));
        let any: bool = sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_one(&mut *conn).await?;
        if any {
            return Ok(true);
        }
    }
    Ok(false)
}

async fn open_read_only(file: &Path) -> Result<SqliteConnection, FileError> {
    SqliteConnectOptions::new()
        .filename(file)
        .read_only(true)
        .busy_timeout(Duration::from_secs(10))
        .disable_statement_logging()
        .connect()
        .await
        .map_err(|e| FileError::Unreadable(file.to_path_buf(), e.to_string()))
}

/// `VACUUM INTO` a temporary file beside `to`, synced, then renamed onto `to`.
async fn vacuum_into_then_rename(source: &mut SqliteConnection, to: &Path) -> Result<(), FileError> {
    let name = to.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "coso.db".into());
    let temp = to.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let result = async {
        remove_if_present(&temp)?;
        let temp_text = temp.to_str().ok_or_else(|| {
            FileError::Io(
                temp.clone(),
                std::io::Error::new(std::io::ErrorKind::InvalidInput, "tên tệp không phải UTF-8"),
            )
        })?;
        sqlx::query("VACUUM INTO $1").bind(temp_text).execute(&mut *source).await?;
        sync_file(&temp)?;
        std::fs::rename(&temp, to).map_err(|e| FileError::Io(to.to_path_buf(), e))?;
        sync_dir(to.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new(".")))?;
        Ok(())
    }
    .await;
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

async fn summarize(conn: &mut SqliteConnection, file: &Path) -> Result<FileSummary, FileError> {
    let problems: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| FileError::Unreadable(file.to_path_buf(), e.to_string()))?;
    if problems != ["ok"] {
        return Err(FileError::Corrupt(file.to_path_buf(), problems.join("; ")));
    }
    let names = tables(conn).await?;
    if !names.iter().any(|t| t == "_sqlx_migrations") {
        return Err(FileError::NotCoso(file.to_path_buf()));
    }
    let found: Option<i64> =
        sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success").fetch_one(&mut *conn).await?;
    let found = found.unwrap_or(0);
    let known = latest_sqlite_migration();
    if found > known {
        return Err(FileError::Newer { path: file.to_path_buf(), found, known });
    }
    let mut tables = Vec::with_capacity(names.len());
    for table in names {
        let sql = format!("SELECT COUNT(*) FROM {}", quote_ident(&table));
        let rows: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_one(&mut *conn).await?;
        tables.push(TableRows { table, rows });
    }
    let bytes = std::fs::metadata(file).map_err(|e| FileError::Io(file.to_path_buf(), e))?.len();
    Ok(FileSummary { path: file.to_path_buf(), bytes, schema_version: found, tables })
}

/// The tables of the database, by name (SQLite's own excepted).
async fn tables(conn: &mut SqliteConnection) -> Result<Vec<String>, FileError> {
    Ok(sqlx::query_scalar(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .fetch_all(conn)
    .await?)
}

pub(crate) fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn same_file(a: &Path, b: &Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
}

fn sidecar(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn remove_if_present(p: &Path) -> Result<(), FileError> {
    match std::fs::remove_file(p) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(FileError::Io(p.to_path_buf(), e)),
    }
}

fn sync_file(p: &Path) -> Result<(), FileError> {
    std::fs::File::open(p).and_then(|f| f.sync_all()).map_err(|e| FileError::Io(p.to_path_buf(), e))
}

/// Makes a rename in `dir` durable.
fn sync_dir(dir: &Path) -> Result<(), FileError> {
    std::fs::File::open(dir).and_then(|f| f.sync_all()).map_err(|e| FileError::Io(dir.to_path_buf(), e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_of_a_sqlite_url() {
        assert_eq!(sqlite_path("sqlite://./data/coso.db"), Some(PathBuf::from("./data/coso.db")));
        assert_eq!(sqlite_path("sqlite:/var/lib/coso.db?mode=rwc"), Some(PathBuf::from("/var/lib/coso.db")));
        assert_eq!(sqlite_path("postgres://h/db"), None);
        assert_eq!(sqlite_path("sqlite://"), None);
    }

    #[test]
    fn identifiers_are_quoted() {
        assert_eq!(quote_ident("unit"), "\"unit\"");
        assert_eq!(quote_ident("a\"b"), "\"a\"\"b\"");
    }
}
