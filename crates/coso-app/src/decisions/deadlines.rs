//! The deadlines of a decision: for a meeting, the invitation (Mẫu 01) and its reminder before
//! the day, counted in calendar days from the configured numbers, and the sending of the
//! result to the commune in working days (DEC-10b); for a household ballot, the sending of the
//! result within 5 working days after the ballot period ends (DEC-10); for an online vote, its
//! close, the last day a household may vote or change its vote.

use chrono::NaiveDate;
use coso_calendar::{Circumstances, HolidayCalendar, RuleBook, compute_deadline};
use coso_domain::decision::timeline::{
    BALLOT_RESULT_RULE, INVITATION_RULE, MEETING_RESULT_RULE, ONLINE_CLOSE_RULE, REMINDER_RULE, invitation_due,
    reminder_due,
};
use coso_domain::decision::{DecisionForm, Rules};
use coso_store::DecisionRow;
use serde::Serialize;

use crate::{Error, Result};

/// One deadline of a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecisionDeadline {
    /// A stable rule id (`ballot.result_to_commune`).
    pub rule: String,
    pub title: String,
    pub due: NaiveDate,
    /// Whether the number behind it is not confirmed by the sources (shown as such).
    pub unverified: bool,
}

fn from_calendar(calendar: &HolidayCalendar, rule: &str, from: NaiveDate) -> Result<DecisionDeadline> {
    let d = compute_deadline(RuleBook::builtin(), calendar, rule, from, Circumstances::default())
        .map_err(Error::internal)?;
    let unverified =
        RuleBook::builtin().rule_at(rule, from).map(|r| r.status == coso_calendar::Status::U).unwrap_or(false);
    Ok(DecisionDeadline { rule: d.rule, title: d.title, due: d.due, unverified })
}

/// The deadlines of `d` under the configured `rules`.
pub fn deadlines(calendar: &HolidayCalendar, rules: &Rules, d: &DecisionRow) -> Result<Vec<DecisionDeadline>> {
    match d.form {
        DecisionForm::Meeting => Ok(vec![
            DecisionDeadline {
                rule: INVITATION_RULE.into(),
                title: format!("Gửi giấy mời họp (Mẫu 01) trước ngày họp {} ngày", rules.invitation_days_before),
                due: invitation_due(d.held_on, rules),
                unverified: true,
            },
            DecisionDeadline {
                rule: REMINDER_RULE.into(),
                title: format!("Nhắc lại lịch họp trước ngày họp {} ngày", rules.reminder_days_before),
                due: reminder_due(d.held_on, rules),
                unverified: true,
            },
            from_calendar(calendar, MEETING_RESULT_RULE, d.held_on)?,
        ]),
        DecisionForm::Ballot => Ok(vec![from_calendar(calendar, BALLOT_RESULT_RULE, d.ends_on)?]),
        DecisionForm::Online => Ok(vec![DecisionDeadline {
            rule: ONLINE_CLOSE_RULE.into(),
            title: "Kết thúc biểu quyết trực tuyến; hộ gia đình được đổi ý kiến đến hết ngày này".into(),
            due: d.ends_on,
            unverified: false,
        }]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn worked_case_of_dec_10_a_ballot_ending_on_friday_8_march_2024_sends_by_the_15th() {
        let d = from_calendar(HolidayCalendar::builtin(), BALLOT_RESULT_RULE, date(2024, 3, 8)).expect("deadline");
        assert_eq!(d.due, date(2024, 3, 15));
        assert!(!d.unverified);
    }

    #[test]
    fn a_meetings_result_goes_to_the_commune_in_five_working_days_unverified() {
        let d = from_calendar(HolidayCalendar::builtin(), MEETING_RESULT_RULE, date(2024, 3, 8)).expect("deadline");
        assert_eq!(d.due, date(2024, 3, 15));
        assert!(d.unverified);
    }
}
