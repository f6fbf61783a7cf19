//! The extractors handlers use instead of axum's: the same jobs, but every rejection is answered
//! the coso way, never with an extractor's English text. Under `/api/` that is the JSON error
//! body with a stable code; elsewhere the Vietnamese error page.
//!
//! They also hold two input rules in one place: no query parameter is longer than
//! [`longest_query_value`], and a raw body must declare the type its endpoint reads (or none),
//! never one an HTML form can send, so that another site cannot post it from a form.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{ApiError, AppError, PageError};

/// A rejected request: answered as JSON under `/api/`, as a page elsewhere.
pub struct Rejection {
    api: bool,
    error: AppError,
}

impl Rejection {
    fn new(uri: &Uri, error: AppError) -> Self {
        Rejection { api: uri.path().starts_with("/api/"), error }
    }
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        if self.api { ApiError(self.error).into_response() } else { PageError(self.error).into_response() }
    }
}

/// Search terms longer than this find nothing useful and make the search itself costly.
pub const LONGEST_SEARCH: usize = 200;
/// Lists of target unit codes (`targets=42001,42004,…`).
pub const LONGEST_TARGET_LIST: usize = 20_000;
/// Codes, dates, rule ids, file names.
pub const LONGEST_OTHER: usize = 500;

/// The longest value, in characters, that the query parameter `name` may have.
pub fn longest_query_value(name: &str) -> usize {
    match name {
        "q" => LONGEST_SEARCH,
        "targets" => LONGEST_TARGET_LIST,
        _ => LONGEST_OTHER,
    }
}

fn query_label(name: &str) -> String {
    match name {
        "q" => "Từ khóa tìm kiếm (tham số «q»)".to_string(),
        _ => format!("Tham số «{}»", shown(name)),
    }
}

/// A name as it can be shown in a message: short, whatever was sent.
fn shown(name: &str) -> String {
    const SHOWN: usize = 40;
    if name.chars().count() > SHOWN {
        format!("{}…", name.chars().take(SHOWN).collect::<String>())
    } else {
        name.into()
    }
}

/// Parses a query string into `T`, with the length rule and Vietnamese errors naming the field.
pub fn parse_query<T: DeserializeOwned>(raw: &str) -> Result<T, AppError> {
    for (name, value) in form_urlencoded::parse(raw.as_bytes()) {
        let longest = longest_query_value(&name);
        if name.chars().count() > LONGEST_OTHER || value.chars().count() > longest {
            return Err(AppError::BadRequest(format!("{} dài quá {longest} ký tự.", query_label(&name))));
        }
    }
    let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(raw.as_bytes()));
    serde_path_to_error::deserialize(de).map_err(|e| {
        let inner = e.inner().to_string();
        let message = match missing_field(&inner) {
            Some(field) => format!("Thiếu tham số «{}».", shown(field)),
            None => match field_path(e.path()) {
                Some(path) => format!("Tham số «{}» có giá trị không hợp lệ.", shown(&path)),
                None => "Tham số trong địa chỉ không hợp lệ.".to_string(),
            },
        };
        AppError::BadRequest(message)
    })
}

/// The field serde's standard "missing field `x`" error names.
fn missing_field(message: &str) -> Option<&str> {
    message.strip_prefix("missing field `")?.split('`').next()
}

fn field_path(path: &serde_path_to_error::Path) -> Option<String> {
    let p = path.to_string();
    (!p.is_empty() && p != ".").then_some(p)
}

/// Query parameters (`?q=…&limit=…`).
pub struct Query<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Rejection> {
        parse_query(parts.uri.query().unwrap_or("")).map(Query).map_err(|e| Rejection::new(&parts.uri, e))
    }
}

/// Path parameters. A segment that does not parse (`/ke-hoach/abc`) names nothing that exists.
pub struct Path<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Path<T> {
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(v)) => Ok(Path(v)),
            Err(_) => Err(Rejection::new(&parts.uri, AppError::NotFound)),
        }
    }
}

/// The media type of a request, lower case and without parameters (`text/csv; charset=utf-8`
/// → `text/csv`); `None` when the request declares none.
fn media_type(headers: &HeaderMap) -> Option<String> {
    let v = headers.get(header::CONTENT_TYPE)?;
    let v = v.to_str().unwrap_or("?");
    Some(v.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
}

fn unsupported(expected: &str) -> AppError {
    AppError::UnsupportedMediaType(format!("Nội dung gửi lên phải có Content-Type: {expected}."))
}

/// The whole body, within the router's size limit.
async fn body_bytes<S: Send + Sync>(req: Request, state: &S) -> Result<Bytes, AppError> {
    Bytes::from_request(req, state).await.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::TooLarge
        } else {
            AppError::BadRequest("Không đọc được nội dung gửi lên.".into())
        }
    })
}

/// A JSON body (`Content-Type: application/json`); as a response, JSON too.
pub struct Json<T>(pub T);

fn is_json(media: &str) -> bool {
    media == "application/json" || (media.starts_with("application/") && media.ends_with("+json"))
}

/// Parses JSON with errors that name the field: malformed JSON is a 400, a well-formed body of
/// the wrong shape a 422 with the path of the field.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| json_error(e, ""))?;
    de.end().map_err(|e| syntax_error(&e))?;
    Ok(value)
}

/// Reads `T` from JSON already parsed, with the errors of [`parse_json`]; paths are relative to
/// the value, which is named `whole` when the error is about all of it.
pub fn from_json_value<T: DeserializeOwned>(value: serde_json::Value, whole: &str) -> Result<T, AppError> {
    serde_path_to_error::deserialize(value).map_err(|e| json_error(e, whole))
}

fn json_error(e: serde_path_to_error::Error<serde_json::Error>, whole: &str) -> AppError {
    let path = field_path(e.path());
    let inner = e.into_inner();
    if inner.classify() != serde_json::error::Category::Data {
        return syntax_error(&inner);
    }
    let message = inner.to_string();
    let (field, message) = match (missing_field(&message), path) {
        (Some(name), Some(p)) => (format!("{p}.{name}"), format!("Thiếu trường «{}».", shown(name))),
        (Some(name), None) => (name.to_string(), format!("Thiếu trường «{}».", shown(name))),
        (None, Some(p)) => (p.clone(), format!("Trường «{}» không đúng kiểu hoặc giá trị.", shown(&p))),
        (None, None) => (whole.to_string(), "Nội dung JSON không đúng cấu trúc yêu cầu.".to_string()),
    };
    AppError::Fields(vec![coso_domain::PathError { field, message }])
}

fn syntax_error(e: &serde_json::Error) -> AppError {
    AppError::BadRequest(format!("Nội dung JSON không đúng cú pháp (dòng {}, cột {}).", e.line(), e.column()))
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Json<T> {
    type Rejection = Rejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Rejection> {
        let uri = req.uri().clone();
        let fail = |e| Rejection::new(&uri, e);
        if !media_type(req.headers()).is_some_and(|m| is_json(&m)) {
            return Err(fail(unsupported("application/json")));
        }
        let bytes = body_bytes(req, state).await.map_err(fail)?;
        parse_json(&bytes).map(Json).map_err(fail)
    }
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

/// A form of a page (`application/x-www-form-urlencoded`).
pub struct Form<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Form<T> {
    type Rejection = Rejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Rejection> {
        let uri = req.uri().clone();
        let fail = |e| Rejection::new(&uri, e);
        if media_type(req.headers()).as_deref() != Some("application/x-www-form-urlencoded") {
            return Err(fail(unsupported("application/x-www-form-urlencoded")));
        }
        let bytes = body_bytes(req, state).await.map_err(fail)?;
        serde_urlencoded::from_bytes(&bytes)
            .map(Form)
            .map_err(|_| fail(AppError::BadRequest("Biểu mẫu gửi lên không hợp lệ. Vui lòng tải lại trang.".into())))
    }
}

/// A form with a file (`multipart/form-data`).
pub struct Multipart(pub axum::extract::Multipart);

impl<S: Send + Sync> FromRequest<S> for Multipart {
    type Rejection = Rejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Rejection> {
        let uri = req.uri().clone();
        axum::extract::Multipart::from_request(req, state).await.map(Multipart).map_err(|e| {
            let error = match e.status() {
                StatusCode::PAYLOAD_TOO_LARGE => AppError::TooLarge,
                StatusCode::UNSUPPORTED_MEDIA_TYPE => unsupported("multipart/form-data"),
                _ => AppError::BadRequest("Biểu mẫu tải tệp không đọc được. Vui lòng tải lại trang.".into()),
            };
            Rejection::new(&uri, error)
        })
    }
}

/// Types an HTML form can send to another site without asking: a raw body must not accept them.
const FORM_TYPES: [&str; 3] = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"];

/// Reads a raw body whose declared type is one of `accepted`. A body that declares no type is
/// taken as bytes (RFC 9110 §8.3: then it is `application/octet-stream`); a type an HTML form
/// can send is never accepted.
async fn typed_body<S: Send + Sync>(req: Request, state: &S, accepted: &[&str]) -> Result<Bytes, Rejection> {
    let uri = req.uri().clone();
    let fail = |e| Rejection::new(&uri, e);
    if let Some(media) = media_type(req.headers())
        && (FORM_TYPES.contains(&media.as_str()) || !accepted.contains(&media.as_str()))
    {
        return Err(fail(unsupported(&accepted.join(", "))));
    }
    body_bytes(req, state).await.map_err(fail)
}

/// A CSV file sent as the body: `Content-Type: text/csv`.
pub struct CsvBody(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for CsvBody {
    type Rejection = Rejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Rejection> {
        typed_body(req, state, &["text/csv"]).await.map(CsvBody)
    }
}

/// The types a document or evidence file may be sent with; its content is checked anyway.
pub const FILE_TYPES: [&str; 7] = [
    "application/octet-stream",
    "application/pdf",
    "image/jpeg",
    "image/png",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "text/markdown",
];

/// A file sent as the body: a plan document or an evidence file.
pub struct FileBody(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for FileBody {
    type Rejection = Rejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Rejection> {
        typed_body(req, state, &FILE_TYPES).await.map(FileBody)
    }
}

/// JSON kept as text, for a body whose own parser words the errors: `application/json`.
pub struct JsonText(pub String);

impl<S: Send + Sync> FromRequest<S> for JsonText {
    type Rejection = Rejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Rejection> {
        let uri = req.uri().clone();
        let bytes = typed_body(req, state, &["application/json"]).await?;
        String::from_utf8(bytes.to_vec())
            .map(JsonText)
            .map_err(|_| Rejection::new(&uri, AppError::BadRequest("Nội dung JSON phải là văn bản UTF-8.".into())))
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Deserialize, Debug)]
    struct Q {
        rule: String,
        #[serde(default)]
        limit: Option<i64>,
    }

    #[test]
    fn query_errors_name_the_parameter_in_vietnamese() {
        let ok = parse_query::<Q>("rule=a&limit=2").expect("valid");
        assert_eq!((ok.rule.as_str(), ok.limit), ("a", Some(2)));
        let missing = parse_query::<Q>("limit=1").expect_err("missing");
        assert_eq!(missing.to_string(), "Thiếu tham số «rule».");
        let bad = parse_query::<Q>("rule=a&limit=abc").expect_err("bad");
        assert_eq!(bad.to_string(), "Tham số «limit» có giá trị không hợp lệ.");
        let long = parse_query::<Q>(&format!("rule=a&q={}", "x".repeat(201))).expect_err("long");
        assert_eq!(long.to_string(), "Từ khóa tìm kiếm (tham số «q») dài quá 200 ký tự.");
        assert!(parse_query::<Q>(&format!("rule=a&q={}", "ầ".repeat(200))).is_ok(), "characters, not bytes");
        assert!(parse_query::<Q>(&format!("rule={}", "x".repeat(501))).is_err());
    }

    #[derive(Deserialize, Debug)]
    struct Inner {
        year: i32,
    }

    #[derive(Deserialize, Debug)]
    struct Body {
        draft: Inner,
    }

    fn fields(e: AppError) -> Vec<(String, String)> {
        match e {
            AppError::Fields(f) => f.into_iter().map(|f| (f.field, f.message)).collect(),
            other => panic!("not a field error: {other:?}"),
        }
    }

    #[test]
    fn json_errors_name_the_field() {
        assert_eq!(parse_json::<Body>(br#"{"draft":{"year":2026}}"#).expect("valid").draft.year, 2026);
        assert_eq!(
            fields(parse_json::<Body>(br#"{"draft":{"year":"x"}}"#).expect_err("type")),
            [("draft.year".to_string(), "Trường «draft.year» không đúng kiểu hoặc giá trị.".to_string())]
        );
        assert_eq!(
            fields(parse_json::<Body>(br#"{"draft":{}}"#).expect_err("missing")),
            [("draft.year".to_string(), "Thiếu trường «year».".to_string())]
        );
        assert!(matches!(parse_json::<Body>(b"{"), Err(AppError::BadRequest(_))));
        assert!(matches!(parse_json::<Body>(br#"{"draft":{"year":1}} x"#), Err(AppError::BadRequest(_))));
    }
}
