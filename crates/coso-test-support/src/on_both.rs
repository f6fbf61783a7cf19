//! The one macro that runs a test case on both backends.

/// Runs each async test case once on SQLite and once on PostgreSQL, as the tests
/// `sqlite_backend::NAME` and `postgres_backend::NAME` (the PostgreSQL one is skipped with a
/// message when `PG_DATABASE_URL` is not set outside CI). Use it once per test file. The
/// first word says what each case is given, on a fresh database:
///
/// ```text
/// on_both! { store: name => case, … }   async fn case(store: &coso_store::Store)
/// on_both! { db: name => case, … }      async fn case(db: &coso_test_support::TestDb)
/// on_both! { app: name => case, … }     async fn case(app: &coso_test_support::TestApp)  (feature `web`)
/// on_both! { with crate::support::Env::on: name => case, … }
///                                       async fn case(env: &Env), where
///                                       `async fn Env::on(Backend) -> Option<Env>`
/// ```
#[macro_export]
macro_rules! on_both {
    (store: $($name:ident => $case:ident),* $(,)?) => {
        $crate::on_both!(@tests $crate::TestDb::on, db => &db.store; $($name => $case),*);
    };
    (db: $($name:ident => $case:ident),* $(,)?) => {
        $crate::on_both!(@tests $crate::TestDb::on, db => &db; $($name => $case),*);
    };
    (app: $($name:ident => $case:ident),* $(,)?) => {
        $crate::on_both!(@tests $crate::TestApp::on, app => &app; $($name => $case),*);
    };
    (with $open:path : $($name:ident => $case:ident),* $(,)?) => {
        $crate::on_both!(@tests $open, fixture => &fixture; $($name => $case),*);
    };
    (@tests $open:path, $fixture:ident => $arg:expr; $($name:ident => $case:ident),*) => {
        mod sqlite_backend {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if let Some($fixture) = $open($crate::Backend::Sqlite).await {
                        super::$case($arg).await;
                    }
                }
            )*
        }
        mod postgres_backend {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if let Some($fixture) = $open($crate::Backend::Postgres).await {
                        super::$case($arg).await;
                    }
                }
            )*
        }
    };
}
