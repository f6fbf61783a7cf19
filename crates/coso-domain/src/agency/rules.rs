//! The register of an agency's internal rules (*quy chế nội bộ*): each rule of a kind, issued
//! by the head after the staff conference discussed it, and reissued as new versions that keep
//! the old ones.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::field::{self, Errors, FieldError};

/// The kind of an internal rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// *Quy chế thực hiện dân chủ trong cơ quan, đơn vị*.
    Democracy,
    /// *Quy chế chi tiêu nội bộ*.
    Spending,
    /// *Quy chế tuyển dụng, sử dụng, quản lý cán bộ, công chức, viên chức, người lao động*.
    Recruitment,
    /// *Quy chế quản lý, sử dụng tài sản công*.
    Assets,
    /// *Quy chế làm việc, nội quy cơ quan*.
    Work,
    /// Another rule the agency keeps.
    Other,
}

impl RuleKind {
    pub const ALL: [RuleKind; 6] = [
        RuleKind::Democracy,
        RuleKind::Spending,
        RuleKind::Recruitment,
        RuleKind::Assets,
        RuleKind::Work,
        RuleKind::Other,
    ];

    /// The stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::Democracy => "democracy",
            RuleKind::Spending => "spending",
            RuleKind::Recruitment => "recruitment",
            RuleKind::Assets => "assets",
            RuleKind::Work => "work",
            RuleKind::Other => "other",
        }
    }

    /// What people read.
    pub fn label(self) -> &'static str {
        match self {
            RuleKind::Democracy => "Quy chế thực hiện dân chủ",
            RuleKind::Spending => "Quy chế chi tiêu nội bộ",
            RuleKind::Recruitment => "Quy chế tuyển dụng, sử dụng, quản lý cán bộ",
            RuleKind::Assets => "Quy chế quản lý, sử dụng tài sản công",
            RuleKind::Work => "Quy chế làm việc, nội quy cơ quan",
            RuleKind::Other => "Quy định nội bộ khác",
        }
    }
}

/// One version of a rule as typed; a new rule also gives its kind and title.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct InternalRuleInput {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub title: String,
    /// The issuing decision's number (*số, ký hiệu*).
    #[serde(default)]
    pub number: String,
    #[serde(default)]
    pub issued_on: String,
    /// What changed, or what the rule says in short.
    #[serde(default)]
    pub summary: String,
}

/// A checked version; `kind` and `title` are `None` when the input is a new version of a rule
/// already registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InternalRuleData {
    pub kind: Option<RuleKind>,
    pub title: Option<String>,
    pub number: Option<String>,
    pub issued_on: NaiveDate,
    pub summary: Option<String>,
}

fn kind(raw: &str) -> Result<RuleKind, FieldError> {
    raw.trim().parse::<RuleKind>().map_err(|_| FieldError::new("kind", "Hãy chọn loại quy chế trong danh sách."))
}

impl InternalRuleData {
    /// A new rule: its kind and title are required.
    pub fn parse_new(input: &InternalRuleInput) -> Result<InternalRuleData, Vec<FieldError>> {
        let mut e = Errors::default();
        let kind = e.take(kind(&input.kind));
        let title = e.take(field::required_text("title", "Tên quy chế", &input.title, 300));
        let version = Self::parse_version(input);
        match (kind, title, version) {
            (Some(kind), Some(title), Ok(v)) if e.is_empty() => {
                Ok(InternalRuleData { kind: Some(kind), title: Some(title), ..v })
            }
            (_, _, Err(more)) => {
                e.0.extend(more);
                Err(e.0)
            }
            _ => Err(e.0),
        }
    }

    /// A new version of a rule: its kind and title stay those of the rule.
    pub fn parse_version(input: &InternalRuleInput) -> Result<InternalRuleData, Vec<FieldError>> {
        let mut e = Errors::default();
        let number = e.take(field::optional_text("number", "Số, ký hiệu văn bản ban hành", &input.number, 100));
        let issued_on = e.take(field::date("issued_on", "Ngày ban hành", &input.issued_on));
        let summary = e.take(field::optional_text("summary", "Nội dung chính", &input.summary, 5_000));
        match (number, issued_on, summary) {
            (Some(number), Some(issued_on), Some(summary)) if e.is_empty() => {
                Ok(InternalRuleData { kind: None, title: None, number, issued_on, summary })
            }
            _ => Err(e.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> InternalRuleInput {
        InternalRuleInput {
            kind: "spending".into(),
            title: "Quy chế  chi tiêu nội bộ".into(),
            number: "12/QĐ-VP".into(),
            issued_on: "15/01/2025".into(),
            summary: String::new(),
        }
    }

    #[test]
    fn a_new_rule_needs_its_kind_title_and_day() {
        let rule = InternalRuleData::parse_new(&input()).expect("rule");
        assert_eq!(rule.kind, Some(RuleKind::Spending));
        assert_eq!(rule.title.as_deref(), Some("Quy chế chi tiêu nội bộ"), "cleaned");
        let err = InternalRuleData::parse_new(&InternalRuleInput {
            kind: "budget".into(),
            title: " ".into(),
            issued_on: "31/02/2025".into(),
            ..input()
        })
        .expect_err("refused");
        let fields: Vec<&str> = err.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["kind", "title", "issued_on"]);
    }

    #[test]
    fn a_version_keeps_the_rules_kind_and_title() {
        let v = InternalRuleData::parse_version(&InternalRuleInput {
            kind: String::new(),
            title: String::new(),
            ..input()
        })
        .expect("version");
        assert_eq!((v.kind, v.title), (None, None));
        assert_eq!(v.issued_on, NaiveDate::from_ymd_opt(2025, 1, 15).expect("date"));
    }

    #[test]
    fn every_kind_reads_back_from_its_code_and_has_a_label() {
        for k in RuleKind::ALL {
            assert_eq!(k.as_str().parse::<RuleKind>(), Ok(k));
            assert!(!k.label().is_empty());
        }
    }
}
