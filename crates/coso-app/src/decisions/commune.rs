//! The commune a decision's result goes to, and the obligation to send it there in the
//! commune's notifications: a household ballot's within 5 working days of its end (DEC-10), a
//! meeting's within the configured working days of the meeting (DEC-10b, unverified).

use coso_calendar::HolidayCalendar;
use coso_domain::decision::DecisionForm;
use coso_domain::decision::timeline::{BALLOT_RESULT_RULE, MEETING_RESULT_RULE};
use coso_domain::notification::NotificationKind;
use coso_domain::unit::UnitKind;
use coso_store::{DecisionRow, NewNotification, NotificationBatch, UnitRow};

use crate::{App, Error, Result};

/// The commune a decision's result goes to: the unit itself for a commune-wide decision, the
/// unit above a village.
pub(super) async fn commune_of(app: &App, unit: &UnitRow) -> Result<UnitRow> {
    if matches!(unit.kind, UnitKind::Commune | UnitKind::Ward | UnitKind::SpecialZone) {
        return Ok(unit.clone());
    }
    let parent = unit.parent_id.ok_or(Error::NotFound)?;
    crate::units::by_id(app, coso_domain::UnitId(parent)).await
}

/// The obligation «gửi kết quả cho UBND xã» in the commune's notifications, once per decision;
/// an online vote has none.
pub(super) async fn notify_commune(
    app: &App,
    calendar: &HolidayCalendar,
    unit: &UnitRow,
    d: &DecisionRow,
) -> Result<()> {
    let (rule, what, from) = match d.form {
        DecisionForm::Ballot => (BALLOT_RESULT_RULE, "lấy ý kiến hộ gia đình", d.ends_on),
        DecisionForm::Meeting => (MEETING_RESULT_RULE, "cuộc họp cộng đồng dân cư", d.held_on),
        DecisionForm::Online => return Ok(()),
    };
    let commune = commune_of(app, unit).await?;
    let due = super::deadlines(calendar, &app.settings().decisions, d)?
        .into_iter()
        .find(|deadline| deadline.rule == rule)
        .ok_or_else(|| Error::internal("no deadline to send the result"))?;
    let body = match d.form {
        DecisionForm::Ballot => format!(
            "{} phát phiếu lấy ý kiến hộ gia đình đến hết ngày {}; kết quả phải gửi UBND và Ủy ban MTTQ cấp xã chậm nhất ngày {} (5 ngày làm việc, khoản 7 Điều 4 Nghị định số 59/2023/NĐ-CP).",
            unit.name,
            from.format("%d/%m/%Y"),
            due.due.format("%d/%m/%Y")
        ),
        _ => format!(
            "{} họp ngày {}; kết quả phải gửi UBND và Ủy ban MTTQ cấp xã chậm nhất ngày {} ({}).",
            unit.name,
            from.format("%d/%m/%Y"),
            due.due.format("%d/%m/%Y"),
            if due.unverified {
                "số ngày làm việc chưa được xác minh trong văn bản"
            } else {
                "ngày làm việc"
            }
        ),
    };
    let notification = NewNotification {
        unit_id: commune.id,
        user_id: None,
        kind: NotificationKind::Reminder,
        title: format!("Gửi kết quả {what} cho UBND xã: {}", d.title),
        body,
        link: format!("/api/v1/decisions/{}", d.id),
        occurrence_id: None,
        dedupe_key: format!("{}:{}", due.rule, d.id),
    };
    let batch = NotificationBatch { notifications: vec![notification], mails: Vec::new() };
    app.store().insert_notifications_and_mail(&batch, app.clock().now()).await?;
    Ok(())
}
