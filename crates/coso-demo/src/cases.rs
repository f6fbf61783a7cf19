//! Demo citizen cases across the province, registered and handled through the use cases so
//! that inboxes, tracking, ratings and the statistics show something real: every kind, every
//! state, every channel, some overdue, some crowded or over-level, published petitions with
//! their answers and ratings, one denunciation whose sender is protected and one anonymous
//! denunciation kept as information. Dates count back from the day the demo is loaded; the
//! contents come from a seeded generator (the tracking codes alone are drawn afresh).

use chrono::{Duration, NaiveDate};
use coso_app::cases::{self, CaseCommand, IntakeLimits, NewCase, PublicPetition, SenderInput, Submitter};
use coso_app::{Actor, App};
use coso_calendar::HolidayCalendar;
use coso_store::{CaseListFilter, StatusFilter, UnitRow};

use crate::error::DemoError;
use crate::names;
use crate::rng::Rng;

/// The account that holds the clearance to read the denouncers of the first demo commune.
pub const CLEARED_ACCOUNT: &str = "canbo.xa@coso.example";

/// A step of handling, `days` before the load day.
#[derive(Debug, Clone, Copy)]
enum Step {
    Accept(i64),
    Answer(i64),
    Close(i64),
    Refuse(i64),
    /// Forwarded to the next commune of the province.
    Forward(i64),
    Withdraw(i64),
    Extend(i64),
    /// The sender rates the answer (by its tracking code).
    Rate,
}

/// One scripted case: its kind and how it was received, then what happened to it.
#[derive(Debug, Clone, Copy)]
struct Script {
    kind: &'static str,
    channel: &'static str,
    category: &'static str,
    /// Days before the load day it was received.
    received: i64,
    /// Registered for a village of the commune rather than the commune itself.
    village: bool,
    crowded: bool,
    over_level: bool,
    publish: bool,
    complex: bool,
    /// A denunciation whose sender gives name, address and phone (protected); the other
    /// denunciations of the scripts are anonymous and kept as information.
    named: bool,
    steps: &'static [Step],
}

const fn script(kind: &'static str, channel: &'static str, category: &'static str, received: i64) -> Script {
    Script {
        kind,
        channel,
        category,
        received,
        village: false,
        crowded: false,
        over_level: false,
        publish: false,
        complex: false,
        named: false,
        steps: &[],
    }
}

/// The full set of the first demo communes: every state of every kind.
const FULL_SET: &[Script] = &[
    // Petitions: answered, published and rated; one late; one overdue; fresh ones.
    Script {
        publish: true,
        steps: &[Step::Accept(39), Step::Answer(32), Step::Rate],
        ..script("petition", "web", "ha_tang", 40)
    },
    Script {
        publish: true,
        village: true,
        steps: &[Step::Answer(22), Step::Close(20), Step::Rate],
        ..script("petition", "app", "moi_truong", 45)
    },
    Script {
        publish: true,
        steps: &[Step::Accept(9), Step::Answer(4), Step::Rate],
        ..script("petition", "web", "moi_truong", 12)
    },
    Script { publish: true, ..script("petition", "web", "ha_tang", 6) },
    Script { publish: true, ..script("petition", "web", "an_ninh_trat_tu", 0) },
    script("petition", "desk", "chinh_sach_xa_hoi", 35),
    Script { village: true, ..script("petition", "village_head", "an_ninh_trat_tu", 3) },
    Script { steps: &[Step::Forward(14)], ..script("petition", "letter", "dat_dai", 15) },
    Script { steps: &[Step::Refuse(11)], ..script("petition", "desk", "khac", 12) },
    // Complaints: accepted and overdue, accepted in time, decided and closed, withdrawn, a
    // crowded one waiting for acceptance.
    Script { complex: true, steps: &[Step::Accept(62)], ..script("complaint", "desk", "dat_dai", 70) },
    Script { steps: &[Step::Accept(18)], ..script("complaint", "letter", "chinh_sach_xa_hoi", 20) },
    Script {
        steps: &[Step::Accept(85), Step::Answer(60), Step::Close(50)],
        ..script("complaint", "desk", "dat_dai", 90)
    },
    Script { steps: &[Step::Accept(28), Step::Withdraw(10)], ..script("complaint", "letter", "can_bo", 30) },
    Script { crowded: true, village: true, ..script("complaint", "desk", "dat_dai", 8) },
    // A denunciation accepted and extended; an anonymous one kept as information and closed.
    Script {
        complex: true,
        named: true,
        steps: &[Step::Accept(50), Step::Extend(20)],
        ..script("denunciation", "letter", "can_bo", 60)
    },
    Script { steps: &[Step::Close(4)], ..script("denunciation", "letter", "can_bo", 6) },
];

/// A few cases for each of the other communes, so that the province's statistics and hot
/// spots have every unit on their lines.
const EVERYDAY: &[Script] = &[
    Script { publish: true, steps: &[Step::Answer(10), Step::Rate], ..script("petition", "web", "ha_tang", 25) },
    script("petition", "village_head", "moi_truong", 28),
    Script { steps: &[Step::Accept(12)], ..script("complaint", "desk", "dat_dai", 15) },
    Script { crowded: true, village: true, ..script("petition", "desk", "dat_dai", 5) },
    Script { steps: &[Step::Answer(2)], ..script("petition", "app", "an_ninh_trat_tu", 9) },
];

/// Cases sent to the province over the communes' heads.
const AT_PROVINCE: &[Script] = &[
    Script {
        over_level: true,
        crowded: true,
        steps: &[Step::Forward(18)],
        ..script("complaint", "desk", "dat_dai", 21)
    },
    Script { over_level: true, ..script("petition", "letter", "moi_truong", 7) },
];

const CONTENTS: &[(&str, &str)] = &[
    ("ha_tang", "Đường liên thôn bị sạt lở một đoạn dài khoảng 30 mét, xe máy đi lại rất nguy hiểm, đề nghị sửa chữa."),
    ("ha_tang", "Đèn chiếu sáng trên trục đường chính của thôn hỏng nhiều ngày chưa được thay."),
    ("moi_truong", "Bãi rác tự phát cạnh kênh tưới gây mùi hôi, đề nghị xã thu gom và xử lý."),
    ("moi_truong", "Cơ sở chăn nuôi xả nước thải ra mương chung, ảnh hưởng sinh hoạt của các hộ dân."),
    ("dat_dai", "Khiếu nại việc đo đạc lại ranh giới thửa đất làm giảm diện tích đất ở của gia đình."),
    ("dat_dai", "Nhiều hộ dân đề nghị làm rõ phương án bồi thường khi thu hồi đất làm đường."),
    ("chinh_sach_xa_hoi", "Gia đình thuộc diện hộ nghèo nhưng chưa được xét hỗ trợ tiền điện năm nay."),
    ("an_ninh_trat_tu", "Nhóm thanh niên tụ tập, đua xe vào ban đêm gây mất trật tự khu dân cư."),
    ("can_bo", "Cán bộ địa chính hẹn nhiều lần nhưng chưa giải quyết hồ sơ cấp giấy chứng nhận."),
    ("khac", "Đề nghị tổ chức lớp hướng dẫn sử dụng dịch vụ công trực tuyến cho người cao tuổi."),
];

const ANSWERS: &[&str] = &[
    "UBND xã đã phối hợp với đơn vị quản lý khắc phục xong; cảm ơn ông, bà đã phản ánh.",
    "Đã kiểm tra thực tế và giao bộ phận chuyên môn xử lý; kết quả được niêm yết tại nhà văn hóa thôn.",
    "Nội dung đúng; xã đã chỉ đạo thôn xử lý dứt điểm trong tuần.",
];

const COMMENTS: &[&str] =
    &["Xử lý nhanh, cảm ơn xã.", "Đã khắc phục nhưng còn chậm.", "Chưa hài lòng, đề nghị kiểm tra lại."];

/// Loads the demo cases once (nothing when the province already has cases) and grants the
/// clearance of the first commune; returns how many cases were registered.
pub async fn load(
    app: &App,
    province: &UnitRow,
    communes: &[(UnitRow, Vec<UnitRow>)],
    anchors: usize,
    actor: &Actor,
) -> Result<usize, DemoError> {
    load_all(app, province, communes, anchors, actor).await.map_err(DemoError::Cases)
}

async fn load_all(
    app: &App,
    province: &UnitRow,
    communes: &[(UnitRow, Vec<UnitRow>)],
    anchors: usize,
    actor: &Actor,
) -> coso_app::Result<usize> {
    let every_case =
        CaseListFilter { unit_path: province.path.clone(), status: StatusFilter::All, ..Default::default() };
    if app.store().case_list(&every_case, 1, 0).await?.total > 0 || communes.len() < 2 {
        return Ok(0);
    }
    let calendar = HolidayCalendar::builtin();
    let today = app.today();
    let mut loader = Loader { app, actor, calendar, today, registered: 0 };
    for (i, (commune, villages)) in communes.iter().enumerate() {
        let next = &communes[(i + 1) % communes.len()].0;
        let scripts = if i < anchors { FULL_SET } else { EVERYDAY };
        let mut rng = Rng::for_key(&format!("cases:{}", commune.code));
        for s in scripts {
            // The other communes get a share of the everyday cases, not all of them; the
            // protected denouncer is the first commune's only.
            if (i >= anchors && !rng.chance(70)) || (s.named && i > 0) {
                continue;
            }
            let unit = if s.village && !villages.is_empty() { rng.pick(villages) } else { commune };
            loader.case(unit, next, s, &mut rng).await?;
        }
    }
    let next = &communes[0].0;
    for s in AT_PROVINCE {
        let mut rng = Rng::for_key(&format!("cases:{}:{}", province.code, s.received));
        loader.case(province, next, s, &mut rng).await?;
    }
    cases::grant_clearance(app, actor, CLEARED_ACCOUNT, &communes[0].0.code).await?;
    Ok(loader.registered)
}

struct Loader<'a> {
    app: &'a App,
    actor: &'a Actor,
    calendar: &'a HolidayCalendar,
    today: NaiveDate,
    registered: usize,
}

impl Loader<'_> {
    fn day(&self, days_ago: i64) -> String {
        (self.today - Duration::days(days_ago)).to_string()
    }

    /// Registers the case of `s` for `unit` and walks its steps.
    async fn case(&mut self, unit: &UnitRow, next: &UnitRow, s: &Script, rng: &mut Rng) -> coso_app::Result<()> {
        let content = content(s.category, rng);
        let id = if s.channel == "web" || s.channel == "app" {
            self.sent_online(unit, s, &content, rng).await?
        } else {
            let anonymous = s.kind == "denunciation" && !s.named;
            let sender = if anonymous {
                SenderInput::default()
            } else {
                SenderInput {
                    name: Some(names::person(rng)),
                    address: Some(names::village_address(rng, &unit.name)),
                    phone: Some(names::phone(rng)),
                    ..Default::default()
                }
            };
            let input = NewCase {
                unit: unit.code.clone(),
                kind: s.kind.to_string(),
                received_on: self.day(s.received),
                content,
                category: Some(s.category.to_string()),
                channel: Some(s.channel.to_string()),
                sender,
                anonymous,
                complex: s.complex,
                crowded: s.crowded,
                over_level: s.over_level,
                publish: s.publish,
                ..Default::default()
            };
            cases::register(self.app, self.actor, self.calendar, &input).await?.case.id
        };
        self.registered += 1;
        for step in s.steps {
            self.step(id, *step, next, rng).await?;
        }
        Ok(())
    }

    /// A petition sent from the web or the app, without an account; dated back by the system.
    async fn sent_online(&self, unit: &UnitRow, s: &Script, content: &str, rng: &mut Rng) -> coso_app::Result<i64> {
        // The door dates a case today; the demo registers older ones as an official would,
        // through the channel they came by.
        if s.received == 0 {
            let form = PublicPetition {
                unit: unit.code.clone(),
                content: content.to_string(),
                category: s.category.to_string(),
                channel: s.channel.parse().ok(),
                name: names::person(rng),
                publish: s.publish,
                ..Default::default()
            };
            let who = Submitter::Public { via: "demo", request_id: None };
            let limits = IntakeLimits { max_photo_bytes: 0 };
            let sent = cases::submit_petition(self.app, who, self.calendar, form, limits).await?;
            let case = self.app.store().case_by_code(&sent.code).await?;
            return case.map(|c| c.id).ok_or(coso_app::Error::NotFound);
        }
        let input = NewCase {
            unit: unit.code.clone(),
            kind: s.kind.to_string(),
            received_on: self.day(s.received),
            content: content.to_string(),
            category: Some(s.category.to_string()),
            channel: Some(s.channel.to_string()),
            sender: SenderInput { name: Some(names::person(rng)), ..Default::default() },
            crowded: s.crowded,
            over_level: s.over_level,
            publish: s.publish,
            ..Default::default()
        };
        Ok(cases::register(self.app, self.actor, self.calendar, &input).await?.case.id)
    }

    async fn step(&self, id: i64, step: Step, next: &UnitRow, rng: &mut Rng) -> coso_app::Result<()> {
        let command = match step {
            Step::Accept(d) => CaseCommand::Accept { on: self.day(d) },
            Step::Answer(d) => CaseCommand::Answer {
                on: self.day(d),
                public_answer: Some(rng.pick(ANSWERS).to_string()),
                note: Some("Đã xác minh tại chỗ.".into()),
            },
            Step::Close(d) => CaseCommand::Close { on: Some(self.day(d)), note: None },
            Step::Refuse(d) => CaseCommand::Refuse {
                on: self.day(d),
                ground: "repeated".into(),
                note: Some("Nội dung đã được trả lời đúng quy định.".into()),
            },
            Step::Forward(d) => CaseCommand::Forward {
                on: self.day(d),
                to_unit: next.code.clone(),
                note: Some("Chuyển đơn vị có thẩm quyền.".into()),
            },
            Step::Withdraw(d) => CaseCommand::Withdraw {
                on: self.day(d),
                note: Some("Người khiếu nại có đơn xin rút.".into()),
            },
            Step::Extend(d) => CaseCommand::Extend {
                on: self.day(d),
                days: 30,
                note: Some("Quyết định gia hạn giải quyết tố cáo số 15/QĐ-UBND.".into()),
            },
            Step::Rate => {
                let Some(case) = self.app.store().case_by_id(coso_domain::CaseId(id)).await? else {
                    return Err(coso_app::Error::NotFound);
                };
                let rating = rng.range(2, 5) as i64;
                let comment = rng.pick(COMMENTS);
                cases::rate(self.app, None, None, &case.code, &rating.to_string(), comment).await?;
                return Ok(());
            }
        };
        cases::act(self.app, self.actor, self.calendar, id, command).await?;
        Ok(())
    }
}

/// A content of the category, or any content when the category has none.
fn content(category: &str, rng: &mut Rng) -> String {
    let of_category: Vec<&str> = CONTENTS.iter().filter(|(c, _)| *c == category).map(|(_, t)| *t).collect();
    if of_category.is_empty() { rng.pick(CONTENTS).1.to_string() } else { rng.pick(&of_category).to_string() }
}
