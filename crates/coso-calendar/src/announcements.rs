//! Official announcements of days off: the exact Tết break, the National Day adjacent day,
//! swapped days (a Saturday worked in exchange for a weekday off).
//!
//! Labour Code 2019 Art. 112(3) leaves the exact days to a yearly decision of the Prime
//! Minister, announced by the Ministry (MOLISA until 2025, Home Affairs since). They are
//! therefore data: 2022–2026 ship in `data/announcements.json`; later years are added at run
//! time by an administrator ([`crate::HolidayCalendar::with_announcement`]), and the web side
//! stores them.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::dates::{check_year, format_vn};
use crate::error::CalendarError;
use crate::holidays::HolidayKind;
use crate::status::Status;

/// A range of consecutive days off of one kind (weekends inside the range may be included;
/// only weekdays change the working-day count).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DaysOffRange {
    /// First day.
    pub from: NaiveDate,
    /// Last day (inclusive).
    pub to: NaiveDate,
    /// Kind of day off. A statutory kind (e.g. `tet`) replaces the default rule for that kind.
    pub kind: HolidayKind,
    /// Vietnamese name to show instead of the kind's default name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// One year's announcement of days off for civil servants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Announcement {
    /// The Gregorian year the announcement is for; every date in it must be in this year.
    pub year: i32,
    /// Reference of the act: number, date, issuer (shown to users).
    pub source: String,
    /// How sure we are of the content.
    pub status: Status,
    /// Days off. For each statutory kind listed here, the default rule for that kind is not
    /// used; kinds not listed (e.g. 1/1, Giỗ Tổ) keep the default rule and its compensatory days.
    pub days_off: Vec<DaysOffRange>,
    /// Saturdays (or Sundays) that are working days in exchange for a day off.
    #[serde(default)]
    pub working_saturdays: Vec<NaiveDate>,
    /// Free-text remark, e.g. which part is unverified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The longest range accepted in one entry (Tết breaks are at most 9–10 days).
const MAX_RANGE_DAYS: i64 = 31;

impl Announcement {
    /// Parses one announcement from JSON and validates it.
    pub fn from_json(json: &str) -> Result<Self, CalendarError> {
        let a: Announcement =
            serde_json::from_str(json).map_err(|e| CalendarError::InvalidAnnouncement(e.to_string()))?;
        a.validate()?;
        Ok(a)
    }

    /// Parses a JSON array of announcements and validates each one.
    pub fn list_from_json(json: &str) -> Result<Vec<Self>, CalendarError> {
        let list: Vec<Announcement> =
            serde_json::from_str(json).map_err(|e| CalendarError::InvalidAnnouncement(e.to_string()))?;
        for a in &list {
            a.validate()?;
        }
        Ok(list)
    }

    /// Checks that the announcement is consistent: supported year, every date in that year,
    /// ranges in order and short, working days on weekends, no day both off and worked.
    pub fn validate(&self) -> Result<(), CalendarError> {
        let bad = |msg: String| Err(CalendarError::InvalidAnnouncement(msg));
        check_year(self.year).map_err(|e| CalendarError::InvalidAnnouncement(e.to_string()))?;
        if self.source.trim().is_empty() {
            return bad("thiếu căn cứ (số, ngày, cơ quan ban hành thông báo)".to_owned());
        }
        for r in &self.days_off {
            if r.from.year() != self.year || r.to.year() != self.year {
                return bad(format!(
                    "khoảng {} – {} không thuộc năm {}",
                    format_vn(r.from),
                    format_vn(r.to),
                    self.year
                ));
            }
            if r.to < r.from {
                return bad(format!("ngày kết thúc {} trước ngày bắt đầu {}", format_vn(r.to), format_vn(r.from)));
            }
            if (r.to - r.from).num_days() >= MAX_RANGE_DAYS {
                return bad(format!(
                    "khoảng {} – {} dài quá {MAX_RANGE_DAYS} ngày",
                    format_vn(r.from),
                    format_vn(r.to)
                ));
            }
        }
        for d in &self.working_saturdays {
            if d.year() != self.year {
                return bad(format!("ngày làm bù {} không thuộc năm {}", format_vn(*d), self.year));
            }
            if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
                return bad(format!("ngày làm bù {} không phải thứ Bảy hoặc Chủ nhật", format_vn(*d)));
            }
            if self.days_off.iter().any(|r| (r.from..=r.to).contains(d)) {
                return bad(format!("ngày {} vừa là ngày nghỉ vừa là ngày làm bù", format_vn(*d)));
            }
        }
        Ok(())
    }
}

/// The announcements shipped with the crate (2022–2026, legal-rules §6).
pub fn builtin_announcements() -> Result<Vec<Announcement>, CalendarError> {
    Announcement::list_from_json(include_str!("../data/announcements.json"))
}
