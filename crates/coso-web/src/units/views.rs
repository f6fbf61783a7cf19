//! The admin area's home and a unit's admin page.

use askama::Template;
use askama_web::WebTemplate;
use coso_store::UnitRow;

use super::forms::UnitForm;
use crate::forms::FieldErrors;
use crate::views::Nav;

#[derive(Template, WebTemplate)]
#[template(path = "units/admin_home.html")]
pub struct AdminHomePage {
    pub nav: Nav,
    pub grants: Vec<coso_store::GrantRow>,
}

#[derive(Template, WebTemplate)]
#[template(path = "units/admin_unit.html")]
pub struct AdminUnitPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub children: Vec<UnitRow>,
    pub form: UnitForm,
    pub errors: FieldErrors,
    pub row_errors: Vec<coso_domain::RowError>,
    pub can_manage: bool,
    /// The unit is in a remote area (*vùng sâu, vùng xa*).
    pub remote: bool,
    pub can_set_remote: bool,
    /// The remote flag's choices: (code, label, selected).
    pub remote_options: Vec<(&'static str, &'static str, bool)>,
    pub kinds: Vec<(&'static str, &'static str)>,
    /// The visitor takes the village's conventions through their life.
    pub manages_conventions: bool,
}

impl AdminUnitPage {
    /// The remote flag as the page says it.
    pub fn remote_label(&self) -> &'static str {
        if self.remote { "Có — thời hạn khiếu nại theo vùng sâu, vùng xa" } else { "Không" }
    }
}
