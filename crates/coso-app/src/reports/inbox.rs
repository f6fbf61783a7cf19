//! What a unit must send, with days left counted in working days and explained.

use chrono::{Datelike, Duration, NaiveDate};
use coso_calendar::{HolidayCalendar, format_vn, weekday_vn};
use coso_domain::UnitId;
use coso_domain::authz::Action;
use coso_domain::plan::{ObligationKind, PeriodKey, ReportPeriod, days_late, overdue_label};
use coso_domain::report::SubmissionStatus;
use coso_store::{InboxItem, UnitRow};

use crate::{Actor, App, Result};

/// One obligation occurrence in a unit's inbox.
#[derive(Debug, Clone, serde::Serialize)]
pub struct InboxEntry {
    pub occurrence_id: i64,
    pub plan_id: i64,
    pub plan_label: String,
    pub issuer: String,
    pub kind: ObligationKind,
    pub period: Option<ReportPeriod>,
    pub period_key: PeriodKey,
    /// "Báo cáo 6 tháng đầu năm 2026", "Kế hoạch thực hiện".
    pub what: String,
    pub due: Option<NaiveDate>,
    /// Working days from today to the due date; negative once past it.
    pub working_days_left: Option<i64>,
    /// Calendar days past the due date (`coso_domain::plan::days_late`), as the aggregate counts.
    pub days_late: Option<i64>,
    pub overdue: bool,
    /// "Còn 5 ngày làm việc", "Quá hạn 3 ngày", "Hạn hôm nay", "Không ghi hạn".
    pub days_text: String,
    /// How the count was made: the days not counted and why.
    pub explanation: String,
    pub receiver: String,
    pub submission_id: Option<i64>,
    /// `None` when not sent yet.
    pub submission_status: Option<SubmissionStatus>,
    pub submission_version: Option<i64>,
}

impl InboxEntry {
    fn status(&self) -> Option<SubmissionStatus> {
        self.submission_status
    }

    /// Still to be sent (never sent, or returned for correction).
    pub fn is_open(&self) -> bool {
        SubmissionStatus::is_open(self.status())
    }

    pub fn status_label(&self) -> &'static str {
        SubmissionStatus::inbox_label(self.status())
    }
}

/// The inbox of `unit`, for those who read plans there: due items first by due date, items
/// without a date last.
pub async fn inbox(app: &App, actor: &Actor, calendar: &HolidayCalendar, unit: &UnitRow) -> Result<Vec<InboxEntry>> {
    actor.authorize(&unit.unit_path(), Action::ReadPlans)?;
    entries(app, calendar, unit.id).await
}

/// The entries of a unit's inbox, with days counted from today.
pub(crate) async fn entries(app: &App, calendar: &HolidayCalendar, unit_id: i64) -> Result<Vec<InboxEntry>> {
    let today = app.today();
    let items = app.store().inbox(UnitId(unit_id), today).await?;
    let counter = DayCounter::new(calendar, today, items.iter().filter_map(|i| i.due_date));
    Ok(items.into_iter().map(|i| entry(&counter, i)).collect())
}

/// Words an obligation: "Báo cáo 6 tháng đầu năm 2026" or "Kế hoạch thực hiện".
pub fn what(kind: ObligationKind, period_key: PeriodKey) -> String {
    if kind == ObligationKind::ImplementingPlan {
        "Kế hoạch thực hiện".to_string()
    } else if period_key.is_once() {
        "Báo cáo".to_string()
    } else {
        let label = period_key.label();
        let mut chars = label.chars();
        let lower: String = chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default();
        format!("Báo cáo {lower}")
    }
}

fn entry(counter: &DayCounter, i: InboxItem) -> InboxEntry {
    let days_late = i.due_date.and_then(|due| days_late(due, counter.today));
    let (left, days_text, explanation) = match i.due_date {
        Some(due) => counter.days_left(due),
        None => (None, "Không ghi hạn".to_string(), String::new()),
    };
    let open = SubmissionStatus::is_open(i.status);
    InboxEntry {
        occurrence_id: i.occurrence_id,
        plan_id: i.plan_id,
        plan_label: plan_label(i.plan_number.as_deref(), &i.plan_title),
        issuer: i.issuing_unit_name.clone(),
        what: what(i.kind, i.period_key),
        kind: i.kind,
        period: i.period,
        period_key: i.period_key,
        due: i.due_date,
        overdue: open && days_late.is_some(),
        working_days_left: left,
        days_late,
        days_text,
        explanation,
        receiver: i.receiver_unit_name,
        submission_id: i.submission_id,
        submission_status: i.status,
        submission_version: i.version,
    }
}

/// "Kế hoạch 115/KH-UBND: Thực hiện …" or the title alone.
pub fn plan_label(number: Option<&str>, title: &str) -> String {
    match number.filter(|n| !n.is_empty()) {
        Some(n) => format!("Kế hoạch {n}: {title}"),
        None => format!("Kế hoạch: {title}"),
    }
}

/// Working days left until `due`, in words, with the days not counted and why.
pub fn days_left(calendar: &HolidayCalendar, today: NaiveDate, due: NaiveDate) -> (Option<i64>, String, String) {
    DayCounter::new(calendar, today, [due]).days_left(due)
}

/// The working days around today, worked out once for a whole inbox: every item's count is
/// then a difference of two running totals instead of a walk through the calendar.
pub struct DayCounter {
    today: NaiveDate,
    first: NaiveDate,
    /// Working days in `(first, first + i]`.
    running: Vec<i64>,
    /// The non-working weekdays (holidays, days off) in the span, with their names.
    days_off: Vec<(NaiveDate, String)>,
    due_off: std::collections::HashSet<NaiveDate>,
}

impl DayCounter {
    /// Covers today and every due date given (at most ten years either side).
    pub fn new(calendar: &HolidayCalendar, today: NaiveDate, dues: impl IntoIterator<Item = NaiveDate>) -> DayCounter {
        let limit = Duration::days(3_660);
        let (mut first, mut last) = (today, today);
        for d in dues {
            let d = d.clamp(today - limit, today + limit);
            first = first.min(d);
            last = last.max(d);
        }
        let mut running = Vec::with_capacity((last - first).num_days() as usize + 1);
        let mut days_off = Vec::new();
        let mut due_off = std::collections::HashSet::new();
        let mut total = 0;
        let mut d = first;
        running.push(0);
        while d < last {
            let Some(next) = d.succ_opt() else { break };
            d = next;
            match calendar.day_status(d) {
                Ok(status) if status.is_working() => total += 1,
                Ok(status) => {
                    due_off.insert(d);
                    if d.weekday().number_from_monday() <= 5 || status.reason_vn(d).is_some_and(|r| r.contains(',')) {
                        days_off.push((d, status.reason_vn(d).unwrap_or_default()));
                    }
                }
                Err(_) => {}
            }
            running.push(total);
        }
        DayCounter { today, first, running, days_off, due_off }
    }

    fn total_at(&self, d: NaiveDate) -> Option<i64> {
        let i = usize::try_from((d - self.first).num_days()).ok()?;
        self.running.get(i).copied()
    }

    /// Working days from today to `due` (negative once past), in words, and the explanation:
    /// the span counted, weekends as a number, holidays and days off by name. Past the due
    /// date the words count calendar days, as the aggregate and its exports do.
    pub fn days_left(&self, due: NaiveDate) -> (Option<i64>, String, String) {
        let today = self.today;
        let (Some(a), Some(b)) = (self.total_at(today), self.total_at(due)) else {
            return (None, format!("Hạn {}", format_vn(due)), String::new());
        };
        let n = b - a;
        let day = |d: NaiveDate| format!("{} {}", weekday_vn(d.weekday()), format_vn(d));
        if let Some(late) = days_late(due, today) {
            let words = overdue_label(late);
            let text = format!(
                "Hôm nay: {}. Hạn: {}. {words}: đếm theo ngày lịch, kể cả thứ Bảy, Chủ nhật và ngày nghỉ, \
                 từ sau ngày {} đến hết ngày {}, như bảng tổng hợp và các tệp xuất.",
                day(today),
                day(due),
                format_vn(due),
                format_vn(today)
            );
            return (Some(n), words, text);
        }
        let (lo, hi) = (today, due);
        let mut text = format!("Hôm nay: {}. Hạn: {}.", day(today), day(due));
        let words = match n {
            0 if today == due => "Hạn là hôm nay".to_string(),
            0 => "Còn dưới 1 ngày làm việc".to_string(),
            n => format!("Còn {n} ngày làm việc"),
        };
        text.push_str(&format!(
            " {words}: đếm các ngày làm việc sau ngày {} đến hết ngày {}.",
            format_vn(lo),
            format_vn(hi)
        ));
        let span = (hi - lo).num_days();
        let holidays: Vec<String> = self
            .days_off
            .iter()
            .filter(|(d, _)| *d > lo && *d <= hi)
            .map(|(d, why)| format!("{} ({why})", short(*d)))
            .collect();
        let weekend = span - n - holidays.len() as i64;
        match (weekend > 0, holidays.is_empty()) {
            (false, true) => text.push_str(" Không có ngày nghỉ nào trong khoảng này."),
            (_, true) => text.push_str(&format!(" Không tính {weekend} ngày thứ Bảy, Chủ nhật.")),
            (_, false) => text.push_str(&format!(
                " Không tính {} ngày thứ Bảy, Chủ nhật và {} ngày nghỉ lễ, nghỉ bù: {}.",
                weekend.max(0),
                holidays.len(),
                holidays.join("; ")
            )),
        }
        if self.due_off.contains(&due) {
            text.push_str(" Ngày hạn là ngày nghỉ: nên gửi trước đó một ngày làm việc.");
        }
        (Some(n), words, text)
    }
}

fn short(d: NaiveDate) -> String {
    format!("{:02}/{:02}", d.day(), d.month())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn counts_agree_with_the_calendar_walk() {
        let cal = HolidayCalendar::builtin();
        let today = d("2026-02-10");
        let dues: Vec<NaiveDate> = (-40..160).map(|k| today + Duration::days(k)).collect();
        let counter = DayCounter::new(cal, today, dues.iter().copied());
        for due in dues {
            let (n, _, _) = counter.days_left(due);
            assert_eq!(n, Some(cal.working_days_between(today, due).expect("in range")), "{due}");
        }
    }

    #[test]
    fn the_explanation_names_tet_and_counts_weekends() {
        let cal = HolidayCalendar::builtin();
        let (n, words, text) = days_left(cal, d("2026-02-10"), d("2026-02-27"));
        let n = n.expect("count");
        assert_eq!(words, format!("Còn {n} ngày làm việc"));
        assert!(text.contains("Tết"), "{text}");
        assert!(text.contains("thứ Bảy, Chủ nhật"), "{text}");
        let (late, words, _) = days_left(cal, d("2026-06-19"), d("2026-06-14"));
        assert_eq!(late, Some(-5), "Mon 15 … Fri 19 June");
        assert_eq!(words, "Quá hạn 5 ngày", "calendar days, as the aggregate counts");
    }
}
