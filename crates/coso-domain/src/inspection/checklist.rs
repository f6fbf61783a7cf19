//! The checklist of an inspection, built from a report template's criteria (the same for an
//! inspection from above and for a self-inspection), the finding on each criterion, and the
//! conclusion.

use serde::{Deserialize, Serialize};

use super::Verdict;
use crate::field::{self, Errors, FieldError};
use crate::report::Template;

/// One criterion to check, copied from the template when the inspection is planned, so that a
/// later change of the template leaves the inspection as it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChecklistItem {
    pub code: String,
    pub label: String,
    pub guidance: String,
}

/// The checklist of `template`: its criteria in order.
pub fn checklist(template: &Template) -> Vec<ChecklistItem> {
    template
        .criteria
        .iter()
        .map(|c| ChecklistItem { code: c.code.clone(), label: c.label.clone(), guidance: c.guidance.clone() })
        .collect()
}

/// A finding as typed: the criterion's code, `verdict` met | partly | not_met, a note.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct FindingInput {
    #[serde(default)]
    pub criterion: String,
    #[serde(default)]
    pub verdict: String,
    #[serde(default)]
    pub note: String,
}

/// A checked finding on a criterion of the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingData {
    pub criterion: String,
    pub verdict: Verdict,
    pub note: Option<String>,
}

impl FindingData {
    /// Reads a finding on one of `criteria` (the checklist's codes). A criterion only partly
    /// met or not met needs a note saying what falls short.
    pub fn parse(input: &FindingInput, criteria: &[&str]) -> Result<FindingData, Vec<FieldError>> {
        let mut e = Errors::default();
        let criterion = input.criterion.trim().to_string();
        if criterion.is_empty() {
            e.push(FieldError::new("criterion", "Chưa chọn tiêu chí được đánh giá."));
        } else if !criteria.contains(&criterion.as_str()) {
            let shown: String = criterion.chars().take(40).collect();
            e.push(FieldError::new("criterion", format!("Tiêu chí «{shown}» không có trong danh mục kiểm tra.")));
        }
        let verdict = match input.verdict.trim() {
            "" => {
                e.push(FieldError::new("verdict", "Chưa chọn kết quả đánh giá (đạt, đạt một phần, chưa đạt)."));
                None
            }
            v => e.take(v.parse::<Verdict>().map_err(|_| {
                FieldError::new(
                    "verdict",
                    "Kết quả đánh giá phải là «met» (đạt), «partly» (đạt một phần) hoặc «not_met» (chưa đạt).",
                )
            })),
        };
        let note = e.take(field::optional_text("note", "Nhận xét", &input.note, 5000)).flatten();
        if verdict.is_some_and(|v| v != Verdict::Met) && note.is_none() {
            e.push(FieldError::new(
                "note",
                "Tiêu chí chưa đạt đầy đủ: hãy ghi rõ tồn tại, hạn chế trong phần nhận xét.",
            ));
        }
        match verdict {
            Some(verdict) if e.is_empty() => Ok(FindingData { criterion, verdict, note }),
            _ => Err(e.0),
        }
    }
}

/// The conclusion as typed.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct ConclusionInput {
    #[serde(default)]
    pub conclusion: String,
}

/// A checked conclusion (*kết luận kiểm tra*).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConclusionData {
    pub conclusion: String,
}

impl ConclusionData {
    pub fn parse(input: &ConclusionInput) -> Result<ConclusionData, FieldError> {
        field::required_text("conclusion", "Nội dung kết luận", &input.conclusion, 20000)
            .map(|conclusion| ConclusionData { conclusion })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checklist_is_the_templates_criteria() {
        let items = checklist(&Template::default_grassroots());
        let codes: Vec<&str> = items.iter().map(|i| i.code.as_str()).collect();
        assert_eq!(codes, ["leadership", "publicity", "discussion", "participation", "supervision", "reporting"]);
        assert_eq!(items[1].label, "Công khai thông tin để Nhân dân biết");
    }

    #[test]
    fn a_finding_on_a_criterion_not_listed_is_refused_naming_it() {
        let input = FindingInput { criterion: "budget".into(), verdict: "met".into(), note: String::new() };
        let errors = FindingData::parse(&input, &["publicity"]).expect_err("bad");
        assert_eq!(errors[0].field, "criterion");
        assert!(errors[0].message.contains("budget"));
    }

    #[test]
    fn a_criterion_not_met_needs_a_note() {
        let input = FindingInput { criterion: "publicity".into(), verdict: "not_met".into(), note: " ".into() };
        let errors = FindingData::parse(&input, &["publicity"]).expect_err("bad");
        assert_eq!(errors.iter().map(|e| e.field).collect::<Vec<_>>(), ["note"]);
        let ok = FindingInput { note: "Chưa niêm yết dự toán.".into(), ..input };
        assert_eq!(FindingData::parse(&ok, &["publicity"]).map(|f| f.verdict), Ok(Verdict::NotMet));
    }
}
