//! The counts of citizen cases that fill a report's indicators: for each indicator whose
//! `source` names cases (petitions, complaints, denunciations — see
//! `coso_domain::report::case_sources`), the cases of the reporting unit's subtree received in
//! the report's period. Shown as the form's first values; the official can still edit them.
//! Indicators whose source is `disclosures` get the number of disclosures the unit's subtree
//! first published in the period, from the disclosure register — when it holds some: a unit
//! that does not keep its register in coso is not told it disclosed nothing.

use std::collections::BTreeMap;

use coso_domain::plan::PeriodKey;
use coso_domain::report::{CaseFigure, Template, case_source, period_dates};
use coso_store::UnitRow;

use crate::{App, Result};

/// The indicator source counted from the disclosure register.
pub const DISCLOSURE_SOURCE: &str = "disclosures";

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
    let disclosures: Vec<String> = template
        .indicators
        .iter()
        .filter(|i| i.source.as_deref() == Some(DISCLOSURE_SOURCE))
        .map(|i| i.code.clone())
        .collect();
    let Some((from, to)) = period_dates(period).filter(|_| !wanted.is_empty() || !disclosures.is_empty()) else {
        return Ok(BTreeMap::new());
    };
    let mut filled = BTreeMap::new();
    if !disclosures.is_empty() {
        let count = app.store().disclosure_count(unit, from, to).await?;
        if count > 0 {
            filled.extend(disclosures.into_iter().map(|code| (code, count)));
        }
    }
    if wanted.is_empty() {
        return Ok(filled);
    }
    let counts = app.store().case_counts(unit, from, to, app.today().min(to)).await?;
    filled.extend(wanted.into_iter().map(|(code, kinds, figure)| {
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
    }));
    Ok(filled)
}
