//! Issuing a plan: from a document at once (the API and `coso plan import`), from a document
//! in two steps with a review form in between, or from a draft sent as JSON.

use coso_documents::Document;
use coso_domain::PlanId;
use coso_domain::authz::Action;
use coso_domain::plan::{PlanDraft, TargetSpec};
use coso_store::UnitRow;

use super::import::{self, Issue};
use super::plan_json::{PlanJson, plan_json};
use crate::{Actor, App, Error, Result, templates};

/// A plan issued from a document, and what the reader noticed on the way.
#[derive(Debug, Clone)]
pub struct ImportedPlan {
    pub plan: PlanJson,
    pub warnings: Vec<String>,
}

fn targets_of(raw: &str) -> Result<TargetSpec> {
    TargetSpec::parse(raw).map_err(|e| Error::Validation(vec![e]))
}

/// Whether the actor may have a plan document read: reading one costs CPU and memory out of
/// proportion to its size, so only those who issue plans (for `issuer`, or somewhere when no
/// issuer is named yet) may. Front doors ask before reading; the use cases that issue ask again.
pub fn may_read_document(actor: &Actor, issuer: Option<&UnitRow>) -> Result<()> {
    match issuer {
        Some(u) => actor.authorize(&u.unit_path(), Action::ManagePlans).map(|_| ()),
        None if actor.allows_somewhere(Action::ManagePlans) => Ok(()),
        None => Err(Error::Forbidden),
    }
}

/// Issues a plan document, already read (see [`import::read_document`]), for `issuer`
/// without the review step.
pub async fn import_document(
    app: &App,
    actor: &Actor,
    issuer: &UnitRow,
    targets: &str,
    year: Option<i32>,
    doc: Document,
) -> Result<ImportedPlan> {
    actor.authorize(&issuer.unit_path(), Action::ManagePlans)?;
    let spec = targets_of(targets)?;
    let draft = import::draft_of(&doc, year);
    let targets = import::resolve_targets(app, issuer, &spec).await?;
    let template_id = templates::ensure_default(app).await?;
    let req = Issue {
        issuer,
        draft: &draft,
        document: Some(&doc),
        targets: &targets,
        template_id,
        agency_template_id: None,
        parent_plan_id: None,
        actor,
    };
    let id = import::issue(app, req).await?;
    Ok(ImportedPlan { plan: plan_json(app, id, None).await?, warnings: doc.warnings })
}

/// Issues a plan from a reviewed draft; an implementing plan names the plan it implements,
/// which the actor must be able to read. `agency_template` is the code of the template its
/// agency targets report on (empty: the agencies' default).
pub async fn create_from_draft(
    app: &App,
    actor: &Actor,
    issuer: &UnitRow,
    targets: &str,
    draft: &PlanDraft,
    parent_plan_id: Option<PlanId>,
    agency_template: &str,
) -> Result<PlanJson> {
    actor.authorize(&issuer.unit_path(), Action::ManagePlans)?;
    let spec = targets_of(targets)?;
    let targets = import::resolve_targets(app, issuer, &spec).await?;
    if let Some(parent) = parent_plan_id {
        super::readable(app, actor, parent).await?;
    }
    let template_id = templates::ensure_default(app).await?;
    let agency_template_id = templates::agency_choice(app, agency_template).await?;
    let req = Issue {
        issuer,
        draft,
        document: None,
        targets: &targets,
        template_id,
        agency_template_id,
        parent_plan_id,
        actor,
    };
    let id = import::issue(app, req).await?;
    plan_json(app, id, None).await
}

/// Step 1 of the two-step import: what the reader understood of a document already read, for
/// the review form. Saves nothing.
pub fn draft_for_review(actor: &Actor, issuer: &UnitRow, doc: &Document, year: Option<i32>) -> Result<PlanDraft> {
    actor.authorize(&issuer.unit_path(), Action::ManagePlans)?;
    Ok(import::draft_of(doc, year))
}

/// Step 2: the reviewed draft, the document it came from, and the targets as typed.
pub struct Reviewed<'a> {
    pub issuer: &'a UnitRow,
    pub draft: &'a PlanDraft,
    pub document: &'a Document,
    pub targets: &'a str,
    /// The code of the template its agency targets report on (empty: the agencies' default).
    pub agency_template: &'a str,
}

/// Issues the reviewed plan; the document keeps the number, title and date the officials
/// confirmed. Returns the plan's id.
pub async fn issue_reviewed(app: &App, actor: &Actor, r: Reviewed<'_>) -> Result<PlanId> {
    actor.authorize(&r.issuer.unit_path(), Action::ManagePlans)?;
    let spec = targets_of(r.targets)?;
    let targets = import::resolve_targets(app, r.issuer, &spec).await?;
    let template_id = templates::ensure_default(app).await?;
    let agency_template_id = templates::agency_choice(app, r.agency_template).await?;
    let mut document = r.document.clone();
    document.number = r.draft.number.clone();
    document.title = Some(r.draft.title.clone());
    document.date = r.draft.issued_on.map(|d| d.to_string());
    let req = Issue {
        issuer: r.issuer,
        draft: r.draft,
        document: Some(&document),
        targets: &targets,
        template_id,
        agency_template_id,
        parent_plan_id: None,
        actor,
    };
    import::issue(app, req).await
}
