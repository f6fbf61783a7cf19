//! Can Chi (sexagenary) names of lunar years, months and days.
//!
//! Plain modular arithmetic: the ten heavenly stems (*thiên can*) and the twelve earthly
//! branches (*địa chi*) advance together. Vietnamese names differ from Chinese ones in two
//! branches: Mão (cat, not rabbit) and Tỵ.

use chrono::NaiveDate;

/// The ten heavenly stems, starting with Giáp.
pub const STEMS: [&str; 10] = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"];
/// The twelve earthly branches, starting with Tý.
pub const BRANCHES: [&str; 12] = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"];

fn stem(index: i64) -> &'static str {
    STEMS[index.rem_euclid(10) as usize]
}

fn branch(index: i64) -> &'static str {
    BRANCHES[index.rem_euclid(12) as usize]
}

/// Can Chi name of a lunar year, e.g. 2024 → "Giáp Thìn".
///
/// ```
/// assert_eq!(coso_calendar::year_name(2024), "Giáp Thìn");
/// assert_eq!(coso_calendar::year_name(1975), "Ất Mão");
/// ```
pub fn year_name(lunar_year: i32) -> String {
    let y = i64::from(lunar_year);
    format!("{} {}", stem(y + 6), branch(y + 8))
}

/// Can Chi name of a lunar month (a leap month takes the name of the month it repeats).
/// Month 1 is always a Dần month; its stem follows from the year's stem.
pub fn month_name(lunar_year: i32, month: u8) -> String {
    let year_stem = (i64::from(lunar_year) + 6).rem_euclid(10);
    let m = i64::from(month);
    format!("{} {}", stem(year_stem * 2 + 2 + (m - 1)), branch(m + 1))
}

/// Can Chi name of a civil day, e.g. 2024-02-10 → "Giáp Thìn".
pub fn day_name(date: NaiveDate) -> String {
    let jdn = i64::from(chrono::Datelike::num_days_from_ce(&date)) + 1_721_425;
    format!("{} {}", stem(jdn + 9), branch(jdn + 1))
}
