//! Numbers typed in report forms: digits with an optional decimal comma or point.
//!
//! Deliberately strict: no thousands separators, no exponent, no sign but a leading minus
//! (read only to say that the value may not be negative). `1.234` is one point two three
//! four, so an integer indicator rejects it rather than guessing it meant 1234.

/// Why a typed number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    Empty,
    Negative,
    NotANumber,
    TooLarge,
    NotWhole,
}

/// The largest value accepted: far above any count a unit reports.
pub const MAX: f64 = 1e12;

/// Parses a non-negative number; `integer` requires a whole one.
pub fn parse(raw: &str, integer: bool) -> Result<f64, NumberError> {
    let v = raw.trim();
    if v.is_empty() {
        return Err(NumberError::Empty);
    }
    let (negative, digits) = match v.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, v),
    };
    let (whole, frac) = match digits.split_once([',', '.']) {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(whole) || frac.is_some_and(|f| !all_digits(f)) {
        return Err(NumberError::NotANumber);
    }
    let value: f64 = match frac {
        Some(f) => format!("{whole}.{f}").parse(),
        None => whole.parse(),
    }
    .map_err(|_| NumberError::NotANumber)?;
    if negative && value != 0.0 {
        return Err(NumberError::Negative);
    }
    if !value.is_finite() || value > MAX {
        return Err(NumberError::TooLarge);
    }
    if integer && value.fract() != 0.0 {
        return Err(NumberError::NotWhole);
    }
    Ok(value)
}

impl NumberError {
    /// The message for the field labelled `label`, quoting what was typed.
    pub fn message(self, label: &str, raw: &str) -> String {
        let raw = raw.trim();
        match self {
            NumberError::Empty => format!("«{label}» không được để trống."),
            NumberError::Negative => format!("«{label}» không được âm."),
            NumberError::NotANumber => format!("«{label}» phải là một số (ví dụ 12 hoặc 3,5), không phải «{raw}»."),
            NumberError::TooLarge => format!("«{label}» quá lớn: «{raw}»."),
            NumberError::NotWhole => {
                format!("«{label}» phải là số nguyên, không ghi dấu chấm hay phẩy (đang là «{raw}»).")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_digits_with_a_decimal_comma_or_point() {
        assert_eq!(parse(" 12 ", true), Ok(12.0));
        assert_eq!(parse("3,5", false), Ok(3.5));
        assert_eq!(parse("3.5", false), Ok(3.5));
        assert_eq!(parse("0", true), Ok(0.0));
        assert_eq!(parse("-0", true), Ok(0.0));
    }

    #[test]
    fn refuses_everything_else() {
        assert_eq!(parse("", true), Err(NumberError::Empty));
        assert_eq!(parse("-3", true), Err(NumberError::Negative));
        assert_eq!(parse("−3", true), Err(NumberError::Negative));
        assert_eq!(parse("1.234", true), Err(NumberError::NotWhole));
        assert_eq!(parse("2,5", true), Err(NumberError::NotWhole));
        for bad in ["1 234", "1.234.567", "1e3", "+3", "3,", ",5", "ba", "NaN", "inf", "١٢"] {
            assert_eq!(parse(bad, false), Err(NumberError::NotANumber), "{bad}");
        }
        assert_eq!(parse(&"9".repeat(400), false), Err(NumberError::TooLarge));
    }

    #[test]
    fn messages_name_the_field() {
        assert_eq!(NumberError::Negative.message("Số cuộc đối thoại", "-1"), "«Số cuộc đối thoại» không được âm.");
    }
}
