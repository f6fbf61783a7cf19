//! Village-head elections and annual community conferences in the demo commune, dated from the
//! load day: an election under way (the plan on time, the candidate list late, the team and
//! the notice still to come), a recognised election, a dismissal waiting for its new election,
//! and the year's conferences held in two villages and missing in the others; in another
//! commune, a People's Inspection Board formed from its recognised election.

use chrono::{Datelike, Days, NaiveDate};
use coso_app::{Actor, App, conferences, elections};
use coso_calendar::HolidayCalendar;
use coso_domain::conference::ConferenceInput;
use coso_domain::election::{DismissalInput, ElectionInput, RecognitionInput, ResultInput, StepInput, VoteInput};
use coso_store::UnitRow;

use crate::error::DemoError;

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn before(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_sub_days(Days::new(days)).unwrap_or(d)
}

fn after(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_add_days(Days::new(days)).unwrap_or(d)
}

fn step(step: &str, on: NaiveDate, people: &[&str]) -> StepInput {
    StepInput {
        step: step.into(),
        done_on: iso(on),
        people: people.iter().map(|p| (*p).to_string()).collect(),
        villages: Vec::new(),
    }
}

/// Loads the elections and conferences of the commune's villages unless its first village has
/// an election already; returns how many elections were created.
pub async fn load(app: &App, villages: &[UnitRow], actor: &Actor) -> Result<usize, DemoError> {
    let [first, second, third, ..] = villages else { return Ok(0) };
    if !app.store().elections_of_unit(first.id).await?.is_empty() {
        return Ok(0);
    }
    let calendar = HolidayCalendar::builtin();
    let today = app.today();
    let e = DemoError::Elections;

    // Under way: the meeting in 12 days; the plan was on time, the candidates 2 days late.
    let meeting = after(today, 12);
    let input = ElectionInput { meeting_on: iso(meeting), ..Default::default() };
    let v = elections::create(app, actor, calendar, &first.code, &input).await.map_err(e)?;
    elections::record_step(app, actor, calendar, v.id, &step("plan", before(meeting, 22), &[])).await.map_err(e)?;
    let candidates = step("candidates", before(meeting, 13), &["Nguyễn Văn Hùng", "Trần Thị Lan"]);
    elections::record_step(app, actor, calendar, v.id, &candidates).await.map_err(e)?;

    // Recognised: held 40 days ago, every step on time.
    let meeting = before(today, 40);
    let input = ElectionInput { meeting_on: iso(meeting), ..Default::default() };
    let v = elections::create(app, actor, calendar, &second.code, &input).await.map_err(e)?;
    for s in [
        step("plan", before(meeting, 25), &[]),
        step("candidates", before(meeting, 16), &["Lê Văn Minh", "Phạm Thị Thu"]),
        step("team", before(meeting, 12), &["Đỗ Văn Sơn", "Hoàng Thị Mai", "Vũ Văn Tâm"]),
        step("notice", before(meeting, 8), &[]),
    ] {
        elections::record_step(app, actor, calendar, v.id, &s).await.map_err(e)?;
    }
    let received = after(meeting, 1);
    let count = ResultInput {
        households: 132,
        present: 98,
        votes: vec![
            VoteInput { candidate: "Lê Văn Minh".into(), votes: 87 },
            VoteInput { candidate: "Phạm Thị Thu".into(), votes: 9 },
        ],
        received_on: iso(received),
    };
    elections::record_result(app, actor, calendar, v.id, &count).await.map_err(e)?;
    let decision = RecognitionInput { decided_on: iso(after(received, 3)), recognised: true, head: String::new() };
    elections::decide(app, actor, calendar, v.id, &decision).await.map_err(e)?;

    // A dismissal recognised 20 days ago: the new election is due within 60 days.
    let dismissal = DismissalInput {
        head_name: "Bùi Văn Khánh".into(),
        recognised_on: iso(before(today, 20)),
        interim_name: "Ngô Thị Hạnh".into(),
        interim_from: iso(before(today, 19)),
    };
    elections::dismiss(app, actor, calendar, &third.code, &dismissal).await.map_err(e)?;

    // The latest year-end conferences: held by the first two villages (the second's notice a
    // day late), missing in the others.
    let year = if today.month() == 12 { today.year() } else { today.year() - 1 };
    let held = NaiveDate::from_ymd_opt(year, 12, 10).filter(|d| *d < today).unwrap_or(before(today, 1));
    for (village, notice_days) in [(first, 7), (second, 4)] {
        let input = ConferenceInput {
            held_on: iso(held),
            place: format!("Nhà văn hóa {}", village.name),
            plan_sent_on: iso(before(held, 15)),
            notice_on: iso(before(held, notice_days)),
            minutes: "Trưởng thôn báo cáo tình hình của cộng đồng và kết quả thực hiện các việc Nhân dân đã bàn, \
                      quyết định; Ban công tác Mặt trận báo cáo việc thực hiện dân chủ ở cơ sở; hội nghị thống nhất \
                      kế hoạch năm tới."
                .into(),
        };
        conferences::record(app, actor, calendar, &village.code, &input).await.map_err(e)?;
    }
    Ok(2)
}

/// The candidates of the demo's People's Inspection Board election.
const BOARD_CANDIDATES: &[&str] = &[
    "Trịnh Văn Long",
    "Mai Thị Hương",
    "Đinh Văn Quý",
    "Lâm Thị Ngọc",
    "Tạ Văn Bình",
    "Cao Thị Yến",
    "Dương Văn Khải",
    "Kiều Thị Nhung",
    "La Văn Thành",
    "Phan Thị Duyên",
];

/// A People's Inspection Board formed from its election (BTT-1, BTT-2): in the first commune
/// or ward other than `skip` that has villages and neither a board nor an election, held 30 days
/// ago with one candidate per village (at least five), every candidate elected and the result
/// recognised; returns how many boards were formed.
pub async fn load_board_election(
    app: &App,
    units: &[(UnitRow, Vec<UnitRow>)],
    skip: &UnitRow,
    actor: &Actor,
) -> Result<usize, DemoError> {
    let Some((unit, villages)) = units.iter().find(|(u, v)| u.id != skip.id && !v.is_empty()) else { return Ok(0) };
    if !app.store().elections_of_unit(unit.id).await?.is_empty()
        || !app.store().boards_of_unit(unit.id).await?.is_empty()
    {
        return Ok(0);
    }
    let calendar = HolidayCalendar::builtin();
    let e = DemoError::Elections;
    let seats = villages.len().max(5);
    let meeting = before(app.today(), 30);
    let input = ElectionInput {
        meeting_on: iso(meeting),
        kind: "inspection_board".into(),
        seats: i64::try_from(seats).ok(),
        ..Default::default()
    };
    let v = elections::create(app, actor, calendar, &unit.code, &input).await.map_err(e)?;
    let names: Vec<String> = (0..seats)
        .map(|i| {
            let name = BOARD_CANDIDATES[i % BOARD_CANDIDATES.len()];
            if i < BOARD_CANDIDATES.len() { name.to_string() } else { format!("{name} ({})", i + 1) }
        })
        .collect();
    let candidates = StepInput {
        step: "candidates".into(),
        done_on: iso(before(meeting, 15)),
        people: names.clone(),
        villages: (0..seats).map(|i| villages[i % villages.len()].code.clone()).collect(),
    };
    elections::record_step(app, actor, calendar, v.id, &candidates).await.map_err(e)?;
    let received = after(meeting, 1);
    let count = ResultInput {
        households: 420,
        present: 310,
        votes: names
            .iter()
            .enumerate()
            .map(|(i, n)| VoteInput { candidate: n.clone(), votes: 290 - (i as i64 % 100) })
            .collect(),
        received_on: iso(received),
    };
    elections::record_result(app, actor, calendar, v.id, &count).await.map_err(e)?;
    let decision = RecognitionInput { decided_on: iso(after(received, 3)), recognised: true, head: String::new() };
    elections::decide(app, actor, calendar, v.id, &decision).await.map_err(e)?;
    Ok(1)
}
