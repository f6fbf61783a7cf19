//! The resident's door: sending a case without an account (petitions only) or signed in
//! (complaints and denunciations too), following it by its tracking code, and rating the
//! answer. What is public never holds personal data, notes or the names of handlers.

use chrono::NaiveDate;
use coso_calendar::HolidayCalendar;
use coso_domain::FieldError;
use coso_domain::case::{CaseActionKind, CaseKind, CaseStatus, Channel, Complexity, TrackingCode, next};
use coso_domain::{CaseId, UserId};
use coso_store::{CaseEffects, CaseRow, NewCaseAction};
use serde::Serialize;

use super::act::refused;
use super::input::{CheckedCase, DEFAULT_CATEGORY, SenderInput, content};
use super::register::{insert_with_fresh_code, stored_case, validate_stored};
use crate::{Actor, App, Error, Result};

/// A case as a resident sends it (web form, Open311, the app).
#[derive(Debug, Clone, Default)]
pub struct PublicCaseForm {
    /// The code of the unit it is sent to.
    pub unit: String,
    /// `petition` (default); `complaint` or `denunciation` only signed in.
    pub kind: Option<String>,
    pub content: String,
    pub category: Option<String>,
    /// `web` (default) or `app`.
    pub channel: Option<String>,
    pub sender: SenderInput,
    /// The sender agrees that the petition and its answer are published.
    pub publish: bool,
}

/// One public step of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicStep {
    pub action: CaseActionKind,
    pub label: &'static str,
    pub on: NaiveDate,
    /// The unit a forwarded case went to.
    pub unit: Option<String>,
}

/// What anyone holding a tracking code sees.
#[derive(Debug, Clone, Serialize)]
pub struct PublicCase {
    pub code: String,
    pub received_on: NaiveDate,
    pub kind: CaseKind,
    pub kind_label: &'static str,
    pub status: CaseStatus,
    pub status_label: &'static str,
    /// The unit handling it now.
    pub unit_name: String,
    /// A petition's content, when its sender agreed to publish it.
    pub content: Option<String>,
    /// Received, accepted, forwarded, answered, closed — for petitions only; complaints and
    /// denunciations show their status alone.
    pub steps: Vec<PublicStep>,
    /// A petition's public answer.
    pub public_answer: Option<String>,
    pub rating: Option<i64>,
}

/// The case a tracking code names; a code that is malformed or unknown is "not found" alike.
async fn by_code(app: &App, code: &str) -> Result<CaseRow> {
    let code: TrackingCode = code.parse().map_err(|_| Error::NotFound)?;
    app.store().case_by_code(&code.display()).await?.ok_or(Error::NotFound)
}

/// The public view of the case with tracking code `code`.
pub async fn public_view(app: &App, code: &str) -> Result<PublicCase> {
    let case = by_code(app, code).await?;
    let petition = case.kind == CaseKind::Petition;
    let steps = if petition {
        app.store()
            .case_actions(case.case_id())
            .await?
            .into_iter()
            .filter(|a| {
                use CaseActionKind as A;
                matches!(a.action, A::Receive | A::Accept | A::Forward | A::Answer | A::Close)
            })
            .map(|a| PublicStep {
                action: a.action,
                label: a.action.label(),
                on: a.on_date,
                unit: (a.action == CaseActionKind::Forward)
                    .then(|| serde_json::from_str::<serde_json::Value>(&a.detail).ok())
                    .flatten()
                    .and_then(|d| d["to"]["name"].as_str().map(String::from)),
            })
            .collect()
    } else {
        vec![]
    };
    Ok(PublicCase {
        received_on: case.received_on,
        kind: case.kind,
        kind_label: case.kind.label(),
        status: case.status,
        status_label: case.status.label(),
        unit_name: case.unit_name,
        content: (petition && case.publish).then_some(case.content),
        steps,
        public_answer: if petition { case.public_answer } else { None },
        rating: case.rating,
        code: case.code,
    })
}

/// Sends a case from the resident's door; answers its tracking code. Without an account only
/// a petition is accepted; a signed-in resident may also complain or denounce, with their
/// name and address, the account tying the case to them.
pub async fn submit_public(
    app: &App,
    resident: Option<&Actor>,
    calendar: &HolidayCalendar,
    form: &PublicCaseForm,
) -> Result<String> {
    let mut errors = Vec::new();
    let kind = match form.kind.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
        None => Some(CaseKind::Petition),
        Some(k) => match k.parse::<CaseKind>() {
            Ok(CaseKind::Information) | Err(_) => {
                errors.push(FieldError::new("kind", format!("«{k}» không phải là loại đơn gửi được.")));
                None
            }
            Ok(kind) => Some(kind),
        },
    };
    let account = resident.and_then(Actor::user_id);
    if let Some(kind) = kind
        && kind != CaseKind::Petition
        && account.is_none()
    {
        errors.push(FieldError::new(
            "kind",
            format!("Gửi đơn {} qua mạng cần đăng nhập tài khoản người dân.", kind.label().to_lowercase()),
        ));
    }
    let body = content(&form.content).map_err(|e| errors.push(e)).ok();
    let channel = match form.channel.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        None | Some("web") => Some(Channel::Web),
        Some("app") => Some(Channel::App),
        Some(other) => {
            errors.push(FieldError::new("channel", format!("«{other}» không phải là kênh gửi đơn trực tuyến.")));
            None
        }
    };
    let mut sender = form.sender.cleaned();
    if let Some(user) = account {
        // The account's e-mail is the sender's.
        if let Some(row) = app.store().user_by_id(user).await? {
            sender.email = Some(row.email);
        }
    }
    if kind.is_some_and(CaseKind::needs_identity) {
        if sender.name.is_none() {
            errors.push(FieldError::new("sender.name", "Hãy nhập họ và tên người gửi đơn."));
        }
        if sender.address.is_none() {
            errors.push(FieldError::new("sender.address", "Hãy nhập địa chỉ người gửi đơn."));
        }
    }
    let unit = app.store().unit_by_code(form.unit.trim()).await?;
    if unit.is_none() {
        errors.push(FieldError::new("unit", format!("Không có đơn vị mã «{}».", form.unit.trim())));
    }
    let (Some(unit), Some(kind), Some(content), Some(channel)) = (unit, kind, body, channel) else {
        return Err(Error::Validation(errors));
    };
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let checked = CheckedCase {
        kind,
        received_on: app.today(),
        content,
        category: form
            .category
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .unwrap_or(DEFAULT_CATEGORY)
            .to_string(),
        channel,
        sender,
        complexity: Complexity::Normal,
        decision_received_on: None,
        crowded: false,
        over_level: false,
        publish: form.publish && kind == CaseKind::Petition,
    };
    validate_stored(app, calendar, &unit, &checked).await?;
    let remote = app.store().unit_remote(unit.unit_id()).await?;
    let mut stored = stored_case(calendar, &unit, &checked, remote, None, 1)?;
    stored.sender_user_id = account.map(|u| u.0);
    let first = NewCaseAction {
        action: CaseActionKind::Receive,
        on_date: checked.received_on,
        note: None,
        detail: serde_json::json!({ "channel": checked.channel.as_str() }),
    };
    let public = Actor::system("public");
    let actor = resident.unwrap_or(&public);
    let id = insert_with_fresh_code(app, actor, stored, &checked.sender, first, None).await?;
    let case = app.store().case_by_id(id).await?.ok_or(Error::NotFound)?;
    Ok(case.code)
}

/// Who rates an answer: whoever holds the tracking code, or the signed-in owner of the case.
#[derive(Debug, Clone)]
pub enum Rater<'a> {
    Code(&'a str),
    Owner(&'a Actor, i64),
}

/// The sender rates the answer of their case, once, from 1 to 5.
pub async fn rate(app: &App, rater: Rater<'_>, rating: i64, comment: Option<&str>) -> Result<PublicCase> {
    let public = Actor::system("public");
    let (case, actor) = match rater {
        Rater::Code(code) => (by_code(app, code).await?, &public),
        Rater::Owner(actor, id) => {
            let case = app.store().case_by_id(CaseId(id)).await?.ok_or(Error::NotFound)?;
            let owner = actor.user_id().zip(case.sender_user_id).is_some_and(|(UserId(a), b)| a == b);
            if !owner {
                return Err(Error::NotFound);
            }
            (case, actor)
        }
    };
    if !(1..=5).contains(&rating) {
        return Err(Error::field("rating", "Hãy chọn mức đánh giá từ 1 đến 5 sao."));
    }
    let status = next(case.status, case.kind, CaseActionKind::Rate).map_err(refused)?;
    if case.rating.is_some() {
        return Err(Error::Conflict {
            field: "rating",
            message: "Đơn đã được đánh giá; mỗi đơn chỉ đánh giá một lần.".into(),
        });
    }
    let comment = comment.map(coso_text::clean).filter(|c| !c.is_empty());
    let mut after = case.clone();
    after.status = status;
    after.rating = Some(rating);
    after.rating_comment = comment;
    after.rated_at = Some(app.now());
    let effects = CaseEffects {
        action: NewCaseAction {
            action: CaseActionKind::Rate,
            on_date: app.today().max(case.received_on),
            note: None,
            detail: serde_json::json!({ "rating": rating }),
        },
        audit_action: "case.rate",
        audit_after: serde_json::json!({ "rating": rating }),
        mails: vec![],
    };
    app.store().update_case(&case, &after, &effects, actor.audit()).await?;
    public_view(app, &case.code).await
}
