//! Community decisions in the first village of the demo commune, one in every state, dated
//! relative to the load day: a meeting to come; meetings held that adopted, did not adopt, and
//! could not reach the ratio (closed, the ballot offered); a household ballot and an online
//! vote under way.

use chrono::{Days, NaiveDate};
use coso_app::{Actor, App, decisions};
use coso_domain::decision::{DecisionInput, MeetingTally};
use coso_store::{Attendance, UnitRow};

use crate::error::DemoError;

fn input(matter: u8, form: &str, title: &str, date: NaiveDate, ends_on: Option<NaiveDate>) -> DecisionInput {
    DecisionInput {
        matter: matter.to_string(),
        form: form.into(),
        title: title.into(),
        date: date.format("%Y-%m-%d").to_string(),
        ends_on: ends_on.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(),
        villages: vec![],
    }
}

/// Loads the decisions of the first village unless it has some already; returns how many were
/// opened.
pub async fn load(app: &App, villages: &[UnitRow], actor: &Actor) -> Result<usize, DemoError> {
    let Some(village) = villages.first() else { return Ok(0) };
    if !app.store().decisions_in_subtree(village).await?.is_empty() {
        return Ok(0);
    }
    let today = app.today();
    let before = |n: u64| today.checked_sub_days(Days::new(n)).unwrap_or(today);
    let after = |n: u64| today.checked_add_days(Days::new(n)).unwrap_or(today);
    let open = |i: DecisionInput| async move { decisions::open(app, actor, village, &i).await };
    let e = DemoError::Decisions;

    open(input(1, "meeting", "Mức đóng góp xây dựng nhà văn hóa thôn", after(7), None)).await.map_err(e)?;

    let held = [("Mức đóng góp bê tông hóa đường nội thôn", 30, true), ("Thu quỹ khuyến học năm nay", 20, false)];
    for (title, days, adopted) in held {
        let matter = if adopted { 1 } else { 2 };
        let id = open(input(matter, "meeting", title, before(days), None)).await.map_err(e)?;
        let households = app.store().decision(id).await?.map_or(0, |d| d.households);
        let present = (households * 3 / 4).max(1);
        decisions::record_attendance(app, actor, village, id, &Attendance::Count(present)).await.map_err(e)?;
        let needed = households / 2 + 1;
        let yes = if adopted { needed.min(present) } else { (needed - 1).min(present) };
        let tally = MeetingTally {
            yes: u32::try_from(yes).unwrap_or(0),
            no: u32::try_from(present - yes).unwrap_or(0),
            ..MeetingTally::default()
        };
        decisions::tally_meeting(app, actor, coso_calendar::HolidayCalendar::builtin(), village, id, tally)
            .await
            .map_err(e)?;
    }

    let id =
        open(input(1, "meeting", "Mức đóng góp nạo vét kênh mương nội đồng", before(12), None)).await.map_err(e)?;
    let households = app.store().decision(id).await?.map_or(0, |d| d.households);
    decisions::record_attendance(app, actor, village, id, &Attendance::Count(households / 3)).await.map_err(e)?;
    decisions::close(app, actor, village, id).await.map_err(e)?;

    open(input(1, "ballot", "Phát phiếu lấy ý kiến về mức đóng góp nạo vét kênh mương", before(3), Some(after(4))))
        .await
        .map_err(e)?;
    open(input(6, "online", "Giờ thu gom rác thải sinh hoạt của thôn", before(1), Some(after(6)))).await.map_err(e)?;
    Ok(6)
}
