//! Residents sign up (`/dang-ky`, rate-limited per IP address with the public intake's limit),
//! verify their e-mail with the mailed link (`/xac-minh/{token}`) and may have the link sent
//! again from the sign-in page. Every answer about an e-mail is the same whether it has an
//! account or not.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;
use coso_app::{accounts, unit_search};
use coso_domain::unit::UnitKind;
use coso_store::UnitSearch;
use serde::Deserialize;

use super::views::{LoginPage, SignUpPage, SignUpSentPage, VerifyPage};
use crate::auth::session::{self, MaybeUser};
use crate::error::{AppError, PageError, PageResult, with_retry_after};
use crate::extract::{Form, Path, Query};
use crate::forms::FieldErrors;
use crate::page_context::redirect_with_notice;
use crate::state::AppState;
use crate::views::UnitHit;

/// Where a sign-up is answered, whatever became of it (Post/Redirect/Get).
const SENT_PATH: &str = "/dang-ky/da-gui";

/// The sign-up form as typed. The password is never shown back.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SignUpForm {
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub password_confirm: String,
    #[serde(default)]
    pub unit_code: String,
    /// `yes` when the consent box is ticked.
    #[serde(default)]
    pub consent: String,
}

impl SignUpForm {
    fn input(&self) -> accounts::SignUpInput {
        accounts::SignUpInput {
            display_name: self.display_name.clone(),
            email: self.email.clone(),
            password: self.password.clone(),
            password_confirm: self.password_confirm.clone(),
            unit_code: self.unit_code.clone(),
            consent: self.consent == "yes",
        }
    }
}

/// `?tim-don-vi=…`: what the unit picker searched.
#[derive(Debug, Default, Deserialize)]
pub struct SignUpQuery {
    #[serde(rename = "tim-don-vi", default)]
    pub unit_query: String,
}

/// How many units the picker shows.
const HITS: i64 = 20;

/// What the picker offers a resident: villages and residential groups whose name matches
/// `query`, then those of the communes and wards whose name matches (people know their
/// commune's name best); the chosen one (`code`) first when it is not among them. A commune is
/// never offered: a resident lives in a village or a residential group.
async fn resident_unit_hits(state: &AppState, query: &str, code: &str) -> Result<Vec<UnitHit>, AppError> {
    let mut found: Vec<unit_search::Hit> = Vec::new();
    let query = query.trim();
    if !query.is_empty() {
        for kind in [UnitKind::Village, UnitKind::ResidentialGroup] {
            let s =
                UnitSearch { q: Some(query.to_string()), kind: Some(kind), limit: Some(HITS), ..Default::default() };
            found.extend(unit_search::search(&state.app, s).await?.hits);
        }
        let s = UnitSearch { q: Some(query.to_string()), limit: Some(HITS), ..Default::default() };
        for commune in unit_search::search(&state.app, s)
            .await?
            .hits
            .into_iter()
            .filter(|h| h.unit.kind.is_commune_level())
            .take(3)
        {
            let s = UnitSearch { parent_id: Some(commune.unit.id), limit: Some(HITS), ..Default::default() };
            found.extend(unit_search::search(&state.app, s).await?.hits);
        }
    }
    let mut hits: Vec<UnitHit> = Vec::new();
    for h in found.into_iter().filter(|h| h.unit.kind.has_households()) {
        if hits.len() as i64 >= HITS * 2 || hits.iter().any(|u| u.code == h.unit.code) {
            continue;
        }
        hits.push(UnitHit { selected: h.unit.code == code, code: h.unit.code, name: h.unit.name, place: h.place });
    }
    let code = code.trim();
    if !code.is_empty()
        && !hits.iter().any(|h| h.code == code)
        && let Some(h) = unit_search::by_code(&state.app, code).await?
    {
        hits.insert(0, UnitHit { selected: true, code: h.unit.code, name: h.unit.name, place: h.place });
    }
    Ok(hits)
}

async fn page(state: &AppState, unit_query: String, form: SignUpForm, errors: FieldErrors) -> PageResult<SignUpPage> {
    let hits = resident_unit_hits(state, &unit_query, &form.unit_code).await?;
    Ok(SignUpPage {
        unit_query,
        hits,
        form: SignUpForm { password: String::new(), password_confirm: String::new(), ..form },
        errors,
        ..Default::default()
    })
}

pub async fn sign_up_page(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Query(q): Query<SignUpQuery>,
) -> PageResult<Response> {
    if let Some(u) = user {
        return Ok(Redirect::to(crate::views::home_of(&u)).into_response());
    }
    Ok(page(&state, coso_text::clean(&q.unit_query), SignUpForm::default(), FieldErrors::default())
        .await?
        .into_response())
}

pub async fn sign_up_submit(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    Form(form): Form<SignUpForm>,
) -> PageResult<Response> {
    state.check_intake(addr.ip())?;
    let token = session::new_token();
    let hash = session::hash_token(&token);
    let request_id = Some(crate::request_id::current());
    match accounts::sign_up(&state.app, &form.input(), &token, &hash, request_id).await.map_err(AppError::from) {
        Ok(()) => Ok(Redirect::to(SENT_PATH).into_response()),
        Err(AppError::Validation(errors)) => {
            let page = page(&state, String::new(), form, FieldErrors(errors)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(PageError(e)),
    }
}

/// The one answer to every sign-up.
pub async fn sent_page() -> SignUpSentPage {
    SignUpSentPage::default()
}

/// A usable link shows a button that verifies (a mail scanner opening the link changes
/// nothing); any other link, a page saying it cannot be used (404).
pub async fn verify_page(State(state): State<AppState>, Path(token): Path<String>) -> PageResult<Response> {
    match accounts::check_verification_link(&state.app, &session::hash_token(&token)).await {
        Ok(()) => Ok(VerifyPage { token, usable: true, ..Default::default() }.into_response()),
        Err(coso_app::Error::NotFound) => Ok(unusable()),
        Err(e) => Err(e.into()),
    }
}

/// Verifies the e-mail and signs the resident in, then to their page with a notice.
pub async fn verify_submit(
    State(state): State<AppState>,
    jar: CookieJar,
    Path(token): Path<String>,
) -> PageResult<Response> {
    let request_id = Some(crate::request_id::current());
    let user = match accounts::verify_email(&state.app, &session::hash_token(&token), request_id).await {
        Ok(user) => user,
        Err(coso_app::Error::NotFound) => return Ok(unusable()),
        Err(e) => return Err(e.into()),
    };
    let session_token = session::new_token();
    let hours = state.settings.session_hours;
    accounts::open_session(&state.app, user, &session::hash_token(&session_token), &session::new_token(), hours)
        .await?;
    state.forget_cached();
    tracing::info!(user_id = user.0, "signed in after verifying the e-mail");
    let jar = jar.add(session::session_cookie(session_token, state.settings.secure_cookies, hours));
    let notice = "Đã xác minh e-mail. Chào mừng bạn đến với coso; tài khoản đã sẵn sàng.";
    Ok((jar, redirect_with_notice(crate::cua_toi::PATH, notice)).into_response())
}

fn unusable() -> Response {
    (StatusCode::NOT_FOUND, VerifyPage::default()).into_response()
}

#[derive(Deserialize)]
pub struct ResendForm {
    #[serde(default)]
    pub email: String,
}

/// Mails the verification link again (rate-limited per IP address here, per account in
/// `coso_app::accounts`); the answer is the same whatever the e-mail.
pub async fn resend(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    Form(form): Form<ResendForm>,
) -> PageResult<Response> {
    if let Err(e) = state.check_intake(addr.ip()) {
        let page = LoginPage { email: form.email.trim().to_string(), error: Some(e.to_string()), ..Default::default() };
        return Ok(with_retry_after(&e, (e.status(), page).into_response()));
    }
    let token = session::new_token();
    let hash = session::hash_token(&token);
    let request_id = Some(crate::request_id::current());
    match accounts::resend_verification(&state.app, &form.email, &token, &hash, request_id).await {
        Ok(()) | Err(coso_app::Error::Validation(_)) => {
            let notice = "Nếu tài khoản của e-mail này chưa xác minh, chúng tôi đã gửi lại thư xác minh. \
                Hãy mở liên kết trong thư (kiểm tra cả hộp thư rác) rồi đăng nhập.";
            let page =
                LoginPage { email: form.email.trim().to_string(), notice: Some(notice.into()), ..Default::default() };
            Ok(page.into_response())
        }
        Err(e) => Err(e.into()),
    }
}
