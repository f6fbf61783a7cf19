//! The deadlines of a case, computed from its dates by the legal calendar: which rules apply
//! to its kind and stage, from which date, with which circumstances, and whether each step was
//! done (`met_on`).

use chrono::{Days, NaiveDate};
use coso_calendar::{Circumstances, Complexity as CalComplexity, HolidayCalendar, RuleBook, compute_deadline};
use coso_domain::case::{CaseActionKind, CaseKind, CaseStatus, Complexity};
use coso_store::{CaseActionRow, CaseRow};
use serde::Serialize;

use crate::{Error, Result};

/// What a deadline is in the life of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Accepting, refusing or forwarding (or answering a petition).
    Intake,
    /// Resolving: the answer or decision.
    Resolution,
    /// Something else the law times (notifying, the complainant's window).
    Other,
}

/// One deadline of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeadlineView {
    /// The calendar's rule id (`complaint.first`).
    pub rule: String,
    pub title: String,
    pub due: NaiveDate,
    /// How it was counted, with the article of law, in Vietnamese.
    pub explanation: String,
    pub citation: String,
    /// When the step was done; `None` while it is not.
    pub met_on: Option<NaiveDate>,
    pub step: Step,
}

/// The dates of a case the deadlines are counted from.
#[derive(Debug, Clone)]
pub(crate) struct CaseDates {
    pub kind: CaseKind,
    pub status: CaseStatus,
    pub received_on: NaiveDate,
    pub accepted_on: Option<NaiveDate>,
    pub answered_on: Option<NaiveDate>,
    pub remote: bool,
    pub complexity: Complexity,
    pub instance: i64,
    pub extensions: i64,
    /// Days granted by all extensions together.
    pub extension_days: i64,
    /// The first date the unit accepted, refused, forwarded or answered it.
    pub responded_on: Option<NaiveDate>,
    pub forwarded_on: Option<NaiveDate>,
    /// When the complainant complained a second time.
    pub reopened_on: Option<NaiveDate>,
}

fn first_of(actions: &[CaseActionRow], kinds: &[CaseActionKind]) -> Option<NaiveDate> {
    actions.iter().filter(|a| kinds.contains(&a.action)).map(|a| a.on_date).min()
}

impl CaseDates {
    pub fn of(case: &CaseRow, actions: &[CaseActionRow]) -> CaseDates {
        use CaseActionKind as A;
        let extension_days = actions
            .iter()
            .filter(|a| a.action == A::Extend)
            .map(|a| {
                serde_json::from_str::<serde_json::Value>(&a.detail).ok().and_then(|d| d["days"].as_i64()).unwrap_or(30)
            })
            .sum();
        CaseDates {
            kind: case.kind,
            status: case.status,
            received_on: case.received_on,
            accepted_on: case.accepted_on,
            answered_on: case.answered_on,
            remote: case.remote,
            complexity: case.complexity,
            instance: case.instance,
            extensions: case.extensions,
            extension_days,
            responded_on: first_of(actions, &[A::Accept, A::Refuse, A::Forward, A::Answer]),
            forwarded_on: first_of(actions, &[A::Forward]),
            reopened_on: first_of(actions, &[A::Reopen]),
        }
    }
}

/// The calendar's complexity for the domain's.
pub(crate) fn calendar_complexity(c: Complexity) -> CalComplexity {
    match c {
        Complexity::Normal => CalComplexity::Normal,
        Complexity::Complex => CalComplexity::Complex,
        Complexity::EspeciallyComplex => CalComplexity::EspeciallyComplex,
    }
}

/// One rule computed from `from`.
pub(crate) fn deadline(
    calendar: &HolidayCalendar,
    rule: &str,
    from: NaiveDate,
    circumstances: Circumstances,
) -> Result<coso_calendar::Deadline> {
    compute_deadline(RuleBook::builtin(), calendar, rule, from, circumstances).map_err(Error::internal)
}

fn view(d: coso_calendar::Deadline, met_on: Option<NaiveDate>, step: Step) -> DeadlineView {
    DeadlineView {
        explanation: d.explanation.to_vietnamese_text_for_people(),
        rule: d.rule,
        title: d.title,
        due: d.due,
        citation: d.citation,
        met_on,
        step,
    }
}

/// The resolution of a denunciation with `extensions` granted for `days` in all: the
/// calendar counts each extension at its longest (30 days); shorter ones bring the last day
/// back by the difference, moved past days off as the law moves it.
fn denunciation_resolution(
    calendar: &HolidayCalendar,
    accepted: NaiveDate,
    extensions: i64,
    days: i64,
) -> Result<coso_calendar::Deadline> {
    let mut d = deadline(
        calendar,
        "denunciation.resolve",
        accepted,
        Circumstances { complexity: calendar_complexity(Complexity::with_extensions(extensions)), remote: false },
    )?;
    let longest = RuleBook::builtin()
        .rule_at("denunciation.resolve", accepted)
        .map_err(Error::internal)?
        .extension
        .as_ref()
        .map_or(30, |e| i64::from(e.count));
    let shortfall = (longest * extensions.max(0) - days).max(0);
    if shortfall > 0 {
        let mut due = d.raw_due.checked_sub_days(Days::new(shortfall.unsigned_abs())).unwrap_or(d.raw_due);
        while !calendar.is_working_day(due).map_err(Error::internal)? {
            due = due.succ_opt().ok_or_else(|| Error::internal("date out of range"))?;
        }
        d.due = due;
    }
    Ok(d)
}

/// Every deadline of the case at its present stage, in the order of its life.
pub(crate) fn schedule(calendar: &HolidayCalendar, c: &CaseDates) -> Result<Vec<DeadlineView>> {
    let with =
        |complexity: Complexity, remote: bool| Circumstances { complexity: calendar_complexity(complexity), remote };
    let plain = Circumstances::default();
    let intake_met = c.responded_on;
    let mut out = Vec::new();
    match c.kind {
        CaseKind::Information => {}
        CaseKind::Petition => {
            let d = deadline(calendar, "petition.reply", c.received_on, plain)?;
            out.push(view(d, intake_met, Step::Intake));
        }
        CaseKind::Complaint => {
            let (accept_rule, resolve_rule) = if c.instance >= 2 {
                ("complaint.second_accept", "complaint.second")
            } else {
                ("complaint.accept", "complaint.first")
            };
            let d = deadline(calendar, accept_rule, c.received_on, plain)?;
            out.push(view(d, intake_met, Step::Intake));
            if let Some(accepted) = c.accepted_on {
                let d = deadline(calendar, resolve_rule, accepted, with(c.complexity, c.remote))?;
                out.push(view(d, c.answered_on, Step::Resolution));
            }
            if c.instance < 2
                && let Some(answered) = c.answered_on
            {
                let d = deadline(calendar, "complaint.second_window", answered, with(Complexity::Normal, c.remote))?;
                out.push(view(d, c.reopened_on, Step::Other));
            }
        }
        CaseKind::Denunciation => {
            let initial = if c.complexity == Complexity::Normal { Complexity::Normal } else { Complexity::Complex };
            let d = deadline(calendar, "denunciation.initial", c.received_on, with(initial, false))?;
            out.push(view(d, intake_met, Step::Intake));
            if let Some(forwarded) = c.forwarded_on {
                let d = deadline(calendar, "denunciation.forward", c.received_on, plain)?;
                out.push(view(d, Some(forwarded), Step::Other));
            }
            if let Some(accepted) = c.accepted_on {
                let d = deadline(calendar, "denunciation.notify", accepted, plain)?;
                out.push(view(d, None, Step::Other));
                let d = denunciation_resolution(calendar, accepted, c.extensions, c.extension_days)?;
                out.push(view(d, c.answered_on, Step::Resolution));
            }
        }
    }
    if c.kind == CaseKind::Petition
        && let Some(first) = out.first_mut()
    {
        // A petition is resolved by the same reply.
        first.met_on = c.answered_on.or(first.met_on);
    }
    Ok(out)
}

/// The due date the inbox orders an open case by (the step it waits for) and the due date of
/// its resolution (the statistics' on time or late).
pub(crate) fn due_dates(schedule: &[DeadlineView], c: &CaseDates) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let find = |step: Step| schedule.iter().find(|d| d.step == step).map(|d| d.due);
    let resolution = if c.kind == CaseKind::Petition { find(Step::Intake) } else { find(Step::Resolution) };
    let next = match c.status {
        CaseStatus::Received | CaseStatus::Forwarded => find(Step::Intake),
        CaseStatus::Accepted => resolution,
        _ => None,
    };
    (next, resolution)
}

/// The last day a complaint may be made about a decision received on `decided` (KN-1).
pub(crate) fn limitation(calendar: &HolidayCalendar, decided: NaiveDate) -> Result<coso_calendar::Deadline> {
    deadline(calendar, "complaint.limitation", decided, Circumstances::default())
}

/// The last day of the window for a second complaint after a first decision on `answered`.
pub(crate) fn second_window(
    calendar: &HolidayCalendar,
    answered: NaiveDate,
    remote: bool,
) -> Result<coso_calendar::Deadline> {
    deadline(calendar, "complaint.second_window", answered, Circumstances { complexity: CalComplexity::Normal, remote })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn dates(kind: CaseKind, received: &str) -> CaseDates {
        CaseDates {
            kind,
            status: CaseStatus::Received,
            received_on: date(received),
            accepted_on: None,
            answered_on: None,
            remote: false,
            complexity: Complexity::Normal,
            instance: 1,
            extensions: 0,
            extension_days: 0,
            responded_on: None,
            forwarded_on: None,
            reopened_on: None,
        }
    }

    fn due(c: &CaseDates, rule: &str) -> NaiveDate {
        let all = schedule(HolidayCalendar::builtin(), c).expect("schedule");
        all.iter().find(|d| d.rule == rule).map(|d| d.due).unwrap_or_else(|| panic!("{rule} missing: {all:?}"))
    }

    #[test]
    fn a_petition_received_before_tet_is_answered_after_the_tet_holiday() {
        // Tết Giáp Thìn: days off from Thursday 08/02/2024 to Wednesday 14/02/2024.
        let c = dates(CaseKind::Petition, "2024-02-05");
        // 10 working days: 06, 07, 15, 16, 19, 20, 21, 22, 23, 26 February.
        assert_eq!(due(&c, "petition.reply"), date("2024-02-26"));
    }

    #[test]
    fn shorter_extensions_bring_the_resolution_back() {
        let mut c = dates(CaseKind::Denunciation, "2024-03-04");
        c.status = CaseStatus::Accepted;
        c.accepted_on = Some(date("2024-03-13"));
        c.extensions = 1;
        c.extension_days = 30;
        assert_eq!(due(&c, "denunciation.resolve"), date("2024-05-13"));
        c.extension_days = 10;
        // 12/04 + 10 days = 22/04/2024, a Monday.
        assert_eq!(due(&c, "denunciation.resolve"), date("2024-04-22"));
    }

    #[test]
    fn the_inbox_waits_for_intake_then_for_resolution() {
        let mut c = dates(CaseKind::Complaint, "2024-03-04");
        let all = schedule(HolidayCalendar::builtin(), &c).expect("schedule");
        assert_eq!(due_dates(&all, &c), (Some(date("2024-03-14")), None));
        c.status = CaseStatus::Accepted;
        c.accepted_on = Some(date("2024-03-04"));
        let all = schedule(HolidayCalendar::builtin(), &c).expect("schedule");
        assert_eq!(due_dates(&all, &c), (Some(date("2024-04-03")), Some(date("2024-04-03"))));
        assert!(
            schedule(HolidayCalendar::builtin(), &dates(CaseKind::Information, "2024-03-04")).expect("none").is_empty()
        );
    }
}
