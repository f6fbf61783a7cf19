//! The "new household" form: the domain's household input and the CSRF token.

use coso_domain::household::HouseholdInput;
use serde::Deserialize;

/// The values of the "new household" form, kept when validation fails.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct HouseholdForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: HouseholdInput,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_posted_form_fills_the_household_input() {
        let form: HouseholdForm = serde_urlencoded::from_str(
            "csrf=t&code=H-01&representative=Nguy%E1%BB%85n+V%C4%83n+A&address=X%C3%B3m+1&member_count=4&phone=",
        )
        .expect("parses");
        assert_eq!(form.csrf, "t");
        assert_eq!(form.input.code, "H-01");
        assert_eq!(form.input.representative, "Nguyễn Văn A");
        assert_eq!(form.input.address, "Xóm 1");
        // The count stays text, as typed: the domain parses and explains it.
        assert_eq!(form.input.member_count, "4");
        assert_eq!(form.input.phone, "");
    }
}
