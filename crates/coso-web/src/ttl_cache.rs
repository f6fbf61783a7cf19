//! Values kept for a few seconds: rendered public pages, signed-in sessions, unit inboxes.
//!
//! Why: a crowd of anonymous visitors (a link shared in a village chat group), or officials
//! reloading an inbox, should cost one database round per few seconds and not one per visit.
//! Every successful write request of this instance forgets everything (see
//! [`forget_after_writes`]); the time to live bounds how stale a value can be after changes
//! made by another instance or the command line.

use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::MethodRouter;

use crate::state::AppState;

/// How long a rendered public page is served as is.
pub const PAGE_TTL: Duration = Duration::from_secs(10);
/// How long a session is trusted without asking the database again: the longest time a
/// sign-out or a removed role on another instance takes to reach this one.
pub const SESSION_TTL: Duration = Duration::from_secs(5);
/// How long a unit's inbox is served as is (changes made here are seen at once).
pub const INBOX_TTL: Duration = Duration::from_secs(5);

/// Entries kept at most; past it the cache starts over (a crawler cannot grow it forever).
const MAX_ENTRIES: usize = 20_000;

pub struct TtlCache<V> {
    ttl: Duration,
    map: RwLock<HashMap<String, (Instant, V)>>,
    /// One gate per key being loaded, so that when a value expires under load one request
    /// reads the database and the others wait for its result instead of all reading at once.
    loading: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    /// Counts the clears, so that a value read before a write but loaded after it is not kept.
    generation: AtomicU64,
}

impl<V: Clone> TtlCache<V> {
    pub fn new(ttl: Duration) -> Self {
        TtlCache {
            ttl,
            map: RwLock::new(HashMap::new()),
            loading: Mutex::new(HashMap::new()),
            generation: AtomicU64::new(0),
        }
    }

    /// The kept value, or the one `load` gives (then kept). Concurrent misses of one key load
    /// once; a failed load keeps nothing, nor does a load that a [`clear`](Self::clear) overtook.
    pub async fn get_or_try_load<E, Fut>(&self, key: &str, load: impl FnOnce() -> Fut) -> Result<V, E>
    where
        Fut: Future<Output = Result<V, E>>,
    {
        if let Some(v) = self.get(key) {
            return Ok(v);
        }
        let gate = match self.loading.lock() {
            Ok(mut gates) => gates.entry(key.to_string()).or_default().clone(),
            Err(_) => Arc::default(),
        };
        let _turn = gate.lock().await;
        if let Some(v) = self.get(key) {
            return Ok(v);
        }
        let generation = self.generation.load(Ordering::Acquire);
        let loaded = load().await;
        if let Ok(v) = &loaded {
            self.put(key.to_string(), v.clone(), generation);
        }
        if let Ok(mut gates) = self.loading.lock() {
            gates.remove(key);
        }
        loaded
    }

    /// The value stored less than the time to live ago, if any.
    pub fn get(&self, key: &str) -> Option<V> {
        let map = self.map.read().ok()?;
        let (at, value) = map.get(key)?;
        (at.elapsed() < self.ttl).then(|| value.clone())
    }

    /// Keeps `value` unless the cache was cleared since `generation` was read.
    fn put(&self, key: String, value: V, generation: u64) {
        if let Ok(mut map) = self.map.write() {
            if self.generation.load(Ordering::Acquire) != generation {
                return;
            }
            if map.len() >= MAX_ENTRIES {
                map.clear();
            }
            map.insert(key, (Instant::now(), value));
        }
    }

    /// Forgets everything.
    pub fn clear(&self) {
        if let Ok(mut map) = self.map.write() {
            self.generation.fetch_add(1, Ordering::AcqRel);
            map.clear();
        }
    }
}

/// Forgets every cached value after a write request that succeeded: whatever it changed
/// (a unit, a role, a report, a sign-out), the next read sees it. A response marked
/// [`SessionsUnchanged`] forgets the pages and inboxes but keeps the signed-in sessions.
pub async fn forget_after_writes(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let write = !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let response = next.run(request).await;
    if write && (response.status().is_success() || response.status().is_redirection()) {
        if response.extensions().get::<SessionsUnchanged>().is_some() {
            state.forget_content();
        } else {
            state.forget_cached();
        }
    }
    response
}

/// Marks the answer of a write that cannot change who anyone is or what they may do (a
/// comment, a vote, a petition): during a crowd of such writes the signed-in sessions are
/// not read again from the database at every request. Routes opt in one by one with
/// [`keeps_sessions`]; a route that does not is forgotten whole, the safe default.
#[derive(Debug, Clone, Copy)]
pub struct SessionsUnchanged;

/// Marks the answers of `route` [`SessionsUnchanged`]; a feature wraps its route with it, as in
/// `keeps_sessions(post(handler))`.
pub fn keeps_sessions(route: MethodRouter<AppState>) -> MethodRouter<AppState> {
    route.layer(axum::middleware::map_response(mark_sessions_unchanged))
}

async fn mark_sessions_unchanged(mut response: Response) -> Response {
    response.extensions_mut().insert(SessionsUnchanged);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_kept_then_forgotten() {
        let c: TtlCache<&'static str> = TtlCache::new(PAGE_TTL);
        assert!(c.get("unit:42").is_none());
        c.put("unit:42".into(), "<html>", 0);
        assert_eq!(c.get("unit:42"), Some("<html>"));
        c.clear();
        assert!(c.get("unit:42").is_none());
    }

    #[tokio::test]
    async fn concurrent_misses_load_once_and_failures_keep_nothing() {
        let c: Arc<TtlCache<u32>> = Arc::new(TtlCache::new(PAGE_TTL));
        let loads = Arc::new(std::sync::atomic::AtomicU32::new(0));
        let failed: Result<u32, &str> = c.get_or_try_load("k", || async { Err("database down") }).await;
        assert_eq!(failed, Err("database down"));
        assert_eq!(c.get("k"), None);
        let tasks: Vec<_> = (0..16)
            .map(|_| {
                let (c, loads) = (c.clone(), loads.clone());
                tokio::spawn(async move {
                    c.get_or_try_load("k", || async {
                        loads.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        Ok::<_, ()>(7)
                    })
                    .await
                })
            })
            .collect();
        for t in tasks {
            assert_eq!(t.await.expect("task"), Ok(7));
        }
        assert_eq!(loads.load(std::sync::atomic::Ordering::SeqCst), 1, "one database read for sixteen requests");
    }

    #[test]
    fn values_expire() {
        let c: TtlCache<u8> = TtlCache::new(Duration::ZERO);
        c.put("k".into(), 1, 0);
        assert_eq!(c.get("k"), None);
    }

    #[tokio::test]
    async fn a_load_overtaken_by_a_write_is_not_kept() {
        let c: TtlCache<&'static str> = TtlCache::new(PAGE_TTL);
        // Read before the write, finished after it: served to its own request, not kept.
        let stale = c.get_or_try_load("inbox", || async {
            c.clear();
            Ok::<_, ()>("before the report was sent")
        });
        assert_eq!(stale.await, Ok("before the report was sent"));
        assert_eq!(c.get("inbox"), None);
        assert_eq!(c.get_or_try_load("inbox", || async { Ok::<_, ()>("after") }).await, Ok("after"));
        assert_eq!(c.get("inbox"), Some("after"));
    }
}
