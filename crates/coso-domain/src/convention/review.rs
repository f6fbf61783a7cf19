//! The yearly review of a convention in force (HU-7): at the National Great Unity Day, 18
//! November, or another important day the community agrees. How long before that day a
//! review still counts as that year's is not in the decree: it is configuration, shown as
//! unverified.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// The rule id of the yearly review, beside the legal calendar's.
pub const REVIEW_RULE: &str = "convention.review";

/// When conventions are reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewRules {
    /// The review day, month and day (18 November, HU-7).
    pub month: u32,
    pub day: u32,
    /// How many days before the review day a review counts as that year's. **Unverified**
    /// (`[U]`): the decree names the day, not a window.
    pub window_days: u32,
}

impl Default for ReviewRules {
    fn default() -> Self {
        ReviewRules { month: 11, day: 18, window_days: 30 }
    }
}

impl ReviewRules {
    /// Whether the window is the decree's (it is not: it is a default of coso).
    pub const WINDOW_VERIFIED: bool = false;

    fn day_in(&self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
    }

    /// The review day due after `last` (the recognition or the last review): the first review
    /// day whose window opens after `last`, so a text recognised or reviewed within the window
    /// is next reviewed a year later.
    pub fn next_due(&self, last: NaiveDate) -> Option<NaiveDate> {
        (last.year()..=last.year() + 2)
            .filter_map(|y| self.day_in(y))
            .find(|d| d.checked_sub_days(Days::new(u64::from(self.window_days))).is_some_and(|open| open > last))
    }

    /// Explains the rule in Vietnamese, the window marked unverified.
    pub fn explanation(&self) -> String {
        format!(
            "Rà soát hằng năm vào Ngày hội Đại đoàn kết toàn dân tộc ({:02}/{:02}) hoặc ngày cộng đồng thống nhất \
             (Nghị định 61/2023/NĐ-CP). Rà soát trong {} ngày trước ngày đó được tính cho năm đó (mặc định của \
             hệ thống, chưa được xác minh).",
            self.day, self.month, self.window_days
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn reviewed_each_eighteenth_of_november() {
        let r = ReviewRules::default();
        // Recognised on 2024-03-18 (the worked case of HU-6): first review 2024-11-18.
        assert_eq!(r.next_due(d(2024, 3, 18)), Some(d(2024, 11, 18)));
        // Reviewed that day: next year.
        assert_eq!(r.next_due(d(2024, 11, 18)), Some(d(2025, 11, 18)));
        // Reviewed a week early: it counts for that year.
        assert_eq!(r.next_due(d(2024, 11, 11)), Some(d(2025, 11, 18)));
        // Recognised after the day: the next year's.
        assert_eq!(r.next_due(d(2024, 12, 2)), Some(d(2025, 11, 18)));
        // Another day the community agrees.
        let r = ReviewRules { month: 1, day: 10, window_days: 0 };
        assert_eq!(r.next_due(d(2024, 1, 10)), Some(d(2025, 1, 10)));
        assert_eq!(r.next_due(d(2024, 1, 9)), Some(d(2024, 1, 10)));
    }

    #[test]
    fn the_window_is_shown_as_unverified() {
        assert!(ReviewRules::default().explanation().contains("chưa được xác minh"));
    }
}
