//! What Open311 GeoReport v2 (<http://wiki.open311.org/GeoReport_v2>) reads: a jurisdiction's
//! services (the unit's categories of petitions) and its service requests (petitions only).
//! A request shows its place, description and photo link only when the sender agreed to
//! publish the petition; it never shows who sent it.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use coso_domain::FieldError;
use coso_domain::case::TrackingCode;
use coso_store::{CaseCategoryRow, Open311Filter, Open311Row, UnitRow};

use crate::{App, Error, Result};

/// Requests a list gives at most (the specification's figure).
pub const MAX_REQUESTS: i64 = 1000;
/// Without dates or ids, a list covers this many days back (the specification's figure).
const DEFAULT_DAYS: i64 = 90;

/// The filters of `GET requests.json` as sent.
#[derive(Debug, Clone, Default)]
pub struct RequestQuery {
    pub jurisdiction_id: Option<String>,
    /// A comma-separated list of tracking codes.
    pub service_request_id: Option<String>,
    pub service_code: Option<String>,
    /// `open` or `closed`.
    pub status: Option<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
}

/// A unit (the jurisdiction) by its code; the field is named as the specification names it.
pub async fn jurisdiction(app: &App, code: Option<&str>) -> Result<UnitRow> {
    let Some(code) = code.map(str::trim).filter(|c| !c.is_empty()) else {
        return Err(Error::Validation(vec![FieldError::new(
            "jurisdiction_id",
            "Thiếu jurisdiction_id: mã của đơn vị hành chính nhận phản ánh.",
        )]));
    };
    app.store().unit_by_code(code).await?.ok_or_else(|| {
        Error::Validation(vec![FieldError::new("jurisdiction_id", format!("Không có đơn vị mã «{code}»."))])
    })
}

/// The services of a jurisdiction: its categories of petitions.
pub async fn services(app: &App, code: Option<&str>) -> Result<(UnitRow, Vec<CaseCategoryRow>)> {
    let unit = jurisdiction(app, code).await?;
    let categories = app.store().case_categories(unit.unit_id()).await?;
    Ok((unit, categories))
}

/// A w3c date-time (`2026-12-05T08:00:00+07:00`) or a date (`2026-12-05`, the start of that
/// day in Vietnam; for an end date, its end).
fn instant(field: &'static str, raw: Option<&str>, end: bool) -> Result<Option<DateTime<Utc>>, FieldError> {
    let Some(raw) = raw.map(str::trim).filter(|r| !r.is_empty()) else { return Ok(None) };
    if let Ok(t) = DateTime::parse_from_rfc3339(raw) {
        return Ok(Some(t.with_timezone(&Utc)));
    }
    if let Ok(d) = NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        let day = if end { d.succ_opt().unwrap_or(d) } else { d };
        let start = day.and_hms_opt(0, 0, 0).map(|t| t.and_utc() - Duration::hours(7));
        return Ok(start.map(|t| if end { t - Duration::seconds(1) } else { t }));
    }
    Err(FieldError::new(
        field,
        format!("{field} «{raw}» không phải là thời điểm theo ISO 8601 (ví dụ 2026-12-05T08:00:00+07:00)."),
    ))
}

/// The petitions a `GET requests.json` asks for, newest first.
pub async fn requests(app: &App, q: &RequestQuery) -> Result<Vec<Open311Row>> {
    let unit = match q.jurisdiction_id.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(code) => Some(jurisdiction(app, Some(code)).await?),
        None => None,
    };
    let mut errors = Vec::new();
    let open = match q.status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some("open") => Some(true),
        Some("closed") => Some(false),
        Some(other) => {
            errors
                .push(FieldError::new("status", format!("status «{other}» không hợp lệ: chỉ nhận open hoặc closed.")));
            None
        }
    };
    let from = instant("start_date", q.start_date.as_deref(), false).map_err(|e| errors.push(e)).ok().flatten();
    let to = instant("end_date", q.end_date.as_deref(), true).map_err(|e| errors.push(e)).ok().flatten();
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let typed: Vec<&str> =
        q.service_request_id.as_deref().unwrap_or("").split(',').map(str::trim).filter(|c| !c.is_empty()).collect();
    let codes: Vec<String> = typed.iter().filter_map(|c| c.parse::<TrackingCode>().ok()).map(|c| c.display()).collect();
    if !typed.is_empty() && codes.is_empty() {
        return Ok(vec![]);
    }
    let from = match (from, to, codes.is_empty()) {
        (None, None, true) => Some(app.now() - Duration::days(DEFAULT_DAYS)),
        _ => from,
    };
    let filter = Open311Filter {
        codes: codes.into_iter().take(usize::try_from(MAX_REQUESTS).unwrap_or(1000)).collect(),
        unit_id: unit.map(|u| u.id),
        category: q.service_code.as_deref().map(str::trim).filter(|c| !c.is_empty()).map(str::to_string),
        open,
        from,
        to,
        limit: MAX_REQUESTS,
    };
    Ok(app.store().open311_requests(&filter).await?)
}

/// One request by its code; not found for a malformed or unknown code.
pub async fn request(app: &App, id: &str) -> Result<Open311Row> {
    let code: TrackingCode = id.parse().map_err(|_| Error::NotFound)?;
    let filter = Open311Filter { codes: vec![code.display()], limit: 1, ..Default::default() };
    app.store().open311_requests(&filter).await?.into_iter().next().ok_or(Error::NotFound)
}
