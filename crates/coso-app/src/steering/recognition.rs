//! The register of commendations and of models worth copying: record an entry (checked whole,
//! its units found in the register unit's subtree), the lists of a subtree filtered by unit and
//! year with their CSV/XLSX tables, and the models a unit shows the public.

use coso_domain::FieldError;
use coso_domain::authz::Action;
use coso_domain::field::Errors;
use coso_domain::steering::{CommendationInput, ModelInput, ModelStatus};
use coso_export::{Cell, Column, ColumnKind, Table};
use coso_store::{AuditEntry, CommendationRow, ModelRow, NewCommendation, NewModel, UnitRow};

use crate::{Actor, App, Error, Result};

/// The unit `code` if it is `root` or below it; `None` (with the error recorded) otherwise.
async fn unit_below(
    app: &App,
    root: &UnitRow,
    code: &str,
    field: &'static str,
    e: &mut Errors,
) -> Result<Option<UnitRow>> {
    match app.store().unit_by_code(code).await? {
        Some(u) if root.unit_path().contains(&u.unit_path()) => Ok(Some(u)),
        Some(u) => {
            e.push(FieldError::new(field, format!("{} ({code}) không thuộc {}.", u.name, root.name)));
            Ok(None)
        }
        None => {
            e.push(FieldError::new(field, format!("Không có đơn vị mã «{code}».")));
            Ok(None)
        }
    }
}

/// Records a commendation decided by `unit`, for a unit of its subtree or a person.
pub async fn record_commendation(app: &App, actor: &Actor, unit: &UnitRow, input: &CommendationInput) -> Result<i64> {
    let permit = actor.authorize(&unit.unit_path(), Action::ManageSteering)?;
    let c = input.parse(app.today()).map_err(Error::Validation)?;
    let mut e = Errors::default();
    let recipient = match &c.recipient_unit {
        Some(code) => unit_below(app, unit, code, "recipient_unit", &mut e).await?,
        None => None,
    };
    if !e.is_empty() {
        return Err(Error::Validation(e.0));
    }
    let new = NewCommendation {
        form: c.form,
        recipient_unit_id: recipient.map(|u| u.id),
        recipient_person: c.recipient_person,
        year: c.year,
        reason: c.reason,
        decision_number: c.decision_number,
        decided_on: c.decided_on,
    };
    Ok(app.store().record_commendation(&permit, unit, &new, actor.audit()).await?)
}

/// Records a model worth copying in `unit`'s register, run by a unit of its subtree.
pub async fn record_model(app: &App, actor: &Actor, unit: &UnitRow, input: &ModelInput) -> Result<i64> {
    let permit = actor.authorize(&unit.unit_path(), Action::ManageSteering)?;
    let m = input.parse().map_err(Error::Validation)?;
    let mut e = Errors::default();
    let runner = match &m.unit {
        Some(code) => unit_below(app, unit, code, "unit", &mut e).await?,
        None => Some(unit.clone()),
    };
    let Some(runner) = runner.filter(|_| e.is_empty()) else { return Err(Error::Validation(e.0)) };
    let new = NewModel { unit_id: runner.id, name: m.name, year: m.year, description: m.description, status: m.status };
    Ok(app.store().record_model(&permit, unit, &new, actor.audit()).await?)
}

/// What the register lists: a unit of the subtree (the whole subtree when `None`) and a year.
#[derive(Debug, Clone, Default)]
pub struct RegisterFilter {
    pub unit: Option<String>,
    pub year: Option<i32>,
}

/// The register of `unit` as filtered.
#[derive(Debug, Clone)]
pub struct RegisterView {
    pub unit: UnitRow,
    /// The unit whose subtree is listed (the register's unit unless filtered).
    pub scope: UnitRow,
    pub year: Option<i32>,
    pub commendations: Vec<CommendationRow>,
    pub models: Vec<ModelRow>,
}

/// The register of `unit`'s subtree, for those who read its plans. A filter unit outside the
/// subtree is refused naming the field.
pub async fn register(app: &App, actor: &Actor, unit: &UnitRow, filter: &RegisterFilter) -> Result<RegisterView> {
    actor.authorize(&unit.unit_path(), Action::ReadPlans)?;
    let mut e = Errors::default();
    let scope = match filter.unit.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(code) => unit_below(app, unit, code, "unit", &mut e).await?,
        None => Some(unit.clone()),
    };
    let Some(scope) = scope.filter(|_| e.is_empty()) else { return Err(Error::Validation(e.0)) };
    let store = app.store();
    let commendations = store.commendations(&scope.path, filter.year).await?;
    let models = store.models(&scope.path, filter.year).await?;
    Ok(RegisterView { unit: unit.clone(), scope, year: filter.year, commendations, models })
}

impl RegisterView {
    fn subtitle(&self) -> String {
        match self.year {
            Some(y) => format!("{} · năm {y}", self.scope.name),
            None => format!("{} · mọi năm", self.scope.name),
        }
    }

    /// The commendations as an export table.
    pub fn commendations_table(&self) -> Table {
        let columns = vec![
            Column::new("Năm", ColumnKind::Integer),
            Column::new("Hình thức", ColumnKind::Text),
            Column::new("Đơn vị được khen", ColumnKind::Text),
            Column::new("Cá nhân được khen", ColumnKind::Text),
            Column::new("Thành tích", ColumnKind::Text).with_width(50.0),
            Column::new("Số quyết định", ColumnKind::Text),
            Column::new("Ngày quyết định", ColumnKind::Date),
            Column::new("Đơn vị quyết định", ColumnKind::Text),
        ];
        let mut t = Table::new("Sổ khen thưởng", columns);
        t.subtitle = Some(self.subtitle());
        t.rows = self
            .commendations
            .iter()
            .map(|c| {
                vec![
                    Cell::Int(i64::from(c.year)),
                    c.form.label().into(),
                    c.recipient_name.clone().into(),
                    c.recipient_person.clone().into(),
                    c.reason.clone().into(),
                    c.decision_number.clone().into(),
                    c.decided_on.into(),
                    c.register_name.clone().into(),
                ]
            })
            .collect();
        t
    }

    /// The models as an export table.
    pub fn models_table(&self) -> Table {
        let columns = vec![
            Column::new("Năm", ColumnKind::Integer),
            Column::new("Mô hình, điển hình", ColumnKind::Text).with_width(40.0),
            Column::new("Đơn vị thực hiện", ColumnKind::Text),
            Column::new("Tình trạng", ColumnKind::Text),
            Column::new("Mô tả", ColumnKind::Text).with_width(60.0),
        ];
        let mut t = Table::new("Mô hình, điển hình", columns);
        t.subtitle = Some(self.subtitle());
        t.rows = self
            .models
            .iter()
            .map(|m| {
                vec![
                    Cell::Int(i64::from(m.year)),
                    m.name.clone().into(),
                    m.unit_name.clone().into(),
                    m.status.label().into(),
                    m.description.clone().into(),
                ]
            })
            .collect();
        t
    }
}

/// The commendations of `view` as a download (`csv` or `xlsx`): it names the persons
/// commended, so the download is recorded in the log with its scope and number of rows.
pub async fn commendations_download(app: &App, actor: &Actor, view: &RegisterView, format: &str) -> Result<Vec<u8>> {
    let table = view.commendations_table();
    let bytes = if format == "csv" { csv(&table)? } else { xlsx(&table)? };
    let entry = AuditEntry {
        action: "commendation.export",
        entity: "commendation",
        entity_id: view.scope.code.clone(),
        unit_id: Some(view.scope.unit_id()),
        before: None,
        after: Some(serde_json::json!({ "format": format, "rows": table.rows.len(), "year": view.year })),
    };
    app.store().audit(actor.audit(), &entry).await?;
    Ok(bytes)
}

/// A table as CSV (text that looks like a formula is neutralised).
pub fn csv(table: &Table) -> Result<Vec<u8>> {
    coso_export::to_csv(table).map_err(|e| Error::Internal(format!("Không tạo được tệp: {e}")))
}

/// A table as XLSX (text cells, never formulas).
pub fn xlsx(table: &Table) -> Result<Vec<u8>> {
    coso_export::to_xlsx(table).map_err(|e| Error::Internal(format!("Không tạo được tệp: {e}")))
}

/// The models a unit and the units below it run, for its public page: those not stopped.
pub async fn public_models(app: &App, code: &str) -> Result<(UnitRow, Vec<ModelRow>)> {
    let unit = crate::units::by_code(app, code).await?;
    let models =
        app.store().models(&unit.path, None).await?.into_iter().filter(|m| m.status != ModelStatus::Stopped).collect();
    Ok((unit, models))
}
