//! Horizontal bars: one row per unit, long Vietnamese names on the left, values on the right.

use super::DRAWN_WIDTH;
use super::format_vn_number;
use super::palette;
use super::scale::{Linear, drawable};
use super::svg::{CHAR_W, PAD, Svg, chars, fit, no_data, px};

const TOP: f64 = 44.0;
const ROW: f64 = 26.0;
const BAR: f64 = 18.0;

#[derive(Debug, Clone, PartialEq)]
pub struct BarOptions {
    /// Decimals of the value labels.
    pub decimals: usize,
    /// Appended to value labels, e.g. `"%"` or `" ngày"`.
    pub suffix: String,
    /// The end of the scale when it should not be the largest value, e.g. `100.0` for rates.
    pub max: Option<f64>,
    /// viewBox width; the chart scales to its container anyway. Kept within 320–2000.
    pub width: f64,
}

impl Default for BarOptions {
    fn default() -> Self {
        Self { decimals: 0, suffix: String::new(), max: None, width: DRAWN_WIDTH }
    }
}

/// Horizontal bars with value labels, in the order given. A label too long for the label
/// column is shortened with "…" and given whole in the bar's tooltip. A NaN or infinite value
/// gets no bar and "–" as its label; negative values extend left of a zero line.
pub fn bar_chart<L: AsRef<str>>(title: &str, data: &[(L, f64)], options: &BarOptions) -> String {
    if data.is_empty() {
        return no_data("bar", title);
    }
    let width = if options.width.is_finite() { options.width.clamp(320.0, 2000.0) } else { DRAWN_WIDTH };
    let value_label = |v: f64| {
        if v.is_finite() {
            format!("{}{}", format_vn_number(v, options.decimals), options.suffix)
        } else {
            "–".to_owned()
        }
    };

    let longest = data.iter().map(|(l, _)| chars(l.as_ref())).max().unwrap_or(0);
    let label_w = (longest as f64 * CHAR_W + 8.0).min(width * 0.42);
    let label_chars = ((label_w - 8.0) / CHAR_W) as usize;
    let value_w = data.iter().map(|(_, v)| chars(&value_label(*v))).max().unwrap_or(0) as f64 * CHAR_W + 8.0;
    let x0 = PAD + label_w;
    let x1 = (width - PAD - value_w).max(x0 + 40.0);
    let extra = options.max.and_then(drawable);
    let scale = Linear::new(data.iter().filter_map(|(_, v)| drawable(*v)).chain(extra), x0, x1);
    let zero = scale.at(0.0);

    let height = TOP + data.len() as f64 * ROW + PAD;
    let desc = format!("Biểu đồ thanh ngang, {} mục; số liệu ở bảng kèm theo.", data.len());
    let mut svg = Svg::start("bar", title, &desc, width, height);
    for (i, (label, value)) in data.iter().enumerate() {
        let label = label.as_ref();
        let y = TOP + i as f64 * ROW;
        let text_y = px(y + BAR / 2.0 + 4.5);
        svg.open("g", &[("class", "coso-bar-row")]);
        svg.element("title", &[], &format!("{}: {}", coso_text::nfc(label), value_label(*value)));
        let (shown, _) = fit(label, label_chars);
        svg.element(
            "text",
            &[("x", &px(x0 - 8.0)), ("y", &text_y), ("text-anchor", "end"), ("fill", palette::INK)],
            &shown,
        );
        let mut end = zero;
        if let Some(v) = drawable(*value) {
            let at = scale.at(v);
            end = end.max(at);
            svg.empty(
                "rect",
                &[
                    ("class", "coso-bar"),
                    ("x", &px(at.min(zero))),
                    ("y", &px(y)),
                    ("width", &px((at - zero).abs())),
                    ("height", &px(BAR)),
                    ("fill", palette::BAR),
                ],
            );
        }
        svg.element(
            "text",
            &[("class", "coso-bar-value"), ("x", &px(end + 4.0)), ("y", &text_y), ("fill", palette::INK)],
            &value_label(*value),
        );
        svg.close("g");
    }
    svg.empty(
        "line",
        &[
            ("class", "coso-axis"),
            ("x1", &px(zero)),
            ("x2", &px(zero)),
            ("y1", &px(TOP - 4.0)),
            ("y2", &px(height - PAD + 4.0)),
            ("stroke", palette::MUTED),
        ],
    );
    svg.finish()
}
