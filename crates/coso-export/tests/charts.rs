//! Charts are well-formed XML, accessible, escaped, and draw what they are given.

use coso_export::charts::{BarOptions, DRAWN_WIDTH, MIN_FONT_SIZE, NO_DATA, bar_chart, line_chart, stacked_share};
use roxmltree::{Document, Node};

/// Short enough to be shown whole everywhere.
const NASTY: &str = "Tổ 1 & \"Tổ 2\" <b>'x'</b>";

fn parse(svg: &str) -> Document<'_> {
    Document::parse(svg).unwrap_or_else(|e| panic!("{e}\n{svg}"))
}

fn with_class<'a>(doc: &'a Document<'a>, name: &str, class: &str) -> Vec<Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.has_tag_name(name) && n.attribute("class").is_some_and(|c| c.split(' ').any(|c| c == class)))
        .collect()
}

fn texts(doc: &Document<'_>) -> Vec<String> {
    doc.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).map(str::to_owned).collect()
}

fn assert_accessible(doc: &Document<'_>, title: &str) {
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
    assert_eq!(root.attribute("role"), Some("img"));
    assert_eq!(root.attribute("aria-label"), Some(title));
    assert!(root.attribute("viewBox").is_some());
    let first = root.first_element_child().expect("a child");
    assert_eq!((first.tag_name().name(), first.text()), ("title", Some(title)));
}

#[test]
fn bars_one_per_finite_value_with_vietnamese_numbers() {
    let data = vec![
        ("Phường Hòa Khánh Bắc".to_owned(), 1234.5),
        (NASTY.to_owned(), 87.0),
        ("Xã Ea Kao".to_owned(), f64::NAN),
        ("Xã Cư Yên".to_owned(), -12.0),
        ("Xã Krông Búk".to_owned(), f64::INFINITY),
    ];
    let svg = bar_chart("Tỷ lệ nộp đúng hạn", &data, &BarOptions { decimals: 1, ..Default::default() });
    let doc = parse(&svg);
    assert_accessible(&doc, "Tỷ lệ nộp đúng hạn");
    assert_eq!(with_class(&doc, "rect", "coso-bar").len(), 3);
    assert_eq!(with_class(&doc, "g", "coso-bar-row").len(), 5);
    let texts = texts(&doc);
    assert!(texts.contains(&NASTY.to_owned()), "the label comes back unescaped: {texts:?}");
    assert!(texts.contains(&"1.234,5".to_owned()));
    assert!(texts.contains(&"-12,0".to_owned()));
    assert!(texts.contains(&"–".to_owned()));
    assert!(!svg.contains("<b>"));
    for rect in with_class(&doc, "rect", "coso-bar") {
        assert_eq!(rect.attribute("fill"), Some("#0072B2"), "inline fallback colour");
        let w: f64 = rect.attribute("width").expect("width").parse().expect("number");
        assert!(w >= 0.0);
    }
}

#[test]
fn long_labels_are_shortened_but_kept_in_the_tooltip() {
    let long = "Thị trấn Phước Dinh thuộc huyện Thuận Nam cũ, tỉnh Ninh Thuận trước sáp nhập";
    let data = [(long, 10.0), ("Xã A", 5.0)];
    let doc_text = bar_chart("Điểm", &data, &BarOptions::default());
    let doc = parse(&doc_text);
    assert!(texts(&doc).iter().any(|t| t.ends_with('…') && long.starts_with(t.trim_end_matches('…'))));
    assert!(doc.descendants().any(|n| n.has_tag_name("title") && n.text() == Some(&format!("{long}: 10")[..])));
}

#[test]
fn a_hundred_units_fit() {
    let data: Vec<(String, f64)> = (0..100).map(|i| (format!("Xã số {i}"), f64::from(i))).collect();
    let doc_text =
        bar_chart("100 xã", &data, &BarOptions { suffix: "%".into(), max: Some(100.0), ..Default::default() });
    let doc = parse(&doc_text);
    assert_eq!(with_class(&doc, "rect", "coso-bar").len(), 100);
    assert!(texts(&doc).contains(&"99%".to_owned()));
}

#[test]
fn stacked_share_segments_legend_and_classes() {
    let parts = [
        ("Đúng hạn", 2345_u64, "on-time"),
        ("Trễ hạn", 900, "late"),
        (NASTY, 0, "x\" onload=\"y"),
        ("Chưa nộp", 76, "missing"),
    ];
    let svg = stacked_share("Tình hình nộp báo cáo", &parts);
    let doc = parse(&svg);
    assert_accessible(&doc, "Tình hình nộp báo cáo");
    let segments = with_class(&doc, "rect", "coso-segment");
    assert_eq!(segments.len(), 3, "no segment for a zero count");
    assert!(segments[0].attribute("class").is_some_and(|c| c.contains("on-time")));
    assert_eq!(with_class(&doc, "rect", "coso-swatch").len(), 4);
    assert!(with_class(&doc, "rect", "xonloady").len() == 1, "class reduced to safe characters");
    let texts = texts(&doc);
    assert!(texts.contains(&"Đúng hạn: 2.345 (70,6%)".to_owned()), "{texts:?}");
    assert!(texts.contains(&"Chưa nộp: 76 (2,3%)".to_owned()));
    assert!(texts.contains(&format!("{NASTY}: 0 (0,0%)")));
    let widths: f64 = segments.iter().map(|r| r.attribute("width").expect("w").parse::<f64>().expect("n")).sum();
    assert!((widths - 616.0).abs() < 0.5, "the bar is full: {widths}");
}

#[test]
fn lines_points_and_gaps() {
    let periods = ["Quý 1/2025", "Quý 2/2025", "Quý 3/2025", "Quý 4/2025", "Quý 1/2026"];
    let series = vec![
        ("Tỷ lệ đúng hạn".to_owned(), vec![Some(81.5), Some(84.0), None, Some(90.25), Some(92.0)]),
        (NASTY.to_owned(), vec![Some(10.0), Some(f64::NAN), Some(-5.0), Some(12.0), Some(1.0), Some(99.0)]),
    ];
    let svg = line_chart("Xu hướng chỉ tiêu", &periods, &series);
    let doc = parse(&svg);
    assert_accessible(&doc, "Xu hướng chỉ tiêu");
    assert_eq!(with_class(&doc, "circle", "coso-series-0").len(), 4);
    assert_eq!(with_class(&doc, "circle", "coso-series-1").len(), 4, "NaN left out, extra value ignored");
    let path = with_class(&doc, "path", "coso-series-0")[0].attribute("d").expect("d");
    assert_eq!(path.matches('M').count(), 2, "the gap restarts the line: {path}");
    assert!(texts(&doc).contains(&NASTY.to_owned()));
    assert!(
        doc.descendants().any(|n| n.has_tag_name("title") && n.text() == Some("Tỷ lệ đúng hạn — Quý 4/2025: 90,3"))
    );
}

#[test]
fn no_data_says_so() {
    let empty: [(&str, f64); 0] = [];
    let no_periods: [&str; 0] = [];
    for svg in [
        bar_chart("Trống & rỗng", &empty, &BarOptions::default()),
        stacked_share("Trống & rỗng", &[("Đúng hạn", 0_u64, "on-time")]),
        line_chart("Trống & rỗng", &["T1"], &[("a", vec![None, Some(f64::NAN)])]),
        line_chart("Trống & rỗng", &no_periods, &[("a", vec![Some(1.0)])]),
    ] {
        let doc = parse(&svg);
        assert_accessible(&doc, "Trống & rỗng");
        assert!(texts(&doc).contains(&NO_DATA.to_owned()), "{svg}");
    }
}

/// Every text's font size (its own or inherited), in pixels once the chart is drawn
/// `DRAWN_WIDTH` wide as pages draw it.
fn drawn_font_sizes(doc: &Document<'_>) -> Vec<f64> {
    let view_width: f64 = doc
        .root_element()
        .attribute("viewBox")
        .and_then(|v| v.split(' ').nth(2))
        .and_then(|w| w.parse().ok())
        .expect("a viewBox width");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            let size = n
                .ancestors()
                .find_map(|a| a.attribute("font-size"))
                .and_then(|s| s.parse::<f64>().ok())
                .expect("a font size");
            size * DRAWN_WIDTH / view_width
        })
        .collect()
}

#[test]
fn text_is_at_least_12_px_where_pages_draw_charts_and_each_chart_is_described() {
    let bars = bar_chart("Xếp loại", &[("Tốt", 12.0), ("Khá", 3.0)], &BarOptions::default());
    let lines = line_chart("Diễn biến", &["6 tháng đầu năm", "Cả năm"], &[("Hội nghị", vec![Some(677.0), None])]);
    let share = stacked_share("Đúng hạn", &[("Đúng hạn", 3, "on-time"), ("Trễ hạn", 1, "late")]);
    let empty = bar_chart::<&str>("Trống", &[], &BarOptions::default());
    for svg in [bars, lines, share, empty] {
        let doc = parse(&svg);
        let sizes = drawn_font_sizes(&doc);
        assert!(!sizes.is_empty(), "{svg}");
        assert!(sizes.iter().all(|s| *s >= MIN_FONT_SIZE), "text smaller than {MIN_FONT_SIZE} px: {sizes:?} in {svg}");
        let desc = doc.root_element().children().find(|n| n.has_tag_name("desc")).and_then(|n| n.text());
        assert!(desc.is_some_and(|d| !d.is_empty()), "a description: {svg}");
    }
}
