//! The "new unit" form: the domain's unit input and the CSRF token.

use coso_domain::unit::UnitInput;
use serde::Deserialize;

/// The values of the "new unit" form, kept when validation fails.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct UnitForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: UnitInput,
}

impl UnitForm {
    /// An empty form with `kind` chosen.
    pub fn with_kind(kind: impl Into<String>) -> UnitForm {
        UnitForm { input: UnitInput { kind: kind.into(), ..Default::default() }, ..Default::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_posted_form_fills_the_unit_input() {
        let form: UnitForm =
            serde_urlencoded::from_str("csrf=t&code=SNV-42&name=S%E1%BB%9F+N%E1%BB%99i+v%E1%BB%A5&kind=agency")
                .expect("parses");
        assert_eq!(form.csrf, "t");
        assert_eq!(form.input.code, "SNV-42");
        assert_eq!(form.input.name, "Sở Nội vụ");
        assert_eq!(form.input.kind, "agency");
        assert_eq!(form.input.valid_from, "");
    }
}
