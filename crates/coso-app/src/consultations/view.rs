//! What the pages and the API read: a consultation's public page (the draft by section, each
//! section's first comments with their supports and answers, the paper counts), the official's
//! page, and the lists of a unit and of a village.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use coso_domain::UnitId;
use coso_domain::authz::Action;
use coso_domain::consultation::{ConsultationStatus, may_comment};
use coso_store::{AnswerRow, CommentRow, ConsultationRow, PaperRow, SectionRow, UnitRow};

use super::access::{audience_village, consultation_of_unit, villages_asked};
use super::opinions::CommentPlace;
use crate::{Actor, App, Error, Result};

/// Comments shown per section on the public page; the rest are one link away. Few, so that a
/// draft of thirty sections stays a light page on a cheap phone.
pub const PUBLIC_COMMENTS_PER_SECTION: i64 = 5;

/// A comment as shown: a hidden one has no text, only the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentView {
    pub id: i64,
    pub author: String,
    /// `None` when hidden.
    pub body: Option<String>,
    pub hidden_reason: Option<String>,
    pub supports: i64,
    /// Whether the visitor supports it.
    pub supported: bool,
    /// Whether the visitor wrote it.
    pub own: bool,
    pub answer: Option<AnswerRow>,
    pub given_on: chrono::NaiveDate,
}

impl CommentView {
    /// The text a comment shows: its own, or that it was hidden and why.
    pub fn shown(&self) -> String {
        match (&self.body, &self.hidden_reason) {
            (_, Some(reason)) => format!("Ý kiến đã bị ẩn: {reason}"),
            (Some(body), None) => body.clone(),
            (None, None) => String::new(),
        }
    }

    /// The paragraphs of the shown text.
    pub fn paragraphs(&self) -> Vec<String> {
        self.shown().split("\n\n").map(String::from).collect()
    }
}

/// A section of the draft (or the whole draft, `id` `None`) with its comments and counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionView {
    pub id: Option<i64>,
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub comments: Vec<CommentView>,
    /// Comments given, hidden ones included.
    pub total: i64,
    /// Households agreeing and disagreeing, from paper and meetings.
    pub agree: i64,
    pub disagree: i64,
    pub papers: Vec<PaperRow>,
}

impl SectionView {
    /// The value of the comment form's `section` field.
    pub fn key(&self) -> String {
        self.id.map_or_else(|| "chung".to_string(), |id| id.to_string())
    }

    pub fn more(&self) -> i64 {
        self.total - self.comments.len() as i64
    }
}

/// The public page of a consultation.
#[derive(Debug, Clone)]
pub struct PublicView {
    pub unit: UnitRow,
    pub consultation: ConsultationRow,
    pub sections: Vec<SectionView>,
    pub whole: SectionView,
    /// The villages asked (empty for the whole unit or an agency's staff).
    pub villages: Vec<String>,
    /// Whether the visitor may comment now; else why not (for a signed-in visitor).
    pub may_comment: bool,
    pub refusal: Option<String>,
    /// The section whose comments are all shown, if one was asked for.
    pub focus: Option<CommentPlace>,
}

/// What a consultation's page shows every visitor alike.
#[derive(Debug)]
struct Loaded {
    sections: Vec<SectionRow>,
    comments: Vec<CommentRow>,
    counts: HashMap<Option<i64>, i64>,
    papers: Vec<PaperRow>,
    answers: HashMap<i64, AnswerRow>,
}

/// What is the visitor's own: the comments they support and wrote.
#[derive(Debug, Default)]
struct Visitor {
    supported: HashSet<i64>,
    user: Option<i64>,
}

fn section_view(id: Option<i64>, heading: String, body: &str, l: &Loaded, v: &Visitor) -> SectionView {
    let comments = l
        .comments
        .iter()
        .filter(|c| c.section_id == id)
        .map(|c| CommentView {
            id: c.id,
            author: c.author_label.clone(),
            body: c.hidden_reason.is_none().then(|| c.body.clone()),
            hidden_reason: c.hidden_reason.clone(),
            supports: c.supports,
            supported: v.supported.contains(&c.id),
            own: v.user == Some(c.author_id),
            answer: c.answer_id.and_then(|a| l.answers.get(&a).cloned()),
            given_on: coso_domain::clock::date_in_vietnam(c.created_at),
        })
        .collect();
    let papers: Vec<PaperRow> = l.papers.iter().filter(|p| p.section_id == id).cloned().collect();
    SectionView {
        id,
        heading,
        paragraphs: body.split("\n\n").filter(|p| !p.trim().is_empty()).map(String::from).collect(),
        comments,
        total: l.counts.get(&id).copied().unwrap_or(0),
        agree: papers.iter().map(|p| p.agree).sum(),
        disagree: papers.iter().map(|p| p.disagree).sum(),
        papers,
    }
}

fn assemble(l: &Loaded, v: &Visitor) -> (Vec<SectionView>, SectionView) {
    let sections = l.sections.iter().map(|s| section_view(Some(s.id), s.heading.clone(), &s.body, l, v)).collect();
    let whole = section_view(None, "Ý kiến chung về toàn bộ dự thảo".into(), "", l, v);
    (sections, whole)
}

async fn load(app: &App, c: &ConsultationRow, comments: Vec<CommentRow>) -> Result<Loaded> {
    let store = app.store();
    let (sections, counts, papers, answers) = tokio::try_join!(
        store.consultation_sections(c.id),
        store.consultation_comment_counts(c.id),
        store.consultation_papers(c.id),
        store.consultation_answers(c.id),
    )?;
    Ok(Loaded {
        sections,
        comments,
        counts: counts.into_iter().map(|r| (r.section_id, r.comments)).collect(),
        papers,
        answers: answers.into_iter().map(|a| (a.id, a)).collect(),
    })
}

/// What the public page of a consultation shows every visitor alike, read once and shared by
/// the pages of many visitors for a few seconds (a link passed around a village's chat group
/// brings them together); [`public_view_for`] adds what is a visitor's own.
#[derive(Debug)]
pub struct PublicDraft {
    unit: UnitRow,
    consultation: ConsultationRow,
    loaded: Loaded,
    villages: Vec<String>,
    focus: Option<CommentPlace>,
}

/// The shared part of consultation `id`'s public page (a draft is not found); `focus` asks for
/// every comment of one section instead of the first ones.
pub async fn public_draft(app: &App, id: i64, focus: Option<CommentPlace>) -> Result<Arc<PublicDraft>> {
    let c =
        app.store().consultation(id).await?.filter(|c| c.status != ConsultationStatus::Draft).ok_or(Error::NotFound)?;
    let unit = crate::units::by_id(app, UnitId(c.unit_id)).await?;
    let mut comments = app.store().consultation_comments_head(id, PUBLIC_COMMENTS_PER_SECTION).await?;
    if let Some(place) = focus {
        let section = place.section_id();
        comments.retain(|r| r.section_id != section);
        comments.extend(app.store().consultation_section_comments(id, section).await?);
    }
    let loaded = load(app, &c, comments).await?;
    let villages = if c.audience == coso_domain::consultation::Audience::Villages {
        villages_asked(app, &unit, &c).await?.into_iter().map(|v| v.name).collect()
    } else {
        vec![]
    };
    Ok(Arc::new(PublicDraft { unit, consultation: c, loaded, villages, focus }))
}

/// The public page of `draft` for `actor` (anyone when `None`): the shared part with the
/// visitor's supports, own comments, and whether they may comment now.
pub async fn public_view_for(app: &App, actor: Option<&Actor>, draft: &PublicDraft) -> Result<PublicView> {
    let c = &draft.consultation;
    let visitor = match actor.and_then(|a| a.user_id()).map(|u| u.0) {
        Some(u) => Visitor { supported: app.store().supported_by(c.id, u).await?.into_iter().collect(), user: Some(u) },
        None => Visitor::default(),
    };
    let (sections, whole) = assemble(&draft.loaded, &visitor);
    let (may, refusal) = match actor {
        None => (false, None),
        Some(a) => match audience_village(app, a, &draft.unit, c).await? {
            None => (false, Some("Bạn không thuộc đối tượng được lấy ý kiến về dự thảo này.".to_string())),
            Some(_) => match may_comment(c.status, c.opens_on, c.closes_on, app.today()) {
                Ok(()) => (true, None),
                Err(e) => (false, Some(e.message)),
            },
        },
    };
    Ok(PublicView {
        unit: draft.unit.clone(),
        consultation: c.clone(),
        sections,
        whole,
        villages: draft.villages.clone(),
        may_comment: may,
        refusal,
        focus: draft.focus,
    })
}

/// The public page of consultation `id`, for anyone (a draft is not found). `focus` asks for
/// every comment of one section instead of the first ones.
pub async fn public_view(app: &App, actor: Option<&Actor>, id: i64, focus: Option<CommentPlace>) -> Result<PublicView> {
    public_view_for(app, actor, &*public_draft(app, id, focus).await?).await
}

/// The official's page of a consultation: every comment, the counts, the answers.
#[derive(Debug, Clone)]
pub struct ManageView {
    pub unit: UnitRow,
    pub ancestors: Vec<UnitRow>,
    pub consultation: ConsultationRow,
    pub sections: Vec<SectionView>,
    pub whole: SectionView,
    pub villages: Vec<UnitRow>,
    pub unanswered: usize,
}

pub async fn manage_view(app: &App, actor: &Actor, code: &str, id: i64) -> Result<ManageView> {
    let (unit, c) = consultation_of_unit(app, code, id).await?;
    actor.authorize(&unit.unit_path(), Action::ManageConsultations)?;
    let comments = app.store().consultation_comments(id).await?;
    let unanswered = comments.iter().filter(|c| c.hidden_reason.is_none() && c.answer_id.is_none()).count();
    let loaded = load(app, &c, comments).await?;
    let (sections, whole) = assemble(&loaded, &Visitor::default());
    let villages = villages_asked(app, &unit, &c).await?;
    let ancestors = app.store().ancestors(&unit).await?;
    Ok(ManageView { unit, ancestors, consultation: c, sections, whole, villages, unanswered })
}

/// The consultations of the unit `code`: drafts too for its officials.
pub async fn list_for_unit(app: &App, actor: Option<&Actor>, code: &str) -> Result<(UnitRow, Vec<ConsultationRow>)> {
    let unit = crate::units::by_code(app, code).await?;
    let drafts = actor.is_some_and(|a| a.may(&unit.unit_path(), Action::ManageConsultations));
    let rows = app.store().consultations_of_unit(unit.id, drafts).await?;
    Ok((unit, rows))
}

/// The consultations (not drafts) of the unit above the village `village` that ask it, for
/// its head to bring the counts.
pub async fn asking_village(app: &App, village: &UnitRow) -> Result<Vec<ConsultationRow>> {
    let Some(parent) = village.parent_id else { return Ok(vec![]) };
    let unit = crate::units::by_id(app, UnitId(parent)).await?;
    let mut out = Vec::new();
    for c in app.store().consultations_of_unit(parent, false).await? {
        if villages_asked(app, &unit, &c).await?.iter().any(|v| v.id == village.id) {
            out.push(c);
        }
    }
    Ok(out)
}
