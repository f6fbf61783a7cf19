//! Report periods (báo cáo tháng, quý, 6 tháng, 9 tháng, năm, đột xuất) and the two kinds of
//! obligation a plan puts on its target units.

use serde::{Deserialize, Serialize};

/// How often a report is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportPeriod {
    Monthly,
    Quarterly,
    SixMonth,
    NineMonth,
    Annual,
    AdHoc,
}

impl ReportPeriod {
    pub const ALL: [ReportPeriod; 6] = [
        ReportPeriod::Monthly,
        ReportPeriod::Quarterly,
        ReportPeriod::SixMonth,
        ReportPeriod::NineMonth,
        ReportPeriod::Annual,
        ReportPeriod::AdHoc,
    ];

    /// The stable machine name used in the database (`obligation.period`) and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportPeriod::Monthly => "monthly",
            ReportPeriod::Quarterly => "quarterly",
            ReportPeriod::SixMonth => "six_month",
            ReportPeriod::NineMonth => "nine_month",
            ReportPeriod::Annual => "annual",
            ReportPeriod::AdHoc => "ad_hoc",
        }
    }

    pub fn parse(s: &str) -> Option<ReportPeriod> {
        ReportPeriod::ALL.into_iter().find(|p| p.as_str() == s.trim())
    }

    /// The Vietnamese name shown to users.
    pub fn label(self) -> &'static str {
        match self {
            ReportPeriod::Monthly => "Hằng tháng",
            ReportPeriod::Quarterly => "Hằng quý",
            ReportPeriod::SixMonth => "6 tháng",
            ReportPeriod::NineMonth => "9 tháng",
            ReportPeriod::Annual => "Năm",
            ReportPeriod::AdHoc => "Đột xuất",
        }
    }

    /// The single period named by a document's wording (`06 tháng`, `hằng năm`, `sơ kết`…),
    /// ignoring diacritics. `None` when the wording names none (`định kỳ`, `theo quy định`) or
    /// several (`6 tháng / năm`); use [`ReportPeriod::all_in_document`] for the latter.
    pub fn from_document(wording: &str) -> Option<ReportPeriod> {
        match ReportPeriod::all_in_document(wording).as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// Every period named by a document's wording, in order of first mention, without repeats.
    pub fn all_in_document(wording: &str) -> Vec<ReportPeriod> {
        let folded = coso_text::fold(wording);
        let words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let (period, used) = period_at(&words[i..]);
            if let Some(p) = period
                && !found.contains(&p)
            {
                found.push(p);
            }
            i += used.max(1);
        }
        found
    }
}

/// The period starting at `w[0]`, if any, and how many words it spans.
fn period_at(w: &[&str]) -> (Option<ReportPeriod>, usize) {
    let next = |k: usize| w.get(k).copied().unwrap_or("");
    let is_num = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    // "14 tháng 6", "ngày 06 tháng 01 năm 2026" are dates; "06 tháng, 01 năm" two periods.
    let month = next(2).parse::<u32>().is_ok_and(|m| (1..=12).contains(&m));
    if is_num(w[0]) && next(1) == "thang" && month && (next(3) != "nam" || is_num(next(4))) {
        return (None, if next(3) == "nam" { 5 } else { 3 });
    }
    let count = match w[0] {
        "1" | "01" | "mot" => Some(1),
        "3" | "03" | "ba" => Some(3),
        "6" | "06" | "sau" => Some(6),
        "9" | "09" | "chin" => Some(9),
        "12" => Some(12),
        _ => None,
    };
    if let Some(n) = count {
        let p = match (n, next(1)) {
            (1, "thang") => Some(ReportPeriod::Monthly),
            (3, "thang") => Some(ReportPeriod::Quarterly),
            (6, "thang") => Some(ReportPeriod::SixMonth),
            (9, "thang") => Some(ReportPeriod::NineMonth),
            (12, "thang") | (1, "nam") => Some(ReportPeriod::Annual),
            _ => None,
        };
        let Some(p) = p else { return (None, 1) };
        // "6 tháng đầu năm", "9 tháng năm 2026": the year words belong to this period.
        let used = match (next(2), next(3)) {
            ("dau" | "cuoi", "nam") => 4,
            ("nam", y) if is_num(y) => 4,
            _ => 2,
        };
        return (Some(p), used);
    }
    match (w[0], next(1)) {
        ("viet", "nam") => (None, 2),
        ("nua", "nam") | ("so", "ket") => (Some(ReportPeriod::SixMonth), 2),
        ("tong", "ket") | ("ca", "nam") | ("hang" | "moi", "nam") => (Some(ReportPeriod::Annual), 2),
        ("hang" | "moi", "quy") => (Some(ReportPeriod::Quarterly), 2),
        ("hang" | "moi", "thang") => (Some(ReportPeriod::Monthly), 2),
        ("dot", "xuat") => (Some(ReportPeriod::AdHoc), 2),
        ("khi", "co") if next(2) == "yeu" && next(3) == "cau" => (Some(ReportPeriod::AdHoc), 4),
        // "quý" folds to "quy", as do "quy định", "quy chế", "quy ước": those are not periods.
        ("quy", after) if !matches!(after, "dinh" | "che" | "uoc" | "trinh" | "mo" | "hoach" | "tac" | "pham") => {
            (Some(ReportPeriod::Quarterly), 1)
        }
        ("thang", _) => (Some(ReportPeriod::Monthly), 1),
        ("nam", _) => (Some(ReportPeriod::Annual), 1),
        _ => (None, 1),
    }
}

/// What a target unit must send for an obligation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObligationKind {
    /// Its own plan implementing the issuer's plan (kế hoạch triển khai).
    ImplementingPlan,
    /// A report for a period.
    Report,
}

impl ObligationKind {
    pub const ALL: [ObligationKind; 2] = [ObligationKind::ImplementingPlan, ObligationKind::Report];

    pub fn as_str(self) -> &'static str {
        match self {
            ObligationKind::ImplementingPlan => "implementing_plan",
            ObligationKind::Report => "report",
        }
    }

    pub fn parse(s: &str) -> Option<ObligationKind> {
        ObligationKind::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }

    pub fn label(self) -> &'static str {
        match self {
            ObligationKind::ImplementingPlan => "Kế hoạch triển khai",
            ObligationKind::Report => "Báo cáo",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReportPeriod::*;

    #[test]
    fn machine_names_round_trip() {
        for p in ReportPeriod::ALL {
            assert_eq!(ReportPeriod::parse(p.as_str()), Some(p));
        }
        for k in ObligationKind::ALL {
            assert_eq!(ObligationKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(ReportPeriod::parse("yearly"), None);
        assert_eq!(SixMonth.label(), "6 tháng");
    }

    #[test]
    fn reads_the_wordings_of_documents() {
        let cases = [
            ("6 tháng", Some(SixMonth)),
            ("06 tháng", Some(SixMonth)),
            ("sáu tháng", Some(SixMonth)),
            ("Sơ kết", Some(SixMonth)),
            ("6 tháng đầu năm", Some(SixMonth)),
            ("9 tháng", Some(NineMonth)),
            ("09 thang", Some(NineMonth)),
            ("năm", Some(Annual)),
            ("01 năm", Some(Annual)),
            ("hằng năm", Some(Annual)),
            ("hàng năm", Some(Annual)),
            ("tổng kết", Some(Annual)),
            ("quý", Some(Quarterly)),
            ("hằng quý", Some(Quarterly)),
            ("tháng", Some(Monthly)),
            ("hang thang", Some(Monthly)),
            ("đột xuất", Some(AdHoc)),
            ("khi có yêu cầu", Some(AdHoc)),
            ("định kỳ", None),
            ("trước ngày 14 tháng 6", None),
            ("ngày 06 tháng 01 năm 2026", None),
            ("9 tháng năm 2026", Some(NineMonth)),
            ("theo quy định", None),
            ("quy chế dân chủ", None),
            ("", None),
        ];
        for (wording, want) in cases {
            assert_eq!(ReportPeriod::from_document(wording), want, "{wording}");
        }
    }

    #[test]
    fn combined_wordings_name_every_period() {
        assert_eq!(ReportPeriod::all_in_document("6 tháng / năm (sơ kết, tổng kết)"), [SixMonth, Annual]);
        assert_eq!(ReportPeriod::from_document("6 tháng / năm"), None);
        assert_eq!(
            ReportPeriod::all_in_document("báo cáo định kỳ 06 tháng, 01 năm, đột xuất"),
            [SixMonth, Annual, AdHoc]
        );
    }
}
