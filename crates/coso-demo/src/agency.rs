//! A demo agency: the Department of Home Affairs (*Sở Nội vụ*) of the capital, with a staff
//! account, the last work year's staff conference (valid, its resolutions passed), two internal
//! rules (the spending rules reissued, so with two versions), and three disclosures to its
//! staff. It sits outside the demo province, whose communes hold villages only. Dates are
//! relative to the load day.

use chrono::{Datelike, Days, NaiveDate};
use coso_app::{Actor, App, agency, disclosures};
use coso_domain::agency::{InternalRuleInput, ResolutionInput, StaffConferenceInput};
use coso_domain::disclosure::DisclosureInput;
use coso_domain::unit::UnitInput;

use crate::error::DemoError;

/// The demo agency's staff account, with the demo password.
pub const STAFF_EMAIL: &str = "nhanvien.coquan@coso.example";

fn dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn before(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(days)).unwrap_or(today)
}

/// The province the agency belongs to: Hà Nội.
const AGENCY_PROVINCE: &str = "01";

/// Loads the agency unless it is there already; returns its code.
pub async fn load(app: &App, actor: &Actor) -> Result<String, DemoError> {
    let province =
        app.store().unit_by_code(AGENCY_PROVINCE).await?.ok_or(DemoError::OfficialUnitsMissing(AGENCY_PROVINCE))?;
    let code = format!("{AGENCY_PROVINCE}-CQ01");
    if app.store().unit_by_code(&code).await?.is_some() {
        return Ok(code);
    }
    let today = app.today();
    let unit = coso_app::units::create(
        app,
        actor,
        &province,
        &UnitInput {
            code: code.clone(),
            name: format!("Sở Nội vụ {}", province.name),
            kind: "agency".into(),
            valid_from: crate::DEMO_VALID_FROM.format("%Y-%m-%d").to_string(),
            valid_to: String::new(),
        },
    )
    .await
    .map_err(DemoError::Agency)?;
    let staff = agency::staff::StaffInput {
        display_name: "Đỗ Thị Mai (Sở Nội vụ, mẫu)".into(),
        email: STAFF_EMAIL.into(),
        password: crate::DEMO_PASSWORD.into(),
    };
    agency::staff::add(app, actor, &unit.code, &staff).await.map_err(DemoError::Agency)?;

    // The last work year's conference, held on 20 January after it; before that day of this
    // year, the conference of the year before.
    let (year, held) = match NaiveDate::from_ymd_opt(today.year(), 1, 20) {
        Some(day) if day <= today => (today.year() - 1, day),
        _ => (today.year() - 2, NaiveDate::from_ymd_opt(today.year() - 1, 1, 20).unwrap_or_else(|| before(today, 330))),
    };
    let calendar = coso_calendar::HolidayCalendar::builtin();
    let conference = StaffConferenceInput {
        work_year: year.to_string(),
        held_on: dmy(held),
        staff: "28".into(),
        present: "25".into(),
        resolutions: vec![
            ResolutionInput { title: format!("Kế hoạch công tác năm {}", year + 1), yes: "24".into() },
            ResolutionInput { title: "Sửa đổi Quy chế chi tiêu nội bộ".into(), yes: "21".into() },
        ],
        minutes: format!(
            "Giám đốc Sở báo cáo kết quả công tác năm {year} và phương hướng năm {}.\n\n\
             Hội nghị thảo luận, biểu quyết các nghị quyết; Ban Chấp hành công đoàn cơ sở cùng chủ trì.",
            year + 1
        ),
    };
    agency::conference::record(app, actor, calendar, &unit.code, &conference).await.map_err(DemoError::Agency)?;

    let rule = |kind: &str, title: &str, number: &str, issued: NaiveDate, summary: &str| InternalRuleInput {
        kind: kind.into(),
        title: title.into(),
        number: number.into(),
        issued_on: dmy(issued),
        summary: summary.into(),
    };
    agency::rules::register(
        app,
        actor,
        &unit.code,
        &rule("democracy", "Quy chế thực hiện dân chủ trong cơ quan", "12/QĐ-VP", before(today, 500), ""),
    )
    .await
    .map_err(DemoError::Agency)?;
    let spending = agency::rules::register(
        app,
        actor,
        &unit.code,
        &rule("spending", "Quy chế chi tiêu nội bộ", "03/QĐ-VP", before(today, 420), "Định mức chi hành chính."),
    )
    .await
    .map_err(DemoError::Agency)?;
    agency::rules::add_version(
        app,
        actor,
        &unit.code,
        spending.id,
        &rule("", "", "05/QĐ-VP", before(today, 20), "Sửa mức chi công tác phí theo nghị quyết hội nghị."),
    )
    .await
    .map_err(DemoError::Agency)?;

    for (item, title, days) in [
        ("2", format!("Kế hoạch công tác năm {} của Sở", year + 1), 15),
        ("3", format!("Dự toán kinh phí hoạt động năm {}", year + 1), 10),
        ("8", "Quy chế chi tiêu nội bộ sửa đổi".to_string(), 5),
    ] {
        let input = DisclosureInput {
            item: item.into(),
            title,
            content: "Niêm yết tại bảng tin của cơ quan và gửi qua hộp thư điện tử công vụ.".into(),
            forms: vec!["posting".into()],
            place: "Bảng tin cơ quan".into(),
            posted_from: dmy(before(today, days)),
            ..DisclosureInput::default()
        };
        disclosures::record(app, actor, &unit, &input).await.map_err(DemoError::Agency)?;
    }
    Ok(code)
}
