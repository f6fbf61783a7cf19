//! The household register page with its forms.

use askama::Template;
use askama_web::WebTemplate;
use coso_store::{HouseholdRow, UnitRow};

use super::forms::HouseholdForm;
use crate::forms::FieldErrors;
use crate::views::Nav;

#[derive(Template, WebTemplate)]
#[template(path = "households/register.html")]
pub struct HouseholdsPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub households: Vec<HouseholdRow>,
    pub total: i64,
    pub q: String,
    pub form: HouseholdForm,
    pub errors: FieldErrors,
    pub row_errors: Vec<coso_domain::RowError>,
    pub can_manage: bool,
    pub is_register: bool,
}

impl HouseholdsPage {
    /// The form's fields: name, label, value typed so far.
    pub fn fields(&self) -> Vec<(&'static str, &'static str, &str)> {
        vec![
            ("code", "Mã hộ", self.form.input.code.as_str()),
            ("representative", "Đại diện hộ", self.form.input.representative.as_str()),
            ("address", "Địa chỉ", self.form.input.address.as_str()),
            ("member_count", "Số nhân khẩu", self.form.input.member_count.as_str()),
            ("phone", "Điện thoại (không bắt buộc)", self.form.input.phone.as_str()),
        ]
    }
}
