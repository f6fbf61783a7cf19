//! A plan as read from a document, for review: what `POST /api/v1/plans/parse` answers and what
//! `POST /api/v1/plans` reads back, corrected, as its `draft`.

use chrono::NaiveDate;
use coso_domain::document::{CitedDocument, Section};
use coso_domain::plan::{ObligationDraft, PlanDraft, TaskDraft};
use serde::Serialize;
use utoipa::ToSchema;

/// What a plan document was understood to say, and what the reader could not place.
#[derive(Serialize, ToSchema)]
pub struct ParsedPlan {
    pub draft: PlanDraftBody,
    /// What the reader noticed but could not use, in Vietnamese.
    pub warnings: Vec<String>,
}

/// A plan before it is issued.
#[derive(Serialize, ToSchema)]
#[schema(as = PlanDraft)]
pub struct PlanDraftBody {
    /// Number and symbol (`115/KH-UBND`); null for a draft without a number.
    pub number: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub title: String,
    /// The issuing body: `people_committee` (the default when absent), `steering_committee` or
    /// `party_committee`.
    #[schema(required = false)]
    pub issuer: String,
    /// The year the plan's reports are counted in (2000 to 2100).
    pub year: i32,
    /// The documents the plan cites as its grounds.
    pub legal_bases: Vec<CitedDocumentBody>,
    /// The document's sections as read.
    pub sections: Vec<DocumentSection>,
    pub tasks: Vec<TaskDraftBody>,
    pub obligations: Vec<ObligationDraftBody>,
}

impl From<&PlanDraft> for PlanDraftBody {
    fn from(d: &PlanDraft) -> Self {
        PlanDraftBody {
            number: d.number.clone(),
            issued_on: d.issued_on,
            title: d.title.clone(),
            issuer: d.issuer.as_str().to_string(),
            year: d.year,
            legal_bases: d.legal_bases.iter().map(CitedDocumentBody::from).collect(),
            sections: d.sections.iter().map(DocumentSection::from).collect(),
            tasks: d.tasks.iter().map(TaskDraftBody::from).collect(),
            obligations: d.obligations.iter().map(ObligationDraftBody::from).collect(),
        }
    }
}

/// A document cited by the plan: `Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ`.
#[derive(Serialize, ToSchema)]
#[schema(as = CitedDocument)]
pub struct CitedDocumentBody {
    /// The kind as written: `Luật`, `Nghị định`, `Kế hoạch`, `Chỉ thị`…
    pub kind: Option<String>,
    /// Number and symbol, e.g. `21-KL/TW`.
    pub number: Option<String>,
    pub date: Option<String>,
    pub issuer: Option<String>,
    /// The citation as written.
    pub raw: String,
}

impl From<&CitedDocument> for CitedDocumentBody {
    fn from(c: &CitedDocument) -> Self {
        CitedDocumentBody {
            kind: c.kind.clone(),
            number: c.number.clone(),
            date: c.date.clone(),
            issuer: c.issuer.clone(),
            raw: c.raw.clone(),
        }
    }
}

/// A section of the document (`I.`, `1.`, `a)`, or a bullet) with the sections under it.
#[derive(Serialize, ToSchema)]
pub struct DocumentSection {
    /// The heading as written, numbering included.
    pub heading: String,
    /// The paragraphs under the heading, before any child section.
    pub paragraphs: Vec<String>,
    #[schema(no_recursion)]
    pub children: Vec<DocumentSection>,
}

impl From<&Section> for DocumentSection {
    fn from(s: &Section) -> Self {
        DocumentSection {
            heading: s.heading.clone(),
            paragraphs: s.paragraphs.clone(),
            children: s.children.iter().map(DocumentSection::from).collect(),
        }
    }
}

/// A task as read.
#[derive(Serialize, ToSchema)]
#[schema(as = TaskDraft)]
pub struct TaskDraftBody {
    pub text: String,
    /// The lead unit (*chủ trì*) as written.
    pub lead_text: Option<String>,
    /// The partner units (*phối hợp*) as written.
    pub partner_texts: Vec<String>,
    /// Empty, `YYYY-MM-DD`, or `MM-DD yearly`.
    pub due: String,
}

impl From<&TaskDraft> for TaskDraftBody {
    fn from(t: &TaskDraft) -> Self {
        TaskDraftBody {
            text: t.text.clone(),
            lead_text: t.lead_text.clone(),
            partner_texts: t.partner_texts.clone(),
            due: t.due.to_string(),
        }
    }
}

/// What every target unit must send, as read.
#[derive(Serialize, ToSchema)]
#[schema(as = ObligationDraft)]
pub struct ObligationDraftBody {
    /// `report` or `implementing_plan`.
    pub kind: String,
    /// The report's period; null for an implementing plan.
    pub period: Option<String>,
    /// Empty, `YYYY-MM-DD`, or `MM-DD yearly`.
    pub due: String,
    /// The sentence of the document it was read from.
    pub raw: String,
    /// The receiver as written (`UBND tỉnh (qua Sở Nội vụ)`).
    pub submit_to: Option<String>,
}

impl From<&ObligationDraft> for ObligationDraftBody {
    fn from(o: &ObligationDraft) -> Self {
        ObligationDraftBody {
            kind: o.kind.as_str().to_string(),
            period: o.period.map(|p| p.as_str().to_string()),
            due: o.due.to_string(),
            raw: o.raw.clone(),
            submit_to: o.submit_to.clone(),
        }
    }
}
