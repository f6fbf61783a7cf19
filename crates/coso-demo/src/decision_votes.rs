//! The demo's household ballots and online vote, in the demo village and dated from the load
//! day: a ballot in progress whose two tally entries differ (the mismatch waiting to be
//! reconciled), a ballot closed with its result, and an online vote open this week for the
//! demo resident's household.

use chrono::{Days, NaiveDate};
use coso_app::decisions::{self, ballots};
use coso_app::{Actor, App};
use coso_calendar::HolidayCalendar;
use coso_domain::authz::Action;
use coso_domain::decision::DecisionInput;
use coso_domain::decision::ballot::{BallotPlanInput, TallyInput};
use coso_store::UnitRow;

use crate::DemoError;

/// The counting team: the commune official and the village head.
const FIRST_MEMBER: &str = "canbo.xa@coso.example";
const SECOND_MEMBER: &str = "truongthon@coso.example";

fn dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn day(today: NaiveDate, offset: i64) -> NaiveDate {
    let days = Days::new(offset.unsigned_abs());
    if offset < 0 { today.checked_sub_days(days) } else { today.checked_add_days(days) }.unwrap_or(today)
}

/// The account `email` as the use cases see it.
async fn member(app: &App, email: &str) -> Result<Option<Actor>, DemoError> {
    let store = app.store();
    let Some(user) = store.user_by_email(email).await? else { return Ok(None) };
    let grants = store.grants_of(user.user_id()).await?.iter().map(coso_store::GrantRow::grant).collect();
    Ok(Some(Actor::user(user.user_id(), email, grants, None)))
}

fn failed(what: &str) -> impl Fn(coso_app::Error) -> DemoError + '_ {
    move |e| DemoError::Forbidden(format!("{what}: {e}"))
}

fn entry(yes: u32, no: u32, invalid: u32) -> TallyInput {
    TallyInput { yes: yes.to_string(), no: no.to_string(), invalid: invalid.to_string() }
}

/// The first and last day of a decision.
#[derive(Clone, Copy)]
struct Period {
    from: NaiveDate,
    until: NaiveDate,
}

/// Opens a decision of `form` on `village` for `period`; returns its id.
async fn open(
    app: &App,
    actor: &Actor,
    village: &UnitRow,
    matter: u8,
    form: &str,
    title: &str,
    Period { from, until }: Period,
) -> Result<i64, DemoError> {
    let input = DecisionInput {
        matter: matter.to_string(),
        form: form.into(),
        title: title.into(),
        date: dmy(from),
        ends_on: dmy(until),
        ..DecisionInput::default()
    };
    decisions::open(app, actor, village, &input).await.map_err(failed(title))
}

/// A ballot with its plan, its ballots issued and `back` of them collected.
async fn ballot(
    app: &App,
    team: &[Actor; 2],
    calendar: &HolidayCalendar,
    village: &UnitRow,
    title: &str,
    question: &str,
    period: Period,
) -> Result<(i64, i64), DemoError> {
    let Period { from, until } = period;
    let id = open(app, &team[0], village, 1, "ballot", title, period).await?;
    let plan = BallotPlanInput {
        purpose: format!("Lấy ý kiến các hộ gia đình {} về {}", village.name, title.to_lowercase()),
        content: question.into(),
        participants: format!("Các hộ gia đình của {}", village.name),
        starts_on: dmy(from),
        ends_on: dmy(until),
    };
    let issued = ballots::issue(app, &team[0], calendar, village, id, &plan).await.map_err(failed(title))?;
    let (_, rows) = ballots::ballots(app, &team[0], village, id).await.map_err(failed(title))?;
    // Nine ballots in ten come back.
    let back: Vec<String> = rows.iter().take(rows.len() * 9 / 10).map(|r| r.code.clone()).collect();
    ballots::collect(app, &team[0], village, id, &back.join("\n"), until).await.map_err(failed(title))?;
    Ok((id, issued.min(i64::try_from(back.len()).unwrap_or(i64::MAX))))
}

/// The title of the demo's open online vote.
const ONLINE_TITLE: &str = "Giờ mở cửa sân thể thao thôn buổi tối đến 21 giờ";

/// Loads the three decisions in `village` unless they are there already.
pub async fn load(app: &App, village: &UnitRow, actor: &Actor) -> Result<(), DemoError> {
    actor
        .authorize(&village.unit_path(), Action::ManageDecisions)
        .map_err(|_| DemoError::Forbidden(village.code.clone()))?;
    // Loaded once: its online vote is the marker (the village holds other demo decisions too).
    let listed = decisions::list_for_unit(app, actor, village).await.map_err(failed("decisions"))?;
    if listed.iter().any(|d| d.decision.title == ONLINE_TITLE) {
        return Ok(());
    }
    let (Some(first), Some(second)) = (member(app, FIRST_MEMBER).await?, member(app, SECOND_MEMBER).await?) else {
        return Ok(());
    };
    let team = [first, second];
    let calendar = HolidayCalendar::builtin();
    let today = app.today();

    // Closed three weeks ago: the two entries agreed.
    let (closed, back) = ballot(
        app,
        &team,
        calendar,
        village,
        "Mức đóng góp sửa chữa nhà văn hóa thôn",
        "Mỗi hộ gia đình đóng góp 300.000 đồng để sửa chữa mái và nền nhà văn hóa thôn?",
        Period { from: day(today, -30), until: day(today, -21) },
    )
    .await?;
    let yes = u32::try_from(back * 2 / 3).unwrap_or(0);
    let no = u32::try_from(back).unwrap_or(0).saturating_sub(yes + 1);
    let agreed = ballots::TallyEntries { first: Some(entry(yes, no, 1)), ..Default::default() };
    ballots::enter_tally(app, &team[0], village, closed, &agreed).await.map_err(failed("closed ballot"))?;
    let agreed = ballots::TallyEntries { second: Some(entry(yes, no, 1)), ..Default::default() };
    ballots::enter_tally(app, &team[1], village, closed, &agreed).await.map_err(failed("closed ballot"))?;

    // Ended yesterday; the two entries differ on the yes and the spoilt ballots.
    let (pending, back) = ballot(
        app,
        &team,
        calendar,
        village,
        "Chủ trương bê tông hóa đường ngõ xóm",
        "Đồng ý bê tông hóa đường ngõ xóm Đình theo phương án Nhà nước và Nhân dân cùng làm, mỗi hộ góp 5 ngày công?",
        Period { from: day(today, -8), until: day(today, -1) },
    )
    .await?;
    let yes = u32::try_from(back / 2 + 2).unwrap_or(0);
    let no = u32::try_from(back).unwrap_or(0).saturating_sub(yes + 2);
    let first = ballots::TallyEntries { first: Some(entry(yes, no, 2)), ..Default::default() };
    ballots::enter_tally(app, &team[0], village, pending, &first).await.map_err(failed("pending ballot"))?;
    let second = ballots::TallyEntries { second: Some(entry(yes - 1, no, 3)), ..Default::default() };
    ballots::enter_tally(app, &team[1], village, pending, &second).await.map_err(failed("pending ballot"))?;

    // Open this week, online (matter 6).
    open(app, &team[1], village, 6, "online", ONLINE_TITLE, Period { from: day(today, -1), until: day(today, 5) })
        .await?;
    Ok(())
}
