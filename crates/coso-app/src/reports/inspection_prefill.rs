//! The `inspections` indicator of a report, filled from the inspections the unit's subtree
//! carried out in the report's period (under way, concluded or closed). Shown as the form's
//! first value; the official can still edit it.

use std::collections::BTreeMap;

use coso_domain::inspection::counts_inspections;
use coso_domain::plan::PeriodKey;
use coso_domain::report::{Template, period_dates};
use coso_store::UnitRow;

use crate::{App, Result};

/// Indicator code → count, for the indicators of `template` filled from the inspections held.
pub async fn inspection_indicators(
    app: &App,
    template: &Template,
    unit: &UnitRow,
    period: PeriodKey,
) -> Result<BTreeMap<String, i64>> {
    let wanted: Vec<&str> =
        template.indicators.iter().filter(|i| counts_inspections(i)).map(|i| i.code.as_str()).collect();
    let Some((from, to)) = period_dates(period).filter(|_| !wanted.is_empty()) else {
        return Ok(BTreeMap::new());
    };
    let n = crate::inspections::held_count(app, unit, from, to).await?;
    Ok(wanted.into_iter().map(|code| (code.to_string(), n)).collect())
}
