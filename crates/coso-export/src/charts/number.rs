/// A number the Vietnamese way: `.` groups thousands, `,` marks decimals
/// (`1234567.891` with 2 decimals is `1.234.567,89`).
///
/// Rounds half away from zero to `decimals` places (at most 12), as Excel shows it, where
/// Rust's own formatting would round a tie to even (87,25 → 87,2). Not-a-number and infinities,
/// which have no place in a report, come out as `–`. A value that rounds to zero has no sign.
pub fn format_vn_number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let decimals = decimals.min(12);
    let digits = fixed(value.abs(), decimals);
    let (int, frac) = digits.split_once('.').unwrap_or((&digits, ""));
    let zero = digits.bytes().all(|b| b == b'0' || b == b'.');

    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 2);
    if value < 0.0 && !zero {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// `x` (not negative) with exactly `decimals` decimals, ties away from zero.
fn fixed(x: f64, decimals: usize) -> String {
    let scaled = x * 10f64.powi(i32::try_from(decimals).unwrap_or(12));
    if scaled >= 1e15 {
        // Beyond 15 significant digits there is no tie left to decide.
        return format!("{x:.decimals$}");
    }
    let mut digits = format!("{:.0}", scaled.round());
    if decimals > 0 {
        if digits.len() <= decimals {
            digits.insert_str(0, &"0".repeat(decimals + 1 - digits.len()));
        }
        digits.insert(digits.len() - decimals, '.');
    }
    digits
}

#[cfg(test)]
mod tests {
    use super::format_vn_number as f;

    #[test]
    fn groups_and_decimals() {
        assert_eq!(f(0.0, 0), "0");
        assert_eq!(f(999.0, 0), "999");
        assert_eq!(f(1000.0, 0), "1.000");
        assert_eq!(f(1_234_567.891, 2), "1.234.567,89");
        assert_eq!(f(3321.0, 0), "3.321");
        assert_eq!(f(87.5, 1), "87,5");
        assert_eq!(f(-1234.5, 1), "-1.234,5");
        assert_eq!(f(100_000.0, 0), "100.000");
    }

    #[test]
    fn rounding_and_signs() {
        assert_eq!(f(2.5, 0), "3");
        assert_eq!(f(87.25, 1), "87,3");
        assert_eq!(f(0.05, 2), "0,05");
        assert_eq!(f(0.5, 3), "0,500");
        assert_eq!(f(-0.004, 2), "0,00");
        assert_eq!(f(-0.0, 0), "0");
        assert_eq!(f(999.96, 1), "1.000,0");
    }

    #[test]
    fn not_numbers() {
        assert_eq!(f(f64::NAN, 2), "–");
        assert_eq!(f(f64::INFINITY, 0), "–");
        assert_eq!(f(f64::NEG_INFINITY, 0), "–");
        assert_eq!(f(1e300, 0).len(), 301 + 100);
    }
}
