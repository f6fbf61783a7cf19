//! Vietnamese names of obligations and plans, as officials write them.

/// "Báo cáo 6 tháng đầu năm 2026", "Báo cáo quý III năm 2026", "Kế hoạch thực hiện".
pub fn obligation_label(kind: &str, period: Option<&str>, period_key: &str) -> String {
    if kind == "implementing_plan" {
        return "Kế hoạch thực hiện".to_string();
    }
    let (year, rest) = match period_key.split_once('-') {
        Some((y, r)) => (y, r),
        None => (period_key, ""),
    };
    let known_year = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
    let label = match (period, known_year) {
        (Some("monthly"), true) => {
            rest.parse::<u32>().ok().filter(|m| (1..=12).contains(m)).map(|m| format!("Báo cáo tháng {m} năm {year}"))
        }
        (Some("quarterly"), true) => quarter(rest).map(|q| format!("Báo cáo quý {q} năm {year}")),
        (Some("six_month"), true) => Some(match rest {
            "H2" => format!("Báo cáo 6 tháng cuối năm {year}"),
            _ => format!("Báo cáo 6 tháng đầu năm {year}"),
        }),
        (Some("nine_month"), true) => Some(format!("Báo cáo 9 tháng năm {year}")),
        (Some("annual"), true) => Some(format!("Báo cáo năm {year}")),
        (Some("ad_hoc"), _) if period_key.is_empty() => Some("Báo cáo đột xuất".to_string()),
        (Some("ad_hoc"), _) => Some(format!("Báo cáo đột xuất ({period_key})")),
        _ => None,
    };
    label.unwrap_or_else(|| {
        if period_key.is_empty() { "Báo cáo".to_string() } else { format!("Báo cáo kỳ {period_key}") }
    })
}

fn quarter(rest: &str) -> Option<&'static str> {
    match rest {
        "Q1" => Some("I"),
        "Q2" => Some("II"),
        "Q3" => Some("III"),
        "Q4" => Some("IV"),
        _ => None,
    }
}

/// "Kế hoạch 115/KH-UBND" when the plan has a number, else its title.
pub fn plan_reference(number: Option<&str>, title: &str) -> String {
    match number.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => format!("Kế hoạch {n}"),
        None => title.to_string(),
    }
}

/// The label inside a sentence: "báo cáo quý I" (only the first letter changes).
pub fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_read_like_official_documents() {
        assert_eq!(obligation_label("report", Some("six_month"), "2026-H1"), "Báo cáo 6 tháng đầu năm 2026");
        assert_eq!(obligation_label("report", Some("quarterly"), "2026-Q3"), "Báo cáo quý III năm 2026");
        assert_eq!(obligation_label("report", Some("monthly"), "2026-05"), "Báo cáo tháng 5 năm 2026");
        assert_eq!(obligation_label("report", Some("annual"), "2026"), "Báo cáo năm 2026");
        assert_eq!(obligation_label("report", Some("ad_hoc"), ""), "Báo cáo đột xuất");
        assert_eq!(obligation_label("report", Some("quarterly"), "2026-X"), "Báo cáo kỳ 2026-X");
        assert_eq!(obligation_label("implementing_plan", None, ""), "Kế hoạch thực hiện");
        assert_eq!(plan_reference(Some("115/KH-UBND"), "Kế hoạch năm"), "Kế hoạch 115/KH-UBND");
        assert_eq!(plan_reference(Some(" "), "Kế hoạch năm"), "Kế hoạch năm");
        assert_eq!(lower_first("Đơn vị"), "đơn vị");
    }
}
