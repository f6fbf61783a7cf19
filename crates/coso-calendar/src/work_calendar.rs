//! Working days of Vietnamese state bodies: Monday–Friday, minus public holidays,
//! compensatory and announced days off, plus announced working Saturdays (legal-rules C1).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

use crate::announcements::{Announcement, builtin_announcements};
use crate::dates::{MAX_YEAR, MIN_YEAR, add_days, check_range, check_year, weekday_vn};
use crate::error::CalendarError;
use crate::holidays::{DayOff, HolidayYear};

const YEARS: usize = (MAX_YEAR - MIN_YEAR + 1) as usize;

/// What kind of day a date is for a state body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum DayStatus {
    /// An ordinary working weekday.
    Working,
    /// A Saturday (or Sunday) worked in exchange for a day off.
    WorkingSaturday,
    /// A weekly rest day, possibly also a holiday.
    Weekend {
        /// The holiday that falls on it, if any.
        holiday: Option<DayOff>,
    },
    /// A weekday off: holiday, compensatory or announced day.
    DayOff(DayOff),
}

impl DayStatus {
    /// Whether the day is worked.
    pub fn is_working(&self) -> bool {
        matches!(self, DayStatus::Working | DayStatus::WorkingSaturday)
    }

    /// Vietnamese reason why the day is not worked, e.g. "Chủ nhật" or
    /// "Ngày Chiến thắng"; `None` for working days.
    pub fn reason_vn(&self, date: NaiveDate) -> Option<String> {
        match self {
            DayStatus::Working | DayStatus::WorkingSaturday => None,
            DayStatus::Weekend { holiday: None } => Some(capitalize(weekday_vn(date.weekday()))),
            DayStatus::Weekend { holiday: Some(h) } => {
                Some(format!("{}, {}", capitalize(weekday_vn(date.weekday())), h.name))
            }
            DayStatus::DayOff(h) => Some(h.name.clone()),
        }
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The calendar of days off: built-in announcements, announcements added at run time, and
/// the default rule for everything else. Years are computed on first use and cached.
#[derive(Debug, Clone)]
pub struct HolidayCalendar {
    announcements: BTreeMap<i32, Announcement>,
    years: Box<[OnceLock<Result<HolidayYear, CalendarError>>]>,
}

impl HolidayCalendar {
    fn from_map(announcements: BTreeMap<i32, Announcement>) -> Self {
        let years = (0..YEARS).map(|_| OnceLock::new()).collect();
        Self { announcements, years }
    }

    /// The built-in announcements (2022–2026) plus `extra` ones; an extra announcement
    /// replaces the built-in one of the same year.
    pub fn new(extra: impl IntoIterator<Item = Announcement>) -> Result<Self, CalendarError> {
        let mut map: BTreeMap<i32, Announcement> = builtin_announcements()?.into_iter().map(|a| (a.year, a)).collect();
        for a in extra {
            a.validate()?;
            map.insert(a.year, a);
        }
        Ok(Self::from_map(map))
    }

    /// Only the given announcements, no built-in ones (everything else by the default rule).
    pub fn without_builtin(announcements: impl IntoIterator<Item = Announcement>) -> Result<Self, CalendarError> {
        let mut map = BTreeMap::new();
        for a in announcements {
            a.validate()?;
            map.insert(a.year, a);
        }
        Ok(Self::from_map(map))
    }

    /// The shared calendar with only the built-in announcements.
    pub fn builtin() -> &'static HolidayCalendar {
        static BUILTIN: OnceLock<HolidayCalendar> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // The embedded file is validated by a test; if it were ever broken the calendar
            // falls back to the default rule rather than failing every caller.
            HolidayCalendar::new([]).unwrap_or_else(|_| Self::from_map(BTreeMap::new()))
        })
    }

    /// Adds (or replaces) the announcement of its year.
    pub fn with_announcement(mut self, announcement: Announcement) -> Result<Self, CalendarError> {
        announcement.validate()?;
        self.announcements.insert(announcement.year, announcement);
        Ok(Self::from_map(self.announcements))
    }

    /// All announcements in use, by year.
    pub fn announcements(&self) -> impl Iterator<Item = &Announcement> {
        self.announcements.values()
    }

    /// The days off of `year`.
    pub fn year(&self, year: i32) -> Result<&HolidayYear, CalendarError> {
        check_year(year)?;
        let index = usize::try_from(year - MIN_YEAR).map_err(|_| CalendarError::YearOutOfRange(year))?;
        let cell = self.years.get(index).ok_or(CalendarError::YearOutOfRange(year))?;
        cell.get_or_init(|| HolidayYear::build(year, self.announcements.get(&year))).as_ref().map_err(Clone::clone)
    }

    /// What kind of day `date` is.
    pub fn day_status(&self, date: NaiveDate) -> Result<DayStatus, CalendarError> {
        check_range(date)?;
        let y = self.year(date.year())?;
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        Ok(match (weekend, y.is_working_day(date)) {
            (true, true) => DayStatus::WorkingSaturday,
            (true, false) => DayStatus::Weekend { holiday: y.day_off(date).cloned() },
            (false, true) => DayStatus::Working,
            (false, false) => match y.day_off(date) {
                Some(d) => DayStatus::DayOff(d.clone()),
                None => DayStatus::Working,
            },
        })
    }

    /// Whether `date` is a working day.
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        check_range(date)?;
        Ok(self.year(date.year())?.is_working_day(date))
    }

    /// The first working day strictly after `date`.
    pub fn next_working_day(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        let mut d = add_days(check_range(date)?, 1)?;
        while !self.is_working_day(d)? {
            d = add_days(d, 1)?;
        }
        Ok(d)
    }

    /// The last working day strictly before `date`.
    pub fn previous_working_day(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        let mut d = add_days(check_range(date)?, -1)?;
        while !self.is_working_day(d)? {
            d = add_days(d, -1)?;
        }
        Ok(d)
    }

    /// The `n`-th working day after `date` (the start date is not counted, C2).
    /// `n = 0` returns `date` unchanged.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = coso_calendar::HolidayCalendar::builtin();
    /// let fri = NaiveDate::from_ymd_opt(2026, 2, 13).unwrap();
    /// // the 2026 Tết break (14–22 Feb) is skipped
    /// assert_eq!(cal.add_working_days(fri, 5).unwrap(), NaiveDate::from_ymd_opt(2026, 2, 27).unwrap());
    /// ```
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        self.step_working_days(date, n, 1)
    }

    /// The `n`-th working day before `date`; `n = 0` returns `date` unchanged.
    pub fn sub_working_days(&self, date: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        self.step_working_days(date, n, -1)
    }

    fn step_working_days(&self, date: NaiveDate, n: u32, step: i64) -> Result<NaiveDate, CalendarError> {
        let mut d = check_range(date)?;
        let mut left = n;
        while left > 0 {
            d = add_days(d, step)?;
            if self.is_working_day(d)? {
                left -= 1;
            }
        }
        Ok(d)
    }

    /// Number of working days in `(from, to]` (the start is not counted, the end is); negative
    /// when `to` is before `from`. Consistent with [`Self::add_working_days`]:
    /// `working_days_between(d, add_working_days(d, n)) == n`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> Result<i64, CalendarError> {
        check_range(from)?;
        check_range(to)?;
        let (lo, hi, sign) = if from <= to { (from, to, 1) } else { (to, from, -1) };
        let mut count = 0i64;
        let mut d = lo;
        while d < hi {
            d = add_days(d, 1)?;
            if self.is_working_day(d)? {
                count += 1;
            }
        }
        Ok(sign * count)
    }
}
