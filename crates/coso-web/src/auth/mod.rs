//! Sessions in the web: the session cookie and the signed-in user, and the per-session CSRF
//! token that every form carries. Signing in and out is in `crate::accounts`; credentials,
//! lock-outs and sessions are `coso_app::accounts`.

pub mod api_csrf;
pub mod session;

pub use session::{CurrentUser, MaybeUser};
