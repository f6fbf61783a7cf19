//! The report templates: the default grassroots-democracy template is seeded once and stays
//! editable by administrators, with the domain's checks and a version guard.

use coso_domain::TemplateId;
use coso_domain::report::Template;
use coso_domain::unit::UnitKind;
use coso_store::{Actor as AuditActor, ReportTemplateRow, UnitRow};

use crate::{Actor, App, Error, Result, stored};

/// Makes sure the default template exists and returns its id. Never overwrites an edited one.
pub async fn ensure_default(app: &App) -> Result<TemplateId> {
    let t = Template::default_grassroots();
    let definition = serde_json::to_value(&t).map_err(Error::internal)?;
    Ok(TemplateId(
        app.store().ensure_report_template(&t.code, &t.name, &definition, &AuditActor::system("khởi tạo")).await?,
    ))
}

/// Makes sure the agencies' template exists and returns its id. Never overwrites an edited one.
pub async fn ensure_agency(app: &App) -> Result<TemplateId> {
    let t = Template::default_agency();
    let definition = serde_json::to_value(&t).map_err(Error::internal)?;
    Ok(TemplateId(
        app.store().ensure_report_template(&t.code, &t.name, &definition, &AuditActor::system("khởi tạo")).await?,
    ))
}

/// The template `unit` reports with on an occurrence issued with `template_id` by a plan whose
/// agency targets report on `agency_template` (`None`: the agencies' default): the template is
/// chosen by the kind of the target, so an agency answers with an agencies' template and is
/// never scored on a commune's household ballots or community meetings.
pub async fn for_unit(
    app: &App,
    template_id: TemplateId,
    agency_template: Option<TemplateId>,
    unit: &UnitRow,
) -> Result<Template> {
    if unit.kind == UnitKind::Agency {
        return for_agencies(app, template_id, agency_template).await;
    }
    load(app, template_id).await
}

/// The template a plan's agency targets report on: the one the plan chose, or the plan's own
/// when it is the agencies' template, or the agencies' default.
pub async fn for_agencies(app: &App, template_id: TemplateId, agency_template: Option<TemplateId>) -> Result<Template> {
    if let Some(chosen) = agency_template {
        return load(app, chosen).await;
    }
    let issued = load(app, template_id).await?;
    if issued.code == Template::AGENCY_CODE {
        return Ok(issued);
    }
    load(app, ensure_agency(app).await?).await
}

/// The template a plan's issuer chose for its agency targets, by its code as typed (the review
/// form's choice, the API draft's `agency_template`): `None` for none (the agencies' default);
/// a code that names no template is refused naming the field.
pub async fn agency_choice(app: &App, code: &str) -> Result<Option<TemplateId>> {
    let code = code.trim();
    if code.is_empty() {
        return Ok(None);
    }
    let found = list(app).await?.into_iter().find(|t| t.code == code);
    match found {
        Some(t) => Ok(Some(TemplateId(t.id))),
        None => {
            let shown: String = code.chars().take(60).collect();
            Err(Error::field("agency_template", format!("Mẫu báo cáo cho cơ quan, đơn vị: không có mẫu «{shown}».")))
        }
    }
}

/// A stored template, parsed.
pub async fn load(app: &App, id: TemplateId) -> Result<Template> {
    let row = app.store().report_template(id).await?.ok_or(Error::NotFound)?;
    stored::decode("report_template.definition", &row.definition)
}

/// Every template (the default one seeded first), for everyone signed in.
pub async fn list(app: &App) -> Result<Vec<ReportTemplateRow>> {
    ensure_default(app).await?;
    ensure_agency(app).await?;
    Ok(app.store().report_templates().await?)
}

/// The id of the template administrators edit first (the default one).
pub async fn first_editable(app: &App, actor: &Actor) -> Result<TemplateId> {
    actor.require_admin()?;
    ensure_default(app).await
}

/// A stored template as it is, for the administrators' editor.
pub async fn stored(app: &App, actor: &Actor, id: TemplateId) -> Result<ReportTemplateRow> {
    actor.require_admin()?;
    app.store().report_template(id).await?.ok_or(Error::NotFound)
}

/// Saves a new name and definition (administrators only) if the template is still at
/// `version`, the one the editor was shown. The definition is checked by the domain first;
/// the errors name the path (`indicators.0.code`, …).
pub async fn save(
    app: &App,
    actor: &Actor,
    id: TemplateId,
    name: &str,
    definition: &Template,
    version: i64,
) -> Result<ReportTemplateRow> {
    actor.require_admin()?;
    definition.validate().map_err(Error::Fields)?;
    let value = serde_json::to_value(definition).map_err(Error::internal)?;
    Ok(app.store().update_report_template(id, name, &value, version, actor.audit()).await?)
}
