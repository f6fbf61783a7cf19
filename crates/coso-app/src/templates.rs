//! The report templates: the default grassroots-democracy template is seeded at start and
//! stays editable by administrators.

use coso_domain::report::Template;
use coso_store::{Actor, Store};

use crate::{ReportingError, Result};

/// Makes sure the default template exists and returns its id. Never overwrites an edited one.
pub async fn ensure_default(store: &Store) -> Result<i64> {
    let t = Template::default_grassroots();
    let definition = serde_json::to_value(&t).map_err(|e| ReportingError::Export(e.to_string()))?;
    Ok(store.ensure_report_template(&t.code, &t.name, &definition, &Actor::system("khởi tạo")).await?)
}

/// A stored template, parsed.
pub async fn load(store: &Store, id: i64) -> Result<Template> {
    let row = store.report_template(id).await?.ok_or(ReportingError::NotFound)?;
    serde_json::from_value(row.definition)
        .map_err(|e| ReportingError::BadInput(format!("Mẫu báo cáo lưu trong cơ sở dữ liệu bị hỏng: {e}")))
}
