//! What the commune's officials do: record a voters' request, set up a dialogue and announce
//! it, answer and hide questions, record commitments and their progress, publish the results.

use coso_calendar::HolidayCalendar;
use coso_domain::FieldError;
use coso_domain::authz::Action;
use coso_domain::dialogue::{
    AnswerInput, CommitmentData, CommitmentInput, DialogueData, DialogueInput, DialogueStatus, HideInput, ProgressData,
    ProgressInput, RequestData, RequestInput, ResultsInput, answer_text, hide_reason, may_announce,
    required_signatures, results_text,
};
use coso_domain::unit::UnitKind;
use coso_store::{NewCommitment, RequiredDialogueTask, UnitRow};
use serde::Serialize;

use super::access::dialogue_of_unit;
use crate::{Actor, App, Error, Result};

fn invalid(field: &'static str, message: impl Into<String>) -> Error {
    Error::Validation(vec![FieldError::new(field, message)])
}

fn commune_level(unit: &UnitRow) -> Result<()> {
    if unit.kind.is_commune_level() {
        Ok(())
    } else {
        Err(invalid("unit", "Hội nghị đối thoại với Nhân dân do chính quyền cấp xã tổ chức."))
    }
}

/// What a recorded request decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestOutcome {
    pub id: i64,
    /// Whether the dialogue is now mandatory (DLG-2).
    pub required: bool,
    /// The signatures a tenth of the voters needs.
    pub required_signatures: u32,
    pub signatures: u32,
    pub voters: u32,
}

/// Records a request signed by voters, counted against the commune's number of voters: at a
/// tenth or more the commune must hold a dialogue, which the unit's dialogue list shows as
/// required until one is set up for it, and a task to hold it goes to the commune officials'
/// inbox (a notification on the unit).
pub async fn record_request(app: &App, actor: &Actor, unit: &UnitRow, input: &RequestInput) -> Result<RequestOutcome> {
    let permit = actor.authorize(&unit.unit_path(), Action::HoldDialogues)?;
    commune_level(unit)?;
    let data = RequestData::parse(input).map_err(Error::Validation)?;
    let task = RequiredDialogueTask {
        title: format!("Phải tổ chức hội nghị đối thoại: {}", data.subject),
        body: format!(
            "{} chữ ký của cử tri trên tổng số {} cử tri, đủ 10% cử tri của {}: Ủy ban nhân dân phải tổ chức hội nghị \
             đối thoại với Nhân dân theo đề nghị. Lập hội nghị đối thoại cho đề nghị này.",
            data.signatures, data.voters, unit.name
        ),
        link: format!("/quan-tri/don-vi/{}/doi-thoai", unit.code),
    };
    let id = app.store().create_dialogue_request(&permit, unit, &data, app.today(), Some(&task), actor.audit()).await?;
    Ok(RequestOutcome {
        id,
        required: data.mandatory(),
        required_signatures: required_signatures(data.voters),
        signatures: data.signatures,
        voters: data.voters,
    })
}

/// Sets up a dialogue, planned; `request` names the voters' request it answers, if any.
pub async fn create(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    unit: &UnitRow,
    input: &DialogueInput,
    request: Option<i64>,
) -> Result<i64> {
    let permit = actor.authorize(&unit.unit_path(), Action::HoldDialogues)?;
    commune_level(unit)?;
    let data = DialogueData::parse(input).map_err(Error::Validation)?;
    super::deadlines(calendar, data.held_on, None, None)?;
    let mut villages = Vec::new();
    for code in &data.villages {
        match app.store().unit_by_code(code).await? {
            Some(v)
                if v.parent_id == Some(unit.id) && matches!(v.kind, UnitKind::Village | UnitKind::ResidentialGroup) =>
            {
                villages.push(v.id)
            }
            _ => return Err(invalid("villages", format!("«{code}» không phải thôn, tổ dân phố của {}.", unit.name))),
        }
    }
    if let Some(r) = request {
        let row = app.store().dialogue_request(r).await?.filter(|r| r.unit_id == unit.id).ok_or(Error::NotFound)?;
        if row.dialogue_id.is_some() {
            return Err(invalid("request", "Đề nghị này đã có hội nghị đối thoại."));
        }
    }
    Ok(app.store().create_dialogue(&permit, unit, &data, &villages, request, actor.audit()).await?)
}

/// Announces a planned dialogue today: it must name its place or be online.
pub async fn announce(app: &App, actor: &Actor, code: &str, id: i64) -> Result<()> {
    let (unit, d) = dialogue_of_unit(app, code, id).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::HoldDialogues)?;
    may_announce(d.place.as_deref(), d.online).map_err(|e| Error::Validation(vec![e]))?;
    Ok(app.store().announce_dialogue(&permit, &unit, id, app.today(), actor.audit()).await?)
}

/// Records the answer given to a question on the day (or corrects it).
pub async fn answer(app: &App, actor: &Actor, code: &str, id: i64, question: i64, input: &AnswerInput) -> Result<()> {
    let (unit, d) = dialogue_of_unit(app, code, id).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::HoldDialogues)?;
    if d.status == DialogueStatus::Planned {
        return Err(invalid("answer", "Hội nghị đối thoại chưa được thông báo."));
    }
    let text = answer_text(input).map_err(|e| Error::Validation(vec![e]))?;
    Ok(app.store().answer_dialogue_question(&permit, &unit, id, question, &text, actor.audit()).await?)
}

/// Hides a question from the public page, with its reason.
pub async fn hide_question(
    app: &App,
    actor: &Actor,
    code: &str,
    id: i64,
    question: i64,
    input: &HideInput,
) -> Result<()> {
    let (unit, _) = dialogue_of_unit(app, code, id).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::HoldDialogues)?;
    let reason = hide_reason(input).map_err(|e| Error::Validation(vec![e]))?;
    Ok(app.store().hide_dialogue_question(&permit, &unit, id, question, &reason, actor.audit()).await?)
}

/// Records a commitment made at the dialogue: its owner unit (the commune or a unit of the
/// province it belongs to) and due date are required; nothing is saved otherwise.
pub async fn add_commitment(app: &App, actor: &Actor, code: &str, id: i64, input: &CommitmentInput) -> Result<i64> {
    let (unit, d) = dialogue_of_unit(app, code, id).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::HoldDialogues)?;
    if d.status == DialogueStatus::Planned {
        return Err(invalid("body", "Hội nghị đối thoại chưa được thông báo: chưa thể ghi cam kết."));
    }
    let data = CommitmentData::parse(input).map_err(Error::Validation)?;
    let owner = app.store().unit_by_code(&data.owner).await?;
    let province = unit.unit_path().ids().next();
    let Some(owner) = owner.filter(|o| o.unit_path().ids().next() == province) else {
        let shown: String = data.owner.chars().take(40).collect();
        return Err(invalid("owner", format!("Không tìm thấy đơn vị chủ trì «{shown}» trong tỉnh, thành phố.")));
    };
    if let Some(q) = data.question_id
        && !app.store().dialogue_questions(id).await?.iter().any(|r| r.id == q)
    {
        return Err(invalid("question", "Câu hỏi không thuộc hội nghị đối thoại này."));
    }
    let new =
        NewCommitment { owner_unit_id: owner.id, body: data.body, due_on: data.due_on, question_id: data.question_id };
    Ok(app.store().add_dialogue_commitment(&permit, &unit, id, &new, actor.audit()).await?)
}

/// Records progress on a commitment of the dialogue, dated today.
pub async fn update_progress(
    app: &App,
    actor: &Actor,
    code: &str,
    id: i64,
    commitment: i64,
    input: &ProgressInput,
) -> Result<()> {
    let (unit, _) = dialogue_of_unit(app, code, id).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::HoldDialogues)?;
    app.store().dialogue_commitment(commitment).await?.filter(|c| c.dialogue_id == id).ok_or(Error::NotFound)?;
    let data = ProgressData::parse(input).map_err(Error::Validation)?;
    Ok(app.store().update_commitment_progress(&permit, &unit, commitment, &data, app.today(), actor.audit()).await?)
}

/// Publishes the results of a dialogue once it has been held (DLG-4), and records them in the
/// commune's disclosure register with the results notice attached (see [`super::disclosure`]).
/// Results already published whose disclosure is missing get it now; their text stays.
pub async fn publish_results(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    code: &str,
    id: i64,
    input: &ResultsInput,
) -> Result<()> {
    let (unit, d) = dialogue_of_unit(app, code, id).await?;
    let permit = actor.authorize(&unit.unit_path(), Action::HoldDialogues)?;
    if d.status == DialogueStatus::Published && d.disclosure_id.is_none() {
        super::disclosure::publish(app, calendar, &unit, id).await?;
        return Ok(());
    }
    if app.today() < d.held_on {
        return Err(invalid(
            "results",
            format!("Hội nghị đối thoại diễn ra ngày {}: chưa thể công bố kết quả.", d.held_on.format("%d/%m/%Y")),
        ));
    }
    let text = results_text(input).map_err(|e| Error::Validation(vec![e]))?;
    app.store().publish_dialogue_results(&permit, &unit, id, &text, app.today(), actor.audit()).await?;
    super::disclosure::publish(app, calendar, &unit, id).await?;
    Ok(())
}
