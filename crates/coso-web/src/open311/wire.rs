//! Open311's bodies, in JSON and in XML (the same data), and its error format
//! `[{"code": 400, "description": "…"}]`.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use coso_store::{CaseCategoryRow, Open311Row};
use serde::Serialize;

use crate::error::AppError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Xml,
}

/// One value of an XML element: text, or a list of child elements.
pub enum Xml {
    Text(String),
    Empty,
    Children(Vec<(&'static str, Xml)>),
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

fn write_xml(out: &mut String, name: &str, value: &Xml) {
    match value {
        Xml::Empty => out.push_str(&format!("<{name}/>")),
        Xml::Text(t) => out.push_str(&format!("<{name}>{}</{name}>", escape(t))),
        Xml::Children(children) => {
            out.push_str(&format!("<{name}>"));
            for (n, v) in children {
                write_xml(out, n, v);
            }
            out.push_str(&format!("</{name}>"));
        }
    }
}

fn text(v: impl ToString) -> Xml {
    Xml::Text(v.to_string())
}

fn opt(v: Option<impl ToString>) -> Xml {
    v.map_or(Xml::Empty, text)
}

/// A body in the asked format: `json` as is, or the XML document `root` of `items`.
pub fn answer<T: Serialize>(format: Format, status: StatusCode, json: &T, xml: (&'static str, Xml)) -> Response {
    match format {
        Format::Json => (status, axum::Json(json)).into_response(),
        Format::Xml => {
            let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
            write_xml(&mut out, xml.0, &xml.1);
            (status, [(header::CONTENT_TYPE, "text/xml; charset=utf-8")], out).into_response()
        }
    }
}

/// One error of Open311's error list.
#[derive(Serialize)]
pub struct WireError {
    pub code: u16,
    pub description: String,
}

/// The parameter of the specification a field of coso's use cases stands for.
fn parameter(field: &str) -> &str {
    match field {
        "content" => "description",
        "category" => "service_code",
        "unit" => "jurisdiction_id",
        "place" => "address_string",
        "photos" => "media_url",
        "name" => "first_name",
        other => other,
    }
}

/// An error as Open311 answers it: the status, and the list of `{code, description}`, each
/// description starting with the parameter it is about.
pub fn error(format: Format, e: AppError) -> Response {
    let status = e.status();
    let errors: Vec<WireError> = match &e {
        AppError::Validation(fields) => fields
            .iter()
            .map(|f| WireError { code: 400, description: format!("{}: {}", parameter(f.field), f.message) })
            .collect(),
        AppError::Internal(_) => {
            tracing::error!(error = %e, "internal error");
            vec![WireError { code: status.as_u16(), description: e.to_string() }]
        }
        _ => vec![WireError { code: status.as_u16(), description: e.to_string() }],
    };
    let status = if matches!(e, AppError::Validation(_)) { StatusCode::BAD_REQUEST } else { status };
    let xml = Xml::Children(
        errors
            .iter()
            .map(|w| ("error", Xml::Children(vec![("code", text(w.code)), ("description", text(&w.description))])))
            .collect(),
    );
    let mut res = answer(format, status, &errors, ("errors", xml));
    if matches!(e, AppError::RateLimited) {
        res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
    }
    res
}

/// The answer to a POST with an `api_key` no configured client holds: 403 with the list of
/// errors, as the specification says.
pub fn unknown_key(format: Format) -> Response {
    let errors = vec![WireError {
        code: 403,
        description: "api_key: Khóa ứng dụng không hợp lệ hoặc đã bị thu hồi (invalid api_key).".into(),
    }];
    let xml = Xml::Children(
        errors
            .iter()
            .map(|w| ("error", Xml::Children(vec![("code", text(w.code)), ("description", text(&w.description))])))
            .collect(),
    );
    answer(format, StatusCode::FORBIDDEN, &errors, ("errors", xml))
}

#[derive(Serialize)]
pub struct Service {
    pub service_code: String,
    pub service_name: String,
    pub description: String,
    pub metadata: bool,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub keywords: String,
    pub group: String,
}

pub fn services(unit_name: &str, categories: &[CaseCategoryRow]) -> (Vec<Service>, Xml) {
    let list: Vec<Service> = categories
        .iter()
        .map(|c| Service {
            service_code: c.code.clone(),
            service_name: c.name.clone(),
            description: format!("Phản ánh, kiến nghị về {} gửi {unit_name}", c.name.to_lowercase()),
            metadata: false,
            kind: "realtime",
            keywords: String::new(),
            group: "Phản ánh, kiến nghị".into(),
        })
        .collect();
    let xml = Xml::Children(
        list.iter()
            .map(|s| {
                (
                    "service",
                    Xml::Children(vec![
                        ("service_code", text(&s.service_code)),
                        ("service_name", text(&s.service_name)),
                        ("description", text(&s.description)),
                        ("metadata", text(s.metadata)),
                        ("type", text(s.kind)),
                        ("keywords", text(&s.keywords)),
                        ("group", text(&s.group)),
                    ]),
                )
            })
            .collect(),
    );
    (list, xml)
}

/// A service request as Open311 shows it.
#[derive(Serialize)]
pub struct ServiceRequest {
    pub service_request_id: String,
    pub status: &'static str,
    pub status_notes: String,
    pub service_name: String,
    pub service_code: String,
    pub description: Option<String>,
    pub agency_responsible: String,
    pub service_notice: Option<String>,
    pub requested_datetime: String,
    pub updated_datetime: String,
    pub expected_datetime: Option<String>,
    pub address: Option<String>,
    pub address_id: Option<String>,
    pub zipcode: Option<String>,
    pub lat: Option<f64>,
    pub long: Option<f64>,
    pub media_url: Option<String>,
}

fn w3c(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl ServiceRequest {
    /// `categories`: the names of service codes (the code itself when unknown).
    pub fn of(row: Open311Row, service_name: String) -> ServiceRequest {
        let published = row.publish;
        let mut notes = row.status.label().to_string();
        if published && let Some(answer) = &row.public_answer {
            notes = format!("{notes}: {answer}");
        }
        ServiceRequest {
            service_request_id: row.code,
            status: if row.status.is_open() { "open" } else { "closed" },
            status_notes: notes,
            service_name,
            service_code: row.category,
            description: published.then_some(row.content),
            agency_responsible: row.unit_name,
            service_notice: None,
            requested_datetime: w3c(row.created_at),
            updated_datetime: w3c(row.updated_at),
            expected_datetime: None,
            address: if published { row.place } else { None },
            address_id: None,
            zipcode: None,
            lat: if published { row.latitude } else { None },
            long: if published { row.longitude } else { None },
            media_url: if published { row.media_url } else { None },
        }
    }

    fn xml(&self) -> Xml {
        Xml::Children(vec![
            ("service_request_id", text(&self.service_request_id)),
            ("status", text(self.status)),
            ("status_notes", text(&self.status_notes)),
            ("service_name", text(&self.service_name)),
            ("service_code", text(&self.service_code)),
            ("description", opt(self.description.as_ref())),
            ("agency_responsible", text(&self.agency_responsible)),
            ("service_notice", Xml::Empty),
            ("requested_datetime", text(&self.requested_datetime)),
            ("updated_datetime", text(&self.updated_datetime)),
            ("expected_datetime", Xml::Empty),
            ("address", opt(self.address.as_ref())),
            ("address_id", Xml::Empty),
            ("zipcode", Xml::Empty),
            ("lat", opt(self.lat)),
            ("long", opt(self.long)),
            ("media_url", opt(self.media_url.as_ref())),
        ])
    }
}

pub fn requests_xml(list: &[ServiceRequest]) -> Xml {
    Xml::Children(list.iter().map(|r| ("request", r.xml())).collect())
}

/// The answer to a new request.
#[derive(Serialize)]
pub struct Created {
    pub service_request_id: String,
    pub service_notice: String,
    pub account_id: Option<String>,
}

pub fn created_xml(list: &[Created]) -> Xml {
    Xml::Children(
        list.iter()
            .map(|c| {
                (
                    "request",
                    Xml::Children(vec![
                        ("service_request_id", text(&c.service_request_id)),
                        ("service_notice", text(&c.service_notice)),
                        ("account_id", Xml::Empty),
                    ]),
                )
            })
            .collect(),
    )
}

#[derive(Serialize)]
pub struct Endpoint {
    pub specification: &'static str,
    pub url: String,
    pub changeset: &'static str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub formats: [&'static str; 2],
}

#[derive(Serialize)]
pub struct Discovery {
    pub changeset: &'static str,
    pub contact: &'static str,
    pub key_service: &'static str,
    pub endpoints: Vec<Endpoint>,
}

pub fn discovery(base: &str) -> (Discovery, Xml) {
    let d = Discovery {
        changeset: "2026-12-05T00:00:00Z",
        contact: "Liên hệ Ủy ban nhân dân cấp xã nơi gửi phản ánh, kiến nghị.",
        key_service: "Không cần api_key: ai cũng gửi được phản ánh, kiến nghị (có giới hạn số lần gửi mỗi phút).",
        endpoints: vec![Endpoint {
            specification: "http://wiki.open311.org/GeoReport_v2",
            url: format!("{base}/open311/v2"),
            changeset: "2026-12-05T00:00:00Z",
            kind: "production",
            formats: ["application/json", "text/xml"],
        }],
    };
    let xml = Xml::Children(vec![
        ("changeset", text(d.changeset)),
        ("contact", text(d.contact)),
        ("key_service", text(d.key_service)),
        (
            "endpoints",
            Xml::Children(
                d.endpoints
                    .iter()
                    .map(|e| {
                        (
                            "endpoint",
                            Xml::Children(vec![
                                ("specification", text(e.specification)),
                                ("url", text(&e.url)),
                                ("changeset", text(e.changeset)),
                                ("type", text(e.kind)),
                                ("formats", Xml::Children(e.formats.iter().map(|f| ("format", text(f))).collect())),
                            ]),
                        )
                    })
                    .collect(),
            ),
        ),
    ]);
    (d, xml)
}
