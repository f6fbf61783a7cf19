//! Citizen reception in the demo: every commune and ward receives on Thursday mornings, with
//! sessions over the last ten weeks before the load day. A few communes missed weeks or let
//! only a vice-chairman receive (which no longer counts from 2026-07-01), so that the
//! compliance view has something to show; some visits are crowded (*đông người*).

use chrono::{Datelike, Days, NaiveDate, Weekday};
use coso_app::{Actor, App};
use coso_calendar::HolidayCalendar;
use coso_domain::authz::Action;
use coso_domain::reception::{
    Outcome, PartOfDay, Receiver, RefusalGround, ScheduleEntry, ScheduleKind, SessionData, SessionKind, VisitData,
};
use coso_store::UnitRow;

use crate::error::DemoError;
use crate::names;
use crate::rng::Rng;

/// Weeks of sessions before the load day.
const WEEKS: u64 = 10;
/// Out of 100 communes, how many missed a week now and then, and how many let a
/// vice-chairman receive instead of the chairman.
const MISSING_PERCENT: u64 = 15;
const DEPUTY_PERCENT: u64 = 10;

const MATTERS: &[(&str, Outcome)] = &[
    ("Đề nghị cấp giấy chứng nhận quyền sử dụng đất", Outcome::Guided),
    ("Phản ánh đường liên thôn xuống cấp, đề nghị sửa chữa", Outcome::Petition),
    ("Khiếu nại quyết định thu hồi đất làm đường", Outcome::Complaint),
    ("Hỏi về chế độ trợ cấp cho người cao tuổi", Outcome::Answered),
    ("Phản ánh ô nhiễm mùi từ trại chăn nuôi", Outcome::Petition),
    ("Tố cáo việc lấn chiếm đất công", Outcome::Denunciation),
    ("Hỏi thủ tục đăng ký kinh doanh hộ gia đình", Outcome::Guided),
];

/// Loads the schedule and the log of every commune-level unit of `communes` that has no
/// schedule yet; `demo_commune` (the commune official's) always shows a missed week and a
/// vice-chairman's week. Returns the sessions recorded.
pub async fn load(app: &App, communes: &[UnitRow], demo_commune: &str, actor: &Actor) -> Result<usize, DemoError> {
    let store = app.store();
    let today = app.today();
    let calendar = HolidayCalendar::builtin();
    let mut sessions = 0;
    for commune in communes {
        if !store.reception_schedule(commune).await?.is_empty() {
            continue;
        }
        let permit = actor.authorize(&commune.unit_path(), Action::ManageReception).map_err(DemoError::Reception)?;
        let place = format!("Trụ sở UBND {}", commune.name);
        let weekly = ScheduleEntry {
            kind: ScheduleKind::Weekly,
            weekday: Some(4),
            on_date: None,
            part: Some(PartOfDay::Morning),
            place: Some(place.clone()),
            receiver: Some(Receiver::Chairman),
            note: None,
        };
        store.add_schedule_entry(&permit, commune, &weekly, actor.audit()).await?;
        let mut rng = Rng::for_key(&format!("tiep-cong-dan:{}", commune.code));
        let is_demo = commune.code == demo_commune;
        let misses = is_demo || rng.chance(MISSING_PERCENT);
        let deputies = is_demo || rng.chance(DEPUTY_PERCENT);
        let chairman = names::person(&mut rng);
        let deputy = names::person(&mut rng);
        for week in (1..=WEEKS).rev() {
            let Some(day) = reception_day(today, week, calendar) else { continue };
            if misses && (week == 3 || rng.chance(8)) {
                continue;
            }
            let by_deputy = deputies && (week == 2 || week == 6);
            let session = SessionData {
                held_on: day,
                receiver: if by_deputy { Receiver::ViceChairman } else { Receiver::Chairman },
                receiver_name: if by_deputy { deputy.clone() } else { chairman.clone() },
                place: place.clone(),
                kind: SessionKind::Regular,
            };
            let id = store.record_session(&permit, commune, &session, actor.audit()).await?;
            sessions += 1;
            for _ in 0..rng.range(0, 2) {
                store.record_visit(&permit, commune, id, &visit(&mut rng, commune), actor.audit()).await?;
            }
        }
    }
    Ok(sessions)
}

/// The Thursday `weeks` weeks before the week of `today`, or the Friday after it when the
/// Thursday is a day off; `None` when neither is worked or the day is after `today`.
fn reception_day(today: NaiveDate, weeks: u64, calendar: &HolidayCalendar) -> Option<NaiveDate> {
    let monday = today.week(Weekday::Mon).first_day().checked_sub_days(Days::new(7 * (weeks - 1)))?;
    let thursday = monday + Days::new(3);
    let day = [thursday, thursday + Days::new(1)]
        .into_iter()
        .find(|d| calendar.is_working_day(*d).unwrap_or(d.weekday() != Weekday::Sun))?;
    (day <= today).then_some(day)
}

fn visit(rng: &mut Rng, commune: &UnitRow) -> VisitData {
    let (content, outcome) = *rng.pick(MATTERS);
    let crowded = rng.chance(12);
    let refused = !crowded && rng.chance(5);
    let people_count = if crowded { rng.range(5, 25) as i64 } else { rng.range(1, 2) as i64 };
    let visitor_names = if crowded {
        format!("{}, {} (đại diện)", names::person(rng), names::person(rng))
    } else {
        names::person(rng)
    };
    VisitData {
        visitor_names,
        people_count,
        crowded,
        address: names::village_address(rng, &commune.name),
        content: content.to_string(),
        outcome: if refused { Outcome::Refused } else { outcome },
        refusal_ground: refused.then_some(RefusalGround::Repeated),
        note: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn sessions_fall_on_thursdays_before_the_load_day_or_the_friday_after_a_holiday() {
        let cal = HolidayCalendar::builtin();
        // Saturday 5 December 2026: this week's Thursday is the 3rd.
        assert_eq!(reception_day(d(2026, 12, 5), 1, cal), Some(d(2026, 12, 3)));
        assert_eq!(reception_day(d(2026, 12, 5), 2, cal), Some(d(2026, 11, 26)));
        // Monday 30 November: this week's Thursday has not come yet.
        assert_eq!(reception_day(d(2026, 11, 30), 1, cal), None);
        // Thursday 30 April 2026 is Reunification Day; Friday 1 May is off too.
        assert_eq!(reception_day(d(2026, 5, 8), 2, cal), None);
    }
}
