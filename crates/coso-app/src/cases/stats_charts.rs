//! The pictures of the statistics of cases, each with the table it was drawn from (the
//! accessible SVG charts of `coso-export`): cases per kind, how they were resolved, the
//! ratings, the categories and the units with most cases.

use coso_export::charts::{BarOptions, bar_chart, stacked_share};
use coso_export::format_vn_number;

use super::stats::{CaseStats, HotSpot};
use crate::reports::charts::ChartWithTable;

fn count(n: i64) -> String {
    format_vn_number(n as f64, 0)
}

fn bars(title: &str, data: Vec<(String, i64)>, suffix: &str) -> ChartWithTable {
    let values: Vec<(String, f64)> = data.iter().map(|(l, n)| (l.clone(), *n as f64)).collect();
    ChartWithTable {
        svg: bar_chart(title, &values, &BarOptions { suffix: suffix.into(), ..Default::default() }),
        table: data.into_iter().map(|(l, n)| (l, count(n))).collect(),
        title: title.to_string(),
    }
}

/// Received per kind: complaints and denunciations apart.
pub fn per_kind(stats: &CaseStats) -> ChartWithTable {
    bars("Số đơn tiếp nhận theo loại", stats.kinds.iter().map(|k| (k.label.clone(), k.received)).collect(), " đơn")
}

/// What became of the cases received: resolved on time, late, open and overdue, open in time.
pub fn resolution(stats: &CaseStats) -> ChartWithTable {
    let sum = |f: fn(&super::KindStats) -> i64| stats.kinds.iter().map(f).sum::<i64>();
    let (on_time, late, overdue, open) =
        (sum(|k| k.resolved_on_time), sum(|k| k.resolved_late), sum(|k| k.open_overdue), sum(|k| k.open));
    let parts = [
        ("Giải quyết đúng hạn", on_time.max(0) as u64, "on-time"),
        ("Giải quyết trễ hạn", late.max(0) as u64, "late"),
        ("Quá hạn, chưa giải quyết", overdue.max(0) as u64, "missing"),
        ("Đang giải quyết, trong hạn", (open - overdue).max(0) as u64, "pending"),
    ];
    let title = "Kết quả giải quyết".to_string();
    ChartWithTable {
        svg: stacked_share(&title, &parts),
        table: parts.iter().map(|(l, n, _)| (l.to_string(), format_vn_number(*n as f64, 0))).collect(),
        title,
    }
}

/// How many answers got each rating, with the average in the title.
pub fn satisfaction(stats: &CaseStats) -> ChartWithTable {
    let s = &stats.satisfaction;
    let title = match s.average {
        Some(avg) => format!("Mức độ hài lòng: {} / 5 ({} lượt đánh giá)", format_vn_number(avg, 1), count(s.rated)),
        None => "Mức độ hài lòng: chưa có đánh giá".to_string(),
    };
    let data = s.distribution.iter().enumerate().map(|(i, n)| (format!("{} sao", i + 1), *n)).collect();
    bars(&title, data, " lượt")
}

fn spots(title: &str, spots: &[HotSpot]) -> ChartWithTable {
    let data = spots
        .iter()
        .map(|h| {
            let crowded =
                if h.crowded > 0 { format!(" ({} đông người)", count(h.crowded)) } else { String::new() };
            (format!("{}{crowded}", h.name), h.cases)
        })
        .collect();
    bars(title, data, " đơn")
}

/// The categories with most cases.
pub fn hot_categories(stats: &CaseStats) -> ChartWithTable {
    spots("Lĩnh vực có nhiều đơn", &stats.hot_categories)
}

/// The units (villages, communes) with most cases.
pub fn hot_places(stats: &CaseStats) -> ChartWithTable {
    spots("Địa bàn có nhiều đơn", &stats.hot_places)
}

/// Every chart of the page, in order.
pub fn stats_charts(stats: &CaseStats) -> Vec<ChartWithTable> {
    vec![per_kind(stats), resolution(stats), satisfaction(stats), hot_categories(stats), hot_places(stats)]
}
