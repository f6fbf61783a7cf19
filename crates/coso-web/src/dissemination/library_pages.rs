//! The legal library: the public list of a unit (its documents and those of the units above
//! it) with their files, and the officials' desk to add documents, set their expiry and remove
//! them.

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use coso_app::dissemination::library::{self, ListQuery};
use coso_app::units;
use coso_domain::dissemination::LibraryInput;

use super::forms::{ExpiryForm, LibraryParams};
use super::views::{LibraryDeskPage, LibraryPage};
use crate::auth::{CurrentUser, MaybeUser};
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Form, Multipart, Path, Query};
use crate::forms::{CsrfOnly, FieldErrors};
use crate::page_context::redirect_with_notice;
use crate::state::AppState;
use crate::views::Nav;

fn href(lib: &library::PublicLibrary, page: i64) -> String {
    let mut query: Vec<(&str, String)> = vec![];
    if let Some(k) = lib.kind {
        query.push(("loai", k.as_str().to_string()));
    }
    if !lib.q.is_empty() {
        query.push(("q", lib.q.clone()));
    }
    if page > 1 {
        query.push(("trang", page.to_string()));
    }
    let encoded = form_urlencoded::Serializer::new(String::new()).extend_pairs(query).finish();
    let base = format!("/don-vi/{}/van-ban", lib.unit.code);
    if encoded.is_empty() { base } else { format!("{base}?{encoded}") }
}

pub async fn public(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(code): Path<String>,
    Query(p): Query<LibraryParams>,
) -> PageResult<LibraryPage> {
    let lib = library::public_list(&state.app, &code, &ListQuery { page: p.page, kind: p.kind, q: p.q }).await?;
    let prev_href = if lib.page > 1 { href(&lib, lib.page - 1) } else { String::new() };
    let next_href = if lib.has_next { href(&lib, lib.page + 1) } else { String::new() };
    Ok(LibraryPage { nav: Nav::of(user.as_ref()), lib, prev_href, next_href })
}

/// A document's file, as a download.
pub async fn file(State(state): State<AppState>, Path((code, id)): Path<(String, i64)>) -> PageResult<Response> {
    let (name, content_type, data) = library::file(&state.app, &code, id).await?;
    let content_type = match content_type.as_str() {
        "application/pdf" => "application/pdf",
        "text/markdown; charset=utf-8" => "text/markdown; charset=utf-8",
        _ => crate::plans::api::DOCX,
    };
    let ascii: String = coso_text::fold(&name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '.' || c == '-' { c } else { '-' })
        .collect();
    let disposition = format!("attachment; filename=\"{ascii}\"");
    Ok(([(header::CONTENT_TYPE, content_type.to_string()), (header::CONTENT_DISPOSITION, disposition)], data)
        .into_response())
}

async fn desk_page(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    form: LibraryInput,
    errors: FieldErrors,
) -> Result<LibraryDeskPage, AppError> {
    let desk = library::desk(&state.app, &user.actor(), code).await?;
    Ok(LibraryDeskPage {
        nav: Nav::of(Some(user)),
        desk,
        form,
        errors,
        max_file_mb: state.settings.max_upload_bytes.div_ceil(1024 * 1024),
    })
}

pub async fn desk(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> PageResult<LibraryDeskPage> {
    Ok(desk_page(&state, &user, &code, LibraryInput::default(), FieldErrors::default()).await?)
}

pub async fn add(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    Multipart(body): Multipart,
) -> PageResult<Response> {
    let limit = state.settings.max_upload_bytes;
    let up = crate::upload::read_marked(body, limit).await?;
    user.check_csrf(&up.csrf)?;
    let unit = units::by_code(&state.app, &code).await?;
    let input = LibraryInput {
        kind: up.field("kind").into(),
        number: up.field("number").into(),
        title: up.field("title").into(),
        issued_on: up.field("issued_on").into(),
        issuer: up.field("issuer").into(),
        expires_on: up.field("expires_on").into(),
    };
    let result = if up.too_large {
        // Nothing is saved; the form comes back with what was typed.
        Err(AppError::Validation(vec![crate::upload::too_large("file", &up.file_name, limit)]))
    } else {
        let sent = Some((up.file_name.as_str(), up.bytes.as_slice()));
        library::add(&state.app, &user.actor(), &unit, &input, sent).await.map_err(AppError::from)
    };
    match result {
        Ok(_) => Ok(redirect_with_notice(
            &format!("/quan-tri/don-vi/{}/van-ban", unit.code),
            "Đã thêm văn bản vào tủ sách pháp luật.",
        )),
        Err(AppError::Validation(errors)) => {
            Ok((StatusCode::UNPROCESSABLE_ENTITY, desk_page(&state, &user, &code, input, FieldErrors(errors)).await?)
                .into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

pub async fn expire(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<ExpiryForm>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let unit = units::by_code(&state.app, &code).await?;
    library::set_expiry(&state.app, &user.actor(), &unit, id, &form.expires_on).await?;
    Ok(redirect_with_notice(&format!("/quan-tri/don-vi/{}/van-ban", unit.code), "Đã lưu ngày hết hiệu lực."))
}

pub async fn remove(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
    Form(form): Form<CsrfOnly>,
) -> PageResult<Response> {
    user.check_csrf(&form.csrf)?;
    let unit = units::by_code(&state.app, &code).await?;
    library::remove(&state.app, &user.actor(), &unit, id).await?;
    Ok(redirect_with_notice(&format!("/quan-tri/don-vi/{}/van-ban", unit.code), "Đã xóa văn bản khỏi tủ sách."))
}
