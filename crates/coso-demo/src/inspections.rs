//! Inspections in the demo commune: the commune inspected its first village (concluded, the
//! result published, two remediation tasks — one done, one overdue), plans a surprise
//! inspection of its second village, and inspects itself (under way). Dates count back from the
//! load day, so the records go through the store with their own dates, under the permit the
//! use cases would ask for.

use chrono::{Days, NaiveDate};
use coso_app::{Actor, App};
use coso_domain::authz::{Action, Permit};
use coso_domain::inspection::{InspectionKind, TeamRole, Verdict, checklist};
use coso_domain::report::Template;
use coso_store::{NewCriterion, NewInspection, NewInspectionMember, UnitRow};

use crate::error::DemoError;

fn ago(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(days)).unwrap_or(today)
}

fn team() -> Vec<NewInspectionMember> {
    [("Nguyễn Văn Hùng", TeamRole::Head), ("Trần Thị Lan", TeamRole::Member), ("Lê Văn Phúc", TeamRole::Secretary)]
        .into_iter()
        .map(|(name, role)| NewInspectionMember { name: name.into(), role, user_id: None })
        .collect()
}

fn new(target: &UnitRow, kind: InspectionKind, subject: &str, starts_on: NaiveDate) -> NewInspection {
    let template = Template::default_grassroots();
    NewInspection {
        target_id: target.id,
        kind,
        subject: subject.into(),
        starts_on,
        ends_on: Some(starts_on + Days::new(1)),
        template_code: template.code.clone(),
        team: team(),
        checklist: checklist(&template)
            .into_iter()
            .map(|i| NewCriterion { code: i.code, label: i.label, guidance: i.guidance })
            .collect(),
    }
}

/// (criterion, verdict, note) of the concluded inspection.
const FINDINGS: &[(&str, Verdict, Option<&str>)] = &[
    ("leadership", Verdict::Met, None),
    ("publicity", Verdict::NotMet, Some("Chưa niêm yết dự toán thu, chi quỹ thôn tại nhà văn hóa.")),
    ("discussion", Verdict::Partly, Some("Biên bản họp thôn về mức đóng góp làm đường thiếu chữ ký thư ký.")),
    ("participation", Verdict::Met, None),
    ("supervision", Verdict::Met, None),
    ("reporting", Verdict::Met, None),
];

/// Loads the demo's inspections unless the commune has some already; returns how many were made.
pub async fn load(app: &App, commune: &UnitRow, villages: &[UnitRow], actor: &Actor) -> Result<u64, DemoError> {
    let (Some(first), Some(second)) = (villages.first(), villages.get(1)) else { return Ok(0) };
    if !app.store().inspections_of_unit(commune.id).await?.is_empty() {
        return Ok(0);
    }
    load_all(app, commune, first, second, actor).await.map_err(DemoError::Inspections)
}

async fn load_all(
    app: &App,
    commune: &UnitRow,
    first: &UnitRow,
    second: &UnitRow,
    actor: &Actor,
) -> coso_app::Result<u64> {
    let today = app.today();
    let permit = actor.authorize(&commune.unit_path(), Action::ManageInspections)?;
    concluded(app, &permit, commune, first, actor, today).await?;
    let store = app.store();
    let subject = "Kiểm tra đột xuất việc công khai các khoản đóng góp của Nhân dân";
    store
        .create_inspection(
            &permit,
            commune,
            &new(second, InspectionKind::Surprise, subject, today + Days::new(7)),
            actor.audit(),
        )
        .await?;
    let subject = "Tự kiểm tra việc thực hiện dân chủ ở cơ sở 6 tháng đầu năm";
    let own = store
        .create_inspection(
            &permit,
            commune,
            &new(commune, InspectionKind::SelfInspection, subject, ago(today, 3)),
            actor.audit(),
        )
        .await?;
    let note = Some("Đã ban hành kế hoạch năm; Ban Chỉ đạo được kiện toàn.");
    store.record_inspection_finding(&permit, commune, own, "leadership", Verdict::Met, note, actor.audit()).await?;
    Ok(3)
}

/// The inspection of the first village: concluded 30 days ago, published, one task done and one
/// overdue.
async fn concluded(
    app: &App,
    permit: &Permit,
    commune: &UnitRow,
    village: &UnitRow,
    actor: &Actor,
    today: NaiveDate,
) -> coso_app::Result<()> {
    let store = app.store();
    let subject = "Kiểm tra việc thực hiện dân chủ ở cơ sở theo kế hoạch năm";
    let id = store
        .create_inspection(
            permit,
            commune,
            &new(village, InspectionKind::Scheduled, subject, ago(today, 40)),
            actor.audit(),
        )
        .await?;
    for (criterion, verdict, note) in FINDINGS {
        store.record_inspection_finding(permit, commune, id, criterion, *verdict, *note, actor.audit()).await?;
    }
    let conclusion = format!(
        "{} thực hiện cơ bản đầy đủ quy định về dân chủ ở cơ sở; còn tồn tại về công khai dự toán quỹ thôn và \
         biên bản họp thôn. Yêu cầu khắc phục trong thời hạn được giao.",
        village.name
    );
    store.conclude_inspection(permit, commune, id, &conclusion, ago(today, 30), actor.audit()).await?;
    let signed = store
        .add_remediation(
            permit,
            commune,
            id,
            "Bổ sung chữ ký vào biên bản họp thôn",
            village.id,
            ago(today, 20),
            actor.audit(),
        )
        .await?;
    store
        .finish_remediation(
            permit,
            commune,
            id,
            signed,
            "Đã bổ sung chữ ký thư ký cuộc họp.",
            ago(today, 22),
            actor.audit(),
        )
        .await?;
    store
        .add_remediation(
            permit,
            commune,
            id,
            "Niêm yết dự toán thu, chi quỹ thôn",
            village.id,
            ago(today, 5),
            actor.audit(),
        )
        .await?;
    coso_app::inspections::publish(app, actor, id).await?;
    Ok(())
}
