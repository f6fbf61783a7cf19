//! Request counters in the Prometheus text format. Every label has a bounded set of values, so
//! that no request can add series at will: the method is one of the standard ones or `other`,
//! the route is the matched template (never the raw path) or `unmatched`, the status a number.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;

use crate::state::AppState;

/// (method, route, status) → (count, total seconds)
type RequestTotals = BTreeMap<(String, String, u16), (u64, f64)>;

#[derive(Default)]
pub struct Metrics {
    requests: Mutex<RequestTotals>,
}

impl Metrics {
    fn record(&self, method: &str, route: &str, status: u16, secs: f64) {
        if let Ok(mut m) = self.requests.lock() {
            let e = m.entry((method.to_string(), route.to_string(), status)).or_insert((0, 0.0));
            e.0 += 1;
            e.1 += secs;
        }
    }

    pub fn render(&self, uptime_secs: f64, db_up: bool) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# HELP coso_http_requests_total HTTP requests handled.");
        let _ = writeln!(out, "# TYPE coso_http_requests_total counter");
        let snapshot = self.requests.lock().map(|m| m.clone()).unwrap_or_default();
        for ((method, route, status), (count, _)) in &snapshot {
            let _ = writeln!(
                out,
                "coso_http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}} {count}"
            );
        }
        let _ = writeln!(out, "# HELP coso_http_request_duration_seconds_sum Time spent handling requests.");
        let _ = writeln!(out, "# TYPE coso_http_request_duration_seconds_sum counter");
        for ((method, route, status), (_, secs)) in &snapshot {
            let _ = writeln!(
                out,
                "coso_http_request_duration_seconds_sum{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}} {secs:.6}"
            );
        }
        let _ = writeln!(out, "# HELP coso_database_up Whether the database answered.");
        let _ = writeln!(out, "# TYPE coso_database_up gauge");
        let _ = writeln!(out, "coso_database_up {}", u8::from(db_up));
        let _ = writeln!(out, "# HELP coso_uptime_seconds Seconds since start.");
        let _ = writeln!(out, "# TYPE coso_uptime_seconds gauge");
        let _ = writeln!(out, "coso_uptime_seconds {uptime_secs:.0}");
        out
    }
}

/// The method label: a standard method by name, anything else (any token a client makes up) as
/// `other`.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        Method::CONNECT => "CONNECT",
        Method::TRACE => "TRACE",
        _ => "other",
    }
}

pub async fn track(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = method_label(req.method());
    let route =
        req.extensions().get::<MatchedPath>().map_or_else(|| "unmatched".to_string(), |p| p.as_str().to_string());
    let res = next.run(req).await;
    state.metrics.record(method, &route, res.status().as_u16(), start.elapsed().as_secs_f64());
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_up_methods_share_one_label() {
        let long = Method::from_bytes("X".repeat(4000).as_bytes()).expect("a valid token");
        assert_eq!(method_label(&long), "other");
        assert_eq!(method_label(&Method::from_bytes(b"PROPFIND").expect("token")), "other");
        assert_eq!(method_label(&Method::PATCH), "PATCH");
    }
}
