//! The pictures of an aggregate view, each with the table it was drawn from.

use coso_export::charts::{BarOptions, bar_chart, line_chart, stacked_share};
use coso_export::format_vn_number;

use super::aggregate::AggregateView;

/// An SVG and its data as label/value lines.
#[derive(Debug, Clone)]
pub struct ChartWithTable {
    pub title: String,
    pub svg: String,
    pub table: Vec<(String, String)>,
}

/// On time / late / missing / not yet due, as one 100 % bar.
pub fn timeliness(view: &AggregateView) -> ChartWithTable {
    let c = view.counts;
    let parts = [
        ("Đúng hạn", c.on_time as u64, "on-time"),
        ("Trễ hạn", c.late as u64, "late"),
        ("Chưa nộp, quá hạn", c.missing as u64, "missing"),
        ("Chưa đến hạn", c.pending as u64, "pending"),
    ];
    let title = format!("Tỷ lệ nộp đúng hạn: {}%", format_vn_number(view.on_time_rate(), 1));
    ChartWithTable {
        svg: stacked_share(&title, &parts),
        table: parts.iter().map(|(l, n, _)| (l.to_string(), format_vn_number(*n as f64, 0))).collect(),
        title,
    }
}

/// How many units got each rank.
pub fn ranks(view: &AggregateView) -> ChartWithTable {
    let title = "Phân bố xếp loại".to_string();
    let data: Vec<(String, f64)> = view.ranks.iter().map(|(r, n)| (r.clone(), *n as f64)).collect();
    ChartWithTable {
        svg: bar_chart(&title, &data, &BarOptions { suffix: " đơn vị".into(), ..Default::default() }),
        table: view.ranks.iter().map(|(r, n)| (r.clone(), format_vn_number(*n as f64, 0))).collect(),
        title,
    }
}

/// Whether the period's reports were due by the view's today: a period not yet due has no
/// total to show (its zeros would read as a collapse).
fn is_due(view: &AggregateView) -> bool {
    view.due.is_none_or(|due| due <= view.today)
}

/// Totals of the first indicators across the periods of the plan (one view per period). A
/// period not yet due has no point, not a zero.
pub fn trends(periods: &[(String, &AggregateView)], max_series: usize) -> Option<ChartWithTable> {
    let first = periods.first()?.1;
    if periods.len() < 2 || first.columns.is_empty() {
        return None;
    }
    let labels: Vec<String> = periods.iter().map(|(l, _)| l.clone()).collect();
    let series: Vec<(String, Vec<Option<f64>>)> = first
        .columns
        .iter()
        .enumerate()
        .take(max_series)
        .map(|(i, c)| {
            let values = periods.iter().map(|(_, v)| v.totals.get(i).copied().filter(|_| is_due(v))).collect();
            (c.label.clone(), values)
        })
        .collect();
    let title = "Diễn biến số liệu qua các kỳ".to_string();
    let mut table = Vec::new();
    for (name, values) in &series {
        let line = values
            .iter()
            .zip(periods)
            .map(|(v, (_, view))| match v {
                Some(x) => format_vn_number(*x, 0),
                None if !is_due(view) => "chưa đến hạn".into(),
                None => "–".into(),
            })
            .collect::<Vec<_>>()
            .join(" → ");
        table.push((name.clone(), line));
    }
    Some(ChartWithTable { svg: line_chart(&title, &labels, &series), table, title })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::reports::aggregate::{Column, StatusCounts};

    fn period(key: &str, due: (i32, u32, u32), total: f64) -> AggregateView {
        let date = |(y, m, d): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        AggregateView {
            plan_id: 1,
            occurrence_id: 1,
            period_key: key.parse().expect("a period key"),
            due: Some(date(due)),
            today: date((2026, 12, 5)),
            scope_code: "42".into(),
            scope_name: "Hà Tĩnh".into(),
            columns: vec![Column {
                code: "hoi_nghi".into(), label: "Hội nghị".into(), unit_of_measure: "cuộc".into()
            }],
            rows: Vec::new(),
            totals: vec![total],
            counts: StatusCounts { on_time: 3, late: 0, missing: 0, pending: 0 },
            ranks: Vec::new(),
            mean_score: None,
            agencies: None,
        }
    }

    #[test]
    fn a_period_not_yet_due_has_no_point() {
        let first = period("2026-H1", (2026, 6, 20), 677.0);
        let second = period("2026", (2026, 12, 20), 0.0);
        let chart = trends(&[("6 tháng đầu năm".into(), &first), ("Cả năm".into(), &second)], 4).expect("a chart");
        assert_eq!(chart.table, vec![("Hội nghị".to_string(), "677 → chưa đến hạn".to_string())]);
        assert_eq!(chart.svg.matches("<circle").count(), 1, "one point: {}", chart.svg);
        assert!(!chart.svg.contains("coso-line coso-series-0\" d="), "no line down to zero");
    }
}
