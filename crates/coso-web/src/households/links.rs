//! The residents' requests to be linked to a household, for those who manage the register:
//! each beside the register's row, confirmed or refused with a note.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::households;
use coso_domain::clock::vietnam_time_text;
use coso_store::{HouseholdLinkRow, UnitRow};
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Path};
use crate::page_context::redirect_with_notice;
use crate::state::AppState;
use crate::views::{ErrorLink, Nav};

#[derive(Template, WebTemplate)]
#[template(path = "households/links.html")]
pub struct LinksPage {
    pub nav: Nav,
    pub unit: UnitRow,
    pub links: Vec<HouseholdLinkRow>,
    /// The request whose form was refused, with the note as typed and the error.
    pub refused: Option<(i64, String, String)>,
}

impl LinksPage {
    pub fn error_links(&self) -> Vec<ErrorLink> {
        self.refused.iter().map(|(id, _, message)| ErrorLink::new(format!("note-{id}"), message.clone())).collect()
    }

    /// The note typed for request `id` before a refusal, and its error.
    pub fn note_of(&self, id: &i64) -> (&str, &str) {
        match &self.refused {
            Some((r, note, message)) if r == id => (note.as_str(), message.as_str()),
            _ => ("", ""),
        }
    }

    pub fn requested(&self, l: &HouseholdLinkRow) -> String {
        vietnam_time_text(l.requested_at)
    }
}

fn path(code: &str) -> String {
    format!("/quan-tri/don-vi/{code}/ho-gia-dinh/yeu-cau-lien-ket")
}

async fn page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    refused: Option<(i64, String, String)>,
) -> Result<LinksPage, AppError> {
    let p = households::pending_links(&state.app, &user.actor(), code).await?;
    Ok(LinksPage { nav: Nav::of(Some(user)), unit: p.unit, links: p.links, refused })
}

pub async fn pending(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> PageResult<LinksPage> {
    Ok(page(&state, &user, &code, None).await?)
}

#[derive(Debug, Default, Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    pub csrf: String,
    /// `xac-nhan` or `tu-choi`.
    #[serde(default)]
    pub decision: String,
    /// The note of request `id` comes as `note-{id}`: each request's field has its own id on
    /// the page, which the design system's field uses as its name.
    #[serde(flatten)]
    pub notes: std::collections::HashMap<String, String>,
}

impl DecisionForm {
    fn note(&self, id: i64) -> String {
        self.notes.get(&format!("note-{id}")).cloned().unwrap_or_default()
    }
}

pub async fn decide(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<DecisionForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let confirm = match form.decision.as_str() {
        "xac-nhan" => Some(true),
        "tu-choi" => Some(false),
        _ => None,
    };
    let note = form.note(id);
    match households::decide_link(&state.app, &user.actor(), &code, id, confirm, &note).await.map_err(AppError::from) {
        Ok(link) => {
            let notice = if confirm == Some(true) {
                format!("Đã xác nhận {} là người đại diện hộ {}.", link.display_name, link.household_code)
            } else {
                format!("Đã từ chối yêu cầu của {} với hộ {}.", link.display_name, link.household_code)
            };
            Ok(redirect_with_notice(&path(&code), &notice))
        }
        Err(AppError::Validation(errors)) => {
            let message = errors.first().map(|e| e.message.clone()).unwrap_or_default();
            let page = page(&state, &user, &code, Some((id, note, message))).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(AppError::Conflict { message, .. }) => {
            let page = page(&state, &user, &code, Some((id, note, message))).await?;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}
