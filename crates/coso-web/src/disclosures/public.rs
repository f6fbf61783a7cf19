//! The public face of the register: `/don-vi/{code}/cong-khai` (current and past, searched
//! without diacritics, 20 a page), one disclosure with its files, and the unit's Atom feed.
//! Anonymous visitors share a rendered copy of the list and the feed for a few seconds.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use coso_app::disclosures::{self, ListQuery};
use coso_domain::DisclosureId;
use coso_export::atom::{self, Category, Entry, Feed};
use serde::Deserialize;

use super::views::{DetailPage, PublicListPage, list_href};
use crate::auth::{CurrentUser, MaybeUser};
use crate::error::{AppError, PageError, PageResult};
use crate::extract::{Path, Query};
use crate::plans::api::{DOCX, download, pdf};
use crate::shared_copy::{HTML, private, rendered, shared, site};
use crate::state::AppState;
use crate::views::Nav;

#[derive(Deserialize, Default)]
pub struct ListParams {
    #[serde(default)]
    pub q: String,
    /// `hien-hanh` (still posted) or `da-ket-thuc` (past); empty for all.
    #[serde(default, rename = "thoi-gian")]
    pub when: String,
    #[serde(default, rename = "trang")]
    pub page: Option<i64>,
}

async fn render(
    state: &AppState,
    user: Option<&CurrentUser>,
    code: &str,
    p: ListParams,
) -> Result<PublicListPage, AppError> {
    let actor = user.map(CurrentUser::actor);
    let query = ListQuery { q: p.q, when: p.when, page: p.page.unwrap_or(1) };
    let list = disclosures::list(&state.app, actor.as_ref(), code, &query).await?;
    let prev_href = if list.page > 1 { list_href(&list, list.page - 1) } else { String::new() };
    let next_href = if list.has_more { list_href(&list, list.page + 1) } else { String::new() };
    Ok(PublicListPage { nav: Nav::of(user), list, prev_href, next_href })
}

/// The list of a unit's disclosures.
pub async fn list(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(code): Path<String>,
    RawQuery(raw): RawQuery,
    Query(p): Query<ListParams>,
) -> PageResult<Response> {
    if user.is_some() {
        return Ok(private(render(&state, user.as_ref(), &code, p).await?));
    }
    let key = format!("disclosures:{code}?{}", raw.unwrap_or_default());
    Ok(shared(&state, &key, HTML, || async { rendered(&render(&state, None, &code, p).await?) }).await?)
}

/// One disclosure, with its files, forms, broadcast days and compliance checks.
pub async fn detail(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path((code, id)): Path<(String, i64)>,
) -> PageResult<DetailPage> {
    let actor = user.as_ref().map(CurrentUser::actor);
    let (unit, view) = disclosures::view(&state.app, actor.as_ref(), DisclosureId(id)).await?;
    if unit.code != code {
        return Err(PageError(AppError::NotFound));
    }
    Ok(DetailPage { nav: Nav::of(user.as_ref()), unit, view })
}

/// A file of a disclosure, as stored (photos already without metadata).
pub async fn file(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path((code, id, file)): Path<(String, i64, i64)>,
) -> PageResult<Response> {
    let actor = user.as_ref().map(CurrentUser::actor);
    let (unit, _) = disclosures::view(&state.app, actor.as_ref(), DisclosureId(id)).await?;
    if unit.code != code {
        return Err(PageError(AppError::NotFound));
    }
    let (meta, bytes) = state
        .app
        .store()
        .disclosure_file(id, file)
        .await
        .map_err(coso_app::Error::from)?
        .ok_or(PageError(AppError::NotFound))?;
    let ascii: String = coso_text::fold(&meta.file_name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '.' || c == '-' { c } else { '-' })
        .collect();
    let disposition = if meta.kind == "photo" {
        format!("inline; filename=\"{ascii}\"")
    } else {
        format!("attachment; filename=\"{ascii}\"")
    };
    Ok(([(header::CONTENT_TYPE, meta.content_type), (header::CONTENT_DISPOSITION, disposition)], bytes).into_response())
}

async fn notice(
    state: &AppState,
    user: Option<&CurrentUser>,
    code: &str,
    id: i64,
) -> Result<(coso_documents::Document, String), AppError> {
    let actor = user.map(CurrentUser::actor);
    let (unit, view) = disclosures::view(&state.app, actor.as_ref(), DisclosureId(id)).await?;
    if unit.code != code {
        return Err(AppError::NotFound);
    }
    Ok((disclosures::notice::document(&unit, &view), format!("thong-bao-cong-khai-{id}")))
}

/// The printable notice (Decree 30 layout) as DOCX.
pub async fn notice_docx(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path((code, id)): Path<(String, i64)>,
) -> PageResult<Response> {
    let (doc, name) = notice(&state, user.as_ref(), &code, id).await?;
    Ok(download(coso_app::plans::summary::docx(&doc)?, DOCX, &format!("{name}.docx")))
}

/// The printable notice as PDF (501 in a build without PDF output).
pub async fn notice_pdf(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path((code, id)): Path<(String, i64)>,
) -> PageResult<Response> {
    let (doc, name) = notice(&state, user.as_ref(), &code, id).await?;
    Ok(download(pdf(doc).await?, "application/pdf", &format!("{name}.pdf")))
}

/// The site's address for absolute links: the configured base URL, else the request's host.
fn midnight(d: NaiveDate) -> chrono::DateTime<Utc> {
    Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN))
}

async fn feed_xml(
    state: &AppState,
    actor: Option<&coso_app::Actor>,
    code: &str,
    site: &str,
) -> Result<String, AppError> {
    let list = disclosures::list(&state.app, actor, code, &ListQuery { page: 1, ..Default::default() }).await?;
    let host = site.split("://").nth(1).unwrap_or(site).split(['/', ':']).next().unwrap_or("localhost").to_owned();
    // The day the law took effect: coso's host published no disclosure before it.
    let minted = NaiveDate::from_ymd_opt(2023, 7, 1).unwrap_or_default();
    let unit = &list.unit;
    let page = format!("{site}/don-vi/{}/cong-khai", unit.code);
    let entries: Vec<Entry> = list
        .items
        .iter()
        .map(|v| {
            let r = &v.row;
            Entry {
                id: atom::tag_uri(&host, minted, &format!("cong-khai/{}", r.id)),
                title: r.title.clone(),
                updated: r.updated_at,
                published: Some(midnight(r.posted_from)),
                summary: Some(format!("Nội dung {}: {}", r.item_number, r.item_title)),
                content: Some(r.content.clone()),
                link: Some(format!("{page}/{}", r.id)),
                categories: v
                    .forms
                    .iter()
                    .map(|f| Category { term: f.as_str().to_owned(), label: Some(f.label().to_owned()) })
                    .chain(std::iter::once(Category {
                        term: format!("noi-dung-{}", r.item_number),
                        label: Some(r.item_title.clone()),
                    }))
                    .collect(),
            }
        })
        .collect();
    let updated = entries.iter().map(|e| e.updated).max().unwrap_or_else(|| midnight(minted));
    let feed = Feed {
        id: atom::tag_uri(&host, minted, &format!("don-vi/{}/cong-khai", unit.code)),
        title: format!("Công khai thông tin — {}", unit.name),
        updated,
        self_link: format!("{page}.atom"),
        alternate_link: page.clone(),
        author: unit.name.clone(),
        entries,
    };
    Ok(feed.to_xml())
}

/// The unit's Atom feed (RFC 4287): its latest 20 disclosures.
pub async fn feed(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    headers: HeaderMap,
    Path(code): Path<String>,
) -> PageResult<Response> {
    let site = site(&state, &headers);
    if let Some(user) = user {
        let xml = feed_xml(&state, Some(&user.actor()), &code, &site).await?;
        return Ok(private(([(header::CONTENT_TYPE, atom::CONTENT_TYPE)], xml)));
    }
    let key = format!("disclosures.atom:{code}:{site}");
    Ok(shared(&state, &key, atom::CONTENT_TYPE, || async {
        Ok(Bytes::from(feed_xml(&state, None, &code, &site).await?))
    })
    .await?)
}
