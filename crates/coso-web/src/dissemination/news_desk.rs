//! The officials' news desk: the unit's posts with their drafts, writing (multipart, with
//! images), editing, publishing and taking back.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use coso_app::dissemination::news;
use coso_app::units;
use coso_domain::FieldError;
use coso_domain::dissemination::{NewsInput, NewsStatus};

use super::forms::news_input;
use super::views::{NewsDeskPage, NewsEditPage, desk_base};
use crate::auth::CurrentUser;
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Multipart, Path};
use crate::forms::{CsrfOnly, FieldErrors};
use crate::page_context::redirect_with_notice;
use crate::petitions::multipart::{self, PetitionForm};
use crate::state::AppState;
use crate::views::Nav;

/// A page answered 422 because the form it shows has errors.
fn refused(page: impl IntoResponse) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

fn max_image_mb(state: &AppState) -> usize {
    state.settings.max_photo_bytes.div_ceil(1024 * 1024)
}

async fn desk_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    form: NewsInput,
    errors: FieldErrors,
) -> Result<NewsDeskPage, AppError> {
    let desk = news::desk(&state.app, &user.actor(), code).await?;
    Ok(NewsDeskPage {
        nav: Nav::of(Some(user)),
        desk,
        form,
        errors,
        max_image_mb: max_image_mb(state),
        max_images: news::MAX_IMAGES,
    })
}

pub async fn desk(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> PageResult<NewsDeskPage> {
    let form = NewsInput { category: coso_domain::dissemination::DEFAULT_CATEGORIES[0].into(), ..NewsInput::default() };
    Ok(desk_page(&state, &user, &code, form, FieldErrors::default()).await?)
}

/// The form read: its CSRF token, the post's fields and the texts too long to keep.
async fn read(
    state: &AppState,
    user: &CurrentUser,
    body: axum::extract::Multipart,
) -> Result<(PetitionForm, NewsInput, Vec<FieldError>), AppError> {
    let form = multipart::read(body, state.settings.max_photo_bytes).await?;
    user.check_csrf(form.field("csrf"))?;
    let input = news_input(|name| form.field(name).to_string());
    let too_long = form
        .too_long
        .iter()
        .filter_map(|f| ["title", "body", "category", "category_new"].into_iter().find(|k| k == f))
        .map(|f| FieldError::new(f, "Nội dung quá dài."))
        .collect();
    Ok((form, input, too_long))
}

pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Multipart(body): Multipart,
) -> PageResult<Response> {
    let (form, input, too_long) = read(&state, &user, body).await?;
    let unit = units::by_code(&state.app, &code).await?;
    let result = if too_long.is_empty() {
        news::create(&state.app, &user.actor(), &unit, &input, &form.photos, state.settings.max_photo_bytes)
            .await
            .map_err(AppError::from)
    } else {
        Err(AppError::Validation(too_long))
    };
    match result {
        Ok(id) => Ok(redirect_with_notice(
            &format!("{}/{id}", desk_base(&unit.code)),
            "Đã lưu bản nháp. Bấm «Đăng tin» để người dân xem được.",
        )),
        Err(AppError::Validation(errors)) => {
            Ok(refused(desk_page(&state, &user, &code, input, FieldErrors(errors)).await?))
        }
        Err(e) => Err(PageError(e)),
    }
}

async fn edit_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    id: i64,
    form: Option<NewsInput>,
    errors: FieldErrors,
) -> Result<NewsEditPage, AppError> {
    let (desk, post) = news::desk_post(&state.app, &user.actor(), code, id).await?;
    let form = form.unwrap_or_else(|| NewsInput {
        title: post.title.clone(),
        body: post.body.clone(),
        category: post.category.clone(),
    });
    Ok(NewsEditPage {
        nav: Nav::of(Some(user)),
        desk,
        post,
        form,
        errors,
        max_image_mb: max_image_mb(state),
        max_images: news::MAX_IMAGES,
    })
}

pub async fn edit(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
) -> PageResult<NewsEditPage> {
    Ok(edit_page(&state, &user, &code, id, None, FieldErrors::default()).await?)
}

pub async fn update(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Multipart(body): Multipart,
) -> PageResult<Response> {
    let (form, input, too_long) = read(&state, &user, body).await?;
    let unit = units::by_code(&state.app, &code).await?;
    let result = if too_long.is_empty() {
        news::update(&state.app, &user.actor(), &unit, id, &input, &form.photos, state.settings.max_photo_bytes)
            .await
            .map_err(AppError::from)
    } else {
        Err(AppError::Validation(too_long))
    };
    match result {
        Ok(()) => Ok(redirect_with_notice(&format!("{}/{id}", desk_base(&unit.code)), "Đã lưu tin.")),
        Err(AppError::Validation(errors)) => {
            Ok(refused(edit_page(&state, &user, &code, id, Some(input), FieldErrors(errors)).await?))
        }
        Err(e) => Err(PageError(e)),
    }
}

async fn set_status(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    id: i64,
    status: NewsStatus,
) -> Result<Response, AppError> {
    let unit = units::by_code(&state.app, code).await?;
    news::set_status(&state.app, &user.actor(), &unit, id, status).await?;
    let notice = match status {
        NewsStatus::Published => "Đã đăng tin: người dân xem được trên trang tin của đơn vị.",
        NewsStatus::Draft => "Đã gỡ tin về bản nháp: người dân không còn xem được.",
    };
    Ok(redirect_with_notice(&format!("{}/{id}", desk_base(&unit.code)), notice))
}

pub async fn publish(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<CsrfOnly>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    Ok(set_status(&state, &user, &code, id, NewsStatus::Published).await?)
}

pub async fn unpublish(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<CsrfOnly>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    Ok(set_status(&state, &user, &code, id, NewsStatus::Draft).await?)
}

pub async fn remove_image(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id, position)): Path<(String, i64, i64)>,
    Form(form): Form<CsrfOnly>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let unit = units::by_code(&state.app, &code).await?;
    news::remove_image(&state.app, &user.actor(), &unit, id, position).await?;
    Ok(redirect_with_notice(&format!("{}/{id}", desk_base(&unit.code)), "Đã xoá ảnh khỏi tin."))
}
