use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Instant;

use coso_app::{App, Clock};
use coso_store::Store;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::metrics::Metrics;
use crate::ttl_cache::{self, TtlCache};

/// Web settings, read by the binary's configuration and handed in.
#[derive(Debug, Clone)]
pub struct WebSettings {
    /// Mark cookies `Secure` (on behind HTTPS; off for plain-HTTP local use).
    pub secure_cookies: bool,
    /// How long a session lasts.
    pub session_hours: i64,
    /// Login attempts allowed per minute from one IP address.
    pub login_attempts_per_minute: u32,
    /// Password reset requests allowed per hour from one IP address.
    pub password_resets_per_ip_per_hour: u32,
    /// Public intake submissions allowed per minute from one IP address (see
    /// [`AppState::check_intake`]).
    pub intake_per_ip_per_minute: u32,
    /// Largest accepted upload (CSV imports), in bytes.
    pub max_upload_bytes: usize,
    /// Largest photo of a petition sent by the public, in bytes.
    pub max_photo_bytes: usize,
    /// The bearer token that opens `/metrics` to a scraper on another machine. Without it,
    /// only clients on this machine (loopback, not through a proxy) read the metrics.
    pub metrics_token: Option<Secret>,
    /// The applications that post to Open311 with an `api_key`; see [`Open311Client`].
    pub open311_api_keys: Vec<Open311Client>,
    /// Open311 requests per minute one client key may post: its own budget, instead of the
    /// per-address intake limit.
    pub open311_client_per_minute: u32,
}

/// An application known to Open311: its name (written in the first timeline note of what it
/// sends) and the SHA-256 of its key, in hexadecimal (the key itself is never configured).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Open311Client {
    pub name: String,
    pub key_sha256: String,
}

impl WebSettings {
    /// The client whose key is `key`; `None` for an unknown key.
    pub fn open311_client(&self, key: &str) -> Option<&Open311Client> {
        use sha2::Digest;
        let hash = hex::encode(sha2::Sha256::digest(key.as_bytes()));
        // Every configured hash is compared, in time that does not depend on where they differ.
        self.open311_api_keys.iter().fold(None, |found, c| {
            let same = Secret::new(c.key_sha256.to_ascii_lowercase()).matches(&hash);
            found.or(same.then_some(c))
        })
    }
}

/// A secret setting: compared in constant time, never shown by `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// Whether `sent` is this secret, in time that does not depend on where they differ.
    pub fn matches(&self, sent: &str) -> bool {
        let (a, b) = (self.0.as_bytes(), sent.as_bytes());
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl Default for WebSettings {
    fn default() -> Self {
        Self {
            secure_cookies: false,
            session_hours: 12,
            login_attempts_per_minute: 10,
            password_resets_per_ip_per_hour: 10,
            intake_per_ip_per_minute: 20,
            max_upload_bytes: 20 * 1024 * 1024,
            max_photo_bytes: 5 * 1024 * 1024,
            metrics_token: None,
            open311_api_keys: vec![],
            open311_client_per_minute: 600,
        }
    }
}

/// Everything a handler may use. Cheap to clone.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    /// The use cases, with the store and the one clock.
    pub app: App,
    pub settings: WebSettings,
    pub login_limiter: DefaultKeyedRateLimiter<IpAddr>,
    /// Password reset requests per IP address (per account: `coso_app::accounts`).
    pub reset_limiter: DefaultKeyedRateLimiter<IpAddr>,
    /// Public intake submissions per IP address: see [`AppState::check_intake`].
    pub intake_limiter: DefaultKeyedRateLimiter<IpAddr>,
    /// Open311 requests per client key: see [`AppState::check_open311_client`].
    pub open311_client_limiter: DefaultKeyedRateLimiter<String>,
    pub metrics: Metrics,
    pub calendar: crate::calendar::CalendarCache,
    pub started: Instant,
    /// The application's clock (the same instance as `app.clock()`): tests move its date.
    pub clock: Clock,
    pub pages: TtlCache<axum::body::Bytes>,
    pub sessions: TtlCache<crate::auth::CurrentUser>,
    pub inboxes: TtlCache<std::sync::Arc<coso_app::reports::InboxOverview>>,
    /// The shared part of consultations' public pages, for signed-in visitors' own pages.
    pub drafts: TtlCache<std::sync::Arc<coso_app::consultations::PublicDraft>>,
    /// Permits to read an uploaded plan document: see `plans::documents`.
    pub document_readers: Arc<tokio::sync::Semaphore>,
}

impl AppState {
    pub fn new(app: App, settings: WebSettings) -> AppState {
        let at_least_one = |n: u32| NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN);
        AppState(Arc::new(Inner {
            clock: app.clock().clone(),
            app,
            login_limiter: RateLimiter::keyed(Quota::per_minute(at_least_one(settings.login_attempts_per_minute))),
            reset_limiter: RateLimiter::keyed(Quota::per_hour(at_least_one(settings.password_resets_per_ip_per_hour))),
            intake_limiter: RateLimiter::keyed(Quota::per_minute(at_least_one(settings.intake_per_ip_per_minute))),
            open311_client_limiter: RateLimiter::keyed(Quota::per_minute(at_least_one(
                settings.open311_client_per_minute,
            ))),
            settings,
            metrics: Metrics::default(),
            calendar: Default::default(),
            started: Instant::now(),
            pages: TtlCache::new(ttl_cache::PAGE_TTL),
            sessions: TtlCache::new(ttl_cache::SESSION_TTL),
            inboxes: TtlCache::new(ttl_cache::INBOX_TTL),
            drafts: TtlCache::new(ttl_cache::PAGE_TTL),
            document_readers: Arc::new(tokio::sync::Semaphore::new(crate::plans::documents::READERS)),
        }))
    }

    pub fn store(&self) -> &Store {
        self.0.app.store()
    }

    /// The hook of public intake (citizens' submissions without an account): every handler
    /// that accepts one calls this first with the client's address and answers its error
    /// (429) when the address has sent more than `intake_per_ip_per_minute` in the last minute.
    pub fn check_intake(&self, ip: IpAddr) -> Result<(), crate::error::AppError> {
        self.intake_limiter.check_key(&ip).map_err(|_| {
            tracing::warn!(%ip, "intake rate limit reached");
            crate::error::AppError::RateLimited
        })
    }

    /// The budget of an Open311 client known by its key: 429 once it has posted more than
    /// `open311_client_per_minute` in the last minute, whatever its addresses.
    pub fn check_open311_client(&self, client: &Open311Client) -> Result<(), crate::error::AppError> {
        self.open311_client_limiter.check_key(&client.name).map_err(|_| {
            tracing::warn!(client = %client.name, "open311 client rate limit reached");
            crate::error::AppError::RateLimited
        })
    }

    /// Forgets the cached pages, sessions and inboxes (after a change).
    pub fn forget_cached(&self) {
        self.forget_content();
        self.sessions.clear();
    }

    /// Forgets the cached pages, inboxes and drafts, keeping the sessions (after a change that
    /// cannot touch an account, a role or a session).
    pub fn forget_content(&self) {
        self.pages.clear();
        self.inboxes.clear();
        self.drafts.clear();
    }
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}
