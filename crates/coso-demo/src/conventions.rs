//! Village conventions in the demo commune, through the use cases and dated back from the load
//! day: the first village's convention in force (posted, adopted by the village's meeting on
//! matter 3, a community decision, then sent and recognised), the second's in draft with two
//! versions, the third's posted for opinions.

use chrono::{Days, NaiveDate};
use coso_app::{Actor, App};
use coso_app::{conventions, decisions};
use coso_calendar::HolidayCalendar;
use coso_domain::convention::{DatedInput, OpinionInput, ProposalInput, RecognitionInput, VersionInput};
use coso_domain::decision::{DecisionInput, MeetingTally};
use coso_store::{Attendance, UnitRow};

use crate::error::DemoError;

const TEXT: &str = "Chương I. NHỮNG QUY ĐỊNH CHUNG
Điều 1. Mục đích
Quy ước này quy định việc giữ gìn vệ sinh môi trường, nếp sống văn minh và an ninh trật tự trong thôn.
Điều 2. Phạm vi áp dụng
Mọi hộ gia đình và người sinh sống, làm việc trên địa bàn thôn.
Chương II. NHỮNG QUY ĐỊNH CỤ THỂ
Điều 3. Giữ gìn vệ sinh môi trường
Mỗi hộ gia đình phân loại rác tại nguồn và để rác đúng nơi, đúng giờ quy định.
Điều 4. Việc cưới, việc tang
Tổ chức việc cưới, việc tang tiết kiệm, văn minh; không sử dụng loa đài công suất lớn sau 22 giờ.
Chương III. TỔ CHỨC THỰC HIỆN
Điều 5. Trách nhiệm thực hiện
Trưởng thôn, Ban công tác Mặt trận thôn phổ biến Quy ước đến từng hộ gia đình; hằng năm rà soát vào ngày 18/11.";

fn back(today: NaiveDate, days: u64) -> String {
    today.checked_sub_days(Days::new(days)).unwrap_or(today).format("%Y-%m-%d").to_string()
}

fn dated(date: String, note: &str) -> DatedInput {
    DatedInput { date, note: note.into() }
}

async fn propose(app: &App, actor: &Actor, village: &UnitRow, kind: &str, title: &str) -> Result<i64, coso_app::Error> {
    let input = ProposalInput { kind: kind.into(), title: title.into(), text: TEXT.into() };
    conventions::propose(app, actor, &village.code, &input).await
}

/// Loads the conventions of the first three villages that have none yet; returns how many were
/// created.
pub async fn load(app: &App, villages: &[UnitRow], actor: &Actor) -> Result<usize, DemoError> {
    let mut created = 0;
    for (i, village) in villages.iter().take(3).enumerate() {
        if !app.store().conventions_of_unit(village.id).await?.is_empty() {
            continue;
        }
        match i {
            0 => in_force(app, actor, village).await,
            1 => drafting(app, actor, village).await,
            _ => posted(app, actor, village).await,
        }
        .map_err(DemoError::Conventions)?;
        created += 1;
    }
    Ok(created)
}

async fn in_force(app: &App, actor: &Actor, village: &UnitRow) -> Result<(), coso_app::Error> {
    let today = app.today();
    let code = &village.code;
    let id = propose(app, actor, village, "huong_uoc", &format!("Hương ước {}", village.name)).await?;
    conventions::post(app, actor, code, id, &dated(back(today, 75), "Nhà văn hóa thôn")).await?;
    let opinions = OpinionInput {
        received_on: back(today, 62),
        count: "9".into(),
        source: "Hòm thư góp ý và họp Chi hội Phụ nữ".into(),
        summary: "Đề nghị quy định rõ giờ giữ trật tự buổi tối.".into(),
    };
    conventions::record_opinions(app, actor, code, id, &opinions).await?;
    let decision = adopting_meeting(app, actor, village, &format!("Thông qua Hương ước {}", village.name), 42).await?;
    conventions::record_vote_from_decision(app, actor, HolidayCalendar::builtin(), code, id, &decision.to_string())
        .await?;
    conventions::submit(app, actor, code, id, &dated(back(today, 39), "")).await?;
    let recognition = RecognitionInput { date: back(today, 35), decision_number: "25/QĐ-UBND".into() };
    conventions::recognise(app, actor, code, id, &recognition).await
}

/// The village meeting on matter 3 (HU-5) held `days_ago`, three in four households present and
/// a majority of all households for: the community decision a convention's vote is taken from.
async fn adopting_meeting(
    app: &App,
    actor: &Actor,
    village: &UnitRow,
    title: &str,
    days_ago: u64,
) -> Result<i64, coso_app::Error> {
    let date = app.today().checked_sub_days(Days::new(days_ago)).unwrap_or(app.today());
    let input = DecisionInput {
        matter: "3".into(),
        form: "meeting".into(),
        title: title.into(),
        date: date.format("%Y-%m-%d").to_string(),
        ends_on: String::new(),
        villages: vec![],
    };
    let id = decisions::open(app, actor, village, &input).await?;
    let households = app.store().decision(id).await?.map_or(0, |d| d.households);
    let present = (households * 3 / 4).max(1);
    decisions::record_attendance(app, actor, village, id, &Attendance::Count(present)).await?;
    let yes = (households / 2 + 1).min(present);
    let tally = MeetingTally {
        yes: u32::try_from(yes).unwrap_or(0),
        no: u32::try_from(present - yes).unwrap_or(0),
        ..MeetingTally::default()
    };
    decisions::tally_meeting(app, actor, HolidayCalendar::builtin(), village, id, tally).await?;
    Ok(id)
}

async fn drafting(app: &App, actor: &Actor, village: &UnitRow) -> Result<(), coso_app::Error> {
    let id = propose(app, actor, village, "quy_uoc", &format!("Quy ước {}", village.name)).await?;
    let text =
        format!("{TEXT}\nĐiều 6. Khen thưởng\nHộ gia đình thực hiện tốt Quy ước được biểu dương tại hội nghị thôn.");
    let input = VersionInput { text, note: "Bổ sung điều khen thưởng".into() };
    conventions::edit(app, actor, &village.code, id, &input).await.map(|_| ())
}

async fn posted(app: &App, actor: &Actor, village: &UnitRow) -> Result<(), coso_app::Error> {
    let today = app.today();
    let id = propose(app, actor, village, "quy_uoc", &format!("Quy ước {}", village.name)).await?;
    conventions::post(app, actor, &village.code, id, &dated(back(today, 10), "Nhà văn hóa thôn và loa truyền thanh"))
        .await?;
    let opinions = OpinionInput {
        received_on: back(today, 3),
        count: "4".into(),
        source: "Họp Chi hội Nông dân".into(),
        summary: "Đề nghị thêm quy định về chăn thả gia súc.".into(),
    };
    conventions::record_opinions(app, actor, &village.code, id, &opinions).await.map(|_| ())
}
