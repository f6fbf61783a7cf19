//! Supervision boards in the demo commune: its People's Inspection Board (one member per
//! village, at least five; its head signs in as `bantt@coso.example`) with a yearly plan, an
//! activity, findings answered on time, answered late and closed, one overdue and sent to the
//! chairman, one waiting, and last quarter's report sent; and the community investment
//! supervision board of a road project with a site visit. Dates count back from the load day.

use chrono::{Datelike, Days, NaiveDate};
use coso_app::{Actor, App};
use coso_domain::authz::Action;
use coso_domain::board::{ActivityInput, BoardInput, MemberInput, PlanInput, ProjectInput};
use coso_domain::plan::PeriodKey;
use coso_store::{NewFinding, UnitRow};

use crate::error::DemoError;

/// The head of the demo People's Inspection Board.
pub const BOARD_HEAD_ACCOUNT: &str = "bantt@coso.example";

const NAMES: &[&str] = &[
    "Võ Thị Hoa",
    "Nguyễn Văn Thắng",
    "Trần Thị Mai",
    "Lê Văn Phúc",
    "Phạm Thị Lan",
    "Hoàng Văn Tâm",
    "Đỗ Thị Hạnh",
    "Bùi Văn Lộc",
];

fn ago(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(days)).unwrap_or(today)
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// (subject, body, sent days ago, due days ago (negative: to come), answered days ago, closed days ago).
type Script = (&'static str, &'static str, u64, i64, Option<u64>, Option<u64>);

const FINDINGS: &[Script] = &[
    (
        "Công khai thu, chi Quỹ vì người nghèo",
        "Bảng công khai thu, chi Quỹ năm trước chưa được niêm yết tại trụ sở xã; đề nghị niêm yết đủ 30 ngày.",
        80,
        65,
        Some(60),
        Some(55),
    ),
    (
        "Danh sách hộ nghèo chưa niêm yết ở thôn",
        "Danh sách hộ nghèo, cận nghèo được duyệt chưa niêm yết tại nhà văn hóa các thôn; đề nghị niêm yết và thông báo trên loa.",
        70,
        55,
        Some(58),
        Some(50),
    ),
    (
        "Thời gian giải quyết hồ sơ đất đai",
        "Một số hồ sơ cấp giấy chứng nhận quyền sử dụng đất quá hạn chưa có văn bản xin lỗi người dân; đề nghị rà soát.",
        40,
        25,
        Some(20),
        None,
    ),
    (
        "Mức thu phí vệ sinh môi trường",
        "Mức thu phí vệ sinh ở các thôn không thống nhất và chưa được công khai; đề nghị UBND xã trả lời căn cứ thu.",
        30,
        10,
        None,
        None,
    ),
    (
        "Đèn chiếu sáng đường liên thôn",
        "Nhiều bóng đèn trên tuyến đường liên thôn hỏng kéo dài; đề nghị sửa chữa và công khai kinh phí.",
        5,
        -10,
        None,
        None,
    ),
];

fn members(villages: &[UnitRow]) -> Vec<MemberInput> {
    let seats = villages.len().max(5);
    (0..seats)
        .map(|i| MemberInput {
            name: NAMES.get(i % NAMES.len()).copied().unwrap_or("Thành viên").to_string(),
            role: match i {
                0 => "head",
                1 => "deputy",
                _ => "member",
            }
            .into(),
            village: villages.get(i % villages.len().max(1)).map(|v| v.code.clone()).unwrap_or_default(),
            from: String::new(),
            account: if i == 0 { BOARD_HEAD_ACCOUNT.into() } else { String::new() },
        })
        .collect()
}

/// Loads the two boards of `commune` unless it has some already; returns how many were made.
pub async fn load(app: &App, commune: &UnitRow, villages: &[UnitRow], actor: &Actor) -> Result<u64, DemoError> {
    if !app.store().boards_of_unit(commune.id).await?.is_empty() || villages.is_empty() {
        return Ok(0);
    }
    load_both(app, commune, villages, actor).await.map_err(DemoError::Boards)
}

async fn load_both(app: &App, commune: &UnitRow, villages: &[UnitRow], actor: &Actor) -> coso_app::Result<u64> {
    let today = app.today();
    let input = BoardInput {
        kind: "inspection".into(),
        members: members(villages),
        elected_by: "Biên bản hội nghị Ban Thường trực Ủy ban MTTQ xã".into(),
        elected_on: ymd(ago(today, 400)),
        reports: "quarterly".into(),
        project: None,
    };
    let board = coso_app::boards::create(app, actor, commune, &input).await?;
    let plan = PlanInput {
        year: today.year().to_string(),
        body: "Giám sát việc công khai thu, chi ngân sách và các quỹ; việc giải quyết thủ tục hành chính về đất đai; \
               việc thực hiện hương ước, quy ước ở các thôn."
            .into(),
    };
    coso_app::boards::save_plan(app, actor, board, &plan).await?;
    let activity = ActivityInput {
        kind: "supervision".into(),
        subject: "Giám sát việc công khai tài chính tại trụ sở xã".into(),
        held_on: ymd(ago(today, 82)),
        notes: "Làm việc với bộ phận tài chính xã; xem bảng niêm yết.".into(),
    };
    let activity = coso_app::boards::add_activity(app, actor, board, &activity, &[]).await?;
    let permit = actor.authorize(&commune.unit_path(), Action::ManageBoards)?;
    for (i, (subject, body, sent, due, answered, closed)) in FINDINGS.iter().enumerate() {
        let due_on = if *due >= 0 { ago(today, *due as u64) } else { today + Days::new(due.unsigned_abs()) };
        let new = NewFinding {
            activity_id: (i == 0).then_some(activity),
            to_unit_id: commune.id,
            subject: (*subject).into(),
            body: (*body).into(),
            sent_on: ago(today, *sent),
            due_on,
        };
        let id = app.store().send_finding(&permit, commune, board, &new, actor.audit()).await?;
        if let Some(days) = answered {
            let answer = "UBND xã đã tiếp thu, chỉ đạo bộ phận chuyên môn khắc phục và báo cáo kết quả.";
            app.store().answer_finding(&permit, commune, id, answer, ago(today, *days), actor.audit()).await?;
        }
        if let Some(days) = closed {
            app.store().close_finding(&permit, commune, id, ago(today, *days), actor.audit()).await?;
        }
    }
    coso_app::boards::escalate_overdue(app, today).await?;
    coso_app::boards::send_report(app, actor, board, &last_quarter(today).to_string()).await?;
    investment_board(app, commune, villages, actor).await?;
    Ok(2)
}

/// The quarter before today's.
fn last_quarter(today: NaiveDate) -> PeriodKey {
    let q = (today.month0() / 3) as u8 + 1;
    if q == 1 { PeriodKey::Quarter(today.year() - 1, 4) } else { PeriodKey::Quarter(today.year(), q - 1) }
}

async fn investment_board(app: &App, commune: &UnitRow, villages: &[UnitRow], actor: &Actor) -> coso_app::Result<()> {
    let today = app.today();
    let village = villages.first().map(|v| v.code.clone()).unwrap_or_default();
    let resident = |name: &str, role: &str| MemberInput {
        name: name.into(),
        role: role.into(),
        village: village.clone(),
        ..Default::default()
    };
    let input = BoardInput {
        kind: "investment".into(),
        members: vec![
            MemberInput {
                name: "Đặng Văn Hùng".into(),
                role: "head".into(),
                from: "front".into(),
                ..Default::default()
            },
            MemberInput {
                name: "Võ Thị Hoa".into(),
                role: "member".into(),
                from: "inspection_board".into(),
                ..Default::default()
            },
            resident("Ngô Văn Sơn", "deputy"),
            resident("Lý Thị Thu", "member"),
            resident("Châu Văn Hải", "member"),
        ],
        elected_by: "Quyết định của Ban Thường trực Ủy ban MTTQ xã".into(),
        elected_on: ymd(ago(today, 120)),
        reports: "half_yearly".into(),
        project: Some(ProjectInput {
            name: "Đường bê tông liên thôn".into(),
            investor: "UBND xã".into(),
            budget: "1.800.000.000".into(),
            contributions: "600.000.000".into(),
            starts_on: ymd(ago(today, 100)),
            ends_on: ymd(today + Days::new(80)),
        }),
    };
    let board = coso_app::boards::create(app, actor, commune, &input).await?;
    let visit = ActivityInput {
        kind: "visit".into(),
        subject: "Kiểm tra chất lượng bê tông đoạn qua thôn".into(),
        held_on: ymd(ago(today, 14)),
        notes: "Lấy mẫu độ dày mặt đường tại 3 điểm; đúng thiết kế 18 cm.".into(),
    };
    coso_app::boards::add_activity(app, actor, board, &visit, &[]).await?;
    Ok(())
}
