//! One error type for the web, rendered as a Vietnamese page or as JSON with a stable code.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use coso_domain::{FieldError, RowError};
use coso_store::StoreError;
use serde::Serialize;

use crate::request_id;
use crate::views::ErrorPage;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("Không tìm thấy trang hoặc dữ liệu bạn yêu cầu.")]
    NotFound,
    #[error("Bạn cần đăng nhập để xem nội dung này.")]
    Unauthorized,
    #[error("Bạn không có quyền thực hiện thao tác này.")]
    Forbidden,
    #[error("Dữ liệu nhập chưa hợp lệ.")]
    Validation(Vec<FieldError>),
    /// Field errors with paths built at run time (`indicators.dialogues`); nothing was saved.
    #[error("Dữ liệu nhập chưa hợp lệ; chưa có gì được lưu.")]
    Fields(Vec<coso_domain::PathError>),
    #[error("Tệp có dòng không hợp lệ; chưa có gì được lưu.")]
    Rows(Vec<RowError>),
    #[error("{message}")]
    Conflict { field: &'static str, message: String },
    #[error("Tệp tải lên quá lớn.")]
    TooLarge,
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// An API write with the session cookie but without the session's `X-CSRF-Token`.
    #[error("Thiếu hoặc sai mã X-CSRF-Token: gửi kèm csrf_token nhận được khi đăng nhập (POST /api/v1/session).")]
    CsrfToken,
    /// Too much of a costly kind of work is under way; the client should retry shortly.
    #[error("Máy chủ đang bận xử lý nhiều văn bản cùng lúc. Vui lòng thử lại sau ít giây.")]
    Busy,
    #[error("Bạn thao tác quá nhanh; vui lòng thử lại sau ít phút.")]
    RateLimited,
    /// Wrong e-mail or password: the same answer whether the e-mail has an account or not.
    #[error("{}", coso_app::accounts::WRONG_CREDENTIALS)]
    SignInRefused,
    /// Sign-in attempts wait after repeated failures; the message says until when.
    #[error("{message}")]
    SignInWait { message: String, retry_after_secs: u64 },
    /// The right password of an account whose e-mail is not verified yet.
    #[error("{}", coso_app::accounts::UNVERIFIED)]
    Unverified,
    #[error("{0}")]
    BadRequest(String),
    /// This build was made without the `pdf` feature.
    #[error("Bản dựng này không có xuất PDF.")]
    NoPdf,
    #[error("Hệ thống gặp lỗi. Vui lòng thử lại sau.")]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    /// The stable machine code clients and the UI map to messages.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not_found",
            AppError::Unauthorized => "unauthorized",
            AppError::Forbidden => "forbidden",
            AppError::Validation(_) | AppError::Fields(_) => "validation_failed",
            AppError::Rows(_) => "invalid_rows",
            AppError::Conflict { .. } => "conflict",
            AppError::TooLarge => "payload_too_large",
            AppError::UnsupportedMediaType(_) => "unsupported_media_type",
            AppError::CsrfToken => "csrf_token_invalid",
            AppError::Busy => "busy",
            AppError::RateLimited | AppError::SignInWait { .. } => "rate_limited",
            AppError::SignInRefused => "invalid_credentials",
            AppError::Unverified => "email_unverified",
            AppError::BadRequest(_) => "bad_request",
            AppError::NoPdf => "not_implemented",
            AppError::Internal(_) => "internal",
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Validation(_) | AppError::Fields(_) | AppError::Rows(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Conflict { .. } => StatusCode::CONFLICT,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::CsrfToken => StatusCode::FORBIDDEN,
            AppError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            AppError::RateLimited | AppError::SignInWait { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::SignInRefused => StatusCode::UNAUTHORIZED,
            AppError::Unverified => StatusCode::FORBIDDEN,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::NoPdf => StatusCode::NOT_IMPLEMENTED,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn log(&self) {
        if let AppError::Internal(e) = self {
            tracing::error!(error = %e, "internal error");
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Forbidden => AppError::Forbidden,
            StoreError::Conflict { field, message } => AppError::Conflict { field, message },
            StoreError::Rows(rows) => AppError::Rows(rows),
            other => AppError::Internal(anyhow::Error::new(other)),
        }
    }
}

/// The use cases' errors, with the status codes and messages the pages and the API show.
impl From<coso_app::Error> for AppError {
    fn from(e: coso_app::Error) -> Self {
        use coso_app::Error as E;
        match e {
            E::NotFound => AppError::NotFound,
            E::Forbidden => AppError::Forbidden,
            E::Validation(fields) => AppError::Validation(fields),
            E::Fields(fields) => AppError::Fields(fields),
            E::Rows(rows) => AppError::Rows(rows),
            E::Conflict { field, message } => AppError::Conflict { field, message },
            E::BadRequest(message) => AppError::BadRequest(message),
            E::Internal(message) => AppError::Internal(anyhow::anyhow!(message)),
        }
    }
}

impl From<coso_domain::authz::Forbidden> for AppError {
    fn from(_: coso_domain::authz::Forbidden) -> Self {
        AppError::Forbidden
    }
}

/// The JSON error body of the API.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// The stable code (`AppError::code`).
    #[schema(value_type = ErrorCode)]
    pub code: &'static str,
    /// Vietnamese message for people.
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<WireFieldError>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<WireRowError>,
    pub request_id: String,
}

/// The stable codes of the API's errors, as `AppError::code` writes them: the document's enum
/// for `error.code`, so that a client can match on every one.
#[derive(utoipa::ToSchema)]
#[schema(rename_all = "snake_case")]
#[expect(dead_code, reason = "the document's enum only: `AppError::code` writes the codes as text")]
pub enum ErrorCode {
    NotFound,
    Unauthorized,
    Forbidden,
    ValidationFailed,
    InvalidRows,
    Conflict,
    PayloadTooLarge,
    UnsupportedMediaType,
    CsrfTokenInvalid,
    RateLimited,
    InvalidCredentials,
    EmailUnverified,
    Busy,
    BadRequest,
    NotImplemented,
    Internal,
}

/// One field that failed validation: its name or path, and what is wrong, in Vietnamese.
#[derive(Serialize, utoipa::ToSchema)]
pub struct WireFieldError {
    pub field: String,
    pub message: String,
}

/// One line of an imported file that failed: its number, the field and what is wrong.
#[derive(Serialize, utoipa::ToSchema)]
pub struct WireRowError {
    /// The line in the file, from 1, the header being line 1.
    pub line: u64,
    pub field: String,
    pub message: String,
}

impl From<&RowError> for WireRowError {
    fn from(e: &RowError) -> Self {
        WireRowError { line: e.line, field: e.field.clone(), message: e.message.clone() }
    }
}

impl From<&FieldError> for WireFieldError {
    fn from(e: &FieldError) -> Self {
        WireFieldError { field: e.field.to_string(), message: e.message.clone() }
    }
}

/// An error answered as JSON (API routes).
pub struct ApiError(pub AppError);

impl<E: Into<AppError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let e = self.0;
        e.log();
        let (fields, rows) = match &e {
            AppError::Validation(f) => (f.iter().map(Into::into).collect(), vec![]),
            AppError::Fields(f) => (
                f.iter().map(|e| WireFieldError { field: e.field.clone(), message: e.message.clone() }).collect(),
                vec![],
            ),
            AppError::Rows(r) => (vec![], r.iter().map(Into::into).collect()),
            AppError::Conflict { field, message } => {
                (vec![WireFieldError { field: field.to_string(), message: message.clone() }], vec![])
            }
            _ => (vec![], vec![]),
        };
        let body = ErrorBody {
            error: ErrorDetail {
                code: e.code(),
                message: e.to_string(),
                fields,
                rows,
                request_id: request_id::current(),
            },
        };
        with_retry_after(&e, (e.status(), Json(body)).into_response())
    }
}

/// Seconds a client is asked to wait before retrying work refused as [`AppError::Busy`].
const RETRY_AFTER_SECS: &str = "5";
/// Seconds a client is asked to wait after [`AppError::RateLimited`]: the per-minute limits
/// have let another request through by then.
const RATE_LIMITED_RETRY_AFTER_SECS: &str = "60";

pub(crate) fn with_retry_after(e: &AppError, mut res: Response) -> Response {
    match e {
        AppError::Busy => {
            res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER_SECS));
        }
        AppError::SignInWait { retry_after_secs, .. } => {
            res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(*retry_after_secs));
        }
        AppError::RateLimited => {
            res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static(RATE_LIMITED_RETRY_AFTER_SECS));
        }
        _ => {}
    }
    res
}

/// An error answered as a Vietnamese HTML page (browser routes).
pub struct PageError(pub AppError);

impl<E: Into<AppError>> From<E> for PageError {
    fn from(e: E) -> Self {
        PageError(e.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let e = self.0;
        e.log();
        if matches!(e, AppError::Unauthorized) {
            return axum::response::Redirect::to("/dang-nhap").into_response();
        }
        let page = ErrorPage::new(e.status().as_u16(), e.to_string(), request_id::current());
        with_retry_after(&e, (e.status(), page).into_response())
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
pub type PageResult<T> = Result<T, PageError>;
