//! Plans: issuing one from a document (with or without the review step) or from a reviewed
//! draft, who may read one, what its page shows, and the plan as an official document.

mod access;
mod create;
pub mod import;
mod occurrence;
mod overview;
pub mod plan_json;
pub mod summary;

pub use access::readable;
pub use create::{
    ImportedPlan, Reviewed, create_from_draft, draft_for_review, import_document, issue_reviewed, may_read_document,
};
pub use occurrence::{OccurrenceDetail, occurrence, occurrence_detail};
pub use overview::{PlanOverview, TaskView, UnitPlans, get, of_unit, overview};
pub use plan_json::PlanJson;

use coso_documents::Document;
use coso_domain::PlanId;

use crate::{Actor, App, Result};

/// A plan the actor may read, as an official document: the document it was read from with
/// the fields the officials confirmed, or one built from those fields.
pub async fn document(app: &App, actor: &Actor, plan_id: PlanId) -> Result<Document> {
    let (plan, issuer) = readable(app, actor, plan_id).await?;
    summary::plan_document(&plan, &issuer)
}
