//! The one password rule and the one e-mail rule of coso, for the web and the command line.

use coso_domain::FieldError;

/// The shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 10;

/// The longest password accepted: enough for any passphrase, and no one makes the server hash
/// megabytes.
pub const MAX_PASSWORD_CHARS: usize = 128;

/// Fewer different characters than this is a pattern, not a password (`1111111111`, `abababab…`).
const MIN_DISTINCT_CHARS: usize = 4;

/// The shipped list of passwords that attackers try first.
const COMMON_PASSWORDS: &str = include_str!("common_passwords.txt");

/// At least [`MIN_PASSWORD_CHARS`] and at most [`MAX_PASSWORD_CHARS`] characters, not only white
/// space, not a repetition of a few characters, and not on the list of common passwords.
pub fn check_password(password: &str) -> Result<(), FieldError> {
    let refuse = |message: String| Err(FieldError::new("password", message));
    let n = password.chars().count();
    if n < MIN_PASSWORD_CHARS {
        return refuse(format!("Mật khẩu phải có ít nhất {MIN_PASSWORD_CHARS} ký tự (đang có {n})."));
    }
    if n > MAX_PASSWORD_CHARS {
        return refuse(format!("Mật khẩu dài quá {MAX_PASSWORD_CHARS} ký tự (đang có {n})."));
    }
    if password.trim().is_empty() {
        return refuse("Mật khẩu không được chỉ gồm khoảng trắng.".into());
    }
    let lower = password.trim().to_lowercase();
    let distinct: std::collections::BTreeSet<char> = lower.chars().collect();
    if distinct.len() < MIN_DISTINCT_CHARS {
        return refuse("Mật khẩu chỉ lặp lại vài ký tự, rất dễ đoán; hãy chọn mật khẩu khác.".into());
    }
    if is_common(&lower) {
        return refuse(
            "Mật khẩu này nằm trong danh sách mật khẩu phổ biến mà kẻ gian thử đầu tiên; hãy chọn mật khẩu khác."
                .into(),
        );
    }
    Ok(())
}

fn is_common(lower: &str) -> bool {
    COMMON_PASSWORDS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).any(|l| l == lower)
}

/// A plausible e-mail address, lower-cased: one «@», something on each side, a dot in the
/// domain, no white space, at most 254 characters.
pub fn parse_email(raw: &str) -> Result<String, FieldError> {
    let v = coso_text::clean(raw).to_lowercase();
    let ok = match v.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
        }
        None => false,
    } && v.len() <= 254
        && !v.chars().any(char::is_whitespace);
    if ok { Ok(v) } else { Err(FieldError::new("email", format!("Địa chỉ e-mail «{v}» không hợp lệ."))) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert!(matches!(parse_email(" An@Xa.VN "), Ok(ref e) if e == "an@xa.vn"));
        for bad in ["", "an", "an@", "@xa.vn", "an@xa", "a n@xa.vn", "a@b@c.vn", "an@.vn"] {
            assert!(parse_email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn emails_lose_control_and_zero_width_characters() {
        assert!(matches!(parse_email("\u{200B}An@Xa\u{0}.VN\u{FEFF}"), Ok(ref e) if e == "an@xa.vn"));
    }

    #[test]
    fn passwords() {
        assert!(check_password("ngắn").is_err_and(|e| e.message.contains("ít nhất 10")));
        assert!(check_password("           ").is_err());
        assert!(check_password("mật-khẩu-dài").is_ok());
        assert!(check_password("coso-demo-2025").is_ok());
    }

    #[test]
    fn trivial_and_common_passwords_are_refused() {
        for weak in [
            "1111111111",
            "aaaaaaaaaa",
            "          ",
            "ababababab",
            "1212121212",
            "1234567890",
            "QwertyUiop",
            "MatKhau123",
            " password123 ",
        ] {
            let refused = check_password(weak);
            assert!(refused.as_ref().is_err_and(|e| e.field == "password"), "{weak:?} was accepted");
        }
    }

    #[test]
    fn a_huge_password_is_refused_before_it_is_hashed() {
        let huge = "x1-".repeat(6_500_000);
        assert!(check_password(&huge).is_err_and(|e| e.message.contains("dài quá 128")));
        assert!(check_password(&"đúng-mật-khẩu-".repeat(9)).is_ok(), "126 characters are accepted");
    }

    #[test]
    fn the_shipped_list_is_lower_case_and_long_enough_to_matter() {
        let entries: Vec<&str> =
            COMMON_PASSWORDS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        assert!(entries.len() >= 50);
        for e in entries {
            assert_eq!(e, e.to_lowercase(), "entries are compared in lower case");
            assert!(e.chars().count() >= MIN_PASSWORD_CHARS, "{e} is refused by length already");
        }
    }
}
