//! The counts of citizen cases that fill a report's indicators: for each indicator whose
//! `source` names cases (petitions, complaints, denunciations — see
//! `coso_domain::report::case_sources`), the cases of the reporting unit's subtree received in
//! the report's period. Shown as the form's first values; the official can still edit them.

use std::collections::BTreeMap;

use coso_domain::plan::PeriodKey;
use coso_domain::report::{CaseFigure, Template, case_source, period_dates};
use coso_store::UnitRow;

use crate::{App, Result};

/// Indicator code → count, for the indicators of `template` that count cases; empty for a
/// one-off report or a template without such indicators. Overdue is counted as of the end of
/// the period, or today while it runs.
pub async fn case_indicators(
    app: &App,
    template: &Template,
    unit: &UnitRow,
    period: PeriodKey,
) -> Result<BTreeMap<String, i64>> {
    let wanted: Vec<_> = template
        .indicators
        .iter()
        .filter_map(|i| case_source(i.source.as_deref()?).map(|(kinds, figure)| (i.code.clone(), kinds, figure)))
        .collect();
    let Some((from, to)) = period_dates(period).filter(|_| !wanted.is_empty()) else {
        return Ok(BTreeMap::new());
    };
    let counts = app.store().case_counts(unit, from, to, app.today().min(to)).await?;
    Ok(wanted
        .into_iter()
        .map(|(code, kinds, figure)| {
            let total = counts
                .iter()
                .filter(|c| kinds.iter().any(|k| k.as_str() == c.kind))
                .map(|c| match figure {
                    CaseFigure::Received => c.received,
                    CaseFigure::ResolvedOnTime => c.resolved_on_time,
                    CaseFigure::Overdue => c.open_overdue,
                })
                .sum();
            (code, total)
        })
        .collect())
}
