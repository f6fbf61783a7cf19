//! The annual community conference (*hội nghị định kỳ của cộng đồng dân cư*, Law 10/2022
//! Art. 33, Decree 59/2023 Art. 10–11, legal-rules §1.6): held once a year at year-end by the
//! village head (CONF-1), its plan sent to the commune for agreement beforehand (CONF-2), its
//! notice reaching households at least 5 days before (CONF-3, the calendar's
//! `community_conference.notice`), its minutes kept by a secretary; and the compliance of a
//! commune: the villages with no conference in the configured window of the year.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::election::{StepState, judge_step};
use crate::field::{self, Errors, FieldError};

/// The calendar rule of the notice (CONF-3).
pub const NOTICE_RULE: &str = "community_conference.notice";

/// A conference as the village head records it.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct ConferenceInput {
    #[serde(default)]
    pub held_on: String,
    #[serde(default)]
    pub place: String,
    /// The day the plan was sent to the commune for agreement (CONF-2).
    #[serde(default)]
    pub plan_sent_on: String,
    /// The day the notice reached households (CONF-3).
    #[serde(default)]
    pub notice_on: String,
    /// The minutes taken by the secretary.
    #[serde(default)]
    pub minutes: String,
}

/// A checked conference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConferenceData {
    pub held_on: NaiveDate,
    pub place: Option<String>,
    pub plan_sent_on: Option<NaiveDate>,
    pub notice_on: Option<NaiveDate>,
    pub minutes: Option<String>,
}

impl ConferenceData {
    pub fn parse(input: &ConferenceInput) -> Result<ConferenceData, Vec<FieldError>> {
        let mut e = Errors::default();
        let held_on = e.take(field::date("held_on", "Ngày tổ chức hội nghị", &input.held_on));
        let place = e.take(field::optional_text("place", "Địa điểm", &input.place, 300));
        let plan_sent_on =
            e.take(field::optional_date("plan_sent_on", "Ngày gửi kế hoạch xin ý kiến", &input.plan_sent_on));
        let notice_on = e.take(field::optional_date("notice_on", "Ngày gửi thông báo triệu tập", &input.notice_on));
        let minutes = e.take(field::optional_text("minutes", "Biên bản hội nghị", &input.minutes, 20_000));
        match (held_on, place, plan_sent_on, notice_on, minutes) {
            (Some(held_on), Some(place), Some(plan_sent_on), Some(notice_on), Some(minutes)) if e.is_empty() => {
                Ok(ConferenceData { held_on, place, plan_sent_on, notice_on, minutes })
            }
            _ => Err(e.0),
        }
    }
}

/// One requirement of a conference judged, with its stable id and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// `conference.plan`, `conference.notice`, `conference.minutes`.
    pub rule: &'static str,
    pub state: StepState,
    pub reason: String,
}

fn vn(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// The conference's requirements judged on `today`, the notice due on `notice_due`.
pub fn checks(c: &ConferenceData, notice_due: NaiveDate, today: NaiveDate) -> Vec<Check> {
    let plan_due = c.held_on.pred_opt().unwrap_or(c.held_on);
    let plan = judge_step(plan_due, c.plan_sent_on, today.min(c.held_on).max(plan_due));
    let plan_reason = match c.plan_sent_on {
        Some(d) if d <= plan_due => format!("Kế hoạch đã gửi UBND, UBMTTQ, Ban TTND xã ngày {} để thống nhất.", vn(d)),
        Some(d) => format!("Kế hoạch gửi ngày {}, không trước ngày hội nghị {}.", vn(d), vn(c.held_on)),
        None => "Chưa ghi nhận việc gửi kế hoạch để UBND, UBMTTQ, Ban TTND xã thống nhất trước hội nghị.".into(),
    };
    let notice = judge_step(notice_due, c.notice_on, today);
    let notice_reason = match c.notice_on {
        Some(d) if d <= notice_due => format!("Thông báo gửi ngày {}, đúng hạn (chậm nhất {}).", vn(d), vn(notice_due)),
        Some(d) => format!(
            "Thông báo gửi ngày {}, muộn: phải đến hộ gia đình chậm nhất ngày {} (trước 5 ngày).",
            vn(d),
            vn(notice_due)
        ),
        None => format!("Chưa ghi nhận thông báo triệu tập; hạn gửi chậm nhất ngày {}.", vn(notice_due)),
    };
    let minutes = match (&c.minutes, today > c.held_on) {
        (Some(_), _) => (StepState::Done, "Đã có biên bản hội nghị.".to_string()),
        (None, true) => (StepState::Overdue, "Chưa có biên bản hội nghị.".to_string()),
        (None, false) => (StepState::Pending, "Biên bản được lập tại hội nghị.".to_string()),
    };
    vec![
        Check { rule: "conference.plan", state: plan, reason: plan_reason },
        Check { rule: "conference.notice", state: notice, reason: notice_reason },
        Check { rule: "conference.minutes", state: minutes.0, reason: minutes.1 },
    ]
}

/// The months of the year a conference counts in (CONF-1 "at year-end"; the window is
/// configuration, default October to December).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Window {
    pub from_month: u32,
    pub to_month: u32,
}

impl Default for Window {
    fn default() -> Self {
        Window { from_month: 10, to_month: 12 }
    }
}

impl Window {
    /// The first and the last day of the window in `year`; `None` for a year out of range or
    /// months that are not 1 ≤ from ≤ to ≤ 12.
    pub fn in_year(self, year: i32) -> Option<(NaiveDate, NaiveDate)> {
        if !(1..=12).contains(&self.from_month) || !(self.from_month..=12).contains(&self.to_month) {
            return None;
        }
        let from = NaiveDate::from_ymd_opt(year, self.from_month, 1)?;
        let after = if self.to_month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, self.to_month + 1, 1)?
        };
        Some((from, after.pred_opt()?))
    }

    /// Whether a conference held on `day` counts for `year`.
    pub fn holds(self, year: i32, day: NaiveDate) -> bool {
        self.in_year(year).is_some_and(|(from, to)| from <= day && day <= to)
    }

    /// What people read: «tháng 10 đến tháng 12».
    pub fn label(self) -> String {
        format!("từ tháng {} đến tháng {}", self.from_month, self.to_month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn conference(notice: Option<&str>) -> ConferenceData {
        ConferenceData::parse(&ConferenceInput {
            held_on: "20/12/2024".into(),
            plan_sent_on: "2024-12-01".into(),
            notice_on: notice.unwrap_or("").into(),
            minutes: "Hội nghị thống nhất các nội dung.".into(),
            ..Default::default()
        })
        .expect("conference")
    }

    #[test]
    fn worked_case_of_conf_3_a_notice_on_the_15th_is_on_time_and_on_the_16th_late() {
        // The calendar gives 2024-12-15 for a conference on 2024-12-20 (checked in coso-app).
        let due = date("2024-12-15");
        let on_time = checks(&conference(Some("2024-12-15")), due, date("2024-12-21"));
        assert_eq!(on_time[1].state, StepState::Done);
        assert_eq!(on_time[0].state, StepState::Done);
        let late = checks(&conference(Some("2024-12-16")), due, date("2024-12-21"));
        assert_eq!(late[1].state, StepState::Late);
        assert!(late[1].reason.contains("15/12/2024"), "{}", late[1].reason);
    }

    #[test]
    fn a_plan_sent_on_the_day_itself_is_late() {
        let mut c = conference(Some("2024-12-10"));
        c.plan_sent_on = Some(date("2024-12-20"));
        assert_eq!(checks(&c, date("2024-12-15"), date("2024-12-21"))[0].state, StepState::Late);
        c.plan_sent_on = None;
        assert_eq!(checks(&c, date("2024-12-15"), date("2024-12-21"))[0].state, StepState::Overdue);
    }

    #[test]
    fn the_default_window_is_the_last_quarter() {
        let w = Window::default();
        assert_eq!(w.in_year(2024), Some((date("2024-10-01"), date("2024-12-31"))));
        assert!(w.holds(2024, date("2024-12-20")));
        assert!(!w.holds(2024, date("2024-09-30")));
        assert!(!w.holds(2025, date("2024-12-20")));
        assert_eq!(Window { from_month: 11, to_month: 10 }.in_year(2024), None);
    }

    #[test]
    fn a_conference_needs_its_day() {
        let err = ConferenceData::parse(&ConferenceInput { held_on: "31/02/2024".into(), ..Default::default() })
            .expect_err("date");
        assert_eq!(err[0].field, "held_on");
    }
}
