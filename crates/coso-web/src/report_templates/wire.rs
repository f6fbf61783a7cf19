//! The API's view of report templates. A template's definition is kept as the JSON document it
//! was saved as; its schema here is the shape the domain's `Template` reads.

use chrono::{DateTime, Utc};
use coso_domain::report::Comparison;
use coso_store::ReportTemplateRow;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa::openapi::schema::{ArrayBuilder, Object, ObjectBuilder, Type};

/// A report template with its definition.
#[derive(Serialize, ToSchema)]
pub struct ReportTemplate {
    pub id: i64,
    /// A stable machine code, e.g. `qcdc-mac-dinh`.
    pub code: String,
    pub name: String,
    #[schema(schema_with = template_definition)]
    pub definition: serde_json::Value,
    /// Sent back with a change; a newer one in the database means someone else saved.
    pub version: i64,
    pub updated_at: DateTime<Utc>,
}

impl From<ReportTemplateRow> for ReportTemplate {
    fn from(r: ReportTemplateRow) -> Self {
        ReportTemplate {
            id: r.id,
            code: r.code,
            name: r.name,
            definition: r.definition,
            version: r.version,
            updated_at: r.updated_at,
        }
    }
}

fn text() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String)
}

fn number() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::Number)
}

fn flag() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::Boolean)
}

fn list_of(item: ObjectBuilder) -> ArrayBuilder {
    ArrayBuilder::new().items(item)
}

/// The definition of a template: its indicators, narrative sections, self-assessment criteria,
/// rank bands and the checks between indicators.
pub fn template_definition() -> Object {
    let indicator = ObjectBuilder::new()
        .description(Some("A number the report gives: «Số cuộc đối thoại», in «cuộc»."))
        .property("code", text())
        .property("label", text())
        .property("unit_of_measure", text().description(Some("Đơn vị tính: `lần`, `cuộc`, `đơn`…")))
        .property("definition", text().description(Some("What to count, so that every unit counts the same.")))
        .property("required", flag())
        .property("integer", flag().description(Some("Whole numbers only.")))
        .property("source", text().description(Some("The key of coso's own data that pre-fills it.")))
        .required("code")
        .required("label")
        .required("unit_of_measure");
    let section = ObjectBuilder::new()
        .description(Some("A written part of the report."))
        .property("code", text())
        .property("title", text())
        .property("required", flag())
        .required("code")
        .required("title");
    let criterion = ObjectBuilder::new()
        .description(Some("A self-assessment criterion."))
        .property("code", text())
        .property("label", text())
        .property("max_points", number())
        .property("guidance", text())
        .required("code")
        .required("label")
        .required("max_points");
    let band = ObjectBuilder::new()
        .description(Some("A rank and the least score that earns it."))
        .property("rank", text())
        .property("min_score", number())
        .required("rank")
        .required("min_score");
    let check = ObjectBuilder::new()
        .description(Some("How the left indicator must compare with the right one."))
        .property("check", text().enum_values(Some(Comparison::ALL.map(Comparison::as_str))))
        .property("left", text())
        .property("right", text())
        .property("message", text().description(Some("What to tell the unit when the check fails.")))
        .required("check")
        .required("left")
        .required("right");
    ObjectBuilder::new()
        .description(Some(
            "The template: its indicators, narrative sections, self-assessment criteria, rank bands \
             from the best down, and the checks between indicators.",
        ))
        .property("code", text())
        .property("name", text())
        .property("indicators", list_of(indicator))
        .property("sections", list_of(section))
        .property("criteria", list_of(criterion))
        .property("rank_bands", list_of(band))
        .property("checks", list_of(check))
        .required("code")
        .required("name")
        .required("indicators")
        .required("sections")
        .required("criteria")
        .required("rank_bands")
        .build()
}
