//! Sessions in the web: the session cookie and the signed-in user, argon2 passwords, and the
//! per-session CSRF token that every form carries. Signing in and out is in `crate::accounts`.

pub mod api_csrf;
pub mod password;
pub mod session;

pub use session::{CurrentUser, MaybeUser};
