//! Real databases for tests: a fresh SQLite file, and a fresh PostgreSQL database per test
//! on the server named by `PG_DATABASE_URL` (the test command starts a throwaway cluster).

use coso_store::Store;

pub struct TestDb {
    pub store: Store,
    _dir: Option<tempfile::TempDir>,
}

pub async fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("coso.db").display());
    let store = Store::connect(&url).await.expect("open sqlite");
    store.migrate().await.expect("migrate sqlite");
    TestDb { store, _dir: Some(dir) }
}

/// A fresh PostgreSQL database, or `None` when no server is configured outside CI.
pub async fn postgres() -> Option<TestDb> {
    let Ok(base) = std::env::var("PG_DATABASE_URL") else {
        assert!(
            std::env::var("CI").is_err(),
            "PG_DATABASE_URL must be set in CI: the PostgreSQL half of the suite would not run"
        );
        eprintln!("PG_DATABASE_URL is not set: skipping the PostgreSQL half of this test");
        return None;
    };
    let name = format!("coso_test_{}", std::process::id()) + &format!("_{:x}", rand_suffix());
    let admin = Store::connect(&base).await.expect("connect to PostgreSQL");
    admin.execute_admin(&format!("CREATE DATABASE {name}")).await.expect("create test database");
    admin.close().await;
    let url = match base.rfind('/') {
        Some(i) => format!("{}/{name}", &base[..i]),
        None => panic!("PG_DATABASE_URL has no database part"),
    };
    let store = Store::connect(&url).await.expect("connect to test database");
    store.migrate().await.expect("migrate postgres");
    Some(TestDb { store, _dir: None })
}

fn rand_suffix() -> u64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(0) ^ (n << 48)
}

/// Runs the async test body `$case(&Store)` once on SQLite and once on PostgreSQL.
#[macro_export]
macro_rules! on_both {
    ($($name:ident => $case:ident),* $(,)?) => {
        mod sqlite_backend {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let db = $crate::support::sqlite().await;
                    super::$case(&db.store).await;
                }
            )*
        }
        mod postgres_backend {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if let Some(db) = $crate::support::postgres().await {
                        super::$case(&db.store).await;
                    }
                }
            )*
        }
    };
}
