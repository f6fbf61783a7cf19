//! Throwaway PostgreSQL databases on the server named by `PG_DATABASE_URL`.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use coso_store::Store;

use crate::backend::postgres_server;

/// A database created for one test, dropped when this value is: `DROP DATABASE … WITH
/// (FORCE)` closes whatever is still connected (a pool, a `coso serve` that was killed).
#[derive(Debug)]
pub struct PgDatabase {
    server: String,
    name: String,
    url: String,
}

impl PgDatabase {
    /// An empty database, or `None` when no server is configured outside CI.
    pub async fn create() -> Option<PgDatabase> {
        let server = postgres_server()?;
        let name = unique_name();
        admin(&server, &format!("CREATE DATABASE {name}")).await;
        let url = database_url(&server, &name);
        Some(PgDatabase { server, name, url })
    }

    /// The URL to connect to it.
    pub fn url(&self) -> &str {
        &self.url
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let server = self.server.clone();
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        // A thread of its own with its own runtime: a drop may run on a runtime's worker,
        // which cannot block on a future, or outside any runtime.
        let dropped = std::thread::spawn(move || -> Result<(), String> {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| e.to_string())?;
            rt.block_on(async {
                let store = Store::connect(&server).await.map_err(|e| e.to_string())?;
                let done = store.execute_admin(&sql).await.map_err(|e| e.to_string());
                store.close().await;
                done
            })
        })
        .join();
        match dropped {
            Ok(Ok(())) => {}
            Ok(Err(e)) => eprintln!("test database {} was not dropped: {e}", self.name),
            Err(_) => eprintln!("test database {} was not dropped: the dropping thread panicked", self.name),
        }
    }
}

/// Runs one statement on the server's own database.
async fn admin(server: &str, sql: &str) {
    let store = Store::connect(server).await.expect("connect to PostgreSQL");
    store.execute_admin(sql).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
    store.close().await;
}

/// Unique on this machine (process id and a counter), and across runs that reuse a process
/// id (the time).
fn unique_name() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(0);
    format!("coso_test_{}_{n}_{nanos:x}", std::process::id())
}

/// `PG_DATABASE_URL` with its database part replaced by `name`.
fn database_url(server: &str, name: &str) -> String {
    let (base, query) = server.split_once('?').map_or((server, None), |(b, q)| (b, Some(q)));
    let at = base.rfind('/').filter(|&i| i > "postgres://".len()).expect("PG_DATABASE_URL has a database part");
    match query {
        Some(q) => format!("{}/{name}?{q}", &base[..at]),
        None => format!("{}/{name}", &base[..at]),
    }
}
