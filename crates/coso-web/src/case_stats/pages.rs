//! `/quan-tri/vu-viec/thong-ke`: the statistics of a unit's cases for a period, with charts,
//! a table per child unit and the total, and the XLSX and CSV downloads of the same table.

use axum::extract::State;
use axum::response::Response;
use coso_app::cases::{self, CaseStats, UnitLine};
use coso_app::units;
use coso_domain::FieldError;
use coso_domain::authz::Action;
use coso_domain::case::CaseKind;
use coso_export::format_vn_number;
use coso_store::UnitRow;
use serde::Deserialize;

use super::period::period;
use super::views::{Chart, StatsPage, StatsRow};
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::Query;
use crate::plans::api::{XLSX, download};
use crate::reporting::access;
use crate::state::AppState;
use crate::views::{ErrorLink, Nav, vn_date};

pub const PATH: &str = "/quan-tri/vu-viec/thong-ke";

#[derive(Debug, Deserialize)]
pub struct StatsQuery {
    #[serde(rename = "don-vi", default)]
    pub unit: String,
    #[serde(rename = "tu", default)]
    pub from: String,
    #[serde(rename = "den", default)]
    pub to: String,
}

/// The unit asked for (or the user's first), once the user may handle its cases.
async fn unit_of(state: &AppState, user: &CurrentUser, q: &StatsQuery) -> Result<UnitRow, AppError> {
    let unit = units::by_code(&state.app, &access::chosen_code(user, q.unit.trim())?).await?;
    user.authorize(&unit.unit_path(), Action::HandleCases)?;
    Ok(unit)
}

/// The query of this page for `unit` over the period of `s`.
fn query_of(unit: &str, s: &CaseStats) -> String {
    form_urlencoded::Serializer::new(String::new())
        .append_pair("don-vi", unit)
        .append_pair("tu", &s.from.to_string())
        .append_pair("den", &s.to.to_string())
        .finish()
}

fn count(n: i64) -> String {
    format_vn_number(n as f64, 0)
}

fn row(line: &UnitLine, name: String, href: Option<String>) -> StatsRow {
    StatsRow {
        name,
        href,
        figures: CaseKind::ALL
            .into_iter()
            .map(|kind| {
                let k = line.kind(kind).cloned().unwrap_or_default();
                [k.received, k.accepted, k.resolved_on_time, k.resolved_late, k.open_overdue].map(count)
            })
            .collect(),
        crowded: count(line.kinds.iter().map(|k| k.crowded).sum()),
        rated: count(line.satisfaction.rated),
        average: line.satisfaction.average.map(|a| format_vn_number(a, 1)).unwrap_or_else(|| "–".into()),
    }
}

/// The short name of a kind over its columns.
fn kind_heading(kind: CaseKind) -> &'static str {
    match kind {
        CaseKind::Petition => "Phản ánh, kiến nghị",
        CaseKind::Complaint => "Khiếu nại",
        CaseKind::Denunciation => "Tố cáo",
        CaseKind::Information => "Thông tin tố cáo (không xử lý theo Luật Tố cáo)",
    }
}

fn page(
    user: &CurrentUser,
    unit: &UnitRow,
    q: &StatsQuery,
    stats: Option<&CaseStats>,
    errors: Vec<FieldError>,
) -> StatsPage {
    let error_of =
        |field: &str| errors.iter().find(|e| e.field == field).map(|e| e.message.clone()).unwrap_or_default();
    let (from, to) = match stats {
        Some(s) => (vn_date(s.from), vn_date(s.to)),
        None => (q.from.clone(), q.to.clone()),
    };
    let export_query = stats.map(|s| query_of(&s.unit_code, s)).unwrap_or_default();
    let rows = stats
        .map(|s| {
            s.lines
                .iter()
                .map(|l| {
                    if l.own {
                        row(l, format!("{} (trực tiếp giải quyết)", l.unit_name), None)
                    } else {
                        row(l, l.unit_name.clone(), Some(format!("{PATH}?{}", query_of(&l.unit_code, s))))
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    StatsPage {
        nav: Nav::of(Some(user)),
        errors: errors.iter().map(|e| ErrorLink::new(e.field, e.message.clone())).collect(),
        from_error: error_of("tu"),
        to_error: error_of("den"),
        units: access::unit_choices(user, &unit.code),
        unit_code: unit.code.clone(),
        unit_name: unit.name.clone(),
        from,
        to,
        export_query,
        kinds: CaseKind::ALL.into_iter().map(kind_heading).collect(),
        rows,
        total: stats.map(|s| row(&s.total(), "Tổng cộng".into(), None)),
        charts: stats
            .map(|s| {
                cases::stats_charts(s)
                    .into_iter()
                    .map(|c| Chart { title: c.title, svg: c.svg, table: c.table })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

pub async fn stats(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<StatsQuery>,
) -> PageResult<StatsPage> {
    let unit = unit_of(&state, &user, &q).await?;
    match period(&q.from, &q.to, state.app.today(), ("tu", "den")) {
        Ok((from, to)) => {
            let stats = cases::stats(&state.app, &user.actor(), &unit, from, to).await?;
            Ok(page(&user, &unit, &q, Some(&stats), vec![]))
        }
        Err(errors) => Ok(page(&user, &unit, &q, None, errors)),
    }
}

/// A download names its unit: a link of the page always does.
#[derive(Debug, Deserialize)]
pub struct DownloadQuery {
    #[serde(rename = "don-vi")]
    pub unit: String,
    #[serde(rename = "tu", default)]
    pub from: String,
    #[serde(rename = "den", default)]
    pub to: String,
}

async fn checked(state: &AppState, user: &CurrentUser, q: DownloadQuery) -> Result<CaseStats, AppError> {
    let q = StatsQuery { unit: q.unit, from: q.from, to: q.to };
    let unit = unit_of(state, user, &q).await?;
    let (from, to) = period(&q.from, &q.to, state.app.today(), ("tu", "den"))
        .map_err(|errors| AppError::from(coso_app::Error::Validation(errors)))?;
    Ok(cases::stats(&state.app, &user.actor(), &unit, from, to).await?)
}

fn file_name(s: &CaseStats, ext: &str) -> String {
    format!("thong-ke-don-thu-{}-{}-{}.{ext}", s.unit_code, s.from, s.to)
}

pub async fn xlsx(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<DownloadQuery>,
) -> PageResult<Response> {
    let s = checked(&state, &user, q).await?;
    Ok(download(cases::stats_xlsx(&s).map_err(|e| PageError(e.into()))?, XLSX, &file_name(&s, "xlsx")))
}

pub async fn csv(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<DownloadQuery>,
) -> PageResult<Response> {
    let s = checked(&state, &user, q).await?;
    Ok(download(
        cases::stats_csv(&s).map_err(|e| PageError(e.into()))?,
        "text/csv; charset=utf-8",
        &file_name(&s, "csv"),
    ))
}
