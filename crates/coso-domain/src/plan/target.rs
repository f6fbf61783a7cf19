//! Which units a plan targets: all the issuing unit's children, or units named by code.

use serde::{Deserialize, Serialize};

use crate::field::FieldError;
use crate::unit::UnitCode;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetSpec {
    /// Every current child of the issuing unit.
    Children,
    /// These unit codes, in the order given, without repeats.
    Codes(Vec<String>),
}

/// What a form shows and accepts for [`TargetSpec::Children`].
pub const ALL_CHILDREN: &str = "tất cả đơn vị trực thuộc";

/// The ways of saying "every child" that are accepted, folded: the form's words, shorter
/// Vietnamese, and the code the API and the command line use.
const CHILDREN_WORDS: [&str; 5] =
    ["tat ca don vi truc thuoc", "tat ca truc thuoc", "don vi truc thuoc", "tat ca", "children"];

impl TargetSpec {
    /// Reads the form or CLI value: «tất cả đơn vị trực thuộc» (or `children`), or codes
    /// separated by commas (`25,26`).
    pub fn parse(raw: &str) -> Result<TargetSpec, FieldError> {
        let v = raw.trim();
        let folded = coso_text::fold(v).split_whitespace().collect::<Vec<_>>().join(" ");
        if CHILDREN_WORDS.contains(&folded.as_str()) {
            return Ok(TargetSpec::Children);
        }
        let mut codes: Vec<String> = Vec::new();
        for part in v.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let code =
                UnitCode::parse(part).map_err(|e| FieldError::new("targets", format!("Đơn vị nhận: {}", e.message)))?;
            if !codes.iter().any(|c| c == code.as_str()) {
                codes.push(code.into_string());
            }
        }
        if codes.is_empty() {
            return Err(FieldError::new(
                "targets",
                "Đơn vị nhận không được để trống: ghi «tất cả đơn vị trực thuộc» hoặc ghi mã đơn vị, cách nhau bởi dấu phẩy.",
            ));
        }
        Ok(TargetSpec::Codes(codes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_children_or_a_list_of_codes() {
        assert_eq!(TargetSpec::parse(" children "), Ok(TargetSpec::Children));
        for words in [ALL_CHILDREN, "Tất cả  đơn vị trực thuộc", "tat ca"] {
            assert_eq!(TargetSpec::parse(words), Ok(TargetSpec::Children), "{words}");
        }
        assert_eq!(
            TargetSpec::parse("25, 26,,25 ,27"),
            Ok(TargetSpec::Codes(vec!["25".into(), "26".into(), "27".into()]))
        );
    }

    #[test]
    fn rejects_empty_and_malformed_lists_on_the_targets_field() {
        for bad in ["", " , ", "25, xã Đông"] {
            let e = TargetSpec::parse(bad).expect_err(bad);
            assert_eq!(e.field, "targets");
            assert!(e.message.starts_with("Đơn vị nhận"), "{}", e.message);
        }
    }
}
