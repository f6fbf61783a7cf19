//! The deadlines of an election from the legal calendar: the four steps before the meeting
//! (`village_head.plan`, `…candidates`, `…team`, `…notice`, counted back in calendar days), the
//! recognition after the commune received the result (`village_head.recognition`, working
//! days) and the new election after a dismissal (`village_head.re_election`). The API names
//! them `election.plan` … `election.recognition`, `election.new_after_dismissal`.

use chrono::NaiveDate;
use coso_calendar::{Circumstances, HolidayCalendar, RuleBook, compute_deadline};
use coso_domain::election::{NEW_ELECTION_RULE, RECOGNITION_RULE, Step, StepState, judge_step};
use serde::Serialize;

use crate::{Error, Result};

/// One deadline of an election, judged on the day it is read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ElectionDeadline {
    /// The stable id (`election.plan`).
    pub rule: &'static str,
    /// The rule of the legal extract (`VH-1`).
    pub reference: &'static str,
    pub title: String,
    pub due: NaiveDate,
    /// When it was done; `None` while it is not.
    pub met_on: Option<NaiveDate>,
    pub state: StepState,
    pub state_label: &'static str,
    /// How it was counted, with the article, in Vietnamese.
    pub explanation: String,
    pub citation: String,
}

/// The calendar's deadline of `rule` counted from `from`.
pub fn calendar_due(calendar: &HolidayCalendar, rule: &str, from: NaiveDate) -> Result<coso_calendar::Deadline> {
    compute_deadline(RuleBook::builtin(), calendar, rule, from, Circumstances::default()).map_err(Error::internal)
}

fn judged(
    d: coso_calendar::Deadline,
    rule: &'static str,
    reference: &'static str,
    met_on: Option<NaiveDate>,
    today: NaiveDate,
) -> ElectionDeadline {
    let state = judge_step(d.due, met_on, today);
    ElectionDeadline {
        rule,
        reference,
        explanation: d.explanation.to_vietnamese_text_for_people(),
        title: d.title,
        due: d.due,
        citation: d.citation,
        met_on,
        state,
        state_label: state.label(),
    }
}

/// A step of the timeline before the meeting on `meeting_on`.
pub fn step(
    calendar: &HolidayCalendar,
    s: Step,
    meeting_on: NaiveDate,
    done_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<ElectionDeadline> {
    let d = calendar_due(calendar, s.calendar_rule(), meeting_on)?;
    Ok(judged(d, s.rule(), s.reference(), done_on, today))
}

/// The commune's recognition of a result it received on `received_on` (VH-6).
pub fn recognition(
    calendar: &HolidayCalendar,
    received_on: NaiveDate,
    decided_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<ElectionDeadline> {
    let d = calendar_due(calendar, RECOGNITION_RULE, received_on)?;
    Ok(judged(d, "election.recognition", "VH-6", decided_on, today))
}

/// The decision to hold a new election after a dismissal recognised on `recognised_on` (VH-7).
pub fn new_after_dismissal(
    calendar: &HolidayCalendar,
    recognised_on: NaiveDate,
    decided_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<ElectionDeadline> {
    let d = calendar_due(calendar, NEW_ELECTION_RULE, recognised_on)?;
    Ok(judged(d, "election.new_after_dismissal", "VH-7", decided_on, today))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn calendar() -> &'static HolidayCalendar {
        HolidayCalendar::builtin()
    }

    #[test]
    fn worked_case_of_vh_1_to_vh_4_for_a_meeting_on_30_november_2025() {
        let cal = calendar();
        let meeting = date("2025-11-30");
        let today = date("2025-11-01");
        let due = |s| step(cal, s, meeting, None, today).expect("due").due;
        assert_eq!(due(Step::Plan), date("2025-11-10"));
        assert_eq!(due(Step::Team), date("2025-11-20"));
        assert_eq!(due(Step::Notice), date("2025-11-23"));
        assert_eq!(due(Step::Candidates), date("2025-11-15"));
    }

    #[test]
    fn a_plan_recorded_after_its_day_is_flagged_late_with_its_rule() {
        let cal = calendar();
        let d = step(cal, Step::Plan, date("2025-11-30"), Some(date("2025-11-12")), date("2025-11-30")).expect("d");
        assert_eq!((d.rule, d.reference, d.state), ("election.plan", "VH-1", StepState::Late));
        let d = step(cal, Step::Notice, date("2025-11-30"), None, date("2025-11-24")).expect("d");
        assert_eq!(d.state, StepState::Overdue);
    }

    #[test]
    fn worked_case_of_vh_6_received_monday_1_december_is_due_monday_8_december() {
        let d = recognition(calendar(), date("2025-12-01"), None, date("2025-12-01")).expect("d");
        assert_eq!(d.due, date("2025-12-08"));
        assert_eq!(d.rule, "election.recognition");
    }

    #[test]
    fn a_new_election_is_decided_within_60_days_of_the_dismissal() {
        let d = new_after_dismissal(calendar(), date("2025-09-01"), Some(date("2025-10-31")), date("2025-12-01"))
            .expect("d");
        assert_eq!(d.due, date("2025-10-31"));
        assert_eq!(d.state, StepState::Done);
    }

    #[test]
    fn worked_case_of_conf_3_a_conference_on_20_december_2024_needs_its_notice_by_the_15th() {
        let d = calendar_due(calendar(), coso_domain::conference::NOTICE_RULE, date("2024-12-20")).expect("d");
        assert_eq!(d.due, date("2024-12-15"));
    }
}
