//! Rendered public pages kept for a few seconds, so that a crowd of anonymous visitors (a link
//! shared in a village chat group) costs one database round per page and not one per visit.
//! Pages for signed-in users are never cached. Staleness is bounded by the time to live, which
//! also covers changes made by the command line to the same database.

use std::collections::HashMap;
use std::sync::RwLock;
use std::time::{Duration, Instant};

use axum::body::Bytes;

/// How long a rendered public page is served as is.
pub const TTL: Duration = Duration::from_secs(10);
/// Entries kept at most; past it the cache starts over (a crawler cannot grow it forever).
const MAX_ENTRIES: usize = 20_000;

#[derive(Default)]
pub struct PageCache(RwLock<HashMap<String, (Instant, Bytes)>>);

impl PageCache {
    /// The page rendered less than [`TTL`] ago, if any.
    pub fn get(&self, key: &str) -> Option<Bytes> {
        let map = self.0.read().ok()?;
        let (at, body) = map.get(key)?;
        (at.elapsed() < TTL).then(|| body.clone())
    }

    pub fn put(&self, key: String, body: Bytes) {
        if let Ok(mut map) = self.0.write() {
            if map.len() >= MAX_ENTRIES {
                map.clear();
            }
            map.insert(key, (Instant::now(), body));
        }
    }

    /// Forgets every page (after a change made through the web).
    pub fn clear(&self) {
        if let Ok(mut map) = self.0.write() {
            map.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_kept_then_forgotten() {
        let c = PageCache::default();
        assert!(c.get("/don-vi/42").is_none());
        c.put("/don-vi/42".into(), Bytes::from_static(b"<html>"));
        assert_eq!(c.get("/don-vi/42").as_deref(), Some(&b"<html>"[..]));
        c.clear();
        assert!(c.get("/don-vi/42").is_none());
    }
}
