//! A demo plan of the province for its communes, with reports already sent by most of them,
//! so that inboxes, the aggregate view, its charts and exports show something real.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use coso_app::plans::{import, occurrence_detail};
use coso_app::{Actor, App, reports, templates};
use coso_domain::plan::{Due, ObligationDraft, ObligationKind, PlanDraft, ReportPeriod, TaskDraft};
use coso_domain::report::{Comparison, ReportInput, ScoreInput, Template};
use coso_store::UnitRow;

use crate::error::DemoError;
use crate::rng::Rng;

/// Share of communes that sent their 6-month report, in percent.
const SENT_PERCENT: u64 = 80;

fn task(text: &str, lead: &str) -> TaskDraft {
    TaskDraft { text: text.into(), lead_text: Some(lead.into()), partner_texts: vec![], due: Due::Unset }
}

fn draft(year: i32) -> PlanDraft {
    let report = |period, month, day| ObligationDraft {
        kind: ObligationKind::Report,
        period: Some(period),
        due: Due::Yearly { month, day },
        raw: String::new(),
        submit_to: Some("UBND tỉnh (qua Sở Nội vụ)".into()),
    };
    PlanDraft {
        number: Some("12/KH-UBND".into()),
        issued_on: NaiveDate::from_ymd_opt(year, 1, 20),
        title: format!("Thực hiện dân chủ ở cơ sở năm {year}"),
        issuer: Default::default(),
        year,
        legal_bases: vec![],
        sections: vec![],
        tasks: vec![
            task("Tuyên truyền, phổ biến Luật Thực hiện dân chủ ở cơ sở đến cán bộ và Nhân dân", "Sở Nội vụ"),
            task("Công khai thông tin theo Điều 11 Luật Thực hiện dân chủ ở cơ sở", "UBND các xã, phường"),
            task(
                "Tổ chức hội nghị, phát phiếu lấy ý kiến hộ gia đình về những nội dung Nhân dân bàn và quyết định",
                "UBND các xã, phường",
            ),
            task("Kiểm tra việc thực hiện dân chủ ở cơ sở tại các xã, phường", "Sở Nội vụ"),
        ],
        obligations: vec![
            ObligationDraft {
                kind: ObligationKind::ImplementingPlan,
                period: None,
                due: Due::On(NaiveDate::from_ymd_opt(year, 3, 31).unwrap_or_default()),
                raw: String::new(),
                submit_to: Some("UBND tỉnh (qua Sở Nội vụ)".into()),
            },
            report(ReportPeriod::SixMonth, 6, 14),
            report(ReportPeriod::Annual, 12, 14),
        ],
    }
}

/// A report with plausible numbers for a commune; `quality` (0–100) drives the self-score.
fn report(template: &Template, rng: &mut Rng, quality: u64) -> ReportInput {
    let mut input = ReportInput::default();
    let mut values: BTreeMap<&str, u64> =
        template.indicators.iter().map(|i| (i.code.as_str(), rng.range(0, 25))).collect();
    // What the template's checks ask (resolved ≤ received): the smaller count goes on the left.
    for c in template.checks.iter().filter(|c| c.check == Comparison::Le) {
        if let (Some(&l), Some(&r)) = (values.get(c.left.as_str()), values.get(c.right.as_str()))
            && l > r
        {
            values.insert(c.left.as_str(), r);
            values.insert(c.right.as_str(), l);
        }
    }
    for (code, v) in values {
        input.indicators.insert(code.to_string(), v.to_string());
    }
    for s in &template.sections {
        input
            .narrative
            .insert(s.code.clone(), "Đã triển khai các nội dung theo kế hoạch; Nhân dân tham gia tích cực.".into());
    }
    for c in &template.criteria {
        let share = (quality + rng.range(0, 10)).min(100) as f64 / 100.0;
        input.assessment.insert(
            c.code.clone(),
            ScoreInput {
                points: format!("{}", (c.max_points * share).floor()),
                evidence: "Biên bản, sổ theo dõi".into(),
            },
        );
    }
    input
}

/// Issues the demo plan of `province` for its communes (once: nothing when it exists) and
/// sends the 6-month report of most communes, some of them late. `skip` keeps one commune's
/// reports open for the demo accounts to send.
pub async fn load(
    app: &App,
    province: &UnitRow,
    communes: &[UnitRow],
    skip: &str,
    actor: &Actor,
) -> Result<usize, DemoError> {
    let store = app.store();
    let today = app.today();
    let year = today.year();
    if !store.plans_of_unit(province.unit_id(), Some(year)).await?.is_empty() || communes.is_empty() {
        return Ok(0);
    }
    let template_id = templates::ensure_default(app).await?;
    let template = templates::load(app, template_id).await?;
    let plan = draft(year);
    let req = import::Issue {
        issuer: province,
        draft: &plan,
        document: None,
        targets: communes,
        template_id,
        agency_template_id: None,
        parent_plan_id: None,
        actor,
    };
    let plan_id = import::issue(app, req).await?;
    let obligations = store.obligations(plan_id).await?;
    let Some(six) =
        obligations.iter().find(|o| o.period == Some(ReportPeriod::SixMonth)).and_then(|o| o.occurrences.first())
    else {
        return Ok(0);
    };
    let Some(due) = six.due_date.filter(|d| *d <= today) else { return Ok(0) };
    let Some(detail) = occurrence_detail(app, coso_domain::OccurrenceId(six.id)).await? else { return Ok(0) };
    let mut sent = 0;
    for commune in communes.iter().filter(|c| c.code != skip) {
        let mut rng = Rng::for_key(&format!("report:{}", commune.code));
        if !rng.chance(SENT_PERCENT) {
            continue;
        }
        // Most on time, some up to ten days late.
        let day = due - Duration::days(rng.range(0, 8) as i64)
            + Duration::days(if rng.chance(20) { rng.range(1, 11) as i64 } else { 0 });
        let quality = rng.range(45, 96);
        let input = report(&template, &mut rng, quality);
        reports::send_report_on(app, actor, &template, &detail, commune, &input, day).await?;
        sent += 1;
    }
    Ok(sent)
}
