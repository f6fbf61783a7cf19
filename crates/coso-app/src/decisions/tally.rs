//! A meeting's vote: the counts checked against those present (DEC-5), the outcome against all
//! households (DEC-6) with its reason, recorded and closed in one transaction. A meeting whose
//! attendance cannot reach the ratio may be closed without a vote (DEC-8), the ballot offered.
//! Ballots and online votes count through their own use cases. A meeting that voted puts the
//! obligation to send its result to the commune in the commune's notifications (DEC-10b); one
//! closed without a vote has nothing to send yet, the household ballot follows.

use coso_calendar::HolidayCalendar;
use coso_domain::decision::{DecisionForm, MeetingTally, Outcome, judge};
use coso_store::{DecisionResult, DecisionRow, MeetingRecord, UnitRow};

use super::access::manage_permit;
use crate::{Actor, App, Error, Result};

fn as_u32(v: Option<i64>) -> Option<u32> {
    v.map(|n| u32::try_from(n.max(0)).unwrap_or(u32::MAX))
}

fn households(d: &DecisionRow) -> u32 {
    as_u32(Some(d.households)).unwrap_or(0)
}

fn meeting_of(d: Option<DecisionRow>, unit: &UnitRow) -> Result<DecisionRow> {
    let d = d.filter(|d| d.unit_id == unit.id).ok_or(Error::NotFound)?;
    if d.form != DecisionForm::Meeting {
        return Err(Error::Conflict {
            field: "form",
            message: format!(
                "Kết quả của hình thức «{}» được kiểm theo phiếu của từng hộ, không nhập như một cuộc họp.",
                d.form.label()
            ),
        });
    }
    if d.outcome.is_some() {
        return Err(Error::Conflict {
            field: "status",
            message: "Quyết định này đã có kết quả; không thể ghi thêm.".into(),
        });
    }
    Ok(d)
}

/// Records a meeting's counts and its result; the decision is closed and the commune told
/// when the result is due.
pub async fn tally_meeting(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    unit: &UnitRow,
    id: i64,
    tally: MeetingTally,
) -> Result<Outcome> {
    let permit = manage_permit(actor, unit)?;
    let d = meeting_of(app.store().decision(id).await?, unit)?;
    let tally = tally.cleaned();
    let present = as_u32(d.present);
    tally.check(present).map_err(Error::Validation)?;
    let judgement =
        judge(households(&d), present, Some(tally.yes), d.comparison).ok_or_else(|| Error::internal("no judgement"))?;
    let result = DecisionResult {
        votes: Some((i64::from(tally.yes), i64::from(tally.no), i64::from(tally.invalid))),
        meeting: Some(MeetingRecord {
            method: tally.method,
            secretary: tally.secretary.clone(),
            secretary_votes: tally.secretary_votes.map(i64::from),
            board: tally.board.clone(),
            board_votes: tally.board_votes.map(i64::from),
        }),
        outcome: judgement.outcome,
        reason: judgement.reason,
        present: d.present,
    };
    app.store().record_decision_result(&permit, unit, id, &result, actor.audit()).await?;
    super::commune::notify_commune(app, calendar, unit, &d).await?;
    Ok(judgement.outcome)
}

/// Closes a meeting without a vote because its attendance cannot reach the ratio (DEC-8); a
/// meeting that still can must be tallied.
pub async fn close(app: &App, actor: &Actor, unit: &UnitRow, id: i64) -> Result<Outcome> {
    let permit = manage_permit(actor, unit)?;
    let d = meeting_of(app.store().decision(id).await?, unit)?;
    let judgement = judge(households(&d), as_u32(d.present), None, d.comparison)
        .filter(|j| j.outcome == Outcome::RatioUnreachable)
        .ok_or_else(|| Error::Conflict {
            field: "present",
            message:
                "Chỉ kết thúc không biểu quyết khi số hộ dự họp không đủ để đạt tỷ lệ; hãy nhập kết quả biểu quyết."
                    .into(),
        })?;
    let result = DecisionResult {
        votes: None,
        meeting: None,
        outcome: judgement.outcome,
        reason: judgement.reason,
        present: d.present,
    };
    app.store().record_decision_result(&permit, unit, id, &result, actor.audit()).await?;
    Ok(judgement.outcome)
}
