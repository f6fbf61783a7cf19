//! Public holidays of Labour Code 2019 Art. 111–112 and the days off of one year.
//!
//! The fixed rules (Art. 112(1)): 1/1; five days of Tết; Giỗ Tổ Hùng Vương (10/3 lunar);
//! 30/4; 1/5; 2/9 plus one adjacent day. A holiday that falls on a weekly rest day gives a
//! compensatory day off (*nghỉ bù*) on the next working day (Art. 111(3)). The exact Tết
//! days, the adjacent National Day day and swapped days are decided each year by the Prime
//! Minister and announced; they are data ([`crate::Announcement`]). For a year, or a kind of
//! holiday, that no announcement covers, the **default rule** of [`default_rule_vn`] applies.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::announcements::Announcement;
use crate::dates::{add_days, format_vn};
use crate::error::CalendarError;
use crate::lunar;
use crate::status::Status;

/// Why a day is not worked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HolidayKind {
    /// Tết Dương lịch, 1/1.
    NewYear,
    /// Tết Nguyên đán (Lunar New Year), including the days the announcement adds to it.
    Tet,
    /// Giỗ Tổ Hùng Vương, 10/3 lunar.
    HungKings,
    /// Ngày Chiến thắng, 30/4.
    VictoryDay,
    /// Ngày Quốc tế Lao động, 1/5.
    LabourDay,
    /// Quốc khánh, 2/9 and its adjacent day.
    NationalDay,
    /// Nghỉ bù: compensatory day for a holiday on a weekly rest day (Art. 111(3)).
    Compensatory,
    /// Nghỉ hoán đổi: a weekday off in exchange for a working Saturday.
    SwappedDayOff,
    /// Any other day off an announcement grants.
    Other,
}

impl HolidayKind {
    /// Every kind, for the API's list of codes.
    pub const ALL: [HolidayKind; 9] = [
        HolidayKind::NewYear,
        HolidayKind::Tet,
        HolidayKind::HungKings,
        HolidayKind::VictoryDay,
        HolidayKind::LabourDay,
        HolidayKind::NationalDay,
        HolidayKind::Compensatory,
        HolidayKind::SwappedDayOff,
        HolidayKind::Other,
    ];

    /// Default Vietnamese name.
    pub fn name_vn(self) -> &'static str {
        match self {
            HolidayKind::NewYear => "Tết Dương lịch",
            HolidayKind::Tet => "Tết Nguyên đán",
            HolidayKind::HungKings => "Giỗ Tổ Hùng Vương",
            HolidayKind::VictoryDay => "Ngày Chiến thắng",
            HolidayKind::LabourDay => "Ngày Quốc tế Lao động",
            HolidayKind::NationalDay => "Quốc khánh",
            HolidayKind::Compensatory => "Nghỉ bù",
            HolidayKind::SwappedDayOff => "Nghỉ hoán đổi",
            HolidayKind::Other => "Ngày nghỉ theo thông báo",
        }
    }

    /// Whether this is one of the holidays of Art. 112(1) (as opposed to a day derived from them).
    pub fn is_statutory(self) -> bool {
        !matches!(self, HolidayKind::Compensatory | HolidayKind::SwappedDayOff | HolidayKind::Other)
    }
}

/// One day off (or holiday falling on a weekend).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayOff {
    /// The date.
    pub date: NaiveDate,
    /// What kind of day off.
    pub kind: HolidayKind,
    /// Vietnamese name, e.g. "Ngày Chiến thắng" or "Nghỉ bù Giỗ Tổ Hùng Vương (26/04/2026)".
    pub name: String,
    /// True when the day comes from an official announcement, false when from the default rule.
    pub announced: bool,
}

/// The days off and working Saturdays of one Gregorian year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HolidayYear {
    /// The year.
    pub year: i32,
    /// Whether an official announcement for this year is known. When false, every day comes
    /// from the default rule.
    pub announced: bool,
    /// The announcement's reference (number, date, issuer), if any.
    pub source: Option<String>,
    /// Verification status of the announcement, if any.
    pub status: Option<Status>,
    /// Vietnamese description of the default rule, present when some days come from it.
    pub default_rule: Option<String>,
    /// Every weekday (Mon–Fri) that civil servants do not work, in date order.
    pub days_off: Vec<DayOff>,
    /// Holidays that fall on a Saturday or Sunday (they cause compensatory days).
    pub weekend_holidays: Vec<DayOff>,
    /// Saturdays that are working days in exchange for a weekday off.
    pub working_saturdays: Vec<NaiveDate>,
    #[serde(skip)]
    off_bits: [u64; 6],
    #[serde(skip)]
    work_bits: [u64; 6],
}

/// The default rule, in Vietnamese, applied to a year or a holiday that no announcement covers.
pub fn default_rule_vn() -> &'static str {
    "Chưa có thông báo chính thức của Thủ tướng/Bộ Nội vụ cho phần này; ngày nghỉ tính theo quy tắc mặc định \
     của Điều 112 Bộ luật Lao động 2019: Tết Dương lịch 1/1; Tết Nguyên đán 5 ngày gồm ngày cuối năm âm lịch \
     và mùng 1 đến mùng 4; Giỗ Tổ Hùng Vương 10/3 âm lịch; 30/4; 1/5; Quốc khánh 2/9 và ngày 1/9 (hoặc 3/9 \
     nếu 2/9 là thứ Hai); ngày lễ trùng thứ Bảy, Chủ nhật được nghỉ bù vào ngày làm việc kế tiếp \
     (khoản 3 Điều 111)."
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

fn ymd(year: i32, month: u32, day: u32) -> Result<NaiveDate, CalendarError> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or(CalendarError::YearOutOfRange(year))
}

/// Statutory holidays of `year` by the default rule, for the kinds not in `covered`.
fn default_holidays(year: i32, covered: &[HolidayKind]) -> Result<Vec<(NaiveDate, HolidayKind)>, CalendarError> {
    let mut out = Vec::with_capacity(11);
    let wanted = |k: HolidayKind| !covered.contains(&k);
    if wanted(HolidayKind::NewYear) {
        out.push((ymd(year, 1, 1)?, HolidayKind::NewYear));
    }
    if wanted(HolidayKind::Tet) {
        let tet = lunar::tet(year)?;
        for offset in -1..=3 {
            out.push((add_days(tet, offset)?, HolidayKind::Tet));
        }
    }
    if wanted(HolidayKind::HungKings) {
        out.push((lunar::hung_kings_day(year)?, HolidayKind::HungKings));
    }
    if wanted(HolidayKind::VictoryDay) {
        out.push((ymd(year, 4, 30)?, HolidayKind::VictoryDay));
    }
    if wanted(HolidayKind::LabourDay) {
        out.push((ymd(year, 5, 1)?, HolidayKind::LabourDay));
    }
    if wanted(HolidayKind::NationalDay) {
        let national = ymd(year, 9, 2)?;
        let adjacent = if national.weekday() == Weekday::Mon { ymd(year, 9, 3)? } else { ymd(year, 9, 1)? };
        out.push((national, HolidayKind::NationalDay));
        out.push((adjacent, HolidayKind::NationalDay));
    }
    out.sort();
    Ok(out)
}

fn set_bit(bits: &mut [u64; 6], ordinal0: u32) {
    if let Some(word) = bits.get_mut((ordinal0 / 64) as usize) {
        *word |= 1 << (ordinal0 % 64);
    }
}

fn get_bit(bits: &[u64; 6], ordinal0: u32) -> bool {
    bits.get((ordinal0 / 64) as usize).is_some_and(|w| w & (1 << (ordinal0 % 64)) != 0)
}

impl HolidayYear {
    /// Computes the days off of `year` from the default rule and, if given, the year's
    /// announcement (which replaces the default rule for each holiday kind it lists).
    pub fn build(year: i32, announcement: Option<&Announcement>) -> Result<Self, CalendarError> {
        crate::dates::check_year(year)?;
        let covered: Vec<HolidayKind> = announcement
            .map(|a| a.days_off.iter().map(|s| s.kind).filter(|k| k.is_statutory()).collect())
            .unwrap_or_default();
        let defaults = default_holidays(year, &covered)?;

        let mut map: BTreeMap<NaiveDate, DayOff> = BTreeMap::new();
        for &(date, kind) in &defaults {
            // Two holidays on one day (Giỗ Tổ on 30/4, as in 1947) keep both names; the Labour
            // Code grants a compensatory day only for weekly rest days, so none is added.
            map.entry(date)
                .and_modify(|existing| {
                    existing.name.push_str(" và ");
                    existing.name.push_str(kind.name_vn());
                })
                .or_insert_with(|| DayOff { date, kind, name: kind.name_vn().to_owned(), announced: false });
        }
        if let Some(a) = announcement {
            for segment in &a.days_off {
                let mut d = segment.from;
                while d <= segment.to {
                    map.insert(
                        d,
                        DayOff {
                            date: d,
                            kind: segment.kind,
                            name: segment.name.clone().unwrap_or_else(|| segment.kind.name_vn().to_owned()),
                            announced: true,
                        },
                    );
                    d = add_days(d, 1)?;
                }
            }
        }
        // Art. 111(3): each default-rule holiday on a weekend gives the next free weekday off,
        // assigned in date order so that chained holidays (29/4 Sat, 30/4 Sun, 1/5 Mon) get
        // distinct days.
        for &(date, kind) in &defaults {
            if !is_weekend(date) {
                continue;
            }
            let mut d = add_days(date, 1)?;
            while is_weekend(d) || map.contains_key(&d) {
                d = add_days(d, 1)?;
            }
            map.insert(
                d,
                DayOff {
                    date: d,
                    kind: HolidayKind::Compensatory,
                    name: format!("Nghỉ bù {} ({})", kind.name_vn(), format_vn(date)),
                    announced: false,
                },
            );
        }

        let working_saturdays: Vec<NaiveDate> = announcement.map(|a| a.working_saturdays.clone()).unwrap_or_default();
        let mut off_bits = [0u64; 6];
        let mut work_bits = [0u64; 6];
        let mut days_off = Vec::new();
        let mut weekend_holidays = Vec::new();
        for (date, day) in map {
            if date.year() != year {
                continue;
            }
            if is_weekend(date) {
                weekend_holidays.push(day);
            } else {
                set_bit(&mut off_bits, date.ordinal0());
                days_off.push(day);
            }
        }
        for d in &working_saturdays {
            set_bit(&mut work_bits, d.ordinal0());
        }
        let uses_default = announcement.is_none() || days_off.iter().chain(&weekend_holidays).any(|d| !d.announced);
        Ok(Self {
            year,
            announced: announcement.is_some(),
            source: announcement.map(|a| a.source.clone()),
            status: announcement.map(|a| a.status),
            default_rule: uses_default.then(|| default_rule_vn().to_owned()),
            days_off,
            weekend_holidays,
            working_saturdays,
            off_bits,
            work_bits,
        })
    }

    /// Whether `date` (which must be in this year) is a working day.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        let ordinal0 = date.ordinal0();
        if is_weekend(date) { get_bit(&self.work_bits, ordinal0) } else { !get_bit(&self.off_bits, ordinal0) }
    }

    /// The day off or weekend holiday on `date`, if any.
    pub fn day_off(&self, date: NaiveDate) -> Option<&DayOff> {
        let list = if is_weekend(date) { &self.weekend_holidays } else { &self.days_off };
        list.binary_search_by_key(&date, |d| d.date).ok().and_then(|i| list.get(i))
    }
}
