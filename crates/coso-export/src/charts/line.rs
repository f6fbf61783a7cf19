//! Lines: indicators over periods, one line per series, gaps where a period has no value.

use super::format_vn_number;
use super::palette;
use super::scale::{Linear, drawable};
use super::svg::{CHAR_W, PAD, Svg, chars, fit, no_data, px};

const WIDTH: f64 = super::DRAWN_WIDTH;
const PLOT_H: f64 = 220.0;
const LEGEND_Y: f64 = 40.0;
const LEGEND_LINE: f64 = 20.0;
const X_LABEL_CHARS: usize = 14;

/// One line per series over `x_labels` (periods, in order). `None`, NaN and infinite values
/// leave a gap; values past the last label are ignored. Each point has a tooltip
/// "series — period: value". The y scale starts at zero (or below, for negative values), so
/// that a small change does not look like a large one.
pub fn line_chart<X: AsRef<str>, N: AsRef<str>>(
    title: &str,
    x_labels: &[X],
    series: &[(N, Vec<Option<f64>>)],
) -> String {
    let n = x_labels.len();
    let finite = |s: &Vec<Option<f64>>| s.iter().take(n).filter_map(|v| v.and_then(drawable)).collect::<Vec<_>>();
    if n == 0 || series.iter().all(|(_, s)| finite(s).is_empty()) {
        return no_data("line", title);
    }

    let legend_rows = legend_layout(series.iter().map(|(name, _)| name.as_ref()));
    let rows = legend_rows.iter().map(|(_, row)| row + 1).max().unwrap_or(0);
    let top = LEGEND_Y + rows as f64 * LEGEND_LINE + 8.0;
    let bottom = top + PLOT_H;
    let height = bottom + 36.0;

    let mut y_scale = Linear::new(series.iter().flat_map(|(_, s)| finite(s)), bottom, top);
    let (ticks, decimals) = y_scale.nice(5);
    let tick_labels: Vec<String> = ticks.iter().map(|t| format_vn_number(*t, decimals)).collect();
    let label_w =
        x_labels.iter().map(|l| chars(l.as_ref()).min(X_LABEL_CHARS)).max().unwrap_or(1) as f64 * CHAR_W + 8.0;
    // Room for the tick labels on the left, and for half a period label at both ends.
    let left =
        (PAD + tick_labels.iter().map(|t| chars(t)).max().unwrap_or(1) as f64 * CHAR_W + 8.0).max(PAD + label_w / 2.0);
    let right = WIDTH - PAD - (label_w / 2.0).max(12.0);
    let x_at = |i: usize| {
        if n == 1 { (left + right) / 2.0 } else { left + i as f64 * (right - left) / (n - 1) as f64 }
    };

    let desc = format!("Biểu đồ đường, {} chỉ tiêu qua {n} kỳ; số liệu ở bảng kèm theo.", series.len());
    let mut svg = Svg::start("line", title, &desc, WIDTH, height);

    for (i, ((name, _), (x, row))) in series.iter().zip(&legend_rows).enumerate() {
        let y = LEGEND_Y + *row as f64 * LEGEND_LINE;
        let colour = palette::series(i);
        svg.empty(
            "line",
            &[
                ("class", &format!("coso-line coso-series-{i}")),
                ("x1", &px(*x)),
                ("x2", &px(x + 18.0)),
                ("y1", &px(y - 4.0)),
                ("y2", &px(y - 4.0)),
                ("stroke", colour),
                ("stroke-width", "3"),
            ],
        );
        svg.element("text", &[("x", &px(x + 24.0)), ("y", &px(y)), ("fill", palette::INK)], &fit(name.as_ref(), 30).0);
    }

    for (tick, label) in ticks.iter().zip(&tick_labels) {
        let y = px(y_scale.at(*tick));
        let class = if *tick == 0.0 { "coso-axis" } else { "coso-grid" };
        let stroke = if *tick == 0.0 { palette::MUTED } else { palette::GRID };
        svg.empty(
            "line",
            &[("class", class), ("x1", &px(left)), ("x2", &px(right)), ("y1", &y), ("y2", &y), ("stroke", stroke)],
        );
        svg.element(
            "text",
            &[
                ("x", &px(left - 6.0)),
                ("y", &px(y_scale.at(*tick) + 4.0)),
                ("text-anchor", "end"),
                ("fill", palette::MUTED),
            ],
            label,
        );
    }

    // Show every k-th period label so that neighbours never overlap.
    let every = if n > 1 { (label_w / ((right - left) / (n - 1) as f64)).ceil().max(1.0) as usize } else { 1 };
    for (i, label) in x_labels.iter().enumerate().filter(|(i, _)| i % every == 0) {
        svg.element(
            "text",
            &[("x", &px(x_at(i))), ("y", &px(bottom + 20.0)), ("text-anchor", "middle"), ("fill", palette::MUTED)],
            &fit(label.as_ref(), X_LABEL_CHARS).0,
        );
    }

    for (i, (name, values)) in series.iter().enumerate() {
        let colour = palette::series(i);
        let class = format!("coso-series-{i}");
        let points: Vec<(usize, f64, f64)> = values
            .iter()
            .take(n)
            .enumerate()
            .filter_map(|(j, v)| v.and_then(|v| drawable(v).map(|d| (j, v, d))))
            .collect();
        let mut path = String::new();
        let mut previous: Option<usize> = None;
        for (j, _, d) in &points {
            let step = if previous == Some(j.wrapping_sub(1)) { 'L' } else { 'M' };
            path.push_str(&format!("{step}{} {} ", px(x_at(*j)), px(y_scale.at(*d))));
            previous = Some(*j);
        }
        svg.open("g", &[("class", &format!("coso-series {class}"))]);
        if points.len() > 1 {
            svg.empty(
                "path",
                &[
                    ("class", &format!("coso-line {class}")),
                    ("d", path.trim_end()),
                    ("fill", "none"),
                    ("stroke", colour),
                    ("stroke-width", "2.5"),
                    ("stroke-linejoin", "round"),
                ],
            );
        }
        for (j, v, d) in &points {
            svg.open(
                "circle",
                &[
                    ("class", &format!("coso-point {class}")),
                    ("cx", &px(x_at(*j))),
                    ("cy", &px(y_scale.at(*d))),
                    ("r", "3.5"),
                    ("fill", colour),
                ],
            );
            let tip = format!(
                "{} — {}: {}",
                coso_text::nfc(name.as_ref()),
                coso_text::nfc(x_labels[*j].as_ref()),
                format_vn_number(*v, decimals.max(1))
            );
            svg.element("title", &[], &tip);
            svg.close("circle");
        }
        svg.close("g");
    }
    svg.finish()
}

/// Where each legend entry goes: its x and its row, wrapping at the chart width.
fn legend_layout<'a>(names: impl Iterator<Item = &'a str>) -> Vec<(f64, usize)> {
    let mut out = Vec::new();
    let (mut x, mut row) = (PAD, 0);
    for name in names {
        let w = 24.0 + chars(name).min(30) as f64 * CHAR_W + 16.0;
        if x > PAD && x + w > WIDTH - PAD {
            x = PAD;
            row += 1;
        }
        out.push((x, row));
        x += w;
    }
    out
}
