//! The dates a meeting is announced by: the invitation (Mẫu 01) and its reminder, counted in
//! calendar days before the meeting from the configured numbers. The sending of a result to
//! the commune is counted in working days by the legal calendar (rule ids below).

use chrono::{Days, NaiveDate};

use super::rules::Rules;

/// The rule id of the invitation (unverified number, [`Rules::invitation_days_before`]).
pub const INVITATION_RULE: &str = "community_meeting.invitation";
/// The rule id of the reminder.
pub const REMINDER_RULE: &str = "community_meeting.reminder";
/// The calendar's rule sending a meeting's decision to the commune (DEC-10b, unverified).
pub const MEETING_RESULT_RULE: &str = "community_meeting.result_to_commune";
/// The calendar's rule sending a ballot's decision to the commune (DEC-10).
pub const BALLOT_RESULT_RULE: &str = "ballot.result_to_commune";
/// The rule id of an online vote's close: the last day households may vote or change their
/// vote, as the decision sets it (DEC-11).
pub const ONLINE_CLOSE_RULE: &str = "online_vote.close";

/// The last day the invitation should go out.
pub fn invitation_due(meeting_on: NaiveDate, rules: &Rules) -> NaiveDate {
    meeting_on.checked_sub_days(Days::new(u64::from(rules.invitation_days_before))).unwrap_or(meeting_on)
}

/// The day of the reminder.
pub fn reminder_due(meeting_on: NaiveDate, rules: &Rules) -> NaiveDate {
    meeting_on.checked_sub_days(Days::new(u64::from(rules.reminder_days_before))).unwrap_or(meeting_on)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_invitation_goes_out_five_days_before_and_the_reminder_the_day_before() {
        let meeting = NaiveDate::from_ymd_opt(2026, 3, 15).expect("date");
        let rules = Rules::default();
        assert_eq!(invitation_due(meeting, &rules), NaiveDate::from_ymd_opt(2026, 3, 10).expect("date"));
        assert_eq!(reminder_due(meeting, &rules), NaiveDate::from_ymd_opt(2026, 3, 14).expect("date"));
        let seven = Rules { invitation_days_before: 7, ..rules };
        assert_eq!(invitation_due(meeting, &seven), NaiveDate::from_ymd_opt(2026, 3, 8).expect("date"));
    }
}
