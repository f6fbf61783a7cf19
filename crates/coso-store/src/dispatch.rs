/// Runs `$body` with `$pool` bound to the backend's pool. The body is compiled once per
/// backend, so the same query text is type-checked against both drivers' types.
///
/// `read` picks the pool for reads (several SQLite connections), `write` the single SQLite
/// writer (PostgreSQL has one pool for both).
macro_rules! dispatch {
    ($store:expr, read, $pool:ident => $body:expr) => {
        match &$store.backend {
            $crate::connect::Pools::Sqlite { read: $pool, .. } => $body,
            $crate::connect::Pools::Postgres($pool) => $body,
        }
    };
    ($store:expr, write, $pool:ident => $body:expr) => {
        match &$store.backend {
            $crate::connect::Pools::Sqlite { write: $pool, .. } => $body,
            $crate::connect::Pools::Postgres($pool) => $body,
        }
    };
}
pub(crate) use dispatch;
