//! The province's steering committee in the demo: its members following communes (the first
//! signs in as the province's demo official and follows the demo commune), a plan the committee
//! issued to every commune with an implementing plan already overdue, commendations of the last
//! two years, and two models worth copying in the demo commune. Dates count back from the load
//! day.

use chrono::{Datelike, Days, NaiveDate};
use coso_app::plans::import;
use coso_app::steering::{self, recognition};
use coso_app::{Actor, App, templates};
use coso_domain::plan::{Due, ObligationDraft, ObligationKind, PlanDraft, PlanIssuer, TaskDraft};
use coso_domain::steering::{CommendationInput, CommitteeInput, MemberInput, ModelInput};
use coso_store::UnitRow;

use crate::error::DemoError;

/// The number of the committee's plan, by which a second load finds it.
const PLAN_NUMBER: &str = "05/KH-BCĐ";

/// The members: name, position, and which communes they follow (by position in the list).
const MEMBERS: [(&str, &str); 3] = [
    ("Nguyễn Thị Lan", "Giám đốc Sở Nội vụ, Phó Trưởng ban thường trực"),
    ("Phan Văn Đức", "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc tỉnh, Phó Trưởng ban"),
    ("Lê Thị Hằng", "Phó Giám đốc Sở Tư pháp, Ủy viên"),
];

fn back(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(days)).unwrap_or(today)
}

/// Loads the province's committee, its plan and the register unless the committee exists.
/// `official` is the e-mail of the province's demo official, the first member's account.
pub async fn load(
    app: &App,
    province: &UnitRow,
    communes: &[UnitRow],
    commune: &UnitRow,
    villages: &[UnitRow],
    official: &str,
    actor: &Actor,
) -> Result<usize, DemoError> {
    if app.store().steering_committee(province.unit_id()).await?.is_some() || communes.is_empty() {
        return Ok(0);
    }
    let name = CommitteeInput {
        name: format!("Ban Chỉ đạo thực hiện dân chủ ở cơ sở {}", lower_first(&province.name)),
    };
    steering::save(app, actor, province, &name).await.map_err(DemoError::Steering)?;
    // The demo commune first, then the others shared out in turn.
    let mut followed: Vec<Vec<&str>> = vec![vec![commune.code.as_str()], Vec::new(), Vec::new()];
    for (i, c) in communes.iter().filter(|c| c.code != commune.code).take(8).enumerate() {
        followed[i % MEMBERS.len()].push(c.code.as_str());
    }
    for (i, (name, position)) in MEMBERS.iter().enumerate() {
        let input = MemberInput {
            name: (*name).into(),
            position: (*position).into(),
            account: if i == 0 { official.into() } else { String::new() },
            areas: followed[i].join(","),
        };
        steering::add_member(app, actor, province, &input).await.map_err(DemoError::Steering)?;
    }
    issue_plan(app, province, communes, actor).await?;
    register(app, commune, villages, actor).await?;
    Ok(MEMBERS.len())
}

/// The committee's plan to every commune, each to send its implementing plan two weeks ago.
async fn issue_plan(app: &App, province: &UnitRow, communes: &[UnitRow], actor: &Actor) -> Result<(), DemoError> {
    let today = app.today();
    let issued = back(today, 45);
    let draft = PlanDraft {
        number: Some(PLAN_NUMBER.into()),
        issued_on: Some(issued),
        title: format!("Kiểm tra, đôn đốc thực hiện dân chủ ở cơ sở năm {}", today.year()),
        issuer: PlanIssuer::SteeringCommittee,
        year: today.year(),
        legal_bases: vec![],
        sections: vec![],
        tasks: vec![TaskDraft {
            text: "Các thành viên Ban Chỉ đạo theo dõi, đôn đốc địa bàn được phân công".into(),
            lead_text: Some("Thành viên Ban Chỉ đạo".into()),
            partner_texts: vec![],
            due: Due::Unset,
        }],
        obligations: vec![ObligationDraft {
            kind: ObligationKind::ImplementingPlan,
            period: None,
            due: Due::On(back(today, 14)),
            raw: "UBND các xã, phường xây dựng kế hoạch thực hiện, gửi Ban Chỉ đạo tỉnh.".into(),
            submit_to: Some("Ban Chỉ đạo tỉnh (qua Sở Nội vụ)".into()),
        }],
    };
    let template_id = templates::ensure_default(app).await?;
    let req = import::Issue {
        issuer: province,
        draft: &draft,
        document: None,
        targets: communes,
        template_id,
        agency_template_id: None,
        parent_plan_id: None,
        actor,
    };
    import::issue(app, req).await.map_err(DemoError::Steering)?;
    Ok(())
}

/// Commendations decided by the demo commune, and its two models.
async fn register(app: &App, commune: &UnitRow, villages: &[UnitRow], actor: &Actor) -> Result<(), DemoError> {
    let today = app.today();
    let village = villages.first().map_or(commune.code.clone(), |v| v.code.clone());
    let second = villages.get(1).map_or(village.clone(), |v| v.code.clone());
    let last_year = (today.year() - 1).to_string();
    let commendations = [
        (
            "merit",
            village.clone(),
            "",
            last_year.clone(),
            "Tiêu biểu trong thực hiện dân chủ ở cơ sở, công khai đầy đủ các khoản đóng góp",
            "12/QĐ-UBND",
            90,
        ),
        (
            "certificate",
            String::new(),
            "Trần Thị Mai, Trưởng ban công tác Mặt trận",
            last_year.clone(),
            "Vận động Nhân dân hiến đất mở rộng đường liên thôn",
            "13/QĐ-UBND",
            90,
        ),
        (
            "praise_letter",
            second.clone(),
            "",
            today.year().to_string(),
            "Tổ chức hội nghị cộng đồng dân cư đúng quy định, đông người dự",
            "41/QĐ-UBND",
            10,
        ),
    ];
    for (form, unit, person, year, reason, number, days) in commendations {
        let input = CommendationInput {
            form: form.into(),
            recipient_unit: unit,
            recipient_person: person.into(),
            year,
            reason: reason.into(),
            decision_number: number.into(),
            decided_on: back(today, days).to_string(),
        };
        recognition::record_commendation(app, actor, commune, &input).await.map_err(DemoError::Steering)?;
    }
    let models = [
        ModelInput {
            name: "Camera an ninh do Nhân dân cùng góp".into(),
            unit: village,
            year: last_year,
            description: "Mỗi hộ góp 100.000 đồng; thôn công khai thu chi trên bảng tin và nhóm Zalo, Nhân dân bàn và quyết định vị trí lắp đặt.".into(),
            status: "recognised".into(),
        },
        ModelInput {
            name: "Ngày thứ Bảy cùng dân".into(),
            unit: commune.code.clone(),
            year: today.year().to_string(),
            description: "Cán bộ xã về thôn mỗi thứ Bảy cuối tháng để nghe và giải đáp kiến nghị của Nhân dân.".into(),
            status: "replicating".into(),
        },
    ];
    for m in &models {
        recognition::record_model(app, actor, commune, m).await.map_err(DemoError::Steering)?;
    }
    Ok(())
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}
