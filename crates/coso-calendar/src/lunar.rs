//! Gregorian ↔ Vietnamese lunar dates, 01/01/1900 – 31/12/2199.
//!
//! All answers come from the per-year tables of [`crate::lunar_table`]; see
//! [`crate::astro`] for how they are computed and why UTC+7 matters.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::dates::{check_range, check_year, from_rd, to_rd};
use crate::error::CalendarError;
use crate::lunar_table::{LunarYearTable, year_table};

/// A date of the Vietnamese lunar calendar (*âm lịch*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LunarDate {
    /// Lunar year, named after the Gregorian year in which its Tết falls.
    pub year: i32,
    /// Month number 1–12 (a leap month carries the number of the month it repeats).
    pub month: u8,
    /// Day of the month, 1–30.
    pub day: u8,
    /// Whether this is the leap month (*tháng nhuận*).
    pub leap: bool,
}

impl LunarDate {
    /// Builds a lunar date without checking that it exists (see [`lunar_to_solar`]).
    pub const fn new(year: i32, month: u8, day: u8, leap: bool) -> Self {
        Self { year, month, day, leap }
    }

    /// Vietnamese text, e.g. "mùng 1 tháng Giêng năm Giáp Thìn (2024)".
    pub fn to_vietnamese_text(&self) -> String {
        let day = if self.day <= 10 { format!("mùng {}", self.day) } else { format!("ngày {}", self.day) };
        let month = match self.month {
            1 => "Giêng".to_owned(),
            11 => "Một".to_owned(),
            12 => "Chạp".to_owned(),
            m => m.to_string(),
        };
        let leap = if self.leap { " nhuận" } else { "" };
        format!("{day} tháng {month}{leap} năm {} ({})", crate::can_chi::year_name(self.year), self.year)
    }
}

/// One month of a lunar year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LunarMonth {
    /// Month number 1–12.
    pub month: u8,
    /// Whether this is the leap month.
    pub leap: bool,
    /// Number of days, 29 or 30.
    pub days: u8,
    /// Gregorian date of day 1.
    pub first_day: NaiveDate,
}

/// The structure of one lunar year (Tết to the day before the next Tết).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LunarYear {
    /// Lunar year.
    pub year: i32,
    /// Can Chi name, e.g. "Giáp Thìn".
    pub name: String,
    /// Gregorian date of Tết (mùng 1 tháng Giêng).
    pub tet: NaiveDate,
    /// Month number of the leap month, if the year has one.
    pub leap_month: Option<u8>,
    /// The 12 or 13 months in order.
    pub months: Vec<LunarMonth>,
}

fn table(year: i32) -> Result<&'static LunarYearTable, CalendarError> {
    year_table(year).ok_or(CalendarError::YearOutOfRange(year))
}

fn date_of(rd: i64) -> Result<NaiveDate, CalendarError> {
    let d = from_rd(rd).ok_or(CalendarError::ArithmeticOutOfRange)?;
    check_range(d)
}

/// Converts a Gregorian date to the Vietnamese lunar calendar.
///
/// ```
/// use chrono::NaiveDate;
/// use coso_calendar::{solar_to_lunar, LunarDate};
/// let tet = NaiveDate::from_ymd_opt(2024, 2, 10).unwrap();
/// assert_eq!(solar_to_lunar(tet).unwrap(), LunarDate::new(2024, 1, 1, false));
/// ```
pub fn solar_to_lunar(date: NaiveDate) -> Result<LunarDate, CalendarError> {
    check_range(date)?;
    let rd = to_rd(date);
    let mut t = table(date.year())?;
    if rd < t.new_year() {
        t = table(date.year() - 1)?;
    }
    let months = usize::from(t.months);
    let index = t.starts[1..=months].iter().position(|&next| rd < next).ok_or(CalendarError::DateOutOfRange(date))?;
    let ordinal = u8::try_from(index + 1).map_err(|_| CalendarError::DateOutOfRange(date))?;
    let (month, leap) = t.month_of_ordinal(ordinal);
    let day = u8::try_from(rd - t.starts[index] + 1).map_err(|_| CalendarError::DateOutOfRange(date))?;
    Ok(LunarDate { year: t.year, month, day, leap })
}

/// Converts a lunar date to the Gregorian calendar. A lunar date that does not exist
/// (day 30 of a 29-day month, a leap month the year does not have) is an error, never
/// silently moved.
pub fn lunar_to_solar(lunar: LunarDate) -> Result<NaiveDate, CalendarError> {
    let invalid = |reason: String| CalendarError::InvalidLunarDate {
        year: lunar.year,
        month: u32::from(lunar.month),
        day: u32::from(lunar.day),
        leap: lunar.leap,
        reason,
    };
    let t = year_table(lunar.year).ok_or_else(|| invalid("năm âm lịch phải từ 1899 đến 2199".to_owned()))?;
    if !(1..=12).contains(&lunar.month) {
        return Err(invalid("tháng âm lịch phải từ 1 đến 12".to_owned()));
    }
    let ordinal = t.ordinal_of_month(lunar.month, lunar.leap).ok_or_else(|| {
        invalid(match t.leap_ordinal {
            Some(l) => format!("năm này chỉ nhuận tháng {}", l - 1),
            None => "năm này không có tháng nhuận".to_owned(),
        })
    })?;
    let len = t.month_len(ordinal);
    if lunar.day == 0 || i64::from(lunar.day) > len {
        return Err(invalid(format!("tháng này có {len} ngày")));
    }
    let start = t.starts[usize::from(ordinal) - 1];
    date_of(start + i64::from(lunar.day) - 1)
}

/// Gregorian date of Tết Nguyên đán (mùng 1 tháng Giêng) of `year`.
///
/// ```
/// use chrono::NaiveDate;
/// assert_eq!(coso_calendar::tet(2026).unwrap(), NaiveDate::from_ymd_opt(2026, 2, 17).unwrap());
/// ```
pub fn tet(year: i32) -> Result<NaiveDate, CalendarError> {
    check_year(year)?;
    date_of(table(year)?.new_year())
}

/// Gregorian date of Giỗ Tổ Hùng Vương, the 10th day of the 3rd lunar month of `year`.
pub fn hung_kings_day(year: i32) -> Result<NaiveDate, CalendarError> {
    check_year(year)?;
    lunar_to_solar(LunarDate::new(year, 3, 10, false))
}

/// The structure of lunar year `year` (1900–2199): months, lengths, leap month.
pub fn lunar_year(year: i32) -> Result<LunarYear, CalendarError> {
    check_year(year)?;
    let t = table(year)?;
    let mut months = Vec::with_capacity(usize::from(t.months));
    for ordinal in 1..=t.months {
        let (month, leap) = t.month_of_ordinal(ordinal);
        let first_day = from_rd(t.starts[usize::from(ordinal) - 1]).ok_or(CalendarError::ArithmeticOutOfRange)?;
        months.push(LunarMonth {
            month,
            leap,
            days: u8::try_from(t.month_len(ordinal)).map_err(|_| CalendarError::ArithmeticOutOfRange)?,
            first_day,
        });
    }
    Ok(LunarYear {
        year,
        name: crate::can_chi::year_name(year),
        tet: from_rd(t.new_year()).ok_or(CalendarError::ArithmeticOutOfRange)?,
        leap_month: t.leap_ordinal.map(|l| l - 1),
        months,
    })
}

/// Rata Die of the Tết after lunar year `year`, for internal checks.
#[doc(hidden)]
pub fn next_tet_rd(year: i32) -> Option<i64> {
    year_table(year).map(LunarYearTable::next_new_year)
}
