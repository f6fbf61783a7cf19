//! Accounts: the password and e-mail rules, argon2id hashing (this crate alone depends on
//! argon2), signing in with the lock-out after repeated failures, and sessions.

mod password;
mod rules;
mod sign_in;

pub use password::{hash_password, verify_password};
pub use rules::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, check_password, parse_email};
pub use sign_in::{LOCK_MINUTES, SessionUser, open_session, session_user, sign_in, sign_out};
