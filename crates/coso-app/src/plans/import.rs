//! A plan from a document or a reviewed draft: read, resolve targets, expand obligations into
//! occurrences, persist in one transaction.

use coso_documents::{Document, Format, ParseContext};
use coso_domain::authz::Action;
use coso_domain::plan::{Due, ObligationKind, PlanDraft, ReportingDefaults, TargetSpec, occurrences};
use coso_domain::unit::UnitKind;
use coso_domain::{PlanId, TemplateId};
use coso_store::{NewObligation, NewPlan, NewTask, UnitRow};

use crate::{Actor, App, Error, Result};

/// The format of an uploaded document: by its extension, else by its first bytes (a DOCX is
/// a ZIP archive).
pub fn detect_format(file_name: &str, bytes: &[u8]) -> Format {
    let ext = file_name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    Format::from_extension(ext).unwrap_or(if bytes.starts_with(b"PK\x03\x04") {
        Format::Docx
    } else {
        Format::Markdown
    })
}

/// Reads a plan document. Parser errors are worded for the user.
pub fn read_document(file_name: &str, bytes: &[u8], year: Option<i32>) -> Result<Document> {
    let ctx = ParseContext { default_year: year };
    coso_documents::parse_with_context(bytes, detect_format(file_name, bytes), &ctx)
        .map_err(|e| Error::BadRequest(format!("Không đọc được văn bản: {e}")))
}

/// What the reader understood, ready for the review form.
pub fn draft_of(doc: &Document, year: Option<i32>) -> PlanDraft {
    PlanDraft::from_document(doc, year, &ReportingDefaults::default())
}

/// The units a plan targets. `children` means the administrative units directly below the
/// issuer that are in force today (communes of a province, villages of a commune); agencies
/// and departments are named by code.
pub async fn resolve_targets(app: &App, issuer: &UnitRow, spec: &TargetSpec) -> Result<Vec<UnitRow>> {
    let store = app.store();
    match spec {
        TargetSpec::Children => {
            let children = store.children(issuer.unit_id(), app.today()).await?;
            let admin: Vec<UnitRow> =
                children.into_iter().filter(|u| !matches!(u.kind, UnitKind::Agency | UnitKind::Department)).collect();
            if admin.is_empty() {
                return Err(Error::field("targets", format!("{} không có đơn vị trực thuộc nào.", issuer.name)));
            }
            Ok(admin)
        }
        TargetSpec::Codes(codes) => {
            let issuer_path = issuer.unit_path();
            let mut out = Vec::with_capacity(codes.len());
            for code in codes {
                let unit = store
                    .unit_by_code(code)
                    .await?
                    .ok_or_else(|| Error::field("targets", format!("Không có đơn vị mã «{code}».")))?;
                let below = issuer_path.contains(&unit.unit_path()) && unit.id != issuer.id;
                if !below {
                    return Err(Error::field(
                        "targets",
                        format!(
                            "{} ({code}) không trực thuộc {}: kế hoạch chỉ giao cho đơn vị cấp dưới.",
                            unit.name, issuer.name
                        ),
                    ));
                }
                out.push(unit);
            }
            Ok(out)
        }
    }
}

/// Where a plan is issued, for what, and by whom.
pub struct Issue<'a> {
    pub issuer: &'a UnitRow,
    pub draft: &'a PlanDraft,
    pub document: Option<&'a Document>,
    pub targets: &'a [UnitRow],
    /// The report template every report obligation uses.
    pub template_id: TemplateId,
    /// The template the plan's agency targets report on instead; `None`: the agencies' default.
    pub agency_template_id: Option<TemplateId>,
    /// For an implementing plan: the plan it implements.
    pub parent_plan_id: Option<PlanId>,
    pub actor: &'a Actor,
}

/// Validates the draft and saves the plan with its tasks, targets, obligations and their
/// occurrences, all or nothing. Reports go to the issuing unit.
pub async fn issue(app: &App, req: Issue<'_>) -> Result<PlanId> {
    req.actor.authorize(&req.issuer.unit_path(), Action::ManagePlans)?;
    req.draft.validate().map_err(|errs| Error::Fields(errs.into_iter().map(Into::into).collect()))?;
    let d = req.draft;
    let tasks = d
        .tasks
        .iter()
        .map(|t| NewTask {
            text: coso_text::clean(&t.text),
            lead_unit_id: None,
            lead_text: t.lead_text.clone(),
            partner_unit_ids: vec![],
            partner_texts: t.partner_texts.clone(),
            due_date: t.due.date(),
            due_recurring: recurring(&t.due),
        })
        .collect();
    let obligations = d
        .obligations
        .iter()
        .map(|o| NewObligation {
            kind: o.kind,
            period: o.period,
            due_date: o.due.date(),
            due_recurring: recurring(&o.due),
            receiver_unit_id: req.issuer.id,
            template_id: (o.kind == ObligationKind::Report).then_some(req.template_id.0),
            raw: o.raw.clone(),
            occurrences: occurrences(o.kind, o.period, &o.due, d.year)
                .into_iter()
                .map(|oc| (oc.period_key, oc.due))
                .collect(),
        })
        .collect();
    let plan = NewPlan {
        unit_id: req.issuer.id,
        parent_plan_id: req.parent_plan_id.map(|p| p.0),
        issuer: d.issuer,
        agency_template_id: req.agency_template_id.map(|t| t.0),
        number: d.number.clone(),
        issued_on: d.issued_on,
        title: coso_text::clean(&d.title),
        year: d.year,
        legal_bases: serde_json::to_value(&d.legal_bases).map_err(Error::internal)?,
        sections: serde_json::to_value(&d.sections).map_err(Error::internal)?,
        document: req.document.map(serde_json::to_value).transpose().map_err(Error::internal)?,
        tasks,
        target_unit_ids: req.targets.iter().map(|u| u.id).collect(),
        obligations,
    };
    Ok(app.store().create_plan(&plan, req.actor.audit()).await?)
}

fn recurring(due: &Due) -> Option<String> {
    match due {
        Due::Yearly { .. } => due.recurring_str(),
        _ => None,
    }
}
