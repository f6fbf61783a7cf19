//! Residents' questions before the dialogue, from its public page, with or without an account.

use coso_domain::UnitId;
use coso_domain::consultation::initials;
use coso_domain::dialogue::{QuestionData, QuestionInput, may_ask};
use coso_store::NewQuestion;

use crate::{Actor, App, Error, Result};

/// Who asks: a signed-in user, or a visitor without an account (audited by the request).
#[derive(Debug, Clone, Copy)]
pub enum Asker<'a> {
    Account(&'a Actor),
    Public { request_id: Option<&'a str> },
}

/// Sends a question to an announced dialogue before its day; returns the question's id. The
/// sender is shown by the initials of the name they give, or «Người dân».
pub async fn ask(app: &App, who: Asker<'_>, id: i64, input: &QuestionInput) -> Result<i64> {
    let d = app.store().dialogue(id).await?.ok_or(Error::NotFound)?;
    if d.status == coso_domain::dialogue::DialogueStatus::Planned {
        return Err(Error::NotFound);
    }
    may_ask(d.status, d.held_on, app.today()).map_err(|e| Error::Validation(vec![e]))?;
    let data = QuestionData::parse(input).map_err(Error::Validation)?;
    let unit = crate::units::by_id(app, UnitId(d.unit_id)).await?;
    let label = data.name.as_deref().map(initials).unwrap_or_else(|| "Người dân".to_string());
    let (audit, author_id) = match who {
        Asker::Account(a) => (a.audit().clone(), a.user_id().map(|u| u.0)),
        Asker::Public { request_id } => (
            coso_store::Actor {
                user_id: None,
                label: "public:dialogue".into(),
                request_id: request_id.map(str::to_string),
            },
            None,
        ),
    };
    let new = NewQuestion { author_id, author_label: label, body: data.body };
    app.store().add_dialogue_question(&d, &unit, &new, &audit).await?.ok_or_else(|| {
        Error::Validation(vec![coso_domain::FieldError::new("body", "Hội nghị đối thoại không còn nhận câu hỏi.")])
    })
}
