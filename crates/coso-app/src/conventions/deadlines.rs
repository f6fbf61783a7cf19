//! The deadlines of a convention, counted by the legal calendar from its dates: the posting
//! period before the vote (`convention.posting`, PUB-7), the dossier to the commune
//! (`convention.dossier`, HU-6), the recognition (`convention.recognition`, HU-6), and the
//! yearly review (`convention.review`, HU-7, from the configured day).

use chrono::NaiveDate;
use coso_calendar::{Bound, Circumstances, HolidayCalendar, RuleBook, compute_deadline};
use coso_domain::convention::{DOSSIER_RULE, POSTING_RULE, RECOGNITION_RULE, REVIEW_RULE, ReviewRules};
use coso_store::ConventionState;
use serde::Serialize;

use crate::{Error, Result};

/// One deadline of a convention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeadlineView {
    /// The rule id (`convention.dossier`).
    pub rule: String,
    pub title: String,
    pub due: NaiveDate,
    /// Whether `due` is the first day allowed (the vote after the posting) rather than the last.
    pub earliest: bool,
    /// How it was counted, with the article of law, in Vietnamese.
    pub explanation: String,
    pub citation: String,
    /// Whether the rule was seen in a source; an unverified one is shown as such.
    pub verified: bool,
    /// When the step was done; `None` while it is not.
    pub met_on: Option<NaiveDate>,
}

impl DeadlineView {
    /// Whether the step was done late, or is overdue on `today`.
    pub fn late(&self, today: NaiveDate) -> bool {
        !self.earliest && self.met_on.unwrap_or(today) > self.due
    }
}

fn rule(calendar: &HolidayCalendar, id: &str, from: NaiveDate, met_on: Option<NaiveDate>) -> Result<DeadlineView> {
    let d =
        compute_deadline(RuleBook::builtin(), calendar, id, from, Circumstances::default()).map_err(Error::internal)?;
    Ok(DeadlineView {
        explanation: d.explanation.to_vietnamese_text_for_people(),
        earliest: d.bound == Bound::Earliest,
        verified: d.status != coso_calendar::Status::U,
        rule: d.rule,
        title: d.title,
        due: d.due,
        citation: d.citation,
        met_on,
    })
}

/// The first day the community may vote on a draft posted on `posted_on`.
pub fn earliest_vote(calendar: &HolidayCalendar, posted_on: NaiveDate) -> Result<NaiveDate> {
    Ok(rule(calendar, POSTING_RULE, posted_on, None)?.due)
}

/// Every deadline of the convention at its present stage, in the order of its life.
pub fn schedule(calendar: &HolidayCalendar, s: &ConventionState, review: &ReviewRules) -> Result<Vec<DeadlineView>> {
    let mut out = Vec::new();
    if let Some(posted) = s.posted_on {
        out.push(rule(calendar, POSTING_RULE, posted, s.adopted_on)?);
    }
    if let Some(adopted) = s.adopted_on {
        out.push(rule(calendar, DOSSIER_RULE, adopted, s.submitted_on)?);
    }
    if let Some(submitted) = s.submitted_on {
        let done = s.recognised_on.filter(|r| *r >= submitted).or(s.returned_on.filter(|r| *r >= submitted));
        out.push(rule(calendar, RECOGNITION_RULE, submitted, done)?);
    }
    let last = match (s.recognised_on, s.reviewed_on) {
        (Some(r), Some(v)) => Some(r.max(v)),
        (r, v) => r.or(v),
    };
    if s.in_force_version.is_some()
        && let Some(last) = last
        && let Some(due) = review.next_due(last)
    {
        out.push(DeadlineView {
            rule: REVIEW_RULE.into(),
            title: "Rà soát hương ước, quy ước hằng năm".into(),
            due,
            earliest: false,
            explanation: review.explanation(),
            citation: "Nghị định số 61/2023/NĐ-CP".into(),
            verified: ReviewRules::WINDOW_VERIFIED,
            met_on: None,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use coso_domain::convention::ConventionStatus;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn state() -> ConventionState {
        ConventionState {
            status: ConventionStatus::Proposed,
            current_version: 1,
            posted_version: None,
            posted_on: None,
            posting_place: None,
            vote_form: None,
            vote_on: None,
            households: None,
            present: None,
            yes: None,
            outcome: None,
            meeting_lacked_on: None,
            adopted_version: None,
            adopted_on: None,
            submitted_on: None,
            returned_on: None,
            return_reason: None,
            in_force_version: None,
            recognised_on: None,
            decision_number: None,
            reviewed_on: None,
            review_note: None,
            vote_decision_id: None,
        }
    }

    #[test]
    fn worked_case_of_hu_6() {
        // Posted 2024-02-02, adopted at a meeting on Mon 2024-03-04; dossier due 2024-03-11;
        // a complete dossier received 2024-03-11, recognition due 2024-03-18.
        let calendar = HolidayCalendar::builtin();
        let mut s = state();
        s.posted_on = Some(d(2024, 2, 2));
        s.adopted_on = Some(d(2024, 3, 4));
        s.submitted_on = Some(d(2024, 3, 11));
        s.recognised_on = Some(d(2024, 3, 18));
        s.in_force_version = Some(1);
        let all = schedule(calendar, &s, &ReviewRules::default()).expect("schedule");
        let due: Vec<(&str, NaiveDate)> = all.iter().map(|x| (x.rule.as_str(), x.due)).collect();
        assert_eq!(
            due,
            [
                (POSTING_RULE, d(2024, 3, 3)),
                (DOSSIER_RULE, d(2024, 3, 11)),
                (RECOGNITION_RULE, d(2024, 3, 18)),
                (REVIEW_RULE, d(2024, 11, 18)),
            ]
        );
        assert!(all[0].earliest && !all[1].earliest);
        assert!(all.iter().all(|x| !x.late(d(2024, 3, 18))), "every step on time");
        assert!(!all[3].verified, "the review window is a default of coso");
    }

    #[test]
    fn the_earliest_vote_is_thirty_days_after_posting() {
        // PUB-7: posted 2024-03-04, the earliest vote 2024-04-03.
        assert_eq!(earliest_vote(HolidayCalendar::builtin(), d(2024, 3, 4)).expect("rule"), d(2024, 4, 3));
    }

    #[test]
    fn a_late_dossier_shows_late() {
        let mut s = state();
        s.adopted_on = Some(d(2024, 3, 4));
        s.submitted_on = Some(d(2024, 3, 12));
        let all = schedule(HolidayCalendar::builtin(), &s, &ReviewRules::default()).expect("schedule");
        assert!(all[0].late(d(2024, 3, 12)));
        assert!(all[1].late(d(2024, 3, 26)), "the recognition is overdue");
    }
}
