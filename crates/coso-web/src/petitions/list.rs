//! `/don-vi/{code}/phan-anh`: the published petitions of a unit's subtree, 20 a page, filtered
//! by category, status and words (without diacritics), with the ratings of the answers.

use axum::extract::{RawQuery, State};
use axum::response::Response;
use coso_app::cases::{self, ListQuery};
use coso_domain::case::CaseStatus;
use serde::Deserialize;

use super::views::ListPage;
use crate::auth::MaybeUser;
use crate::error::{AppError, PageResult};
use crate::extract::{Path, Query};
use crate::shared_copy::{HTML, private, rendered, shared};
use crate::state::AppState;
use crate::views::Nav;

#[derive(Deserialize, Default)]
pub struct ListParams {
    #[serde(default, rename = "linh-vuc")]
    pub category: String,
    #[serde(default, rename = "trang-thai")]
    pub status: String,
    #[serde(default)]
    pub q: String,
    #[serde(default, rename = "trang")]
    pub page: Option<i64>,
}

/// The statuses a visitor filters by, with their Vietnamese names.
fn statuses() -> Vec<(&'static str, &'static str)> {
    CaseStatus::ALL.iter().filter(|s| **s != CaseStatus::Withdrawn).map(|s| (s.as_str(), s.label())).collect()
}

fn href(code: &str, list: &coso_app::cases::PublicList, page: i64) -> String {
    let mut query: Vec<(&str, String)> = vec![];
    if !list.category.is_empty() {
        query.push(("linh-vuc", list.category.clone()));
    }
    if let Some(s) = list.status {
        query.push(("trang-thai", s.as_str().to_string()));
    }
    if !list.q.is_empty() {
        query.push(("q", list.q.clone()));
    }
    if page > 1 {
        query.push(("trang", page.to_string()));
    }
    let encoded = form_urlencoded::Serializer::new(String::new()).extend_pairs(query).finish();
    if encoded.is_empty() { format!("/don-vi/{code}/phan-anh") } else { format!("/don-vi/{code}/phan-anh?{encoded}") }
}

async fn render(
    state: &AppState,
    user: Option<&crate::auth::CurrentUser>,
    code: &str,
    p: ListParams,
) -> Result<ListPage, AppError> {
    let query = ListQuery { category: p.category, status: p.status, q: p.q, page: p.page.unwrap_or(1) };
    let list = cases::published(&state.app, code, &query).await?;
    let unit_code = list.unit.code.clone();
    let prev_href = if list.page > 1 { href(&unit_code, &list, list.page - 1) } else { String::new() };
    let next_href = if list.has_more { href(&unit_code, &list, list.page + 1) } else { String::new() };
    Ok(ListPage { nav: Nav::of(user), list, statuses: statuses(), prev_href, next_href })
}

/// The list; anonymous visitors share a rendered copy of each page for a few seconds (a link
/// shared in a village's chat group brings many at once).
pub async fn page(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    Path(code): Path<String>,
    RawQuery(raw): RawQuery,
    Query(p): Query<ListParams>,
) -> PageResult<Response> {
    if user.is_some() {
        return Ok(private(render(&state, user.as_ref(), &code, p).await?));
    }
    let key = format!("petitions:{code}?{}", raw.unwrap_or_default());
    Ok(shared(&state, &key, HTML, || async { rendered(&render(&state, None, &code, p).await?) }).await?)
}
