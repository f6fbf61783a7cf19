//! The `community_meetings` and `household_ballots` indicators of a report, filled from the
//! community decisions of the unit's subtree in the report's period: the meetings held (with
//! their result) and the household ballots issued. Shown as the form's first value; the
//! official can still edit it.

use std::collections::BTreeMap;

use coso_domain::decision::report::counted_form;
use coso_domain::plan::PeriodKey;
use coso_domain::report::{Template, period_dates};
use coso_store::UnitRow;

use crate::{App, Result};

/// Indicator code → count, for the indicators of `template` filled from the decisions.
pub async fn decision_indicators(
    app: &App,
    template: &Template,
    unit: &UnitRow,
    period: PeriodKey,
) -> Result<BTreeMap<String, i64>> {
    let wanted: Vec<_> =
        template.indicators.iter().filter_map(|i| counted_form(i).map(|form| (i.code.clone(), form))).collect();
    let Some((from, to)) = period_dates(period).filter(|_| !wanted.is_empty()) else {
        return Ok(BTreeMap::new());
    };
    let mut counts = BTreeMap::new();
    for (code, form) in wanted {
        counts.insert(code, app.store().decisions_held(unit, form, from, to).await?);
    }
    Ok(counts)
}
