//! The operations shared by pages and API: authorize, validate, persist. Pages and API only
//! differ in how they read input and render the outcome.

use coso_domain::authz::{Action, Role};
use coso_domain::household::{HouseholdData, HouseholdInput};
use coso_domain::unit::{NewUnit, UnitInput};
use coso_domain::{FieldError, HouseholdId, UserId, household_import, unit_import};
use coso_store::{HouseholdImportReport, NewUser, UnitRow};

use crate::auth::CurrentUser;
use crate::auth::password;
use crate::error::AppError;
use crate::state::AppState;

pub fn today() -> chrono::NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive()
}

/// The unit with this code, or `AppError::NotFound`.
pub async fn unit_or_not_found(state: &AppState, code: &str) -> Result<UnitRow, AppError> {
    state.store().unit_by_code(code).await?.ok_or(AppError::NotFound)
}

/// Creates one unit under `parent` from a form or JSON.
pub async fn create_unit(
    state: &AppState,
    user: &CurrentUser,
    parent: &UnitRow,
    input: &UnitInput,
) -> Result<UnitRow, AppError> {
    user.authorize(&parent.unit_path(), Action::ManageUnits)?;
    let new = NewUnit::parse(input, parent.unit_kind(), today()).map_err(AppError::Validation)?;
    if !new.kind.created_by_officials() {
        return Err(AppError::Validation(vec![FieldError::new(
            "kind",
            "Chỉ tạo được thôn, tổ dân phố, cơ quan, phòng ban.",
        )]));
    }
    let created = state.store().create_units(parent, &[(1, new)], &user.actor()).await.map_err(|e| match e {
        coso_store::StoreError::Rows(rows) => {
            AppError::Validation(rows.into_iter().map(|r| FieldError::new("code", r.message)).collect())
        }
        other => other.into(),
    })?;
    created.into_iter().next().ok_or(AppError::NotFound)
}

/// Imports child units from CSV bytes: all rows or none.
pub async fn import_units(
    state: &AppState,
    user: &CurrentUser,
    parent: &UnitRow,
    bytes: &[u8],
) -> Result<Vec<UnitRow>, AppError> {
    user.authorize(&parent.unit_path(), Action::ManageUnits)?;
    let kind = parent.unit_kind().ok_or(AppError::NotFound)?;
    let rows = unit_import::parse_csv(bytes, kind, today()).map_err(AppError::Rows)?;
    let created = state.store().create_units(parent, &rows, &user.actor()).await?;
    Ok(created)
}

/// Lists a register. Reading households is a sensitive read: it is audited, with the query.
pub async fn list_households(
    state: &AppState,
    user: &CurrentUser,
    unit: &UnitRow,
    q: Option<&str>,
    limit: Option<i64>,
    offset: Option<i64>,
) -> Result<coso_store::Page<coso_store::HouseholdRow>, AppError> {
    let permit = user.authorize(&unit.unit_path(), Action::ReadHouseholds)?;
    let entry = coso_store::AuditEntry {
        action: "household.list",
        entity: "household",
        entity_id: unit.code.clone(),
        unit_id: Some(unit.unit_id()),
        before: None,
        after: q.map(|q| serde_json::json!({ "q": q })),
    };
    state.store().audit(&user.actor(), &entry).await?;
    Ok(state.store().households(&permit, unit, q, limit, offset).await?)
}

pub async fn create_household(
    state: &AppState,
    user: &CurrentUser,
    village: &UnitRow,
    input: &HouseholdInput,
) -> Result<HouseholdId, AppError> {
    let permit = user.authorize(&village.unit_path(), Action::ManageHouseholds)?;
    let data = HouseholdData::parse(input, today()).map_err(AppError::Validation)?;
    let id = state.store().create_household(&permit, village, &data, &user.actor()).await?;
    Ok(id)
}

pub async fn import_households(
    state: &AppState,
    user: &CurrentUser,
    village: &UnitRow,
    bytes: &[u8],
) -> Result<HouseholdImportReport, AppError> {
    let permit = user.authorize(&village.unit_path(), Action::ManageHouseholds)?;
    if !village.unit_kind().is_some_and(|k| k.has_households()) {
        return Err(AppError::BadRequest("Chỉ thôn và tổ dân phố có sổ hộ gia đình.".into()));
    }
    let bytes = bytes.to_vec();
    let parsed = tokio::task::spawn_blocking(move || household_import::parse_csv(&bytes, today()))
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(AppError::Rows)?;
    let report = state.store().import_households(&permit, village, parsed.rows, &user.actor()).await?;
    Ok(report)
}

/// Raw input of a new account.
#[derive(Debug, Default, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct UserInput {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub password: String,
    /// `admin`, `official`, `viewer`, `village_head`, `board_member` or `resident`.
    #[serde(default)]
    pub role: String,
    /// Code of the unit the role is granted on.
    #[serde(default)]
    pub unit_code: String,
}

pub const MIN_PASSWORD: usize = 10;

/// Creates an account; only administrators may.
pub async fn create_user(state: &AppState, user: &CurrentUser, input: &UserInput) -> Result<UserId, AppError> {
    if !user.is_admin() {
        return Err(AppError::Forbidden);
    }
    let mut errors = Vec::new();
    let email = coso_text::clean(&input.email).to_lowercase();
    if !(email.contains('@') && email.len() <= 200 && !email.contains(char::is_whitespace)) {
        errors.push(FieldError::new("email", "E-mail không hợp lệ."));
    }
    let name = coso_text::clean(&input.display_name);
    if name.is_empty() {
        errors.push(FieldError::new("display_name", "Họ và tên không được để trống."));
    }
    if input.password.chars().count() < MIN_PASSWORD {
        errors.push(FieldError::new("password", format!("Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự.")));
    }
    let role = Role::parse(&input.role);
    if role.is_none() {
        errors.push(FieldError::new("role", "Vai trò không hợp lệ."));
    }
    let unit = state.store().unit_by_code(input.unit_code.trim()).await?;
    if unit.is_none() {
        errors.push(FieldError::new("unit_code", format!("Không có đơn vị mã «{}».", input.unit_code.trim())));
    }
    let (Some(role), Some(unit), true) = (role, unit, errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    let password_hash = password::hash(input.password.clone()).await?;
    let new = NewUser { email, display_name: name, password_hash, grants: vec![(role, unit.unit_id())] };
    Ok(state.store().create_user(&new, &user.actor()).await?)
}
