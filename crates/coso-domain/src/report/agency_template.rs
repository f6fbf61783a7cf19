//! The shipped template for an agency's report on democracy inside agencies and public units
//! (Law 10/2022 Chapter IV, legal-rules §1.7): the staff conference, internal rules, disclosure
//! to staff, staff's opinions and supervision by the agency's People's Inspection Board, and
//! nothing of a commune's community meetings or household ballots.
//!
//! \[U\] A sensible default, as the grassroots template is: administrators edit it.

use super::template::{Criterion, Indicator, NarrativeSection, RankBand, Template};

fn count(code: &str, label: &str, unit: &str, definition: &str) -> Indicator {
    Indicator {
        code: code.into(),
        label: label.into(),
        unit_of_measure: unit.into(),
        definition: definition.into(),
        required: true,
        integer: true,
        source: None,
    }
}

fn criterion(code: &str, label: &str, max_points: f64, guidance: &str) -> Criterion {
    Criterion { code: code.into(), label: label.into(), max_points, guidance: guidance.into() }
}

impl Template {
    /// The code of the agencies' template.
    pub const AGENCY_CODE: &'static str = "qcdc-trong-co-quan";

    /// The agencies' report template `qcdc-trong-co-quan` (listed after the grassroots one).
    pub fn default_agency() -> Template {
        Template {
            code: Self::AGENCY_CODE.into(),
            name: "Báo cáo kết quả thực hiện dân chủ trong cơ quan, đơn vị".into(),
            indicators: vec![
                count(
                    "staff_conferences",
                    "Số hội nghị cán bộ, công chức, viên chức, người lao động",
                    "hội nghị",
                    "Hội nghị tổ chức trong kỳ (hằng năm, chậm nhất 3 tháng sau khi kết thúc năm công tác, và hội nghị bất thường).",
                ),
                count(
                    "internal_rules_issued",
                    "Số quy chế nội bộ ban hành, sửa đổi",
                    "quy chế",
                    "Quy chế thực hiện dân chủ, chi tiêu nội bộ, tuyển dụng, quản lý tài sản… ban hành hoặc sửa đổi trong kỳ.",
                ),
                count(
                    "staff_disclosures",
                    "Số lần công khai cho cán bộ, công chức, viên chức, người lao động",
                    "lần",
                    "Số lần người đứng đầu công khai các nội dung phải công khai trong cơ quan, đơn vị.",
                ),
                count(
                    "staff_opinions",
                    "Số nội dung lấy ý kiến cán bộ, công chức, viên chức, người lao động",
                    "nội dung",
                    "Nội dung đưa ra lấy ý kiến trước khi người đứng đầu quyết định.",
                ),
                count(
                    "staff_dialogues",
                    "Số cuộc đối thoại giữa người đứng đầu và cán bộ, công chức, viên chức, người lao động",
                    "cuộc",
                    "Cuộc đối thoại định kỳ hoặc đột xuất trong kỳ.",
                ),
                count(
                    "inspection_board_recommendations",
                    "Số kiến nghị của Ban Thanh tra nhân dân của cơ quan, đơn vị",
                    "kiến nghị",
                    "Kiến nghị Ban Thanh tra nhân dân gửi người đứng đầu trong kỳ.",
                ),
            ],
            sections: vec![
                NarrativeSection { code: "results".into(), title: "Kết quả thực hiện".into(), required: true },
                NarrativeSection {
                    code: "shortcomings".into(),
                    title: "Tồn tại, hạn chế và nguyên nhân".into(),
                    required: true,
                },
                NarrativeSection {
                    code: "proposals".into(), title: "Kiến nghị, đề xuất".into(), required: false
                },
            ],
            criteria: vec![
                criterion(
                    "staff_conference",
                    "Tổ chức hội nghị cán bộ, công chức, viên chức, người lao động",
                    25.0,
                    "Hội nghị đúng hạn, hợp lệ (ít nhất 2/3 số người dự), nghị quyết được thông qua và thực hiện.",
                ),
                criterion(
                    "internal_rules",
                    "Ban hành, sửa đổi quy chế nội bộ",
                    20.0,
                    "Có quy chế thực hiện dân chủ, chi tiêu nội bộ và các quy chế khác; cập nhật kịp thời.",
                ),
                criterion(
                    "staff_publicity",
                    "Công khai cho cán bộ, công chức, viên chức, người lao động",
                    20.0,
                    "Công khai đủ các nội dung, đúng hình thức và thời hạn.",
                ),
                criterion(
                    "staff_participation",
                    "Cán bộ, công chức, viên chức, người lao động tham gia ý kiến, đối thoại",
                    15.0,
                    "Lấy ý kiến đúng nội dung; đối thoại khi cần; tiếp thu, giải trình.",
                ),
                criterion(
                    "supervision",
                    "Kiểm tra, giám sát trong cơ quan, đơn vị",
                    10.0,
                    "Ban Thanh tra nhân dân của cơ quan hoạt động; kiến nghị được trả lời.",
                ),
                criterion(
                    "reporting",
                    "Chế độ thông tin, báo cáo",
                    10.0,
                    "Báo cáo đúng hạn, đủ nội dung, số liệu chính xác.",
                ),
            ],
            rank_bands: vec![
                RankBand { rank: "Tốt".into(), min_score: 90.0 },
                RankBand { rank: "Khá".into(), min_score: 70.0 },
                RankBand { rank: "Trung bình".into(), min_score: 50.0 },
                RankBand { rank: "Yếu".into(), min_score: 0.0 },
            ],
            checks: vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_agency_template_is_valid_and_scores_to_100() {
        let t = Template::default_agency();
        assert_eq!(t.validate(), Ok(()));
        let total: f64 = t.criteria.iter().map(|c| c.max_points).sum();
        assert!((total - 100.0).abs() < f64::EPSILON, "{total}");
    }

    #[test]
    fn an_agency_is_never_scored_on_household_ballots_or_community_meetings() {
        let t = Template::default_agency();
        for code in t.indicators.iter().map(|i| i.code.as_str()).chain(t.criteria.iter().map(|c| c.code.as_str())) {
            assert!(!code.contains("household") && !code.contains("community"), "{code}");
        }
        assert!(t.indicators.iter().any(|i| i.code == "staff_conferences"));
        let grassroots = Template::default_grassroots();
        assert!(grassroots.indicators.iter().any(|i| i.code == "household_ballots"), "the commune's has them");
    }
}
