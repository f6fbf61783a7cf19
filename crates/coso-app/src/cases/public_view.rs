//! What anyone holding a tracking code sees (`/theo-doi/{code}`), and the rating of an answer.
//!
//! The code is the secret: whoever has it follows the case. So the view never holds personal
//! data, notes, handlers or who acted: for a petition, its steps (received, accepted,
//! forwarded to which unit, refused on which ground, answered with the public answer, closed);
//! for a complaint, a denunciation or information, where it stands and nothing else.

use chrono::NaiveDate;
use coso_domain::FieldError;
use coso_domain::case::{CaseActionKind, CaseKind, CaseStatus, TrackingCode, next};
use coso_store::{CaseActionRow, CaseEffects, CaseRow, NewCaseAction};
use serde::Serialize;

use super::act::refused;
use crate::{Actor, App, Error, Result};

/// The longest comment of a rating, in characters.
pub const MAX_RATING_COMMENT_CHARS: usize = 2_000;

/// One public step of a petition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicStep {
    pub action: CaseActionKind,
    pub label: String,
    pub on: NaiveDate,
}

/// A case as its tracking code shows it.
#[derive(Debug, Clone, Serialize)]
pub struct PublicCase {
    pub code: String,
    pub kind: CaseKind,
    pub status: CaseStatus,
    pub unit_code: String,
    pub unit_name: String,
    pub received_on: NaiveDate,
    /// Petitions only, from here on; empty or `None` for the other kinds.
    pub category_name: Option<String>,
    /// A petition's content, when its sender agreed to publish it.
    pub content: Option<String>,
    pub reply_due: Option<NaiveDate>,
    pub answered_on: Option<NaiveDate>,
    pub public_answer: Option<String>,
    pub steps: Vec<PublicStep>,
    pub rating: Option<i64>,
    pub rating_comment: Option<String>,
}

impl PublicCase {
    /// Whether the timeline and the answer are shown (petitions), or only the status.
    pub fn is_petition(&self) -> bool {
        self.kind == CaseKind::Petition
    }

    /// Whether the answer may be rated now: a petition answered (or closed after its answer)
    /// and not rated yet.
    pub fn may_rate(&self) -> bool {
        self.is_petition()
            && self.rating.is_none()
            && self.answered_on.is_some()
            && next(self.status, self.kind, CaseActionKind::Rate).is_ok()
    }
}

/// The case whose code is `typed` (read leniently: any case, no dashes, I/L/O as digits).
async fn case_of(app: &App, typed: &str) -> Result<CaseRow> {
    let code: TrackingCode = typed.parse().map_err(|_| Error::NotFound)?;
    app.store().case_by_code(&code.display()).await?.ok_or(Error::NotFound)
}

fn step(a: &CaseActionRow) -> Option<PublicStep> {
    let detail: serde_json::Value = serde_json::from_str(&a.detail).unwrap_or_default();
    let label = match a.action {
        CaseActionKind::Receive => "Đã tiếp nhận".to_string(),
        CaseActionKind::Accept => "Đã thụ lý".to_string(),
        CaseActionKind::Forward => match detail["to"]["name"].as_str() {
            Some(to) => format!("Đã chuyển đến {to}"),
            None => "Đã chuyển đơn".to_string(),
        },
        CaseActionKind::Refuse => match detail["ground_label"].as_str() {
            Some(ground) => format!("Không thụ lý: {ground}"),
            None => "Không thụ lý".to_string(),
        },
        CaseActionKind::Answer => "Đã trả lời".to_string(),
        CaseActionKind::Close => "Đã kết thúc".to_string(),
        CaseActionKind::Rate => "Người gửi đã đánh giá kết quả".to_string(),
        // Internal steps: who handles it, notes, verification.
        _ => return None,
    };
    Some(PublicStep { action: a.action, label, on: a.on_date })
}

/// The public view of the case with the code `typed`; not found for a code that is malformed
/// or unknown.
pub async fn public_view(app: &App, typed: &str) -> Result<PublicCase> {
    let case = case_of(app, typed).await?;
    let petition = case.kind == CaseKind::Petition;
    let (steps, category_name) = if petition {
        let actions = app.store().case_actions(case.case_id()).await?;
        let categories = app.store().case_categories(coso_domain::UnitId(case.unit_id)).await?;
        let name = categories.into_iter().find(|c| c.code == case.category).map(|c| c.name);
        (actions.iter().filter_map(step).collect(), Some(name.unwrap_or_else(|| case.category.clone())))
    } else {
        (vec![], None)
    };
    Ok(PublicCase {
        code: case.code,
        kind: case.kind,
        status: case.status,
        unit_code: case.unit_code,
        unit_name: case.unit_name,
        received_on: case.received_on,
        category_name,
        content: (petition && case.publish).then_some(case.content),
        reply_due: if petition && case.status.is_open() { case.resolution_due_on.or(case.due_on) } else { None },
        answered_on: if petition { case.answered_on } else { None },
        public_answer: if petition { case.public_answer } else { None },
        steps,
        rating: if petition { case.rating } else { None },
        rating_comment: if petition { case.rating_comment } else { None },
    })
}

/// Rates the answer of the petition with the code `typed`, once: 1 to 5 stars (as typed) and a
/// comment. Whoever holds the code may (it is the secret the sender was given); `who` is the
/// signed-in rater, if any. Answers the case as its code now shows it.
pub async fn rate(
    app: &App,
    who: Option<&Actor>,
    request_id: Option<&str>,
    typed: &str,
    stars: &str,
    comment: &str,
) -> Result<PublicCase> {
    let case = case_of(app, typed).await?;
    if case.kind != CaseKind::Petition {
        return Err(Error::NotFound);
    }
    next(case.status, case.kind, CaseActionKind::Rate).map_err(refused)?;
    if case.rating.is_some() {
        return Err(Error::Conflict {
            field: "rating",
            message: "Kết quả giải quyết đơn này đã được đánh giá.".into(),
        });
    }
    let mut errors = Vec::new();
    let stars = match stars.trim().parse::<i64>() {
        Ok(n) if (1..=5).contains(&n) => Some(n),
        _ => {
            errors.push(FieldError::new("rating", "Hãy chọn mức đánh giá từ 1 đến 5 sao."));
            None
        }
    };
    let comment = Some(coso_text::clean(comment)).filter(|c| !c.is_empty());
    if let Some(c) = &comment
        && c.chars().count() > MAX_RATING_COMMENT_CHARS
    {
        errors.push(FieldError::new(
            "comment",
            format!("Nhận xét dài {} ký tự, quá giới hạn {MAX_RATING_COMMENT_CHARS} ký tự.", c.chars().count()),
        ));
    }
    let (Some(stars), true) = (stars, errors.is_empty()) else { return Err(Error::Validation(errors)) };
    let mut after = case.clone();
    after.rating = Some(stars);
    after.rating_comment = comment;
    after.rated_at = Some(app.now());
    let effects = CaseEffects {
        action: NewCaseAction {
            action: CaseActionKind::Rate,
            on_date: app.today().max(case.received_on),
            note: None,
            detail: serde_json::json!({ "rating": stars }),
        },
        audit_action: "case.rate",
        audit_after: serde_json::json!({ "rating": stars }),
        mails: vec![],
    };
    let actor = match who {
        Some(a) => a.audit().clone(),
        None => {
            coso_store::Actor { user_id: None, label: "public:form".into(), request_id: request_id.map(str::to_string) }
        }
    };
    app.store().update_case(&case, &after, &effects, &actor).await?;
    public_view(app, &case.code).await
}
