//! Rows that change seldom and are read at every petition, vote or comment (a unit by its code
//! or id, its case categories, its remote flag), kept in memory for a few seconds per process.
//!
//! Why: every read is a round trip to a connection's thread, and a crowd of petitions read the
//! same few rows over and over. Every change made through this store forgets them at once;
//! the time to live bounds how long a change made by another process (the command line, a
//! second instance on PostgreSQL) takes to be seen.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// How long a kept row is trusted.
const TTL: Duration = Duration::from_secs(5);
/// Keys kept at most; past it the map starts over.
const MAX_KEYS: usize = 10_000;

/// Values by key, each kept for [`TTL`]; cloning shares the same map.
#[derive(Debug)]
pub(crate) struct Kept<K, V> {
    map: Arc<RwLock<Entries<K, V>>>,
}

/// The kept values with when each was read, and how many times everything was forgotten.
#[derive(Debug)]
struct Entries<K, V> {
    generation: u64,
    values: HashMap<K, (Instant, V)>,
}

impl<K, V> Clone for Kept<K, V> {
    fn clone(&self) -> Self {
        Kept { map: self.map.clone() }
    }
}

impl<K, V> Default for Kept<K, V> {
    fn default() -> Self {
        Kept { map: Arc::new(RwLock::new(Entries { generation: 0, values: HashMap::new() })) }
    }
}

impl<K: Eq + Hash, V: Clone> Kept<K, V> {
    /// The value kept for `key` if still fresh, with the generation to hand back to
    /// [`put`](Self::put) (so that a value read before a change is not kept after it).
    pub(crate) fn get<Q>(&self, key: &Q) -> (Option<V>, u64)
    where
        K: std::borrow::Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        let Ok(guard) = self.map.read() else { return (None, u64::MAX) };
        let value = guard.values.get(key).filter(|(at, _)| at.elapsed() < TTL).map(|(_, v)| v.clone());
        (value, guard.generation)
    }

    /// Keeps `value` for `key`, unless something was forgotten since `generation` was read.
    pub(crate) fn put(&self, key: K, value: V, generation: u64) {
        let Ok(mut guard) = self.map.write() else { return };
        if guard.generation != generation {
            return;
        }
        if guard.values.len() >= MAX_KEYS {
            guard.values.clear();
        }
        guard.values.insert(key, (Instant::now(), value));
    }

    /// Forgets every kept value (after a change).
    pub(crate) fn forget(&self) {
        if let Ok(mut guard) = self.map.write() {
            guard.generation = guard.generation.wrapping_add(1);
            guard.values.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_kept_until_forgotten() {
        let k: Kept<String, &str> = Kept::default();
        let (none, g) = k.get("42");
        assert_eq!(none, None);
        k.put("42".into(), "Hà Tĩnh", g);
        assert_eq!(k.get("42").0, Some("Hà Tĩnh"));
        k.forget();
        assert_eq!(k.get("42").0, None);
    }

    #[test]
    fn a_value_read_before_a_change_is_not_kept_after_it() {
        let k: Kept<i64, u8> = Kept::default();
        let (_, g) = k.get(&1);
        k.forget();
        k.put(1, 9, g);
        assert_eq!(k.get(&1).0, None);
    }
}
