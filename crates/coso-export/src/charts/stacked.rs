//! One 100 % bar: the share of each status (on time, late, missing) or rank.

use super::format_vn_number;
use super::palette;
use super::svg::{PAD, Svg, class_name, no_data, px};

const WIDTH: f64 = super::DRAWN_WIDTH;
const BAR_Y: f64 = 40.0;
const BAR_H: f64 = 32.0;
const LEGEND_Y: f64 = BAR_Y + BAR_H + 14.0;
const LINE: f64 = 24.0;

/// One bar split by count, and a legend line per part: "Đúng hạn: 2.345 (70,6%)".
///
/// `css_class` (e.g. `"on-time"`) is added to the part's segment and swatch, reduced to the
/// characters a class name can hold. Percentages are rounded so that they add up to 100,0 %.
/// Parts with a zero count are listed in the legend but draw no segment.
pub fn stacked_share<L: AsRef<str>, C: AsRef<str>>(title: &str, parts: &[(L, u64, C)]) -> String {
    let total: u128 = parts.iter().map(|(_, n, _)| u128::from(*n)).sum();
    if total == 0 {
        return no_data("share", title);
    }
    let tenths = shares_in_tenths(parts.iter().map(|(_, n, _)| *n), total);

    let height = LEGEND_Y + parts.len() as f64 * LINE + PAD;
    let desc = format!("Một thanh 100 % chia thành {} phần; số liệu ở bảng kèm theo.", parts.len());
    let mut svg = Svg::start("share", title, &desc, WIDTH, height);
    let bar_w = WIDTH - 2.0 * PAD;
    let mut x = PAD;
    for (i, ((label, count, class), tenth)) in parts.iter().zip(&tenths).enumerate() {
        let label = coso_text::nfc(label.as_ref());
        let class = format!("coso-share-{i} {}", class_name(class.as_ref()));
        let percent = format_vn_number(*tenth as f64 / 10.0, 1);
        let text = format!("{label}: {} ({percent}%)", format_vn_number(*count as f64, 0));
        if *count > 0 {
            let w = *count as f64 / total as f64 * bar_w;
            svg.open("g", &[]);
            svg.element("title", &[], &text);
            svg.empty(
                "rect",
                &[
                    ("class", &format!("coso-segment {class}")),
                    ("x", &px(x)),
                    ("y", &px(BAR_Y)),
                    ("width", &px(w)),
                    ("height", &px(BAR_H)),
                    ("fill", palette::share(i)),
                ],
            );
            svg.close("g");
            x += w;
        }
        let y = LEGEND_Y + i as f64 * LINE;
        svg.empty(
            "rect",
            &[
                ("class", &format!("coso-swatch {class}")),
                ("x", &px(PAD)),
                ("y", &px(y)),
                ("width", "14"),
                ("height", "14"),
                ("fill", palette::share(i)),
            ],
        );
        svg.element("text", &[("x", &px(PAD + 22.0)), ("y", &px(y + 12.0)), ("fill", palette::INK)], &text);
    }
    svg.finish()
}

/// Each share in tenths of a percent, by largest remainder, so the legend adds up to 100,0 %.
fn shares_in_tenths(counts: impl Iterator<Item = u64>, total: u128) -> Vec<u128> {
    let exact: Vec<(u128, u128)> =
        counts.map(|n| (u128::from(n) * 1000 / total, u128::from(n) * 1000 % total)).collect();
    let mut tenths: Vec<u128> = exact.iter().map(|(q, _)| *q).collect();
    let missing = 1000 - tenths.iter().sum::<u128>();
    let mut by_remainder: Vec<usize> = (0..exact.len()).collect();
    by_remainder.sort_by(|a, b| exact[*b].1.cmp(&exact[*a].1));
    for i in by_remainder.into_iter().take(usize::try_from(missing).unwrap_or(0)) {
        tenths[i] += 1;
    }
    tenths
}

#[cfg(test)]
mod tests {
    use super::shares_in_tenths;

    #[test]
    fn shares_add_up_to_a_thousand_tenths() {
        assert_eq!(shares_in_tenths([1, 1, 1].into_iter(), 3), vec![334, 333, 333]);
        assert_eq!(shares_in_tenths([2345, 900, 76].into_iter(), 3321), vec![706, 271, 23]);
        assert_eq!(shares_in_tenths([0, 5].into_iter(), 5), vec![0, 1000]);
        let big = shares_in_tenths([u64::MAX, u64::MAX, 1].into_iter(), 2 * u128::from(u64::MAX) + 1);
        assert_eq!(big.iter().sum::<u128>(), 1000);
    }
}
