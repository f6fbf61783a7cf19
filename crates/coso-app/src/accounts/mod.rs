//! Accounts: the password and e-mail rules, argon2id hashing (this crate alone depends on
//! argon2), signing in with backoff after repeated failures, sessions, and forgotten
//! passwords, and residents' own sign-up with a verified e-mail.

mod backoff;
mod password;
mod reset;
mod rules;
mod sign_in;
mod sign_up;

pub use backoff::{FIRST_DELAY, SignInLimits, address_key, wait_message};
pub use password::{hash_password, verify_password};
pub use reset::{RESET_PATH, ResetSettings, check_reset_link, request_password_reset, reset_password};
pub use rules::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, check_password, parse_email};
pub use sign_in::{SessionUser, SignIn, UNVERIFIED, WRONG_CREDENTIALS, open_session, session_user, sign_in, sign_out};
pub use sign_up::{
    SignUpInput, VERIFY_PATH, VerificationSettings, check_verification_link, resend_verification, sign_up, verify_email,
};
