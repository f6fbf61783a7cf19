//! Registering a case: by an official of the unit (or above), or by a village head on behalf
//! of the village's residents.

use coso_calendar::HolidayCalendar;
use coso_domain::CaseId;
use coso_domain::FieldError;
use coso_domain::authz::Action;
use coso_domain::case::{CaseActionKind, CaseKind, CaseStatus, Channel, TrackingCode};
use coso_store::{
    CaseEffects, CaseInsert, CasePlace, CaseSender, IntakeFile, NewCase as StoredCase, NewCaseAction, NewMail,
    StoreError, UnitRow,
};

use super::deadlines::{CaseDates, due_dates, limitation, schedule};
use super::input::{CheckedCase, NewCase};
use super::view::{CaseView, build};
use crate::{Actor, App, Error, Result};

/// Attempts at drawing a tracking code not yet used (80 random bits: a clash is a freak).
const CODE_ATTEMPTS: usize = 3;

/// A fresh tracking code from the system's random generator.
pub(crate) fn new_tracking_code() -> TrackingCode {
    TrackingCode::from_bytes(rand::random::<[u8; 10]>())
}

/// Registers a case for the unit `input.unit`. Officials (and administrators) register for
/// any unit of their subtree through any channel; a village head registers for the village
/// only, and the case is recorded as brought through the village head. A denunciation without
/// the denouncer's name and address, or marked anonymous, is recorded as information (TC-2).
/// The case, its sender, its first timeline row and the audit row (which never holds the
/// sender's identity) are written in one transaction.
pub async fn register(app: &App, actor: &Actor, calendar: &HolidayCalendar, input: &NewCase) -> Result<CaseView> {
    register_with_files(app, actor, calendar, input, vec![]).await
}

/// [`register`] with files written in the same transaction (the desk's scanned letter).
pub(crate) async fn register_with_files(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    input: &NewCase,
    files: Vec<IntakeFile>,
) -> Result<CaseView> {
    let unit = app.store().unit_by_code(input.unit.trim()).await?;
    let checked = input.check(app.today());
    let Some(unit) = unit else {
        let mut errors = vec![FieldError::new("unit", format!("Không có đơn vị mã «{}».", input.unit.trim()))];
        errors.extend(checked.err().unwrap_or_default());
        return Err(Error::Validation(errors));
    };
    // Who may register is decided before what is wrong with the case is said.
    let path = unit.unit_path();
    let on_behalf = !actor.may(&path, Action::HandleCases);
    if on_behalf {
        actor.authorize(&path, Action::ReceiveCases)?;
    }
    let mut checked = checked.map_err(Error::Validation)?;
    if on_behalf {
        // A village head brings the residents' cases to the commune.
        checked.channel = Channel::VillageHead;
    }
    validate_stored(app, calendar, &unit, &checked).await?;
    // A file registered with the case is the sender's letter: a denouncer's handwriting.
    let files: Vec<IntakeFile> =
        files.into_iter().map(|f| IntakeFile { identity: checked.kind.identity_is_secret(), ..f }).collect();
    let remote = match input.remote {
        Some(r) => r,
        None => app.store().unit_remote(unit.unit_id()).await?,
    };
    let stored = stored_case(calendar, &unit, &checked, remote, None, 1)?;
    let first = NewCaseAction {
        action: CaseActionKind::Receive,
        on_date: checked.received_on,
        note: None,
        detail: serde_json::json!({ "channel": checked.channel.as_str() }),
    };
    let new = Unwritten {
        case: stored,
        sender: &checked.sender,
        first,
        place: CasePlace::default(),
        files,
        parent: None,
        audit_action: "case.register",
    };
    let (id, _) = insert_with_fresh_code(app, actor.audit(), new, &|_, _| vec![]).await?;
    let case = app.store().case_by_id(id).await?.ok_or(Error::NotFound)?;
    build(app, actor, calendar, case).await
}

/// The checks that read the store and the calendar: the category, the limitation of a
/// complaint (KN-1).
pub(crate) async fn validate_stored(
    app: &App,
    calendar: &HolidayCalendar,
    unit: &UnitRow,
    checked: &CheckedCase,
) -> Result<()> {
    let categories = app.store().case_categories(unit.unit_id()).await?;
    if !categories.iter().any(|c| c.code == checked.category) {
        let known: Vec<&str> = categories.iter().map(|c| c.code.as_str()).collect();
        return Err(Error::Validation(vec![FieldError::new(
            "category",
            format!("Không có lĩnh vực «{}»; các lĩnh vực: {}.", checked.category, known.join(", ")),
        )]));
    }
    if checked.kind == CaseKind::Complaint
        && let Some(decided) = checked.decision_received_on
    {
        let limit = limitation(calendar, decided)?;
        if checked.received_on > limit.due {
            return Err(Error::Validation(vec![FieldError::new(
                "decision_received_on",
                format!(
                    "Đã quá thời hiệu khiếu nại: {} ngày kể từ ngày nhận quyết định ({}), ngày cuối cùng được khiếu nại là {} ({}).",
                    limit.count,
                    coso_calendar::format_vn(decided),
                    coso_calendar::format_vn(limit.due),
                    limit.citation
                ),
            )]));
        }
    }
    Ok(())
}

/// The row to insert for a checked case, with its due dates.
pub(crate) fn stored_case(
    calendar: &HolidayCalendar,
    unit: &UnitRow,
    checked: &CheckedCase,
    remote: bool,
    parent_id: Option<i64>,
    instance: i64,
) -> Result<StoredCase> {
    let dates = CaseDates {
        kind: checked.kind,
        status: CaseStatus::Received,
        received_on: checked.received_on,
        accepted_on: None,
        answered_on: None,
        remote,
        complexity: checked.complexity,
        instance,
        extensions: 0,
        extension_days: 0,
        responded_on: None,
        forwarded_on: None,
        reopened_on: None,
    };
    let (due_on, resolution_due_on) = due_dates(&schedule(calendar, &dates)?, &dates);
    Ok(StoredCase {
        code: String::new(),
        unit_id: unit.unit_id(),
        kind: checked.kind,
        status: CaseStatus::Received,
        channel: checked.channel,
        category: checked.category.clone(),
        received_on: checked.received_on,
        content: checked.content.clone(),
        remote,
        complexity: checked.complexity,
        crowded: checked.crowded,
        over_level: checked.over_level,
        publish: checked.publish,
        sender_user_id: None,
        accepted_on: None,
        decision_received_on: checked.decision_received_on,
        parent_id,
        instance,
        due_on,
        resolution_due_on,
    })
}

/// A case ready to be written but for its tracking code, with what it carries.
pub(crate) struct Unwritten<'a> {
    pub case: StoredCase,
    pub sender: &'a CaseSender,
    /// The first row of its timeline.
    pub first: NewCaseAction,
    pub place: CasePlace,
    /// Photos or a scanned letter, already checked and cleaned.
    pub files: Vec<IntakeFile>,
    /// The row recorded on the first case of a second complaint.
    pub parent: Option<(i64, &'a NewCaseAction)>,
    /// `case.register` (an official) or `case.submit` (a resident).
    pub audit_action: &'static str,
}

/// Inserts the case under a fresh tracking code, drawing again on the rare clash; `mails` are
/// the mails to queue with it, given the code drawn. Answers its id and code.
pub(crate) async fn insert_with_fresh_code(
    app: &App,
    actor: &coso_store::Actor,
    mut new: Unwritten<'_>,
    mails: &(dyn Fn(&str, &StoredCase) -> Vec<NewMail> + Sync),
) -> Result<(CaseId, String)> {
    let mut effects = CaseEffects {
        action: new.first.clone(),
        audit_action: new.audit_action,
        audit_after: serde_json::Value::Null,
        mails: vec![],
    };
    for _ in 0..CODE_ATTEMPTS {
        let case = &mut new.case;
        case.code = new_tracking_code().display();
        effects.mails = mails(&case.code, case);
        // The audit row names what was written, never who sent it.
        effects.audit_after = serde_json::json!({
            "code": case.code,
            "kind": case.kind.as_str(),
            "unit_id": case.unit_id.0,
            "channel": case.channel.as_str(),
            "category": case.category,
            "received_on": case.received_on,
            "parent_id": case.parent_id,
            "publish": case.publish,
            "files": new.files.len(),
        });
        let insert = CaseInsert {
            case: &new.case,
            sender: new.sender,
            effects: &effects,
            place: &new.place,
            files: &new.files,
            parent: new.parent,
        };
        match app.store().insert_case(&insert, actor).await {
            Err(StoreError::Conflict { field: "code", .. }) => continue,
            other => return Ok((other?, new.case.code.clone())),
        }
    }
    Err(Error::internal("no free tracking code after several draws"))
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn a_thousand_drawn_codes_are_distinct_and_read_back() {
        let codes: HashSet<String> = (0..1000).map(|_| new_tracking_code().display()).collect();
        assert_eq!(codes.len(), 1000);
        for code in &codes {
            assert_eq!(code.parse::<TrackingCode>().map(|t| t.display()), Ok(code.clone()));
        }
    }
}
