//! The API's bodies for consultations.

use coso_app::consultations::{CommentView, PublicView, SectionView};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A consultation to open at once on sections already checked. Codes: `kind` convention |
/// plan | decision | other; `audience` unit | villages (with `villages`, unit codes) | staff
/// (an agency's own staff).
#[derive(Deserialize, ToSchema)]
pub struct ConsultationCreate {
    /// The code of the unit that consults (a commune, or an agency).
    pub unit: String,
    pub title: String,
    pub kind: String,
    pub audience: String,
    #[serde(default)]
    pub villages: Vec<String>,
    /// `yyyy-mm-dd` or `dd/mm/yyyy`.
    pub opens_on: String,
    pub closes_on: String,
    pub sections: Vec<SectionCreate>,
}

#[derive(Deserialize, ToSchema)]
pub struct SectionCreate {
    pub heading: String,
    #[serde(default)]
    pub body: String,
}

/// A comment: on a section (its `id`), or on the whole draft when `section` is absent.
#[derive(Deserialize, ToSchema)]
pub struct CommentCreate {
    pub section: Option<i64>,
    pub body: String,
}

/// An answer to one comment or a group: `kind` accepted | explained | not_accepted; `reason`
/// is required unless accepted.
#[derive(Deserialize, ToSchema)]
#[schema(as = ConsultationAnswerCreate)]
pub struct AnswerCreate {
    pub comments: Vec<i64>,
    pub kind: String,
    #[serde(default)]
    pub reason: String,
}

/// Where a consultation stands after a change.
#[derive(Serialize, ToSchema)]
pub struct StatusBody {
    /// draft | open | closed | answered
    pub status: String,
    /// The disclosure the close recorded in the commune's register, if it recorded one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disclosure: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct Answer {
    /// accepted | explained | not_accepted
    pub kind: String,
    pub reason: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Comment {
    pub id: i64,
    /// Initials or the household, never an e-mail or phone.
    pub author: String,
    /// The comment's text, or «Ý kiến đã bị ẩn: {lý do}» for a hidden one.
    pub text: String,
    pub hidden: bool,
    pub supports: i64,
    /// `yyyy-mm-dd`.
    pub given_on: String,
    pub answer: Option<Answer>,
}

impl From<&CommentView> for Comment {
    fn from(c: &CommentView) -> Self {
        Comment {
            id: c.id,
            author: c.author.clone(),
            text: c.shown(),
            hidden: c.hidden_reason.is_some(),
            supports: c.supports,
            given_on: c.given_on.to_string(),
            answer: c.answer.as_ref().map(|a| Answer { kind: a.kind.as_str().into(), reason: a.reason.clone() }),
        }
    }
}

/// A section of the draft; `id` null is the whole draft.
#[derive(Serialize, ToSchema)]
pub struct Section {
    pub id: Option<i64>,
    pub heading: String,
    pub body: String,
    /// Comments given, hidden ones included.
    pub comments_total: i64,
    /// The first comments (20 per section), in the order given.
    pub comments: Vec<Comment>,
    /// Households agreeing and disagreeing, from paper and meetings.
    pub agree: i64,
    pub disagree: i64,
}

impl From<&SectionView> for Section {
    fn from(s: &SectionView) -> Self {
        Section {
            id: s.id,
            heading: s.heading.clone(),
            body: s.paragraphs.join("\n\n"),
            comments_total: s.total,
            comments: s.comments.iter().map(Into::into).collect(),
            agree: s.agree,
            disagree: s.disagree,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct Consultation {
    pub id: i64,
    /// The unit's code.
    pub unit: String,
    pub title: String,
    pub kind: String,
    pub audience: String,
    pub status: String,
    pub opens_on: String,
    pub closes_on: String,
    /// The names of the villages asked, for the `villages` audience.
    pub villages: Vec<String>,
    /// The sections, then the whole draft (`id` null).
    pub sections: Vec<Section>,
}

impl From<&PublicView> for Consultation {
    fn from(v: &PublicView) -> Self {
        let c = &v.consultation;
        Consultation {
            id: c.id,
            unit: v.unit.code.clone(),
            title: c.title.clone(),
            kind: c.kind.as_str().into(),
            audience: c.audience.as_str().into(),
            status: c.status.as_str().into(),
            opens_on: c.opens_on.to_string(),
            closes_on: c.closes_on.to_string(),
            villages: v.villages.clone(),
            sections: v.sections.iter().chain(std::iter::once(&v.whole)).map(Into::into).collect(),
        }
    }
}
