//! Vietnamese names of obligations and plans, as officials write them.

use coso_domain::plan::{ObligationKind, ReportPeriod, period_label};

/// An obligation's occurrence in the domain's words (kind, period and period-key labels):
/// "Báo cáo 6 tháng đầu năm 2026", "Báo cáo quý III/2026", "Báo cáo đột xuất",
/// "Kế hoạch triển khai".
pub fn obligation_label(kind: &str, period: Option<&str>, period_key: &str) -> String {
    if ObligationKind::parse(kind) == Some(ObligationKind::ImplementingPlan) {
        return ObligationKind::ImplementingPlan.label().to_string();
    }
    let report = ObligationKind::Report.label();
    if !period_key.is_empty() {
        return format!("{report} {}", lower_first(&period_label(period_key)));
    }
    match period.and_then(ReportPeriod::parse) {
        Some(p) => format!("{report} {}", lower_first(p.label())),
        None => report.to_string(),
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
        assert_eq!(obligation_label("report", Some("quarterly"), "2026-Q3"), "Báo cáo quý III/2026");
        assert_eq!(obligation_label("report", Some("monthly"), "2026-05"), "Báo cáo tháng 5/2026");
        assert_eq!(obligation_label("report", Some("annual"), "2026"), "Báo cáo năm 2026");
        assert_eq!(obligation_label("report", Some("ad_hoc"), ""), "Báo cáo đột xuất");
        assert_eq!(obligation_label("report", Some("quarterly"), "2026-X"), "Báo cáo 2026-X");
        assert_eq!(obligation_label("implementing_plan", None, ""), "Kế hoạch triển khai");
        assert_eq!(plan_reference(Some("115/KH-UBND"), "Kế hoạch năm"), "Kế hoạch 115/KH-UBND");
        assert_eq!(plan_reference(Some(" "), "Kế hoạch năm"), "Kế hoạch năm");
        assert_eq!(lower_first("Đơn vị"), "đơn vị");
    }
}
