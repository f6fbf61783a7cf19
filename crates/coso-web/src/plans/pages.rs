//! Plan pages: the list of a unit's plans, import with a review step, a plan, and its
//! aggregate view with charts and downloads.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coso_documents::Document;
use coso_domain::authz::Action;
use coso_domain::plan::{
    Due, ObligationDraft, ObligationKind, PlanDraft, ReportPeriod, TargetSpec, TaskDraft, period_label,
};
use coso_reporting::{charts, exports, import, inbox, summary, templates};
use serde::Deserialize;

use super::api::{AggregateQuery, DOCX, XLSX, download, load_view};
use super::views::*;
use crate::actions;
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Multipart, Path, Query};
use crate::reporting::access;
use crate::reports::pages::UnitQuery;
use crate::state::AppState;
use crate::upload;
use crate::views::{Nav, vn_date};

pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<UnitQuery>,
) -> PageResult<PlansPage> {
    Ok(plans_page(&state, &user, &q.unit, vec![], "children".into(), String::new()).await?)
}

async fn plans_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    errors: Vec<String>,
    targets: String,
    year: String,
) -> Result<PlansPage, AppError> {
    let unit = actions::unit_or_not_found(state, &access::chosen_code(user, code)?).await?;
    user.authorize(&unit.unit_path(), Action::ReadPlans)?;
    let plans = state
        .store()
        .plans_of_unit(unit.id, None)
        .await?
        .into_iter()
        .map(|p| PlanLine {
            id: p.id,
            label: inbox::plan_label(p.number.as_deref(), &p.title),
            year: p.year,
            issued: p.issued_on.map(vn_date).unwrap_or_default(),
            targets: p.target_count,
        })
        .collect();
    Ok(PlansPage {
        nav: Nav::of(Some(user)),
        units: access::unit_choices(user, &unit.code),
        can_manage: user.authorize(&unit.unit_path(), Action::ManagePlans).is_ok(),
        plans,
        errors,
        targets,
        year,
        unit,
    })
}

fn due_input(d: &Due) -> String {
    match d {
        Due::Unset => String::new(),
        Due::On(date) => vn_date(*date),
        Due::Yearly { month, day } => format!("{day:02}/{month:02} hằng năm"),
    }
}

fn period_input(p: Option<ReportPeriod>) -> String {
    p.map(|p| p.label().to_lowercase()).unwrap_or_default()
}

fn review_page(
    user: &CurrentUser,
    unit: coso_store::UnitRow,
    doc: &Document,
    draft: &PlanDraft,
    targets: String,
    errors: Vec<String>,
) -> PlanReviewPage {
    let mut obligations: Vec<(String, String, String, String)> = draft
        .obligations
        .iter()
        .map(|o| (o.kind.as_str().to_string(), period_input(o.period), due_input(&o.due), o.raw.clone()))
        .collect();
    obligations.extend((0..2).map(|_| Default::default()));
    let mut tasks: Vec<(String, String, String)> = draft
        .tasks
        .iter()
        .map(|t| (t.text.clone(), t.lead_text.clone().unwrap_or_default(), due_input(&t.due)))
        .collect();
    tasks.extend((0..2).map(|_| Default::default()));
    PlanReviewPage {
        nav: Nav::of(Some(user)),
        document: serde_json::to_string(doc).unwrap_or_default(),
        number: draft.number.clone().unwrap_or_default(),
        issued_on: draft.issued_on.map(vn_date).unwrap_or_default(),
        title: draft.title.clone(),
        year: draft.year.to_string(),
        targets,
        obligations,
        tasks,
        warnings: doc.warnings.clone(),
        errors,
        unit,
    }
}

/// Step 1: read the uploaded document and show what was understood, for correction.
pub async fn import_upload(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<UnitQuery>,
    Multipart(form): Multipart,
) -> PageResult<Response> {
    let up = upload::read(form, state.settings.max_upload_bytes).await?;
    user.check_csrf(&up.csrf)?;
    let unit = actions::unit_or_not_found(&state, &q.unit).await?;
    user.authorize(&unit.unit_path(), Action::ManagePlans)?;
    let year_typed = up.field("year").to_string();
    let year = year_typed.trim().parse::<i32>().ok();
    let targets = up.field("targets").to_string();
    match super::documents::read(&state, &up.file_name, up.bytes.into(), year).await {
        Ok(doc) => {
            let draft = import::draft_of(&doc, year);
            Ok(review_page(&user, unit, &doc, &draft, targets, vec![]).into_response())
        }
        Err(e @ AppError::BadRequest(_)) => {
            let page = plans_page(&state, &user, &unit.code, vec![e.to_string()], targets, year_typed).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// Reads "dd/mm/yyyy", "yyyy-mm-dd", "dd/mm hằng năm" or "dd/mm".
fn parse_due(raw: &str) -> Result<Due, String> {
    let v = coso_text::fold(raw);
    let v = v.trim();
    if v.is_empty() {
        return Ok(Due::Unset);
    }
    let yearly = v.contains("hang nam") || v.matches('/').count() == 1;
    let digits: Vec<u32> =
        v.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).filter_map(|s| s.parse().ok()).collect();
    let bad = || format!("Hạn «{}» không đúng dạng dd/mm/yyyy hoặc dd/mm hằng năm.", raw.trim());
    if v.contains('-') && digits.len() == 3 {
        return chrono::NaiveDate::from_ymd_opt(digits[0] as i32, digits[1], digits[2]).map(Due::On).ok_or_else(bad);
    }
    match (yearly, digits.as_slice()) {
        (true, [d, m, ..]) => Due::yearly(*m, *d).ok_or_else(bad),
        (false, [d, m, y]) => chrono::NaiveDate::from_ymd_opt(*y as i32, *m, *d).map(Due::On).ok_or_else(bad),
        _ => Err(bad()),
    }
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
}

/// The review form back into a draft; errors name the row.
fn draft_from_form(fields: &[(String, String)], doc: &Document) -> Result<PlanDraft, Vec<String>> {
    let mut errors = Vec::new();
    let year = field(fields, "year").trim().parse::<i32>().unwrap_or_else(|_| {
        errors.push("Năm thực hiện phải là một số, ví dụ 2026.".to_string());
        0
    });
    let issued_on = match parse_due(field(fields, "issued_on")) {
        Ok(Due::On(d)) => Some(d),
        Ok(Due::Unset) => None,
        _ => {
            errors.push("Ngày ban hành không đúng dạng dd/mm/yyyy.".to_string());
            None
        }
    };
    let mut obligations = Vec::new();
    for i in 0..64 {
        let kind = field(fields, &format!("o{i}_kind"));
        if kind.is_empty() {
            if fields.iter().any(|(k, _)| k.starts_with(&format!("o{i}_"))) {
                continue;
            }
            break;
        }
        let Some(kind) = ObligationKind::parse(kind) else { continue };
        let period_raw = field(fields, &format!("o{i}_period"));
        let period = ReportPeriod::from_document(period_raw);
        if kind == ObligationKind::Report && period.is_none() {
            errors.push(format!(
                "Yêu cầu {}: kỳ báo cáo «{}» không rõ (tháng, quý, 6 tháng, 9 tháng, năm, đột xuất).",
                i + 1,
                period_raw.trim()
            ));
        }
        let due = parse_due(field(fields, &format!("o{i}_due"))).unwrap_or_else(|e| {
            errors.push(format!("Yêu cầu {}: {e}", i + 1));
            Due::Unset
        });
        let raw = doc.report_obligations.get(i).map(|o| o.raw.clone()).unwrap_or_default();
        obligations.push(ObligationDraft {
            kind,
            period: if kind == ObligationKind::Report { period } else { None },
            due,
            raw,
            submit_to: None,
        });
    }
    let mut tasks = Vec::new();
    for i in 0..500 {
        let key = format!("t{i}_text");
        if !fields.iter().any(|(k, _)| *k == key) {
            break;
        }
        let text = coso_text::clean(field(fields, &key));
        if text.is_empty() {
            continue;
        }
        let lead = coso_text::clean(field(fields, &format!("t{i}_lead")));
        let due = parse_due(field(fields, &format!("t{i}_due"))).unwrap_or_else(|e| {
            errors.push(format!("Nhiệm vụ {}: {e}", i + 1));
            Due::Unset
        });
        tasks.push(TaskDraft { text, lead_text: (!lead.is_empty()).then_some(lead), partner_texts: vec![], due });
    }
    let number = coso_text::clean(field(fields, "number"));
    let draft = PlanDraft {
        number: (!number.is_empty()).then_some(number),
        issued_on,
        title: coso_text::clean(field(fields, "title")),
        year,
        legal_bases: doc.legal_bases.clone(),
        sections: doc.body.clone(),
        tasks,
        obligations,
    };
    if let Err(errs) = draft.validate() {
        errors.extend(errs.into_iter().map(|e| e.message));
    }
    if errors.is_empty() { Ok(draft) } else { Err(errors) }
}

/// Step 2: issue the reviewed plan.
pub async fn issue(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<UnitQuery>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult<Response> {
    user.check_csrf(field(&fields, "csrf"))?;
    let unit = actions::unit_or_not_found(&state, &q.unit).await?;
    user.authorize(&unit.unit_path(), Action::ManagePlans)?;
    let doc: Document = serde_json::from_str(field(&fields, "document")).unwrap_or_default();
    let targets_raw = field(&fields, "targets").to_string();
    let fail = |draft: PlanDraft, errors: Vec<String>| {
        (StatusCode::UNPROCESSABLE_ENTITY, review_page(&user, unit.clone(), &doc, &draft, targets_raw.clone(), errors))
            .into_response()
    };
    let draft = match draft_from_form(&fields, &doc) {
        Ok(d) => d,
        Err(errors) => {
            let d = import::draft_of(&doc, field(&fields, "year").parse().ok());
            return Ok(fail(d, errors));
        }
    };
    let spec = match TargetSpec::parse(&targets_raw) {
        Ok(s) => s,
        Err(e) => return Ok(fail(draft, vec![e.message])),
    };
    let targets = match import::resolve_targets(state.store(), &unit, &spec, state.clock.today()).await {
        Ok(t) => t,
        Err(e) => return Ok(fail(draft, vec![reporting_message(e)])),
    };
    let template_id = templates::ensure_default(state.store()).await.map_err(AppError::from)?;
    let mut doc_out = doc.clone();
    doc_out.number = draft.number.clone();
    doc_out.title = Some(draft.title.clone());
    doc_out.date = draft.issued_on.map(|d| d.to_string());
    let actor = user.actor();
    let req = import::Issue {
        issuer: &unit,
        draft: &draft,
        document: Some(&doc_out),
        targets: &targets,
        template_id,
        parent_plan_id: None,
        actor: &actor,
    };
    match import::issue(state.store(), req).await {
        Ok(id) => Ok(Redirect::to(&format!("/quan-tri/ke-hoach/{id}")).into_response()),
        Err(e) => Ok(fail(draft, vec![reporting_message(e)])),
    }
}

fn reporting_message(e: coso_reporting::ReportingError) -> String {
    match e {
        coso_reporting::ReportingError::Invalid(errs) => {
            errs.into_iter().map(|e| e.message).collect::<Vec<_>>().join(" ")
        }
        other => other.to_string(),
    }
}

pub async fn plan(State(state): State<AppState>, user: CurrentUser, Path(id): Path<i64>) -> PageResult<PlanPage> {
    Ok(plan_page(&state, &user, id, None).await?)
}

/// The plan page, with an error to show (a task form that failed).
pub async fn plan_page(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
    error: Option<String>,
) -> Result<PlanPage, AppError> {
    let (plan, issuer) = access::readable_plan(state, user, id).await?;
    let today = state.clock.today();
    let json = coso_reporting::plan_json::plan_json(state.store(), id, Some(today)).await?;
    let store = state.store();
    let receiver = coso_reporting::summary::committee_of(&issuer);
    let obligations = json
        .obligations
        .iter()
        .map(|o| ObligationLine {
            title: match (o.kind.as_str(), o.period.as_deref().and_then(ReportPeriod::parse)) {
                ("implementing_plan", _) => "Kế hoạch thực hiện".to_string(),
                (_, Some(p)) => format!("Báo cáo {}", p.label().to_lowercase()),
                _ => "Báo cáo".to_string(),
            },
            due: match (&o.due, &o.recurring) {
                (Some(d), _) => vn_date(*d),
                (None, Some(r)) => {
                    let (m, d) = r.split_once('-').unwrap_or(("", ""));
                    format!("ngày {}/{} hằng năm", d.trim_end_matches(" yearly"), m)
                }
                _ => "không ghi hạn".to_string(),
            },
            receiver: receiver.clone(),
            occurrences: o
                .occurrences
                .iter()
                .map(|oc| {
                    let c = oc.counts.unwrap_or_default();
                    (oc.id, period_label(&oc.period_key), c.on_time, c.late, c.missing)
                })
                .collect(),
        })
        .collect();
    let mut tasks = Vec::new();
    for t in store.plan_tasks(id).await? {
        let files = store
            .evidence_of_task(t.id)
            .await?
            .into_iter()
            .map(|f| (f.id, f.file_name, format!("{} KB", (f.size + 1023) / 1024)))
            .collect();
        let notes =
            store.task_notes(t.id).await?.into_iter().map(|n| format!("{}: {}", n.created_by, n.body)).collect();
        tasks.push({
            let due = Due::from_columns(t.due_date.map(|d| d.to_string()).as_deref(), t.due_recurring.as_deref())
                .unwrap_or(Due::Unset);
            let status =
                coso_domain::plan::TaskStatus::parse(&t.status).unwrap_or(coso_domain::plan::TaskStatus::NotStarted);
            let shown = coso_domain::plan::DisplayStatus::of(status, due.in_year(plan.year), today);
            TaskLine {
                id: t.id,
                text: t.text,
                lead: t.lead_unit_name.or(t.lead_text).unwrap_or_default(),
                partners: t.partner_texts.join("; "),
                due: due_input(&due),
                overdue: shown == coso_domain::plan::DisplayStatus::Overdue,
                status: shown.label().to_string(),
                status_code: status.as_str(),
                progress: t.progress,
                files,
                notes,
            }
        });
    }
    let targets = store.plan_target_units(id).await?;
    let parent = match plan.parent_plan_id {
        Some(p) => store.plan(p).await?.map(|pp| (pp.id, inbox::plan_label(pp.number.as_deref(), &pp.title))),
        None => None,
    };
    let children = store
        .child_plans(id)
        .await?
        .into_iter()
        .map(|c| (c.id, inbox::plan_label(c.number.as_deref(), &c.title), c.unit_name))
        .collect();
    let legal_bases = serde_json::from_value::<Vec<coso_documents::CitedDocument>>(plan.legal_bases.clone())
        .unwrap_or_default()
        .into_iter()
        .map(|b| b.raw)
        .collect();
    let sections = serde_json::from_value::<Vec<coso_documents::Section>>(plan.sections.clone())
        .unwrap_or_default()
        .into_iter()
        .map(|s| s.heading)
        .collect();
    let warnings = plan
        .document
        .as_ref()
        .and_then(|d| serde_json::from_value::<Document>(d.clone()).ok())
        .map(|d| d.warnings)
        .unwrap_or_default();
    Ok(PlanPage {
        nav: Nav::of(Some(user)),
        id,
        label: inbox::plan_label(plan.number.as_deref(), &plan.title),
        issuer: issuer.name.clone(),
        issued: plan.issued_on.map(vn_date).unwrap_or_else(|| "chưa ghi".into()),
        legal_bases,
        sections,
        tasks,
        obligations,
        targets,
        parent,
        children,
        can_manage: user.authorize(&issuer.unit_path(), Action::ManagePlans).is_ok(),
        notice: None,
        error,
        warnings,
    })
}

#[derive(Deserialize)]
pub struct PageAggregateQuery {
    pub ky: Option<i64>,
    #[serde(rename = "don-vi")]
    pub unit: Option<String>,
}

impl PageAggregateQuery {
    async fn resolve(&self, state: &AppState, plan_id: i64) -> Result<AggregateQuery, AppError> {
        let occurrence = match self.ky {
            Some(k) => k,
            None => first_report_occurrence(state, plan_id).await?,
        };
        Ok(AggregateQuery { occurrence, unit: self.unit.clone() })
    }
}

async fn report_occurrences(state: &AppState, plan_id: i64) -> Result<Vec<(i64, String)>, AppError> {
    Ok(state
        .store()
        .obligations(plan_id)
        .await?
        .into_iter()
        .filter(|o| o.kind == "report")
        .flat_map(|o| o.occurrences.into_iter().map(|oc| (oc.id, oc.period_key)))
        .collect())
}

async fn first_report_occurrence(state: &AppState, plan_id: i64) -> Result<i64, AppError> {
    report_occurrences(state, plan_id)
        .await?
        .first()
        .map(|(id, _)| *id)
        .ok_or_else(|| AppError::BadRequest("Kế hoạch không yêu cầu báo cáo nào để tổng hợp.".into()))
}

pub async fn aggregate(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(pq): Query<PageAggregateQuery>,
) -> PageResult<AggregatePage> {
    let q = pq.resolve(&state, id).await?;
    let (view, plan, issuer) = load_view(&state, &user, id, &q).await?;
    let fmt = |v: f64| coso_export::format_vn_number(v, if v.fract() == 0.0 { 0 } else { 2 });
    let scope_param = |code: &str| format!("/quan-tri/ke-hoach/{id}/tong-hop?ky={}&don-vi={code}", q.occurrence);
    let rows = view
        .rows
        .iter()
        .map(|r| AggregateLine {
            name: r.unit_name.clone(),
            href: if r.status == "group" {
                Some(scope_param(&r.unit_code))
            } else {
                r.submission_id.map(|s| format!("/quan-tri/bao-cao/{s}"))
            },
            status: r.status_label.clone(),
            status_class: match r.status {
                "on_time" => "on-time",
                "late" => "late",
                "missing" => "missing",
                _ => "",
            },
            values: r.values.iter().map(|v| v.map(fmt).unwrap_or_default()).collect(),
            score: r.score.map(|s| coso_export::format_vn_number(s, 1)).unwrap_or_default(),
            rank: r.rank.clone().unwrap_or_default(),
        })
        .collect();
    // Trends: the same scope over every report period of the plan.
    let periods_all = report_occurrences(&state, id).await?;
    let mut other_views = Vec::new();
    if periods_all.len() > 1 {
        for (oid, key) in periods_all.iter().take(12) {
            let oq = AggregateQuery { occurrence: *oid, unit: q.unit.clone() };
            if let Ok((v, _, _)) = load_view(&state, &user, id, &oq).await {
                other_views.push((period_label(key), v));
            }
        }
    }
    let refs: Vec<(String, &coso_reporting::aggregate::AggregateView)> =
        other_views.iter().map(|(l, v)| (l.clone(), v)).collect();
    let mut chart_list = vec![charts::timeliness(&view), charts::ranks(&view)];
    if let Some(t) = charts::trends(&refs, 4) {
        chart_list.push(t);
    }
    let mut crumbs = Vec::new();
    if view.scope_code != issuer.code {
        crumbs.push((scope_param(&issuer.code), issuer.name.clone()));
    }
    Ok(AggregatePage {
        nav: Nav::of(Some(&user)),
        plan_id: id,
        plan_label: inbox::plan_label(plan.number.as_deref(), &plan.title),
        obligation: inbox::what("report", &view.period_key),
        due_text: view.due.map_or_else(|| "không ghi".to_string(), vn_date),
        scope: view.scope_name.clone(),
        crumbs,
        periods: periods_all.iter().map(|(oid, key)| (*oid, period_label(key), *oid == q.occurrence)).collect(),
        columns: view.columns.iter().map(|c| format!("{} ({})", c.label, c.unit_of_measure)).collect(),
        totals: view.totals.iter().map(|t| fmt(*t)).collect(),
        counts: view.counts.words(),
        charts: chart_list.into_iter().map(|c| Chart { title: c.title, svg: c.svg, table: c.table }).collect(),
        export_query: format!(
            "ky={}{}",
            q.occurrence,
            q.unit.as_deref().map(|u| format!("&don-vi={u}")).unwrap_or_default()
        ),
        rows,
    })
}

/// The page's downloads: XLSX, CSV, the summary report as DOCX or PDF.
pub async fn aggregate_file(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, file)): Path<(i64, String)>,
    Query(pq): Query<PageAggregateQuery>,
) -> PageResult<Response> {
    let q = pq.resolve(&state, id).await?;
    let (view, plan, issuer) = load_view(&state, &user, id, &q).await?;
    let label = inbox::plan_label(plan.number.as_deref(), &plan.title);
    let title = format!("Tổng hợp {} — {}", inbox::what("report", &view.period_key).to_lowercase(), label);
    let name = |ext: &str| format!("tong-hop-{id}-{}.{ext}", view.period_key);
    let map = |e: coso_reporting::ReportingError| PageError(e.into());
    Ok(match file.as_str() {
        "tong-hop.xlsx" => download(exports::xlsx(&view, &title).map_err(map)?, XLSX, &name("xlsx")),
        "tong-hop.csv" => download(exports::csv(&view, &title).map_err(map)?, "text/csv; charset=utf-8", &name("csv")),
        "bao-cao-tong-hop.docx" => {
            let doc = summary::summary_document(&issuer, &label, &view, state.clock.today());
            download(summary::docx(&doc).map_err(map)?, DOCX, &name("docx"))
        }
        "bao-cao-tong-hop.pdf" => {
            let doc = summary::summary_document(&issuer, &label, &view, state.clock.today());
            let bytes = tokio::task::spawn_blocking(move || summary::pdf(&doc))
                .await
                .map_err(|e| AppError::Internal(e.into()))?
                .map_err(map)?;
            download(bytes, "application/pdf", &name("pdf"))
        }
        _ => return Err(PageError(AppError::NotFound)),
    })
}

/// The plan itself as DOCX or PDF in the official format.
pub async fn plan_file(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, file)): Path<(i64, String)>,
) -> PageResult<Response> {
    let (plan, issuer) = access::readable_plan(&state, &user, id).await?;
    let doc = summary::plan_document(&plan, &issuer);
    let map = |e: coso_reporting::ReportingError| PageError(e.into());
    let base = format!("ke-hoach-{id}");
    Ok(match file.as_str() {
        "van-ban.docx" => download(summary::docx(&doc).map_err(map)?, DOCX, &format!("{base}.docx")),
        "van-ban.pdf" => {
            let bytes = tokio::task::spawn_blocking(move || summary::pdf(&doc))
                .await
                .map_err(|e| AppError::Internal(e.into()))?
                .map_err(map)?;
            download(bytes, "application/pdf", &format!("{base}.pdf"))
        }
        _ => return Err(PageError(AppError::NotFound)),
    })
}

/// `/quan-tri/ke-hoach/{id}/{file}`: the plan's own files or the aggregate's downloads.
pub async fn plan_or_aggregate_file(
    state: State<AppState>,
    user: CurrentUser,
    Path((id, file)): Path<(i64, String)>,
    q: Query<PageAggregateQuery>,
) -> PageResult<Response> {
    if file.starts_with("van-ban.") {
        plan_file(state, user, Path((id, file))).await
    } else {
        aggregate_file(state, user, Path((id, file)), q).await
    }
}
