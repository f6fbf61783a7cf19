//! The one password rule and the one e-mail rule of coso, for the web and the command line.

use coso_domain::FieldError;

/// The shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 10;

/// At least [`MIN_PASSWORD_CHARS`] characters, and not only white space.
pub fn check_password(password: &str) -> Result<(), FieldError> {
    let n = password.chars().count();
    if n < MIN_PASSWORD_CHARS {
        return Err(FieldError::new(
            "password",
            format!("Mật khẩu phải có ít nhất {MIN_PASSWORD_CHARS} ký tự (đang có {n})."),
        ));
    }
    if password.trim().is_empty() {
        return Err(FieldError::new("password", "Mật khẩu không được chỉ gồm khoảng trắng."));
    }
    Ok(())
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
    }
}
