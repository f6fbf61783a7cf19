//! Every step of handling a case, each in one transaction with its timeline row and its audit
//! row; the domain's state machine decides which step is allowed.

use chrono::NaiveDate;
use coso_calendar::HolidayCalendar;
use coso_domain::FieldError;
use coso_domain::authz::{self, Action};
use coso_domain::case::{CaseActionKind, CaseKind, CaseRefusal, CaseStatus, Complexity, RefusalGround, next};
use coso_domain::{CaseId, UserId};
use coso_store::{CaseActionRow, CaseEffects, CasePlace, CaseRow, NewCaseAction, NewMail, UnitRow};

use super::access::case_to_handle;
use super::deadlines::{CaseDates, due_dates, schedule, second_window};
use super::input::{CheckedCase, action_date};
use super::register::{Unwritten, insert_with_fresh_code, stored_case};
use super::view::{CaseView, build};
use crate::{Actor, App, Error, Result};

/// The longest extension of a denunciation's resolution, in days (TC-4).
const MAX_EXTENSION_DAYS: i64 = 30;

/// A step of handling, fields as typed (dates `yyyy-mm-dd` or `dd/mm/yyyy`).
#[derive(Debug, Clone)]
pub enum CaseCommand {
    Accept {
        on: String,
    },
    Refuse {
        on: String,
        ground: String,
        note: Option<String>,
    },
    /// Sends the case to the unit competent for it (`to_unit`: its code).
    Forward {
        on: String,
        to_unit: String,
        note: Option<String>,
    },
    /// `handler`: an e-mail or an account id, of someone who handles the unit's cases.
    Assign {
        handler: String,
    },
    RequestVerification {
        on: String,
        note: Option<String>,
    },
    /// A written decision extending a denunciation's resolution (`note`: its number and date).
    Extend {
        on: String,
        days: i64,
        note: Option<String>,
    },
    Answer {
        on: String,
        public_answer: Option<String>,
        note: Option<String>,
    },
    Close {
        on: Option<String>,
        note: Option<String>,
    },
    Withdraw {
        on: String,
        note: Option<String>,
    },
    /// A second complaint after the first decision (KN-4), to `to_unit` (default: the unit
    /// above the one that decided).
    Reopen {
        on: String,
        to_unit: Option<String>,
    },
    Note {
        note: String,
    },
    /// Files the case again: its category, complexity or remoteness (the deadlines follow).
    Classify {
        category: Option<String>,
        complexity: Option<String>,
        remote: Option<bool>,
    },
}

impl CaseCommand {
    pub fn kind(&self) -> CaseActionKind {
        use CaseActionKind as A;
        match self {
            CaseCommand::Accept { .. } => A::Accept,
            CaseCommand::Refuse { .. } => A::Refuse,
            CaseCommand::Forward { .. } => A::Forward,
            CaseCommand::Assign { .. } => A::Assign,
            CaseCommand::RequestVerification { .. } => A::RequestVerification,
            CaseCommand::Extend { .. } => A::Extend,
            CaseCommand::Answer { .. } => A::Answer,
            CaseCommand::Close { .. } => A::Close,
            CaseCommand::Withdraw { .. } => A::Withdraw,
            CaseCommand::Reopen { .. } => A::Reopen,
            CaseCommand::Note { .. } => A::Note,
            CaseCommand::Classify { .. } => A::Classify,
        }
    }
}

pub(crate) fn refused(r: CaseRefusal) -> Error {
    Error::Conflict { field: r.field(), message: r.to_string() }
}

fn invalid(field: &'static str, message: impl Into<String>) -> Error {
    Error::Validation(vec![FieldError::new(field, message)])
}

fn note(raw: &Option<String>) -> Option<String> {
    raw.as_deref().map(coso_text::clean).filter(|n| !n.is_empty())
}

/// What one step changes: the case after it, its timeline row, its audit payload, its mails.
struct Step {
    after: CaseRow,
    action: NewCaseAction,
    audit: serde_json::Value,
    mails: Vec<NewMail>,
}

/// Carries out `command` on the case `id` for an official who handles the unit's cases.
pub async fn act(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    id: i64,
    command: CaseCommand,
) -> Result<CaseView> {
    let case = case_to_handle(app, actor, id).await?;
    let status = next(case.status, case.kind, command.kind()).map_err(refused)?;
    if let CaseCommand::Reopen { on, to_unit } = &command {
        return reopen(app, actor, calendar, &case, on, to_unit.as_deref()).await;
    }
    let actions = app.store().case_actions(case.case_id()).await?;
    let mut step = step(app, &case, status, &actions, command).await?;
    // The due dates follow the new stage.
    let mut timeline = actions.clone();
    timeline.push(CaseActionRow {
        id: 0,
        case_id: case.id,
        action: step.action.action,
        on_date: step.action.on_date,
        note: None,
        actor_user_id: None,
        actor_label: String::new(),
        detail: step.action.detail.to_string(),
        created_at: app.now(),
    });
    let dates = CaseDates::of(&step.after, &timeline);
    (step.after.due_on, step.after.resolution_due_on) = due_dates(&schedule(calendar, &dates)?, &dates);
    let audit_action = match step.action.action {
        CaseActionKind::Accept => "case.accept",
        CaseActionKind::Refuse => "case.refuse",
        CaseActionKind::Forward => "case.forward",
        CaseActionKind::Assign => "case.assign",
        CaseActionKind::RequestVerification => "case.request_verification",
        CaseActionKind::Extend => "case.extend",
        CaseActionKind::Answer => "case.answer",
        CaseActionKind::Close => "case.close",
        CaseActionKind::Withdraw => "case.withdraw",
        CaseActionKind::Classify => "case.classify",
        _ => "case.note",
    };
    step.audit["status"] = serde_json::json!(step.after.status.as_str());
    let effects = CaseEffects { action: step.action, audit_action, audit_after: step.audit, mails: step.mails };
    app.store().update_case(&case, &step.after, &effects, actor.audit()).await?;
    let stored = app.store().case_by_id(case.case_id()).await?.ok_or(Error::NotFound)?;
    build(app, actor, calendar, stored).await
}

async fn step(
    app: &App,
    case: &CaseRow,
    status: CaseStatus,
    actions: &[CaseActionRow],
    command: CaseCommand,
) -> Result<Step> {
    let today = app.today();
    let mut after = case.clone();
    after.status = status;
    let on = |raw: &str, not_before: NaiveDate| {
        action_date(raw, today, not_before, "on").map_err(|e| Error::Validation(vec![e]))
    };
    let kind = command.kind();
    let action = |on_date: NaiveDate, note: Option<String>, detail: serde_json::Value| NewCaseAction {
        action: kind,
        on_date,
        note,
        detail,
    };
    let mut mails = Vec::new();
    let (action, audit) = match command {
        CaseCommand::Accept { on: raw } => {
            let on = on(&raw, case.received_on)?;
            after.accepted_on = Some(on);
            (action(on, None, serde_json::json!({})), serde_json::json!({ "accepted_on": on }))
        }
        CaseCommand::Refuse { on: raw, ground, note: n } => {
            let on = on(&raw, case.received_on)?;
            let ground = ground
                .trim()
                .parse::<RefusalGround>()
                .map_err(|e| invalid("ground", format!("Lý do không thụ lý: {e}")))?;
            let detail = serde_json::json!({ "ground": ground.as_str(), "ground_label": ground.label() });
            (action(on, note(&n), detail.clone()), detail)
        }
        CaseCommand::Forward { on: raw, to_unit, note: n } => {
            let on = on(&raw, case.received_on)?;
            let target = app
                .store()
                .unit_by_code(to_unit.trim())
                .await?
                .ok_or_else(|| invalid("to_unit", format!("Không có đơn vị mã «{}».", to_unit.trim())))?;
            if target.id == case.unit_id {
                return Err(invalid("to_unit", "Đơn đang ở chính đơn vị này; hãy chọn đơn vị khác để chuyển."));
            }
            after.unit_id = target.id;
            after.handler_user_id = None;
            let detail = serde_json::json!({
                "from": { "code": case.unit_code, "name": case.unit_name },
                "to": { "code": target.code, "name": target.name },
            });
            mails = forward_mail(app, case, &target, actions.len()).await?;
            (action(on, note(&n), detail.clone()), detail)
        }
        CaseCommand::Assign { handler } => {
            let user = handler_of(app, case, &handler).await?;
            after.handler_user_id = Some(user.0);
            let detail = serde_json::json!({ "handler_user_id": user.0 });
            (action(today.max(case.received_on), None, detail.clone()), detail)
        }
        CaseCommand::RequestVerification { on: raw, note: n } => {
            let on = on(&raw, case.received_on)?;
            (action(on, note(&n), serde_json::json!({})), serde_json::json!({ "on": on }))
        }
        CaseCommand::Extend { on: raw, days, note: n } => {
            let on = on(&raw, case.accepted_on.unwrap_or(case.received_on))?;
            if !(1..=MAX_EXTENSION_DAYS).contains(&days) {
                return Err(invalid(
                    "days",
                    format!("Mỗi lần gia hạn không quá {MAX_EXTENSION_DAYS} ngày (Điều 30 Luật Tố cáo)."),
                ));
            }
            let Some(decision) = note(&n) else {
                return Err(invalid("note", "Hãy ghi số, ngày của quyết định gia hạn giải quyết tố cáo."));
            };
            let allowed = case.complexity.max_extensions();
            if case.extensions >= allowed {
                return Err(Error::Conflict {
                    field: "days",
                    message: format!(
                        "Tố cáo có mức độ «{}» chỉ được gia hạn tối đa {allowed} lần (Điều 30 Luật Tố cáo); đã gia hạn {} lần.",
                        case.complexity.label().to_lowercase(),
                        case.extensions
                    ),
                });
            }
            after.extensions = case.extensions + 1;
            let detail = serde_json::json!({ "days": days, "extension": after.extensions });
            (action(on, Some(decision), detail.clone()), detail)
        }
        CaseCommand::Answer { on: raw, public_answer, note: n } => {
            let on = on(&raw, case.accepted_on.unwrap_or(case.received_on))?;
            after.answered_on = Some(on);
            after.public_answer = note(&public_answer);
            (action(on, note(&n), serde_json::json!({})), serde_json::json!({ "answered_on": on }))
        }
        CaseCommand::Close { on: raw, note: n } => {
            let on = match raw.as_deref().filter(|r| !r.trim().is_empty()) {
                Some(raw) => on(raw, case.received_on)?,
                None => today.max(case.received_on),
            };
            after.closed_on = Some(on);
            (action(on, note(&n), serde_json::json!({})), serde_json::json!({ "closed_on": on }))
        }
        CaseCommand::Withdraw { on: raw, note: n } => {
            let on = on(&raw, case.received_on)?;
            after.closed_on = Some(on);
            (action(on, note(&n), serde_json::json!({})), serde_json::json!({ "closed_on": on }))
        }
        CaseCommand::Note { note: n } => {
            let Some(text) = note(&Some(n)) else { return Err(invalid("note", "Hãy nhập nội dung ghi chú.")) };
            (action(today.max(case.received_on), Some(text), serde_json::json!({})), serde_json::json!({}))
        }
        CaseCommand::Classify { category, complexity, remote } => {
            if let Some(code) = category.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
                let known = app.store().case_categories(coso_domain::UnitId(case.unit_id)).await?;
                if !known.iter().any(|c| c.code == code) {
                    return Err(invalid("category", format!("Không có lĩnh vực «{code}».")));
                }
                after.category = code.to_string();
            }
            if let Some(raw) = complexity.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
                after.complexity =
                    raw.parse::<Complexity>().map_err(|e| invalid("complexity", format!("Mức độ phức tạp: {e}")))?;
                if after.extensions > after.complexity.max_extensions() {
                    return Err(invalid(
                        "complexity",
                        "Đơn đã được gia hạn nhiều lần hơn mức độ phức tạp này cho phép.",
                    ));
                }
            }
            if let Some(remote) = remote {
                after.remote = remote;
            }
            let detail = serde_json::json!({
                "category": after.category, "complexity": after.complexity.as_str(), "remote": after.remote,
            });
            (action(today.max(case.received_on), None, detail.clone()), detail)
        }
        CaseCommand::Reopen { .. } => return Err(Error::internal("a second complaint is not a step of the first")),
    };
    Ok(Step { after, action, audit, mails })
}

/// The account `typed` (an e-mail or an id) if it handles the cases of the case's unit.
async fn handler_of(app: &App, case: &CaseRow, typed: &str) -> Result<UserId> {
    let typed = typed.trim();
    let user = match typed.parse::<i64>() {
        Ok(id) => app.store().user_by_id(UserId(id)).await?,
        Err(_) => app.store().user_by_email(&typed.to_lowercase()).await?,
    };
    let Some(user) = user.filter(|u| u.active) else {
        return Err(invalid("handler", format!("Không có người dùng «{typed}».")));
    };
    let grants: Vec<_> = app.store().grants_of(user.user_id()).await?.iter().map(|g| g.grant()).collect();
    if authz::authorize(&grants, &case.unit_path(), Action::HandleCases).is_err() {
        return Err(invalid("handler", format!("«{typed}» không phải là cán bộ xử lý đơn của {}.", case.unit_name)));
    }
    Ok(user.user_id())
}

/// A notice to the sender that the case went to another unit: to the sender's e-mail or the
/// sender's account, and to nobody else.
async fn forward_mail(app: &App, case: &CaseRow, target: &UnitRow, step: usize) -> Result<Vec<NewMail>> {
    let sender = app.store().case_sender(case.case_id()).await?.unwrap_or_default();
    let account = match case.sender_user_id {
        Some(id) => app.store().user_by_id(UserId(id)).await?.map(|u| u.email),
        None => None,
    };
    let Some(to_addr) = account.or(sender.email) else { return Ok(vec![]) };
    let link = app
        .settings()
        .base_url
        .as_deref()
        .map(|base| format!("\nTheo dõi đơn tại: {}/theo-doi/{}\n", base.trim_end_matches('/'), case.code))
        .unwrap_or_default();
    Ok(vec![NewMail {
        to_addr,
        subject: format!("Đơn mã {} đã được chuyển đến {}", case.code, target.name),
        body: format!(
            "Đơn ({}) mã theo dõi {} tiếp nhận ngày {} đã được {} chuyển đến {} để xem xét, giải quyết theo thẩm quyền.\n{link}",
            case.kind.label().to_lowercase(),
            case.code,
            coso_calendar::format_vn(case.received_on),
            case.unit_name,
            target.name
        ),
        dedupe_key: format!("case:{}:forward:{step}", case.id),
    }])
}

/// A second complaint (KN-4): a new case of instance 2 linked to the first, within the
/// window after the first decision; refused outside it, naming the last day.
async fn reopen(
    app: &App,
    actor: &Actor,
    calendar: &HolidayCalendar,
    case: &CaseRow,
    raw_on: &str,
    to_unit: Option<&str>,
) -> Result<CaseView> {
    if case.instance >= 2 {
        return Err(Error::Conflict {
            field: "status",
            message: "Đơn này đã là khiếu nại lần hai; không khiếu nại lần hai thêm được.".into(),
        });
    }
    let answered = case.answered_on.ok_or_else(|| refused(CaseRefusal::ReopenOnlyAnsweredComplaints))?;
    let on = action_date(raw_on, app.today(), answered, "on").map_err(|e| Error::Validation(vec![e]))?;
    let window = second_window(calendar, answered, case.remote)?;
    if on > window.due {
        return Err(invalid(
            "on",
            format!(
                "Đã quá thời hạn khiếu nại lần hai: {} ngày kể từ ngày nhận quyết định giải quyết lần đầu ({}), ngày cuối cùng là {} ({}).",
                window.count,
                coso_calendar::format_vn(answered),
                coso_calendar::format_vn(window.due),
                window.citation
            ),
        ));
    }
    let unit = match to_unit.map(str::trim).filter(|c| !c.is_empty()) {
        Some(code) => app
            .store()
            .unit_by_code(code)
            .await?
            .ok_or_else(|| invalid("to_unit", format!("Không có đơn vị mã «{code}».")))?,
        None => {
            let here = crate::units::by_id(app, coso_domain::UnitId(case.unit_id)).await?;
            match here.parent_id {
                Some(parent) => crate::units::by_id(app, coso_domain::UnitId(parent)).await?,
                None => here,
            }
        }
    };
    let sender = app.store().case_sender(case.case_id()).await?.unwrap_or_default();
    let checked = CheckedCase {
        kind: CaseKind::Complaint,
        received_on: on,
        content: case.content.clone(),
        category: case.category.clone(),
        channel: case.channel,
        sender: sender.clone(),
        complexity: case.complexity,
        decision_received_on: Some(answered),
        crowded: case.crowded,
        over_level: case.over_level,
        publish: false,
    };
    let mut stored = stored_case(calendar, &unit, &checked, case.remote, Some(case.id), 2)?;
    stored.sender_user_id = case.sender_user_id;
    let first = NewCaseAction {
        action: CaseActionKind::Receive,
        on_date: on,
        note: None,
        detail: serde_json::json!({ "first_case_id": case.id }),
    };
    let on_first = NewCaseAction {
        action: CaseActionKind::Reopen,
        on_date: on,
        note: None,
        detail: serde_json::json!({ "to": { "code": unit.code, "name": unit.name } }),
    };
    let new = Unwritten {
        case: stored,
        sender: &sender,
        first,
        place: CasePlace::default(),
        files: vec![],
        parent: Some((case.id, &on_first)),
        audit_action: "case.register",
    };
    let (id, _): (CaseId, _) = insert_with_fresh_code(app, actor.audit(), new, &|_, _| vec![]).await?;
    let second = app.store().case_by_id(id).await?.ok_or(Error::NotFound)?;
    build(app, actor, calendar, second).await
}
