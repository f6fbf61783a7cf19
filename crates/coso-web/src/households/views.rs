//! The household register page with its forms.

use askama::Template;
use askama_web::WebTemplate;
use coso_store::{HouseholdRow, UnitRow};

use crate::forms::FieldErrors;
use crate::views::Nav;

/// The values of the "new household" form.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct HouseholdForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub representative: String,
    #[serde(default)]
    pub member_count: String,
    #[serde(default)]
    pub phone: String,
}

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
    pub notice: Option<String>,
    pub can_manage: bool,
    pub is_register: bool,
}

impl HouseholdsPage {
    /// The form's fields: name, label, value typed so far.
    pub fn fields(&self) -> Vec<(&'static str, &'static str, &str)> {
        vec![
            ("code", "Mã hộ", self.form.code.as_str()),
            ("representative", "Đại diện hộ", self.form.representative.as_str()),
            ("address", "Địa chỉ", self.form.address.as_str()),
            ("member_count", "Số nhân khẩu", self.form.member_count.as_str()),
            ("phone", "Điện thoại (không bắt buộc)", self.form.phone.as_str()),
        ]
    }
}
