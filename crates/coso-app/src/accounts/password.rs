//! Argon2id password hashing, off the async runtime (each hash costs tens of milliseconds).

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Argon2, PasswordHash};

use crate::{Error, Result};

/// A hash to verify against when the account does not exist, so that the answer takes as long
/// as for a real account and does not reveal which e-mails are registered.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$1fG/WLpb8Vfj6mu6dyi2qhQ4WHm3JGkxa3XrQM5HB2s";

/// An argon2id PHC string of `password`, with a fresh random salt.
pub async fn hash_password(password: String) -> Result<String> {
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| Error::Internal(format!("Không băm được mật khẩu: {e}")))
    })
    .await
    .map_err(Error::internal)?
}

/// Whether `password` matches `stored` (or, when there is no account, a dummy hash).
pub async fn verify_password(password: String, stored: Option<String>) -> bool {
    let exists = stored.is_some();
    let stored = stored.unwrap_or_else(|| DUMMY_HASH.to_string());
    let ok = tokio::task::spawn_blocking(move || {
        PasswordHash::new(&stored).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
    })
    .await
    .unwrap_or(false);
    ok && exists
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_never_contain_the_password() {
        let hash = hash_password("mat-khau-dai-du".into()).await.expect("hash");
        assert!(hash.starts_with("$argon2id$") && !hash.contains("mat-khau"));
        assert!(verify_password("mat-khau-dai-du".into(), Some(hash.clone())).await);
        assert!(!verify_password("sai-mat-khau".into(), Some(hash)).await);
        assert!(!verify_password("bat-ky".into(), None).await, "no account, no match");
    }
}
