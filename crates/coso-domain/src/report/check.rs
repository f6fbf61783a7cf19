//! Cross-field checks a template declares between two of its indicators, such as "resolved on
//! time ≤ received": `{"check": "le", "left": "…_resolved_on_time", "right": "…_received"}`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::template::Template;
use crate::field::PathError;

/// How the left indicator must compare with the right one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// Left ≤ right.
    Le,
    /// Left < right.
    Lt,
    /// Left = right.
    Eq,
    /// Left ≥ right.
    Ge,
    /// Left > right.
    Gt,
}

impl Comparison {
    pub const ALL: [Comparison; 5] = [Comparison::Le, Comparison::Lt, Comparison::Eq, Comparison::Ge, Comparison::Gt];

    /// The code a template writes (`"check": "le"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Comparison::Le => "le",
            Comparison::Lt => "lt",
            Comparison::Eq => "eq",
            Comparison::Ge => "ge",
            Comparison::Gt => "gt",
        }
    }

    fn holds(self, left: f64, right: f64) -> bool {
        match self {
            Comparison::Le => left <= right,
            Comparison::Lt => left < right,
            Comparison::Eq => left == right,
            Comparison::Ge => left >= right,
            Comparison::Gt => left > right,
        }
    }

    /// "không được lớn hơn": what the left value must be, in words.
    fn words(self) -> &'static str {
        match self {
            Comparison::Le => "không được lớn hơn",
            Comparison::Lt => "phải nhỏ hơn",
            Comparison::Eq => "phải bằng",
            Comparison::Ge => "không được nhỏ hơn",
            Comparison::Gt => "phải lớn hơn",
        }
    }
}

/// One declared check between two indicators of the template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Check {
    pub check: Comparison,
    /// The indicator checked; an error is shown at its field.
    pub left: String,
    /// The indicator it is compared with.
    pub right: String,
    /// What to tell the unit; empty for a message naming both indicators.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
}

impl Check {
    pub fn new(check: Comparison, left: &str, right: &str) -> Check {
        Check { check, left: left.into(), right: right.into(), message: String::new() }
    }

    /// The message shown when the check fails, naming both indicators by their labels.
    fn message(&self, template: &Template, left: f64, right: f64) -> String {
        if !self.message.trim().is_empty() {
            return self.message.clone();
        }
        let label = |code: &str| template.indicator(code).map_or(code.to_string(), |i| i.label.clone());
        format!(
            "«{}» ({}) {} «{}» ({}).",
            label(&self.left),
            shown(left),
            self.check.words(),
            label(&self.right),
            shown(right)
        )
    }
}

/// A value the Vietnamese way: `1.234` for whole numbers, `12,5` otherwise.
fn shown(x: f64) -> String {
    if x.fract() != 0.0 || x.abs() >= 1e15 {
        return x.to_string().replace('.', ",");
    }
    let digits = format!("{}", x.abs() as i64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if x < 0.0 { format!("-{out}") } else { out }
}

/// The failed checks of `template` on the values given, each at the left indicator's path.
/// A check with a value missing on either side is not applied.
pub fn failed(template: &Template, values: &BTreeMap<String, f64>) -> Vec<PathError> {
    template
        .checks
        .iter()
        .filter_map(|c| {
            let (l, r) = (*values.get(&c.left)?, *values.get(&c.right)?);
            (!c.check.holds(l, r)).then(|| PathError::new(format!("indicators.{}", c.left), c.message(template, l, r)))
        })
        .collect()
}

/// Checks name indicators of the template, and not the same one twice.
pub fn check_definitions(template: &Template, errs: &mut Vec<PathError>) {
    for (n, c) in template.checks.iter().enumerate() {
        let path = format!("checks.{}", n + 1);
        for code in [&c.left, &c.right] {
            if template.indicator(code).is_none() {
                errs.push(PathError::new(
                    path.clone(),
                    format!("Kiểm tra thứ {}: chỉ tiêu «{code}» không có trong mẫu báo cáo.", n + 1),
                ));
            }
        }
        if c.left == c.right {
            errs.push(PathError::new(path, format!("Kiểm tra thứ {}: phải so sánh hai chỉ tiêu khác nhau.", n + 1)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, f64)]) -> BTreeMap<String, f64> {
        pairs.iter().map(|(k, v)| ((*k).to_string(), *v)).collect()
    }

    #[test]
    fn every_comparison_is_written_and_read_by_its_code() {
        for c in Comparison::ALL {
            let code = serde_json::to_value(c).expect("serialized");
            assert_eq!(code, c.as_str());
            assert_eq!(serde_json::from_value::<Comparison>(code).expect("read back"), c);
        }
    }

    #[test]
    fn resolved_on_time_may_not_exceed_received() {
        let t = Template::grassroots_v1();
        let ok = values(&[("complaints_received", 720.0), ("complaints_resolved_on_time", 700.0)]);
        assert!(failed(&t, &ok).is_empty());
        let bad = values(&[("complaints_received", 720.0), ("complaints_resolved_on_time", 765.0)]);
        let errs = failed(&t, &bad);
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].field, "indicators.complaints_resolved_on_time");
        assert_eq!(
            errs[0].message,
            "«Số đơn khiếu nại, tố cáo giải quyết đúng hạn» (765) không được lớn hơn «Số đơn khiếu nại, tố cáo tiếp nhận» (720)."
        );
        assert!(failed(&t, &values(&[("complaints_resolved_on_time", 765.0)])).is_empty(), "one side missing");
        assert_eq!((shown(1234567.0), shown(-12.5), shown(0.0)), ("1.234.567".into(), "-12,5".into(), "0".into()));
    }

    #[test]
    fn a_declared_message_replaces_the_generated_one() {
        let mut t = Template::default_grassroots();
        t.checks = vec![Check { message: "Sai.".into(), ..Check::new(Comparison::Eq, "dialogues", "reception_days") }];
        let errs = failed(&t, &values(&[("dialogues", 1.0), ("reception_days", 2.0)]));
        assert_eq!(errs[0].message, "Sai.");
    }

    #[test]
    fn checks_must_name_indicators_of_the_template() {
        let mut t = Template::default_grassroots();
        t.checks.push(Check::new(Comparison::Le, "nope", "dialogues"));
        t.checks.push(Check::new(Comparison::Le, "dialogues", "dialogues"));
        let mut errs = Vec::new();
        check_definitions(&t, &mut errs);
        let n = t.checks.len();
        assert_eq!(
            errs.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(),
            [format!("checks.{}", n - 1), format!("checks.{n}")]
        );
    }

    #[test]
    fn old_templates_without_checks_still_read_and_json_spells_checks_as_declared() {
        let json = r#"{"code":"x","name":"X","indicators":[],"sections":[],"criteria":[],"rank_bands":[]}"#;
        assert!(serde_json::from_str::<Template>(json).expect("reads").checks.is_empty());
        let c: Check =
            serde_json::from_str(r#"{"check": "le", "left": "a", "right": "b", "message": "…"}"#).expect("reads");
        assert_eq!(c.check, Comparison::Le);
    }
}
