//! Accounts in the web: sessions in the database, argon2 passwords, login rate limits,
//! and the per-session CSRF token that every form carries.

pub mod api_csrf;
pub mod login;
pub mod password;
pub mod session;

pub use session::{CurrentUser, MaybeUser};
