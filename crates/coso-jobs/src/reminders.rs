//! Which reminders are due today: a pure function of the open items, the day and the
//! working-day calendar. The job may run late or twice; the dedupe keys make each reminder
//! happen once.

use chrono::{NaiveDate, TimeDelta};
use coso_calendar::dates::format_vn_with_weekday;
use coso_calendar::{HolidayCalendar, format_vn};
use coso_domain::notification::NotificationKind;
use coso_domain::plan::ReportPeriod;
use coso_store::DueItem;

use crate::labels::{lower_first, obligation_label, plan_reference};

/// Reminders before the due date, in working days.
pub const DEFAULT_OFFSETS: [u32; 2] = [5, 1];

/// How long after the due date a missed overdue notice is still given: a fresh install or a
/// long outage does not flood the units with notices about old deadlines.
pub const OVERDUE_CATCH_UP_DAYS: i64 = 30;

/// Where the notifications lead: the unit's inbox.
pub const INBOX_LINK: &str = "/quan-tri/hop-thu";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderKind {
    /// The reminder `offset` working days before the due date.
    Before { offset: u32 },
    /// The notice on the first working day after the due date.
    Overdue,
}

impl ReminderKind {
    /// The stored notification kind.
    pub fn notification_kind(self) -> NotificationKind {
        match self {
            ReminderKind::Before { .. } => NotificationKind::Reminder,
            ReminderKind::Overdue => NotificationKind::Overdue,
        }
    }
}

/// One reminder for one unit about one occurrence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    pub kind: ReminderKind,
    pub item: DueItem,
    /// `reminder:{occurrence}:{unit}:{offset}` or `overdue:{occurrence}:{unit}`.
    pub dedupe_key: String,
    pub title: String,
    pub body: String,
    pub link: &'static str,
}

/// The reminders to give on `today`.
///
/// * Before the due date: for the smallest offset N whose point (due minus N working days)
///   is today or past, a reminder keyed by N. On time that is the day itself; after missed
///   days it is a catch-up, and an offset overtaken by a smaller one is never sent late.
/// * After the due date: the overdue notice from the first working day after it, for
///   [`OVERDUE_CATCH_UP_DAYS`].
pub fn plan_reminders(
    items: &[DueItem],
    today: NaiveDate,
    calendar: &HolidayCalendar,
    offsets: &[u32],
) -> Vec<Reminder> {
    items.iter().filter_map(|item| reminder_for(item, today, calendar, offsets)).collect()
}

fn reminder_for(item: &DueItem, today: NaiveDate, calendar: &HolidayCalendar, offsets: &[u32]) -> Option<Reminder> {
    let due = item.due_date;
    let label = obligation_label(
        item.obligation_kind.as_str(),
        item.obligation_period.map(ReportPeriod::as_str),
        &item.period_key.to_string(),
    );
    let plan = plan_reference(item.plan_number.as_deref(), &item.plan_title);
    if today < due {
        let offset = offsets
            .iter()
            .copied()
            .filter(|&n| n > 0)
            .filter(|&n| calendar.sub_working_days(due, n).is_ok_and(|point| point <= today))
            .min()?;
        let left = working_days_left(calendar, today, due)?;
        let title = format!("Còn {left} ngày làm việc: {label} — {plan}, hạn {}", format_vn(due));
        let body = format!(
            "{} chưa gửi {} theo {}. Hạn gửi: {} (còn {left} ngày làm việc).",
            item.unit_name,
            lower_first(&label),
            item.plan_title,
            format_vn_with_weekday(due),
        );
        let dedupe_key = format!("reminder:{}:{}:{offset}", item.occurrence_id, item.unit_id);
        return Some(Reminder {
            kind: ReminderKind::Before { offset },
            item: item.clone(),
            dedupe_key,
            title,
            body,
            link: INBOX_LINK,
        });
    }
    let first_late_day = calendar.next_working_day(due).ok()?;
    let last_notice_day = due.checked_add_signed(TimeDelta::days(OVERDUE_CATCH_UP_DAYS))?;
    if today < first_late_day || today > last_notice_day {
        return None;
    }
    let title = format!("Quá hạn: {label} — {plan}, hạn {}", format_vn(due));
    let body = format!(
        "{} chưa gửi {} theo {}. Hạn gửi là {}; đề nghị gửi ngay.",
        item.unit_name,
        lower_first(&label),
        item.plan_title,
        format_vn_with_weekday(due),
    );
    let dedupe_key = format!("overdue:{}:{}", item.occurrence_id, item.unit_id);
    Some(Reminder { kind: ReminderKind::Overdue, item: item.clone(), dedupe_key, title, body, link: INBOX_LINK })
}

/// Working days from `today` (counted when worked) up to the due date (not counted): on the
/// day of the reminder "due minus N working days" this is N.
fn working_days_left(calendar: &HolidayCalendar, today: NaiveDate, due: NaiveDate) -> Option<u32> {
    let mut left = 0u32;
    let mut day = today;
    while day < due {
        if calendar.is_working_day(day).ok()? {
            left += 1;
        }
        day = day.succ_opt()?;
    }
    Some(left.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use coso_domain::plan::{ObligationKind, PeriodKey};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn item(due: &str) -> DueItem {
        DueItem {
            occurrence_id: 7,
            due_date: d(due),
            period_key: PeriodKey::Quarter(2026, 1),
            obligation_kind: ObligationKind::Report,
            obligation_period: Some(ReportPeriod::Quarterly),
            plan_id: 1,
            plan_title: "Kế hoạch thực hiện dân chủ ở cơ sở năm 2026".into(),
            plan_number: Some("115/KH-UBND".into()),
            unit_id: 42,
            unit_name: "Xã Cẩm Xuyên".into(),
        }
    }

    fn keys_on(due: &str, today: &str) -> Vec<String> {
        plan_reminders(&[item(due)], d(today), HolidayCalendar::builtin(), &DEFAULT_OFFSETS)
            .into_iter()
            .map(|r| r.dedupe_key)
            .collect()
    }

    #[test]
    fn working_days_skip_tet_2026() {
        // Tết 2026: Saturday 14 to Sunday 22 February are off. Due Wednesday 25 February:
        // 1 working day before is Tuesday 24; 5 before is Wednesday 11 (24, 23, 13, 12, 11).
        let due = "2026-02-25";
        assert_eq!(keys_on(due, "2026-02-10"), Vec::<String>::new());
        assert_eq!(keys_on(due, "2026-02-11"), ["reminder:7:42:5"]);
        // During the break and on the first day back the 5-day reminder is a catch-up.
        assert_eq!(keys_on(due, "2026-02-17"), ["reminder:7:42:5"]);
        assert_eq!(keys_on(due, "2026-02-23"), ["reminder:7:42:5"]);
        assert_eq!(keys_on(due, "2026-02-24"), ["reminder:7:42:1"]);
        assert_eq!(keys_on(due, "2026-02-25"), Vec::<String>::new(), "nothing on the due date");
        assert_eq!(keys_on(due, "2026-02-26"), ["overdue:7:42"]);
        assert_eq!(keys_on(due, "2026-03-27"), ["overdue:7:42"], "catch-up within 30 days");
        assert_eq!(keys_on(due, "2026-03-28"), Vec::<String>::new(), "older misses are not notified");
    }

    #[test]
    fn overdue_waits_for_the_first_working_day_after_tet() {
        // Due Friday 13 February, the last day before the break: late from Monday 23.
        assert_eq!(keys_on("2026-02-13", "2026-02-16"), Vec::<String>::new());
        assert_eq!(keys_on("2026-02-13", "2026-02-22"), Vec::<String>::new());
        assert_eq!(keys_on("2026-02-13", "2026-02-23"), ["overdue:7:42"]);
    }

    #[test]
    fn titles_are_vietnamese_and_count_the_days_left() {
        let on_time =
            plan_reminders(&[item("2026-02-25")], d("2026-02-11"), HolidayCalendar::builtin(), &DEFAULT_OFFSETS);
        assert_eq!(on_time[0].title, "Còn 5 ngày làm việc: Báo cáo quý I/2026 — Kế hoạch 115/KH-UBND, hạn 25/02/2026");
        assert_eq!(on_time[0].link, "/quan-tri/hop-thu");
        assert!(
            on_time[0].body.starts_with("Xã Cẩm Xuyên chưa gửi báo cáo quý I/2026 theo Kế hoạch thực hiện"),
            "{}",
            on_time[0].body
        );
        let late = plan_reminders(&[item("2026-02-25")], d("2026-02-23"), HolidayCalendar::builtin(), &DEFAULT_OFFSETS);
        assert!(late[0].title.starts_with("Còn 2 ngày làm việc:"), "{}", late[0].title);
        let overdue =
            plan_reminders(&[item("2026-02-25")], d("2026-02-26"), HolidayCalendar::builtin(), &DEFAULT_OFFSETS);
        assert_eq!(overdue[0].title, "Quá hạn: Báo cáo quý I/2026 — Kế hoạch 115/KH-UBND, hạn 25/02/2026");
        assert_eq!(overdue[0].kind, ReminderKind::Overdue);
    }

    #[test]
    fn a_due_date_on_a_sunday_is_reminded_on_the_friday_before() {
        // 14/06/2026 is a Sunday: 1 working day before is Friday 12.
        assert_eq!(keys_on("2026-06-14", "2026-06-12"), ["reminder:7:42:1"]);
        let r = plan_reminders(&[item("2026-06-14")], d("2026-06-12"), HolidayCalendar::builtin(), &DEFAULT_OFFSETS);
        assert!(r[0].title.starts_with("Còn 1 ngày làm việc:"), "{}", r[0].title);
        assert_eq!(keys_on("2026-06-14", "2026-06-15"), ["overdue:7:42"]);
    }
}
