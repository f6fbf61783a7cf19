use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use coso_domain::Clock;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};

use crate::Result;
use crate::case_categories::CaseCategoryRow;
use crate::error::StoreError;
use crate::group_commit::GroupCommit;
use crate::kept::Kept;
use crate::units::UnitRow;

pub(crate) static SQLITE_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Debug, Clone)]
pub(crate) enum Pools {
    /// SQLite allows one writer: all writes go through a one-connection pool, so a write
    /// transaction never has to upgrade a read lock (and never meets SQLITE_BUSY).
    Sqlite {
        read: SqlitePool,
        write: SqlitePool,
    },
    Postgres(PgPool),
}

/// The handle to coso's database. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) backend: Pools,
    /// Stamps rows and gives "today" for validity; the system clock unless one was handed in.
    pub(crate) clock: Clock,
    /// The case categories offered to each unit, kept a few seconds (`kept.rs`).
    pub(crate) categories: Kept<i64, Vec<CaseCategoryRow>>,
    /// Each unit's remote-area flag, kept a few seconds (`kept.rs`).
    pub(crate) remote: Kept<i64, bool>,
    /// Units by code, kept a few seconds (`kept.rs`).
    pub(crate) units_by_code: Kept<String, UnitRow>,
    /// Units by id, kept a few seconds (`kept.rs`).
    pub(crate) units_by_id: Kept<i64, UnitRow>,
    /// Short writes (petitions, comments) waiting for SQLite's writer, committed together
    /// (`group_commit.rs`).
    pub(crate) grouped: Arc<GroupCommit>,
}

impl Store {
    /// Opens `url`: `sqlite://path/to/file.db` (created if missing, with its folder) or
    /// `postgres://…`.
    pub async fn connect(url: &str) -> Result<Store> {
        if url.starts_with("sqlite:") {
            Self::connect_sqlite(url).await
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            // Many short reads at once, not one long report: a parallel plan costs more in
            // starting its workers than it saves, and takes them from the requests beside it
            // (a province's inbox of 100,000 cases: 34 ms with a parallel scan, 1.7 ms with the
            // index it would otherwise use).
            let opts = PgConnectOptions::from_str(url)?.options([("max_parallel_workers_per_gather", "0")]);
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(opts)
                .await?;
            Ok(Store {
                backend: Pools::Postgres(pool),
                clock: Clock::system(),
                categories: Kept::default(),
                remote: Kept::default(),
                units_by_code: Kept::default(),
                units_by_id: Kept::default(),
                grouped: Arc::default(),
            })
        } else {
            Err(StoreError::UnsupportedUrl)
        }
    }

    async fn connect_sqlite(url: &str) -> Result<Store> {
        let path = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
        let path = path.split('?').next().unwrap_or(path);
        if let Some(dir) = std::path::Path::new(path).parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir).map_err(sqlx::Error::Io)?;
        }
        let opts = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            .pragma("cache_size", "-16000")
            .pragma("temp_store", "memory");
        let write = SqlitePoolOptions::new().max_connections(1).min_connections(1).connect_with(opts.clone()).await?;
        // A read hands back a whole page (at most 200 rows) without the connection's worker
        // thread stopping to wait for the caller (sqlx buffers 50 rows by default).
        let read = SqlitePoolOptions::new()
            .max_connections(8)
            .min_connections(1)
            .connect_with(opts.read_only(true).row_buffer_size(256))
            .await?;
        Ok(Store {
            backend: Pools::Sqlite { read, write },
            clock: Clock::system(),
            categories: Kept::default(),
            remote: Kept::default(),
            units_by_code: Kept::default(),
            units_by_id: Kept::default(),
            grouped: Arc::default(),
        })
    }

    /// The same database, stamping rows with `clock` (the application's one clock).
    pub fn with_clock(mut self, clock: Clock) -> Store {
        self.clock = clock;
        self
    }

    /// The clock this store stamps rows with.
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    pub fn backend(&self) -> Backend {
        match self.backend {
            Pools::Sqlite { .. } => Backend::Sqlite,
            Pools::Postgres(_) => Backend::Postgres,
        }
    }

    /// Applies the backend's pending migrations.
    pub async fn migrate(&self) -> Result<()> {
        match &self.backend {
            Pools::Sqlite { write, .. } => SQLITE_MIGRATOR.run(write).await?,
            Pools::Postgres(pool) => POSTGRES_MIGRATOR.run(pool).await?,
        }
        // The catalogue of required disclosures is data shipped with the binary.
        let catalogue = coso_domain::disclosure::Catalogue::current()
            .map_err(|e| StoreError::Database(sqlx::Error::Decode(e.to_string().into())))?;
        self.sync_disclosure_catalogue(&catalogue).await?;
        Ok(())
    }

    /// Whether the database answers (for `/healthz`).
    pub async fn ping(&self) -> Result<()> {
        crate::dispatch::dispatch!(self, read, pool => {
            sqlx::query("SELECT 1").execute(pool).await?;
        });
        Ok(())
    }

    /// Closes every connection (graceful shutdown; SQLite checkpoints the WAL).
    pub async fn close(&self) {
        match &self.backend {
            Pools::Sqlite { read, write } => {
                read.close().await;
                write.close().await;
            }
            Pools::Postgres(pool) => pool.close().await,
        }
    }

    /// The tables and columns of the schema, for the test that both backends agree.
    pub async fn schema_columns(&self) -> Result<Vec<(String, String)>> {
        let rows: Vec<(String, String)> = match &self.backend {
            Pools::Sqlite { read, .. } => {
                sqlx::query_as(
                    "SELECT m.name, p.name FROM sqlite_schema m JOIN pragma_table_info(m.name) p \
                     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%' ORDER BY 1, 2",
                )
                .fetch_all(read)
                .await?
            }
            Pools::Postgres(pool) => {
                sqlx::query_as(
                    "SELECT table_name::text, column_name::text FROM information_schema.columns \
                     WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx%' ORDER BY 1, 2",
                )
                .fetch_all(pool)
                .await?
            }
        };
        Ok(rows)
    }
}

impl Store {
    /// Runs one administrative statement (tests create their databases with it).
    #[doc(hidden)]
    pub async fn execute_admin(&self, sql: &str) -> Result<()> {
        crate::dispatch::dispatch!(self, write, pool => {
            sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_string())).execute(pool).await?;
        });
        self.forget_kept();
        Ok(())
    }

    /// Forgets the rows kept in memory (`kept.rs`), after a change to units, categories or flags.
    pub(crate) fn forget_kept(&self) {
        self.units_by_code.forget();
        self.units_by_id.forget();
        self.categories.forget();
        self.remote.forget();
    }
}
