//! Mẫu 01, 02 and 03 of a community meeting (DEC-13), filled from the decision: the
//! invitation, dated the last day it may go out; the minutes of the count, once the meeting
//! voted; and the resolution (or the meeting's minutes when nothing was adopted), once the
//! meeting has its result.

use coso_documents::Document;
use coso_documents::community_meeting::{MeetingFacts, MeetingInvitation, MeetingVote, TallyCounts};
use coso_domain::decision::timeline::invitation_due;
use coso_domain::decision::{DecisionForm, Outcome, required};
use coso_domain::unit::{UnitKind, sort_name};
use coso_store::{DecisionRow, UnitRow};

use super::access::manage_permit;
use super::commune::commune_of;
use crate::{Actor, App, Error, Result};

fn as_u32(v: i64) -> u32 {
    u32::try_from(v.max(0)).unwrap_or(u32::MAX)
}

/// Who convenes the community's meeting and signs for it.
fn convener(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Village => "TRƯỞNG THÔN",
        UnitKind::ResidentialGroup => "TỔ TRƯỞNG TỔ DÂN PHỐ",
        _ => "CHỦ TRÌ CUỘC HỌP",
    }
}

/// The meeting `id` of `unit`, for one who manages it; another form is refused.
async fn meeting(app: &App, actor: &Actor, unit: &UnitRow, id: i64) -> Result<(DecisionRow, MeetingFacts)> {
    manage_permit(actor, unit)?;
    let d = app.store().decision(id).await?.filter(|d| d.unit_id == unit.id).ok_or(Error::NotFound)?;
    if d.form != DecisionForm::Meeting {
        return Err(Error::Conflict {
            field: "form",
            message: format!(
                "Giấy mời, biên bản và nghị quyết theo Mẫu 01–03 chỉ lập cho cuộc họp; quyết định này theo hình thức «{}».",
                d.form.label()
            ),
        });
    }
    let commune = commune_of(app, unit).await?;
    let facts = MeetingFacts {
        commune: commune.name.clone(),
        community: unit.name.clone(),
        convener: convener(unit.kind).into(),
        place: sort_name(&commune.name).to_string(),
        title: d.title.clone(),
        matter: d.matter.label().into(),
        held_on: d.held_on,
        households: as_u32(d.households),
    };
    Ok((d, facts))
}

/// Mẫu 01: the invitation.
pub async fn invitation(app: &App, actor: &Actor, unit: &UnitRow, id: i64) -> Result<Document> {
    let (d, facts) = meeting(app, actor, unit, id).await?;
    let sent_on = invitation_due(d.held_on, &app.settings().decisions);
    Ok(MeetingInvitation { meeting: facts, sent_on }.document())
}

/// The meeting's recorded result, or why there is none yet.
async fn vote(app: &App, actor: &Actor, unit: &UnitRow, id: i64) -> Result<MeetingVote> {
    let (d, facts) = meeting(app, actor, unit, id).await?;
    let Some(outcome) = d.outcome else {
        return Err(Error::Conflict {
            field: "status",
            message: "Cuộc họp chưa có kết quả biểu quyết; chưa lập được biên bản, nghị quyết.".into(),
        });
    };
    let counts = match (d.yes_votes, d.no_votes, d.invalid_votes) {
        (Some(yes), Some(no), invalid) => {
            Some(TallyCounts { yes: as_u32(yes), no: as_u32(no), invalid: as_u32(invalid.unwrap_or(0)) })
        }
        _ => None,
    };
    let counting_board = d
        .counting_board
        .as_deref()
        .map(serde_json::from_str::<Vec<String>>)
        .transpose()
        .map_err(Error::internal)?
        .unwrap_or_default();
    Ok(MeetingVote {
        present: d.present.map(as_u32),
        method: d.voting_method.map(|m| m.label().to_string()),
        secretary: d.secretary.clone().filter(|s| !s.trim().is_empty()),
        counting_board,
        counts,
        required: required(facts.households, d.comparison),
        comparison: d.comparison.label().into(),
        adopted: outcome == Outcome::Adopted,
        reason: d.reason.clone().unwrap_or_default(),
        meeting: facts,
    })
}

/// Mẫu 02: the minutes of the count, once the meeting voted.
pub async fn count_minutes(app: &App, actor: &Actor, unit: &UnitRow, id: i64) -> Result<Document> {
    vote(app, actor, unit, id).await?.count_minutes().ok_or_else(|| Error::Conflict {
        field: "status",
        message: "Cuộc họp kết thúc không biểu quyết vì không đủ hộ dự họp; không có biên bản kiểm phiếu (Mẫu 02)."
            .into(),
    })
}

/// Mẫu 03: the resolution, or the meeting's minutes when nothing was adopted.
pub async fn resolution(app: &App, actor: &Actor, unit: &UnitRow, id: i64) -> Result<Document> {
    Ok(vote(app, actor, unit, id).await?.resolution())
}
