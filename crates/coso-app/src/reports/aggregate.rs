//! The aggregate view of one occurrence of a report obligation: every target unit with its
//! timing, indicators, score and rank, totals summed up the unit tree, and drill-down. The
//! agencies a plan targets report on an agencies' template: they are read on it, in a section
//! of their own, never summed with the communes' indicators.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use coso_domain::plan::{PeriodKey, Timing, classify};
use coso_domain::report::{Template, rank_for};
use coso_domain::unit::UnitKind;
use coso_domain::unit_path::UnitPath;
use coso_domain::{OccurrenceId, PlanId, TemplateId};
use coso_store::{AggregateRow, UnitRow};
use serde::Serialize;

use crate::{App, Error, Result, stored};

/// How many target units are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    pub on_time: i64,
    pub late: i64,
    pub missing: i64,
    /// Not sent and not yet due.
    pub pending: i64,
}

impl StatusCounts {
    pub fn total(&self) -> i64 {
        self.on_time + self.late + self.missing + self.pending
    }

    fn add(&mut self, t: &Timing) {
        match t {
            Timing::OnTime => self.on_time += 1,
            Timing::Late { .. } => self.late += 1,
            Timing::Missing { .. } => self.missing += 1,
            Timing::Pending => self.pending += 1,
        }
    }

    /// Adds the counts of `o` (another occurrence, or another group of units).
    pub fn merge(&mut self, o: &StatusCounts) {
        self.on_time += o.on_time;
        self.late += o.late;
        self.missing += o.missing;
        self.pending += o.pending;
    }

    /// Share of the counted units that reported on time, in percent.
    pub fn on_time_rate(&self) -> f64 {
        let t = self.total();
        if t == 0 { 0.0 } else { self.on_time as f64 * 100.0 / t as f64 }
    }

    /// "1 đúng hạn, 1 trễ hạn, 1 chưa nộp".
    pub fn words(&self) -> String {
        let mut parts = vec![
            format!("{} đúng hạn", self.on_time),
            format!("{} trễ hạn", self.late),
            format!("{} chưa nộp (quá hạn)", self.missing),
        ];
        if self.pending > 0 {
            parts.push(format!("{} chưa đến hạn", self.pending));
        }
        format!("{} đơn vị: {}", self.total(), parts.join(", "))
    }
}

/// An indicator column.
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub code: String,
    pub label: String,
    pub unit_of_measure: String,
}

/// One row: a target unit, or (when drilling from high up) the sum of the targets below one
/// child of the viewpoint.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub unit_code: String,
    pub unit_name: String,
    /// Number of target units summed in this row (1 for a target unit itself).
    pub target_count: i64,
    /// on_time | late | missing | pending, or `group` for a sum of several.
    pub status: &'static str,
    /// Days late (calendar days) for a late report; days overdue for a missing one.
    pub days: Option<i64>,
    pub status_label: String,
    pub counts: StatusCounts,
    /// Indicator values in column order; `None` when nothing was reported.
    pub values: Vec<Option<f64>>,
    pub score: Option<f64>,
    pub rank: Option<String>,
    pub submission_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AggregateView {
    pub plan_id: i64,
    pub occurrence_id: i64,
    pub period_key: PeriodKey,
    pub due: Option<NaiveDate>,
    pub today: NaiveDate,
    /// The unit the rows are seen from (the issuer, or a unit drilled into).
    pub scope_code: String,
    pub scope_name: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Sums of every column over all rows.
    pub totals: Vec<f64>,
    pub counts: StatusCounts,
    /// Rank label → number of units, in band order, then "Chưa xếp loại".
    pub ranks: Vec<(String, i64)>,
    /// Mean score of the units that reported one.
    pub mean_score: Option<f64>,
    /// The agencies among the targets in scope, read on their template; `None` when there are
    /// none (or the caller did not separate them).
    pub agencies: Option<AgencySection>,
}

/// The agencies of an aggregate view: one row per agency, on the agencies' template.
#[derive(Debug, Clone, Serialize)]
pub struct AgencySection {
    /// The template they report on.
    pub template_code: String,
    pub template_name: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    pub totals: Vec<f64>,
    pub counts: StatusCounts,
    pub ranks: Vec<(String, i64)>,
    pub mean_score: Option<f64>,
}

/// Where the agencies' template of a plan comes from: the plan's report template and the one it
/// chose for its agencies (see [`crate::templates::for_agencies`]).
#[derive(Debug, Clone, Copy)]
pub struct AgencyTemplate {
    pub template_id: TemplateId,
    pub chosen: Option<TemplateId>,
}

impl AggregateView {
    /// Share of target units that reported on time, in percent.
    pub fn on_time_rate(&self) -> f64 {
        self.counts.on_time_rate()
    }
}

fn columns_of(template: &Template) -> Vec<Column> {
    template
        .indicators
        .iter()
        .map(|i| Column { code: i.code.clone(), label: i.label.clone(), unit_of_measure: i.unit_of_measure.clone() })
        .collect()
}

fn sums(rows: &[Row], width: usize) -> (StatusCounts, Vec<f64>) {
    let mut counts = StatusCounts::default();
    let mut totals = vec![0.0; width];
    for r in rows {
        counts.merge(&r.counts);
        for (t, v) in totals.iter_mut().zip(&r.values) {
            *t += v.unwrap_or(0.0);
        }
    }
    (counts, totals)
}

/// Builds the view for `occurrence_id` of `plan_id`, seen from `scope` (a unit at or below
/// the issuer; the caller checked the actor may read it, see [`super::view`]), or from above every
/// target (`None`: one row per target, e.g. a national plan). Every target is read on `template`.
pub async fn aggregate(
    app: &App,
    template: &Template,
    plan_id: PlanId,
    occurrence_id: OccurrenceId,
    scope: Option<&UnitRow>,
    today: NaiveDate,
) -> Result<AggregateView> {
    aggregate_with(app, template, None, plan_id, occurrence_id, scope, today).await
}

/// [`aggregate`], with the agencies among the targets read apart on their template when
/// `agencies` says where it comes from.
pub async fn aggregate_with(
    app: &App,
    template: &Template,
    agencies: Option<AgencyTemplate>,
    plan_id: PlanId,
    occurrence_id: OccurrenceId,
    scope: Option<&UnitRow>,
    today: NaiveDate,
) -> Result<AggregateView> {
    let store = app.store();
    let occ = store.occurrence(occurrence_id).await?.ok_or(Error::NotFound)?;
    if occ.plan_id != plan_id.0 {
        return Err(Error::NotFound);
    }
    let all = store.aggregate(plan_id, occurrence_id).await?;
    let columns = columns_of(template);
    let scope_path = scope.map(UnitRow::unit_path);
    let inside =
        |r: &AggregateRow| scope_path.as_ref().is_none_or(|s| s.contains(&UnitPath::from_stored(r.path.clone())));
    let (agency_rows, rows): (Vec<AggregateRow>, Vec<AggregateRow>) = match agencies {
        Some(_) => all.into_iter().partition(|r| r.kind == UnitKind::Agency && inside(r)),
        None => (Vec::new(), all),
    };
    let agencies = match agencies {
        Some(a) if !agency_rows.is_empty() => {
            let t = crate::templates::for_agencies(app, a.template_id, a.chosen).await?;
            let columns = columns_of(&t);
            let rows =
                agency_rows.iter().map(|r| unit_row(r, &columns, occ.due_date, today)).collect::<Result<Vec<_>>>()?;
            let (counts, totals) = sums(&rows, columns.len());
            let (ranks, mean_score) = rank_distribution(&t, agency_rows.iter());
            Some(AgencySection {
                template_code: t.code.clone(),
                template_name: t.name.clone(),
                columns,
                rows,
                totals,
                counts,
                ranks,
                mean_score,
            })
        }
        _ => None,
    };
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for r in rows.iter().filter(|r| inside(r)) {
        let key = scope_path.as_ref().map_or_else(|| r.path.clone(), |s| group_key(s, r));
        if !groups.contains_key(&key) {
            order.push(key.clone());
        }
        groups.entry(key).or_default().members.push(r);
    }
    let mut out_rows = Vec::with_capacity(order.len());
    for key in &order {
        let g = &groups[key];
        out_rows.push(if g.members.len() == 1 && g.members[0].path == *key {
            unit_row(g.members[0], &columns, occ.due_date, today)?
        } else {
            group_row(app, key, &g.members, &columns, occ.due_date, today).await?
        });
    }
    let (counts, totals) = sums(&out_rows, columns.len());
    let (ranks, mean_score) = rank_distribution(template, rows.iter().filter(|r| inside(r)));
    Ok(AggregateView {
        plan_id: plan_id.0,
        occurrence_id: occurrence_id.0,
        period_key: occ.period_key,
        due: occ.due_date,
        today,
        scope_code: scope.map(|s| s.code.clone()).unwrap_or_default(),
        scope_name: scope.map_or_else(|| "Toàn quốc".to_string(), |s| s.name.clone()),
        columns,
        rows: out_rows,
        totals,
        counts,
        ranks,
        mean_score,
        agencies,
    })
}

#[derive(Default)]
struct Group<'a> {
    members: Vec<&'a AggregateRow>,
}

/// The path of the child of `scope` that holds the row's unit, or the unit's own path when it
/// is a direct child (or the scope itself).
fn group_key(scope: &UnitPath, r: &AggregateRow) -> String {
    let base = scope.as_str();
    let rest = r.path.strip_prefix(base).unwrap_or("");
    match rest.split('/').find(|s| !s.is_empty()) {
        Some(first) if rest.trim_matches('/').contains('/') => format!("{base}{first}/"),
        _ => r.path.clone(),
    }
}

/// The row's value of each column; a unit that has not sent has none.
fn values_of(r: &AggregateRow, columns: &[Column]) -> Result<Vec<Option<f64>>> {
    let parsed: BTreeMap<String, f64> = match r.indicator_values.as_deref() {
        Some(v) => stored::decode_text("submission.indicator_values", v)?,
        None => BTreeMap::new(),
    };
    Ok(columns.iter().map(|c| parsed.get(&c.code).copied()).collect())
}

fn timing_of(r: &AggregateRow, due: Option<NaiveDate>, today: NaiveDate) -> Timing {
    classify(due, r.first_submitted_on, today)
}

fn unit_row(r: &AggregateRow, columns: &[Column], due: Option<NaiveDate>, today: NaiveDate) -> Result<Row> {
    let timing = timing_of(r, due, today);
    let mut counts = StatusCounts::default();
    counts.add(&timing);
    let (status, days) = match timing {
        Timing::OnTime => ("on_time", None),
        Timing::Late { days } => ("late", Some(days)),
        Timing::Missing { overdue_days } => ("missing", overdue_days),
        Timing::Pending => ("pending", None),
    };
    Ok(Row {
        unit_code: r.code.clone(),
        unit_name: r.name.clone(),
        target_count: 1,
        status,
        days,
        status_label: timing.label(),
        counts,
        values: values_of(r, columns)?,
        score: r.score,
        rank: r.rank.clone(),
        submission_id: r.submission_id,
    })
}

async fn group_row(
    app: &App,
    path: &str,
    members: &[&AggregateRow],
    columns: &[Column],
    due: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Row> {
    let id: i64 = path.trim_end_matches('/').rsplit('/').next().and_then(|s| s.parse().ok()).ok_or(Error::NotFound)?;
    let unit = app.store().unit_by_id(coso_domain::UnitId(id)).await?.ok_or(Error::NotFound)?;
    let mut counts = StatusCounts::default();
    let mut values = vec![None; columns.len()];
    for m in members {
        counts.add(&timing_of(m, due, today));
        for (acc, v) in values.iter_mut().zip(values_of(m, columns)?) {
            if let Some(v) = v {
                *acc = Some(acc.unwrap_or(0.0) + v);
            }
        }
    }
    let scored: Vec<f64> = members.iter().filter_map(|m| m.score).collect();
    let mean = (!scored.is_empty()).then(|| scored.iter().sum::<f64>() / scored.len() as f64);
    Ok(Row {
        unit_code: unit.code,
        unit_name: unit.name,
        target_count: members.len() as i64,
        status: "group",
        days: None,
        status_label: format!("{}/{} đúng hạn", counts.on_time, counts.total()),
        counts,
        values,
        score: mean,
        rank: None,
        submission_id: None,
    })
}

fn rank_distribution<'a>(
    template: &Template,
    rows: impl Iterator<Item = &'a AggregateRow>,
) -> (Vec<(String, i64)>, Option<f64>) {
    let mut out: Vec<(String, i64)> = template.rank_bands.iter().map(|b| (b.rank.clone(), 0)).collect();
    let mut unranked = 0;
    let (mut sum, mut n) = (0.0, 0usize);
    for r in rows {
        if let Some(s) = r.score {
            sum += s;
            n += 1;
        }
        let rank =
            r.rank.clone().or_else(|| r.score.and_then(|s| rank_for(s, &template.rank_bands).map(str::to_string)));
        match rank.and_then(|k| out.iter_mut().find(|(name, _)| *name == k)) {
            Some(slot) => slot.1 += 1,
            None => unranked += 1,
        }
    }
    out.push(("Chưa xếp loại".to_string(), unranked));
    (out, (n > 0).then(|| sum / n as f64))
}

/// How many targets of `plan_id` are on time, late, missing or not yet due for one occurrence.
pub async fn occurrence_counts(
    app: &App,
    plan_id: PlanId,
    occurrence_id: OccurrenceId,
    due: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<StatusCounts> {
    let rows = app.store().aggregate(plan_id, occurrence_id).await?;
    let mut counts = StatusCounts::default();
    for r in &rows {
        counts.add(&timing_of(r, due, today));
    }
    Ok(counts)
}
