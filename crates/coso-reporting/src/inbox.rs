//! What a unit must send, with days left counted in working days and explained.

use chrono::{Datelike, NaiveDate};
use coso_calendar::{HolidayCalendar, format_vn, weekday_vn};
use coso_domain::plan::period_label;
use coso_store::{InboxItem, Store};

use crate::Result;

/// One obligation occurrence in a unit's inbox.
#[derive(Debug, Clone, serde::Serialize)]
pub struct InboxEntry {
    pub occurrence_id: i64,
    pub plan_id: i64,
    pub plan_label: String,
    pub issuer: String,
    pub kind: String,
    pub period: Option<String>,
    pub period_key: String,
    /// "Báo cáo 6 tháng đầu năm 2026", "Kế hoạch thực hiện".
    pub what: String,
    pub due: Option<NaiveDate>,
    /// Working days from today to the due date; negative once overdue.
    pub working_days_left: Option<i64>,
    pub overdue: bool,
    /// "Còn 5 ngày làm việc", "Quá hạn 3 ngày làm việc", "Hạn hôm nay", "Không ghi hạn".
    pub days_text: String,
    /// How the count was made: the days not counted and why.
    pub explanation: String,
    pub receiver: String,
    pub submission_id: Option<i64>,
    /// submitted | accepted | returned, or None when not sent yet.
    pub submission_status: Option<String>,
    pub submission_version: Option<i64>,
}

impl InboxEntry {
    /// Still to be sent (never sent, or returned for correction).
    pub fn is_open(&self) -> bool {
        matches!(self.submission_status.as_deref(), None | Some("returned"))
    }

    pub fn status_label(&self) -> &'static str {
        match self.submission_status.as_deref() {
            None => "Chưa gửi",
            Some("submitted") => "Đã gửi, chờ xem xét",
            Some("accepted") => "Đã được chấp nhận",
            Some("returned") => "Bị trả lại, cần gửi lại",
            Some(_) => "Không rõ",
        }
    }
}

/// The inbox of `unit_id`: due items first by due date, items without a date last.
pub async fn inbox(store: &Store, calendar: &HolidayCalendar, unit_id: i64, today: NaiveDate) -> Result<Vec<InboxEntry>> {
    let items = store.inbox(unit_id, today).await?;
    Ok(items.into_iter().map(|i| entry(calendar, i, today)).collect())
}

/// Words an obligation: "Báo cáo 6 tháng đầu năm 2026" or "Kế hoạch thực hiện".
pub fn what(kind: &str, period_key: &str) -> String {
    if kind == "implementing_plan" {
        "Kế hoạch thực hiện".to_string()
    } else if period_key.is_empty() {
        "Báo cáo".to_string()
    } else {
        let label = period_label(period_key);
        let mut chars = label.chars();
        let lower: String = chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default();
        format!("Báo cáo {lower}")
    }
}

fn entry(calendar: &HolidayCalendar, i: InboxItem, today: NaiveDate) -> InboxEntry {
    let (left, days_text, explanation) = match i.due_date {
        Some(due) => days_left(calendar, today, due),
        None => (None, "Không ghi hạn".to_string(), String::new()),
    };
    let open = matches!(i.status.as_deref(), None | Some("returned"));
    InboxEntry {
        occurrence_id: i.occurrence_id,
        plan_id: i.plan_id,
        plan_label: plan_label(i.plan_number.as_deref(), &i.plan_title),
        issuer: i.issuing_unit_name.clone(),
        what: what(&i.kind, &i.period_key),
        kind: i.kind,
        period: i.period,
        period_key: i.period_key,
        due: i.due_date,
        overdue: open && left.is_some_and(|l| l < 0),
        working_days_left: left,
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
    let Ok(n) = calendar.working_days_between(today, due) else {
        return (None, format!("Hạn {}", format_vn(due)), String::new());
    };
    let (lo, hi) = if today <= due { (today, due) } else { (due, today) };
    let mut skipped = Vec::new();
    let mut d = lo;
    while d < hi {
        let Some(next) = d.succ_opt() else { break };
        d = next;
        if let Ok(status) = calendar.day_status(d)
            && let Some(reason) = status.reason_vn(d)
        {
            skipped.push(format!("{} ({})", short(d), reason));
        }
    }
    let day = |d: NaiveDate| format!("{} {}", weekday_vn(d.weekday()), format_vn(d));
    let mut text = format!("Hôm nay: {}. Hạn: {}.", day(today), day(due));
    let words = match n {
        0 if today == due => "Hạn là hôm nay".to_string(),
        0 if today < due => "Còn dưới 1 ngày làm việc".to_string(),
        0 => "Đã quá hạn".to_string(),
        n if n > 0 => format!("Còn {n} ngày làm việc"),
        n => format!("Quá hạn {} ngày làm việc", -n),
    };
    text.push_str(&format!(" {words}: đếm các ngày làm việc sau ngày {} đến hết ngày {}.", format_vn(lo), format_vn(hi)));
    if skipped.is_empty() {
        text.push_str(" Không có ngày nghỉ nào trong khoảng này.");
    } else {
        text.push_str(&format!(" Không tính {} ngày nghỉ: {}.", skipped.len(), skipped.join("; ")));
    }
    if today <= due && !calendar.is_working_day(due).unwrap_or(true) {
        text.push_str(" Ngày hạn là ngày nghỉ: nên gửi trước đó một ngày làm việc.");
    }
    (Some(n), words, text)
}

fn short(d: NaiveDate) -> String {
    format!("{:02}/{:02}", d.day(), d.month())
}
