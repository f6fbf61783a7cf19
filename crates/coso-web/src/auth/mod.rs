//! Accounts in the web: the session cookie, login rate limits per IP address, and the
//! per-session CSRF token that every form carries. Credentials, lock-outs and sessions are
//! `coso_app::accounts`.

pub mod login;
pub mod session;

pub use session::{CurrentUser, MaybeUser};
