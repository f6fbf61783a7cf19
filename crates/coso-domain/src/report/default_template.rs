//! The shipped template for reports on grassroots democracy (thực hiện dân chủ ở cơ sở).
//!
//! \[U\] A sensible default, not a form set by law: administrators edit it (indicators, criteria,
//! points and bands) to match their province's scoring guidance. The criteria follow the parts
//! of the Law on Grassroots Democracy 2022 (publicity; the people discuss and decide; take part
//! in opinions; inspect and supervise) plus leadership and reporting.
//!
//! Two versions: the first (`qcdc-mac-dinh`, [`Template::grassroots_v1`]) counted complaints and
//! denunciations together; the current default (`qcdc-mac-dinh-2`) counts them apart, as the
//! Laws on Complaints and on Denunciations treat them. A template is stored with its
//! definition and each report occurrence keeps the one it was issued with, so reports on the
//! first version keep working; new plans get the current one.

use super::check::{Check, Comparison};
use super::template::{Criterion, Indicator, NarrativeSection, RankBand, Template};

/// A whole-number indicator every report must give.
fn count(code: &str, label: &str, unit: &str, definition: &str, source: Option<&str>) -> Indicator {
    Indicator {
        code: code.into(),
        label: label.into(),
        unit_of_measure: unit.into(),
        definition: definition.into(),
        required: true,
        integer: true,
        source: source.map(Into::into),
    }
}

fn indicators_v1() -> Vec<Indicator> {
    vec![
        count(
            "disclosures",
            "Số lần công khai thông tin",
            "lần",
            "Số lần chính quyền công khai thông tin cho Nhân dân biết (niêm yết, loa truyền thanh, cổng thông tin…) trong kỳ.",
            Some("disclosures"),
        ),
        count(
            "consultations",
            "Số lần lấy ý kiến Nhân dân",
            "lần",
            "Số nội dung đưa ra lấy ý kiến Nhân dân trước khi cơ quan có thẩm quyền quyết định.",
            Some("consultations"),
        ),
        count(
            "community_meetings",
            "Số cuộc họp cộng đồng dân cư",
            "cuộc",
            "Số cuộc họp của cộng đồng dân cư ở thôn, tổ dân phố để bàn và quyết định.",
            Some("community_meetings"),
        ),
        count(
            "household_ballots",
            "Số lần phát phiếu lấy ý kiến hộ gia đình",
            "lần",
            "Số lần phát phiếu lấy ý kiến đại diện hộ gia đình thay cho họp cộng đồng dân cư.",
            Some("household_ballots"),
        ),
        count(
            "village_conventions_reviewed",
            "Số hương ước, quy ước được rà soát",
            "bản",
            "Số hương ước, quy ước của thôn, tổ dân phố được xây dựng mới, sửa đổi, bổ sung hoặc rà soát trong kỳ.",
            Some("village_conventions"),
        ),
        count(
            "dialogues",
            "Số cuộc đối thoại",
            "cuộc",
            "Số cuộc đối thoại giữa người đứng đầu chính quyền với Nhân dân.",
            Some("dialogues"),
        ),
        count(
            "reception_days",
            "Số buổi tiếp công dân",
            "buổi",
            "Số buổi tiếp công dân định kỳ và đột xuất của người đứng đầu và cán bộ tiếp công dân.",
            Some("receptions"),
        ),
        count(
            "petitions_received",
            "Số đơn phản ánh, kiến nghị tiếp nhận",
            "đơn",
            "Số đơn, ý kiến phản ánh, kiến nghị của Nhân dân được tiếp nhận trong kỳ.",
            Some("petitions_received"),
        ),
        count(
            "petitions_resolved_on_time",
            "Số đơn phản ánh, kiến nghị giải quyết đúng hạn",
            "đơn",
            "Số đơn phản ánh, kiến nghị đã trả lời, giải quyết trong thời hạn.",
            Some("petitions_resolved_on_time"),
        ),
        count(
            "petitions_overdue",
            "Số đơn phản ánh, kiến nghị quá hạn",
            "đơn",
            "Số đơn phản ánh, kiến nghị đã hết thời hạn mà chưa được giải quyết.",
            Some("petitions_overdue"),
        ),
        count(
            "complaints_received",
            "Số đơn khiếu nại, tố cáo tiếp nhận",
            "đơn",
            "Số đơn khiếu nại và đơn tố cáo thuộc thẩm quyền được tiếp nhận trong kỳ.",
            Some("complaints_received"),
        ),
        count(
            "complaints_resolved_on_time",
            "Số đơn khiếu nại, tố cáo giải quyết đúng hạn",
            "đơn",
            "Số đơn khiếu nại, tố cáo đã có quyết định hoặc kết luận giải quyết trong thời hạn luật định.",
            Some("complaints_resolved_on_time"),
        ),
        count(
            "complaints_overdue",
            "Số đơn khiếu nại, tố cáo quá hạn",
            "đơn",
            "Số đơn khiếu nại, tố cáo đã hết thời hạn giải quyết mà chưa có quyết định hoặc kết luận.",
            Some("complaints_overdue"),
        ),
        count(
            "inspection_board_activities",
            "Số cuộc kiểm tra, giám sát của Ban Thanh tra nhân dân",
            "cuộc",
            "Số cuộc kiểm tra, giám sát do Ban Thanh tra nhân dân thực hiện trong kỳ.",
            None,
        ),
        count(
            "investment_supervision_activities",
            "Số công trình được Ban Giám sát đầu tư của cộng đồng giám sát",
            "công trình",
            "Số công trình, dự án đầu tư trên địa bàn được Ban Giám sát đầu tư của cộng đồng giám sát.",
            None,
        ),
        count(
            "inspections",
            "Số cuộc kiểm tra việc thực hiện dân chủ ở cơ sở",
            "cuộc",
            "Số cuộc kiểm tra của chính quyền về việc thực hiện dân chủ ở cơ sở tại các đơn vị.",
            None,
        ),
        count(
            "trainings",
            "Số hội nghị tập huấn, tuyên truyền, phổ biến pháp luật",
            "hội nghị",
            "Số hội nghị, lớp tập huấn, tuyên truyền, phổ biến pháp luật về thực hiện dân chủ ở cơ sở.",
            None,
        ),
    ]
}

/// The figures of a kind of case: (code suffix, words of the label, end of the definition).
const FIGURES: [(&str, &str, &str); 3] = [
    ("received", "tiếp nhận", "được tiếp nhận trong kỳ."),
    ("resolved_on_time", "giải quyết đúng hạn", "đã có quyết định hoặc kết luận giải quyết trong thời hạn luật định."),
    ("overdue", "quá hạn", "đã hết thời hạn giải quyết mà chưa có quyết định hoặc kết luận."),
];

/// The first version's indicators with complaints and denunciations counted apart: the
/// complaint counts keep their codes (complaints only now), the denunciation counts follow them.
fn indicators() -> Vec<Indicator> {
    let kind = |code: &str, noun: &str, source: &str| {
        FIGURES.map(|(figure, words, definition)| {
            count(
                &format!("{code}_{figure}"),
                &format!("Số đơn {noun} {words}"),
                "đơn",
                &format!("Số đơn {noun} thuộc thẩm quyền {definition}"),
                Some(&format!("{source}_{figure}")),
            )
        })
    };
    let mut list = Vec::new();
    for i in indicators_v1() {
        match i.code.as_str() {
            "complaints_received" => {
                list.extend(kind("complaints", "khiếu nại", "complaint_cases"));
                list.extend(kind("denunciations", "tố cáo", "denunciations"));
            }
            "complaints_resolved_on_time" | "complaints_overdue" => {}
            _ => list.push(i),
        }
    }
    list
}

fn section(code: &str, title: &str, required: bool) -> NarrativeSection {
    NarrativeSection { code: code.into(), title: title.into(), required }
}

fn criterion(code: &str, label: &str, max_points: f64, guidance: &str) -> Criterion {
    Criterion { code: code.into(), label: label.into(), max_points, guidance: guidance.into() }
}

fn band(rank: &str, min_score: f64) -> RankBand {
    RankBand { rank: rank.into(), min_score }
}

impl Template {
    /// The current grassroots-democracy report template `qcdc-mac-dinh-2`: complaints and
    /// denunciations counted apart.
    pub fn default_grassroots() -> Template {
        let mut t = Template::grassroots_v1();
        t.code = "qcdc-mac-dinh-2".into();
        t.name = "Báo cáo kết quả thực hiện dân chủ ở cơ sở (khiếu nại, tố cáo tách riêng)".into();
        t.indicators = indicators();
        t.checks.push(Check::new(Comparison::Le, "denunciations_resolved_on_time", "denunciations_received"));
        t
    }

    /// The first version, `qcdc-mac-dinh`: complaints and denunciations counted together. Kept
    /// for the reports issued with it.
    pub fn grassroots_v1() -> Template {
        Template {
            code: "qcdc-mac-dinh".into(),
            name: "Báo cáo kết quả thực hiện dân chủ ở cơ sở".into(),
            indicators: indicators_v1(),
            sections: vec![
                section("results", "Kết quả thực hiện", true),
                section("shortcomings", "Tồn tại, hạn chế và nguyên nhân", true),
                section("proposals", "Kiến nghị, đề xuất", false),
            ],
            criteria: vec![
                criterion(
                    "leadership",
                    "Lãnh đạo, chỉ đạo và ban hành kế hoạch",
                    10.0,
                    "Có kế hoạch thực hiện trong năm; phân công rõ trách nhiệm; kiện toàn Ban Chỉ đạo.",
                ),
                criterion(
                    "publicity",
                    "Công khai thông tin để Nhân dân biết",
                    20.0,
                    "Công khai đủ nội dung, đúng hình thức và thời hạn theo quy định.",
                ),
                criterion(
                    "discussion",
                    "Nhân dân bàn và quyết định",
                    20.0,
                    "Tổ chức họp cộng đồng dân cư hoặc phát phiếu đúng trình tự; quyết định được thực hiện.",
                ),
                criterion(
                    "participation",
                    "Nhân dân tham gia ý kiến",
                    15.0,
                    "Lấy ý kiến Nhân dân đúng nội dung, hình thức; tiếp thu, giải trình ý kiến.",
                ),
                criterion(
                    "supervision",
                    "Nhân dân kiểm tra, giám sát",
                    20.0,
                    "Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng hoạt động; đơn thư giải quyết đúng hạn.",
                ),
                criterion(
                    "reporting",
                    "Chế độ thông tin, báo cáo",
                    15.0,
                    "Báo cáo đúng hạn, đủ nội dung, số liệu chính xác.",
                ),
            ],
            rank_bands: vec![band("Tốt", 90.0), band("Khá", 70.0), band("Trung bình", 50.0), band("Yếu", 0.0)],
            checks: vec![
                Check::new(Comparison::Le, "petitions_resolved_on_time", "petitions_received"),
                Check::new(Comparison::Le, "complaints_resolved_on_time", "complaints_received"),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_template_is_valid_and_scores_out_of_100() {
        let t = Template::default_grassroots();
        assert_eq!(t.validate(), Ok(()));
        assert_eq!(t.max_score(), 100.0);
        assert!(t.indicators.len() >= 14);
        assert_eq!(
            t.rank_bands.iter().map(|b| b.rank.as_str()).collect::<Vec<_>>(),
            ["Tốt", "Khá", "Trung bình", "Yếu"]
        );
    }

    #[test]
    fn counts_of_cases_have_received_resolved_on_time_and_overdue() {
        let t = Template::default_grassroots();
        for code in ["petitions_received", "petitions_resolved_on_time", "petitions_overdue", "complaints_overdue"] {
            let i = t.indicator(code).expect(code);
            assert!(i.integer && i.required && i.source.is_some(), "{code}");
        }
        assert_eq!(t.indicator("trainings").and_then(|i| i.source.as_deref()), None);
    }

    #[test]
    fn the_second_version_counts_complaints_and_denunciations_apart() {
        let t = Template::default_grassroots();
        let v1 = Template::grassroots_v1();
        assert_ne!(t.code, v1.code, "a new version is a new stored template");
        assert_eq!(t.validate(), Ok(()));
        assert_eq!(t.indicators.len(), v1.indicators.len() + 3);
        assert_eq!(t.indicator("complaints_received").map(|i| i.label.as_str()), Some("Số đơn khiếu nại tiếp nhận"));
        assert_eq!(t.indicator("denunciations_overdue").map(|i| i.label.as_str()), Some("Số đơn tố cáo quá hạn"));
        assert_eq!(
            v1.indicator("complaints_received").map(|i| i.label.as_str()),
            Some("Số đơn khiếu nại, tố cáo tiếp nhận")
        );
        let codes: Vec<&str> = t.indicators.iter().map(|i| i.code.as_str()).collect();
        let at = |c: &str| codes.iter().position(|x| *x == c).expect(c);
        assert!(at("petitions_overdue") < at("complaints_received"));
        assert!(at("complaints_overdue") < at("denunciations_received"));
        assert!(at("denunciations_overdue") < at("inspection_board_activities"));
        for i in &t.indicators {
            let source = i.source.as_deref().unwrap_or("");
            let counts_cases = i.code.starts_with("complaints_") || i.code.starts_with("denunciations_");
            assert_eq!(
                crate::report::case_source(source).is_some(),
                counts_cases || i.code.starts_with("petitions_"),
                "{}",
                i.code
            );
        }
    }

    #[test]
    fn labels_are_nfc() {
        let t = Template::default_grassroots();
        for i in &t.indicators {
            assert_eq!(coso_text::nfc(&i.label), i.label);
            assert_eq!(coso_text::nfc(&i.definition), i.definition);
        }
    }
}
