//! The error answers every API operation can give besides those its handler names, added to the
//! document from the operation's shape: the layers and extractors in front of every handler
//! answer them, so they are the same for every operation with that shape.
//!
//! - a request body: 400 (malformed), 413 (too large), 415 (a type other than the one declared),
//!   422 (a field of the wrong type, named);
//! - path or query parameters: 400 (a value that does not parse, or is too long);
//! - path parameters: 404 (nothing by that id or code);
//! - a write (POST, PUT, PATCH, DELETE): 403 (the session's CSRF token or the origin refused);
//! - an operation that needs a session (every one but those of `PUBLIC`): 401;
//! - every operation: 500 (the JSON error body of an internal failure).

use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, RefOr, ResponseBuilder};

/// The operations that answer a visitor who is not signed in (method, path template).
pub const PUBLIC: &[(&str, &str)] = &[
    ("GET", "/healthz"),
    ("POST", "/api/v1/session"),
    ("DELETE", "/api/v1/session"),
    ("GET", "/api/v1/units"),
    ("GET", "/api/v1/units/{code}"),
    ("GET", "/api/v1/units/{code}/children"),
    ("GET", "/api/v1/units/{code}/disclosures"),
    ("GET", "/api/v1/units/{code}/library"),
    ("GET", "/api/v1/units/{code}/news"),
    ("GET", "/api/v1/units/{code}/reception/schedule"),
    ("GET", "/api/v1/calendar/deadline"),
    ("GET", "/api/v1/calendar/holidays/{year}"),
    ("GET", "/api/v1/calendar/lunar"),
    ("GET", "/api/v1/calendar/rules"),
    ("GET", "/api/v1/calendar/solar"),
    ("GET", "/api/v1/calendar/working-days"),
    ("GET", "/api/v1/consultations/{id}"),
    ("GET", "/api/v1/dialogues/{id}"),
    ("POST", "/api/v1/dialogues/{id}/questions"),
];

/// Adds the answers of the shared layers to every operation of the document.
pub struct CommonAnswers;

impl utoipa::Modify for CommonAnswers {
    fn modify(&self, doc: &mut OpenApi) {
        for (path, item) in doc.paths.paths.iter_mut() {
            let operations = [
                ("GET", &mut item.get),
                ("POST", &mut item.post),
                ("PUT", &mut item.put),
                ("PATCH", &mut item.patch),
                ("DELETE", &mut item.delete),
            ];
            for (method, operation) in operations {
                if let Some(operation) = operation {
                    add_common_answers(method, path, operation);
                }
            }
        }
    }
}

fn add_common_answers(method: &str, path: &str, operation: &mut Operation) {
    let parameters = operation.parameters.iter().flatten().filter_map(|p| match p {
        RefOr::T(p) => Some(p.parameter_in.clone()),
        RefOr::Ref(_) => None,
    });
    let (mut in_path, mut in_query) = (false, false);
    for place in parameters {
        in_path |= matches!(place, ParameterIn::Path);
        in_query |= matches!(place, ParameterIn::Query);
    }
    let body = operation.request_body.is_some();
    let mut answers: Vec<(&str, &str)> = Vec::new();
    if body || in_path || in_query {
        answers.push(("400", "Yêu cầu sai dạng: tham số hoặc nội dung không đọc được (`bad_request`)."));
    }
    if !PUBLIC.contains(&(method, path)) {
        answers.push(("401", "Chưa đăng nhập (`unauthorized`)."));
    }
    if method != "GET" {
        answers.push(("403", "Không có quyền, hoặc mã CSRF của phiên không khớp (`forbidden`, `csrf_token_invalid`)."));
    }
    if in_path {
        answers.push(("404", "Không tìm thấy (`not_found`)."));
    }
    if body {
        answers.push(("413", "Nội dung quá lớn (`payload_too_large`)."));
        answers.push(("422", "Một trường của nội dung sai kiểu hoặc giá trị (`validation_failed`)."));
        answers.push(("415", "Kiểu nội dung không được nhận (`unsupported_media_type`)."));
    }
    answers.push(("500", "Lỗi máy chủ (`internal`)."));
    for (status, description) in answers {
        operation.responses.responses.entry(status.to_string()).or_insert_with(|| error_answer(description));
    }
}

/// A response with the API's JSON error body.
fn error_answer(description: &str) -> RefOr<utoipa::openapi::Response> {
    let content = ContentBuilder::new().schema(Some(Ref::from_schema_name("ErrorBody"))).build();
    RefOr::T(ResponseBuilder::new().description(description).content("application/json", content).build())
}
