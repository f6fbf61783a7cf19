//! Attendance of a meeting: a count, or the households ticked one by one (on a tablet), which
//! may come later and replace the count.

use coso_domain::decision::DecisionForm;
use coso_store::{Attendance, UnitRow};

use super::access::manage_permit;
use crate::{Actor, App, Error, Result};

/// Records attendance of the meeting `id` of `unit`; returns the households present.
pub async fn record_attendance(
    app: &App,
    actor: &Actor,
    unit: &UnitRow,
    id: i64,
    attendance: &Attendance,
) -> Result<i64> {
    let permit = manage_permit(actor, unit)?;
    let d = app.store().decision(id).await?.filter(|d| d.unit_id == unit.id).ok_or(Error::NotFound)?;
    if d.form != DecisionForm::Meeting {
        return Err(Error::Conflict {
            field: "form",
            message: format!("Chỉ cuộc họp mới ghi số hộ dự họp; quyết định này theo hình thức «{}».", d.form.label()),
        });
    }
    Ok(app.store().record_decision_attendance(&permit, unit, id, attendance, actor.audit()).await?)
}
