//! Report templates (mẫu báo cáo): the indicators, narrative sections, self-assessment
//! criteria and rank bands a report follows. Stored as JSON in `report_template.definition`.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::check::{Check, check_definitions};
use crate::field::PathError;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Template {
    /// A stable machine code, e.g. `qcdc-mac-dinh`.
    pub code: String,
    pub name: String,
    pub indicators: Vec<Indicator>,
    pub sections: Vec<NarrativeSection>,
    pub criteria: Vec<Criterion>,
    /// From the best rank down, each with the least score that earns it.
    pub rank_bands: Vec<RankBand>,
    /// Cross-field checks between indicators (resolved ≤ received); absent in older templates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Check>,
}

/// A number the report gives: `Số cuộc đối thoại`, in `cuộc`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub code: String,
    pub label: String,
    /// Đơn vị tính: `lần`, `cuộc`, `đơn`, …
    pub unit_of_measure: String,
    /// What to count, so that every unit counts the same thing.
    #[serde(default)]
    pub definition: String,
    #[serde(default)]
    pub required: bool,
    /// Whole numbers only (counts).
    #[serde(default)]
    pub integer: bool,
    /// The key of coso's own data that can pre-fill it (`disclosures`, `petitions_received`);
    /// `None` when officials enter it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A written part of the report: results, shortcomings, proposals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NarrativeSection {
    pub code: String,
    pub title: String,
    #[serde(default)]
    pub required: bool,
}

/// A self-assessment criterion (tiêu chí tự chấm điểm).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    pub code: String,
    pub label: String,
    pub max_points: f64,
    /// How to score it, for the unit scoring itself.
    #[serde(default)]
    pub guidance: String,
}

/// A rank (xếp loại) and the least score that earns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankBand {
    pub rank: String,
    pub min_score: f64,
}

impl Template {
    pub fn indicator(&self, code: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.code == code)
    }

    pub fn criterion(&self, code: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.code == code)
    }

    pub fn section(&self, code: &str) -> Option<&NarrativeSection> {
        self.sections.iter().find(|s| s.code == code)
    }

    /// The highest score a unit can give itself.
    pub fn max_score(&self) -> f64 {
        self.criteria.iter().map(|c| c.max_points).sum()
    }

    /// Checks an administrator's edit; every problem is reported, at its path.
    pub fn validate(&self) -> Result<(), Vec<PathError>> {
        let mut errs = Vec::new();
        if !is_code(&self.code) {
            errs.push(PathError::new("code", format!("Mã mẫu báo cáo «{}» không hợp lệ: {CODE_RULE}", self.code)));
        }
        if self.name.trim().is_empty() {
            errs.push(PathError::new("name", "Tên mẫu báo cáo không được để trống."));
        }
        let items = self.indicators.iter().map(|i| (i.code.as_str(), i.label.as_str()));
        check_items(&mut errs, "indicators", "Chỉ tiêu", items);
        for i in &self.indicators {
            if i.unit_of_measure.trim().is_empty() {
                errs.push(PathError::new(
                    format!("indicators.{}", i.code),
                    format!("Chỉ tiêu «{}»: đơn vị tính không được để trống.", i.label),
                ));
            }
        }
        check_items(
            &mut errs,
            "sections",
            "Phần nội dung",
            self.sections.iter().map(|s| (s.code.as_str(), s.title.as_str())),
        );
        check_items(
            &mut errs,
            "criteria",
            "Tiêu chí",
            self.criteria.iter().map(|c| (c.code.as_str(), c.label.as_str())),
        );
        for c in &self.criteria {
            if !(c.max_points.is_finite() && c.max_points > 0.0) {
                errs.push(PathError::new(
                    format!("criteria.{}", c.code),
                    format!("Tiêu chí «{}»: điểm tối đa phải lớn hơn 0.", c.label),
                ));
            }
        }
        check_bands(&mut errs, &self.rank_bands, self.max_score(), !self.criteria.is_empty());
        check_definitions(self, &mut errs);
        if errs.is_empty() { Ok(()) } else { Err(errs) }
    }
}

const CODE_RULE: &str = "chỉ gồm chữ thường không dấu, số, «-» hoặc «_», tối đa 64 ký tự.";

fn is_code(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Codes well formed and unique, labels present, in one list of the template.
fn check_items<'a>(errs: &mut Vec<PathError>, list: &str, noun: &str, items: impl Iterator<Item = (&'a str, &'a str)>) {
    let mut seen = HashSet::new();
    for (n, (code, label)) in items.enumerate() {
        let path = if code.is_empty() { format!("{list}.{}", n + 1) } else { format!("{list}.{code}") };
        if !is_code(code) {
            errs.push(PathError::new(
                path.clone(),
                format!("{noun} thứ {}: mã «{code}» không hợp lệ: {CODE_RULE}", n + 1),
            ));
        } else if !seen.insert(code) {
            errs.push(PathError::new(path.clone(), format!("{noun}: mã «{code}» bị trùng.")));
        }
        if label.trim().is_empty() {
            errs.push(PathError::new(path, format!("{noun} thứ {}: tên không được để trống.", n + 1)));
        }
    }
}

/// Bands go strictly down, end at 0, and the best one can be reached.
fn check_bands(errs: &mut Vec<PathError>, bands: &[RankBand], max_score: f64, scored: bool) {
    if bands.is_empty() {
        if scored {
            errs.push(PathError::new("rank_bands", "Cần ít nhất một mức xếp loại khi có tiêu chí chấm điểm."));
        }
        return;
    }
    let mut seen = HashSet::new();
    for (n, b) in bands.iter().enumerate() {
        let path = format!("rank_bands.{}", n + 1);
        if b.rank.trim().is_empty() {
            errs.push(PathError::new(path.clone(), format!("Mức xếp loại thứ {}: tên không được để trống.", n + 1)));
        } else if !seen.insert(b.rank.trim()) {
            errs.push(PathError::new(path.clone(), format!("Mức xếp loại «{}» bị trùng.", b.rank)));
        }
        if !b.min_score.is_finite() || b.min_score < 0.0 {
            errs.push(PathError::new(path.clone(), format!("Mức «{}»: điểm tối thiểu phải là số không âm.", b.rank)));
        }
        if let Some(prev) = n.checked_sub(1).map(|p| &bands[p])
            && b.min_score >= prev.min_score
        {
            errs.push(PathError::new(
                path,
                format!(
                    "Mức «{}» phải cần ít điểm hơn mức «{}» đứng trước ({} điểm).",
                    b.rank, prev.rank, prev.min_score
                ),
            ));
        }
    }
    if let Some(last) = bands.last()
        && last.min_score != 0.0
    {
        errs.push(PathError::new(
            format!("rank_bands.{}", bands.len()),
            format!("Mức thấp nhất «{}» phải bắt đầu từ 0 điểm để mọi báo cáo đều được xếp loại.", last.rank),
        ));
    }
    if scored && bands[0].min_score > max_score {
        errs.push(PathError::new(
            "rank_bands.1",
            format!("Mức «{}» cần {} điểm, vượt tổng điểm tối đa {max_score}.", bands[0].rank, bands[0].min_score),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template() -> Template {
        Template::default_grassroots()
    }

    fn paths(t: &Template) -> Vec<String> {
        t.validate().err().unwrap_or_default().into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn round_trips_through_json() {
        let t = template();
        let json = serde_json::to_string(&t).expect("serialises");
        assert_eq!(serde_json::from_str::<Template>(&json).expect("reads back"), t);
    }

    #[test]
    fn optional_fields_may_be_left_out_of_the_json() {
        let json = r#"{"code":"x","name":"X","indicators":[{"code":"a","label":"A","unit_of_measure":"lần"}],
            "sections":[],"criteria":[],"rank_bands":[]}"#;
        let t: Template = serde_json::from_str(json).expect("reads");
        assert_eq!(t.indicators[0].source, None);
        assert!(!t.indicators[0].required);
        assert_eq!(t.validate(), Ok(()));
    }

    #[test]
    fn repeated_codes_and_empty_labels_are_reported_at_their_path() {
        let mut t = template();
        let first = t.indicators[0].clone();
        t.indicators.push(first);
        t.criteria[0].label = " ".into();
        t.criteria[1].max_points = 0.0;
        t.sections[0].code = "Kết quả".into();
        let code = t.indicators[0].code.clone();
        let p = paths(&t);
        assert!(p.contains(&format!("indicators.{code}")), "{p:?}");
        assert!(p.contains(&format!("criteria.{}", t.criteria[0].code)), "{p:?}");
        assert!(p.contains(&format!("criteria.{}", t.criteria[1].code)), "{p:?}");
        assert!(p.contains(&"sections.Kết quả".to_string()), "{p:?}");
        let errs = t.validate().expect_err("invalid");
        assert!(errs.iter().any(|e| e.message.contains("bị trùng")));
    }

    #[test]
    fn bands_must_go_strictly_down_to_zero() {
        let mut t = template();
        t.rank_bands[1].min_score = 90.0;
        assert_eq!(paths(&t), ["rank_bands.2"]);
        let mut t = template();
        if let Some(last) = t.rank_bands.last_mut() {
            last.min_score = 10.0;
        }
        assert_eq!(paths(&t), ["rank_bands.4"]);
        let mut t = template();
        t.rank_bands[0].min_score = 120.0;
        assert_eq!(paths(&t), ["rank_bands.1"]);
    }
}
