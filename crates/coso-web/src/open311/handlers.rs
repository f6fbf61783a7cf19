//! The handlers of Open311: each reads its parameters leniently, calls the use cases and
//! answers in the format of its path, errors as Open311's list of `{code, description}`.

use std::collections::HashMap;
use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{StatusCode, Uri, header};
use axum::response::Response;
use coso_app::cases::open311::{self, RequestQuery};
use coso_app::cases::{self, PublicPetition, Submitter};
use coso_domain::UnitId;
use coso_domain::case::Channel;
use coso_domain::case::intake::{Open311Post, form_parameters};

use super::wire::{self, Created, Format, ServiceRequest};
use crate::error::AppError;
use crate::state::AppState;

fn query(uri: &Uri) -> HashMap<String, String> {
    form_parameters(uri.query().unwrap_or("").as_bytes())
}

/// The base address of links: the configured public address, or this request's host.
fn base(state: &AppState, uri: &Uri, host: Option<&str>) -> String {
    match (&state.app.settings().base_url, host) {
        (Some(b), _) => b.trim_end_matches('/').to_string(),
        (None, Some(h)) => format!("http://{h}"),
        (None, None) => uri.authority().map(|a| format!("http://{a}")).unwrap_or_default(),
    }
}

async fn discovery(state: AppState, req: Request, format: Format) -> Response {
    let host = req.headers().get(header::HOST).and_then(|h| h.to_str().ok());
    let (d, xml) = wire::discovery(&base(&state, req.uri(), host));
    wire::answer(format, StatusCode::OK, &d, ("discovery", xml))
}

pub async fn discovery_json(State(state): State<AppState>, req: Request) -> Response {
    discovery(state, req, Format::Json).await
}

pub async fn discovery_xml(State(state): State<AppState>, req: Request) -> Response {
    discovery(state, req, Format::Xml).await
}

async fn services(state: AppState, uri: Uri, format: Format) -> Response {
    let q = query(&uri);
    match open311::services(&state.app, q.get("jurisdiction_id").map(String::as_str)).await {
        Ok((unit, categories)) => {
            let (list, xml) = wire::services(&unit.name, &categories);
            wire::answer(format, StatusCode::OK, &list, ("services", xml))
        }
        Err(e) => wire::error(format, e.into()),
    }
}

pub async fn services_json(State(state): State<AppState>, uri: Uri) -> Response {
    services(state, uri, Format::Json).await
}

pub async fn services_xml(State(state): State<AppState>, uri: Uri) -> Response {
    services(state, uri, Format::Xml).await
}

/// Service requests with their service names (each unit's categories read once).
async fn with_names(state: &AppState, rows: Vec<coso_store::Open311Row>) -> Result<Vec<ServiceRequest>, AppError> {
    let mut names: HashMap<i64, HashMap<String, String>> = HashMap::new();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        if let std::collections::hash_map::Entry::Vacant(slot) = names.entry(row.unit_id) {
            let categories = state.store().case_categories(UnitId(row.unit_id)).await?;
            slot.insert(categories.into_iter().map(|c| (c.code, c.name)).collect());
        }
        let name = names.get(&row.unit_id).and_then(|n| n.get(&row.category)).cloned();
        let name = name.unwrap_or_else(|| row.category.clone());
        out.push(ServiceRequest::of(row, name));
    }
    Ok(out)
}

async fn list(state: AppState, uri: Uri, format: Format) -> Response {
    let q = query(&uri);
    let get = |k: &str| q.get(k).cloned();
    let filters = RequestQuery {
        jurisdiction_id: get("jurisdiction_id"),
        service_request_id: get("service_request_id"),
        service_code: get("service_code"),
        status: get("status"),
        start_date: get("start_date"),
        end_date: get("end_date"),
    };
    let listed = async {
        let rows = open311::requests(&state.app, &filters).await?;
        with_names(&state, rows).await
    };
    match listed.await {
        Ok(list) => {
            let xml = wire::requests_xml(&list);
            wire::answer(format, StatusCode::OK, &list, ("service_requests", xml))
        }
        Err(e) => wire::error(format, e),
    }
}

pub async fn list_json(State(state): State<AppState>, uri: Uri) -> Response {
    list(state, uri, Format::Json).await
}

pub async fn list_xml(State(state): State<AppState>, uri: Uri) -> Response {
    list(state, uri, Format::Xml).await
}

/// `GET requests/{id}.json` (or `.xml`): one request, in a list as the specification says.
pub async fn one(State(state): State<AppState>, uri: Uri) -> Response {
    let file = uri.path().rsplit('/').next().unwrap_or("");
    let (id, format) = if let Some(id) = file.strip_suffix(".json") {
        (id, Format::Json)
    } else if let Some(id) = file.strip_suffix(".xml") {
        (id, Format::Xml)
    } else {
        return wire::error(Format::Json, AppError::NotFound);
    };
    let found = async {
        let row = open311::request(&state.app, id).await?;
        with_names(&state, vec![row]).await
    };
    match found.await {
        Ok(list) => {
            let xml = wire::requests_xml(&list);
            wire::answer(format, StatusCode::OK, &list, ("service_requests", xml))
        }
        Err(e) => wire::error(format, e),
    }
}

/// The largest form body read: far beyond a description's limit, so that the answer can say by
/// how much a description is too long.
const MAX_FORM_BYTES: usize = 4 * 1024 * 1024;

async fn create(state: AppState, addr: SocketAddr, req: Request, format: Format) -> Response {
    let form_encoded = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| {
        v.split(';').next().unwrap_or("").trim().eq_ignore_ascii_case("application/x-www-form-urlencoded")
    });
    if !form_encoded {
        return wire::error(
            format,
            AppError::UnsupportedMediaType(
                "Nội dung gửi lên phải có Content-Type: application/x-www-form-urlencoded.".into(),
            ),
        );
    }
    let bytes = match axum::body::to_bytes(req.into_body(), MAX_FORM_BYTES).await {
        Ok(b) => b,
        Err(_) => return wire::error(format, AppError::TooLarge),
    };
    let p = form_parameters(&bytes);
    // A known client key has its own budget; an unknown one is refused; none: the address's.
    // Without any client configured, keys are not in use and a sent one is ignored.
    let keys_in_use = !state.settings.open311_api_keys.is_empty();
    let client = match p.get("api_key").map(|k| k.trim()).filter(|k| keys_in_use && !k.is_empty()) {
        Some(key) => match state.settings.open311_client(key) {
            Some(client) => state.check_open311_client(client).map(|()| Some(client.name.clone())),
            None => return wire::unknown_key(format),
        },
        None => state.check_intake(addr.ip()).map(|()| None),
    };
    let client = match client {
        Ok(client) => client,
        Err(e) => return wire::error(format, e),
    };
    let post = match Open311Post::of(&p) {
        Ok(post) => post,
        Err(e) => return wire::error(format, AppError::Validation(vec![e])),
    };
    let input = PublicPetition {
        unit: post.unit,
        category: post.category,
        content: post.content,
        place: post.place,
        latitude: post.latitude,
        longitude: post.longitude,
        media_url: post.media_url,
        // An Open311 client cannot ask the sender about publication: nothing is published.
        publish: false,
        name: post.name,
        phone: post.phone,
        email: post.email,
        photos: vec![],
        channel: Some(Channel::App),
        client,
    };
    if input.unit.trim().is_empty() {
        return wire::error(
            format,
            open311::jurisdiction(&state.app, None).await.err().map_or(AppError::NotFound, Into::into),
        );
    }
    let sent = async {
        let calendar = crate::calendar::current(&state).await?;
        let request_id = crate::request_id::current();
        let who = Submitter::Public { via: "open311", request_id: Some(&request_id) };
        let limits = crate::petitions::limits(&state);
        Ok::<_, AppError>(cases::submit_petition(&state.app, who, &calendar, input, limits).await?)
    };
    match sent.await {
        Ok(s) => {
            let due =
                s.reply_due.map(|d| format!(" Hạn trả lời: {}.", coso_calendar::format_vn(d))).unwrap_or_default();
            let list = vec![Created {
                service_request_id: s.code,
                service_notice: format!("{} đã tiếp nhận phản ánh, kiến nghị.{due}", s.unit_name),
                account_id: None,
            }];
            let xml = wire::created_xml(&list);
            wire::answer(format, StatusCode::CREATED, &list, ("service_requests", xml))
        }
        Err(e) => wire::error(format, e),
    }
}

pub async fn create_json(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    req: Request,
) -> Response {
    create(state, addr, req, Format::Json).await
}

pub async fn create_xml(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    req: Request,
) -> Response {
    create(state, addr, req, Format::Xml).await
}
