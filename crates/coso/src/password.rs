//! Password rules and hashing for accounts created on the command line.

use argon2::Argon2;
use argon2::password_hash::PasswordHasher;

/// The shortest password accepted.
pub const MIN_CHARS: usize = 10;

/// Checks the rules; the error is shown to the user.
pub fn check(password: &str) -> Result<(), String> {
    let n = password.chars().count();
    if n < MIN_CHARS {
        return Err(format!("Mật khẩu phải có ít nhất {MIN_CHARS} ký tự (đang có {n})."));
    }
    if password.trim().is_empty() {
        return Err("Mật khẩu không được chỉ gồm khoảng trắng.".into());
    }
    Ok(())
}

/// An argon2id PHC string with a fresh random salt.
pub fn hash(password: &str) -> Result<String, String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| format!("Không băm được mật khẩu: {e}"))
}

/// The password read from standard input: the first line, without its line ending.
pub fn from_stdin_text(text: &str) -> String {
    text.lines().next().unwrap_or("").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_and_line_endings() {
        assert!(check("ngắn").is_err_and(|e| e.contains("ít nhất 10")));
        assert!(check("           ").is_err());
        assert!(check("mật-khẩu-dài").is_ok());
        assert_eq!(from_stdin_text("mat khau dai\r\n"), "mat khau dai");
        assert_eq!(from_stdin_text(""), "");
        assert!(hash("mat-khau-dai-du").is_ok_and(|h| h.starts_with("$argon2id$")));
    }
}
