//! A migrated database for one test, on either backend.

use coso_store::Store;
use tempfile::TempDir;

use crate::backend::Backend;
use crate::postgres::PgDatabase;

/// A fresh, migrated database and an open store on it. Dropping it removes the database.
pub struct TestDb {
    pub store: Store,
    /// The URL of the database, for a second pool or a `coso` process.
    pub url: String,
    pub backend: Backend,
    _place: Place,
}

/// What holds the data, removed on drop.
enum Place {
    Sqlite { _dir: TempDir },
    Postgres { _database: PgDatabase },
}

impl TestDb {
    /// A fresh SQLite file in a temp folder.
    pub async fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("coso.db").display());
        Self::open(url, Backend::Sqlite, Place::Sqlite { _dir: dir }).await
    }

    /// A fresh PostgreSQL database, or `None` when no server is configured outside CI.
    pub async fn postgres() -> Option<TestDb> {
        let db = PgDatabase::create().await?;
        Some(Self::open(db.url().to_string(), Backend::Postgres, Place::Postgres { _database: db }).await)
    }

    /// A fresh database on `backend`, or `None` when that backend is not available.
    pub async fn on(backend: Backend) -> Option<TestDb> {
        match backend {
            Backend::Sqlite => Some(Self::sqlite().await),
            Backend::Postgres => Self::postgres().await,
        }
    }

    async fn open(url: String, backend: Backend, place: Place) -> TestDb {
        let store = Store::connect(&url).await.expect("open the test database");
        store.migrate().await.expect("migrate the test database");
        TestDb { store, url, backend, _place: place }
    }
}
