//! Every request gets an id: it is logged, sent back in `x-request-id`, and shown on error
//! pages so that a user can quote it to support.

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;

tokio::task_local! {
    static REQUEST_ID: String;
}

/// The id of the request being handled, or `-` outside a request.
pub fn current() -> String {
    REQUEST_ID.try_with(|id| id.clone()).unwrap_or_else(|_| "-".to_string())
}

pub async fn assign(req: Request, next: Next) -> Response {
    let id = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| v.len() <= 64 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .map(str::to_string)
        .unwrap_or_else(|| hex::encode(rand::random::<[u8; 8]>()));
    let span = tracing::info_span!("request", request_id = %id, method = %req.method(), path = %req.uri().path());
    let mut res = REQUEST_ID.scope(id.clone(), tracing::Instrument::instrument(next.run(req), span)).await;
    if let Ok(v) = HeaderValue::from_str(&id) {
        res.headers_mut().insert("x-request-id", v);
    }
    res
}
