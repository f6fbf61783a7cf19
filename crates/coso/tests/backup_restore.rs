//! Backups of a running database and their restores. A copy taken under the mixed write load
//! is sound, holds every write acknowledged before it began and no write in part; a copy
//! taken while the server runs idle is restored into a fresh database with every table equal.
//! SQLite through `coso backup` and `coso restore`, PostgreSQL through `pg_dump` and
//! `pg_restore` (as the README documents).

#[expect(dead_code, reason = "this test uses only a part of the shared test support")]
mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use coso_store::TableDigest;
use support::load::{Found, Load};
use support::{Env, Server, client, wait_healthy};

/// Where Debian puts the PostgreSQL client tools when they are not on the PATH.
const PG_BIN_DIR: &str = "/usr/lib/postgresql/15/bin";

/// How one backend is backed up and restored.
enum Tools {
    Sqlite,
    Postgres { pg_dump: PathBuf, pg_restore: PathBuf },
}

impl Tools {
    /// A copy of `env`'s database in `file`, taken while the server may be writing.
    fn backup(&self, env: &Env, file: &Path) {
        let file = file.display().to_string();
        match self {
            Tools::Sqlite => {
                let out = env.run(&["backup", "--to", &file]).ok();
                assert!(out.contains("Đã sao lưu") && out.contains("household"), "{out}");
            }
            Tools::Postgres { pg_dump, .. } => {
                let url = env.database_url.clone().expect("a PostgreSQL URL");
                run_tool(Command::new(pg_dump).args(["--format=custom", "--file", &file, &url]));
            }
        }
    }

    /// A fresh database holding the copy in `file`.
    async fn restore(&self, file: &Path) -> Env {
        let file = file.display().to_string();
        match self {
            Tools::Sqlite => {
                let env = Env::sqlite();
                let out = env.run(&["restore", "--from", &file]).ok();
                assert!(out.contains("Đã khôi phục"), "{out}");
                env
            }
            Tools::Postgres { pg_restore, .. } => {
                let env = Env::postgres().await.expect("a PostgreSQL server");
                let url = env.database_url.clone().expect("a PostgreSQL URL");
                run_tool(Command::new(pg_restore).args(["--no-owner", "--exit-on-error", "--dbname", &url, &file]));
                env
            }
        }
    }
}

fn run_tool(c: &mut Command) {
    let out = c.output().unwrap_or_else(|e| panic!("{c:?}: {e}"));
    assert!(out.status.success(), "{c:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// `name` on the PATH, else in Debian's PostgreSQL folder.
fn pg_tool(name: &str) -> Result<PathBuf, String> {
    let on_path = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).map(|d| d.join(name)).find(|f| f.is_file()))
        .unwrap_or_default();
    on_path
        .or_else(|| Some(Path::new(PG_BIN_DIR).join(name)).filter(|f| f.is_file()))
        .ok_or_else(|| format!("{name} not found on the PATH nor in {PG_BIN_DIR}"))
}

async fn digests(env: &Env) -> Vec<TableDigest> {
    let store = env.store().await;
    let d = store.table_digests().await.expect("table digests");
    store.close().await;
    d
}

/// The mixed load runs; one copy is taken in the middle of it, another once it has stopped.
async fn backup_and_restore(env: Env, tools: Tools, backend: &str) {
    env.run(&["demo"]).ok();
    let mut server = Server::start(&env, &[]);
    wait_healthy(&client(), &server.url, Duration::from_secs(30)).await;
    let load = Load::prepare(&env, &server.url).await;

    let running = load.start(&server.url).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let before_copy = load.attempts().len();
    let during = env.dir.path().join("during-the-load.backup");
    tools.backup(&env, &during);
    tokio::time::sleep(Duration::from_millis(300)).await;
    running.stop().await;
    let attempts = load.attempts();
    assert!(attempts.len() > before_copy, "writes went on while the copy was taken");

    let idle = env.dir.path().join("idle.backup");
    tools.backup(&env, &idle);
    let live = digests(&env).await;
    server.terminate();
    assert_eq!(server.wait(Duration::from_secs(10)).and_then(|s| s.code()), Some(0));

    // The copy of the idle server: every table equal.
    let restored = tools.restore(&idle).await;
    let copied = digests(&restored).await;
    let names = |d: &[TableDigest]| d.iter().map(|t| t.table.clone()).collect::<Vec<_>>();
    assert_eq!(names(&copied), names(&live), "the same tables");
    for (a, b) in live.iter().zip(&copied) {
        assert_eq!(a, b, "table {} differs after the round trip", a.table);
    }
    assert!(live.iter().any(|t| t.table == "household" && t.rows > 0), "{live:?}");
    let rows: i64 = live.iter().map(|t| t.rows).sum();
    eprintln!("{backend}: the idle copy restored with {} tables and {rows} rows, every one equal", live.len());

    // The copy taken under the load: a database that serves, with every write acknowledged
    // before the copy began, and none of the writes in part.
    let restored = tools.restore(&during).await;
    let server = Server::start(&restored, &[]);
    wait_healthy(&client(), &server.url, Duration::from_secs(30)).await;
    let found = Load::find(&restored, &server.url, &attempts).await;
    let mut acknowledged_before = 0;
    for (i, (attempt, found)) in attempts.iter().zip(&found).enumerate() {
        if i < before_copy && attempt.acknowledged() {
            acknowledged_before += 1;
            assert_eq!(found, &Found::All, "{} #{} was acknowledged before the copy began", attempt.kind, attempt.n);
        }
    }
    let later = found[before_copy..].iter().filter(|f| **f == Found::All).count();
    eprintln!(
        "{backend}: the copy under load holds all {acknowledged_before} writes acknowledged before it began, \
         and {later} of the {} sent after",
        attempts.len() - before_copy
    );
    assert!(acknowledged_before > 0, "the load wrote before the copy");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sqlite_backup_of_a_running_server_restores_every_table() {
    backup_and_restore(Env::sqlite(), Tools::Sqlite, "SQLite").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postgres_dump_of_a_running_server_restores_every_table() {
    let tools = match (pg_tool("pg_dump"), pg_tool("pg_restore")) {
        (Ok(pg_dump), Ok(pg_restore)) => Tools::Postgres { pg_dump, pg_restore },
        (Err(why), _) | (_, Err(why)) => {
            assert!(std::env::var("CI").is_err(), "the PostgreSQL backup test must run in CI: {why}");
            eprintln!("skipping the PostgreSQL backup test: {why}");
            return;
        }
    };
    let Some(env) = Env::postgres().await else { return };
    backup_and_restore(env, tools, "PostgreSQL").await;
}
