//! The two deadlines of a dialogue, counted by the legal calendar from the day it is held: the
//! announcement at least 7 days before (`dialogue.notice`, DLG-3) and the results within 10
//! days after (`dialogue.results`, DLG-4).

use chrono::NaiveDate;
use coso_calendar::{Circumstances, HolidayCalendar, RuleBook, compute_deadline};
use coso_domain::dialogue::{NOTICE_RULE, RESULTS_RULE};
use serde::Serialize;

use crate::{Error, Result};

/// One deadline of a dialogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeadlineView {
    /// The calendar's rule id (`dialogue.notice`).
    pub rule: String,
    pub title: String,
    /// The day the law's count reaches: 10 days after the dialogue for its results.
    pub due: NaiveDate,
    /// The same day moved past days off (Civil Code Art. 148), when the calendar moves it.
    pub due_after_days_off: NaiveDate,
    pub citation: String,
    /// When the step was done; `None` while it is not.
    pub met_on: Option<NaiveDate>,
}

/// The deadlines of a dialogue held on `held_on`, with when it was announced and when its
/// results were published.
pub fn deadlines(
    calendar: &HolidayCalendar,
    held_on: NaiveDate,
    announced_on: Option<NaiveDate>,
    published_on: Option<NaiveDate>,
) -> Result<Vec<DeadlineView>> {
    [(NOTICE_RULE, announced_on), (RESULTS_RULE, published_on)]
        .into_iter()
        .map(|(rule, met_on)| {
            let d = compute_deadline(RuleBook::builtin(), calendar, rule, held_on, Circumstances::default())
                .map_err(|_| {
                    Error::Validation(vec![coso_domain::FieldError::new(
                        "held_on",
                        "Ngày đối thoại phải từ 01/07/2025, khi Luật Tổ chức chính quyền địa phương số 72/2025/QH15 có hiệu lực.",
                    )])
                })?;
            Ok(DeadlineView {
                rule: d.rule,
                title: d.title,
                due: d.raw_due,
                due_after_days_off: d.due,
                citation: d.citation,
                met_on,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn worked_case_of_dlg_3_and_dlg_4() {
        let all = deadlines(HolidayCalendar::builtin(), d("2025-10-15"), None, None).expect("deadlines");
        let pairs: Vec<_> = all.iter().map(|x| (x.rule.as_str(), x.due)).collect();
        assert_eq!(pairs, [(NOTICE_RULE, d("2025-10-08")), (RESULTS_RULE, d("2025-10-25"))]);
        // 25/10/2025 is a Saturday: the calendar moves the last day to Monday.
        assert_eq!(all[1].due_after_days_off, d("2025-10-27"));
    }

    #[test]
    fn a_dialogue_before_the_2025_law_has_no_rule() {
        let e = deadlines(HolidayCalendar::builtin(), d("2025-06-01"), None, None).expect_err("not in force");
        assert!(matches!(e, Error::Validation(v) if v[0].field == "held_on"));
    }
}
