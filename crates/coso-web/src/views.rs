//! Typed page templates (askama, auto-escaped). One struct per page.

use askama::Template;
use askama_web::WebTemplate;
use coso_store::{AuditRecord, HouseholdRow, UnitRow, UserRow};

use crate::auth::CurrentUser;
use crate::forms::FieldErrors;

/// What the page header needs to know about the visitor.
#[derive(Debug, Clone, Default)]
pub struct Nav {
    pub user_name: Option<String>,
    pub csrf: String,
    pub is_admin: bool,
}

impl Nav {
    pub fn of(user: Option<&CurrentUser>) -> Nav {
        match user {
            Some(u) => {
                Nav { user_name: Some(u.display_name.clone()), csrf: u.csrf_token.clone(), is_admin: u.is_admin() }
            }
            None => Nav::default(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub nav: Nav,
    pub status: u16,
    pub message: String,
    pub request_id: String,
}

impl ErrorPage {
    pub fn new(status: u16, message: String, request_id: String) -> Self {
        Self { nav: Nav::default(), status, message, request_id }
    }
}

#[derive(Template, WebTemplate, Default)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub nav: Nav,
    pub email: String,
    pub error: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
pub struct HomePage {
    pub nav: Nav,
    pub provinces: Vec<UnitRow>,
    pub counts: Vec<(String, i64)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "search.html")]
pub struct SearchPage {
    pub nav: Nav,
    pub q: String,
    pub kind: String,
    pub results: Vec<UnitRow>,
    pub total: i64,
    pub within: Option<UnitRow>,
}

#[derive(Template, WebTemplate)]
#[template(path = "unit.html")]
pub struct UnitPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub children: Vec<UnitRow>,
    pub household_count: i64,
    pub can_admin: bool,
    /// The units that took over, for a unit that ceased.
    pub successors: Vec<coso_store::Succession>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin_index.html")]
pub struct AdminIndexPage {
    pub nav: Nav,
    pub grants: Vec<coso_store::GrantRow>,
}

/// The values of the "new unit" form, kept when validation fails.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct UnitForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub valid_from: String,
    #[serde(default)]
    pub valid_to: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin_unit.html")]
pub struct AdminUnitPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub children: Vec<UnitRow>,
    pub form: UnitForm,
    pub errors: FieldErrors,
    pub row_errors: Vec<coso_domain::RowError>,
    pub notice: Option<String>,
    pub can_manage: bool,
    pub kinds: Vec<(&'static str, &'static str)>,
}

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
#[template(path = "admin_households.html")]
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

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct UserForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub unit_code: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin_users.html")]
pub struct UsersPage {
    pub nav: Nav,
    pub users: Vec<UserRow>,
    pub total: i64,
    pub form: UserForm,
    pub errors: FieldErrors,
    pub notice: Option<String>,
    pub roles: Vec<(&'static str, &'static str)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin_audit.html")]
pub struct AuditPage {
    pub nav: Nav,
    pub entries: Vec<AuditRecord>,
    pub total: i64,
}

/// `dd/mm/yyyy`, the Vietnamese date format.
pub fn vn_date(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

impl UnitPage {
    /// When the successors took over.
    pub fn succession_date(&self) -> String {
        self.successors.first().map(|s| vn_date(s.effective)).unwrap_or_default()
    }

    /// "từ 01/07/2025", or with the end for a unit that ceased.
    pub fn validity(&self) -> String {
        match self.unit.valid_to {
            Some(to) => format!("từ {} đến trước {} (đã chấm dứt)", vn_date(self.unit.valid_from), vn_date(to)),
            None => format!("từ {}", vn_date(self.unit.valid_from)),
        }
    }
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

impl UsersPage {
    /// The form's text fields: name, label, value typed so far, input type. The password is
    /// never echoed back.
    pub fn fields(&self) -> Vec<(&'static str, String, &str, &'static str)> {
        let password = format!("Mật khẩu (ít nhất {} ký tự)", coso_app::accounts::MIN_PASSWORD_CHARS);
        vec![
            ("email", "E-mail".into(), self.form.email.as_str(), "email"),
            ("display_name", "Họ và tên".into(), self.form.display_name.as_str(), "text"),
            ("password", password, "", "password"),
            ("unit_code", "Mã đơn vị được giao".into(), self.form.unit_code.as_str(), "text"),
        ]
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "deadline.html")]
pub struct DeadlinePage {
    pub nav: Nav,
    pub rules: Vec<(String, String)>,
    pub rule: String,
    pub from: String,
    pub complex: bool,
    pub especially_complex: bool,
    pub remote: bool,
    pub result: Option<coso_calendar::Deadline>,
    pub error: Option<String>,
}

impl DeadlinePage {
    pub fn vn(&self, d: &chrono::NaiveDate) -> String {
        vn_date(*d)
    }
}

/// One day of the month view.
#[derive(Debug, Clone)]
pub struct DayCell {
    pub day: u32,
    /// Lunar day, with the month on the first day of a lunar month ("1/3").
    pub lunar: String,
    pub weekend: bool,
    /// The name of the holiday or day off, if any.
    pub off: Option<String>,
    pub working_saturday: bool,
    pub today: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "month.html")]
pub struct MonthPage {
    pub nav: Nav,
    pub year: i32,
    pub month: u32,
    pub lunar_year_name: String,
    pub weeks: Vec<Vec<Option<DayCell>>>,
    pub prev: (i32, u32),
    pub next: (i32, u32),
    pub announced: bool,
    pub source: Option<String>,
}
