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

/// Totals of the first indicators across the periods of the plan (one view per period).
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
        .map(|(i, c)| (c.label.clone(), periods.iter().map(|(_, v)| v.totals.get(i).copied()).collect()))
        .collect();
    let title = "Diễn biến số liệu qua các kỳ".to_string();
    let mut table = Vec::new();
    for (name, values) in &series {
        let line =
            values.iter().map(|v| v.map_or("–".into(), |x| format_vn_number(x, 0))).collect::<Vec<_>>().join(" → ");
        table.push((name.clone(), line));
    }
    Some(ChartWithTable { svg: line_chart(&title, &labels, &series), table, title })
}
