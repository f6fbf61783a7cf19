//! Per-lunar-year tables: month starts and the leap month, computed once per year and kept.
//!
//! One astronomical conversion costs tens of microseconds; a table lookup costs a few
//! nanoseconds. Each lunar year (Tết to Tết) is computed the first time any date of it is
//! asked for and cached in a `OnceLock`, so a one-off CLI call computes one or two years and a
//! long-running server pays for each year once.

use std::sync::OnceLock;

use calendrical_calculations::chinese_based::{YearBounds, days_in_month, get_leap_month_from_new_year};
use calendrical_calculations::gregorian::fixed_from_gregorian;
use calendrical_calculations::rata_die::RataDie;

use crate::astro::{VietnameseUtc7, december_solstice_rd};

/// First lunar year with a table: lunar year 1899 holds January 1900 before Tết.
pub(crate) const FIRST_LUNAR_YEAR: i32 = 1899;
/// Last lunar year with a table.
pub(crate) const LAST_LUNAR_YEAR: i32 = 2199;
const YEARS: usize = (LAST_LUNAR_YEAR - FIRST_LUNAR_YEAR + 1) as usize;

/// One lunar year: `starts[i]` is the Rata Die of the first day of the month with ordinal
/// `i + 1`; `starts[months]` is the next Tết.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LunarYearTable {
    pub(crate) year: i32,
    pub(crate) months: u8,
    /// Ordinal (1-based) of the leap month; the leap month at ordinal `L` repeats month `L - 1`.
    pub(crate) leap_ordinal: Option<u8>,
    pub(crate) starts: [i64; 14],
}

impl LunarYearTable {
    /// Rata Die of Tết (day 1 of month 1).
    pub(crate) fn new_year(&self) -> i64 {
        self.starts[0]
    }

    /// Rata Die of the next Tết.
    pub(crate) fn next_new_year(&self) -> i64 {
        self.starts[usize::from(self.months)]
    }

    /// Month number (1–12) and leap flag of the month with this 1-based ordinal.
    pub(crate) fn month_of_ordinal(&self, ordinal: u8) -> (u8, bool) {
        match self.leap_ordinal {
            Some(l) if ordinal == l => (ordinal - 1, true),
            Some(l) if ordinal > l => (ordinal - 1, false),
            _ => (ordinal, false),
        }
    }

    /// 1-based ordinal of month `month` (leap or not), if this year has it.
    pub(crate) fn ordinal_of_month(&self, month: u8, leap: bool) -> Option<u8> {
        if !(1..=12).contains(&month) {
            return None;
        }
        match (self.leap_ordinal, leap) {
            (Some(l), true) => (l == month + 1).then_some(l),
            (None, true) => None,
            (Some(l), false) if month >= l => Some(month + 1),
            _ => Some(month),
        }
    }

    /// Length in days of the month with this 1-based ordinal.
    pub(crate) fn month_len(&self, ordinal: u8) -> i64 {
        let i = usize::from(ordinal);
        match (self.starts.get(i), i.checked_sub(1).and_then(|p| self.starts.get(p))) {
            (Some(end), Some(start)) => end - start,
            _ => 0,
        }
    }
}

fn compute(year: i32) -> LunarYearTable {
    let mid_year = fixed_from_gregorian(year, 6, 1);
    let bounds = YearBounds::compute::<VietnameseUtc7>(mid_year);
    let new_year = bounds.new_year.to_i64_date();
    let next_new_year = bounds.next_new_year.to_i64_date();

    let mut starts = [next_new_year; 14];
    starts[0] = new_year;
    let mut months = 0u8;
    let mut cur = bounds.new_year;
    while months < 13 {
        let (_, next) = days_in_month::<VietnameseUtc7>(1, cur, Some(cur));
        months += 1;
        starts[usize::from(months)] = next.to_i64_date();
        cur = next;
        if next.to_i64_date() >= next_new_year {
            break;
        }
    }

    let leap_ordinal = (months == 13).then(|| leap_ordinal(year, &starts));
    LunarYearTable { year, months, leap_ordinal, starts }
}

/// Places the leap month of a 13-month lunar year by the solar-year (*tuế*) rule.
///
/// Month 11 is the month containing the winter solstice. If month 11 of this year is the
/// 12th month after Tết, the leap month lies before it and is the first month without a major
/// solar term counted from Tết. If month 11 is the 11th month, the leap month is 11 or 12,
/// whichever comes first without a major solar term. (The naive "first month without a
/// major term after Tết" gives leap 7 instead of leap 11 in 2033.)
fn leap_ordinal(year: i32, starts: &[i64; 14]) -> u8 {
    let solstice = december_solstice_rd(year);
    let month11_index = starts.windows(2).position(|w| matches!(w, [a, b] if *a <= solstice && solstice < *b));
    let first_without_term_from = |index: usize| -> u8 {
        let start = starts.get(index).copied().unwrap_or(starts[0]);
        get_leap_month_from_new_year::<VietnameseUtc7>(RataDie::new(start))
    };
    match month11_index {
        Some(10) => {
            if first_without_term_from(11) == 1 {
                12
            } else {
                13
            }
        }
        _ => first_without_term_from(0),
    }
}

static TABLES: [OnceLock<LunarYearTable>; YEARS] = [const { OnceLock::new() }; YEARS];

/// The table of lunar year `year`, or `None` outside 1899–2199.
pub(crate) fn year_table(year: i32) -> Option<&'static LunarYearTable> {
    let index = usize::try_from(year.checked_sub(FIRST_LUNAR_YEAR)?).ok()?;
    let cell = TABLES.get(index)?;
    Some(cell.get_or_init(|| compute(year)))
}

/// Month-11 index (0-based ordinal from Tết) of a lunar year, exposed for consistency tests.
#[doc(hidden)]
pub fn month11_index(year: i32) -> Option<usize> {
    let table = year_table(year)?;
    let solstice = december_solstice_rd(year);
    table
        .starts
        .windows(2)
        .take(usize::from(table.months))
        .position(|w| matches!(w, [a, b] if *a <= solstice && solstice < *b))
}
