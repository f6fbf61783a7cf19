//! Each step of a convention's life, as one use case: authorize, check the step against the
//! state (`coso_domain::convention::next`) and the dates, and write the new state with its
//! audit row in one transaction.

use chrono::NaiveDate;
use coso_calendar::HolidayCalendar;
use coso_domain::FieldError;
use coso_domain::convention::{
    AdoptionInput, ConventionStatus, DatedData, DatedInput, DecisionCounts, Judgement, OpinionData, OpinionInput,
    Outcome, ProposalData, ProposalInput, RecognitionData, RecognitionInput, Step, Tally, VersionData, VersionInput,
    check_vote, judge, next, tally_of_decision,
};
use coso_store::{ConventionRow, ConventionState, NewVersion, UnitRow};

use super::access::{commune_permit, convention_of_unit, permit};
use super::deadlines::earliest_vote;
use crate::{Actor, App, Error, Result};

fn step(c: &ConventionRow, s: Step) -> Result<ConventionStatus> {
    next(c.state.status, c.state.in_force_version.is_some(), s)
        .map_err(|e| Error::Conflict { field: "status", message: e.to_string() })
}

fn invalid(e: FieldError) -> Error {
    Error::Validation(vec![e])
}

/// Refuses a date after `today` or before `earliest` (a date of an earlier step).
fn check_date(date: NaiveDate, today: NaiveDate, earliest: Option<(NaiveDate, &str)>) -> Result<()> {
    if date > today {
        return Err(invalid(FieldError::new("date", "Ngày không được sau hôm nay.")));
    }
    if let Some((first, what)) = earliest
        && date < first
    {
        return Err(invalid(FieldError::new(
            "date",
            format!("Ngày không được trước {what} ({}).", first.format("%d/%m/%Y")),
        )));
    }
    Ok(())
}

/// Proposes a convention for the village `code`, its basic contents as version 1 (HU-3).
pub async fn propose(app: &App, actor: &Actor, code: &str, input: &ProposalInput) -> Result<i64> {
    let unit = crate::units::by_code(app, code).await?;
    let permit = permit(actor, &unit)?;
    let data = ProposalData::parse(input).map_err(Error::Validation)?;
    Ok(app.store().create_convention(&permit, &unit, data.kind, &data.title, &data.text, actor.audit()).await?)
}

#[expect(clippy::too_many_arguments, reason = "a move is written whole, with its audit row")]
async fn write(
    app: &App,
    actor: &Actor,
    unit: &UnitRow,
    c: &ConventionRow,
    to: ConventionState,
    version: Option<NewVersion>,
    action: &'static str,
    after: serde_json::Value,
) -> Result<()> {
    let permit = if matches!(action, "convention.recognise" | "convention.return") {
        commune_permit(app, actor, unit).await?
    } else {
        permit(actor, unit)?
    };
    app.store().move_convention(&permit, unit, c, &to, version.as_ref(), action, after, actor.audit()).await?;
    Ok(())
}

/// A new version of the text; the number it got. A convention in force starts its amendment,
/// a returned one its correction: both are posted and voted again.
pub async fn edit(app: &App, actor: &Actor, code: &str, id: i64, input: &VersionInput) -> Result<i64> {
    let (unit, c) = convention_of_unit(app, code, id).await?;
    permit(actor, &unit)?;
    let to = step(&c, Step::Edit)?;
    let data = VersionData::parse(input).map_err(Error::Validation)?;
    // A new round of drafting clears the steps of the round before; a posted draft completed
    // from the opinions stays posted.
    let mut s = if to == ConventionStatus::Drafting { blank(&c.state) } else { c.state.clone() };
    s.status = to;
    s.current_version = c.state.current_version + 1;
    let number = s.current_version;
    let after = serde_json::json!({ "version": number, "note": data.note, "status": to.label() });
    let version = NewVersion { body: data.text, note: data.note };
    write(app, actor, &unit, &c, s, Some(version), "convention.version", after).await?;
    Ok(number)
}

/// The state of a new round of drafting: what is in force and its last review stay, the
/// steps of the round before are cleared.
fn blank(s: &ConventionState) -> ConventionState {
    ConventionState {
        status: s.status,
        current_version: s.current_version,
        posted_version: None,
        posted_on: None,
        posting_place: None,
        vote_form: None,
        vote_on: None,
        households: None,
        present: None,
        yes: None,
        outcome: None,
        meeting_lacked_on: None,
        adopted_version: None,
        adopted_on: None,
        submitted_on: None,
        returned_on: None,
        return_reason: None,
        in_force_version: s.in_force_version,
        recognised_on: s.recognised_on,
        decision_number: s.decision_number.clone(),
        reviewed_on: s.reviewed_on,
        review_note: s.review_note.clone(),
        vote_decision_id: None,
    }
}

/// Posts the current draft for the community's opinions from `date` (HU-4); `note` says where.
pub async fn post(app: &App, actor: &Actor, code: &str, id: i64, input: &DatedInput) -> Result<()> {
    let (unit, c) = convention_of_unit(app, code, id).await?;
    permit(actor, &unit)?;
    let to = step(&c, Step::Post)?;
    let data = DatedData::parse(input, "Ngày niêm yết", "Nơi niêm yết", false).map_err(Error::Validation)?;
    check_date(data.date, app.today(), None)?;
    let mut s = blank(&c.state);
    s.status = to;
    s.posted_version = Some(c.state.current_version);
    s.posted_on = Some(data.date);
    s.posting_place = data.note.clone();
    let after = serde_json::json!({ "version": c.state.current_version, "posted_on": data.date, "place": data.note });
    write(app, actor, &unit, &c, s, None, "convention.post", after).await
}

/// Records opinions collected while the draft is posted.
pub async fn record_opinions(app: &App, actor: &Actor, code: &str, id: i64, input: &OpinionInput) -> Result<i64> {
    let (unit, c) = convention_of_unit(app, code, id).await?;
    let permit = permit(actor, &unit)?;
    step(&c, Step::Opinions)?;
    let data = OpinionData::parse(input).map_err(Error::Validation)?;
    let posted = c.state.posted_on.map(|d| (d, "ngày niêm yết"));
    check_date(data.received_on, app.today(), posted).map_err(|_| {
        invalid(FieldError::new("received_on", "Ngày nhận ý kiến phải trong thời gian niêm yết, không sau hôm nay."))
    })?;
    Ok(app.store().add_convention_opinion(&permit, &unit, &c, &data, actor.audit()).await?)
}

/// Records the vote of a meeting or a household ballot and what it gave (HU-5): refused
/// before the posting period ends (PUB-7), or a ballot no meeting lacking attendance came
/// before. A vote that does not adopt leaves the draft posted.
pub async fn record_vote(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    code: &str,
    id: i64,
    input: &AdoptionInput,
) -> Result<Judgement> {
    let (unit, c) = convention_of_unit(app, code, id).await?;
    permit(actor, &unit)?;
    step(&c, Step::Vote(Outcome::NotAdopted))?;
    let tally = Tally::parse(input).map_err(Error::Validation)?;
    apply_vote(app, actor, calendar, &unit, &c, tally, None).await
}

/// Takes the vote from the community decision `decision` of matter 3 of the same village whose
/// result is recorded (HU-5): its households, those present (or the ballots returned) and the
/// yes votes fill the convention's vote, judged as a typed one, and the decision is linked to
/// the convention. PUB-7's posting period is held against the decision's first day; a decision
/// already linked to another convention, of another unit, of another matter or still open is
/// refused naming the field `decision`, and nothing changes.
pub async fn record_vote_from_decision(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    code: &str,
    id: i64,
    decision: &str,
) -> Result<Judgement> {
    let (unit, c) = convention_of_unit(app, code, id).await?;
    permit(actor, &unit)?;
    step(&c, Step::Vote(Outcome::NotAdopted))?;
    let wrong = |m: &str| invalid(FieldError::new("decision", m.to_string()));
    let raw = decision.trim();
    if raw.is_empty() {
        return Err(wrong("Chọn quyết định của cộng đồng dân cư."));
    }
    let decision_id: i64 = raw.parse().map_err(|_| wrong("Quyết định đã chọn không có trong danh sách."))?;
    let d = app
        .store()
        .decision(decision_id)
        .await?
        .filter(|d| d.unit_id == unit.id)
        .ok_or_else(|| wrong("Quyết định đã chọn không phải của thôn, tổ dân phố này."))?;
    if let Some(other) = app.store().convention_voted_by(d.id).await?
        && other.id != c.id
    {
        return Err(wrong(&format!("Quyết định này đã là kết quả biểu quyết của «{}».", other.title)));
    }
    let counts = DecisionCounts {
        matter: d.matter,
        form: d.form,
        held_on: d.held_on,
        households: d.households,
        present: d.present,
        yes: d.yes_votes,
        no: d.no_votes,
        invalid: d.invalid_votes,
        decided: d.outcome.is_some(),
    };
    let tally = tally_of_decision(&counts).map_err(invalid)?;
    apply_vote(app, actor, calendar, &unit, &c, tally, Some(d.id)).await
}

/// Checks a vote against the posting period and the step, judges it and writes it.
async fn apply_vote(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    unit: &UnitRow,
    c: &ConventionRow,
    tally: Tally,
    decision: Option<i64>,
) -> Result<Judgement> {
    let posted = c.state.posted_on.ok_or_else(|| Error::internal("a posted convention without its date"))?;
    let earliest = earliest_vote(calendar, posted)?;
    check_vote(&tally, posted, earliest, app.today(), c.state.meeting_lacked_on.is_some()).map_err(|e| {
        // A decision's date is not typed here: the refusal names the decision chosen.
        if decision.is_some() { invalid(FieldError::new("decision", e.message)) } else { invalid(e) }
    })?;
    let judgement = judge(&tally);
    let to = step(c, Step::Vote(judgement.outcome))?;
    let mut s = c.state.clone();
    s.status = to;
    s.vote_form = Some(tally.form);
    s.vote_on = Some(tally.date);
    s.households = Some(i64::from(tally.households));
    s.present = Some(i64::from(tally.present));
    s.yes = Some(i64::from(tally.yes));
    s.outcome = Some(judgement.outcome);
    s.vote_decision_id = decision;
    if judgement.outcome == Outcome::RatioUnreachable {
        s.meeting_lacked_on = Some(tally.date);
    }
    if judgement.outcome == Outcome::Adopted {
        s.adopted_version = Some(c.state.current_version);
        s.adopted_on = Some(tally.date);
    }
    let after = serde_json::json!({
        "form": tally.form.label(), "date": tally.date, "households": tally.households, "present": tally.present,
        "yes": tally.yes, "required": judgement.required, "outcome": judgement.outcome.label(), "decision": decision,
    });
    write(app, actor, unit, c, s, None, "convention.vote", after).await?;
    Ok(judgement)
}

/// Sends the dossier (Mẫu 01, Mẫu 02 and the adopted text) to the commune on `date` (HU-6),
/// or sends it again after a return.
pub async fn submit(app: &App, actor: &Actor, code: &str, id: i64, input: &DatedInput) -> Result<()> {
    let (unit, c) = convention_of_unit(app, code, id).await?;
    permit(actor, &unit)?;
    let to = step(&c, Step::Submit)?;
    let data = DatedData::parse(input, "Ngày gửi hồ sơ", "Ghi chú", false).map_err(Error::Validation)?;
    let after_step = c.state.returned_on.or(c.state.adopted_on);
    check_date(data.date, app.today(), after_step.map(|d| (d, "ngày thông qua hoặc ngày bị trả lại")))?;
    let mut s = c.state.clone();
    s.status = to;
    s.submitted_on = Some(data.date);
    let after = serde_json::json!({ "submitted_on": data.date, "note": data.note });
    write(app, actor, &unit, &c, s, None, "convention.submit", after).await
}

/// The commune recognises the adopted text: it is in force from `date` (HU-6).
pub async fn recognise(app: &App, actor: &Actor, code: &str, id: i64, input: &RecognitionInput) -> Result<()> {
    let (unit, c) = convention_of_unit(app, code, id).await?;
    commune_permit(app, actor, &unit).await?;
    let to = step(&c, Step::Recognise)?;
    let data = RecognitionData::parse(input).map_err(Error::Validation)?;
    check_date(data.date, app.today(), c.state.submitted_on.map(|d| (d, "ngày nhận hồ sơ")))?;
    let mut s = c.state.clone();
    s.status = to;
    s.in_force_version = c.state.adopted_version;
    s.recognised_on = Some(data.date);
    s.decision_number = Some(data.decision_number.clone());
    let after = serde_json::json!({ "recognised_on": data.date, "decision_number": data.decision_number, "version": c.state.adopted_version });
    write(app, actor, &unit, &c, s, None, "convention.recognise", after).await
}

/// The commune sends the dossier back, with its reason.
pub async fn return_dossier(app: &App, actor: &Actor, code: &str, id: i64, input: &DatedInput) -> Result<()> {
    let (unit, c) = convention_of_unit(app, code, id).await?;
    commune_permit(app, actor, &unit).await?;
    let to = step(&c, Step::Return)?;
    let data = DatedData::parse(input, "Ngày trả lại", "Lý do trả lại", true).map_err(Error::Validation)?;
    check_date(data.date, app.today(), c.state.submitted_on.map(|d| (d, "ngày nhận hồ sơ")))?;
    let mut s = c.state.clone();
    s.status = to;
    s.returned_on = Some(data.date);
    s.return_reason = data.note.clone();
    let after = serde_json::json!({ "returned_on": data.date, "reason": data.note });
    write(app, actor, &unit, &c, s, None, "convention.return", after).await
}

/// The yearly review of the text in force (HU-7), with its conclusions.
pub async fn review(app: &App, actor: &Actor, code: &str, id: i64, input: &DatedInput) -> Result<()> {
    let (unit, c) = convention_of_unit(app, code, id).await?;
    permit(actor, &unit)?;
    let to = step(&c, Step::Review)?;
    let data = DatedData::parse(input, "Ngày rà soát", "Kết luận rà soát", true).map_err(Error::Validation)?;
    check_date(data.date, app.today(), c.state.recognised_on.map(|d| (d, "ngày công nhận")))?;
    let mut s = c.state.clone();
    s.status = to;
    s.reviewed_on = Some(data.date);
    s.review_note = data.note.clone();
    let after = serde_json::json!({ "reviewed_on": data.date, "conclusions": data.note });
    write(app, actor, &unit, &c, s, None, "convention.review", after).await
}
