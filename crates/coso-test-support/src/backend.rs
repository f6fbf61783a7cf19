//! The two databases coso runs on, and whether a test can reach the second.

/// Where a test case runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The name `/healthz` reports for it.
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// The server named by `PG_DATABASE_URL`. Outside CI an unset variable skips the PostgreSQL
/// half of a test with a message; in CI it fails the test, so that half is never lost silently.
pub(crate) fn postgres_server() -> Option<String> {
    match std::env::var("PG_DATABASE_URL") {
        Ok(url) => Some(url),
        Err(_) => {
            assert!(
                std::env::var("CI").is_err(),
                "PG_DATABASE_URL must be set in CI: the PostgreSQL half of the suite would not run"
            );
            eprintln!("PG_DATABASE_URL is not set: skipping the PostgreSQL half of this test");
            None
        }
    }
}
