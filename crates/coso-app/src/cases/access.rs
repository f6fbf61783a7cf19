//! Who may read and handle a case, and who may read its sender's identity.

use coso_domain::authz::Action;
use coso_store::{AuditEntry, CaseRow};

use super::clearance::CLEARANCE_DENUNCIATION;
use crate::{Actor, App, Error, Result};

/// The case `id`, for an actor who may handle cases of its unit.
pub(crate) async fn case_to_handle(app: &App, actor: &Actor, id: i64) -> Result<CaseRow> {
    let case = app.store().case_by_id(coso_domain::CaseId(id)).await?.ok_or(Error::NotFound)?;
    actor.authorize(&case.unit_path(), Action::HandleCases)?;
    Ok(case)
}

/// Whether the actor may read the sender of `case`: for petitions and complaints, those who
/// handle the unit's cases; for denunciations and information, only a user cleared on the
/// unit or one above it (Law on Denunciations Art. 56) — the system and administrators are
/// not, unless cleared.
pub(crate) async fn may_read_sender(app: &App, actor: &Actor, case: &CaseRow) -> Result<bool> {
    if !case.kind.identity_is_secret() {
        return Ok(actor.may(&case.unit_path(), Action::HandleCases));
    }
    let Some(user) = actor.user_id() else { return Ok(false) };
    let units: Vec<_> = case.unit_path().ids().collect();
    Ok(app.store().has_clearance(user, CLEARANCE_DENUNCIATION, &units).await?)
}

/// Records that the actor read the identity of a denouncer; the entry names the case only.
pub(crate) async fn audit_identity_read(app: &App, actor: &Actor, case: &CaseRow) -> Result<()> {
    let entry = AuditEntry {
        action: "case.identity_read",
        entity: "citizen_case",
        entity_id: case.id.to_string(),
        unit_id: Some(coso_domain::UnitId(case.unit_id)),
        before: None,
        after: Some(serde_json::json!({ "case_id": case.id })),
    };
    Ok(app.store().audit(actor.audit(), &entry).await?)
}
