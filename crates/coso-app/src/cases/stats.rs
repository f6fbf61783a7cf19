//! Statistics of the cases of a unit's subtree received in a period, per kind: received,
//! accepted, resolved on time or late, open and overdue. One aggregate query.

use chrono::NaiveDate;
use coso_domain::authz::Action;
use coso_domain::case::CaseKind;
use coso_store::UnitRow;
use serde::Serialize;

use crate::{Actor, App, Error, Result};

/// The figures of one kind of case.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct KindStats {
    pub kind: String,
    pub label: String,
    pub received: i64,
    pub accepted: i64,
    pub resolved_on_time: i64,
    pub resolved_late: i64,
    pub open_overdue: i64,
    pub open: i64,
}

/// The statistics of a unit's subtree for a period.
#[derive(Debug, Clone, Serialize)]
pub struct CaseStats {
    pub unit_code: String,
    pub unit_name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// One line per kind, every kind present (zeros when none).
    pub kinds: Vec<KindStats>,
}

/// The statistics of `unit` and below for cases received from `from` to `to`, for those who
/// handle the unit's cases.
pub async fn stats(app: &App, actor: &Actor, unit: &UnitRow, from: NaiveDate, to: NaiveDate) -> Result<CaseStats> {
    actor.authorize(&unit.unit_path(), Action::HandleCases)?;
    if from > to {
        return Err(Error::field("from", "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."));
    }
    let counts = app.store().case_counts(unit, from, to, app.today()).await?;
    let kinds = CaseKind::ALL
        .into_iter()
        .map(|kind| {
            let c = counts.iter().find(|c| c.kind == kind.as_str()).cloned().unwrap_or_default();
            KindStats {
                kind: kind.as_str().to_string(),
                label: kind.label().to_string(),
                received: c.received,
                accepted: c.accepted,
                resolved_on_time: c.resolved_on_time,
                resolved_late: c.resolved_late,
                open_overdue: c.open_overdue,
                open: c.open,
            }
        })
        .collect();
    Ok(CaseStats { unit_code: unit.code.clone(), unit_name: unit.name.clone(), from, to, kinds })
}
