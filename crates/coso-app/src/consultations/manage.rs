//! What the official of the unit does: create a consultation (a draft to review, or open at
//! once from checked sections), review its sections, open, hide a comment, close and answer.

use coso_documents::Document;
use coso_domain::FieldError;
use coso_domain::authz::Action;
use coso_domain::consultation::{
    AnswerData, AnswerInput, Audience, ConsultationData, ConsultationInput, ConsultationStatus, DraftSection,
    HideInput, hide_reason, parse_sections, sections_of,
};
use coso_domain::unit::UnitKind;
use coso_store::UnitRow;

use super::access::consultation_of_unit;
use crate::{Actor, App, Error, Result};

/// Checks the consultation against the unit: villages asked must be villages of the unit, and
/// only an agency asks its staff.
async fn checked(app: &App, unit: &UnitRow, input: &ConsultationInput) -> Result<(ConsultationData, Vec<i64>)> {
    let data = ConsultationData::parse(input).map_err(Error::Validation)?;
    let agency = matches!(unit.kind, UnitKind::Agency | UnitKind::Department);
    if agency != (data.audience == Audience::Staff) {
        let message = if agency {
            "Cơ quan chỉ lấy ý kiến cán bộ, công chức, viên chức, người lao động của mình."
        } else {
            "Chỉ cơ quan, đơn vị mới lấy ý kiến cán bộ, công chức của mình."
        };
        return Err(Error::Validation(vec![FieldError::new("audience", message)]));
    }
    let mut villages = Vec::new();
    for code in &data.villages {
        let village = app.store().unit_by_code(code).await?;
        match village {
            Some(v)
                if v.parent_id == Some(unit.id) && matches!(v.kind, UnitKind::Village | UnitKind::ResidentialGroup) =>
            {
                villages.push(v.id)
            }
            _ => {
                return Err(Error::Validation(vec![FieldError::new(
                    "villages",
                    format!("«{code}» không phải thôn, tổ dân phố của {}.", unit.name),
                )]));
            }
        }
    }
    Ok((data, villages))
}

/// A consultation in draft from a read document: its sections wait for review.
pub async fn create_draft(
    app: &App,
    actor: &Actor,
    unit: &UnitRow,
    input: &ConsultationInput,
    doc: &Document,
    file_name: &str,
) -> Result<i64> {
    let permit = actor.authorize(&unit.unit_path(), Action::ManageConsultations)?;
    let mut input = input.clone();
    if input.title.trim().is_empty()
        && let Some(t) = &doc.title
    {
        input.title = t.clone();
    }
    let (data, villages) = checked(app, unit, &input).await?;
    let sections = parse_sections(&sections_of(doc)).map_err(Error::Validation)?;
    let name = coso_text::clean(file_name);
    let id = app
        .store()
        .create_consultation(
            &permit,
            unit,
            &data,
            &villages,
            &sections,
            Some(name.as_str()).filter(|n| !n.is_empty()),
            ConsultationStatus::Draft,
            actor.audit(),
        )
        .await?;
    Ok(id)
}

/// A consultation opened at once on sections given checked (the API).
pub async fn create_open(
    app: &App,
    actor: &Actor,
    unit: &UnitRow,
    input: &ConsultationInput,
    sections: &[DraftSection],
) -> Result<i64> {
    let permit = actor.authorize(&unit.unit_path(), Action::ManageConsultations)?;
    let (data, villages) = checked(app, unit, input).await?;
    let sections = parse_sections(sections).map_err(Error::Validation)?;
    Ok(app
        .store()
        .create_consultation(&permit, unit, &data, &villages, &sections, None, ConsultationStatus::Open, actor.audit())
        .await?)
}

/// Replaces the sections of a draft with the corrected ones.
pub async fn review_sections(app: &App, actor: &Actor, code: &str, id: i64, sections: &[DraftSection]) -> Result<()> {
    let (unit, _) = consultation_of_unit(app, code, id).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::ManageConsultations)?;
    let sections = parse_sections(sections).map_err(Error::Validation)?;
    Ok(app.store().replace_consultation_sections(&permit, &unit, id, &sections, actor.audit()).await?)
}

/// Opens a reviewed draft to comments.
pub async fn open(app: &App, actor: &Actor, code: &str, id: i64) -> Result<()> {
    let (unit, _) = consultation_of_unit(app, code, id).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::ManageConsultations)?;
    Ok(app
        .store()
        .move_consultation(&permit, &unit, id, ConsultationStatus::Draft, ConsultationStatus::Open, actor.audit())
        .await?)
}

/// Closes an open consultation: no more comments; the answers can be given. Its results are
/// then published in the commune's disclosure register (see [`super::results`]); closing again a
/// closed consultation whose results were not published publishes them. Returns the
/// disclosure's id when one was recorded.
pub async fn close(app: &App, actor: &Actor, code: &str, id: i64) -> Result<Option<i64>> {
    let (unit, c) = consultation_of_unit(app, code, id).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::ManageConsultations)?;
    let unpublished = matches!(c.status, ConsultationStatus::Closed | ConsultationStatus::Answered)
        && c.disclosure_id.is_none()
        && super::results::publishes(&unit);
    if !unpublished {
        app.store()
            .move_consultation(&permit, &unit, id, ConsultationStatus::Open, ConsultationStatus::Closed, actor.audit())
            .await?;
    }
    let closed = app.store().consultation(id).await?.ok_or(Error::NotFound)?;
    super::results::publish(app, &unit, &closed).await
}

/// Hides a comment of the consultation, with the reason shown in its place; audited.
pub async fn hide_comment(
    app: &App,
    actor: &Actor,
    code: &str,
    id: i64,
    comment: i64,
    input: &HideInput,
) -> Result<()> {
    let (unit, _) = consultation_of_unit(app, code, id).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::ManageConsultations)?;
    let row =
        app.store().consultation_comment(comment).await?.filter(|c| c.consultation_id == id).ok_or(Error::NotFound)?;
    let reason = hide_reason(input).map_err(|e| Error::Validation(vec![e]))?;
    Ok(app.store().hide_consultation_comment(&permit, &unit, &row, &reason, actor.audit()).await?)
}

/// Answers one comment or a group; returns whether every comment now has its answer.
pub async fn answer(app: &App, actor: &Actor, code: &str, id: i64, input: &AnswerInput) -> Result<bool> {
    let (unit, _) = consultation_of_unit(app, code, id).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::ManageConsultations)?;
    let data = AnswerData::parse(input).map_err(Error::Validation)?;
    let (_, finished) = app.store().answer_consultation_comments(&permit, &unit, id, &data, actor.audit()).await?;
    Ok(finished)
}
