//! Plan pages: the list of a unit's plans, import with a review step, a plan, and its
//! aggregate view with charts and downloads.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::plans::{self, Reviewed};
use coso_app::reports::{self, charts, exports, inbox};
use coso_app::units;
use coso_documents::Document;
use coso_domain::plan::{
    Due, ObligationDraft, ObligationKind, PlanDraft, PlanIssuer, ReportPeriod, TaskDraft, period_label,
};
use coso_domain::{OccurrenceId, PlanId};
use serde::Deserialize;

use super::api::{DOCX, XLSX, download, pdf};
use super::views::*;
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
    Ok(plans_page(&state, &user, &q.unit, vec![], coso_domain::plan::target::ALL_CHILDREN.into(), String::new())
        .await?)
}

async fn plans_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    errors: Vec<String>,
    targets: String,
    year: String,
) -> Result<PlansPage, AppError> {
    let unit = units::by_code(&state.app, &access::chosen_code(user, code)?).await?;
    let p = plans::of_unit(&state.app, &user.actor(), unit).await?;
    let plans = p
        .plans
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
        units: access::unit_choices(user, &p.unit.code),
        can_manage: p.can_manage,
        plans,
        errors,
        targets,
        year,
        unit: p.unit,
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

/// The templates an agency target may report on, as (code, name), for the review form.
async fn agency_templates(state: &AppState) -> Result<Vec<(String, String)>, AppError> {
    Ok(coso_app::templates::list(&state.app).await?.into_iter().map(|t| (t.code, t.name)).collect())
}

fn review_page(
    user: &CurrentUser,
    unit: coso_store::UnitRow,
    doc: &Document,
    draft: &PlanDraft,
    targets: String,
    errors: Vec<String>,
    agency_templates: Vec<(String, String)>,
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
        issuer: draft.issuer.as_str(),
        issuers: PlanIssuer::ALL.map(|i| (i.as_str(), i.body_name(unit.kind, &unit.name))).to_vec(),
        year: draft.year.to_string(),
        targets,
        agency_template: String::new(),
        agency_templates,
        obligations,
        tasks,
        warnings: doc.warnings.clone(),
        errors,
        unit,
        blank: false,
    }
}

/// The form for issuing a plan typed from scratch, without a document: the review form with
/// nothing read, a few empty rows, this year and every unit below as targets.
pub async fn issue_form(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<UnitQuery>,
) -> PageResult<PlanReviewPage> {
    let unit = units::by_code(&state.app, &access::chosen_code(&user, &q.unit)?).await?;
    user.actor().authorize(&unit.unit_path(), coso_domain::authz::Action::ManagePlans)?;
    let doc = Document::default();
    let year = chrono::Datelike::year(&state.app.today());
    let draft = plans::import::draft_of(&doc, Some(year));
    let templates = agency_templates(&state).await?;
    let mut page =
        review_page(&user, unit, &doc, &draft, coso_domain::plan::target::ALL_CHILDREN.into(), vec![], templates);
    page.obligations.resize_with(3, Default::default);
    page.tasks.resize_with(5, Default::default);
    page.blank = true;
    Ok(page)
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
    let unit = units::by_code(&state.app, &q.unit).await?;
    let actor = user.actor();
    plans::may_read_document(&actor, Some(&unit))?;
    let year_typed = up.field("year").to_string();
    let year = year_typed.trim().parse::<i32>().ok();
    let targets = up.field("targets").to_string();
    match super::documents::read(&state, &up.file_name, up.bytes.into(), year).await {
        Ok(doc) => {
            let draft = plans::draft_for_review(&actor, &unit, &doc, year)?;
            let templates = agency_templates(&state).await?;
            Ok(review_page(&user, unit, &doc, &draft, targets, vec![], templates).into_response())
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
    let issuer = match field(fields, "issuer").trim() {
        "" => PlanIssuer::default(),
        code => code.parse().unwrap_or_else(|_| {
            errors.push("Cơ quan ban hành không có trong danh sách.".to_string());
            PlanIssuer::default()
        }),
    };
    let number = coso_text::clean(field(fields, "number"));
    let draft = PlanDraft {
        number: (!number.is_empty()).then_some(number),
        issued_on,
        title: coso_text::clean(field(fields, "title")),
        issuer,
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
    let unit = units::by_code(&state.app, &q.unit).await?;
    let actor = user.actor();
    // Checked before the form is read back, so nobody else sees what the reader understood.
    actor.authorize(&unit.unit_path(), coso_domain::authz::Action::ManagePlans)?;
    let doc: Document = serde_json::from_str(field(&fields, "document")).unwrap_or_default();
    let targets_raw = field(&fields, "targets").to_string();
    let blank = field(&fields, "moi") == "1";
    let agency_template = field(&fields, "agency_template").to_string();
    let templates = agency_templates(&state).await?;
    let fail = |draft: PlanDraft, errors: Vec<String>| {
        let mut page = review_page(&user, unit.clone(), &doc, &draft, targets_raw.clone(), errors, templates.clone());
        page.blank = blank;
        page.agency_template.clone_from(&agency_template);
        (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
    };
    let draft = match draft_from_form(&fields, &doc) {
        Ok(d) => d,
        Err(errors) => {
            let d = plans::import::draft_of(&doc, field(&fields, "year").parse().ok());
            return Ok(fail(d, errors));
        }
    };
    let reviewed = Reviewed {
        issuer: &unit,
        draft: &draft,
        document: &doc,
        targets: &targets_raw,
        agency_template: &agency_template,
    };
    match plans::issue_reviewed(&state.app, &actor, reviewed).await {
        Ok(id) => Ok(crate::page_context::redirect_with_notice(
            &format!("/quan-tri/ke-hoach/{id}"),
            "Đã ban hành kế hoạch; các đơn vị thực hiện thấy yêu cầu trong Hộp việc.",
        )),
        Err(
            e @ (coso_app::Error::Validation(_)
            | coso_app::Error::Fields(_)
            | coso_app::Error::BadRequest(_)
            | coso_app::Error::Conflict { .. }),
        ) => Ok(fail(draft, vec![e.messages().join(" ")])),
        Err(e) => Err(e.into()),
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
    let o = plans::overview(&state.app, &user.actor(), PlanId(id)).await?;
    let receiver = plans::summary::committee_of(&o.issuer);
    let obligations = o
        .json
        .obligations
        .iter()
        .map(|ob| ObligationLine {
            title: match (ob.kind.as_str(), ob.period) {
                ("implementing_plan", _) => "Kế hoạch thực hiện".to_string(),
                (_, Some(p)) => format!("Báo cáo {}", p.label().to_lowercase()),
                _ => "Báo cáo".to_string(),
            },
            due: match (&ob.due, &ob.recurring) {
                (Some(d), _) => vn_date(*d),
                (None, Some(r)) => {
                    let (m, d) = r.split_once('-').unwrap_or(("", ""));
                    format!("ngày {}/{} hằng năm", d.trim_end_matches(" yearly"), m)
                }
                _ => "không ghi hạn".to_string(),
            },
            receiver: receiver.clone(),
            aggregatable: ob.kind.as_str() != "implementing_plan",
            occurrences: ob
                .occurrences
                .iter()
                .map(|oc| {
                    let c = oc.counts.unwrap_or_default();
                    (oc.id, period_label(&oc.period_key), c.on_time, c.late, c.missing)
                })
                .collect(),
        })
        .collect();
    let tasks = o
        .tasks
        .into_iter()
        .map(|t| TaskLine {
            id: t.task.id,
            text: t.task.text,
            lead: t.task.lead_unit_name.or(t.task.lead_text).unwrap_or_default(),
            partners: t.task.partner_texts.join("; "),
            due: due_input(&t.due),
            overdue: t.shown == coso_domain::plan::DisplayStatus::Overdue,
            status: t.shown.label().to_string(),
            status_code: t.status.as_str(),
            progress: t.task.progress,
            files: t.files.into_iter().map(|f| (f.id, f.file_name, format!("{} KB", (f.size + 1023) / 1024))).collect(),
            notes: t.notes.into_iter().map(|n| format!("{}: {}", n.created_by, n.body)).collect(),
        })
        .collect();
    Ok(PlanPage {
        nav: Nav::of(Some(user)),
        id,
        label: inbox::plan_label(o.plan.number.as_deref(), &o.plan.title),
        issuer: o.issuer.name.clone(),
        issuing_body: o.plan.issuer.body_name(o.issuer.kind, &o.issuer.name),
        issued: o.plan.issued_on.map(vn_date).unwrap_or_else(|| "chưa ghi".into()),
        legal_bases: o.legal_bases,
        sections: o.sections,
        tasks,
        obligations,
        targets: o.targets,
        parent: o.parent,
        children: o.children,
        can_manage: o.can_manage,
        error,
        warnings: o.warnings,
    })
}

#[derive(Deserialize)]
pub struct PageAggregateQuery {
    pub ky: Option<i64>,
    #[serde(rename = "don-vi")]
    pub unit: Option<String>,
}

pub async fn aggregate(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(pq): Query<PageAggregateQuery>,
) -> PageResult<AggregatePage> {
    let actor = user.actor();
    let unit = pq.unit.as_deref();
    let pv = reports::view(&state.app, &actor, PlanId(id), pq.ky.map(OccurrenceId), unit).await?;
    let view = &pv.view;
    let occurrence = view.occurrence_id;
    let fmt = |v: f64| coso_export::format_vn_number(v, if v.fract() == 0.0 { 0 } else { 2 });
    let scope_param = |code: &str| format!("/quan-tri/ke-hoach/{id}/tong-hop?ky={occurrence}&don-vi={code}");
    let lines = |rows: &[coso_app::reports::aggregate::Row]| -> Vec<AggregateLine> {
        rows.iter()
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
            .collect()
    };
    let heads = |columns: &[coso_app::reports::aggregate::Column], prefix: &str| -> Vec<ColumnHead> {
        columns
            .iter()
            .enumerate()
            .map(|(i, c)| ColumnHead {
                short: format!("{prefix}{}", i + 1),
                full: format!("{} ({})", c.label, c.unit_of_measure),
            })
            .collect()
    };
    let rows = lines(&view.rows);
    let agencies = view.agencies.as_ref().map(|a| AgencyTable {
        template_name: a.template_name.clone(),
        counts: a.counts.words(),
        columns: heads(&a.columns, "CQ"),
        rows: lines(&a.rows),
        totals: a.totals.iter().map(|t| fmt(*t)).collect(),
    });
    // Trends: the same scope over every report period of the plan.
    let periods = reports::report_periods(&state.app, PlanId(id)).await?;
    let other_views = reports::period_views(&state.app, &actor, PlanId(id), unit).await?;
    let refs: Vec<(String, &coso_app::reports::aggregate::AggregateView)> =
        other_views.iter().map(|(l, v)| (l.clone(), v)).collect();
    let mut chart_list = vec![charts::timeliness(view), charts::ranks(view)];
    if let Some(t) = charts::trends(&refs, 4) {
        chart_list.push(t);
    }
    let mut crumbs = Vec::new();
    if view.scope_code != pv.issuer.code {
        crumbs.push((scope_param(&pv.issuer.code), pv.issuer.name.clone()));
    }
    Ok(AggregatePage {
        nav: Nav::of(Some(&user)),
        plan_id: id,
        plan_label: pv.plan_label(),
        obligation: inbox::what(ObligationKind::Report, view.period_key),
        due_text: view.due.map_or_else(|| "không ghi".to_string(), vn_date),
        scope: view.scope_name.clone(),
        crumbs,
        periods: periods.iter().map(|(oid, key)| (oid.0, period_label(key), oid.0 == occurrence)).collect(),
        columns: heads(&view.columns, "CT"),
        totals: view.totals.iter().map(|t| fmt(*t)).collect(),
        agencies,
        counts: view.counts.words(),
        charts: chart_list.into_iter().map(|c| Chart { title: c.title, svg: c.svg, table: c.table }).collect(),
        export_query: format!("ky={occurrence}{}", unit.map(|u| format!("&don-vi={u}")).unwrap_or_default()),
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
    let pv = reports::view(&state.app, &user.actor(), PlanId(id), pq.ky.map(OccurrenceId), pq.unit.as_deref()).await?;
    let name = |ext: &str| format!("tong-hop-{id}-{}.{ext}", pv.view.period_key);
    Ok(match file.as_str() {
        "tong-hop.xlsx" => download(exports::xlsx(&pv.view, &pv.title())?, XLSX, &name("xlsx")),
        "tong-hop.csv" => download(exports::csv(&pv.view, &pv.title())?, "text/csv; charset=utf-8", &name("csv")),
        "bao-cao-tong-hop.docx" => download(plans::summary::docx(&pv.summary(&state.app))?, DOCX, &name("docx")),
        "bao-cao-tong-hop.pdf" => download(pdf(pv.summary(&state.app)).await?, "application/pdf", &name("pdf")),
        _ => return Err(PageError(AppError::NotFound)),
    })
}

/// The plan itself as DOCX or PDF in the official format.
pub async fn plan_file(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, file)): Path<(i64, String)>,
) -> PageResult<Response> {
    let doc = plans::document(&state.app, &user.actor(), PlanId(id)).await?;
    let base = format!("ke-hoach-{id}");
    Ok(match file.as_str() {
        "van-ban.docx" => download(plans::summary::docx(&doc)?, DOCX, &format!("{base}.docx")),
        "van-ban.pdf" => download(pdf(doc).await?, "application/pdf", &format!("{base}.pdf")),
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
