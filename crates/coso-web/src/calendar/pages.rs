//! "Tính hạn giải quyết": a resident picks a procedure and a date and sees the due date with its
//! explanation; and the month view with solar and lunar dates and the days off.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, NaiveDate};
use coso_calendar::{DayStatus, RuleBook};
use serde::Deserialize;

use super::api::{DeadlineQuery, compute_deadline};
use super::views::{DayCell, DeadlinePage, MonthPage};
use crate::auth::MaybeUser;
use crate::error::{AppError, PageResult};
use crate::extract::Query;
use crate::state::AppState;
use crate::views::{Nav, vn_date};

pub async fn deadline(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Query(q): Query<DeadlineQuery>,
) -> PageResult<Response> {
    let today = state.app.today();
    let rules = rule_choices(today);
    let asked = !q.rule.is_empty() || !q.from.is_empty();
    let (result, error) = if asked {
        match compute_deadline(&state, &q).await {
            Ok(d) => (Some(d), None),
            Err(AppError::BadRequest(msg)) => (None, Some(msg)),
            Err(e) => return Err(e.into()),
        }
    } else {
        (None, None)
    };
    let status = if error.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    // Shown back as dd/mm/yyyy when it reads as a date, as typed otherwise.
    let from = if q.from.trim().is_empty() {
        vn_date(today)
    } else {
        coso_domain::field::date("from", "", &q.from).map(vn_date).unwrap_or_else(|_| q.from.clone())
    };
    let page = DeadlinePage {
        nav: Nav::of(user.as_ref()),
        rules,
        rule: q.rule.clone(),
        from,
        complex: q.complex,
        especially_complex: q.especially_complex,
        remote: q.remote,
        result,
        error,
    };
    Ok((status, page).into_response())
}

/// The rules in force today, as (id, title) for the select box, in Vietnamese order.
fn rule_choices(on: NaiveDate) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = RuleBook::builtin()
        .rules()
        .iter()
        .filter(|r| r.in_force_on(on))
        .map(|r| (r.id.clone(), r.title.clone()))
        .collect();
    v.sort_by_key(|(_, t)| coso_text::sort_key(t));
    v.dedup_by(|a, b| a.0 == b.0);
    v
}

#[derive(Deserialize, Default)]
pub struct MonthQuery {
    pub nam: Option<i32>,
    pub thang: Option<u32>,
}

pub async fn month(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Query(q): Query<MonthQuery>,
) -> PageResult<MonthPage> {
    let t = state.app.today();
    let (year, month) = (q.nam.unwrap_or(t.year()), q.thang.unwrap_or(t.month()));
    let first = NaiveDate::from_ymd_opt(year, month, 1)
        .filter(|d| (coso_calendar::MIN_YEAR..coso_calendar::MAX_YEAR).contains(&d.year()))
        .ok_or_else(|| {
            AppError::BadRequest(format!("Tháng {month}/{year} không hợp lệ hoặc ngoài phạm vi 1900–2199."))
        })?;
    let cal = crate::calendar::current(&state).await?;
    let holiday_year = cal.year(year).map_err(|e| AppError::BadRequest(e.to_string()))?;
    let mut weeks: Vec<Vec<Option<DayCell>>> = Vec::new();
    let mut week: Vec<Option<DayCell>> = vec![None; first.weekday().num_days_from_monday() as usize];
    let mut d = first;
    while d.month() == month {
        let lunar = coso_calendar::solar_to_lunar(d).map_err(|e| AppError::BadRequest(e.to_string()))?;
        let status = cal.day_status(d).map_err(|e| AppError::BadRequest(e.to_string()))?;
        let (off, working_saturday) = match &status {
            DayStatus::DayOff(h) => (Some(h.name.clone()), false),
            DayStatus::Weekend { holiday: Some(h) } => (Some(h.name.clone()), false),
            DayStatus::WorkingSaturday => (None, true),
            _ => (None, false),
        };
        let lunar_label = if lunar.day == 1 || d.day() == 1 {
            format!("{}/{}{}", lunar.day, lunar.month, if lunar.leap { " N" } else { "" })
        } else {
            lunar.day.to_string()
        };
        week.push(Some(DayCell {
            day: d.day(),
            lunar: lunar_label,
            weekend: d.weekday().num_days_from_monday() >= 5 && !working_saturday,
            off,
            working_saturday,
            today: d == t,
        }));
        if week.len() == 7 {
            weeks.push(std::mem::take(&mut week));
        }
        d = d.succ_opt().ok_or(AppError::NotFound)?;
    }
    if !week.is_empty() {
        week.resize(7, None);
        weeks.push(week);
    }
    let prev = first.pred_opt().unwrap_or(first);
    let next = d;
    Ok(MonthPage {
        nav: Nav::of(user.as_ref()),
        year,
        month,
        lunar_year_name: coso_calendar::year_name(coso_calendar::solar_to_lunar(first).map(|l| l.year).unwrap_or(year)),
        weeks,
        prev: (prev.year(), prev.month()),
        next: (next.year(), next.month()),
        announced: holiday_year.announced,
        source: holiday_year.source.clone(),
    })
}
