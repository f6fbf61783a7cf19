//! Dialogues in the demo commune: a dialogue held a month ago with residents' questions, their
//! answers, its results published and three commitments (one done, one in progress, one late);
//! and one to come for two villages, asked for by a tenth of the voters, already announced with
//! a question. The held dialogue's results are in the commune's disclosure register
//! ([`disclose`]). Dates are relative to the load day.

use chrono::{Days, NaiveDate};
use coso_app::{Actor, App};
use coso_calendar::HolidayCalendar;
use coso_domain::authz::Action;
use coso_domain::dialogue::{CommitmentStatus, DialogueData, DialogueStatus, ProgressData, RequestData};
use coso_store::{NewCommitment, NewQuestion, UnitRow};

use crate::error::DemoError;

/// The commune's voters, for the request and the dialogues.
const VOTERS: u32 = 12_000;

/// The past dialogue's questions: (author, question, answer).
const QUESTIONS: [(&str, &str, &str); 3] = [
    (
        "N.V.A. (Thôn 1)",
        "Khi nào chi trả tiền bồi thường cho các hộ có đất bị thu hồi làm đường liên xã?",
        "UBND xã cam kết chi trả xong trong tháng này; danh sách các hộ được niêm yết tại nhà văn hóa thôn.",
    ),
    (
        "T.T.H.",
        "Đèn đường từ cầu Khe đến trường tiểu học bị hỏng nhiều tháng, đề nghị sửa.",
        "Xã giao Ban quản lý các công trình công cộng thay đèn trước mùa mưa.",
    ),
    (
        "Người dân",
        "Đề nghị nạo vét kênh tiêu thoát nước để tránh ngập khi mưa lớn.",
        "Xã đưa việc nạo vét kênh vào kế hoạch thủy lợi năm nay.",
    ),
];

/// A commitment of the held dialogue with its one progress update.
struct Commitment<'a> {
    /// The question it answers, by position.
    question: usize,
    owner: &'a UnitRow,
    body: &'static str,
    /// Days from the load day to its due date (negative: already past).
    due_in: i64,
    status: CommitmentStatus,
    percent: u8,
    note: &'static str,
    noted_days_before: i64,
}

fn on(today: NaiveDate, days_before: i64) -> NaiveDate {
    if days_before >= 0 {
        today.checked_sub_days(Days::new(days_before.unsigned_abs())).unwrap_or(today)
    } else {
        today.checked_add_days(Days::new(days_before.unsigned_abs())).unwrap_or(today)
    }
}

/// Loads the dialogues of `commune` unless it has some already; returns how many were created.
pub async fn load(app: &App, commune: &UnitRow, villages: &[UnitRow], actor: &Actor) -> Result<usize, DemoError> {
    let store = app.store();
    if !store.dialogues_of_unit(commune.id, true).await?.is_empty() {
        return Ok(0);
    }
    let permit = actor.authorize(&commune.unit_path(), Action::HoldDialogues).map_err(DemoError::Dialogues)?;
    let today = app.today();
    let audit = actor.audit();

    // Held a month ago: questions answered, results published within ten days, commitments.
    let past = DialogueData {
        topic: Some("Giải phóng mặt bằng, bồi thường đường liên xã và công trình công cộng".into()),
        villages: Vec::new(),
        held_on: on(today, 30),
        place: Some(format!("Hội trường Ủy ban nhân dân {}", commune.name)),
        online: false,
        voters: Some(VOTERS),
    };
    let id = store.create_dialogue(&permit, commune, &past, &[], None, audit).await?;
    store.announce_dialogue(&permit, commune, id, on(today, 40), audit).await?;
    let dialogue = store.dialogue(id).await?.ok_or(coso_store::StoreError::NotFound)?;
    let mut questions = Vec::new();
    for (author, body, answer) in QUESTIONS {
        let q = NewQuestion { author_id: None, author_label: author.into(), body: body.into() };
        if let Some(qid) = store.add_dialogue_question(&dialogue, commune, &q, audit).await? {
            store.answer_dialogue_question(&permit, commune, id, qid, answer, audit).await?;
            questions.push(qid);
        }
    }
    let owner_village = villages.first().unwrap_or(commune);
    let commitments = [
        Commitment {
            question: 0,
            owner: commune,
            body: "Chi trả xong tiền bồi thường cho các hộ có đất bị thu hồi",
            due_in: -10,
            status: CommitmentStatus::Done,
            percent: 100,
            note: "Đã chi trả đủ cho 28 hộ, niêm yết danh sách tại nhà văn hóa thôn.",
            noted_days_before: 12,
        },
        Commitment {
            question: 1,
            owner: owner_village,
            body: "Thay đèn đường từ cầu Khe đến trường tiểu học",
            due_in: -5,
            status: CommitmentStatus::InProgress,
            percent: 30,
            note: "Đã mua đèn, chờ lắp đặt.",
            noted_days_before: 15,
        },
        Commitment {
            question: 2,
            owner: commune,
            body: "Nạo vét kênh tiêu thoát nước của xã",
            due_in: 60,
            status: CommitmentStatus::InProgress,
            percent: 40,
            note: "Đã nạo vét 1,2 km trong 3 km kênh.",
            noted_days_before: 3,
        },
    ];
    for c in commitments {
        let new = NewCommitment {
            owner_unit_id: c.owner.id,
            body: c.body.into(),
            due_on: on(today, -c.due_in),
            question_id: questions.get(c.question).copied(),
        };
        let cid = store.add_dialogue_commitment(&permit, commune, id, &new, audit).await?;
        let p = ProgressData { status: c.status, percent: c.percent, note: c.note.into() };
        store.update_commitment_progress(&permit, commune, cid, &p, on(today, c.noted_days_before), audit).await?;
    }
    let results = "Hội nghị đã trả lời 3 câu hỏi của Nhân dân và ghi nhận 3 cam kết.\n\n\
                   Các cam kết được theo dõi công khai trên trang cam kết của xã đến khi hoàn thành.";
    store.publish_dialogue_results(&permit, commune, id, results, on(today, 25), audit).await?;

    // A tenth of the voters asked for a dialogue on their villages: to come, announced.
    let request = RequestData {
        signatures: 1_250,
        voters: VOTERS,
        subject: "Đề nghị đối thoại về quy hoạch khu dân cư mới".into(),
    };
    let request_id = store.create_dialogue_request(&permit, commune, &request, on(today, 10), None, audit).await?;
    let area: Vec<&UnitRow> = villages.iter().take(2).collect();
    let upcoming = DialogueData {
        topic: None,
        villages: area.iter().map(|v| v.code.clone()).collect(),
        held_on: on(today, -20),
        place: Some("Nhà văn hóa thôn".into()),
        online: true,
        voters: Some(VOTERS),
    };
    let area_ids: Vec<i64> = area.iter().map(|v| v.id).collect();
    let next = store.create_dialogue(&permit, commune, &upcoming, &area_ids, Some(request_id), audit).await?;
    store.announce_dialogue(&permit, commune, next, on(today, 1), audit).await?;
    let next_row = store.dialogue(next).await?.ok_or(coso_store::StoreError::NotFound)?;
    let q = NewQuestion {
        author_id: None,
        author_label: "L.V.B.".into(),
        body: "Khu dân cư mới có làm thêm đường vào trường mầm non không?".into(),
    };
    store.add_dialogue_question(&next_row, commune, &q, audit).await?;
    Ok(2)
}

/// Records the held dialogue's published results in the commune's disclosure register, with
/// the results notice attached, as publishing them does. Run after the register's own demo,
/// which fills only an empty register.
pub async fn disclose(app: &App, commune: &UnitRow) -> Result<usize, DemoError> {
    let mut recorded = 0;
    for d in app.store().dialogues_of_unit(commune.id, false).await? {
        if d.status == DialogueStatus::Published && d.disclosure_id.is_none() {
            let calendar = HolidayCalendar::builtin();
            let published = coso_app::dialogues::disclosure::publish(app, calendar, commune, d.id).await;
            recorded += usize::from(published.map_err(DemoError::Dialogues)?.is_some());
        }
    }
    Ok(recorded)
}
