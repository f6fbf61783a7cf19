//! Date parsing and Vietnamese date formatting shared by the whole crate.
//!
//! Why our own parser: chrono's `parse_from_str` accepts forms like `2024-2-1` and reports
//! errors in English; the CLI and the web need one strict format (`YYYY-MM-DD`) and a
//! Vietnamese message that says what is wrong.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::error::CalendarError;

/// First supported Gregorian date.
pub const MIN_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};
/// Last supported Gregorian date.
pub const MAX_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2199, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};
/// First supported year.
pub const MIN_YEAR: i32 = 1900;
/// Last supported year.
pub const MAX_YEAR: i32 = 2199;

/// Parses a strict ISO date `YYYY-MM-DD` (surrounding spaces allowed).
///
/// ```
/// let d = coso_calendar::parse_iso_date("2024-02-10").unwrap();
/// assert_eq!(d.to_string(), "2024-02-10");
/// assert!(coso_calendar::parse_iso_date("2024-02-30").is_err());
/// ```
pub fn parse_iso_date(input: &str) -> Result<NaiveDate, CalendarError> {
    let err = |reason: &str| CalendarError::InvalidDate {
        input: input.chars().take(64).collect(),
        reason: reason.to_owned(),
    };
    let s = input.trim();
    let bytes = s.as_bytes();
    if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return Err(err("sai định dạng"));
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = bytes.get(range)?;
        part.iter().try_fold(0u32, |acc, b| b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0')))
    };
    let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return Err(err("chỉ được dùng chữ số"));
    };
    if !(1..=12).contains(&m) {
        return Err(err("tháng phải từ 01 đến 12"));
    }
    let year = i32::try_from(y).map_err(|_| err("năm không hợp lệ"))?;
    NaiveDate::from_ymd_opt(year, m, d).ok_or_else(|| err("tháng này không có ngày đó"))
}

/// Checks that a date lies in the supported range.
pub fn check_range(date: NaiveDate) -> Result<NaiveDate, CalendarError> {
    if (MIN_DATE..=MAX_DATE).contains(&date) { Ok(date) } else { Err(CalendarError::DateOutOfRange(date)) }
}

/// Checks that a year lies in the supported range.
pub fn check_year(year: i32) -> Result<i32, CalendarError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) { Ok(year) } else { Err(CalendarError::YearOutOfRange(year)) }
}

/// Formats a date the Vietnamese way, `dd/mm/yyyy`.
pub fn format_vn(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

/// Vietnamese weekday name in lower case ("thứ Hai" … "Chủ nhật").
pub fn weekday_vn(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "thứ Hai",
        Weekday::Tue => "thứ Ba",
        Weekday::Wed => "thứ Tư",
        Weekday::Thu => "thứ Năm",
        Weekday::Fri => "thứ Sáu",
        Weekday::Sat => "thứ Bảy",
        Weekday::Sun => "Chủ nhật",
    }
}

/// `dd/mm/yyyy (thứ …)`.
pub fn format_vn_with_weekday(date: NaiveDate) -> String {
    format!("{} ({})", format_vn(date), weekday_vn(date.weekday()))
}

/// Adds a signed number of days, staying inside the supported range.
pub fn add_days(date: NaiveDate, days: i64) -> Result<NaiveDate, CalendarError> {
    let moved = date
        .checked_add_signed(chrono::TimeDelta::try_days(days).ok_or(CalendarError::ArithmeticOutOfRange)?)
        .ok_or(CalendarError::ArithmeticOutOfRange)?;
    if (MIN_DATE..=MAX_DATE).contains(&moved) { Ok(moved) } else { Err(CalendarError::ArithmeticOutOfRange) }
}

/// Adds (or, when negative, subtracts) calendar months the way Civil Code 2015 Art. 147–148
/// count a period in months: it ends on the same day number of the last month, or on that
/// month's last day when the day number does not exist (31/12 + 2 months = 28 or 29/02).
pub fn add_months(date: NaiveDate, months: i32) -> Result<NaiveDate, CalendarError> {
    let total = date.year() * 12 + date.month0() as i32 + months;
    let year = total.div_euclid(12);
    let month0 = total.rem_euclid(12) as u32;
    let mut day = date.day();
    let result = loop {
        if let Some(d) = NaiveDate::from_ymd_opt(year, month0 + 1, day) {
            break d;
        }
        if day <= 28 {
            return Err(CalendarError::ArithmeticOutOfRange);
        }
        day -= 1;
    };
    if (MIN_DATE..=MAX_DATE).contains(&result) { Ok(result) } else { Err(CalendarError::ArithmeticOutOfRange) }
}

/// Converts a date to the Rata Die day number used by `calendrical_calculations`
/// (0001-01-01 is day 1 in both).
pub(crate) fn to_rd(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

/// Inverse of [`to_rd`].
pub(crate) fn from_rd(rd: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(rd).ok()?)
}
