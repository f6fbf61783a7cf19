//! The `trainings` indicator of a report, filled from the unit's log of trainings: the
//! gatherings its subtree held in the report's period. Shown as the form's first value; the
//! official can still edit it.

use std::collections::BTreeMap;

use coso_domain::dissemination::counts_trainings;
use coso_domain::plan::PeriodKey;
use coso_domain::report::{Template, period_dates};
use coso_store::UnitRow;

use crate::{App, Result};

/// Indicator code → count, for the indicators of `template` filled from the trainings log.
pub async fn training_indicators(
    app: &App,
    template: &Template,
    unit: &UnitRow,
    period: PeriodKey,
) -> Result<BTreeMap<String, i64>> {
    let wanted: Vec<&str> =
        template.indicators.iter().filter(|i| counts_trainings(i)).map(|i| i.code.as_str()).collect();
    let Some((from, to)) = period_dates(period).filter(|_| !wanted.is_empty()) else {
        return Ok(BTreeMap::new());
    };
    let n = crate::dissemination::trainings::gatherings(app, unit, from, to).await?;
    Ok(wanted.into_iter().map(|code| (code.to_string(), n)).collect())
}
