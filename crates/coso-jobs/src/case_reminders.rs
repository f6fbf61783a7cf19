//! Reminders of citizen cases' deadlines: a few working days before the next step of an open
//! case is due, and once it is overdue, to its handler (or, while nobody was given the case,
//! to the officials of its unit). Exactly once per `case:{id}:{rule}:{n}` key. The texts name
//! the case by its kind, tracking code and unit only: never its sender, nor its content.

use chrono::{NaiveDate, TimeDelta};
use coso_app::App;
use coso_calendar::{HolidayCalendar, format_vn};
use coso_domain::UnitId;
use coso_domain::case::{CaseKind, CaseStatus};
use coso_domain::notification::NotificationKind;
use coso_store::{CaseRow, NewMail, NewNotification, NotificationBatch, Recipient, StoreError, UserRow};

use crate::reminders::OVERDUE_CATCH_UP_DAYS;

/// One reminder about one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseReminder {
    pub case_id: i64,
    pub unit_id: i64,
    pub handler_user_id: Option<i64>,
    pub overdue: bool,
    /// `case:{id}:{rule}:{n}`: `n` the working days before, or `overdue`.
    pub dedupe_key: String,
    pub title: String,
    pub body: String,
    pub link: String,
}

/// The calendar rule of the step an open case waits for (`petition.reply`,
/// `complaint.first`…), or `None` when nothing is due.
pub fn waiting_rule(case: &CaseRow) -> Option<&'static str> {
    let intake = matches!(case.status, CaseStatus::Received | CaseStatus::Forwarded);
    let accepted = case.status == CaseStatus::Accepted;
    let second = case.instance >= 2;
    match case.kind {
        CaseKind::Petition if intake || accepted => Some("petition.reply"),
        CaseKind::Complaint if intake => Some(if second { "complaint.second_accept" } else { "complaint.accept" }),
        CaseKind::Complaint if accepted => Some(if second { "complaint.second" } else { "complaint.first" }),
        CaseKind::Denunciation if intake => Some("denunciation.initial"),
        CaseKind::Denunciation if accepted => Some("denunciation.resolve"),
        _ => None,
    }
}

/// What the step due is, in words.
fn step_words(case: &CaseRow) -> &'static str {
    match (case.kind, case.status) {
        (CaseKind::Petition, _) => "trả lời",
        (_, CaseStatus::Accepted) => "giải quyết",
        _ => "thụ lý hoặc xử lý ban đầu",
    }
}

/// The reminders to give on `today` about `cases` (open cases due soon or lately).
pub fn plan_case_reminders(
    cases: &[CaseRow],
    today: NaiveDate,
    calendar: &HolidayCalendar,
    offsets: &[u32],
) -> Vec<CaseReminder> {
    cases.iter().filter_map(|c| reminder_for(c, today, calendar, offsets)).collect()
}

fn reminder_for(case: &CaseRow, today: NaiveDate, calendar: &HolidayCalendar, offsets: &[u32]) -> Option<CaseReminder> {
    let due = case.due_on?;
    let rule = waiting_rule(case)?;
    let what = format!("{} mã {}", case.kind.label(), case.code);
    let link = format!("/quan-tri/vu-viec/{}", case.id);
    let base = |overdue: bool, n: String, title: String, body: String| CaseReminder {
        case_id: case.id,
        unit_id: case.unit_id,
        handler_user_id: case.handler_user_id,
        overdue,
        dedupe_key: format!("case:{}:{rule}:{n}", case.id),
        title,
        body,
        link: link.clone(),
    };
    if today < due {
        let offset = offsets
            .iter()
            .copied()
            .filter(|&n| n > 0)
            .filter(|&n| calendar.sub_working_days(due, n).is_ok_and(|point| point <= today))
            .min()?;
        let left = calendar.working_days_between(today, due).ok()?.max(1);
        let title = format!("Còn {left} ngày làm việc: {what}, hạn {} ngày {}", step_words(case), format_vn(due));
        let body = format!(
            "Đơn {} (mã theo dõi {}) của {} phải được {} trước hết ngày {} (còn {left} ngày làm việc).",
            case.kind.label().to_lowercase(),
            case.code,
            case.unit_name,
            step_words(case),
            format_vn(due)
        );
        return Some(base(false, offset.to_string(), title, body));
    }
    let first_late_day = calendar.next_working_day(due).ok()?;
    let last_notice_day = due.checked_add_signed(TimeDelta::days(OVERDUE_CATCH_UP_DAYS))?;
    if today < first_late_day || today > last_notice_day {
        return None;
    }
    let title = format!("Quá hạn: {what}, hạn {} ngày {}", step_words(case), format_vn(due));
    let body = format!(
        "Đơn {} (mã theo dõi {}) của {} đã quá hạn {} ngày {}; đề nghị xử lý ngay.",
        case.kind.label().to_lowercase(),
        case.code,
        case.unit_name,
        step_words(case),
        format_vn(due)
    );
    Some(base(true, "overdue".into(), title, body))
}

/// Who gets a case's reminder: its handler, or the officials of its unit while nobody was
/// given it.
async fn recipients(app: &App, r: &CaseReminder) -> Result<Vec<Recipient>, StoreError> {
    if let Some(id) = r.handler_user_id {
        let user: Option<UserRow> = app.store().user_by_id(coso_domain::UserId(id)).await?;
        if let Some(u) = user.filter(|u| u.active) {
            return Ok(vec![Recipient { user_id: u.id, email: u.email, display_name: u.display_name }]);
        }
    }
    app.store().officials_of_unit(UnitId(r.unit_id)).await
}

/// The notifications and mails of `reminders`: one notification per case (for its handler,
/// or its unit), one mail per recipient.
pub async fn case_batch(
    app: &App,
    reminders: &[CaseReminder],
    base_url: Option<&str>,
) -> Result<NotificationBatch, StoreError> {
    let mut batch = NotificationBatch::default();
    for r in reminders {
        batch.notifications.push(NewNotification {
            unit_id: r.unit_id,
            user_id: r.handler_user_id,
            kind: if r.overdue { NotificationKind::Overdue } else { NotificationKind::Reminder },
            title: r.title.clone(),
            body: r.body.clone(),
            link: r.link.clone(),
            occurrence_id: None,
            dedupe_key: r.dedupe_key.clone(),
        });
        let link = match base_url {
            Some(base) => format!("{}{}", base.trim_end_matches('/'), r.link),
            None => r.link.clone(),
        };
        for person in recipients(app, r).await? {
            batch.mails.push(NewMail {
                to_addr: person.email.clone(),
                subject: r.title.clone(),
                body: format!(
                    "Kính gửi {},\n\n{}\n\n{}\n\nXem đơn: {link}\n\n--\nThư gửi tự động từ hệ thống coso; vui lòng không trả lời thư này.\n",
                    person.display_name, r.title, r.body
                ),
                dedupe_key: format!("{}:mail:{}", r.dedupe_key, person.user_id),
            });
        }
    }
    Ok(batch)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};
    use coso_domain::case::{Channel, Complexity};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn case(kind: CaseKind, status: CaseStatus, due: &str) -> CaseRow {
        CaseRow {
            id: 9,
            code: "ABCD-EFGH-JKLM-NPQR".into(),
            unit_id: 42,
            unit_code: "42".into(),
            unit_name: "Xã Cẩm Xuyên".into(),
            unit_path: "/42/".into(),
            kind,
            status,
            channel: Channel::Desk,
            category: "khac".into(),
            received_on: d("2026-02-02"),
            content: "Nội dung có tên Nguyễn Văn Bí Mật".into(),
            remote: false,
            complexity: Complexity::Normal,
            crowded: false,
            over_level: false,
            publish: false,
            sender_user_id: None,
            handler_user_id: None,
            handler_email: None,
            accepted_on: None,
            answered_on: None,
            closed_on: None,
            decision_received_on: None,
            parent_id: None,
            instance: 1,
            extensions: 0,
            due_on: Some(d(due)),
            resolution_due_on: None,
            public_answer: None,
            rating: None,
            rating_comment: None,
            rated_at: None,
            created_at: DateTime::<Utc>::UNIX_EPOCH,
            updated_at: DateTime::<Utc>::UNIX_EPOCH,
            personal_data_removed_on: None,
        }
    }

    fn keys(c: &CaseRow, today: &str) -> Vec<String> {
        plan_case_reminders(std::slice::from_ref(c), d(today), HolidayCalendar::builtin(), &[3, 1])
            .into_iter()
            .map(|r| r.dedupe_key)
            .collect()
    }

    #[test]
    fn a_petition_is_reminded_before_and_after_its_reply_is_due() {
        let c = case(CaseKind::Petition, CaseStatus::Received, "2026-03-10");
        assert!(keys(&c, "2026-03-04").is_empty());
        assert_eq!(keys(&c, "2026-03-05"), ["case:9:petition.reply:3"]);
        assert_eq!(keys(&c, "2026-03-09"), ["case:9:petition.reply:1"]);
        assert!(keys(&c, "2026-03-10").is_empty(), "nothing on the due date");
        assert_eq!(keys(&c, "2026-03-11"), ["case:9:petition.reply:overdue"]);
    }

    #[test]
    fn the_rule_follows_the_stage_and_closed_cases_are_quiet() {
        assert_eq!(
            waiting_rule(&case(CaseKind::Complaint, CaseStatus::Accepted, "2026-03-10")),
            Some("complaint.first")
        );
        assert_eq!(
            waiting_rule(&case(CaseKind::Denunciation, CaseStatus::Forwarded, "2026-03-10")),
            Some("denunciation.initial")
        );
        assert_eq!(waiting_rule(&case(CaseKind::Petition, CaseStatus::Answered, "2026-03-10")), None);
        assert_eq!(waiting_rule(&case(CaseKind::Information, CaseStatus::Received, "2026-03-10")), None);
    }

    #[test]
    fn the_texts_never_carry_the_content() {
        let c = case(CaseKind::Denunciation, CaseStatus::Received, "2026-03-10");
        let r = &plan_case_reminders(&[c], d("2026-03-11"), HolidayCalendar::builtin(), &[3, 1])[0];
        assert_eq!(r.title, "Quá hạn: Tố cáo mã ABCD-EFGH-JKLM-NPQR, hạn thụ lý hoặc xử lý ban đầu ngày 10/03/2026");
        assert!(!r.body.contains("Bí Mật") && !r.title.contains("Bí Mật"));
        assert_eq!(r.link, "/quan-tri/vu-viec/9");
    }
}
