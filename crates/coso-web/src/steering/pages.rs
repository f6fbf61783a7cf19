//! The committee page under `/quan-tri/don-vi/{code}/ban-chi-dao` (its name, members and their
//! areas, with the forms), and a member's «Địa bàn theo dõi» at `/quan-tri/theo-doi`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::steering;
use coso_domain::steering::{CommitteeInput, MemberInput};
use serde::Deserialize;

use super::views::{CommitteePage, FollowPage, admin_base};
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Path};
use crate::forms::{CsrfOnly, FieldErrors};
use crate::page_context::redirect_with_notice;
use crate::state::AppState;
use crate::views::Nav;

async fn committee_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    name: Option<String>,
    member: MemberInput,
    errors: FieldErrors,
) -> Result<CommitteePage, AppError> {
    let unit = coso_app::units::by_code(&state.app, code).await?;
    let view = steering::committee(&state.app, &user.actor(), &unit).await?;
    let ancestors = state.app.store().ancestors(&unit).await.map_err(coso_app::Error::from)?;
    let name = name.unwrap_or_else(|| match &view.committee {
        Some(c) => c.name.clone(),
        None => format!("Ban Chỉ đạo thực hiện dân chủ ở cơ sở {}", lower_first(&unit.name)),
    });
    Ok(CommitteePage { nav: Nav::of(Some(user)), unit, ancestors, view, name, member, errors })
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

pub async fn committee(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> PageResult<CommitteePage> {
    Ok(committee_page(&state, &user, &code, None, MemberInput::default(), FieldErrors::default()).await?)
}

#[derive(Debug, Default, Deserialize)]
pub struct NameForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: CommitteeInput,
}

pub async fn save(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(form): Form<NameForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    match steering::save(&state.app, &user.actor(), &unit, &form.input).await.map_err(AppError::from) {
        Ok(_) => Ok(redirect_with_notice(&admin_base(&code), "Đã lưu tên Ban Chỉ đạo.")),
        Err(AppError::Validation(errors)) => {
            let page = committee_page(
                &state,
                &user,
                &code,
                Some(form.input.name),
                MemberInput::default(),
                FieldErrors(errors),
            )
            .await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct MemberForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(flatten)]
    pub input: MemberInput,
}

pub async fn add_member(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Form(form): Form<MemberForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    match steering::add_member(&state.app, &user.actor(), &unit, &form.input).await.map_err(AppError::from) {
        Ok(_) => Ok(redirect_with_notice(&admin_base(&code), "Đã thêm thành viên và địa bàn theo dõi.")),
        Err(AppError::Validation(errors)) => {
            let page = committee_page(&state, &user, &code, None, form.input, FieldErrors(errors)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

pub async fn remove_member(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<CsrfOnly>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let unit = coso_app::units::by_code(&state.app, &code).await?;
    steering::remove_member(&state.app, &user.actor(), &unit, id).await?;
    Ok(redirect_with_notice(&admin_base(&code), "Đã bỏ thành viên khỏi Ban Chỉ đạo."))
}

pub async fn follow(State(state): State<AppState>, user: CurrentUser) -> PageResult<FollowPage> {
    let calendar = crate::calendar::current(&state).await?;
    let view = steering::followed(&state.app, &user.actor(), &calendar).await?;
    Ok(FollowPage { nav: Nav::of(Some(&user)), view })
}
