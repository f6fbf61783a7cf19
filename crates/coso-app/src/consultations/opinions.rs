//! What residents and village heads give: comments on a section or the whole draft, supports,
//! and the counts collected on paper or at a meeting.

use coso_domain::authz::Action;
use coso_domain::consultation::{
    CommentInput, ConsultationStatus, PaperData, PaperInput, comment_body, initials, may_comment,
};
use coso_domain::{FieldError, UnitId};
use coso_store::NewComment;

use super::access::{audience_village, villages_asked};
use crate::{Actor, App, Error, Result};

/// Where a comment is given: a section (by id) or the whole draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommentPlace {
    Whole,
    Section(i64),
}

impl CommentPlace {
    /// Reads the form's `section` field: empty or `chung` is the whole draft.
    pub fn parse(raw: &str) -> Result<CommentPlace> {
        match raw.trim() {
            "" | "chung" => Ok(CommentPlace::Whole),
            s => s
                .parse()
                .map(CommentPlace::Section)
                .map_err(|_| Error::Validation(vec![FieldError::new("section", "Mục của dự thảo không hợp lệ.")])),
        }
    }

    pub fn section_id(self) -> Option<i64> {
        match self {
            CommentPlace::Whole => None,
            CommentPlace::Section(id) => Some(id),
        }
    }
}

/// How the author is shown: "Hộ N.V.A." for a household's representative, the initials
/// otherwise, with the village; never an e-mail or a phone.
async fn author_label(app: &App, actor: &Actor, village: Option<i64>) -> Result<String> {
    let user = actor.user_id().ok_or(Error::Forbidden)?;
    let row = app.store().user_by_id(user).await?.ok_or(Error::Forbidden)?;
    let mut label = initials(&row.display_name);
    if crate::households::representative_of(app, user).await?.is_some() {
        label = format!("Hộ {label}");
    }
    if let Some(v) = village
        && let Some(u) = app.store().unit_by_id(UnitId(v)).await?
    {
        label = format!("{label} ({})", u.name);
    }
    Ok(label)
}

/// A resident of the audience comments while the consultation is open; returns the comment's id.
pub async fn comment(app: &App, actor: &Actor, id: i64, place: CommentPlace, input: &CommentInput) -> Result<i64> {
    let c =
        app.store().consultation(id).await?.filter(|c| c.status != ConsultationStatus::Draft).ok_or(Error::NotFound)?;
    let unit = crate::units::by_id(app, UnitId(c.unit_id)).await?;
    let Some(village) = audience_village(app, actor, &unit, &c).await? else {
        return Err(Error::Validation(vec![FieldError::new(
            "body",
            "Bạn không thuộc đối tượng được lấy ý kiến về dự thảo này.",
        )]));
    };
    may_comment(c.status, c.opens_on, c.closes_on, app.today()).map_err(|e| Error::Validation(vec![e]))?;
    let body = comment_body(input).map_err(|e| Error::Validation(vec![e]))?;
    let author = actor.user_id().ok_or(Error::Forbidden)?;
    let new = NewComment {
        section_id: place.section_id(),
        author_id: author.0,
        author_label: author_label(app, actor, village).await?,
        village_id: village,
        body,
    };
    if let Some(comment) = app.store().add_consultation_comment(&c, &unit, &new, actor.audit()).await? {
        return Ok(comment);
    }
    // Refused by the insert: a section not of this draft, or the consultation closed meanwhile.
    if let CommentPlace::Section(s) = place
        && !app.store().consultation_sections(id).await?.iter().any(|r| r.id == s)
    {
        return Err(Error::Validation(vec![FieldError::new("section", "Mục của dự thảo không hợp lệ.")]));
    }
    Err(Error::Validation(vec![FieldError::new(
        "body",
        "Đã kết thúc lấy ý kiến về dự thảo này: không nhận thêm ý kiến.",
    )]))
}

/// A resident of the audience supports another's visible comment, once; returns whether the
/// support was new.
pub async fn support(app: &App, actor: &Actor, id: i64, comment: i64) -> Result<bool> {
    let c =
        app.store().consultation(id).await?.filter(|c| c.status != ConsultationStatus::Draft).ok_or(Error::NotFound)?;
    let row =
        app.store().consultation_comment(comment).await?.filter(|r| r.consultation_id == id).ok_or(Error::NotFound)?;
    let unit = crate::units::by_id(app, UnitId(c.unit_id)).await?;
    let user = actor.user_id().ok_or(Error::Forbidden)?;
    let refuse = |m: &str| Err(Error::Conflict { field: "comment", message: m.to_string() });
    if audience_village(app, actor, &unit, &c).await?.is_none() {
        return refuse("Bạn không thuộc đối tượng được lấy ý kiến về dự thảo này.");
    }
    if c.status != ConsultationStatus::Open {
        return refuse("Đã kết thúc lấy ý kiến về dự thảo này.");
    }
    if row.author_id == user.0 {
        return refuse("Không thể tự ủng hộ ý kiến của mình.");
    }
    if row.hidden_reason.is_some() {
        return refuse("Ý kiến này đã bị ẩn.");
    }
    Ok(app.store().support_consultation_comment(comment, user.0).await?)
}

/// A village head (or an official above) records the counts their village gave; `code` is the
/// village. The village must be one the consultation asks.
pub async fn record_paper(app: &App, actor: &Actor, code: &str, id: i64, input: &PaperInput) -> Result<i64> {
    let village = crate::units::by_code(app, code).await?;
    let permit = actor.authorize(&village.unit_path(), Action::CollectOpinions)?;
    let c =
        app.store().consultation(id).await?.filter(|c| c.status != ConsultationStatus::Draft).ok_or(Error::NotFound)?;
    let unit = crate::units::by_id(app, UnitId(c.unit_id)).await?;
    if !villages_asked(app, &unit, &c).await?.iter().any(|v| v.id == village.id) {
        return Err(Error::NotFound);
    }
    let mut input = input.clone();
    input.village = village.code.clone();
    let data = PaperData::parse(&input, app.today()).map_err(Error::Validation)?;
    if let Some(s) = data.section
        && !app.store().consultation_sections(id).await?.iter().any(|r| r.id == s)
    {
        return Err(Error::Validation(vec![FieldError::new("section", "Mục của dự thảo không hợp lệ.")]));
    }
    Ok(app.store().add_consultation_paper(&permit, &village, id, &data, actor.audit()).await?)
}

/// What the counts form of a village needs: the village, the consultation asking it and its
/// sections; for those who collect opinions there.
pub async fn paper_context(
    app: &App,
    actor: &Actor,
    code: &str,
    id: i64,
) -> Result<(coso_store::UnitRow, coso_store::ConsultationRow, Vec<coso_store::SectionRow>)> {
    let village = crate::units::by_code(app, code).await?;
    actor.authorize(&village.unit_path(), Action::CollectOpinions)?;
    let c =
        app.store().consultation(id).await?.filter(|c| c.status != ConsultationStatus::Draft).ok_or(Error::NotFound)?;
    let unit = crate::units::by_id(app, UnitId(c.unit_id)).await?;
    if !villages_asked(app, &unit, &c).await?.iter().any(|v| v.id == village.id) {
        return Err(Error::NotFound);
    }
    let sections = app.store().consultation_sections(id).await?;
    Ok((village, c, sections))
}
